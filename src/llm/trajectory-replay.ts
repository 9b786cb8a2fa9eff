// The reference's action replay (`--replay-trajectory-path`, runtime.md §11): a saved trajectory's agent
// actions stand in for the model, one per call, with fresh observations from the sandbox. When they run
// out, calls go to the fallback model (normal stepping resumes), or fail clearly when there is none.
import { emptyUsage } from './usage.js';
import { readFileSync, statSync } from 'node:fs';
import { ResolverError } from '../core/errors.js';
import type { ActionEvent } from '../core/events.js';
import type { Completion, LlmClient, TokenUsage, ToolCall } from './types.js';

interface StoredResponse {
  choices?: { message?: { tool_calls?: { id: string; function: { name: string; arguments: string } }[] } }[];
}

function fail(message: string): never {
  throw new ResolverError('config', message);
}

/** Reads a trajectory file with the reference's checks; returns its actions minus environment events. */
export function loadTrajectory(file: string): { task: string; actions: ActionEvent[] } {
  let st;
  try {
    st = statSync(file);
  } catch {
    fail(`Replay trajectory not found: ${file}`);
  }
  if (st.isDirectory()) fail(`Replay trajectory ${file} is a directory, not a file.`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    fail(`Replay trajectory ${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) fail(`Replay trajectory ${file}: expected a list of events.`);
  const events = (data as Record<string, unknown>[]).filter(
    (e) => e && typeof e === 'object' && e.source !== 'environment' && 'action' in e,
  ) as unknown as ActionEvent[];
  const first = events[0];
  if (!first || first.action !== 'message')
    fail(`Replay trajectory ${file}: the first event must be a message action.`);
  const actions = events
    .slice(1)
    .filter((e) => e.source === 'agent' && e.action !== 'system' && e.action !== 'condensation');
  return { task: first.args.content, actions };
}

function callFor(a: ActionEvent, index: number): ToolCall | null {
  const meta = a.tool_call_metadata;
  const stored = (meta?.model_response as StoredResponse | undefined)?.choices?.[0]?.message?.tool_calls?.find(
    (c) => c.id === meta?.tool_call_id,
  );
  const id = meta?.tool_call_id ?? `replay_action_${index}`;
  if (stored) return { id, name: stored.function.name, arguments: stored.function.arguments };
  const clean = (o: Record<string, unknown>) =>
    JSON.stringify(Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)));
  switch (a.action) {
    case 'run':
      return {
        id,
        name: 'execute_bash',
        arguments: clean({
          command: a.args.command,
          is_input: a.args.is_input ? 'true' : undefined,
          timeout: a.args.blocking ? a.timeout : undefined,
        }),
      };
    case 'read':
      return {
        id,
        name: 'str_replace_editor',
        arguments: clean({ command: 'view', path: a.args.path, view_range: a.args.view_range }),
      };
    case 'edit':
      return {
        id,
        name: 'str_replace_editor',
        arguments: clean({
          command: a.args.command,
          path: a.args.path,
          file_text: a.args.file_text,
          old_str: a.args.old_str,
          new_str: a.args.new_str,
          insert_line: a.args.insert_line,
        }),
      };
    case 'think':
      return { id, name: 'think', arguments: clean({ thought: a.args.thought }) };
    case 'finish':
      return { id, name: 'finish', arguments: clean({ message: a.args.final_thought }) };
    case 'run_ipython':
      return { id, name: 'execute_ipython_cell', arguments: clean({ code: a.args.code }) };
    default:
      return null;
  }
}

export function createTrajectoryReplayClient(
  file: string,
  fallback: LlmClient | null,
): LlmClient & { readonly task: string } {
  const { task, actions } = loadTrajectory(file);
  let next = 0;
  const model = fallback?.model ?? `replay-trajectory/${file}`;
  const usage = (id: string): TokenUsage => emptyUsage(model, id);
  return {
    model,
    task,
    async complete(req): Promise<Completion> {
      // Only agent turns (tool-offering calls) replay; the judgement goes to the real model.
      const agentTurn = (req.tools ?? []).length > 0;
      while (agentTurn && next < actions.length) {
        const a = actions[next] as ActionEvent;
        next += 1;
        const responseId = `replay-trajectory-${next}`;
        if (a.action === 'message') {
          return {
            content: a.args.content,
            toolCalls: [],
            usage: usage(responseId),
            cost: 0,
            responseId,
            latencySec: 0,
            finishReason: 'stop',
          };
        }
        const call = callFor(a, next);
        if (!call) continue;
        const thought =
          'thought' in a.args && typeof a.args.thought === 'string' && a.args.thought ? a.args.thought : null;
        return {
          content: thought,
          toolCalls: [call],
          usage: usage(responseId),
          cost: 0,
          responseId,
          latencySec: 0,
          finishReason: 'tool_calls',
        };
      }
      if (fallback) return fallback.complete(req);
      throw new ResolverError(
        'llm',
        agentTurn
          ? `The replayed trajectory ${file} has no more actions and no model is configured to continue.`
          : 'Not judged: a replayed trajectory without a configured model cannot be judged.',
      );
    },
  };
}
