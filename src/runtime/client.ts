// The HTTP client to the action-execution server (runtime.md §3 client rules), over loopback TCP or a
// unix socket. The same client serves LocalRuntime (plain or bwrap) and DockerRuntime.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ResolverError } from '../core/errors.js';
import { THINK_OBSERVATION_CONTENT, type ActionEvent, type ObservationEvent } from '../core/events.js';
import type { Logger } from '../core/log.js';
import { abortableSleep } from '../core/sleep.js';
import { shellQuote } from '../core/shell.js';
import type { ServerAddress } from './server-process.js';
import type { CommandResult } from './types.js';

export interface RetryPolicy {
  /** Attempts for transport errors (connection refused/reset, socket gone). */
  transportAttempts: number;
  transportMinWaitMs: number;
  transportMaxWaitMs: number;
  /** Attempts for HTTP 429. */
  rateLimitAttempts: number;
  rateLimitMinWaitMs: number;
  rateLimitMaxWaitMs: number;
}

// The reference waits 4-15 s between transport retries, sized for a remote runtime. Ours is a local socket:
// a refused or reset connection either heals within milliseconds (keep-alive reuse, a restart) or never.
export const DEFAULT_RETRY: RetryPolicy = {
  transportAttempts: 5,
  transportMinWaitMs: 25,
  transportMaxWaitMs: 1_000,
  rateLimitAttempts: 3,
  rateLimitMinWaitMs: 100,
  rateLimitMaxWaitMs: 5_000,
};

/** Per-call timeouts of runtime.md §3 (execute_action's depends on the action). */
export const CALL_TIMEOUT_MS = {
  alive: 5_000,
  serverInfo: 5_000,
  listFiles: 10_000,
  workspace: 30_000,
} as const;

/** runtime.md §5: an action without a timeout gets the sandbox timeout, non-blocking. */
export const DEFAULT_ACTION_TIMEOUT_SEC = 120;
/** Grace the HTTP call gets beyond the action's own timeout (runtime.md §3: timeout + 5 s). */
export const EXECUTE_SLACK_SEC = 5;

export const THINK_RESPONSE = THINK_OBSERVATION_CONTENT;

/** A failed call to the server: an HTTP status with the server's `detail`, or a transport failure. */
export class ActionServerError extends ResolverError {
  /** HTTP status; undefined when no answer came (transport error or timeout). */
  readonly status: number | undefined;
  readonly detail: string;
  /** True when the server could not be reached (STATUS$ERROR_RUNTIME_DISCONNECTED). */
  readonly disconnected: boolean;
  constructor(
    message: string,
    init: { status?: number; detail: string; disconnected?: boolean; cause?: unknown; code?: 'runtime' | 'cancelled' },
  ) {
    super(init.code ?? 'runtime', message, { cause: init.cause });
    this.name = 'ActionServerError';
    this.status = init.status;
    this.detail = init.detail;
    this.disconnected = init.disconnected ?? false;
  }
}

const TRANSPORT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOENT', 'ECONNABORTED', 'EAGAIN']);

function isTransportError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && TRANSPORT_CODES.has(code);
}

/**
 * Reads both error envelopes: ours (`{"detail": msg}` with the real status) and the reference's, where a
 * client error raised inside a handler came back as 500 with `detail` = `"<status>: <msg>"`.
 */
export function parseErrorBody(status: number, body: string): { status: number; detail: string } {
  let detail = body.trim();
  try {
    const v: unknown = JSON.parse(body);
    if (v && typeof v === 'object' && 'detail' in v) {
      const o = v as { detail: unknown; errors?: unknown };
      detail = typeof o.detail === 'string' ? o.detail : JSON.stringify(o.detail);
      if (o.errors !== undefined) detail += `: ${typeof o.errors === 'string' ? o.errors : JSON.stringify(o.errors)}`;
    }
  } catch {
    // not JSON: keep the text
  }
  const wrapped = status === 500 ? /^([1-5]\d\d): ([\s\S]*)$/.exec(detail) : null;
  if (wrapped?.[1] && wrapped[2] !== undefined) return { status: Number(wrapped[1]), detail: wrapped[2] };
  return { status, detail: detail || http.STATUS_CODES[status] || 'no detail' };
}

function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const v = Array.isArray(header) ? header[0] : header;
  if (!v) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function cancelled(): ActionServerError {
  return new ActionServerError('the request to the action-execution server was cancelled', {
    detail: 'cancelled',
    code: 'cancelled',
  });
}

export interface RequestOptions {
  body?: unknown;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Message for a timeout (execute_action has its own, runtime.md §3). */
  timeoutMessage?: string;
}

export interface ActionClientOptions {
  address: ServerAddress;
  /** The server's SESSION_API_KEY; sent as X-Session-API-Key on every call but /alive. */
  apiKey: string;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  defaultActionTimeoutSec?: number;
  /** Seconds execute_action may take beyond the action's timeout before the call fails (default 5). */
  executeSlackSec?: number;
}

