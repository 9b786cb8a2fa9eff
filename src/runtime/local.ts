// LocalRuntime (runtime.md §2): the action-execution server as a child process of this one, under
// bubblewrap when it works (unix socket in a bound folder) or unisolated on loopback TCP, plus the
// warm-server pool (INITIAL_NUM_WARM_SERVERS / DESIRED_NUM_WARM_SERVERS).
import { bundledFile } from '../core/bundle-paths.js';
import { randomBytes } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmdirSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { ResolverError, errorMessage } from '../core/errors.js';
import type { ActionEvent, ObservationEvent } from '../core/events.js';
import type { Logger } from '../core/log.js';
import { shellQuote } from '../core/shell.js';
import {
  SANDBOX_BIN_DIR,
  SANDBOX_RUN_DIR,
  SANDBOX_SOCKET,
  SANDBOX_WORKSPACE,
  bwrapArgs,
  type BwrapMount,
} from './bwrap.js';
import { MOVED_FROM_FILE, onProcessExit, createOwnedDir, type OwnedDir } from './cleanup.js';
import { ActionClient, ActionServerError, type RetryPolicy } from './client.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import type { CommandResult, Runtime, RuntimeOptions, SandboxNetwork } from './types.js';

export type LocalIsolation = 'bwrap' | 'none';

export const NO_ISOLATION_WARNING =
  'runtime local without bubblewrap: NO SANDBOX. The agent runs as this user with no isolation and could read ' +
  "this process's environment through /proc/<pid>/environ (INPUT_* and any token it holds). Install bubblewrap " +
  'or use runtime docker for untrusted work.';

const FALLBACK_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** dist/server.js beside the running bundle (this module is bundled into dist/, so dirname is dist/). */
export function defaultServerScript(): string {
  return bundledFile(import.meta.url, 'server.js');
}

/** What has to match for a warm server to serve a request. */
export interface LocalServerSpec {
  isolation: LocalIsolation;
  network: SandboxNetwork;
  plugins: readonly string[];
  serverScript: string;
}

function sameSpec(a: LocalServerSpec, b: LocalServerSpec): boolean {
  return (
    a.isolation === b.isolation &&
    a.network === b.network &&
    a.serverScript === b.serverScript &&
    [...a.plugins].sort().join(',') === [...b.plugins].sort().join(',')
  );
}

export interface LocalLaunchConfig {
  logger: Logger;
  /** Parent folder for per-server folders (default: the system temp dir). */
  tempRoot?: string;
  /** Absolute path of bwrap (isolation bwrap only). */
  bwrapPath?: string;
  /** The node binary that runs the server (default: this process's). */
  nodePath?: string;
  readyTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  defaultActionTimeoutSec?: number;
  /** dist/server.js (default: defaultServerScript()). */
  serverScript?: string;
  /** Extra server flags, e.g. ['--no-change-timeout', '2']. */
  serverArgs?: readonly string[];
}

/** One started server and what belongs to it. */
interface LaunchedServer {
  spec: LocalServerSpec;
  proc: ServerProcess;
  client: ActionClient;
  /** The environment the server was started with (as the shell sees it). */
  env: Record<string, string>;
  dir: OwnedDir;
  /** Host folder the server works in: the caller's workspace, or a warm slot folder. */
  workspaceHostDir: string;
  /** Warm servers: started empty and waiting for POST /workspace. */
  awaiting: boolean;
}

/** The environment the server process gets: the sandbox env, fixed up for where it runs. */
function serverEnv(spec: LocalServerSpec, env: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...env };
  out['PATH'] ??= FALLBACK_PATH;
  out['LOCAL_RUNTIME_MODE'] = '1';
  if (spec.isolation === 'bwrap') {
    // The host's home and temp folders are not in the sandbox.
    out['HOME'] = '/tmp';
    out['TMPDIR'] = '/tmp';
  }
  return out;
}

