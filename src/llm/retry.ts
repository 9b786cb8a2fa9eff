// Which model-call failures are retried, and how long to wait (security.md §6).
import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { ResolverError, type ErrorCode } from '../core/errors.js';
import { joinSentences, stripStatusPrefix } from './sentences.js';

export interface RetryPolicy {
  numRetries: number;
  minWaitSec: number;
  maxWaitSec: number;
  multiplier: number;
}

export interface Classified {
  retryable: boolean;
  code: ErrorCode;
  status: number | null;
  message: string;
  /** Parsed wait hint from retry-after-ms / retry-after, when valid. */
  retryAfterSec: number | null;
}

const QUOTA_MARKERS = ['insufficient_quota', 'enforced_spend_limit_reached'];
const CONTEXT_MARKERS = [
  'context_length_exceeded',
  'context length',
  'context window',
  'maximum context',
  'prompt is too long',
  'too many tokens',
  'input is too long',
  'exceeds the maximum',
];

function headerGetter(headers: unknown): (name: string) => string | null {
  if (headers && typeof (headers as Headers).get === 'function') {
    return (n) => (headers as Headers).get(n);
  }
  if (headers && typeof headers === 'object') {
    const rec = headers as Record<string, unknown>;
    return (n) => {
      for (const [k, v] of Object.entries(rec)) if (k.toLowerCase() === n && typeof v === 'string') return v;
      return null;
    };
  }
  return () => null;
}

/**
 * The server's wait hint in seconds: `retry-after-ms`, else `retry-after` (seconds or an HTTP date).
 * Negative, unparsable or over-the-cap values give null, so the caller falls back to computed backoff.
 */
export function parseRetryAfter(headers: unknown, maxWaitSec: number, now: () => number = Date.now): number | null {
  const get = headerGetter(headers);
  const ms = get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const v = Number(ms.trim());
    if (Number.isFinite(v) && v >= 0 && v / 1000 <= maxWaitSec) return v / 1000;
  }
  const ra = get('retry-after');
  if (ra !== null && ra.trim() !== '') {
    const t = ra.trim();
    if (/^-?\d+(\.\d+)?$/.test(t)) {
      const v = Number(t);
      if (v >= 0 && v <= maxWaitSec) return v;
      return null;
    }
    const date = Date.parse(t);
    if (!Number.isNaN(date)) {
      const v = (date - now()) / 1000;
      if (v >= 0 && v <= maxWaitSec) return v;
    }
  }
  return null;
}

/** Exponential backoff with jitter: multiplier * 2^(attempt-1), jittered down by up to half, within [min, max]. */
export function backoffSec(attempt: number, p: RetryPolicy, random: () => number = Math.random): number {
  const raw = p.multiplier * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(p.maxWaitSec, Math.max(p.minWaitSec, raw));
  const jittered = capped * (0.5 + 0.5 * random());
  return Math.min(p.maxWaitSec, Math.max(p.minWaitSec, jittered));
}

function bodyText(err: APIError): string {
  const parts = [err.message, err.code ?? '', err.type ?? ''];
  try {
    parts.push(JSON.stringify(err.error ?? null));
  } catch {
    // a body that cannot be serialised adds nothing
  }
  return parts.join(' ').toLowerCase();
}

export function isContextOverflow(text: string): boolean {
  const t = text.toLowerCase();
  return CONTEXT_MARKERS.some((m) => t.includes(m));
}

export function classifyError(err: unknown, maxWaitSec: number, now: () => number = Date.now): Classified {
  if (err instanceof ResolverError) {
    return { retryable: false, code: err.code, status: null, message: err.message, retryAfterSec: null };
  }
  if (err instanceof APIUserAbortError) {
    return {
      retryable: false,
      code: 'cancelled',
      status: null,
      message: 'The model call was cancelled.',
      retryAfterSec: null,
    };
  }
  // APIConnectionTimeoutError extends APIConnectionError.
  if (err instanceof APIConnectionError) {
    return { retryable: true, code: 'llm', status: null, message: err.message, retryAfterSec: null };
  }
  if (err instanceof APIError) {
    const status = typeof err.status === 'number' ? err.status : null;
    const text = bodyText(err);
    const retryAfterSec = parseRetryAfter(err.headers, maxWaitSec, now);
    const base = { status, message: stripStatusPrefix(err.message, status), retryAfterSec };
    if (QUOTA_MARKERS.some((m) => text.includes(m))) return { ...base, retryable: false, code: 'llm-quota' };
    if (status === 401 || status === 403) return { ...base, retryable: false, code: 'llm-auth' };
    if ((status === 400 || status === 413 || status === 422) && isContextOverflow(text)) {
      return { ...base, retryable: false, code: 'llm-context' };
    }
    if (status === 408 || status === 409 || status === 429 || (status !== null && status >= 500)) {
      return { ...base, retryable: true, code: 'llm' };
    }
    if (status === null) return { ...base, retryable: true, code: 'llm' };
    return { ...base, retryable: false, code: 'llm' };
  }
  // A body cut mid-way surfaces from fetch as TypeError('terminated') (cause: a socket error), or as a JSON
  // syntax error on a partial body: the response broke, so the whole call is retried.
  if (
    err instanceof TypeError &&
    /terminated|fetch failed|socket/i.test(`${err.message} ${String((err.cause as Error | undefined)?.name ?? '')}`)
  ) {
    return {
      retryable: true,
      code: 'llm',
      status: null,
      message: `the connection broke mid-response (${err.message})`,
      retryAfterSec: null,
    };
  }
  if (err instanceof SyntaxError) {
    return {
      retryable: true,
      code: 'llm',
      status: null,
      message: `the response was not valid JSON (${err.message})`,
      retryAfterSec: null,
    };
  }
  if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) {
    return { retryable: true, code: 'llm', status: null, message: err.message, retryAfterSec: null };
  }
  return {
    retryable: false,
    code: 'llm',
    status: null,
    message: err instanceof Error ? err.message : String(err),
    retryAfterSec: null,
  };
}

const HINTS: Partial<Record<ErrorCode, string>> = {
  'llm-auth': 'Check LLM_API_KEY (and LLM_BASE_URL) for this model.',
  'llm-quota': 'The provider reports a spend or quota limit; raise it or use another key.',
  'llm-context': 'The conversation no longer fits the model context window.',
};

export function toResolverError(c: Classified, model: string, attempts: number, cause: unknown): ResolverError {
  const status = c.status === null ? '' : ` (HTTP ${c.status})`;
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  return new ResolverError(
    c.code,
    joinSentences(`LLM call to ${model} failed${status}${tries}: ${c.message}`, HINTS[c.code]),
    {
      cause,
    },
  );
}
