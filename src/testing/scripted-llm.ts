// TEST DOUBLE: stands in for GitHub / the LLM in tests and the offline demo; not used by the product.
//
// A scripted OpenAI-compatible chat-completions server on 127.0.0.1. Each POST to /v1/chat/completions (or
// /chat/completions) takes the next step of the script: a tool call, a text reply, an HTTP error with headers,
// a slow reply, a cut connection... A step may be a function of the request, so a test can answer from the
// conversation. Replies follow the OpenAI wire format, non-streaming and streaming (SSE deltas, usage chunk with
// stream_options.include_usage). Every request is recorded. An exhausted script answers a 500 that says so, so a
// test that under-scripts fails loudly instead of hanging.
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ToolCallSpec {
  name: string;
  /** An object is sent as its JSON text; a string is sent verbatim (so it may be invalid JSON). */
  arguments: Record<string, unknown> | string;
  /** Defaults to `call_<request#>_<index>`. */
  id?: string;
}

export interface UsageOverride {
  prompt_tokens?: number;
  completion_tokens?: number;
  cached_tokens?: number;
}

interface ReplyCommon {
  /** Wait this long before answering (a slow model). */
  delayMs?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

export interface MessageReply extends ReplyCommon {
  type: 'message';
  content: string | null;
  toolCalls?: ToolCallSpec[];
  /** Defaults to 'tool_calls' when there are tool calls, else 'stop'. */
  finishReason?: string;
  usage?: UsageOverride;
  /** Reported model name; defaults to the request's `model`. */
  model?: string;
  /**
   * Cut the connection mid-way: when streaming, after this many SSE chunks; when not streaming, after
   * sending the headers and part of the body.
   */
  cutAfterChunks?: number;
}

export interface HttpErrorReply extends ReplyCommon {
  type: 'http-error';
  status: number;
  /** JSON-encoded unless a string. */
  body: unknown;
}

export interface DisconnectReply {
  type: 'disconnect';
  delayMs?: number;
}

export type LlmReply = MessageReply | HttpErrorReply | DisconnectReply;

export interface RecordedLlmRequest {
  /** 1-based number of the chat-completions request. */
  index: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (null when it was not JSON). */
  body: ChatRequestBody | null;
  rawBody: string;
}

/** The parts of an OpenAI chat-completions request the double reads; everything else is kept as sent. */
export interface ChatRequestBody {
  model?: string;
  messages?: ChatRequestMessage[];
  tools?: unknown[];
  tool_choice?: unknown;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
}

export interface ChatRequestMessage {
  role: string;
  content?: unknown;
  tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
  name?: string;
  [key: string]: unknown;
}

export type LlmStep = LlmReply | ((req: RecordedLlmRequest) => LlmReply | Promise<LlmReply>);

export interface ScriptedLlmOptions {
  /** When set, requests must carry `Authorization: Bearer <apiKey>`, else 401 (as OpenAI answers). */
  apiKey?: string;
  /** Answer every request with this step once the script is exhausted (instead of the exhausted 500). */
  fallback?: LlmStep;
}

export interface ScriptedLlm {
  /** OpenAI-style base URL, `http://127.0.0.1:PORT/v1` (give this to the SDK or LLM_BASE_URL). */
  baseUrl: string;
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Every chat-completions request, in order (other paths are not recorded here). */
  requests: RecordedLlmRequest[];
  /** Requests that found no step left (each answered with the exhausted 500). */
  exhausted: RecordedLlmRequest[];
  /** Appends steps to the script. */
  push(...steps: LlmStep[]): void;
  /** Steps not consumed yet. */
  remaining(): number;
  close(): Promise<void>;
}

// ---- step builders ------------------------------------------------------------------------------------------

/** One tool call (`content: null`, `finish_reason: 'tool_calls'`). */
export function toolCall(
  name: string,
  args: Record<string, unknown> | string,
  opts: Omit<MessageReply, 'type' | 'toolCalls' | 'content'> & { id?: string; content?: string | null } = {},
): MessageReply {
  const { id, content, ...rest } = opts;
  return {
    type: 'message',
    content: content ?? null,
    toolCalls: [{ name, arguments: args, ...(id ? { id } : {}) }],
    ...rest,
  };
}

/** Several tool calls in one assistant turn. */
export function toolCalls(
  calls: ToolCallSpec[],
  opts: Omit<MessageReply, 'type' | 'toolCalls' | 'content'> & { content?: string | null } = {},
): MessageReply {
  const { content, ...rest } = opts;
  return { type: 'message', content: content ?? null, toolCalls: calls, ...rest };
}

/** A tool call whose `arguments` is not valid JSON. */
export function malformedToolCall(
  name: string,
  rawArguments = '{"command": "ls -la",',
  opts: Omit<MessageReply, 'type' | 'toolCalls' | 'content'> = {},
): MessageReply {
  return { type: 'message', content: null, toolCalls: [{ name, arguments: rawArguments }], ...opts };
}

/** A plain assistant text reply. */
export function text(content: string, opts: Omit<MessageReply, 'type' | 'content'> = {}): MessageReply {
  return { type: 'message', content, ...opts };
}

/** Any HTTP error status with a body and headers. */
export function httpError(status: number, body: unknown, headers: Record<string, string> = {}): HttpErrorReply {
  return { type: 'http-error', status, body, headers };
}

/** 429 rate limit, optionally with `retry-after` (seconds, or any string) and/or `retry-after-ms`. */
export function rateLimited(opts: { retryAfter?: number | string; retryAfterMs?: number } = {}): HttpErrorReply {
  const headers: Record<string, string> = {};
  if (opts.retryAfter !== undefined) headers['retry-after'] = String(opts.retryAfter);
  if (opts.retryAfterMs !== undefined) headers['retry-after-ms'] = String(opts.retryAfterMs);
  return httpError(
    429,
    {
      error: {
        message: 'Rate limit reached for requests. Please try again later.',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    },
    headers,
  );
}

/** 429 that signals an exhausted quota (must not be retried). */
export function insufficientQuota(): HttpErrorReply {
  return httpError(429, {
    error: {
      message: 'You exceeded your current quota, please check your plan and billing details.',
      type: 'insufficient_quota',
      param: null,
      code: 'insufficient_quota',
    },
  });
}

/** 500 (or another 5xx) server error. */
export function serverError(status = 500, headers: Record<string, string> = {}): HttpErrorReply {
  return httpError(
    status,
    {
      error: {
        message: 'The server had an error while processing your request.',
        type: 'server_error',
        param: null,
        code: null,
      },
    },
    headers,
  );
}

/** 529 overloaded, as Anthropic-compatible gateways answer. */
export function overloaded(headers: Record<string, string> = {}): HttpErrorReply {
  return httpError(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, headers);
}

/** 400 context-length error in OpenAI's shape. */
export function contextLengthExceeded(maxTokens = 128000): HttpErrorReply {
  return httpError(400, {
    error: {
      message:
        `This model's maximum context length is ${maxTokens} tokens. However, your messages resulted in ` +
        `${maxTokens + 1234} tokens. Please reduce the length of the messages.`,
      type: 'invalid_request_error',
      param: 'messages',
      code: 'context_length_exceeded',
    },
  });
}

/** The given reply after a delay. */
export function slow<T extends LlmReply>(delayMs: number, reply: T): T {
  return { ...reply, delayMs };
}

/** The given message reply, with the connection cut after `afterChunks` SSE chunks (or mid-body). */
export function streamCut(reply: MessageReply, afterChunks = 2): MessageReply {
  return { ...reply, cutAfterChunks: afterChunks };
}

/** Closes the connection without any answer. */
export function disconnect(delayMs = 0): DisconnectReply {
  return { type: 'disconnect', delayMs };
}

// ---- wire format --------------------------------------------------------------------------------------------

/** Deterministic token estimate: about four bytes of JSON per token. */
export function estimateTokens(value: unknown): number {
  const s = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  return Math.max(1, Math.ceil(Buffer.byteLength(s, 'utf8') / 4));
}

const CREATED = 1_700_000_000; // fixed, so recorded responses are reproducible

interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

function wireToolCalls(reply: MessageReply, index: number): WireToolCall[] {
  return (reply.toolCalls ?? []).map((c, i) => ({
    id: c.id ?? `call_${index}_${i}`,
    type: 'function',
    function: { name: c.name, arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments) },
  }));
}

function usageFor(reply: MessageReply, req: RecordedLlmRequest, calls: WireToolCall[]) {
  const prompt =
    reply.usage?.prompt_tokens ?? estimateTokens({ messages: req.body?.messages ?? [], tools: req.body?.tools ?? [] });
  const completion =
    reply.usage?.completion_tokens ??
    estimateTokens((reply.content ?? '') + calls.map((c) => c.function.name + c.function.arguments).join(''));
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: reply.usage?.cached_tokens ?? 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
}

/** Splits text into fragments of at most n characters (at least one fragment). */
function fragments(s: string, n: number): string[] {
  if (s.length === 0) return [''];
  const out: string[] = [];
  for (let i = 0; i < s.length; i += n) out.push(s.slice(i, i + n));
  return out;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function sendMessage(res: ServerResponse, reply: MessageReply, req: RecordedLlmRequest): Promise<void> {
  const calls = wireToolCalls(reply, req.index);
  const usage = usageFor(reply, req, calls);
  const id = `chatcmpl-scripted-${req.index}`;
  const model = reply.model ?? req.body?.model ?? 'scripted-model';
  const finishReason = reply.finishReason ?? (calls.length > 0 ? 'tool_calls' : 'stop');

  if (!req.body?.stream) {
    const message: Record<string, unknown> = { role: 'assistant', content: reply.content, refusal: null };
    if (calls.length > 0) message.tool_calls = calls;
    const text = JSON.stringify({
      id,
      object: 'chat.completion',
      created: CREATED,
      model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
      usage,
      system_fingerprint: 'fp_scripted',
    });
    if (reply.cutAfterChunks !== undefined) {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
        ...reply.headers,
      });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      await sleep(10);
      res.destroy();
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      ...reply.headers,
    });
    res.end(text);
    return;
  }

  const includeUsage = req.body.stream_options?.include_usage === true;
  const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
    id,
    object: 'chat.completion.chunk',
    created: CREATED,
    model,
    system_fingerprint: 'fp_scripted',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const chunks: unknown[] = [
    chunk({ role: 'assistant', content: reply.content === null ? null : '', refusal: null }, null),
  ];
  if (reply.content) for (const part of fragments(reply.content, 8)) chunks.push(chunk({ content: part }, null));
  calls.forEach((c, index) => {
    chunks.push(
      chunk(
        { tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.function.name, arguments: '' } }] },
        null,
      ),
    );
    const size = Math.max(1, Math.ceil(c.function.arguments.length / 3));
    for (const part of fragments(c.function.arguments, size)) {
      if (part) chunks.push(chunk({ tool_calls: [{ index, function: { arguments: part } }] }, null));
    }
  });
  chunks.push(chunk({}, finishReason));
  if (includeUsage) {
    chunks.push({
      id,
      object: 'chat.completion.chunk',
      created: CREATED,
      model,
      system_fingerprint: 'fp_scripted',
      choices: [],
      usage,
    });
  }

  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...reply.headers,
  });
  let sent = 0;
  for (const c of chunks) {
    if (reply.cutAfterChunks !== undefined && sent >= reply.cutAfterChunks) {
      await sleep(10);
      res.destroy();
      return;
    }
    res.write(`data: ${JSON.stringify(c)}\n\n`);
    sent++;
  }
  res.end('data: [DONE]\n\n');
}

