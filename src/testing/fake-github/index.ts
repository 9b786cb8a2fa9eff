// TEST DOUBLE: stands in for GitHub / the LLM in tests and the offline demo; not used by the product.
//
// A stateful fake GitHub on one loopback port, laid out like GitHub Enterprise Server:
//   REST     {serverUrl}/api/v3/...        validated against openapi-subset.json (requests and responses)
//   GraphQL  {serverUrl}/api/graphql       see graphql.ts for the supported schema
//   git      {serverUrl}/{owner}/{repo}.git  smart HTTP through `git http-backend` (git-http-server.ts)
//   html     {serverUrl}/{owner}/{repo}/pull/N, /issues/N, /tree/B, /compare/B: plain pages for people (demo)
// The product reaches it only through GITHUB_API_URL / GITHUB_GRAPHQL_URL / GITHUB_SERVER_URL.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createGitHttpHandler, type GitHttpRequestRecord, type GitPushRecord } from '../git-http-server.js';
import * as bare from './bare-repo.js';
import { executeGraphql } from './graphql.js';
import { renderHtml } from './html.js';
import {
  FakeModel,
  type AddCommentOptions,
  type AddIssueOptions,
  type AddPullOptions,
  type AddRepoOptions,
  type AddReviewOptions,
  type AddReviewThreadOptions,
} from './model.js';
import { getOpenApiValidator } from './openapi.js';
import { handleRest } from './rest.js';
import type {
  FakeComment,
  FakeIssue,
  FakePull,
  FakeRepo,
  FakeReview,
  FakeReviewThread,
  FakeState,
  FakeUser,
  Permission,
  UserType,
} from './state.js';

export type * from './state.js';
export type {
  AddCommentOptions,
  AddIssueOptions,
  AddPullOptions,
  AddRepoOptions,
  AddReviewOptions,
  AddReviewThreadOptions,
} from './model.js';
export type { LogEntry, FileChanges } from './bare-repo.js';
export type { GitHttpRequestRecord, GitPushRecord } from '../git-http-server.js';

export interface FakeGitHubOptions {
  /** The one accepted token (REST `token X`/`Bearer X`, GraphQL, git Basic password). Random `ghs_…` by default. */
  token?: string;
  /**
   * Who the token acts as: the author of comments and PRs the product creates. Default
   * `github-actions[bot]` (a Bot: `GET /user` then answers 403 as for an installation token).
   */
  actor?: { login: string; type?: UserType };
  /** Repositories to create at start. */
  repos?: AddRepoOptions[];
  /** Clock for timestamps (default: real time). */
  clock?: () => Date;
  /** Where the bare repositories live; a fresh temp dir (removed by close()) by default. */
  dir?: string;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
}

export interface FaultResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body (a string is sent as is); a GitHub-like message for the status by default. */
  body?: unknown;
}

export interface FaultSpec extends FaultResponse {
  /** HTTP method to match (any by default). */
  method?: string;
  /**
   * Path to match: a string equal to the API path (`/repos/o/r/issues/1`, `/graphql`) or the full URL path
   * (`/api/v3/repos/…`, `/o/r.git/info/refs`); or a RegExp tested against both.
   */
  path: string | RegExp;
  /** For GraphQL: only requests whose top-level fields include this one (e.g. `addReaction`). */
  graphqlField?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Wait before answering. */
  delayMs?: number;
}

/** A request to hold (hold()): matched like a fault; `query` entries must all be present with these values. */
export interface HoldSpec {
  method?: string;
  path: string | RegExp;
  query?: Record<string, string>;
  graphqlField?: string;
  /** Only a request whose parsed body passes this (e.g. a comment carrying a given marker). */
  body?: (body: unknown) => boolean;
}

/** A held request: tests wait for `reached` (the moment a phase of the product is under way), then release it. */
export interface Held {
  /** Resolves with the first matching request, which then waits for release(). */
  reached: Promise<RecordedRequest>;
  /** Lets it go on; a request whose client went away meanwhile is dropped unanswered, as a real server would. */
  release(): void;
}