async function launchServer(
  cfg: LocalLaunchConfig,
  spec: LocalServerSpec,
  env: Readonly<Record<string, string>>,
  workspace: { hostDir: string } | { slot: true },
  signal?: AbortSignal,
): Promise<LaunchedServer> {
  const dir = createOwnedDir(cfg.tempRoot, 'oh-local-');
  try {
    const awaiting = 'slot' in workspace;
    let workspaceHostDir: string;
    if ('slot' in workspace) {
      workspaceHostDir = path.join(dir.path, 'workspace');
      mkdirSync(workspaceHostDir);
    } else {
      workspaceHostDir = workspace.hostDir;
    }
    const shellEnv = serverEnv(spec, env);
    const apiKey = randomBytes(24).toString('base64url');
    const processEnv = { ...shellEnv, SESSION_API_KEY: apiKey };
    const nodePath = realpathSync(cfg.nodePath ?? process.execPath);
    const serverScript = realpathSync(spec.serverScript);
    const plugins = spec.plugins.length > 0 ? ['--plugins', spec.plugins.join(',')] : [];
    const extra = [...(cfg.serverArgs ?? []), ...(awaiting ? ['--await-workspace'] : []), ...plugins];
    let proc: ServerProcess;
    if (spec.isolation === 'bwrap') {
      const runDir = path.join(dir.path, 'run');
      mkdirSync(runDir);
      const pkg = path.join(dir.path, 'package.json');
      writeFileSync(pkg, '{"type":"module"}\n');
      const readOnly: BwrapMount[] = [
        { source: nodePath, dest: `${SANDBOX_BIN_DIR}/node` },
        { source: serverScript, dest: `${SANDBOX_BIN_DIR}/server.js` },
        { source: pkg, dest: `${SANDBOX_BIN_DIR}/package.json` },
      ];
      const args = [
        ...bwrapArgs({
          workspaceHostDir,
          runHostDir: runDir,
          readOnly,
          network: spec.network !== 'none',
        }),
        `${SANDBOX_BIN_DIR}/node`,
        `${SANDBOX_BIN_DIR}/server.js`,
        '--listen',
        `unix:${SANDBOX_SOCKET}`,
        '--working-dir',
        SANDBOX_WORKSPACE,
        ...extra,
      ];
      proc = await startServerProcess({
        command: cfg.bwrapPath ?? 'bwrap',
        args,
        env: processEnv,
        logger: cfg.logger,
        label: 'bwrap server',
        readyTimeoutMs: cfg.readyTimeoutMs,
        signal,
        mapAddress: (a) =>
          a.transport === 'unix' && a.path.startsWith(`${SANDBOX_RUN_DIR}/`)
            ? { transport: 'unix', path: path.join(runDir, a.path.slice(SANDBOX_RUN_DIR.length + 1)) }
            : a,
        failureHint: (out) =>
          /^bwrap:/m.test(out)
            ? 'bubblewrap could not set up the sandbox; use runtime docker, or fix user namespaces on this machine.'
            : undefined,
      });
    } else {
      proc = await startServerProcess({
        command: nodePath,
        args: [serverScript, '--listen', 'tcp:127.0.0.1:0', '--working-dir', workspaceHostDir, ...extra],
        env: processEnv,
        cwd: workspaceHostDir,
        logger: cfg.logger,
        label: 'local server',
        readyTimeoutMs: cfg.readyTimeoutMs,
        signal,
      });
    }
    const client = new ActionClient({
      address: proc.address,
      apiKey,
      logger: cfg.logger,
      retry: cfg.retry,
      defaultActionTimeoutSec: cfg.defaultActionTimeoutSec,
    });
    cfg.logger.debug(`${spec.isolation === 'bwrap' ? 'bwrap' : 'local'} server ${proc.pid} ready`);
    return { spec, proc, client, env: shellEnv, dir, workspaceHostDir, awaiting };
  } catch (err) {
    dir.remove();
    throw err;
  }
}

/**
 * Stops the server, then runs `beforeRemove` (moving a workspace out of a warm slot), then deletes the
 * server's folder. If `beforeRemove` fails the folder is kept, because it still holds the workspace.
 */
async function stopServer(server: LaunchedServer, beforeRemove?: () => void): Promise<void> {
  server.client.close();
  await server.proc.stop();
  try {
    beforeRemove?.();
  } catch (err) {
    server.dir.keep();
    throw new ResolverError(
      'runtime',
      `could not move the workspace back from ${server.workspaceHostDir}: ${errorMessage(err)}; the files are still there`,
      { cause: err },
    );
  }
  server.dir.remove();
}

