// The single place a git process is spawned (security.md §3-4): argv arrays only, an allowlisted
// environment, hardened `-c` settings on every call, and the token only inside a temporary include file.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import type { Redactor } from '../core/redact.js';

/** Settings that neutralise repository-controlled behaviour on the host (hooks, fsmonitor, ext::, submodules). */
export const HARDENING_ARGS: readonly string[] = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'protocol.ext.allow=never',
  '-c',
  'submodule.recurse=false',
  '-c',
  'credential.helper=',
  '-c',
  'core.quotePath=false',
  // No attributes from the user's or the system's files; in-tree ones never matter either, because no host
  // command checks agent content out or runs a filter (DESIGN.md §8.20).
  '-c',
  'core.attributesFile=/dev/null',
  // Refuse names a Windows or macOS checkout would treat as `.git` (`.git `, `git~1`, ignorable characters).
  '-c',
  'core.protectNTFS=true',
  '-c',
  'core.protectHFS=true',
];

/** Environment variables a host git may inherit; everything else (tokens, LLM keys, INPUT_*) stays out. */
const ENV_ALLOWLIST = [
  'PATH',
  'HOME',
  'TMPDIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'GIT_SSL_CAINFO',
  'GIT_EXEC_PATH',
];

/** Picks the variables git may see from a full environment (the caller passes process.env). */
export function gitBaseEnv(source: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ENV_ALLOWLIST) {
    const v = source[name];
    if (v !== undefined && v !== '') env[name] = v;
  }
  return env;
}

export interface GitRunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface GitRunOptions {
  /** Adds the auth include file: only for commands that talk to the server. */
  network?: boolean;
  input?: string | Buffer;
  /** Extra argv placed before the subcommand (after the hardening settings), e.g. identity settings. */
  config?: string[];
  /** Keep stdout bytes exact (no trailing-newline strip). */
  raw?: boolean;
  timeoutMs?: number;
  /** Return stdout as a byte string (latin1: one char per byte), for blobs and NUL-separated listings. */
  bytes?: boolean;
  /**
   * The only per-command variables a caller may set: a private temporary index, and the repository to use
   * (commands on agent content run with an empty private directory as cwd, so no work tree exists).
   */
  env?: { GIT_INDEX_FILE?: string; GIT_DIR?: string };
}

export type GitRunner = (cwd: string | undefined, args: string[], opts?: GitRunOptions) => Promise<GitRunResult>;

export interface GitRunnerOptions {
  serverUrl: string;
  token?: string | null;
  username?: string;
  /** A private directory outside every sandbox mount, for the temporary auth file. */
  authDir: string;
  redactor: Redactor;
  /** Base environment (see gitBaseEnv); defaults to a PATH only. */
  env?: Record<string, string>;
  /** Observes every argv before it runs (tests assert the token is in none). */
  onCommand?: (argv: readonly string[]) => void;
  /** Upper bound for a network command (clone, fetch, push), so a stalled server cannot hang the job. */
  networkTimeoutMs?: number;
  /**
   * Stops network commands (clone, fetch, push): none starts once it aborted, and a running one is killed with
   * its helpers; the call then throws the signal's reason. Local commands are bounded and still run after a stop,
   * so the work done so far can be read and saved.
   */
  signal?: AbortSignal;
}

