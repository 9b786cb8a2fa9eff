import type { TokenUsage } from './types.js';

/** A usage record with every count at zero (replayed calls, and the start of the accumulated total). */
export function emptyUsage(model: string, responseId = ''): TokenUsage {
  return {
    model,
    prompt_tokens: 0,
    completion_tokens: 0,
    cache_read_tokens: 0,
    cache_write_tokens: 0,
    context_window: 0,
    per_turn_token: 0,
    response_id: responseId,
  };
}
