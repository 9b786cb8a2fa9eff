import { describe, expect, it } from 'vitest';
import { readLlmEnvSettings } from '../../src/action/config.js';

describe('readLlmEnvSettings', () => {
  it('defaults of resolver.md §16', () => {
    expect(readLlmEnvSettings({})).toEqual({
      numRetries: 5,
      retryMinWaitSec: 8,
      retryMaxWaitSec: 64,
      retryMultiplier: 8,
      timeoutSec: 300,
    });
  });
  it('a per-token price override becomes USD per million tokens', () => {
    const s = readLlmEnvSettings({ LLM_INPUT_COST_PER_TOKEN: '0.000003', LLM_OUTPUT_COST_PER_TOKEN: '0.000015' });
    expect(s.price?.inputPerMTok).toBeCloseTo(3);
    expect(s.price?.outputPerMTok).toBeCloseTo(15);
  });
  it.each([
    [{ LLM_INPUT_COST_PER_TOKEN: '0.000003' }, 'Set both LLM_INPUT_COST_PER_TOKEN and LLM_OUTPUT_COST_PER_TOKEN'],
    [{ LLM_INPUT_COST_PER_TOKEN: 'x', LLM_OUTPUT_COST_PER_TOKEN: '1' }, 'LLM_INPUT_COST_PER_TOKEN must be a number'],
    [{ LLM_NUM_RETRIES: '-1' }, 'LLM_NUM_RETRIES must be at least 0'],
  ])('rejects %j', (env, message) => {
    expect(() => readLlmEnvSettings(env)).toThrow(message);
  });
});
