// USD per million tokens for common models. Matching uses the longest prefix of the model id (the last
// `/` segment), so dated snapshots (claude-sonnet-4-20250514) find their family. Unknown → cost null.
import { shortModelName } from './providers.js';

export interface Price {
  inputPerMTok: number;
  outputPerMTok: number;
  /** Cached prompt tokens; defaults to the input price. */
  cacheReadPerMTok?: number;
}

export const PRICES: Readonly<Record<string, Price>> = {
  'claude-opus-4': { inputPerMTok: 15, outputPerMTok: 75, cacheReadPerMTok: 1.5 },
  'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15, cacheReadPerMTok: 0.3 },
  'claude-haiku-4': { inputPerMTok: 1, outputPerMTok: 5, cacheReadPerMTok: 0.1 },
  'claude-3-7-sonnet': { inputPerMTok: 3, outputPerMTok: 15, cacheReadPerMTok: 0.3 },
  'claude-3-5-sonnet': { inputPerMTok: 3, outputPerMTok: 15, cacheReadPerMTok: 0.3 },
  'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4, cacheReadPerMTok: 0.08 },
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6, cacheReadPerMTok: 0.075 },
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10, cacheReadPerMTok: 1.25 },
  'gpt-4.1-nano': { inputPerMTok: 0.1, outputPerMTok: 0.4, cacheReadPerMTok: 0.025 },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6, cacheReadPerMTok: 0.1 },
  'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8, cacheReadPerMTok: 0.5 },
  'gpt-5-nano': { inputPerMTok: 0.05, outputPerMTok: 0.4, cacheReadPerMTok: 0.005 },
  'gpt-5-mini': { inputPerMTok: 0.25, outputPerMTok: 2, cacheReadPerMTok: 0.025 },
  'gpt-5': { inputPerMTok: 1.25, outputPerMTok: 10, cacheReadPerMTok: 0.125 },
  o1: { inputPerMTok: 15, outputPerMTok: 60, cacheReadPerMTok: 7.5 },
  'o3-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4, cacheReadPerMTok: 0.55 },
  o3: { inputPerMTok: 2, outputPerMTok: 8, cacheReadPerMTok: 0.5 },
  'o4-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4, cacheReadPerMTok: 0.275 },
  'gemini-2.5-pro': { inputPerMTok: 1.25, outputPerMTok: 10 },
  'gemini-2.5-flash': { inputPerMTok: 0.3, outputPerMTok: 2.5 },
  'gemini-2.0-flash': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
  'deepseek-chat': { inputPerMTok: 0.27, outputPerMTok: 1.1 },
  'deepseek-reasoner': { inputPerMTok: 0.55, outputPerMTok: 2.19 },
  'devstral-medium': { inputPerMTok: 0.4, outputPerMTok: 2 },
  'devstral-small': { inputPerMTok: 0.1, outputPerMTok: 0.3 },
};

export function findPrice(model: string, table: Readonly<Record<string, Price>> = PRICES): Price | null {
  const id = shortModelName(model).toLowerCase();
  let best: string | null = null;
  for (const key of Object.keys(table)) {
    if (
      (id === key || id.startsWith(`${key}-`) || id.startsWith(`${key}@`) || id.startsWith(`${key}.`)) &&
      (best === null || key.length > best.length)
    ) {
      best = key;
    }
  }
  return best === null ? null : (table[best] ?? null);
}

export function computeCost(
  price: Price | null,
  usage: { prompt_tokens: number; completion_tokens: number; cache_read_tokens: number },
): number | null {
  if (!price) return null;
  const cached = Math.min(usage.cache_read_tokens, usage.prompt_tokens);
  const fresh = usage.prompt_tokens - cached;
  const cacheRate = price.cacheReadPerMTok ?? price.inputPerMTok;
  return (fresh * price.inputPerMTok + cached * cacheRate + usage.completion_tokens * price.outputPerMTok) / 1e6;
}
