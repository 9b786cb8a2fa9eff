// Record/replay of model responses (DESIGN.md §8.10). A replay file stands in for the model: each call
// (agent turns and the success judgement, in order) gets the next recorded response.
import { emptyUsage } from './usage.js';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ResolverError } from '../core/errors.js';
import type { Completion, CompletionRequest, LlmClient, TokenUsage, ToolCall } from './types.js';

export interface RecordedResponse {
  content: string | null;
  toolCalls: ToolCall[];
  usage?: Partial<TokenUsage>;
  cost?: number | null;
}

export interface ReplayFile {
  version: 1;
  model?: string;
  responses: RecordedResponse[];
}

function parseToolCall(raw: unknown, where: string, fallbackId: string): ToolCall {
  if (!raw || typeof raw !== 'object') throw new Error(`${where} is not an object`);
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== 'string') throw new Error(`${where}.name must be a string`);
  const args = typeof r.arguments === 'string' ? r.arguments : JSON.stringify(r.arguments ?? {});
  return { id: typeof r.id === 'string' && r.id ? r.id : fallbackId, name: r.name, arguments: args };
}

/** Reads and validates a replay file; errors say which entry is wrong. */
export function loadReplayFile(file: string): ReplayFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ResolverError('config', `Cannot read the LLM replay file ${file}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ResolverError('config', `The LLM replay file ${file} is not valid JSON: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const d = data as Record<string, unknown> | null;
  if (!d || typeof d !== 'object' || d.version !== 1 || !Array.isArray(d.responses)) {
    throw new ResolverError('config', `The LLM replay file ${file} must hold {"version": 1, "responses": [...]}.`);
  }
  try {
    const responses = d.responses.map((raw, i): RecordedResponse => {
      const r = raw as Record<string, unknown> | null;
      if (!r || typeof r !== 'object') throw new Error(`responses[${i}] is not an object`);
      const content = r.content ?? null;
      if (content !== null && typeof content !== 'string')
        throw new Error(`responses[${i}].content must be a string or null`);
      const tc = r.toolCalls ?? [];
      if (!Array.isArray(tc)) throw new Error(`responses[${i}].toolCalls must be an array`);
      return {
        content,
        toolCalls: tc.map((c, j) => parseToolCall(c, `responses[${i}].toolCalls[${j}]`, `replay_${i}_${j}`)),
        usage: r.usage && typeof r.usage === 'object' ? (r.usage as Partial<TokenUsage>) : undefined,
        cost: typeof r.cost === 'number' ? r.cost : null,
      };
    });
    return { version: 1, model: typeof d.model === 'string' ? d.model : undefined, responses };
  } catch (err) {
    throw new ResolverError('config', `The LLM replay file ${file} is malformed: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

export function createReplayClient(
  file: string,
  opts: { model?: string } = {},
): LlmClient & { readonly remaining: number } {
  const data = loadReplayFile(file);
  const model = opts.model ?? `replay/${file}`;
  let next = 0;
  return {
    model,
    get remaining() {
      return data.responses.length - next;
    },
    async complete(req: CompletionRequest): Promise<Completion> {
      if (req.signal?.aborted) throw new ResolverError('cancelled', 'The model call was cancelled.');
      const r = data.responses[next];
      if (!r) {
        throw new ResolverError(
          'llm',
          `The LLM replay file ${file} is exhausted: it holds ${data.responses.length} responses and the run asked for response ${next + 1}. Record a longer run, or lower the iteration limit.`,
        );
      }
      next += 1;
      const responseId = r.usage?.response_id ?? `replay-${next}`;
      const usage: TokenUsage = { ...emptyUsage(model, responseId), ...r.usage, model, response_id: responseId };
      return {
        content: r.content,
        toolCalls: r.toolCalls.map((c) => ({ ...c })),
        usage,
        cost: r.cost ?? null,
        responseId,
        latencySec: 0,
        finishReason: r.toolCalls.length > 0 ? 'tool_calls' : 'stop',
      };
    },
  };
}

/** Wraps a live client and writes every response to `file` as it arrives (so a crash keeps what was said). */
export function createRecordingClient(inner: LlmClient, file: string): LlmClient & { readonly recorded: number } {
  const data: ReplayFile = { version: 1, model: inner.model, responses: [] };
  const write = () => {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n');
    renameSync(tmp, file);
  };
  return {
    model: inner.model,
    get recorded() {
      return data.responses.length;
    },
    async complete(req) {
      const c = await inner.complete(req);
      data.responses.push({ content: c.content, toolCalls: c.toolCalls, usage: c.usage, cost: c.cost });
      write();
      return c;
    },
  };
}