/** `export`/`unset` lines that turn the shell environment `from` into `to`. */
export function envDiffCommand(from: Readonly<Record<string, string>>, to: Readonly<Record<string, string>>): string {
  const valid = (k: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k);
  const exports = Object.entries(to)
    .filter(([k, v]) => valid(k) && from[k] !== v)
    .map(([k, v]) => `${k}=${shellQuote(v)}`);
  const unsets = Object.keys(from).filter((k) => valid(k) && !(k in to));
  const parts: string[] = [];
  if (exports.length > 0) parts.push(`export ${exports.join(' ')}`);
  if (unsets.length > 0) parts.push(`unset ${unsets.join(' ')}`);
  return parts.join('; ');
}

/**
 * Moves the caller's workspace into a warm bwrap slot (the slot is what the sandbox has bound at /workspace)
 * and leaves a symlink at the caller's path, so host-side git and file reads keep working. close() moves
 * everything back. Renames only: the same filesystem is required, checked before anything moves.
 */
interface MovedWorkspace {
  restore(): void;
}

function sameFilesystem(a: string, b: string): boolean {
  return statSync(a).dev === statSync(b).dev;
}

function moveWorkspaceIntoSlot(hostDir: string, slotDir: string): MovedWorkspace {
  const entries = readdirSync(hostDir);
  const moved: string[] = [];
  // If this process dies without restoring, the next sweepStaleDirs() finds the way back.
  const marker = path.join(path.dirname(slotDir), MOVED_FROM_FILE);
  writeFileSync(marker, hostDir);
  try {
    for (const e of entries) {
      renameSync(path.join(hostDir, e), path.join(slotDir, e));
      moved.push(e);
    }
    rmdirSync(hostDir);
    symlinkSync(slotDir, hostDir);
  } catch (err) {
    for (const e of moved) renameSync(path.join(slotDir, e), path.join(hostDir, e));
    unlinkSync(marker);
    throw err;
  }
  let restored = false;
  const unregister = onProcessExit(() => restore());
  const restore = () => {
    if (restored) return;
    if (lstatSync(hostDir, { throwIfNoEntry: false })?.isSymbolicLink()) unlinkSync(hostDir);
    mkdirSync(hostDir, { recursive: true });
    for (const e of readdirSync(slotDir)) renameSync(path.join(slotDir, e), path.join(hostDir, e));
    unlinkSync(marker);
    restored = true;
    unregister();
  };
  return { restore };
}

export class LocalRuntime implements Runtime {
  readonly kind = 'local' as const;
  readonly isolation: LocalIsolation;
  /** /workspace under bwrap, the host path otherwise. */
  readonly workspacePath: string;
  /** The host folder the caller asked for (it holds the workspace before and after the runtime's life). */
  readonly workspaceHostDir: string;
  readonly sessionId: string;
  #server: LaunchedServer;
  #cfg: LocalLaunchConfig;
  #moved: MovedWorkspace | undefined;
  #closing: Promise<void> | undefined;
  #onClosed: (rt: LocalRuntime) => void;

  constructor(init: {
    server: LaunchedServer;
    cfg: LocalLaunchConfig;
    workspaceHostDir: string;
    sessionId: string;
    moved?: MovedWorkspace;
    onClosed: (rt: LocalRuntime) => void;
  }) {
    this.#server = init.server;
    this.#cfg = init.cfg;
    this.#moved = init.moved;
    this.#onClosed = init.onClosed;
    this.isolation = init.server.spec.isolation;
    this.workspaceHostDir = init.workspaceHostDir;
    this.workspacePath = this.isolation === 'bwrap' ? SANDBOX_WORKSPACE : init.workspaceHostDir;
    this.sessionId = init.sessionId;
  }

  /** The server's process id (the bwrap process under bwrap). */
  get serverPid(): number {
    return this.#server.proc.pid;
  }

  get client(): ActionClient {
    return this.#server.client;
  }

  execute(action: ActionEvent, opts?: { signal?: AbortSignal }): Promise<ObservationEvent> {
    this.#assertOpen();
    return this.#server.client.execute(action, opts).catch((err: unknown) => this.#explain(err));
  }

  run(command: string, opts?: { timeoutSec?: number; signal?: AbortSignal }): Promise<CommandResult> {
    this.#assertOpen();
    return this.#server.client.run(command, opts).catch((err: unknown) => this.#explain(err));
  }