export type RequestKind = 'rest' | 'graphql' | 'git' | 'html' | 'other';

export interface RecordedRequest {
  kind: RequestKind;
  method: string;
  /** Full URL path without the query. */
  path: string;
  /** Path below `/api/v3` for REST, `/graphql` for GraphQL, else the full path. */
  apiPath: string;
  query: Record<string, string>;
  /** Parsed JSON body (raw string when not JSON; null when empty or not read, as for git). */
  body: unknown;
  headers: IncomingHttpHeaders;
  status: number;
  /** REST `METHOD /template`, GraphQL top-level fields, or null. */
  operation: string | null;
  /** True when a failNext() fault answered this request. */
  faulted: boolean;
}

export interface ValidationFailure {
  kind: 'undocumented' | 'request' | 'response' | 'graphql';
  method: string;
  path: string;
  operation: string | null;
  problems: string[];
}

export interface FakeGitHub {
  /** `http://127.0.0.1:PORT/api/v3` (GITHUB_API_URL) */
  apiUrl: string;
  /** `http://127.0.0.1:PORT/api/graphql` (GITHUB_GRAPHQL_URL) */
  graphqlUrl: string;
  /** `http://127.0.0.1:PORT` (GITHUB_SERVER_URL) */
  serverUrl: string;
  port: number;
  token: string;
  /** The token's identity. */
  actor: FakeUser;
  state: FakeState;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  /** Requests the fake refused as undocumented/invalid, and responses that broke the schema (fake bugs). */
  validationErrors: ValidationFailure[];
  /** Git smart-HTTP traffic: each request's Authorization header, and every ref a push changed. */
  git: { requests: GitHttpRequestRecord[]; pushes: GitPushRecord[] };

  addRepo(opts: AddRepoOptions): Promise<FakeRepo>;
  addUser(login: string, type?: UserType): FakeUser;
  addIssue(opts: AddIssueOptions): FakeIssue;
  addPull(opts: AddPullOptions): Promise<FakePull>;
  addComment(opts: AddCommentOptions): FakeComment;
  addReview(opts: AddReviewOptions): FakeReview;
  addReviewThread(opts: AddReviewThreadOptions): FakeReviewThread;
  setPermission(owner: string, repo: string, login: string, permission: Permission): void;
  /** Marks an issue or PR deleted: REST then answers 410 Gone. */
  deleteIssue(owner: string, repo: string, number: number): void;
  /** Commits files onto a branch as someone else's push would (created from `from`, default the default branch). */
  pushFiles(
    owner: string,
    repo: string,
    opts: { branch: string; files: bare.FileChanges; message?: string; from?: string; author?: string },
  ): Promise<string>;

  /** Creates (or moves) a branch to point at `from` (a branch or sha; default the default branch). Returns the sha. */
  createBranch(owner: string, repo: string, branch: string, from?: string): Promise<string>;

  failNext(fault: FaultSpec): void;
  /** Holds the next request matching `spec` until the returned release() (one request, then the hold is spent). */
  hold(spec: HoldSpec): Held;
  /** Faults not yet consumed. */
  pendingFaults(): FaultSpec[];
  /** Recorded requests by method and path (same matching as failNext). */
  find(method: string, path: string | RegExp): RecordedRequest[];

