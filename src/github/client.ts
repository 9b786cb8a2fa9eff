// The Octokit client (security.md §5): @actions/github's getOctokit with the throttling and retry plugins.
// Reads ≤ 10 at once; writes one at a time ≥ 1 s apart, notification-creating writes ≥ 3 s apart; secondary
// limits waited out (retry-after, else 60 s) at most twice; 5xx and network errors retried 3 times (1 s, 4 s,
// 9 s); 4xx never retried except rate limits, which the throttler owns. Every wait scales with `timing.scale`
// so tests run the real code paths without sleeping for a minute.
import { getOctokit } from '@actions/github';
import { defaults as actionsDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import type { Logger } from '../core/log.js';
import type { GitHubUrls } from './types.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface GitHubTiming {
  /** Multiplies every wait and spacing (1 in production; tests use e.g. 0.001). */
  scale?: number;
  /** Longest wait for a primary rate-limit reset that still fits the job, in seconds (default 900). */
  maxRateLimitWaitSec?: number;
}

export interface CreateOctokitOptions {
  token: string;
  urls: GitHubUrls;
  logger: Logger;
  timing?: GitHubTiming;
  userAgent?: string;
  /** Aborts every request of this client (in flight or not yet sent) once it aborts (core/cancel.ts). */
  signal?: AbortSignal;
}

/** Status codes the retry plugin leaves alone: client errors, and 429 which belongs to the throttler. */
export const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

const isLoopback = (url: string) => {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
};

type Fetch = typeof globalThis.fetch;

/**
 * fetch rejects with the signal's reason once it aborted, which Octokit turns into a 500 and retries (1 s, 4 s,
 * 9 s) for nothing. Named AbortError, it is thrown as it is, at once.
 */
function stoppable(fetch: Fetch, signal: AbortSignal): Fetch {
  return async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (err) {
      if (!signal.aborted) throw err;
      const reason: unknown = signal.reason;
      throw Object.assign(new Error(reason instanceof Error ? reason.message : 'The request was stopped.'), {
        name: 'AbortError',
        cause: reason,
      });
    }
  };
}

export function createOctokit(opts: CreateOctokitOptions): Octokit {
  const scale = opts.timing?.scale ?? 1;
  const baseFetch: Fetch = isLoopback(opts.urls.apiUrl)
    ? globalThis.fetch
    : ((actionsDefaults.request as { fetch?: Fetch } | undefined)?.fetch ?? globalThis.fetch);
  const maxWait = opts.timing?.maxRateLimitWaitSec ?? 900;
  const log = opts.logger;
  const group = (o: Bottleneck.ConstructorOptions) => new Bottleneck.Group(o);
  const describe = (o: { method?: string; url?: string }) => `${o.method ?? 'GET'} ${o.url ?? ''}`;

  return getOctokit(
    opts.token,
    {
      baseUrl: opts.urls.apiUrl,
      userAgent: opts.userAgent ?? 'openhands-resolver',
      // @actions/github's proxy-aware fetch is built for GITHUB_API_URL at import time; a loopback server
      // (tests, the demo) needs no proxy and may not match that URL.
      // (Options replace @actions/github's request defaults as a whole: they are spread in first.)
      request: {
        ...actionsDefaults.request,
        ...(isLoopback(opts.urls.apiUrl) ? { fetch: globalThis.fetch } : {}),
        ...(opts.signal ? { signal: opts.signal, fetch: stoppable(baseFetch, opts.signal) } : {}),
      },
      log: {
        debug: (m: string) => log.debug(m),
        info: (m: string) => log.debug(m),
        warn: (m: string) => log.warn(m),
        error: (m: string) => log.error(m),
      },
      throttle: {
        // Our own limiter groups for the spaced ones (the plugin's are process-wide and unscaled); reads use
        // the plugin's shared group of 10 concurrent requests.
        write: group({ maxConcurrent: 1, minTime: Math.round(1000 * scale) }),
        notifications: group({ maxConcurrent: 1, minTime: Math.round(3000 * scale) }),
        search: group({ maxConcurrent: 1, minTime: Math.round(2000 * scale) }),
        retryAfterBaseValue: 1000 * scale,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: (retryAfter, options, _octokit, retryCount) => {
          if (retryCount < 1 && retryAfter <= maxWait) {
            log.warn(`GitHub rate limit exhausted for ${describe(options)}; waiting ${retryAfter} s for the reset.`);
            return true;
          }
          log.error(
            `GitHub rate limit exhausted for ${describe(options)}; the reset is ${retryAfter} s away, which does not fit this job.`,
          );
          return false;
        },
        onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
          if (retryCount < 2) {
            log.warn(`GitHub secondary rate limit on ${describe(options)}; retrying after ${retryAfter} s.`);
            return true;
          }
          log.error(`GitHub secondary rate limit on ${describe(options)} persists after 2 retries; giving up.`);
          return false;
        },
      },
      retry: { retries: 3, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: 1000 * scale },
    },
    throttling,
    retry,
  );
}
