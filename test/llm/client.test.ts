import { afterEach, describe, expect, it } from 'vitest';
import { ResolverError } from '../../src/core/errors.js';
import { createRecordingLogger } from '../../src/core/log.js';
import { createLlmClient } from '../../src/llm/client.js';
import { backoffSec, parseRetryAfter } from '../../src/llm/retry.js';
import type { LlmConfig } from '../../src/llm/types.js';
import {
  contextLengthExceeded,
  disconnect,
  httpError,
  insufficientQuota,
  overloaded,
  rateLimited,
  serverError,
  slow,
  startScriptedLlm,
  streamCut,
  text,
  toolCall,
  type LlmStep,
  type ScriptedLlm,
} from '../../src/testing/scripted-llm.js';

let llm: ScriptedLlm | undefined;
afterEach(async () => {
  await llm?.close();
  llm = undefined;
});

function config(baseUrl: string, over: Partial<LlmConfig> = {}): LlmConfig {
  return {
    model: 'openai/gpt-4o',
    apiKey: 'sk-test-key',
    baseUrl,
    numRetries: 5,
    retryMinWaitSec: 8,
    retryMaxWaitSec: 64,
    retryMultiplier: 8,
    timeoutSec: 30,
    ...over,
  };
}

async function setup(script: LlmStep[], over: Partial<LlmConfig> = {}) {
  llm = await startScriptedLlm(script, { apiKey: 'sk-test-key' });
  const sleeps: number[] = [];
  const logger = createRecordingLogger();
  const client = createLlmClient(config(llm.baseUrl, over), {
    logger,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 1,
  });
  return { client, sleeps, logger, llm };
}

const ask = { messages: [{ role: 'user' as const, content: 'hi' }] };

describe('retries (security.md §6)', () => {
  const table: { name: string; first: LlmStep; retried: boolean; code?: string; sleepMs?: number }[] = [
    { name: '429 with retry-after seconds', first: rateLimited({ retryAfter: 3 }), retried: true, sleepMs: 3000 },
    { name: '429 with retry-after-ms', first: rateLimited({ retryAfterMs: 1500 }), retried: true, sleepMs: 1500 },
    {
      name: '429 with retry-after over the cap → backoff',
      first: rateLimited({ retryAfter: 9999 }),
      retried: true,
      sleepMs: 8000,
    },
    {
      name: '429 with a negative retry-after → backoff',
      first: rateLimited({ retryAfter: -5 }),
      retried: true,
      sleepMs: 8000,
    },
    {
      name: '429 with garbage retry-after → backoff',
      first: rateLimited({ retryAfter: 'soon' }),
      retried: true,
      sleepMs: 8000,
    },
    { name: '500', first: serverError(500), retried: true, sleepMs: 8000 },
    { name: '503', first: serverError(503), retried: true },
    { name: '529 overloaded', first: overloaded(), retried: true },
    { name: '408', first: httpError(408, { error: { message: 'timeout' } }), retried: true },
    { name: '409', first: httpError(409, { error: { message: 'conflict' } }), retried: true },
    { name: 'dropped connection', first: disconnect(), retried: true },
    { name: 'body cut mid-response', first: streamCut(text('partial answer'), 1), retried: true },
    { name: '400', first: httpError(400, { error: { message: 'bad request' } }), retried: false, code: 'llm' },
    { name: '401', first: httpError(401, { error: { message: 'invalid api key' } }), retried: false, code: 'llm-auth' },
    { name: '403', first: httpError(403, { error: { message: 'forbidden' } }), retried: false, code: 'llm-auth' },
    { name: '404', first: httpError(404, { error: { message: 'no such model' } }), retried: false, code: 'llm' },
    { name: '422', first: httpError(422, { error: { message: 'unprocessable' } }), retried: false, code: 'llm' },
    { name: '429 insufficient_quota', first: insufficientQuota(), retried: false, code: 'llm-quota' },
    {
      name: '429 enforced_spend_limit_reached',
      first: httpError(429, { error: { message: 'spend limit', code: 'enforced_spend_limit_reached' } }),
      retried: false,
      code: 'llm-quota',
    },
    { name: 'context length', first: contextLengthExceeded(), retried: false, code: 'llm-context' },
  ];
  it.each(table)('$name', async ({ first, retried, code, sleepMs }) => {
    const s = await setup([first, text('ok')]);
    if (retried) {
      const c = await s.client.complete(ask);
      expect(c.content).toBe('ok');
      expect(s.llm.requests).toHaveLength(2);
      expect(s.sleeps).toHaveLength(1);
      if (sleepMs !== undefined) expect(s.sleeps[0]).toBe(sleepMs);
    } else {
      const err = await s.client.complete(ask).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ResolverError);
      expect((err as ResolverError).code).toBe(code);
      expect(s.llm.requests).toHaveLength(1);
      expect(s.sleeps).toHaveLength(0);
    }
  });

  it('gives up after LLM_NUM_RETRIES retries with backoff growing to the cap', async () => {
    const s = await setup([serverError(), serverError(), serverError(), serverError()], { numRetries: 3 });
    const err = await s.client.complete(ask).catch((e: unknown) => e);
    expect((err as ResolverError).code).toBe('llm');
    expect((err as Error).message).toMatch(/HTTP 500.*after 4 attempts/);
    expect(s.llm.requests).toHaveLength(4);
    // random() = 1 → no jitter: multiplier 8 * 2^(n-1), clamped to [8, 64]
    expect(s.sleeps).toEqual([8000, 16000, 32000]);
  });

  it('a call slower than the per-call timeout is retried', async () => {
    // The timeout is far below the slow reply and far above a normal round trip, so load cannot swap them.
    const s = await setup([slow(20_000, text('late')), text('fast')], { timeoutSec: 1.5 });
    const c = await s.client.complete(ask);
    expect(c.content).toBe('fast');
    expect(s.sleeps).toHaveLength(1);
  });

  it('an aborted signal cancels without retrying', async () => {
    const s = await setup([slow(3000, text('late'))]);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const err = await s.client.complete({ ...ask, signal: ac.signal }).catch((e: unknown) => e);
    expect((err as ResolverError).code).toBe('cancelled');
    expect(s.sleeps).toHaveLength(0);
  });
});

