import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/wait.js';
import {
  contextLengthExceeded,
  disconnect,
  estimateTokens,
  httpError,
  insufficientQuota,
  malformedToolCall,
  overloaded,
  rateLimited,
  serverError,
  slow,
  startScriptedLlm,
  streamCut,
  text,
  toolCall,
  toolCalls,
  type LlmStep,
  type ScriptedLlm,
} from '../../src/testing/scripted-llm.js';

let llm: ScriptedLlm | undefined;
afterEach(async () => {
  await llm?.close();
  llm = undefined;
});

async function start(script: LlmStep[], opts: { apiKey?: string } = {}) {
  llm = await startScriptedLlm(script, opts);
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: llm.baseUrl, maxRetries: 0 });
  return { llm, client };
}

const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'execute_bash',
      description: 'run',
      parameters: { type: 'object', properties: { command: { type: 'string' } } },
    },
  },
];
const user = (content: string): OpenAI.Chat.Completions.ChatCompletionMessageParam[] => [{ role: 'user', content }];

describe('scripted LLM through the openai SDK', () => {
  it('answers a tool call, non-streaming, in OpenAI shape with usage', async () => {
    const { llm, client } = await start([toolCall('execute_bash', { command: 'ls' })]);
    const messages = user('list files');
    const r = await client.chat.completions.create({ model: 'gpt-test', messages, tools });
    const choice = r.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBeNull();
    expect(choice?.message.tool_calls).toEqual([
      { id: 'call_1_0', type: 'function', function: { name: 'execute_bash', arguments: '{"command":"ls"}' } },
    ]);
    expect(r.model).toBe('gpt-test');
    expect(r.usage?.prompt_tokens).toBe(estimateTokens({ messages, tools }));
    expect(r.usage?.total_tokens).toBe((r.usage?.prompt_tokens ?? 0) + (r.usage?.completion_tokens ?? 0));
    expect(llm.remaining()).toBe(0);
  });

  it('gives a larger prompt a larger, deterministic prompt-token count', async () => {
    const { client } = await start([text('a'), text('b'), text('c')]);
    const small = await client.chat.completions.create({ model: 'm', messages: user('hi') });
    const big = await client.chat.completions.create({ model: 'm', messages: user('hi '.repeat(400)) });
    const smallAgain = await client.chat.completions.create({ model: 'm', messages: user('hi') });
    expect(big.usage?.prompt_tokens).toBeGreaterThan(small.usage?.prompt_tokens ?? Infinity);
    expect(smallAgain.usage?.prompt_tokens).toBe(small.usage?.prompt_tokens);
  });

  it('answers text, several tool calls and malformed arguments', async () => {
    const { client } = await start([
      text('All done.'),
      toolCalls([
        { name: 'think', arguments: { thought: 'hmm' } },
        { name: 'finish', arguments: { message: 'ok' }, id: 'call_fixed' },
      ]),
      malformedToolCall('execute_bash'),
    ]);
    const a = await client.chat.completions.create({ model: 'm', messages: user('x') });
    expect(a.choices[0]?.message.content).toBe('All done.');
    expect(a.choices[0]?.finish_reason).toBe('stop');
    expect(a.choices[0]?.message.tool_calls).toBeUndefined();

    const b = await client.chat.completions.create({ model: 'm', messages: user('x') });
    const calls = b.choices[0]?.message.tool_calls ?? [];
    expect(calls.map((c) => (c.type === 'function' ? [c.id, c.function.name] : []))).toEqual([
      ['call_2_0', 'think'],
      ['call_fixed', 'finish'],
    ]);

    const c = await client.chat.completions.create({ model: 'm', messages: user('x') });
    const bad = c.choices[0]?.message.tool_calls?.[0];
    const args = bad?.type === 'function' ? bad.function.arguments : '';
    expect(() => JSON.parse(args)).toThrow();
  });

  it('streams text and tool-call deltas that the SDK reassembles, with a usage chunk', async () => {
    const { client } = await start([
      toolCalls(
        [
          { name: 'execute_bash', arguments: { command: 'echo "a long enough command to split"' } },
          { name: 'think', arguments: { thought: 'second' } },
        ],
        { content: 'Let me look.' },
      ),
    ]);
    const stream = client.chat.completions.stream({
      model: 'm',
      messages: user('go'),
      tools,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    stream.on('chunk', (c) => chunks.push(c));
    const final = await stream.finalChatCompletion();
    const msg = final.choices[0]?.message;
    expect(msg?.content).toBe('Let me look.');
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
    expect(
      msg?.tool_calls?.map((c) => (c.type === 'function' ? [c.id, c.function.name, c.function.arguments] : [])),
    ).toEqual([
      ['call_1_0', 'execute_bash', '{"command":"echo \\"a long enough command to split\\""}'],
      ['call_1_1', 'think', '{"thought":"second"}'],
    ]);
    expect(final.usage?.prompt_tokens).toBeGreaterThan(0);

    // The wire shape of §7: first tool delta has id/type/name and empty arguments; later ones only fragments.
    const toolDeltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    const first = toolDeltas.find((d) => d.index === 0);
    expect(first).toEqual({
      index: 0,
      id: 'call_1_0',
      type: 'function',
      function: { name: 'execute_bash', arguments: '' },
    });
    const later = toolDeltas.filter((d) => d.index === 0).slice(1);
    expect(later.length).toBeGreaterThan(1);
    for (const d of later) expect(Object.keys(d).sort()).toEqual(['function', 'index']);
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.total_tokens).toBeGreaterThan(0);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('streams without a usage chunk when include_usage is not asked for', async () => {
    const { client } = await start([text('hello there, streaming world')]);
    const stream = await client.chat.completions.create({ model: 'm', messages: user('x'), stream: true });
    let content = '';
    let n = 0;
    let lastFinish: string | null | undefined;
    for await (const c of stream) {
      n++;
      expect(c.choices.length).toBe(1);
      content += c.choices[0]?.delta.content ?? '';
      lastFinish = c.choices[0]?.finish_reason;
    }
    expect(content).toBe('hello there, streaming world');
    expect(n).toBeGreaterThan(3);
    expect(lastFinish).toBe('stop');
  });

  it.each([
    ['429 with retry-after', rateLimited({ retryAfter: 7 }), 429, { 'retry-after': '7' }, OpenAI.RateLimitError],
    [
      '429 with retry-after-ms',
      rateLimited({ retryAfterMs: 250 }),
      429,
      { 'retry-after-ms': '250' },
      OpenAI.RateLimitError,
    ],
    ['429 insufficient_quota', insufficientQuota(), 429, {}, OpenAI.RateLimitError],
    ['500', serverError(), 500, {}, OpenAI.InternalServerError],
    ['529 overloaded', overloaded({ 'retry-after': '1' }), 529, { 'retry-after': '1' }, OpenAI.InternalServerError],
    ['400 context length', contextLengthExceeded(), 400, {}, OpenAI.BadRequestError],
    [
      'custom 403',
      httpError(403, { error: { message: 'nope' } }, { 'x-extra': 'yes' }),
      403,
      { 'x-extra': 'yes' },
      OpenAI.PermissionDeniedError,
    ],
  ])('surfaces %s as an SDK error with status and headers', async (_name, step, status, headers, cls) => {
    const { client } = await start([step]);
    const err: unknown = await client.chat.completions
      .create({ model: 'm', messages: user('x') })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(cls);
    const apiErr = err as InstanceType<typeof OpenAI.APIError>;
    expect(apiErr.status).toBe(status);
    for (const [k, v] of Object.entries(headers)) expect(apiErr.headers?.get(k)).toBe(v);
  });

  it('reports the error codes the product branches on', async () => {
    const { client } = await start([insufficientQuota(), contextLengthExceeded()]);
    const quota = (await client.chat.completions
      .create({ model: 'm', messages: user('x') })
      .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(quota.code).toBe('insufficient_quota');
    const ctx = (await client.chat.completions
      .create({ model: 'm', messages: user('x') })
      .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(ctx.code).toBe('context_length_exceeded');
    expect(ctx.message).toContain('maximum context length');
  });

  it('cuts a stream mid-way and a non-streamed body mid-way', async () => {
    const { client } = await start([streamCut(text('this reply never finishes arriving'), 2), streamCut(text('half'))]);
    const stream = await client.chat.completions.create({ model: 'm', messages: user('x'), stream: true });
    let got = '';
    const err = await (async () => {
      for await (const c of stream) got += c.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(got.length).toBeLessThan('this reply never finishes arriving'.length);

    const err2 = await client.chat.completions.create({ model: 'm', messages: user('x') }).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(Error);
  });

  it('delays a slow reply and can drop the connection', async () => {
    const { client, llm } = await start([slow(20_000, text('late')), disconnect()]);
    const ac = new AbortController();
    // Abort once the double holds the request (an abort before it arrives would not reach it at all).
    void waitUntil(() => llm.requests.length === 1, { what: 'the slow request to arrive' }).then(() => ac.abort());
    const aborted = await client.chat.completions
      .create({ model: 'm', messages: user('x') }, { signal: ac.signal })
      .catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(OpenAI.APIUserAbortError);
    const dropped = await client.chat.completions.create({ model: 'm', messages: user('x') }).catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(llm.requests).toHaveLength(2);
  });

  it('lets a step answer from the request, and records bodies and headers', async () => {
    const { client, llm } = await start([
      (req) => {
        const last = req.body?.messages?.at(-1);
        return text(`echo: ${typeof last?.content === 'string' ? last.content : '?'}`);
      },
    ]);
    const r = await client.chat.completions.create({ model: 'gpt-x', messages: user('ping'), temperature: 0 });
    expect(r.choices[0]?.message.content).toBe('echo: ping');
    const rec = llm.requests[0];
    expect(rec?.path).toBe('/v1/chat/completions');
    expect(rec?.headers.authorization).toBe('Bearer sk-test');
    expect(rec?.body?.model).toBe('gpt-x');
    expect(rec?.body?.temperature).toBe(0);
    expect(rec?.body?.messages).toEqual([{ role: 'user', content: 'ping' }]);
  });

  it('fails loudly when the script is exhausted', async () => {
    const { client, llm } = await start([text('only one')]);
    await client.chat.completions.create({ model: 'm', messages: user('x') });
    const err = (await client.chat.completions
      .create({ model: 'm', messages: user('x') })
      .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(err).toBeInstanceOf(OpenAI.InternalServerError);
    expect(err.message).toContain('script exhausted');
    expect(llm.exhausted).toHaveLength(1);
  });

  it('answers 404 JSON for other paths (NotFoundError), and 401 for a wrong key when one is required', async () => {
    const { client, llm } = await start([text('x')], { apiKey: 'sk-right' });
    const nf = await client.models.list().catch((e: unknown) => e);
    expect(nf).toBeInstanceOf(OpenAI.NotFoundError);
    const res = await fetch(`${llm.url}/v1/embeddings`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown_url');
    const auth = await client.chat.completions.create({ model: 'm', messages: user('x') }).catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(llm.remaining()).toBe(1);
  });

  it('serves /chat/completions without the /v1 prefix too', async () => {
    const { llm } = await start([text('plain')]);
    const client = new OpenAI({ apiKey: 'k', baseURL: llm.url, maxRetries: 0 });
    const r = await client.chat.completions.create({ model: 'm', messages: user('x') });
    expect(r.choices[0]?.message.content).toBe('plain');
    expect(llm.requests[0]?.path).toBe('/chat/completions');
  });
});
