// TEST DOUBLE: stands in for GitHub / the LLM in tests and the offline demo; not used by the product.
//
// Git smart HTTP for the fake GitHub: each request spawns `git http-backend` (a CGI program) against bare
// repositories under `root`, behind GitHub-like token auth (HTTP Basic whose password, or bare user name, is
// the token). It records every request's Authorization header and the refs each push changed, so tests can
// assert what was pushed and that the token travelled only in a header.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gitEnv, tryGit } from './git.js';

export interface GitHttpRequestRecord {
  method: string;
  /** Path below the mount point, e.g. `/octo/hello.git/info/refs`. */
  path: string;
  query: string;
  /** The raw Authorization header, or null when the client sent none. */
  authorization: string | null;
  /** `git-upload-pack` or `git-receive-pack` when known. */
  service: string | null;
  /** The request's Content-Encoding (git gzips large request bodies). */
  contentEncoding: string | null;
  status: number;
}

export interface GitPushRecord {
  /** Repository path relative to the root, e.g. `octo/hello.git`. */
  repo: string;
  /** Full ref name, e.g. `refs/heads/openhands-fix-issue-1`. */
  ref: string;
  /** Sha before the push; null when the ref was created. */
  before: string | null;
  /** Sha after the push; null when the ref was deleted. */
  after: string | null;
  /** The Authorization header of the push request. */
  authorization: string | null;
}

export interface GitHttpHandlerOptions {
  /** Directory holding the bare repositories (`<root>/<owner>/<repo>.git`, or `<root>/<repo>.git`). */
  root: string;
  /** The accepted token(s). */
  token: string | string[];
  /**
   * Called for every push (`info/refs?service=git-receive-pack` and `git-receive-pack`) with the repository path
   * (e.g. `octo/hello.git`): a message refuses the push with 403, as GitHub does without push permission.
   */
  authorizePush?: (repoRel: string) => string | null;
}

export interface GitHttpHandler {
  /**
   * Serves one git smart-HTTP request. `pathInfo` is the path below the mount point (defaults to the request
   * URL's path), e.g. `/octo/hello.git/info/refs`.
   */
  handle(req: IncomingMessage, res: ServerResponse, pathInfo?: string): void;
  readonly requests: GitHttpRequestRecord[];
  readonly pushes: GitPushRecord[];
  /** Resolves once every request in flight has finished. */
  idle(): Promise<void>;
}

/** True when the header is HTTP Basic whose password (or bare user name) is one of the tokens. */
export function basicAuthMatches(header: string | undefined, tokens: readonly string[]): boolean {
  const m = /^basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return false;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  const password = colon === -1 ? '' : decoded.slice(colon + 1);
  if (password !== '') return tokens.includes(password);
  return tokens.includes(user);
}

function basicUser(header: string | undefined): string {
  const m = /^basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return '';
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? decoded : decoded.slice(0, colon);
}

async function readRefs(repoDir: string): Promise<Map<string, string>> {
  const r = await tryGit(['for-each-ref', '--format=%(objectname) %(refname)'], { cwd: repoDir });
  const refs = new Map<string, string>();
  for (const line of r.stdout.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0) refs.set(line.slice(sp + 1), line.slice(0, sp));
  }
  return refs;
}

/** Finds the end of a CGI header block: returns [headerEnd, bodyStart] or null when not complete yet. */
function headerEnd(buf: Buffer): [number, number] | null {
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return [crlf, crlf + 4];
  if (lf !== -1) return [lf, lf + 2];
  return null;
}

