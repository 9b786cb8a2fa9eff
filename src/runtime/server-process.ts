// Starting and stopping one action-execution server process (plain, under bwrap, or any wrapper argv).
// Readiness is the server's one JSON line on stdout, never a polling sleep. The child gets its own process
// group so stop() can kill everything it started; it also exits by itself when its stdin closes, which is
// what happens when this process dies, however it dies.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ResolverError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { parseReadyLine as parseServerReadyLine } from '../server/protocol.js';

export type ServerAddress = { transport: 'tcp'; host: string; port: number } | { transport: 'unix'; path: string };

/** Parses the server's ready line (server/protocol.ts owns the format); undefined for any other line. */
export function parseReadyLine(line: string): ServerAddress | undefined {
  const ready = parseServerReadyLine(line);
  if (!ready) return undefined;
  const { ready: _ready, ...address } = ready;
  return address;
}

export interface ServerProcessOptions {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  logger: Logger;
  /** Short name used in log lines and errors, e.g. "local server" or "bwrap server". */
  label: string;
  /** Give up waiting for the ready line after this long (default 120 s, runtime.md §2.4). */
  readyTimeoutMs?: number;
  /** Maps the address the server reports (a path inside the sandbox) to one this process can reach. */
  mapAddress?: (address: ServerAddress) => ServerAddress;
  /** Appended to a start failure: what the user should change. */
  failureHint?: (output: string) => string | undefined;
  signal?: AbortSignal;
  /** Child fds 3, 4, ...: an fd of this process to hand over, or 'pipe' for a socket this process keeps. */
  extraStdio?: readonly (number | 'pipe')[];
  /** Credentials to start the command with (a root product starting the sandbox as an unprivileged uid). */
  uid?: number;
  gid?: number;
  /** Runs once the child is spawned, before its ready line is awaited; a rejection fails the start. */
  onSpawn?: (child: ChildProcess) => Promise<void>;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  readonly pid: number;
  readonly address: ServerAddress;
  readonly exited: Promise<ExitInfo>;
  isRunning(): boolean;
  /** How it ended (undefined while it runs) and its last output lines, for error messages. */
  describeExit(): string | undefined;
  /** Close stdin, wait, SIGTERM the process group, wait, SIGKILL it. Idempotent. */
  stop(opts?: { graceMs?: number; termMs?: number }): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

// A last resort for a parent that exits without close(): its children would exit on stdin EOF anyway, but
// an exiting parent can still kill the groups synchronously, which also catches the servers' own children.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
  });
}

const TAIL_LINES = 40;

export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  installExitHook();
  const child = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['pipe', 'pipe', 'pipe', ...(opts.extraStdio ?? [])],
    detached: true,
    ...(opts.uid !== undefined ? { uid: opts.uid } : {}),
    ...(opts.gid !== undefined ? { gid: opts.gid } : {}),
  });
  live.add(child);
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
  };
  let exitInfo: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('close', (code, signal) => {
      exitInfo = { code, signal };
      live.delete(child);
      resolve(exitInfo);
    });
  });
  // A server that dies later must not crash us through an EPIPE on its stdin.
  child.stdin?.on('error', () => {});

  const stderrLines = createInterface({ input: child.stderr! });
  stderrLines.on('line', (line) => {
    remember(line);
    opts.logger.debug(`server: ${line}`);
  });

  const address = await new Promise<ServerAddress>((resolve, reject) => {
    const stdoutLines = createInterface({ input: child.stdout! });
    let settled = false;
    const finish = (err: Error | undefined, addr?: ServerAddress) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(addr!);
    };
    const fail = (why: string, code: 'runtime' | 'cancelled' = 'runtime') => {
      if (settled) return;
      const output = tail.join('\n');
      const hint = opts.failureHint?.(output);
      const msg = `${opts.label} did not start: ${why}${output ? `\n--- server output ---\n${output}` : ''}${hint ? `\n${hint}` : ''}`;
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
      finish(new ResolverError(code, msg));
    };
    const timeoutMs = opts.readyTimeoutMs ?? 120_000;
    const timer = setTimeout(() => fail(`no ready line within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
    const onAbort = () => fail('cancelled', 'cancelled');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    stdoutLines.on('line', (line) => {
      if (!settled) {
        const addr = parseReadyLine(line);
        if (addr) {
          finish(undefined, opts.mapAddress ? opts.mapAddress(addr) : addr);
          return;
        }
      }
      remember(line);
      opts.logger.debug(`server: ${line}`);
    });
    child.once('error', (err: NodeJS.ErrnoException) => {
      fail(err.code === 'ENOENT' ? `${opts.command} not found` : err.message);
    });
    void exited.then((info) => fail(`exited with ${info.signal ?? `code ${info.code}`} before it was ready`));
    opts.onSpawn?.(child).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
  });

  const pid = child.pid!;
  let stopping: Promise<void> | undefined;
  const waitExit = (ms: number) =>
    exitInfo
      ? Promise.resolve(true)
      : new Promise<boolean>((resolve) => {
          const t = setTimeout(() => resolve(false), ms);
          void exited.then(() => {
            clearTimeout(t);
            resolve(true);
          });
        });

  return {
    pid,
    address,
    exited,
    isRunning: () => exitInfo === undefined,
    describeExit: () =>
      exitInfo &&
      `exited with ${exitInfo.signal ?? `code ${exitInfo.code}`}${tail.length > 0 ? `; last output:\n${tail.slice(-10).join('\n')}` : ''}`,
    stop(stopOpts = {}) {
      stopping ??= (async () => {
        child.stdin?.end();
        if (!(await waitExit(stopOpts.graceMs ?? 2_000))) {
          opts.logger.debug(`${opts.label} ${pid} ignored stdin EOF; sending SIGTERM`);
          killGroup(pid, 'SIGTERM');
          if (!(await waitExit(stopOpts.termMs ?? 5_000))) {
            opts.logger.warn(`${opts.label} ${pid} ignored SIGTERM; killing its process group`);
            killGroup(pid, 'SIGKILL');
            await waitExit(5_000);
          }
        }
        // Whatever the server left behind in its group goes too.
        killGroup(pid, 'SIGKILL');
      })();
      return stopping;
    },
  };
}
