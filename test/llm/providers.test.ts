import { describe, expect, it } from 'vitest';
import { ResolverError } from '../../src/core/errors.js';
import { resolveEndpoint, shortModelName } from '../../src/llm/providers.js';
import { computeCost, findPrice } from '../../src/llm/pricing.js';

describe('resolveEndpoint: provider/model → endpoint and model id sent', () => {
  const cases: [string, { model: string; baseUrl?: string; apiVersion?: string }, string, string][] = [
    [
      'anthropic',
      { model: 'anthropic/claude-sonnet-4-20250514' },
      'https://api.anthropic.com/v1/',
      'claude-sonnet-4-20250514',
    ],
    ['openai', { model: 'openai/gpt-4o' }, 'https://api.openai.com/v1', 'gpt-4o'],
    [
      'openrouter keeps the rest',
      { model: 'openrouter/anthropic/claude-3.5-sonnet' },
      'https://openrouter.ai/api/v1',
      'anthropic/claude-3.5-sonnet',
    ],
    [
      'gemini',
      { model: 'gemini/gemini-2.5-pro' },
      'https://generativelanguage.googleapis.com/v1beta/openai/',
      'gemini-2.5-pro',
    ],
    ['deepseek', { model: 'deepseek/deepseek-chat' }, 'https://api.deepseek.com/v1', 'deepseek-chat'],
    ['mistral', { model: 'mistral/devstral-medium-2507' }, 'https://api.mistral.ai/v1', 'devstral-medium-2507'],
    ['groq', { model: 'groq/llama-3.3-70b' }, 'https://api.groq.com/openai/v1', 'llama-3.3-70b'],
    ['xai', { model: 'xai/grok-4' }, 'https://api.x.ai/v1', 'grok-4'],
    ['together', { model: 'together/Qwen/Qwen3-Coder' }, 'https://api.together.xyz/v1', 'Qwen/Qwen3-Coder'],
    ['ollama', { model: 'ollama/qwen2.5-coder' }, 'http://localhost:11434/v1', 'qwen2.5-coder'],
    [
      'bare claude-',
      { model: 'claude-3-5-haiku-20241022' },
      'https://api.anthropic.com/v1/',
      'claude-3-5-haiku-20241022',
    ],
    ['bare gpt-', { model: 'gpt-4.1' }, 'https://api.openai.com/v1', 'gpt-4.1'],
    ['bare o3', { model: 'o3-mini' }, 'https://api.openai.com/v1', 'o3-mini'],
    [
      'bare gemini-',
      { model: 'gemini-2.0-flash' },
      'https://generativelanguage.googleapis.com/v1beta/openai/',
      'gemini-2.0-flash',
    ],
    [
      'base URL wins, first segment dropped',
      { model: 'anthropic/claude-x', baseUrl: 'http://127.0.0.1:9/v1' },
      'http://127.0.0.1:9/v1',
      'claude-x',
    ],
    [
      'base URL accepts any provider',
      { model: 'whatever/some/model', baseUrl: 'http://127.0.0.1:9/v1' },
      'http://127.0.0.1:9/v1',
      'some/model',
    ],
    [
      'base URL accepts a bare unknown name',
      { model: 'my-model', baseUrl: 'http://127.0.0.1:9/v1' },
      'http://127.0.0.1:9/v1',
      'my-model',
    ],
    [
      'litellm_proxy with base URL',
      { model: 'litellm_proxy/claude', baseUrl: 'http://127.0.0.1:4000' },
      'http://127.0.0.1:4000',
      'claude',
    ],
    [
      'azure resource endpoint gets the deployment path',
      { model: 'azure/my-gpt4o', baseUrl: 'https://x.openai.azure.com', apiVersion: '2024-10-21' },
      'https://x.openai.azure.com/openai/deployments/my-gpt4o',
      'my-gpt4o',
    ],
  ];
  it.each(cases)('%s', (_name, cfg, baseURL, model) => {
    const e = resolveEndpoint(cfg);
    expect(e.baseURL).toBe(baseURL);
    expect(e.model).toBe(model);
  });

  it('azure sends the api version as a query parameter', () => {
    const e = resolveEndpoint({ model: 'azure/d', baseUrl: 'https://x.openai.azure.com/', apiVersion: '2024-10-21' });
    expect(e.defaultQuery).toEqual({ 'api-version': '2024-10-21' });
  });

  const errors: [string, { model: string; baseUrl?: string; apiVersion?: string }, RegExp][] = [
    ['unknown bare name', { model: 'llama-3' }, /Cannot tell the provider of model "llama-3"/],
    ['unknown provider', { model: 'acme/model-1' }, /Unknown LLM provider "acme".*LLM_BASE_URL/],
    ['litellm_proxy without base URL', { model: 'litellm_proxy/x' }, /needs LLM_BASE_URL/],
    ['azure without api version', { model: 'azure/x', baseUrl: 'https://x.openai.azure.com' }, /LLM_API_VERSION/],
    ['azure without base URL', { model: 'azure/x', apiVersion: '1' }, /LLM_BASE_URL/],
    ['empty', { model: '  ' }, /No LLM model is set/],
  ];
  it.each(errors)('config error: %s', (_name, cfg, re) => {
    let err: unknown;
    try {
      resolveEndpoint(cfg);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ResolverError);
    expect((err as ResolverError).code).toBe('config');
    expect((err as Error).message).toMatch(re);
  });

  it('log name is the last segment', () => {
    expect(shortModelName('openrouter/anthropic/claude-3.5-sonnet')).toBe('claude-3.5-sonnet');
    expect(shortModelName('gpt-4o')).toBe('gpt-4o');
  });
});

describe('prices', () => {
  it.each([
    ['anthropic/claude-sonnet-4-20250514', 3, 15],
    ['claude-sonnet-4-5-20250929', 3, 15],
    ['openai/gpt-4o-mini', 0.15, 0.6],
    ['gpt-4o-2024-08-06', 2.5, 10],
    ['o3-mini', 1.1, 4.4],
    ['o3', 2, 8],
  ])('%s costs %s/%s per million', (model, input, output) => {
    const p = findPrice(model);
    expect(p?.inputPerMTok).toBe(input);
    expect(p?.outputPerMTok).toBe(output);
  });

  it('unknown model → null cost', () => {
    expect(findPrice('ollama/qwen2.5-coder')).toBeNull();
    expect(computeCost(null, { prompt_tokens: 10, completion_tokens: 10, cache_read_tokens: 0 })).toBeNull();
  });

  it('cost = input + output, cached prompt tokens at the cache rate; a table override wins', () => {
    const p = findPrice('claude-sonnet-4-20250514');
    expect(computeCost(p, { prompt_tokens: 1_000_000, completion_tokens: 100_000, cache_read_tokens: 0 })).toBeCloseTo(
      4.5,
    );
    expect(computeCost(p, { prompt_tokens: 1_000_000, completion_tokens: 0, cache_read_tokens: 500_000 })).toBeCloseTo(
      1.65,
    );
    const custom = findPrice('my-model', { 'my-model': { inputPerMTok: 1, outputPerMTok: 2 } });
    expect(
      computeCost(custom, { prompt_tokens: 2_000_000, completion_tokens: 1_000_000, cache_read_tokens: 0 }),
    ).toBeCloseTo(4);
  });
});
