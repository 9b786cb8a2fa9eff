// Model naming (resolver.md §16, DESIGN.md §8.9): `provider/model`, where the provider picks an
// OpenAI-compatible endpoint and the rest is the model id sent. LLM_BASE_URL always wins.
import { ResolverError } from '../core/errors.js';

export interface ProviderInfo {
  /** Default OpenAI-compatible base URL; null when the user must give one. */
  baseUrl: string | null;
  /** What the error says when a required setting is missing. */
  needs?: string;
}

export const PROVIDERS: Readonly<Record<string, ProviderInfo>> = {
  openai: { baseUrl: 'https://api.openai.com/v1' },
  anthropic: { baseUrl: 'https://api.anthropic.com/v1/' },
  openrouter: { baseUrl: 'https://openrouter.ai/api/v1' },
  gemini: { baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai/' },
  deepseek: { baseUrl: 'https://api.deepseek.com/v1' },
  mistral: { baseUrl: 'https://api.mistral.ai/v1' },
  groq: { baseUrl: 'https://api.groq.com/openai/v1' },
  xai: { baseUrl: 'https://api.x.ai/v1' },
  together: { baseUrl: 'https://api.together.xyz/v1' },
  azure: { baseUrl: null, needs: 'LLM_BASE_URL (the Azure resource endpoint) and LLM_API_VERSION' },
  ollama: { baseUrl: 'http://localhost:11434/v1' },
  litellm_proxy: { baseUrl: null, needs: 'LLM_BASE_URL (the LiteLLM proxy URL)' },
};

const BARE_PREFIXES: [RegExp, string][] = [
  [/^claude-/, 'anthropic'],
  [/^gpt-/, 'openai'],
  [/^o[134](?:$|-)/, 'openai'],
  [/^gemini-/, 'gemini'],
];

export interface Endpoint {
  provider: string;
  baseURL: string;
  /** The model id sent in the request. */
  model: string;
  defaultQuery?: Record<string, string>;
  defaultHeaders?: Record<string, string>;
}

/** The last `/` segment: what log lines and the price table use. */
export function shortModelName(model: string): string {
  const i = model.lastIndexOf('/');
  return i < 0 ? model : model.slice(i + 1);
}

function splitProvider(model: string): { provider: string | null; rest: string } {
  const i = model.indexOf('/');
  if (i < 0) return { provider: null, rest: model };
  return { provider: model.slice(0, i), rest: model.slice(i + 1) };
}

/** The provider a name resolves to without a base URL, or null for a bare name no prefix matches. */
export function inferProvider(model: string): string | null {
  const { provider, rest } = splitProvider(model);
  if (provider !== null) return provider;
  for (const [re, p] of BARE_PREFIXES) if (re.test(rest)) return p;
  return null;
}

export function resolveEndpoint(cfg: { model: string; baseUrl?: string; apiVersion?: string }): Endpoint {
  const model = cfg.model.trim();
  if (!model)
    throw new ResolverError(
      'config',
      'No LLM model is set. Set LLM_MODEL (or --llm-model), e.g. anthropic/claude-sonnet-4-20250514.',
    );
  const { provider, rest } = splitProvider(model);
  const baseUrl = cfg.baseUrl?.trim() || undefined;

  if (provider === 'azure') {
    if (!baseUrl || !cfg.apiVersion) {
      throw new ResolverError('config', `Model ${model} uses provider azure, which needs ${PROVIDERS.azure?.needs}.`);
    }
    // A resource endpoint gets the deployment path; a URL that already names the deployment is used as is.
    const base = /\/openai\//.test(baseUrl) ? baseUrl : `${baseUrl.replace(/\/+$/, '')}/openai/deployments/${rest}`;
    return {
      provider,
      baseURL: base,
      model: rest,
      defaultQuery: { 'api-version': cfg.apiVersion },
    };
  }

  if (baseUrl) {
    return { provider: provider ?? inferProvider(model) ?? 'openai', baseURL: baseUrl, model: rest };
  }

  const p = provider ?? inferProvider(model);
  if (p === null) {
    throw new ResolverError(
      'config',
      `Cannot tell the provider of model "${model}". Write it as provider/model (providers: ${Object.keys(PROVIDERS).join(', ')}), or set LLM_BASE_URL for an OpenAI-compatible endpoint.`,
    );
  }
  const info = PROVIDERS[p];
  if (!info) {
    throw new ResolverError(
      'config',
      `Unknown LLM provider "${p}" in model "${model}". Known providers: ${Object.keys(PROVIDERS).join(', ')}; or set LLM_BASE_URL to use any OpenAI-compatible endpoint.`,
    );
  }
  if (info.baseUrl === null) {
    throw new ResolverError('config', `Model ${model} uses provider ${p}, which needs ${info.needs}.`);
  }
  return { provider: p, baseURL: info.baseUrl, model: rest };
}