export async function startScriptedLlm(script: LlmStep[] = [], opts: ScriptedLlmOptions = {}): Promise<ScriptedLlm> {
  const steps = [...script];
  const requests: RecordedLlmRequest[] = [];
  const exhausted: RecordedLlmRequest[] = [];
  let consumed = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isChat = url.pathname === '/v1/chat/completions' || url.pathname === '/chat/completions';
    if (!isChat) {
      req.resume();
      sendJson(res, 404, {
        error: {
          message: `Scripted LLM: unknown path ${req.method} ${url.pathname}; only POST /v1/chat/completions is served.`,
          type: 'invalid_request_error',
          param: null,
          code: 'unknown_url',
        },
      });
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      sendJson(res, 405, {
        error: { message: `Scripted LLM: use POST, not ${req.method}.`, type: 'invalid_request_error' },
      });
      return;
    }
    const rawBody = await readBody(req);
    let body: ChatRequestBody | null = null;
    try {
      const parsed: unknown = JSON.parse(rawBody);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as ChatRequestBody;
    } catch {
      body = null;
    }
    const record: RecordedLlmRequest = {
      index: requests.length + 1,
      method: req.method,
      path: url.pathname,
      headers: req.headers,
      body,
      rawBody,
    };
    requests.push(record);

    if (opts.apiKey !== undefined && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      sendJson(res, 401, {
        error: {
          message: 'Incorrect API key provided.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      });
      return;
    }
    if (!body || !Array.isArray(body.messages)) {
      sendJson(res, 400, {
        error: {
          message: 'Scripted LLM: the body must be a JSON object with a "messages" array.',
          type: 'invalid_request_error',
          param: 'messages',
          code: null,
        },
      });
      return;
    }

    const step = steps.shift() ?? opts.fallback;
    if (step !== undefined) consumed++;
    if (step === undefined) {
      exhausted.push(record);
      sendJson(res, 500, {
        error: {
          message:
            `Scripted LLM: script exhausted: request #${record.index} arrived but all ` +
            `${consumed} scripted steps were used. Add steps to the test's script.`,
          type: 'script_exhausted',
          param: null,
          code: 'script_exhausted',
        },
      });
      return;
    }
    const reply = typeof step === 'function' ? await step(record) : step;
    await sleep(reply.delayMs ?? 0);
    if (reply.type === 'disconnect') {
      res.destroy();
      return;
    }
    if (reply.type === 'http-error') {
      sendJson(res, reply.status, reply.body, reply.headers);
      return;
    }
    await sendMessage(res, reply, record);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, 500, {
        error: {
          message: `Scripted LLM: step failed: ${err instanceof Error ? err.message : String(err)}`,
          type: 'script_error',
        },
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${url}/v1`,
    url,
    port,
    requests,
    exhausted,
    push: (...more) => void steps.push(...more),
    remaining: () => steps.length,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
