// Turns the event history into model messages. Tool outputs older than the last N steps are masked to a
// one-line stub (DESIGN.md §8.8), and so are recent ones beyond a size budget (the newest output is always
// shown), so the prompt stays bounded however long the run is and however large the outputs are.
import { isAction, isObservation, type Event, type ToolCallMetadata } from '../core/events.js';
import type { Completion, ContentPart, Message, ToolCall } from '../llm/types.js';
import type { ToolRegistry } from './tools/registry.js';

/** The model response kept in tool_call_metadata, in the OpenAI shape the reference stores. */
export interface ModelResponseJson {
  id: string;
  choices: {
    index: number;
    message: {
      role: 'assistant';
      content: string | null;
      tool_calls: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
    };
    finish_reason: string | null;
  }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

export function modelResponseJson(c: Completion): ModelResponseJson {
  return {
    id: c.responseId,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: c.content,
          tool_calls: c.toolCalls.map((t) => ({
            id: t.id,
            type: 'function',
            function: { name: t.name, arguments: t.arguments },
          })),
        },
        finish_reason: c.finishReason,
      },
    ],
    usage: {
      prompt_tokens: c.usage.prompt_tokens,
      completion_tokens: c.usage.completion_tokens,
      total_tokens: c.usage.prompt_tokens + c.usage.completion_tokens,
    },
  };
}

function responseOf(meta: ToolCallMetadata): { key: string; content: string | null; toolCalls: ToolCall[] } {
  const mr = meta.model_response as Partial<ModelResponseJson> | undefined;
  const msg = mr?.choices?.[0]?.message;
  if (!msg) {
    return {
      key: meta.tool_call_id,
      content: null,
      toolCalls: [{ id: meta.tool_call_id, name: meta.function_name, arguments: '{}' }],
    };
  }
  return {
    key: mr?.id ? `${mr.id}:${msg.tool_calls.map((t) => t.id).join(',')}` : meta.tool_call_id,
    content: msg.content,
    toolCalls: msg.tool_calls.map((t) => ({ id: t.id, name: t.function.name, arguments: t.function.arguments })),
  };
}

export interface CondensedView {
  events: Event[];
  summary: string | null;
}

/** Applies condensation actions: forgotten ranges drop out, the latest summary is kept. */
export function applyCondensation(history: readonly Event[]): CondensedView {
  const forgotten = new Set<number>();
  let summary: string | null = null;
  for (const e of history) {
    if (isAction(e) && e.action === 'condensation') {
      const a = e.args as {
        forgotten_events_start_id?: number;
        forgotten_events_end_id?: number;
        forgotten_event_ids?: number[];
        summary?: string;
      };
      if (typeof a.forgotten_events_start_id === 'number' && typeof a.forgotten_events_end_id === 'number') {
        for (let i = a.forgotten_events_start_id; i <= a.forgotten_events_end_id; i++) forgotten.add(i);
      }
      for (const id of a.forgotten_event_ids ?? []) forgotten.add(id);
      if (typeof a.summary === 'string') summary = a.summary;
    }
  }
  return {
    events: history.filter(
      (e) => !(isAction(e) && e.action === 'condensation') && !(e.id !== undefined && forgotten.has(e.id)),
    ),
    summary,
  };
}

/** Default size budget of the recent tool outputs shown in full (characters, about 5k tokens). */
export const RECENT_OUTPUT_BUDGET_CHARS = 20_000;

export interface BuildOptions {
  /** Tool outputs of the last this-many steps are shown in full; older ones become a stub. */
  keepRecentSteps: number;
  /**
   * Of those, newest first, only as many as fit this many characters are shown (the newest always is); the
   * rest become a stub too. Default RECENT_OUTPUT_BUDGET_CHARS; Infinity turns the budget off.
   */
  recentOutputChars?: number;
  vision?: boolean;
}

export const NOT_EXECUTED = 'This call was not executed (the run stopped before reaching it).';

export function maskStub(chars: number): string {
  return `[Output of an older step omitted to save context (${chars} characters); run the step again if you need it.]`;
}

/** The tool observations shown in full: the last `steps`, newest first while they fit `budgetChars`. */
export function recentOutputs(events: readonly Event[], steps: number, budgetChars: number): Set<Event> {
  const toolObs = events.filter((e) => isObservation(e) && e.tool_call_metadata);
  const recent = toolObs.slice(Math.max(0, toolObs.length - steps));
  const keep = new Set<Event>();
  let used = 0;
  for (let i = recent.length - 1; i >= 0; i--) {
    const e = recent[i] as Event;
    const size = isObservation(e) ? e.content.length : 0;
    // A large output that does not fit is masked; smaller, older ones may still fit.
    if (keep.size > 0 && used + size > budgetChars) continue;
    keep.add(e);
    used += size;
  }
  return keep;
}

export function buildMessages(view: CondensedView, registry: ToolRegistry, opts: BuildOptions): Message[] {
  const keep = recentOutputs(view.events, opts.keepRecentSteps, opts.recentOutputChars ?? RECENT_OUTPUT_BUDGET_CHARS);
  const out: Message[] = [];
  const emitted = new Set<string>();
  let pending: { id: string; name: string }[] = [];
  let firstUserSeen = false;

  const flush = () => {
    for (const p of pending) out.push({ role: 'tool', toolCallId: p.id, name: p.name, content: NOT_EXECUTED });
    pending = [];
  };
  const ensureAssistant = (meta: ToolCallMetadata) => {
    const r = responseOf(meta);
    if (emitted.has(r.key)) return;
    flush();
    emitted.add(r.key);
    out.push({ role: 'assistant', content: r.content, toolCalls: r.toolCalls });
    pending = r.toolCalls.map((c) => ({ id: c.id, name: c.name }));
  };
  const push = (m: Message) => {
    flush();
    out.push(m);
  };

  for (const e of view.events) {
    if (isAction(e)) {
      if (e.action === 'system') push({ role: 'system', content: e.args.content });
      else if (e.action === 'message' && e.source === 'user') {
        const urls = e.args.image_urls ?? [];
        if (opts.vision && urls.length > 0) {
          const parts: ContentPart[] = [
            { type: 'text', text: e.args.content },
            ...urls.map((url): ContentPart => ({ type: 'image_url', url })),
          ];
          push({ role: 'user', content: parts });
        } else push({ role: 'user', content: e.args.content });
        if (!firstUserSeen && view.summary) {
          push({
            role: 'user',
            content: `Summary of the earlier steps of this session (they were condensed to save context):\n${view.summary}`,
          });
        }
        firstUserSeen = true;
      } else if (e.action === 'message') push({ role: 'assistant', content: e.args.content });
      else if (e.tool_call_metadata) ensureAssistant(e.tool_call_metadata);
    } else {
      const meta = e.tool_call_metadata;
      if (meta) {
        ensureAssistant(meta);
        const text = keep.has(e) ? registry.render(e, meta.function_name) : maskStub(e.content.length);
        const idx = pending.findIndex((p) => p.id === meta.tool_call_id);
        if (idx >= 0) pending.splice(idx, 1);
        out.push({ role: 'tool', toolCallId: meta.tool_call_id, name: meta.function_name, content: text });
      } else if (e.observation !== 'null' && e.observation !== 'agent_state_changed') {
        push({ role: 'user', content: e.content });
      }
    }
  }
  flush();
  return out;
}
