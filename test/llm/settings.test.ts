import { describe, expect, it } from 'vitest';
import { llmSettingsFrom } from '../../src/llm/config.js';

describe('llmSettingsFrom (the LLM_* settings, action and CLI alike)', () => {
  it('defaults of resolver.md §16', () => {
    expect(llmSettingsFrom({})).toEqual({
      numRetries: 5,
      retryMinWaitSec: 8,
      retryMaxWaitSec: 64,
      retryMultiplier: 8,
      timeoutSec: 300,
    });
  });
  it('a per-token price override becomes USD per million tokens', () => {
    const s = llmSettingsFrom({ LLM_INPUT_COST_PER_TOKEN: '0.000003', LLM_OUTPUT_COST_PER_TOKEN: '0.000015' });
    expect(s.price?.inputPerMTok).toBeCloseTo(3);
    expect(s.price?.outputPerMTok).toBeCloseTo(15);
  });
  it.each([
    [{ LLM_INPUT_COST_PER_TOKEN: '0.000003' }, 'Set both LLM_INPUT_COST_PER_TOKEN and LLM_OUTPUT_COST_PER_TOKEN'],
    [
      { LLM_INPUT_COST_PER_TOKEN: 'x', LLM_OUTPUT_COST_PER_TOKEN: '1' },
      'LLM_INPUT_COST_PER_TOKEN must be a number ≥ 0',
    ],
    [{ LLM_NUM_RETRIES: '-1' }, 'LLM_NUM_RETRIES must be a whole number ≥ 0'],
    [{ LLM_NUM_RETRIES: '2.5' }, 'LLM_NUM_RETRIES must be a whole number ≥ 0'],
    [{ LLM_TIMEOUT: '0' }, 'LLM_TIMEOUT must be a number ≥ 1'],
    [
      { LLM_RETRY_MIN_WAIT: '30', LLM_RETRY_MAX_WAIT: '10' },
      'LLM_RETRY_MAX_WAIT (10) must not be below LLM_RETRY_MIN_WAIT (30)',
    ],
  ])('rejects %j', (env, message) => {
    expect(() => llmSettingsFrom(env)).toThrow(message);
  });
});
