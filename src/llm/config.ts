// LlmConfig from already-read settings (flags over environment), with the defaults of resolver.md §16.
// Takes a plain record: reading process.env stays in the entry points.
import { ResolverError } from '../core/errors.js';
import type { LlmConfig } from './types.js';

export const LLM_DEFAULTS = {
  model: 'anthropic/claude-sonnet-4-20250514',
  numRetries: 5,
  retryMinWaitSec: 8,
  retryMaxWaitSec: 64,
  retryMultiplier: 8,
  timeoutSec: 300,
} as const;

function num(
  name: string,
  v: string | undefined,
  fallback: number,
  opts: { min?: number; integer?: boolean } = {},
): number {
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n)) || n < (opts.min ?? 0)) {
    throw new ResolverError(
      'config',
      `${name} must be a ${opts.integer ? 'whole ' : ''}number ≥ ${opts.min ?? 0}; got ${JSON.stringify(v)}.`,
    );
  }
  return n;
}

/** The LLM_* tuning settings of resolver.md §16, plus a per-token price override. */
export interface LlmSettings {
  numRetries: number;
  retryMinWaitSec: number;
  retryMaxWaitSec: number;
  retryMultiplier: number;
  timeoutSec: number;
  price?: LlmConfig['price'];
}

/** LLM_INPUT_COST_PER_TOKEN / LLM_OUTPUT_COST_PER_TOKEN (USD per token, as the reference names them). */
function priceOverride(vars: Readonly<Record<string, string | undefined>>): Pick<LlmSettings, 'price'> {
  const input = vars.LLM_INPUT_COST_PER_TOKEN;
  const output = vars.LLM_OUTPUT_COST_PER_TOKEN;
  if (!input && !output) return {};
  if (!input || !output)
    throw new ResolverError(
      'config',
      'Set both LLM_INPUT_COST_PER_TOKEN and LLM_OUTPUT_COST_PER_TOKEN (USD per token), or neither.',
    );
  return {
    price: {
      inputPerMTok: num('LLM_INPUT_COST_PER_TOKEN', input, 0) * 1_000_000,
      outputPerMTok: num('LLM_OUTPUT_COST_PER_TOKEN', output, 0) * 1_000_000,
    },
  };
}

/** Reads LLM_NUM_RETRIES, LLM_RETRY_MIN_WAIT, LLM_RETRY_MAX_WAIT, LLM_RETRY_MULTIPLIER, LLM_TIMEOUT and the price. */
export function llmSettingsFrom(vars: Readonly<Record<string, string | undefined>>): LlmSettings {
  const minWait = num('LLM_RETRY_MIN_WAIT', vars.LLM_RETRY_MIN_WAIT, LLM_DEFAULTS.retryMinWaitSec);
  const maxWait = num('LLM_RETRY_MAX_WAIT', vars.LLM_RETRY_MAX_WAIT, LLM_DEFAULTS.retryMaxWaitSec);
  if (maxWait < minWait)
    throw new ResolverError(
      'config',
      `LLM_RETRY_MAX_WAIT (${maxWait}) must not be below LLM_RETRY_MIN_WAIT (${minWait}).`,
    );
  return {
    numRetries: num('LLM_NUM_RETRIES', vars.LLM_NUM_RETRIES, LLM_DEFAULTS.numRetries, { integer: true }),
    retryMinWaitSec: minWait,
    retryMaxWaitSec: maxWait,
    retryMultiplier: num('LLM_RETRY_MULTIPLIER', vars.LLM_RETRY_MULTIPLIER, LLM_DEFAULTS.retryMultiplier),
    timeoutSec: num('LLM_TIMEOUT', vars.LLM_TIMEOUT, LLM_DEFAULTS.timeoutSec, { min: 1 }),
    ...priceOverride(vars),
  };
}

/**
 * `vars` holds LLM_MODEL, LLM_API_KEY, LLM_BASE_URL, LLM_API_VERSION and the settings of llmSettingsFrom
 * (flags already merged over the environment).
 */
export function llmConfigFrom(
  vars: Readonly<Record<string, string | undefined>>,
  extra: Partial<LlmConfig> = {},
): LlmConfig {
  return {
    model: vars.LLM_MODEL?.trim() || LLM_DEFAULTS.model,
    apiKey: vars.LLM_API_KEY || undefined,
    baseUrl: vars.LLM_BASE_URL?.trim() || undefined,
    apiVersion: vars.LLM_API_VERSION?.trim() || undefined,
    ...llmSettingsFrom(vars),
    ...extra,
  };
}