export function createGitHttpHandler(opts: GitHttpHandlerOptions): GitHttpHandler {
  const tokens = Array.isArray(opts.token) ? [...opts.token] : [opts.token];
  const requests: GitHttpRequestRecord[] = [];
  const pushes: GitPushRecord[] = [];
  const inFlight = new Set<Promise<void>>();

  async function serve(req: IncomingMessage, res: ServerResponse, pathInfo: string, query: string): Promise<void> {
    const authorization = req.headers.authorization ?? null;
    const service =
      /(?:^|&)service=(git-[a-z-]+)/.exec(query)?.[1] ?? /\/(git-(?:upload|receive)-pack)$/.exec(pathInfo)?.[1] ?? null;
    const record: GitHttpRequestRecord = {
      method: req.method ?? 'GET',
      path: pathInfo,
      query,
      authorization,
      service,
      contentEncoding: req.headers['content-encoding'] ?? null,
      status: 0,
    };
    requests.push(record);

    const finish = (status: number, body: string, headers: Record<string, string> = {}) => {
      record.status = status;
      req.resume();
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(body);
    };

    if (!basicAuthMatches(req.headers.authorization, tokens)) {
      finish(401, 'Authentication required: use HTTP Basic auth with the token as the password.\n', {
        'www-authenticate': 'Basic realm="fake GitHub"',
      });
      return;
    }
    const repoMatch = /^\/((?:[^/]+\/)*?[^/]+\.git)(?:\/|$)/.exec(pathInfo);
    const repoRel = repoMatch?.[1];
    if (!repoRel || repoRel.split('/').includes('..') || !existsSync(path.join(opts.root, repoRel))) {
      finish(404, 'Repository not found.\n');
      return;
    }
    const repoDir = path.join(opts.root, repoRel);
    const isPush = req.method === 'POST' && pathInfo.endsWith('/git-receive-pack');
    if (service === 'git-receive-pack' && opts.authorizePush) {
      const denied = opts.authorizePush(repoRel);
      if (denied !== null) {
        finish(403, `${denied}\n`);
        return;
      }
    }
    const before = isPush ? await readRefs(repoDir) : null;

    const env = gitEnv({
      GIT_PROJECT_ROOT: opts.root,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: pathInfo,
      QUERY_STRING: query,
      REQUEST_METHOD: req.method ?? 'GET',
      REMOTE_USER: basicUser(req.headers.authorization) || 'x-access-token',
      REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_PROTOCOL: 'HTTP/1.1',
    });
    const contentType = req.headers['content-type'];
    if (contentType) env.CONTENT_TYPE = contentType;
    const contentLength = req.headers['content-length'];
    if (contentLength) env.CONTENT_LENGTH = contentLength;
    const encoding = req.headers['content-encoding'];
    if (encoding) env.HTTP_CONTENT_ENCODING = encoding;
    const protocol = req.headers['git-protocol'];
    if (typeof protocol === 'string') env.GIT_PROTOCOL = protocol;

    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (c: Buffer) => stderr.push(c));
    child.stdin.on('error', () => undefined);
    req.pipe(child.stdin);

    let head: Buffer = Buffer.alloc(0);
    let headersSent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = headerEnd(head);
      if (!end) return;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end[0]).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
        else headers[name] = value;
      }
      record.status = status;
      res.writeHead(status, headers);
      headersSent = true;
      const rest = head.subarray(end[1]);
      if (rest.length > 0) res.write(rest);
    });

    const code = await new Promise<number>((resolve) => {
      child.on('error', () => resolve(-1));
      child.on('close', (c) => resolve(c ?? -1));
    });
    if (isPush && before) {
      const after = await readRefs(repoDir);
      for (const [ref, sha] of after) {
        const old = before.get(ref);
        if (old !== sha) pushes.push({ repo: repoRel, ref, before: old ?? null, after: sha, authorization });
      }
      for (const [ref, sha] of before) {
        if (!after.has(ref)) pushes.push({ repo: repoRel, ref, before: sha, after: null, authorization });
      }
    }
    if (!headersSent) {
      const msg = Buffer.concat(stderr).toString('utf8').trim();
      finish(500, `git http-backend failed (exit ${code}): ${msg}\n`);
      return;
    }
    res.end();
  }

  return {
    requests,
    pushes,
    handle(req, res, pathInfo) {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const p = serve(req, res, pathInfo ?? decodeURIComponent(url.pathname), url.search.replace(/^\?/, '')).catch(
        (err: unknown) => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`git bridge error: ${err instanceof Error ? err.message : String(err)}\n`);
        },
      );
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}

export interface GitHttpServer {
  /** Base URL, e.g. `http://127.0.0.1:PORT`; clone `${url}/hello.git`. */
  url: string;
  port: number;
  handler: GitHttpHandler;
  requests: GitHttpRequestRecord[];
  pushes: GitPushRecord[];
  close(): Promise<void>;
}

/** A standalone git smart-HTTP server on 127.0.0.1 (port 0 by default). */
export async function startGitHttpServer(opts: GitHttpHandlerOptions & { port?: number }): Promise<GitHttpServer> {
  const handler = createGitHttpHandler(opts);
  const server = http.createServer((req, res) => handler.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    handler,
    requests: handler.requests,
    pushes: handler.pushes,
    async close() {
      await handler.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
