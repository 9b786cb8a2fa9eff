// Starts the real built server (dist/server.js) as a child and talks to it over real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { ObservationEvent } from '../../src/core/events.js';
import { parseReadyLine, type ReadyLine } from '../../src/server/protocol.js';
import { distFile, NODE } from '../helpers/dist.js';
import { occurrences, waitUntil } from '../helpers/wait.js';

export interface HttpReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json<T = unknown>(): T;
}

export interface RequestOptions {
  json?: unknown;
  body?: Buffer | string;
  headers?: Record<string, string>;
}

export interface RunningServer {
  proc: ChildProcess;
  ready: ReadyLine;
  /** Everything the server printed on stdout (must be just the ready line). */
  stdout(): string;
  stderr(): string;
  workspace: string;
  request(method: string, urlPath: string, opts?: RequestOptions): Promise<HttpReply>;
  /** POST /execute_action; fails the test on a non-200 answer. */
  act(
    action: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<ObservationEvent & Record<string, unknown>>;
  /** A `run` action with the given args (and optional hard timeout). */
  run(command: string, args?: Record<string, unknown>, timeout?: number): Promise<RunObs>;
  /** Closes stdin and waits for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface RunObs {
  observation: string;
  content: string;
  message?: string;
  success?: boolean;
  extras: {
    command: string;
    hidden?: boolean;
    metadata: {
      exit_code: number;
      working_dir: string | null;
      prefix: string;
      suffix: string;
      pid: number;
      username: string | null;
      hostname: string | null;
      py_interpreter_path: string | null;
    };
  };
}

export interface StartOptions {
  args?: string[];
  env?: Record<string, string>;
  transport?: 'tcp' | 'unix';
  /** Omit --working-dir (for --await-workspace). */
  noWorkingDir?: boolean;
  workspace?: string;
}

const cleanups: (() => void)[] = [];

export function tempDir(prefix = 'oh-server-test-'): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function removeTempDirs(): void {
  for (const c of cleanups.splice(0)) c();
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const workspace = opts.workspace ?? tempDir('oh-ws-');
  const socketDir = tempDir('oh-sock-');
  const listen = opts.transport === 'unix' ? `unix:${path.join(socketDir, 'action.sock')}` : 'tcp:127.0.0.1:0';
  const args = [distFile('server.js'), '--listen', listen];
  if (!opts.noWorkingDir) args.push('--working-dir', workspace);
  args.push(...(opts.args ?? []));
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...opts.env };
  const proc = spawn(NODE, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
  let out = '';
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const rl = readline.createInterface({ input: proc.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    rl.once('line', resolve);
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before ready: ${err}`)));
  });
  out += first + '\n';
  rl.on('line', (l) => (out += l + '\n'));
  const ready = parseReadyLine(first);
  if (!ready) throw new Error(`not a ready line: ${first}`);

  const request = (method: string, urlPath: string, ropts: RequestOptions = {}): Promise<HttpReply> =>
    new Promise((resolve, reject) => {
      const body =
        ropts.json !== undefined
          ? Buffer.from(JSON.stringify(ropts.json))
          : ropts.body !== undefined
            ? Buffer.from(ropts.body)
            : undefined;
      const headers: Record<string, string> = { ...ropts.headers };
      if (ropts.json !== undefined) headers['content-type'] = 'application/json';
      if (body) headers['content-length'] = String(body.length);
      const target = ready.transport === 'unix' ? { socketPath: ready.path } : { host: ready.host, port: ready.port };
      const req = http.request({ ...target, method, path: urlPath, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: buf,
            json: <T>() => JSON.parse(buf.toString('utf8')) as T,
          });
        });
      });
      req.on('error', reject);
      req.end(body);
    });

  const server: RunningServer = {
    proc,
    ready,
    workspace,
    stdout: () => out,
    stderr: () => err,
    request,
    async act(action, headers) {
      const reply = await request('POST', '/execute_action', { json: { action }, headers });
      if (reply.status !== 200) throw new Error(`execute_action ${reply.status}: ${reply.body.toString()}`);
      return reply.json();
    },
    async run(command, args = {}, timeout) {
      const action: Record<string, unknown> = { action: 'run', args: { command, ...args } };
      if (timeout !== undefined) action.timeout = timeout;
      return (await server.act(action)) as unknown as RunObs;
    },
    async stop() {
      proc.stdin?.end();
      return exited;
    },
    exited,
  };
  return server;
}

/** Processes whose command line contains `needle` (read from /proc, so zombies are excluded). */
export function processesMatching(needle: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (cmd.includes(needle) && state !== 'Z') found.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/** Live processes of a session (by session id). */
export function sessionProcesses(sid: number): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[3]) === sid && fields[0] !== 'Z') found.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/** Children of a process (by parent pid). */
export function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid) found.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/** Polls `check` until it is true or `ms` pass (a cap for failures only); returns whether it became true. */
export async function eventually(check: () => boolean, ms = 20_000): Promise<boolean> {
  return waitUntil(check, { timeoutMs: ms }).then(
    () => true,
    () => false,
  );
}

/**
 * Waits until the server's stderr (LOG_LEVEL=debug) holds `line` more than `before` times: the way a test
 * learns that the server itself saw an event (a client leaving, an action queued or started).
 */
export async function serverLogged(server: RunningServer, line: string, before = 0): Promise<void> {
  await waitUntil(() => occurrences(server.stderr(), line) > before, { what: `the server to log "${line}"` });
}