const SERVER_ACTIONS = new Set(['run', 'run_ipython', 'read', 'write', 'edit']);
const NON_RUNNABLE = new Set([
  'message',
  'system',
  'start',
  'finish',
  'reject',
  'null',
  'pause',
  'resume',
  'stop',
  'change_agent_state',
  'push',
  'send_pr',
  'recall',
  'condensation',
  'condensation_request',
  'task_tracking',
  'loop_recovery',
  'delegate',
]);

function isObservationJson(v: unknown): v is ObservationEvent {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o['observation'] === 'string' && typeof o['content'] === 'string';
}

export class ActionClient {
  readonly address: ServerAddress;
  readonly #apiKey: string;
  readonly #logger: Logger;
  readonly #retry: RetryPolicy;
  readonly #agent: http.Agent;
  readonly #defaultTimeoutSec: number;
  readonly #slackSec: number;

  constructor(opts: ActionClientOptions) {
    this.address = opts.address;
    this.#apiKey = opts.apiKey;
    this.#logger = opts.logger;
    this.#retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.#defaultTimeoutSec = opts.defaultActionTimeoutSec ?? DEFAULT_ACTION_TIMEOUT_SEC;
    this.#slackSec = opts.executeSlackSec ?? EXECUTE_SLACK_SEC;
    // One action in flight per sandbox (runtime.md §3), plus room for /alive and the like.
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  }

  /** One HTTP exchange with retries on transport errors and 429. Returns the parsed JSON body. */
  async request(method: 'GET' | 'POST', path: string, opts: RequestOptions): Promise<unknown> {
    const requestId = method === 'POST' ? randomUUID() : undefined;
    const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
    let transportFailures = 0;
    let rateLimited = 0;
    for (;;) {
      if (opts.signal?.aborted) throw cancelled();
      let res: { status: number; headers: http.IncomingHttpHeaders; body: string };
      try {
        res = await this.#once(method, path, payload, requestId, opts);
      } catch (err) {
        if (err instanceof ActionServerError) throw err;
        transportFailures++;
        if (!isTransportError(err) || transportFailures >= this.#retry.transportAttempts) {
          throw new ActionServerError(
            `cannot reach the action-execution server (${method} ${path}): ${(err as Error).message}`,
            { detail: (err as Error).message, disconnected: true, cause: err },
          );
        }
        const wait = Math.min(
          this.#retry.transportMaxWaitMs,
          this.#retry.transportMinWaitMs * 2 ** (transportFailures - 1),
        );
        this.#logger.debug(`runtime: ${method} ${path} failed (${(err as Error).message}); retrying in ${wait} ms`);
        await abortableSleep(wait, opts.signal, cancelled);
        continue;
      }
      if (res.status === 429 && ++rateLimited < this.#retry.rateLimitAttempts) {
        const asked = retryAfterMs(res.headers['retry-after']);
        const wait = Math.min(
          this.#retry.rateLimitMaxWaitMs,
          Math.max(this.#retry.rateLimitMinWaitMs, asked ?? this.#retry.rateLimitMinWaitMs * 2 ** (rateLimited - 1)),
        );
        this.#logger.debug(`runtime: ${method} ${path} got 429; retrying in ${wait} ms`);
        await abortableSleep(wait, opts.signal, cancelled);
        continue;
      }
      if (res.status < 200 || res.status >= 300) {
        const { status, detail } = parseErrorBody(res.status, res.body);
        throw new ActionServerError(`action-execution server: ${method} ${path} failed with ${status}: ${detail}`, {
          status,
          detail,
        });
      }
      if (res.body === '') return null;
      try {
        return JSON.parse(res.body) as unknown;
      } catch {
        throw new ActionServerError(`action-execution server: ${method} ${path} answered with invalid JSON`, {
          status: res.status,
          detail: res.body.slice(0, 200),
        });
      }
    }
  }

  #once(
    method: string,
    path: string,
    payload: Buffer | undefined,
    requestId: string | undefined,
    opts: RequestOptions,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (path !== '/alive') headers['x-session-api-key'] = this.#apiKey;
    if (requestId) headers['x-request-id'] = requestId;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    const target =
      this.address.transport === 'unix'
        ? { socketPath: this.address.path }
        : { host: this.address.host, port: this.address.port };
    return new Promise((resolve, reject) => {
      let done = false;
      const settle = (fn: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const req = http.request({ ...target, method, path, headers, agent: this.#agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          settle(() =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          ),
        );
        res.on('error', (err) => settle(() => reject(err)));
      });
      const timer = setTimeout(() => {
        const msg =
          opts.timeoutMessage ??
          `the action-execution server did not answer ${method} ${path} within ${opts.timeoutMs / 1000} s`;
        settle(() => reject(new ActionServerError(msg, { detail: 'timeout' })));
        req.destroy();
      }, opts.timeoutMs);
      const onAbort = () => {
        settle(() => reject(cancelled()));
        req.destroy();
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (err) => settle(() => reject(err)));
      req.end(payload);
    });
  }