export const DEFAULT_NETWORK_TIMEOUT_MS = 15 * 60 * 1000;

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function quoteConfigValue(v: string): string {
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The include file body: an extraheader scoped to the server URL. */
export function authConfigText(serverUrl: string, username: string, token: string): string {
  const basic = Buffer.from(`${username}:${token}`).toString('base64');
  const scope = `${serverUrl.replace(/\/+$/, '')}/`;
  return `[http ${quoteConfigValue(scope)}]\n\textraheader = AUTHORIZATION: basic ${basic}\n`;
}

export function createGitRunner(opts: GitRunnerOptions): GitRunner {
  const username = opts.username || 'x-access-token';
  const baseEnv: Record<string, string> = {
    ...(opts.env ?? { PATH: '/usr/local/bin:/usr/bin:/bin' }),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    // Leave LFS pointers alone: no smudge on the host (security.md §4).
    GIT_LFS_SKIP_SMUDGE: '1',
    LANG: 'C',
    LC_ALL: 'C',
    // No system-wide gitattributes (filters, diff drivers) either.
    GIT_ATTR_NOSYSTEM: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
  };
  if (opts.token) {
    opts.redactor.add(opts.token);
    opts.redactor.add(Buffer.from(`${username}:${opts.token}`).toString('base64'));
  }

  return async (cwd, args, runOpts = {}) => {
    const signal = runOpts.network ? opts.signal : undefined;
    signal?.throwIfAborted();
    let authFile: string | null = null;
    try {
      const argv: string[] = [...HARDENING_ARGS];
      if (runOpts.network && opts.token) {
        await mkdir(opts.authDir, { recursive: true, mode: 0o700 });
        authFile = path.join(opts.authDir, `git-auth-${randomBytes(8).toString('hex')}.cfg`);
        await writeFile(authFile, authConfigText(opts.serverUrl, username, opts.token), { mode: 0o600, flag: 'wx' });
        argv.push('-c', `include.path=${authFile}`);
      }
      if (runOpts.config) argv.push(...runOpts.config);
      argv.push(...args);
      opts.onCommand?.(argv);
      const limitMs =
        runOpts.timeoutMs ?? (runOpts.network ? (opts.networkTimeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS) : undefined);
      // Own process group, so a timeout also stops git's helpers (git-remote-http holds our pipes open).
      const env: Record<string, string> = { ...baseEnv };
      // Only commands that talk to the server read the user's global config (proxies, CA settings); every other
      // command sees no config but the repository's own, which we created: no filter, diff driver or hook that
      // anyone else defined can run on the content it touches.
      if (!runOpts.network) env.GIT_CONFIG_GLOBAL = '/dev/null';
      if (runOpts.env?.GIT_INDEX_FILE) env.GIT_INDEX_FILE = runOpts.env.GIT_INDEX_FILE;
      if (runOpts.env?.GIT_DIR) env.GIT_DIR = runOpts.env.GIT_DIR;
      const child = execa('git', argv, {
        cwd,
        env,
        extendEnv: false,
        reject: false,
        input: runOpts.input ?? '',
        stripFinalNewline: !runOpts.raw,
        encoding: runOpts.bytes ? 'latin1' : 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        detached: limitMs !== undefined || signal !== undefined,
      });
      let timedOut = false;
      const stopGroup = () => {
        killGroup(child.pid, 'SIGTERM');
        setTimeout(() => killGroup(child.pid, 'SIGKILL'), 2_000).unref();
      };
      const timer =
        limitMs === undefined
          ? null
          : setTimeout(() => {
              timedOut = true;
              stopGroup();
            }, limitMs);
      signal?.addEventListener('abort', stopGroup, { once: true });
      const r = await child.finally(() => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', stopGroup);
      });
      // Killed by the stop (a command that finished first keeps its result: a push that landed did land).
      if (signal?.aborted && r.exitCode !== 0) signal.throwIfAborted();
      const exitCode = typeof r.exitCode === 'number' && !timedOut ? r.exitCode : -1;
      if (timedOut) {
        const secs = Math.round((limitMs ?? 0) / 100) / 10;
        return {
          stdout: r.stdout,
          stderr: `${r.stderr}\ngit timed out after ${secs} s and was stopped`.trim(),
          exitCode,
        };
      }
      // A spawn failure has no git stderr; execa's short message says what happened.
      const stderr = r.stderr || (exitCode !== 0 ? (r.shortMessage ?? '') : '');
      return { stdout: r.stdout, stderr, exitCode };
    } finally {
      if (authFile) await rm(authFile, { force: true });
    }
  };
}
