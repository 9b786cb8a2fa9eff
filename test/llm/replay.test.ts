import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResolverError } from '../../src/core/errors.js';
import { createRecordingLogger } from '../../src/core/log.js';
import { createLlmClient } from '../../src/llm/client.js';
import { createRecordingClient, createReplayClient } from '../../src/llm/replay.js';
import { startScriptedLlm, text, toolCall, type ScriptedLlm } from '../../src/testing/scripted-llm.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-replay-'));
let llm: ScriptedLlm | undefined;
afterEach(async () => {
  await llm?.close();
  llm = undefined;
});
const ask = { messages: [{ role: 'user' as const, content: 'hi' }] };

describe('replay', () => {
  it('records a live run and replays it in order, then fails clearly when exhausted', async () => {
    llm = await startScriptedLlm([
      toolCall('execute_bash', { command: 'ls' }),
      text('--- success\ntrue\n\n--- explanation\nok'),
    ]);
    const live = createLlmClient(
      {
        model: 'openai/gpt-4o',
        baseUrl: llm.baseUrl,
        apiKey: 'k',
        numRetries: 0,
        retryMinWaitSec: 1,
        retryMaxWaitSec: 1,
        retryMultiplier: 1,
        timeoutSec: 10,
      },
      { logger: createRecordingLogger() },
    );
    const file = path.join(dir, 'rec', 'run.json');
    const rec = createRecordingClient(live, file);
    const a = await rec.complete(ask);
    const b = await rec.complete(ask);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.version).toBe(1);
    expect(saved.responses).toHaveLength(2);

    const replay = createLlmClient(
      {
        model: `replay/${file}`,
        numRetries: 0,
        retryMinWaitSec: 1,
        retryMaxWaitSec: 1,
        retryMultiplier: 1,
        timeoutSec: 10,
      },
      { logger: createRecordingLogger() },
    );
    const ra = await replay.complete(ask);
    const rb = await replay.complete(ask);
    expect(ra.toolCalls).toEqual(a.toolCalls);
    expect(ra.usage.prompt_tokens).toBe(a.usage.prompt_tokens);
    expect(rb.content).toBe(b.content);
    const err = await replay.complete(ask).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolverError);
    expect((err as Error).message).toMatch(
      /replay file .* is exhausted: it holds 2 responses and the run asked for response 3/,
    );
  });

  it('the replayFile setting wins over the model; tool-call arguments may be objects', async () => {
    const file = path.join(dir, 'hand.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        responses: [{ content: null, toolCalls: [{ name: 'think', arguments: { thought: 'x' } }] }],
      }),
    );
    const c = createLlmClient(
      {
        model: 'anthropic/claude-sonnet-4-20250514',
        replayFile: file,
        numRetries: 0,
        retryMinWaitSec: 1,
        retryMaxWaitSec: 1,
        retryMultiplier: 1,
        timeoutSec: 1,
      },
      { logger: createRecordingLogger() },
    );
    const r = await c.complete(ask);
    expect(r.toolCalls[0]).toEqual({ id: 'replay_0_0', name: 'think', arguments: '{"thought":"x"}' });
  });

  it.each([
    ['missing', null, /Cannot read the LLM replay file/],
    ['not JSON', '{', /not valid JSON/],
    ['wrong shape', '{"version":2,"responses":[]}', /must hold \{"version": 1/],
    ['bad entry', '{"version":1,"responses":[{"content":5}]}', /responses\[0\]\.content must be a string or null/],
  ])('rejects a %s file', (name, content, re) => {
    const file = path.join(dir, `bad-${name.replace(/\W/g, '')}.json`);
    if (content !== null) writeFileSync(file, content);
    expect(() => createReplayClient(file)).toThrow(re);
  });
});