  /** `{serverUrl}/{owner}/{repo}.git` */
  cloneUrl(owner: string, repo: string): string;
  /** `Authorization: Basic …` value git needs (user `x-access-token`, the token as password). */
  gitAuthHeader(): string;
  gitLog(owner: string, repo: string, ref: string): Promise<bare.LogEntry[]>;
  readFile(owner: string, repo: string, ref: string, file: string): Promise<string | null>;
  listFiles(owner: string, repo: string, ref: string): Promise<string[]>;
  resolveRef(owner: string, repo: string, ref: string): Promise<string | null>;
  branches(owner: string, repo: string): Promise<{ name: string; sha: string }[]>;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

const DEFAULT_FAULT_MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Bad credentials',
  403: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  404: 'Not Found',
  410: 'Gone',
  422: 'Validation Failed',
  429: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

/** Ready-made faults for failNext(): `fake.failNext({ path, ...faults.secondaryRateLimit({ retryAfter: 1 }) })`. */
export const faults = {
  /** 403 (or 429) secondary rate limit, with `retry-after` when given. */
  secondaryRateLimit(opts: { status?: 403 | 429; retryAfter?: number } = {}): FaultResponse {
    return {
      status: opts.status ?? 403,
      headers: opts.retryAfter === undefined ? {} : { 'retry-after': String(opts.retryAfter) },
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        status: String(opts.status ?? 403),
      },
    };
  },
  /** 403 primary rate limit: `x-ratelimit-remaining: 0` and a reset time (epoch seconds, default now + 1 s). */
  primaryRateLimit(opts: { resetEpochSec?: number } = {}): FaultResponse {
    const reset = opts.resetEpochSec ?? Math.floor(Date.now() / 1000) + 1;
    return {
      status: 403,
      headers: {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-resource': 'core',
      },
      body: {
        message: 'API rate limit exceeded for installation ID 1.',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        status: '403',
      },
    };
  },
  serverError(status = 500): FaultResponse {
    return { status, body: { message: DEFAULT_FAULT_MESSAGES[status] ?? 'Server Error', status: String(status) } };
  },
  notFound(): FaultResponse {
    return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
  },
  gone(): FaultResponse {
    return { status: 410, body: { message: 'This issue was deleted', documentation_url: DOCS, status: '410' } };
  },
  unprocessable(message = 'Validation Failed', errors: unknown[] = []): FaultResponse {
    return { status: 422, body: { message, errors, documentation_url: DOCS, status: '422' } };
  },
  bodyTooLong(): FaultResponse {
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: 'Body is too long (maximum is 65536 characters)',
          },
        ],
        documentation_url: DOCS,
        status: '422',
      },
    };
  },
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