  /** A server that is gone explains itself better than a refused connection does. */
  #explain(err: unknown): never {
    const exit = this.#server.proc.describeExit();
    if (err instanceof ActionServerError && err.disconnected && exit) {
      throw new ActionServerError(`the sandbox server of session ${this.sessionId} ${exit}`, {
        detail: err.detail,
        disconnected: true,
        cause: err,
      });
    }
    throw err;
  }

  /**
   * sandbox-network setup-only: under bwrap the server is restarted in its own network namespace (a
   * namespace cannot be entered after the fact); shell state from the setup phase (cwd, exports) is lost,
   * files stay. Unisolated, there is nothing to drop: a warning says so.
   */
  async dropNetwork(): Promise<void> {
    this.#assertOpen();
    const old = this.#server;
    if (old.spec.isolation !== 'bwrap') {
      this.#cfg.logger.warn('sandbox-network: the unisolated local runtime cannot drop network access');
      return;
    }
    if (old.spec.network === 'none') return;
    // A warm server's slot goes away with it, so the workspace moves back to the caller's folder first.
    const moved = this.#moved;
    this.#moved = undefined;
    await stopServer(old, moved ? () => moved.restore() : undefined);
    const spec: LocalServerSpec = { ...old.spec, network: 'none' };
    this.#server = await launchServer(this.#cfg, spec, old.env, { hostDir: this.workspaceHostDir });
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      const moved = this.#moved;
      try {
        await stopServer(this.#server, moved ? () => moved.restore() : undefined);
      } finally {
        this.#onClosed(this);
      }
    })();
    return this.#closing;
  }

  #assertOpen(): void {
    if (this.#closing) throw new ResolverError('runtime', `the local runtime for session ${this.sessionId} is closed`);
  }
}

export interface LocalRuntimeManagerOptions extends LocalLaunchConfig {
  /** Warm servers: how many setup() starts and how many are kept in the background. */
  warm?: { initial: number; desired: number };
  /** What warm servers are started as; requests that differ get a cold start. */
  warmSpec?: LocalServerSpec;
  /** Environment warm servers start with; a session's own env is applied when it takes one. */
  warmEnv?: Record<string, string>;
}

export interface LocalCreateOptions extends RuntimeOptions {
  isolation: LocalIsolation;
}

/**
 * Owns every local server of this process: the running ones and the warm pool. teardown() leaves none.
 */
export class LocalRuntimeManager {
  readonly #opts: LocalRuntimeManagerOptions;
  readonly #warm: LaunchedServer[] = [];
  readonly #starting = new Set<Promise<unknown>>();
  readonly #running = new Set<LocalRuntime>();
  #tornDown = false;

  constructor(opts: LocalRuntimeManagerOptions) {
    this.#opts = { ...opts };
  }

  /** What warm servers are started as (the factory sets it once it knows whether bwrap works). */
  setWarmSpec(spec: LocalServerSpec): void {
    this.#opts.warmSpec = spec;
  }

  get warmCount(): number {
    return this.#warm.length;
  }

  /** Pids of the warm servers (tests and diagnostics). */
  get warmPids(): number[] {
    return this.#warm.map((s) => s.proc.pid);
  }

