import { describe, expect, it } from 'vitest';
import { buildMessages, maskStub, recentOutputs } from '../../src/agent/messages.js';
import { createToolRegistry, defaultTools } from '../../src/agent/tools/registry.js';
import type { Event, ObservationEvent } from '../../src/core/events.js';

/** Tool observations of the given sizes (oldest first), each answering its own think call. */
function history(sizes: number[]): Event[] {
  const out: Event[] = [];
  sizes.forEach((size, i) => {
    const meta = { tool_call_id: `c${i}`, function_name: 'think', model_response: {}, total_calls_in_response: 1 };
    out.push({ id: 2 * i, action: 'think', args: { thought: `t${i}` }, tool_call_metadata: meta } as Event);
    const obs: ObservationEvent = {
      id: 2 * i + 1,
      observation: 'think',
      content: String.fromCharCode(97 + (i % 26)).repeat(size),
      extras: {},
      tool_call_metadata: meta,
    };
    out.push(obs);
  });
  return out;
}

describe('recentOutputs: the last N steps, newest first within a size budget', () => {
  it.each([
    ['everything fits', [10, 10, 10], 10, 100, [0, 1, 2]],
    ['only the last N steps', [10, 10, 10, 10], 2, 100, [2, 3]],
    ['the budget stops older ones', [10, 10, 10, 10], 10, 25, [2, 3]],
    ['the newest is shown even over the budget', [10, 500], 10, 100, [1]],
    ['a large one is skipped, smaller older ones still fit', [10, 10, 90, 10], 10, 50, [0, 1, 3]],
    ['no budget and no window: the whole history', [500, 500, 500], Infinity, Infinity, [0, 1, 2]],
  ])('%s', (_name, sizes, steps, budget, shown) => {
    const h = history(sizes);
    const kept = recentOutputs(h, steps, budget);
    const idx = h.filter((e) => kept.has(e)).map((e) => ((e.id ?? 0) - 1) / 2);
    expect(idx).toEqual(shown);
  });

  it('buildMessages shows kept outputs and a stub with the size for the others', () => {
    const h = history([30, 40, 50]);
    const msgs = buildMessages({ events: h, summary: null }, createToolRegistry(defaultTools()), {
      keepRecentSteps: 2,
      recentOutputChars: 60,
    });
    expect(msgs.filter((m) => m.role === 'tool').map((m) => m.content)).toEqual([
      maskStub(30),
      maskStub(40),
      'c'.repeat(50),
    ]);
  });
});
