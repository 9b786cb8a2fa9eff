// Cost and token accounting per runtime.md §11, plus ours: prompt tokens per step and whether every
// cost was known.
import { emptyUsage } from '../llm/usage.js';
import type { LlmMetricsSnapshot } from '../core/events.js';
import type { Completion, Metrics, TokenUsage } from '../llm/types.js';

export interface MetricsTracker {
  /** Adds one model call; `agentStep` calls also record their prompt tokens per step. */
  add(c: Completion, opts?: { agentStep?: boolean }): void;
  readonly costUsd: number;
  readonly costKnown: boolean;
  snapshot(): LlmMetricsSnapshot;
  toJSON(extra?: { iterations?: number; durationSec?: number }): Metrics;
}

export { emptyUsage };

export function createMetrics(opts: {
  model: string;
  maxBudgetUsd: number | null;
  now?: () => number;
}): MetricsTracker {
  const now = opts.now ?? Date.now;
  const acc = emptyUsage(opts.model);
  let cost = 0;
  let costKnown = true;
  const costs: Metrics['costs'] = [];
  const latencies: Metrics['response_latencies'] = [];
  const usages: TokenUsage[] = [];
  const promptPerStep: number[] = [];
  return {
    add(c, o = {}) {
      if (c.cost === null) costKnown = false;
      else {
        cost += c.cost;
        costs.push({ model: c.usage.model, cost: c.cost, timestamp: now() / 1000 });
      }
      latencies.push({ model: c.usage.model, latency: c.latencySec, response_id: c.responseId });
      usages.push({ ...c.usage });
      acc.prompt_tokens += c.usage.prompt_tokens;
      acc.completion_tokens += c.usage.completion_tokens;
      acc.cache_read_tokens += c.usage.cache_read_tokens;
      acc.cache_write_tokens += c.usage.cache_write_tokens;
      acc.context_window = Math.max(acc.context_window, c.usage.context_window);
      acc.per_turn_token = c.usage.per_turn_token;
      acc.response_id = c.responseId;
      if (o.agentStep) promptPerStep.push(c.usage.prompt_tokens);
    },
    get costUsd() {
      return cost;
    },
    get costKnown() {
      return costKnown;
    },
    snapshot() {
      return { accumulated_cost: cost, accumulated_token_usage: { ...acc }, max_budget_per_task: opts.maxBudgetUsd };
    },
    toJSON(extra = {}) {
      return {
        accumulated_cost: cost,
        max_budget_per_task: opts.maxBudgetUsd,
        accumulated_token_usage: { ...acc },
        costs: [...costs],
        response_latencies: [...latencies],
        token_usages: [...usages],
        ...(extra.iterations !== undefined ? { iterations: extra.iterations } : {}),
        ...(extra.durationSec !== undefined ? { duration_sec: extra.durationSec } : {}),
        prompt_tokens_per_step: [...promptPerStep],
        cost_known: costKnown,
      };
    },
  };
}

/** Adds a call made outside the loop (the success judgement) to finished metrics. */
export function addCompletion(m: Metrics, c: Completion, now: () => number = Date.now): Metrics {
  const acc = m.accumulated_token_usage;
  return {
    ...m,
    accumulated_cost: m.accumulated_cost + (c.cost ?? 0),
    accumulated_token_usage: {
      ...acc,
      prompt_tokens: acc.prompt_tokens + c.usage.prompt_tokens,
      completion_tokens: acc.completion_tokens + c.usage.completion_tokens,
      cache_read_tokens: acc.cache_read_tokens + c.usage.cache_read_tokens,
      cache_write_tokens: acc.cache_write_tokens + c.usage.cache_write_tokens,
      per_turn_token: c.usage.per_turn_token,
      response_id: c.responseId,
    },
    costs: c.cost === null ? m.costs : [...m.costs, { model: c.usage.model, cost: c.cost, timestamp: now() / 1000 }],
    response_latencies: [
      ...m.response_latencies,
      { model: c.usage.model, latency: c.latencySec, response_id: c.responseId },
    ],
    token_usages: [...m.token_usages, { ...c.usage }],
    ...(c.cost === null ? { cost_known: false } : {}),
  };
}
