// The tool set offered to the model, and the gate every call passes before anything runs: arguments must
// be a JSON object, the tool must exist, required arguments present and no unknown ones (security.md §6).
import type { ActionEvent, ObservationEvent } from '../../core/events.js';
import type { ToolCall, ToolSpec } from '../../llm/types.js';
import { createExecuteBashTool, renderRunObservation } from './execute-bash.js';
import { createExecuteIpythonCellTool } from './execute-ipython-cell.js';
import { createFinishTool } from './finish.js';
import { createStrReplaceEditorTool } from './str-replace-editor.js';
import { createThinkTool } from './think.js';
import type { AgentTool } from './types.js';

export type Prepared = { ok: true; tool: AgentTool; action: ActionEvent } | { ok: false; error: string };

export interface ToolRegistry {
  readonly specs: ToolSpec[];
  get(name: string): AgentTool | undefined;
  /** Validates one model call and builds its action; never executes anything. */
  prepare(call: ToolCall, thought: string): Prepared;
  /** The text the model sees for an observation answering a call to `toolName`. */
  render(obs: ObservationEvent, toolName: string | undefined): string;
}

/** Accepted on every tool and ignored (DESIGN.md §4). */
const ALWAYS_ALLOWED = new Set(['security_risk']);

function schemaKeys(spec: ToolSpec): { allowed: string[]; required: string[] } {
  const props = spec.parameters.properties;
  const allowed = props && typeof props === 'object' ? Object.keys(props) : [];
  const req = spec.parameters.required;
  const required = Array.isArray(req) ? req.filter((x): x is string => typeof x === 'string') : [];
  return { allowed, required };
}

export function createToolRegistry(tools: AgentTool[]): ToolRegistry {
  const byName = new Map(tools.map((t) => [t.spec.name, t]));
  return {
    specs: tools.map((t) => t.spec),
    get: (name) => byName.get(name),
    prepare(call, thought) {
      const tool = byName.get(call.name);
      if (!tool) {
        return {
          ok: false,
          error: `Tool ${JSON.stringify(call.name)} is not registered. Available tools: ${[...byName.keys()].join(', ')}.`,
        };
      }
      let parsed: unknown;
      const raw = call.arguments.trim() === '' ? '{}' : call.arguments;
      try {
        parsed = JSON.parse(raw);
      } catch (err) {
        return {
          ok: false,
          error: `The arguments of your ${call.name} call are not valid JSON (${(err as Error).message}). Nothing was executed; send the call again with a JSON object of arguments.`,
        };
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return {
          ok: false,
          error: `The arguments of your ${call.name} call must be a JSON object. Nothing was executed.`,
        };
      }
      const args = parsed as Record<string, unknown>;
      const { allowed, required } = schemaKeys(tool.spec);
      const unknown = Object.keys(args).filter((k) => !allowed.includes(k) && !ALWAYS_ALLOWED.has(k));
      if (unknown.length > 0) {
        return {
          ok: false,
          error: `Unexpected argument(s) for ${call.name}: ${unknown.join(', ')}. Allowed arguments: ${allowed.join(', ')}. Nothing was executed.`,
        };
      }
      const missing = required.filter((k) => args[k] === undefined || args[k] === null);
      if (missing.length > 0) {
        return {
          ok: false,
          error: `Missing required argument(s) for ${call.name}: ${missing.join(', ')}. Allowed arguments: ${allowed.join(', ')}. Nothing was executed.`,
        };
      }
      const result = tool.toAction(args, thought);
      if (!result.ok) return { ok: false, error: `${result.error} Nothing was executed.` };
      return { ok: true, tool, action: result.action };
    },
    render(obs, toolName) {
      const tool = toolName ? byName.get(toolName) : undefined;
      if (tool?.render) return tool.render(obs);
      if (obs.observation === 'run') return renderRunObservation(obs);
      return obs.content;
    },
  };
}

export interface DefaultToolOptions {
  /** Hard timeout of commands the model gives no timeout (seconds). */
  commandTimeoutSec?: number;
  /** Short descriptions for models that cap them (names containing gpt-4, o1, o3, o4). */
  shortDescriptions?: boolean;
  /** Offer execute_ipython_cell (only when the sandbox runs the Jupyter plugin). */
  jupyter?: boolean;
}

/** The CodeAct set in the reference's order: execute_bash, think, finish, [execute_ipython_cell], str_replace_editor. */
export function defaultTools(opts: DefaultToolOptions = {}): AgentTool[] {
  return [
    createExecuteBashTool({ shortDescription: opts.shortDescriptions, defaultTimeoutSec: opts.commandTimeoutSec }),
    createThinkTool(),
    createFinishTool(),
    ...(opts.jupyter ? [createExecuteIpythonCellTool()] : []),
    createStrReplaceEditorTool(),
  ];
}

export function wantsShortDescriptions(model: string): boolean {
  return /gpt-4|o1|o3|o4/.test(model);
}