  /** runtime.md §2.1: with INITIAL > 0 and an empty pool, start that many servers and wait for them. */
  async setup(): Promise<void> {
    const initial = this.#opts.warm?.initial ?? 0;
    if (initial <= 0 || this.#warm.length > 0 || !this.#opts.warmSpec) return;
    await Promise.all(Array.from({ length: initial }, () => this.#startWarm()));
  }

  async create(opts: LocalCreateOptions): Promise<LocalRuntime> {
    if (this.#tornDown) throw new ResolverError('runtime', 'the runtime factory was torn down');
    const spec: LocalServerSpec = {
      isolation: opts.isolation,
      network: opts.network ?? 'full',
      plugins: opts.plugins ?? [],
      serverScript: opts.serverScript ?? this.#opts.serverScript ?? defaultServerScript(),
    };
    const cfg = { ...this.#opts, logger: opts.logger };
    if (spec.isolation === 'none') opts.logger.warn(NO_ISOLATION_WARNING);
    else if (spec.network === 'full') {
      opts.logger.debug('bwrap sandbox shares the host network (sandbox-network: full)');
    }
    const requested = path.resolve(opts.workspaceHostDir);
    if (!statSync(requested, { throwIfNoEntry: false })?.isDirectory()) {
      throw new ResolverError('runtime', `workspace folder ${requested} does not exist; create it before the runtime`);
    }
    // The real path: a warm bwrap slot swaps the folder for a symlink, which needs the folder itself.
    const hostDir = realpathSync(requested);
    let runtime = await this.#tryWarm(spec, opts, hostDir);
    if (!runtime) {
      const server = await launchServer(cfg, spec, opts.env, { hostDir });
      runtime = this.#wrap(server, opts, hostDir);
    }
    this.#topUp();
    return runtime;
  }

  async teardown(): Promise<void> {
    this.#tornDown = true;
    await Promise.allSettled([...this.#starting]);
    const warm = this.#warm.splice(0);
    await Promise.allSettled([...warm.map((s) => stopServer(s)), ...[...this.#running].map((rt) => rt.close())]);
  }

  #wrap(server: LaunchedServer, opts: RuntimeOptions, hostDir: string, moved?: MovedWorkspace): LocalRuntime {
    const rt = new LocalRuntime({
      server,
      cfg: { ...this.#opts, logger: opts.logger },
      workspaceHostDir: hostDir,
      sessionId: opts.sessionId,
      moved,
      onClosed: (r) => this.#running.delete(r),
    });
    this.#running.add(rt);
    return rt;
  }

  async #tryWarm(spec: LocalServerSpec, opts: RuntimeOptions, hostDir: string): Promise<LocalRuntime | undefined> {
    const idx = this.#warm.findIndex((s) => sameSpec(s.spec, spec) && s.proc.isRunning());
    if (idx < 0) return undefined;
    const server = this.#warm.splice(idx, 1)[0]!;
    let moved: MovedWorkspace | undefined;
    try {
      if (spec.isolation === 'bwrap') {
        if (!sameFilesystem(hostDir, server.workspaceHostDir)) {
          // Moving would mean copying; a cold start is cheaper. The warm server stays in the pool.
          this.#warm.unshift(server);
          opts.logger.debug('warm bwrap server skipped: the workspace is on another filesystem than its slot');
          return undefined;
        }
        moved = moveWorkspaceIntoSlot(hostDir, server.workspaceHostDir);
        await server.client.setWorkspace(SANDBOX_WORKSPACE);
      } else {
        await server.client.setWorkspace(hostDir);
      }
      server.awaiting = false;
      const diff = envDiffCommand(server.env, serverEnv(spec, opts.env));
      if (diff !== '') {
        const r = await server.client.run(diff, { timeoutSec: 30 });
        if (r.exitCode !== 0) throw new ResolverError('runtime', `applying the session env failed: ${r.output}`);
        server.env = serverEnv(spec, opts.env);
      }
      opts.logger.debug(`took warm server ${server.proc.pid} for session ${opts.sessionId}`);
      return this.#wrap(server, opts, hostDir, moved);
    } catch (err) {
      opts.logger.warn(`warm server ${server.proc.pid} could not be used (${errorMessage(err)}); starting a new one`);
      const m = moved;
      await stopServer(server, m ? () => m.restore() : undefined);
      return undefined;
    }
  }

  #startWarm(): Promise<void> {
    const spec = this.#opts.warmSpec;
    if (!spec) return Promise.resolve();
    const p = launchServer(this.#opts, spec, this.#opts.warmEnv ?? {}, { slot: true }).then(
      async (server) => {
        if (this.#tornDown) await stopServer(server);
        else this.#warm.push(server);
      },
      (err: unknown) => {
        // runtime.md §2.4: a failed warm start is torn down and only logged.
        this.#opts.logger.warn(`warm server failed to start: ${errorMessage(err)}`);
      },
    );
    this.#starting.add(p);
    void p.finally(() => this.#starting.delete(p));
    return p;
  }

  /** runtime.md §2.6 step 5: top the pool up to DESIRED in the background. */
  #topUp(): void {
    const desired = this.#opts.warm?.desired ?? 0;
    const missing = desired - this.#warm.length - this.#starting.size;
    for (let i = 0; i < missing; i++) void this.#startWarm();
  }

  /** Waits for background warm starts (tests, benchmarks). */
  async settled(): Promise<void> {
    while (this.#starting.size > 0) await Promise.allSettled([...this.#starting]);
  }
}