describe('parseRetryAfter and backoff', () => {
  const now = () => Date.parse('2025-01-01T00:00:00Z');
  it.each([
    [{ 'retry-after-ms': '250' }, 0.25],
    [{ 'retry-after': '7' }, 7],
    [{ 'retry-after': 'Wed, 01 Jan 2025 00:00:10 GMT' }, 10],
    [{ 'retry-after': 'Wed, 01 Jan 2025 01:00:00 GMT' }, null],
    [{ 'retry-after': '-1' }, null],
    [{ 'retry-after': 'abc' }, null],
    [{ 'retry-after-ms': 'x', 'retry-after': '2' }, 2],
    [{}, null],
  ])('%j → %s', (headers, expected) => {
    expect(parseRetryAfter(headers, 64, now)).toBe(expected);
  });
  it('jitter stays within [min, max]', () => {
    const p = { numRetries: 5, minWaitSec: 8, maxWaitSec: 64, multiplier: 8 };
    for (const r of [0, 0.3, 0.99]) {
      for (let a = 1; a <= 6; a++) {
        const w = backoffSec(a, p, () => r);
        expect(w).toBeGreaterThanOrEqual(8);
        expect(w).toBeLessThanOrEqual(64);
      }
    }
  });
});

describe('requests and responses', () => {
  it('sends temperature 0, the tools and the model id without its provider; returns tool calls, usage and cost', async () => {
    const s = await setup([
      toolCall('execute_bash', { command: 'ls' }, { usage: { prompt_tokens: 1000, completion_tokens: 100 } }),
    ]);
    const c = await s.client.complete({
      messages: [
        { role: 'system', content: 'sys' },
        { role: 'user', content: 'task' },
      ],
      tools: [
        {
          name: 'execute_bash',
          description: 'd',
          parameters: { type: 'object', properties: { command: { type: 'string' } } },
        },
      ],
    });
    const body = s.llm.requests[0]?.body;
    expect(body?.model).toBe('gpt-4o');
    expect(body?.temperature).toBe(0);
    expect(body?.tools).toHaveLength(1);
    expect(s.llm.requests[0]?.headers.authorization).toBe('Bearer sk-test-key');
    expect(c.toolCalls).toEqual([{ id: expect.any(String), name: 'execute_bash', arguments: '{"command":"ls"}' }]);
    expect(c.usage.prompt_tokens).toBe(1000);
    expect(c.usage.completion_tokens).toBe(100);
    expect(c.usage.model).toBe('openai/gpt-4o');
    expect(c.cost).toBeCloseTo((1000 * 2.5 + 100 * 10) / 1e6);
  });

  it('a configured price wins over the table', async () => {
    const s = await setup([text('x', { usage: { prompt_tokens: 1_000_000, completion_tokens: 1_000_000 } })], {
      model: 'mystery/model-7',
      price: { inputPerMTok: 1, outputPerMTok: 2 },
    });
    const c = await s.client.complete(ask);
    expect(c.cost).toBeCloseTo(3);
  });

  it('unknown model → cost null and a warning', async () => {
    const s = await setup([text('x')], { model: 'mystery/model-7' });
    const c = await s.client.complete(ask);
    expect(c.cost).toBeNull();
    expect(s.logger.lines.some((l) => l.level === 'warn' && l.message.includes('No price is known'))).toBe(true);
  });

  it('non-native tool calling: tools go into the system prompt and calls are parsed from text', async () => {
    const reply =
      'I will list files.\n<function=execute_bash>\n<parameter=command>ls -la</parameter>\n<parameter=timeout>30</parameter>\n</function>';
    const s = await setup([text(reply)], { nativeToolCalling: false });
    const c = await s.client.complete({
      messages: [
        { role: 'system', content: 'sys' },
        { role: 'user', content: 'task' },
        { role: 'assistant', content: null, toolCalls: [{ id: 't1', name: 'think', arguments: '{"thought":"hm"}' }] },
        { role: 'tool', toolCallId: 't1', name: 'think', content: 'Your thought has been logged.' },
      ],
      tools: [
        {
          name: 'execute_bash',
          description: 'Run a command',
          parameters: {
            type: 'object',
            properties: { command: { type: 'string' }, timeout: { type: 'number' } },
            required: ['command'],
          },
        },
      ],
    });
    const body = s.llm.requests[0]?.body;
    expect(body?.tools).toBeUndefined();
    const msgs = body?.messages ?? [];
    expect(String(msgs[0]?.content)).toContain('<function=example_function_name>');
    expect(String(msgs[0]?.content)).toContain('execute_bash');
    expect(msgs.some((m) => m.role === 'tool')).toBe(false);
    expect(msgs.some((m) => String(m.content).includes('<function=think>'))).toBe(true);
    expect(msgs.some((m) => m.role === 'user' && String(m.content).includes('EXECUTION RESULT of [think]'))).toBe(true);
    expect(c.content).toBe('I will list files.');
    expect(c.toolCalls).toHaveLength(1);
    expect(c.toolCalls[0]?.name).toBe('execute_bash');
    expect(JSON.parse(c.toolCalls[0]?.arguments ?? '')).toEqual({ command: 'ls -la', timeout: 30 });
  });
});
