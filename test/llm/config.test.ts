import { describe, expect, it } from 'vitest';
import { LLM_DEFAULTS, llmConfigFrom } from '../../src/llm/config.js';

describe('llmConfigFrom', () => {
  it('defaults of resolver.md §16', () => {
    expect(llmConfigFrom({})).toEqual({
      model: LLM_DEFAULTS.model,
      apiKey: undefined,
      baseUrl: undefined,
      apiVersion: undefined,
      numRetries: 5,
      retryMinWaitSec: 8,
      retryMaxWaitSec: 64,
      retryMultiplier: 8,
      timeoutSec: 300,
    });
  });
  it('reads every setting', () => {
    const c = llmConfigFrom({
      LLM_MODEL: 'openai/gpt-4o',
      LLM_API_KEY: 'k',
      LLM_BASE_URL: 'http://127.0.0.1:1/v1',
      LLM_API_VERSION: 'v',
      LLM_NUM_RETRIES: '2',
      LLM_RETRY_MIN_WAIT: '1',
      LLM_RETRY_MAX_WAIT: '2',
      LLM_RETRY_MULTIPLIER: '3',
      LLM_TIMEOUT: '30',
    });
    expect(c).toMatchObject({
      model: 'openai/gpt-4o',
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:1/v1',
      apiVersion: 'v',
      numRetries: 2,
      retryMinWaitSec: 1,
      retryMaxWaitSec: 2,
      retryMultiplier: 3,
      timeoutSec: 30,
    });
  });
  it.each([
    [{ LLM_NUM_RETRIES: '1.5' }, /LLM_NUM_RETRIES must be a whole number/],
    [{ LLM_TIMEOUT: '0' }, /LLM_TIMEOUT must be a number ≥ 1/],
    [{ LLM_RETRY_MIN_WAIT: 'x' }, /LLM_RETRY_MIN_WAIT/],
    [{ LLM_RETRY_MIN_WAIT: '10', LLM_RETRY_MAX_WAIT: '5' }, /must not be below/],
  ])('rejects %j', (vars, re) => {
    expect(() => llmConfigFrom(vars)).toThrow(re);
  });
});