  async alive(signal?: AbortSignal): Promise<boolean> {
    const v = await this.request('GET', '/alive', { timeoutMs: CALL_TIMEOUT_MS.alive, signal });
    return typeof v === 'object' && v !== null && (v as { status?: unknown }).status === 'ok';
  }

  /** Retargets a server started with --await-workspace (runtime.md §2.5). */
  async setWorkspace(path: string, signal?: AbortSignal): Promise<void> {
    await this.request('POST', '/workspace', { body: { path }, timeoutMs: CALL_TIMEOUT_MS.workspace, signal });
  }

  async listFiles(path?: string, signal?: AbortSignal): Promise<string[]> {
    const v = await this.request('POST', '/list_files', {
      body: path === undefined ? {} : { path },
      timeoutMs: CALL_TIMEOUT_MS.listFiles,
      signal,
    });
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  /**
   * Runtime.execute: the client-side rules of runtime.md §3 (think, non-runnable and unsupported actions,
   * rejected confirmations, default timeouts), then POST /execute_action for the rest.
   */
  async execute(action: ActionEvent, opts: { signal?: AbortSignal } = {}): Promise<ObservationEvent> {
    const type: string = action.action;
    const cause = action.id !== undefined && action.id >= 0 ? { cause: action.id } : {};
    if (type === 'think') {
      return { observation: 'think', content: THINK_RESPONSE, extras: {}, message: THINK_RESPONSE, ...cause };
    }
    if (NON_RUNNABLE.has(type)) return { observation: 'null', content: '', extras: {}, ...cause };
    if (!SERVER_ACTIONS.has(type)) {
      return {
        observation: 'error',
        content: `Action ${type} is not supported in the current runtime.`,
        extras: { error_id: 'AGENT_ERROR$BAD_ACTION' },
        ...cause,
      };
    }
    const args = action.args as { confirmation_state?: string; blocking?: boolean; hidden?: boolean };
    if (args.confirmation_state === 'rejected') {
      return {
        observation: 'error',
        content: 'Action has been rejected by the user! Waiting for further user input.',
        extras: { error_id: 'USER_REJECTED' },
        ...cause,
      };
    }
    if (action.action === 'run' && args.blocking === true && action.timeout === undefined) {
      return {
        observation: 'error',
        content: 'Blocking command with no timeout set',
        extras: { error_id: 'AGENT_ERROR$BAD_ACTION' },
        ...cause,
      };
    }
    const timeoutSec = action.timeout ?? this.#defaultTimeoutSec;
    const sent: ActionEvent = { ...action, timeout: timeoutSec };
    const v = await this.request('POST', '/execute_action', {
      body: { action: sent },
      timeoutMs: (timeoutSec + this.#slackSec) * 1000,
      signal: opts.signal,
      timeoutMessage: `Runtime failed to return execute_action before the requested timeout of ${timeoutSec}s`,
    });
    if (!isObservationJson(v)) {
      throw new ActionServerError(
        'action-execution server: execute_action answered with something that is not an observation',
        {
          status: 200,
          detail: JSON.stringify(v).slice(0, 200),
        },
      );
    }
    const obs: ObservationEvent = Object.assign(v, cause);
    if (typeof (obs as { extras?: unknown }).extras !== 'object' || obs.extras === null)
      Object.assign(obs, { extras: {} });
    if (action.action === 'run' && args.hidden === true && obs.observation === 'run') obs.extras.hidden = true;
    return obs;
  }

  /**
   * Runtime.run: one blocking command in the persistent shell with a hard timeout, output never truncated
   * (hidden). Multi-line scripts run through `eval` so the server sees one command and the shell state
   * (cwd, exports) still carries over. If the agent left a command running, it is interrupted first.
   */
  async run(command: string, opts: { timeoutSec?: number; signal?: AbortSignal } = {}): Promise<CommandResult> {
    const line = command.includes('\n') ? `eval ${shellQuote(command)}` : command;
    const timeoutSec = opts.timeoutSec ?? this.#defaultTimeoutSec;
    const runAction = (cmd: string, isInput: boolean): ActionEvent => ({
      action: 'run',
      args: {
        command: cmd,
        is_input: isInput,
        thought: '',
        blocking: true,
        is_static: false,
        cwd: null,
        hidden: true,
        confirmation_state: 'confirmed',
        security_risk: -1,
      },
      timeout: timeoutSec,
    });
    for (let attempt = 0; ; attempt++) {
      const obs = await this.execute(runAction(line, false), { signal: opts.signal });
      if (obs.observation !== 'run') {
        throw new ResolverError('runtime', `the sandbox refused the command: ${obs.content}`);
      }
      const md = obs.extras.metadata;
      const notExecuted = md.exit_code === -1 && /not executed/i.test(md.suffix);
      if (notExecuted && attempt === 0) {
        this.#logger.debug('runtime: a previous command is still running; interrupting it');
        await this.execute(runAction('C-c', true), { signal: opts.signal });
        continue;
      }
      return { exitCode: md.exit_code, output: obs.content };
    }
  }

  close(): void {
    this.#agent.destroy();
  }
}