function tokenFromHeader(header: string | undefined): string | null {
  const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

function pathMatches(pattern: string | RegExp, rec: { path: string; apiPath: string }): boolean {
  if (typeof pattern === 'string') return pattern === rec.apiPath || pattern === rec.path;
  pattern.lastIndex = 0;
  if (pattern.test(rec.apiPath)) return true;
  pattern.lastIndex = 0;
  return pattern.test(rec.path);
}

export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const token = opts.token ?? `ghs_${randomBytes(18).toString('hex')}`;
  const ownDir = opts.dir === undefined;
  const dir = opts.dir ?? mkdtempSync(path.join(os.tmpdir(), 'fake-github-'));
  const reposRoot = path.join(dir, 'repos');
  const validator = getOpenApiValidator();
  const requests: RecordedRequest[] = [];
  const validationErrors: ValidationFailure[] = [];
  const pending: (FaultSpec & { left: number })[] = [];
  const holds: { spec: HoldSpec; reach: (r: RecordedRequest) => void; released: Promise<void> }[] = [];
  // `model` is created below; pushes only arrive once the server listens.
  const git = createGitHttpHandler({
    root: reposRoot,
    token,
    authorizePush: (repoRel) => {
      const m = /^([^/]+)\/([^/]+)\.git$/.exec(repoRel);
      const r = m ? model.findRepo(m[1] ?? '', m[2] ?? '') : undefined;
      return r ? model.pushDenied(r) : null;
    },
  });

  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const serverUrl = `http://127.0.0.1:${port}`;
  const apiUrl = `${serverUrl}/api/v3`;
  const graphqlUrl = `${serverUrl}/api/graphql`;
  const model = new FakeModel({
    urls: { api: apiUrl, web: serverUrl },
    reposRoot,
    actor: opts.actor ?? { login: 'github-actions[bot]', type: 'Bot' },
    clock: opts.clock ?? (() => new Date()),
  });

  const send = (
    res: ServerResponse,
    rec: RecordedRequest,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    rec.status = status;
    const text = body === undefined || body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const contentType =
      typeof body === 'string' && !headers['content-type']
        ? 'text/plain; charset=utf-8'
        : 'application/json; charset=utf-8';
    res.writeHead(status, {
      'content-type': contentType,
      'content-length': String(Buffer.byteLength(text)),
      'x-github-request-id': `FAKE:${requests.indexOf(rec) + 1}`,
      ...headers,
    });
    res.end(text);
  };

  const rateHeaders = (): Record<string, string> => {
    const used = requests.filter((r) => r.kind === 'rest').length;
    return {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(Math.max(0, 5000 - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      'x-github-media-type': 'github.v3; format=json',
    };
  };

  function takeHold(rec: RecordedRequest): Promise<void> | null {
    const i = holds.findIndex(
      ({ spec }) =>
        (!spec.method || spec.method.toUpperCase() === rec.method) &&
        pathMatches(spec.path, rec) &&
        Object.entries(spec.query ?? {}).every(([k, v]) => rec.query[k] === v) &&
        (!spec.graphqlField || (rec.operation ?? '').split(',').includes(spec.graphqlField)) &&
        (!spec.body || spec.body(rec.body)),
    );
    const h = holds[i];
    if (!h) return null;
    holds.splice(i, 1);
    h.reach(rec);
    return h.released;
  }

  function takeFault(rec: RecordedRequest): FaultSpec | null {
    const i = pending.findIndex(
      (f) =>
        (!f.method || f.method.toUpperCase() === rec.method) &&
        pathMatches(f.path, rec) &&
        (!f.graphqlField || (rec.operation ?? '').split(',').includes(f.graphqlField)),
    );
    const f = pending[i];
    if (!f) return null;
    f.left--;
    if (f.left <= 0) pending.splice(i, 1);
    return f;
  }

  async function rest(
    res: ServerResponse,
    rec: RecordedRequest,
    url: URL,
    rawPath: string,
    raw: string,
  ): Promise<void> {
    const fail = (kind: ValidationFailure['kind'], problems: string[]) =>
      validationErrors.push({ kind, method: rec.method, path: rec.apiPath, operation: rec.operation, problems });
    const given = tokenFromHeader(rec.headers.authorization);
    if (given !== token) {
      send(
        res,
        rec,
        401,
        { message: given ? 'Bad credentials' : 'Requires authentication', documentation_url: DOCS, status: '401' },
        { 'www-authenticate': 'Bearer realm="fake GitHub"' },
      );
      return;
    }
    const matched = validator.match(rec.method, rawPath);
    if (!matched.ok) {
      fail('undocumented', [matched.message]);
      send(res, rec, matched.status, { message: 'Not Found', documentation_url: DOCS, status: String(matched.status) });
      return;
    }
    const op = matched.op;
    rec.operation = `${rec.method} ${op.template}`;
    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        fail('request', ['body is not valid JSON']);
        send(res, rec, 400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' });
        return;
      }
    }
    const problems = validator.validateRequest(op, url.searchParams, body, raw.length > 0);
    if (problems.length > 0) {
      const lines = problems.map((p) => `${p.where}: ${p.message}`);
      fail('request', lines);
      send(res, rec, 400, {
        message: `Invalid request.\n\n${lines.join('\n')}`,
        documentation_url: DOCS,
        status: '400',
      });
      return;
    }
    const external = new URL(`${apiUrl}${rawPath}${url.search}`);
    const answer = await handleRest(model, { op, query: url.searchParams, body, url: external });
    if (!answer) {
      fail('undocumented', [`${rec.operation} is documented but the fake GitHub does not implement it`]);
      send(res, rec, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      return;
    }
    const responseProblems = validator.validateResponse(op, answer.status, answer.body);
    if (responseProblems.length > 0) {
      const lines = responseProblems.map((p) => `${p.where}: ${p.message}`);
      fail('response', lines);
      send(res, rec, 500, { message: `fake GitHub built an invalid response:\n${lines.join('\n')}` });
      return;
    }
    send(res, rec, answer.status, answer.body, { ...rateHeaders(), ...(answer.headers ?? {}) });
  }

  async function graphql(res: ServerResponse, rec: RecordedRequest): Promise<void> {
    if (rec.method !== 'POST') {
      send(res, rec, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/graphql' });
      return;
    }
    const given = tokenFromHeader(rec.headers.authorization);
    if (given !== token) {
      send(res, rec, 401, {
        message: 'This endpoint requires you to be authenticated.',
        documentation_url:
          'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
      });
      return;
    }
    const result = await executeGraphql(model, rec.body);
    rec.operation = result.operation;
    if (result.invalid) {
      validationErrors.push({
        kind: 'graphql',
        method: rec.method,
        path: rec.apiPath,
        operation: result.operation,
        problems: (result.body.errors ?? []).map((e) => e.message),
      });
    }
    send(res, rec, result.status, result.body, rateHeaders());
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', serverUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const rawPath = url.pathname;
    let kind: RequestKind = 'other';
    let apiPath = rawPath;
    let gitPath: string | null = null;
    if (rawPath === '/api/v3' || rawPath.startsWith('/api/v3/')) {
      kind = 'rest';
      apiPath = rawPath.slice('/api/v3'.length) || '/';
    } else if (rawPath === '/api/graphql') {
      kind = 'graphql';
      apiPath = '/graphql';
    } else if (/^\/[^/]+\/[^/]+\.git(\/|$)/.test(rawPath)) {
      kind = 'git';
      gitPath = rawPath;
    } else if (/^\/[^/]+\/[^/]+\/(info\/refs|git-upload-pack|git-receive-pack)$/.test(rawPath)) {
      // GitHub also serves clone URLs without the `.git` suffix.
      kind = 'git';
      gitPath = rawPath.replace(/^(\/[^/]+\/[^/]+)\//, '$1.git/');
    } else if (method === 'GET') {
      kind = 'html';
    }
    const rec: RecordedRequest = {
      kind,
      method,
      path: rawPath,
      apiPath,
      query: Object.fromEntries(url.searchParams),
      body: null,
      headers: req.headers,
      status: 0,
      operation: null,
      faulted: false,
    };
    requests.push(rec);
    let raw = '';
    if (kind !== 'git') {
      raw = await readBody(req);
      if (raw.length > 0) {
        try {
          rec.body = JSON.parse(raw);
        } catch {
          rec.body = raw;
        }
      }
    }
    if (kind === 'graphql' && rec.body && typeof rec.body === 'object') {
      const q = (rec.body as { query?: unknown }).query;
      if (typeof q === 'string') {
        rec.operation = /^\s*(?:query|mutation)?[^{]*\{\s*([A-Za-z_]\w*)/.exec(q.replace(/#[^\n]*/g, ''))?.[1] ?? null;
      }
    }
    const held = takeHold(rec);
    if (held) {
      let gone = false;
      res.once('close', () => (gone = true));
      await held;
      if (gone || res.destroyed) {
        rec.status = 499;
        req.destroy();
        return;
      }
    }
    const fault = takeFault(rec);
    if (fault) {
      rec.faulted = true;
      await sleep(fault.delayMs ?? 0);
      if (kind === 'git') req.resume();
      const body = fault.body ?? {
        message: DEFAULT_FAULT_MESSAGES[fault.status] ?? `HTTP ${fault.status}`,
        documentation_url: DOCS,
      };
      send(res, rec, fault.status, body, fault.headers ?? {});
      return;
    }
    switch (kind) {
      case 'rest':
        await rest(res, rec, url, apiPath, raw);
        return;
      case 'graphql':
        await graphql(res, rec);
        return;
      case 'git': {
        res.on('finish', () => {
          rec.status = res.statusCode;
        });
        git.handle(req, res, gitPath ?? rawPath);
        return;
      }
      case 'html': {
        const page = await renderHtml(model, rawPath);
        rec.status = page.status;
        res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page.html);
        return;
      }
      default:
        send(res, rec, 404, { message: 'Not Found', documentation_url: DOCS });
    }
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      const message = `fake GitHub internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message }));
    });
  });

  const repoOf = (owner: string, repo: string) => model.repo(owner, repo);

  const fake: FakeGitHub = {
    apiUrl,
    graphqlUrl,
    serverUrl,
    port,
    token,
    actor: model.actor,
    state: model.state,
    requests,
    validationErrors,
    git: { requests: git.requests, pushes: git.pushes },
    addRepo: (o) => model.addRepo(o),
    addUser: (login, type) => model.user(login, type),
    addIssue: (o) => model.addIssue(o),
    addPull: (o) => model.addPull(o),
    addComment: (o) => model.addComment(o),
    addReview: (o) => model.addReview(o),
    addReviewThread: (o) => model.addReviewThread(o),
    setPermission: (owner, repo, login, permission) => model.setPermission(owner, repo, login, permission),
    deleteIssue(owner, repo, number) {
      const it = model.findItem(repoOf(owner, repo), number);
      if (!it) throw new Error(`fake GitHub: no issue #${number} in ${owner}/${repo}`);
      it.deleted = true;
    },
    async pushFiles(owner, repo, o) {
      const r = repoOf(owner, repo);
      const exists = await bare.resolveRef(r.dir, `refs/heads/${o.branch}`);
      const who = o.author ?? 'octocat';
      return bare.commitFiles(r.dir, {
        branch: o.branch,
        parent: exists ? `refs/heads/${o.branch}` : (o.from ?? r.defaultBranch),
        files: o.files,
        message: o.message ?? `Update ${Object.keys(o.files).join(', ')}`,
        author: { name: who, email: `${who}@users.noreply.example`, date: new Date().toISOString() },
      });
    },
    async createBranch(owner, repo, branch, from) {
      const r = repoOf(owner, repo);
      const sha = await bare.resolveRef(r.dir, from ?? r.defaultBranch);
      if (!sha) throw new Error(`fake GitHub: ${from ?? r.defaultBranch} does not exist in ${r.fullName}`);
      await bare.setRef(r.dir, `refs/heads/${branch}`, sha);
      return sha;
    },
    failNext(f) {
      pending.push({ ...f, left: f.times ?? 1 });
    },
    pendingFaults: () => pending.map(({ left, ...f }) => ({ ...f, times: left })),
    hold(spec) {
      let reach: (r: RecordedRequest) => void = () => undefined;
      let release: () => void = () => undefined;
      const reached = new Promise<RecordedRequest>((r) => (reach = r));
      const released = new Promise<void>((r) => (release = r));
      holds.push({ spec, reach, released });
      return { reached, release };
    },
    find: (method, p) => requests.filter((r) => r.method === method.toUpperCase() && pathMatches(p, r)),
    cloneUrl: (owner, repo) => `${serverUrl}/${owner}/${repo}.git`,
    gitAuthHeader: () => `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`,
    gitLog: (owner, repo, ref) => bare.gitLog(repoOf(owner, repo).dir, ref),
    readFile: (owner, repo, ref, file) => bare.readFileAt(repoOf(owner, repo).dir, ref, file),
    listFiles: (owner, repo, ref) => bare.listFiles(repoOf(owner, repo).dir, ref),
    resolveRef: (owner, repo, ref) => bare.resolveRef(repoOf(owner, repo).dir, ref),
    branches: (owner, repo) => bare.listBranches(repoOf(owner, repo).dir),
    async close() {
      await git.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };

  try {
    for (const r of opts.repos ?? []) await model.addRepo(r);
  } catch (err) {
    await fake.close();
    throw err;
  }
  return fake;
}
