import { afterEach, describe, expect, it } from 'vitest';
import { ResolverError } from '../../src/core/errors.js';
import { createRecordingLogger } from '../../src/core/log.js';
import { createLlmClient } from '../../src/llm/client.js';
import { classifyError, toResolverError } from '../../src/llm/retry.js';
import { endSentence, joinSentences, stripStatusPrefix, withoutSentenceEnd } from '../../src/llm/sentences.js';
import { httpError, startScriptedLlm, text, type ScriptedLlm } from '../../src/testing/scripted-llm.js';

describe('joinSentences', () => {
  it.each([
    { parts: ['Key rejected.', 'Check LLM_API_KEY.'], want: 'Key rejected. Check LLM_API_KEY.' },
    { parts: ['Key rejected', 'Check LLM_API_KEY.'], want: 'Key rejected. Check LLM_API_KEY.' },
    { parts: ['see https://x.test/api-keys.', 'Check it'], want: 'see https://x.test/api-keys. Check it.' },
    { parts: ['Stop!', 'Now'], want: 'Stop! Now.' },
    { parts: ['Why?', 'Because'], want: 'Why? Because.' },
    { parts: ['Wait...', 'more'], want: 'Wait... more.' },
    { parts: ['Wait…', 'more'], want: 'Wait… more.' },
    { parts: ['He said "no."', 'ok'], want: 'He said "no." ok.' },
    { parts: ['(see the docs.)', 'ok'], want: '(see the docs.) ok.' },
    { parts: ['(see the docs)', 'ok'], want: '(see the docs). ok.' },
    { parts: ['failed: ', 'Check it'], want: 'failed. Check it.' },
    { parts: ['failed;', 'Check it'], want: 'failed. Check it.' },
    { parts: ['  trailing space.  \n', 'next'], want: 'trailing space. next.' },
    { parts: ['only', undefined, null, '', '   '], want: 'only.' },
    { parts: [undefined, 'second'], want: 'second.' },
    { parts: [], want: '' },
    { parts: [':'], want: '' },
  ])('$parts → $want', ({ parts, want }) => {
    expect(joinSentences(...parts)).toBe(want);
  });

  it.each([
    ['', ''],
    ['done', 'done.'],
    ['done.', 'done.'],
    ['done. ', 'done.'],
    ['done,', 'done.'],
  ])('endSentence(%j) = %j', (input, want) => expect(endSentence(input)).toBe(want));

  it.each([
    ['quota exceeded.', 'quota exceeded'],
    ['quota exceeded', 'quota exceeded'],
    ['really?', 'really?'],
  ])('withoutSentenceEnd(%j) = %j', (input, want) => expect(withoutSentenceEnd(input)).toBe(want));

  it.each([
    ['401 Incorrect API key', 401, 'Incorrect API key'],
    ['401 Incorrect API key', null, '401 Incorrect API key'],
    ['4010 codes', 401, '4010 codes'],
    ['Bad gateway', 502, 'Bad gateway'],
  ] as const)('stripStatusPrefix(%j, %j) = %j', (msg, status, want) =>
    expect(stripStatusPrefix(msg, status)).toBe(want),
  );
});

describe('model error texts read as sentences', () => {
  let llm: ScriptedLlm | undefined;
  afterEach(async () => {
    await llm?.close();
    llm = undefined;
  });

  const openAiKeyMessage =
    'Incorrect API key provided: sk-abc. You can find your API key at https://platform.openai.com/account/api-keys.';
  it.each([
    {
      name: '401 whose message ends with a period',
      status: 401,
      message: openAiKeyMessage,
      want: `LLM call to gpt-4o failed (HTTP 401): ${openAiKeyMessage} Check LLM_API_KEY (and LLM_BASE_URL) for this model.`,
    },
    {
      name: '401 whose message has no period',
      status: 401,
      message: 'invalid x-api-key',
      want: 'LLM call to gpt-4o failed (HTTP 401): invalid x-api-key. Check LLM_API_KEY (and LLM_BASE_URL) for this model.',
    },
    {
      name: 'quota whose message ends with a period',
      status: 429,
      code: 'insufficient_quota',
      message: 'You exceeded your current quota, please check your plan and billing details.',
      want:
        'LLM call to gpt-4o failed (HTTP 429): You exceeded your current quota, please check your plan and billing ' +
        'details. The provider reports a spend or quota limit; raise it or use another key.',
    },
    {
      name: 'a plain 404 without a hint',
      status: 404,
      message: 'The model `gpt-4o` does not exist.',
      want: 'LLM call to gpt-4o failed (HTTP 404): The model `gpt-4o` does not exist.',
    },
    {
      name: 'a plain 400 without a period or a hint',
      status: 400,
      message: 'bad request',
      want: 'LLM call to gpt-4o failed (HTTP 400): bad request.',
    },
  ])('$name', async ({ status, message, code, want }) => {
    llm = await startScriptedLlm([httpError(status, { error: { message, ...(code ? { code } : {}) } })]);
    const client = createLlmClient(
      {
        model: 'openai/gpt-4o',
        apiKey: 'sk-test',
        baseUrl: llm.baseUrl,
        numRetries: 0,
        retryMinWaitSec: 0,
        retryMaxWaitSec: 0,
        retryMultiplier: 1,
        timeoutSec: 30,
      },
      { logger: createRecordingLogger() },
    );
    const err = await client.complete({ messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolverError);
    expect((err as Error).message).toBe(want);
  });

  it('the retry warning puts no period before its semicolon', async () => {
    llm = await startScriptedLlm([
      httpError(429, { error: { message: 'Rate limit reached. Slow down.' } }, { 'retry-after': '1' }),
      text('ok'),
    ]);
    const logger = createRecordingLogger();
    const client = createLlmClient(
      {
        model: 'openai/gpt-4o',
        apiKey: 'sk-test',
        baseUrl: llm.baseUrl,
        numRetries: 1,
        retryMinWaitSec: 0,
        retryMaxWaitSec: 5,
        retryMultiplier: 1,
        timeoutSec: 30,
      },
      { logger, sleep: async () => {} },
    );
    await client.complete({ messages: [{ role: 'user', content: 'hi' }] });
    const warn = logger.lines.find((l) => l.message.includes('retry 1 of 1'))?.message ?? '';
    expect(warn).toBe('LLM call to gpt-4o failed (HTTP 429): Rate limit reached. Slow down; retry 1 of 1 in 1.0 s.');
  });

  it('a ResolverError passed through keeps its text, ended once', () => {
    const c = classifyError(new ResolverError('config', 'No LLM model is set.'), 64);
    expect(toResolverError(c, 'gpt-4o', 1, null).message).toBe('LLM call to gpt-4o failed: No LLM model is set.');
  });
});
