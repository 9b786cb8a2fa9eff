// LlmClient over the openai SDK (any OpenAI-compatible chat-completions endpoint). Retries are ours
// (security.md §6): the SDK runs with maxRetries 0 and a per-call timeout.
import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionContentPart,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import { ResolverError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { abortableSleep } from '../core/sleep.js';
import { computeCost, findPrice, PRICES, type Price } from './pricing.js';
import { resolveEndpoint, shortModelName } from './providers.js';
import { createReplayClient } from './replay.js';
import { backoffSec, classifyError, toResolverError, type RetryPolicy } from './retry.js';
import { withoutSentenceEnd } from './sentences.js';
import { parseTextToolCalls, toTextMessages } from './text-tools.js';
import type {
  Completion,
  CompletionRequest,
  LlmClient,
  LlmConfig,
  Message,
  TokenUsage,
  ToolCall,
  ToolSpec,
} from './types.js';

export type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface LlmDeps {
  logger: Logger;
  /** Injectable so tests never wait for backoff. */
  sleep?: SleepFn;
  random?: () => number;
  now?: () => number;
  fetch?: typeof fetch;
  /** Price table override (USD per million tokens), merged over the built-in one. */
  prices?: Record<string, Price>;
}

export const defaultSleep: SleepFn = (ms, signal) =>
  abortableSleep(ms, signal, () => new ResolverError('cancelled', 'Cancelled while waiting to retry the model call.'));

/** Reasoning models reject an explicit temperature. */
function acceptsTemperature(modelId: string): boolean {
  return !/^(o1|o3|o4|gpt-5)/.test(shortModelName(modelId));
}

function toWire(m: Message): ChatCompletionMessageParam {
  switch (m.role) {
    case 'system':
      return { role: 'system', content: m.content };
    case 'user':
      if (typeof m.content === 'string') return { role: 'user', content: m.content };
      return {
        role: 'user',
        content: m.content.map(
          (p): ChatCompletionContentPart =>
            p.type === 'text' ? { type: 'text', text: p.text } : { type: 'image_url', image_url: { url: p.url } },
        ),
      };
    case 'assistant':
      return {
        role: 'assistant',
        content: m.content,
        ...(m.toolCalls && m.toolCalls.length > 0
          ? {
              tool_calls: m.toolCalls.map((c) => ({
                id: c.id,
                type: 'function' as const,
                function: { name: c.name, arguments: c.arguments },
              })),
            }
          : {}),
      };
    case 'tool':
      return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
  }
}

function toolsToWire(tools: ToolSpec[]): ChatCompletionTool[] {
  return tools.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.parameters },
  }));
}

export function createLlmClient(config: LlmConfig, deps: LlmDeps): LlmClient {
  if (config.replayFile) return createReplayClient(config.replayFile, { model: config.model || undefined });
  if (config.model.startsWith('replay/'))
    return createReplayClient(config.model.slice('replay/'.length), { model: config.model });
  return createOpenAiClient(config, deps);
}

export function createOpenAiClient(config: LlmConfig, deps: LlmDeps): LlmClient {
  const endpoint = resolveEndpoint(config);
  const sleep = deps.sleep ?? defaultSleep;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const price = config.price ?? findPrice(endpoint.model, { ...PRICES, ...deps.prices });
  const native = config.nativeToolCalling !== false;
  const policy: RetryPolicy = {
    numRetries: config.numRetries,
    minWaitSec: config.retryMinWaitSec,
    maxWaitSec: config.retryMaxWaitSec,
    multiplier: config.retryMultiplier,
  };
  const openai = new OpenAI({
    apiKey: config.apiKey || 'not-set',
    baseURL: endpoint.baseURL,
    maxRetries: 0,
    timeout: config.timeoutSec * 1000,
    defaultQuery: endpoint.defaultQuery,
    defaultHeaders: endpoint.provider === 'azure' && config.apiKey ? { 'api-key': config.apiKey } : undefined,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  let textCallCounter = 0;
  const nextTextId = () => `toolu_text_${++textCallCounter}`;
  if (price === null) {
    deps.logger.warn(
      `No price is known for model ${config.model}; its cost is reported as null and counts as 0 against the budget.`,
    );
  }

  async function once(req: CompletionRequest): Promise<Completion> {
    const tools = req.tools ?? [];
    const messages = native ? req.messages : toTextMessages(req.messages, tools);
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: endpoint.model,
      messages: messages.map(toWire),
      ...(acceptsTemperature(endpoint.model) ? { temperature: 0 } : {}),
    };
    if (native && tools.length > 0) {
      body.tools = toolsToWire(tools);
      if (req.toolChoice) body.tool_choice = req.toolChoice;
    }
    const started = now();
    const resp: ChatCompletion = await openai.chat.completions.create(body, { signal: req.signal });
    const latencySec = (now() - started) / 1000;
    const choice = resp.choices?.[0];
    if (!choice) throw new EmptyResponseError('The model returned no choices.');
    const msg = choice.message;
    let content = msg.content ?? null;
    let toolCalls: ToolCall[] = [];
    if (native) {
      for (const c of msg.tool_calls ?? []) {
        if (c.type === 'function')
          toolCalls.push({ id: c.id, name: c.function.name, arguments: c.function.arguments ?? '' });
      }
    } else if (content !== null) {
      const parsed = parseTextToolCalls(content, tools, nextTextId);
      content = parsed.content;
      toolCalls = parsed.toolCalls;
    }
    const u = resp.usage;
    const prompt = u?.prompt_tokens ?? 0;
    const completion = u?.completion_tokens ?? 0;
    const usage: TokenUsage = {
      model: config.model,
      prompt_tokens: prompt,
      completion_tokens: completion,
      cache_read_tokens: u?.prompt_tokens_details?.cached_tokens ?? 0,
      cache_write_tokens: 0,
      context_window: 0,
      per_turn_token: prompt + completion,
      response_id: resp.id ?? '',
    };
    return {
      content,
      toolCalls,
      usage,
      cost: computeCost(price, usage),
      responseId: resp.id ?? '',
      latencySec,
      finishReason: choice.finish_reason ?? null,
    };
  }

  return {
    model: config.model,
    async complete(req) {
      const maxAttempts = Math.max(0, policy.numRetries) + 1;
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(req);
        } catch (err) {
          if (req.signal?.aborted)
            throw new ResolverError('cancelled', 'The model call was cancelled.', { cause: err });
          const c =
            err instanceof EmptyResponseError
              ? { retryable: true, code: 'llm' as const, status: null, message: err.message, retryAfterSec: null }
              : classifyError(err, policy.maxWaitSec, now);
          if (!c.retryable || attempt >= maxAttempts)
            throw toResolverError(c, shortModelName(config.model), attempt, err);
          const waitSec = c.retryAfterSec ?? backoffSec(attempt, policy, random);
          deps.logger.warn(
            `LLM call to ${shortModelName(config.model)} failed${c.status ? ` (HTTP ${c.status})` : ''}: ${withoutSentenceEnd(c.message)}; retry ${attempt} of ${policy.numRetries} in ${waitSec.toFixed(1)} s.`,
          );
          await sleep(waitSec * 1000, req.signal);
        }
      }
    },
  };
}

class EmptyResponseError extends Error {}
