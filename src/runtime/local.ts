// LocalRuntime (runtime.md §2): the action-execution server as a child process of this one, under
// bubblewrap when it works (unix socket in a bound folder) or unisolated on loopback TCP, plus the
// warm-server pool (INITIAL_NUM_WARM_SERVERS / DESIRED_NUM_WARM_SERVERS).
import { bundledFile } from '../core/bundle-paths.js';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  lchownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmdirSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ResolverError, errorMessage } from '../core/errors.js';
import type { ActionEvent, ObservationEvent } from '../core/events.js';
import type { Logger } from '../core/log.js';
import { shellQuote } from '../core/shell.js';
import {
  SANDBOX_BIN_DIR,
  SANDBOX_RUN_DIR,
  SANDBOX_SOCKET,
  SANDBOX_USER_NAME,
  SANDBOX_WORKSPACE,
  bwrapArgs,
  bwrapSupportsDisableUserns,
  limitedCommand,
  sandboxCredentials,
  type BwrapMount,
  type SandboxResourceLimits,
} from './bwrap.js';
import { MOVED_FROM_FILE, onProcessExit, createOwnedDir, type OwnedDir } from './cleanup.js';
import { ActionClient, ActionServerError, type RetryPolicy } from './client.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import type { CommandResult, Runtime, RuntimeOptions, SandboxLimits, SandboxNetwork } from './types.js';
import { MISSING_USERNET_MESSAGE, USERNET_DNS, attachUserNet, sandboxInfo, readJson, type UserNet } from './usernet.js';
import type { Readable } from 'node:stream';

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

/**
 * Limits of a bubblewrap sandbox when neither the caller nor the configuration sets them: the Docker runtime's
 * defaults (4 GiB, 1024 pids), read from the same RuntimeOptions.limits.
 */
export const DEFAULT_LOCAL_LIMITS: SandboxResourceLimits = { memoryBytes: 4 * 1024 ** 3, pidsLimit: 1024 };

export function resolveLimits(...layers: (SandboxLimits | undefined)[]): SandboxResourceLimits {
  const out = { ...DEFAULT_LOCAL_LIMITS };
  for (const l of layers) {
    if (l?.memoryBytes !== undefined) out.memoryBytes = l.memoryBytes;
    if (l?.pidsLimit !== undefined) out.pidsLimit = l.pidsLimit;
  }
  return out;
}

/** What has to match for a warm server to serve a request. */
export interface LocalServerSpec {
  isolation: LocalIsolation;
  network: SandboxNetwork;
  plugins: readonly string[];
  serverScript: string;
  /** bwrap only; default DEFAULT_LOCAL_LIMITS. */
  limits?: SandboxResourceLimits;
}

function sameSpec(a: LocalServerSpec, b: LocalServerSpec): boolean {
  const la = a.limits ?? DEFAULT_LOCAL_LIMITS;
  const lb = b.limits ?? DEFAULT_LOCAL_LIMITS;
  return (
    a.isolation === b.isolation &&
    a.network === b.network &&
    la.memoryBytes === lb.memoryBytes &&
    la.pidsLimit === lb.pidsLimit &&
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
  /** Absolute path of slirp4netns (bwrap with sandbox-network full / setup-only); undefined: not installed. */
  slirpPath?: string;
  /** Defaults for the sandbox limits (RuntimeOptions.limits wins). */
  limits?: SandboxLimits;
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
  /** bwrap: the sandbox's first process (host pid); the whole sandbox is gone once it is. */
  sandboxPid?: number;
  /** bwrap with network: the user-mode network helper. */
  userNet?: UserNet;
  /** A root product's workspace below an unreachable folder: moved into this server's folder for its life. */
  moved?: MovedWorkspace;
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
    if (sandboxCredentials()) {
      out['USER'] = SANDBOX_USER_NAME;
      out['LOGNAME'] = SANDBOX_USER_NAME;
    }
  }
  return out;
}

/**
 * Gives a tree to `uid:gid` without ever following a symlink. Only called while no sandbox process can see
 * the tree (before it is bound or moved into a slot, after the sandbox is gone), so nothing can swap a
 * folder for a symlink halfway.
 */
export function chownTree(root: string, uid: number, gid: number): void {
  lchownSync(root, uid, gid);
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      lchownSync(p, uid, gid);
      if (e.isDirectory()) stack.push(p);
    }
  }
}

/** /etc/passwd and /etc/group of a rootless sandbox: the host's entries plus the sandbox user. */
function withSandboxUser(file: '/etc/passwd' | '/etc/group', id: number): string {
  let host = '';
  try {
    host = readFileSync(file, 'utf8');
  } catch {
    // no such file: only our entry
  }
  if (host !== '' && !host.endsWith('\n')) host += '\n';
  const entry =
    file === '/etc/passwd'
      ? `${SANDBOX_USER_NAME}:x:${id}:${id}:OpenHands sandbox:/tmp:/bin/bash\n`
      : `${SANDBOX_USER_NAME}:x:${id}:\n`;
  return host + entry;
}

/** Whether `uid:gid` (no supplementary groups) can walk to `p` and read or execute it. */
function reachableBy(p: string, id: { uid: number; gid: number }, need: 'r' | 'x'): boolean {
  const allowed = (st: { uid: number; gid: number; mode: number }, bit: number) => {
    const shift = st.uid === id.uid ? 6 : st.gid === id.gid ? 3 : 0;
    return ((st.mode >> shift) & bit) !== 0;
  };
  const full = path.resolve(p);
  let dir = path.dirname(full);
  for (;;) {
    if (!allowed(statSync(dir), 1)) return false;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const st = statSync(full);
  if (st.isDirectory()) return allowed(st, 1);
  return allowed(st, need === 'r' ? 4 : 5);
}

/** A private hard link (same filesystem) or copy of a file, readable and executable by everyone. */
function linkOrCopy(source: string, dest: string): string {
  try {
    linkSync(source, dest);
  } catch {
    copyFileSync(source, dest);
    chmodSync(dest, 0o755);
  }
  return dest;
}

/** Waits until a process is gone (or a zombie), for at most `ms`. */
async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    let state: string | undefined;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    } catch {
      return true;
    }
    if (state === 'Z' || state === 'X') return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function launchServer(
  cfg: LocalLaunchConfig,
  spec: LocalServerSpec,
  env: Readonly<Record<string, string>>,
  workspace: { hostDir: string } | { slot: true },
  signal?: AbortSignal,
): Promise<LaunchedServer> {
  const creds = spec.isolation === 'bwrap' ? sandboxCredentials() : undefined;
  // bwrap runs as the sandbox uid: our folder must be reachable by it (a temp root below /root is not); the
  // system temp dir is the fallback (both are swept for stale folders).
  // TMPDIR itself may sit below a private folder (a job's own temp dir): then /tmp, then a clear stop.
  let root = cfg.tempRoot;
  if (creds) {
    root = [cfg.tempRoot, os.tmpdir(), '/tmp'].find((r) => r !== undefined && reachableBy(r, creds, 'x'));
    if (root === undefined) {
      throw new Error(
        `No temporary folder is reachable by the sandbox user (uid ${creds.uid}): ${os.tmpdir()} and /tmp sit ` +
          'below folders it cannot enter. Set TMPDIR (or RUNNER_TEMP) to a folder whose parents are world-executable.',
      );
    }
  }
  const dir = createOwnedDir(root, 'oh-local-');
  try {
    const awaiting = 'slot' in workspace;
    let workspaceHostDir: string;
    if ('slot' in workspace) {
      workspaceHostDir = path.join(dir.path, 'workspace');
      mkdirSync(workspaceHostDir);
      // A session's files come in owned by the sandbox uid already (see #tryWarm).
      if (creds) lchownSync(workspaceHostDir, creds.uid, creds.gid);
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
    let sandboxPid: number | undefined;
    let userNet: UserNet | undefined;
    let moved: MovedWorkspace | undefined;
    if (spec.isolation === 'bwrap') {
      const withNetwork = spec.network !== 'none';
      if (withNetwork && !cfg.slirpPath) throw new ResolverError('runtime', MISSING_USERNET_MESSAGE);
      const runDir = path.join(dir.path, 'run');
      mkdirSync(runDir);
      const pkg = path.join(dir.path, 'package.json');
      writeFileSync(pkg, '{"type":"module"}\n');
      // A root product runs the sandbox as an unprivileged uid, and bwrap itself runs as that uid: everything it
      // binds must be reachable by it. Our folder is made traversable (not listable); what is not reachable
      // (a node or bundle under /root, a workspace below a 0700 folder) is linked or moved into it.
      let boundWorkspace = workspaceHostDir;
      let bundledNode = nodePath;
      let bundledServer = serverScript;
      if (creds) {
        chmodSync(dir.path, 0o711);
        lchownSync(runDir, creds.uid, creds.gid);
        chownTree(workspaceHostDir, creds.uid, creds.gid);
        if (!reachableBy(nodePath, creds, 'x')) bundledNode = linkOrCopy(nodePath, path.join(dir.path, 'node'));
        if (!reachableBy(serverScript, creds, 'r')) {
          bundledServer = path.join(dir.path, 'server.js');
          copyFileSync(serverScript, bundledServer);
          chmodSync(bundledServer, 0o644);
        }
        if (!('slot' in workspace) && !reachableBy(workspaceHostDir, creds, 'x')) {
          const slot = path.join(dir.path, 'workspace');
          mkdirSync(slot);
          lchownSync(slot, creds.uid, creds.gid);
          if (!sameFilesystem(workspaceHostDir, slot)) {
            throw new ResolverError(
              'runtime',
              `the workspace ${workspaceHostDir} is not reachable by the sandbox uid ${creds.uid} (a parent folder ` +
                `is not world-traversable) and lies on another filesystem than ${dir.path}; put the output folder ` +
                'under a world-traversable folder, or the runtime temp root on the same filesystem',
            );
          }
          moved = moveWorkspaceIntoSlot(workspaceHostDir, slot);
          boundWorkspace = slot;
        }
      }
      const extraStdio: 'pipe'[] = [];
      const pipe = (): number => {
        extraStdio.push('pipe');
        return 2 + extraStdio.length;
      };
      try {
        const readOnly: BwrapMount[] = [
          { source: bundledNode, dest: `${SANDBOX_BIN_DIR}/node` },
          { source: bundledServer, dest: `${SANDBOX_BIN_DIR}/server.js` },
          { source: pkg, dest: `${SANDBOX_BIN_DIR}/package.json` },
        ];
        const etcFile = (name: string, content: string) => {
          const p = path.join(dir.path, `etc-${name}`);
          writeFileSync(p, content, { mode: 0o644 });
          readOnly.push({ source: p, dest: `/etc/${name}` });
        };
        if (creds) {
          etcFile('passwd', withSandboxUser('/etc/passwd', creds.uid));
          etcFile('group', withSandboxUser('/etc/group', creds.gid));
        }
        // Inside its own network namespace the host's resolver address (often 127.0.0.53) means nothing.
        if (withNetwork) etcFile('resolv.conf', `nameserver ${USERNET_DNS}\n`);
        const workspaceSrc = boundWorkspace;
        const runSrc = runDir;
        const infoFd = pipe();
        let infoP: Promise<{ pid: number; netnsInode: number }> | undefined;
        const args = [
          ...bwrapArgs({
            workspace: workspaceSrc,
            runDir: runSrc,
            readOnly,
            infoFd,
            // A non-root product's slirp4netns must join the sandbox's user namespace, which --disable-userns
            // would hide behind a nested one; there the sandbox uid is the product's own anyway.
            disableUserns:
              (creds !== undefined || !withNetwork) && (await bwrapSupportsDisableUserns(cfg.bwrapPath ?? 'bwrap')),
            plainDev: creds === undefined && withNetwork,
          }),
          ...limitedCommand(spec.limits ?? DEFAULT_LOCAL_LIMITS, [
            `${SANDBOX_BIN_DIR}/node`,
            `${SANDBOX_BIN_DIR}/server.js`,
            '--listen',
            `unix:${SANDBOX_SOCKET}`,
            '--working-dir',
            SANDBOX_WORKSPACE,
            ...extra,
          ]),
        ];
        proc = await startServerProcess({
          command: cfg.bwrapPath ?? 'bwrap',
          args,
          env: processEnv,
          cwd: '/',
          ...creds,
          extraStdio,
          logger: cfg.logger,
          label: 'bwrap server',
          readyTimeoutMs: cfg.readyTimeoutMs,
          signal,
          onSpawn: (child) => {
            infoP = readJson(child.stdio[infoFd] as Readable, 60_000, 'bwrap info').then(sandboxInfo);
            return infoP.then((i) => {
              sandboxPid = i.pid;
            });
          },
          mapAddress: (a) =>
            a.transport === 'unix' && a.path.startsWith(`${SANDBOX_RUN_DIR}/`)
              ? { transport: 'unix', path: path.join(runDir, a.path.slice(SANDBOX_RUN_DIR.length + 1)) }
              : a,
          failureHint: (out) =>
            /^bwrap:/m.test(out)
              ? 'bubblewrap could not set up the sandbox; use runtime docker, or fix user namespaces on this machine.'
              : undefined,
        });
        // Attached once bwrap has set everything up and the server listens (attaching while bwrap still
        // configures the namespace races with it); no command has run yet, the resolver's first one sees the
        // network configured.
        if (withNetwork) {
          const info = await infoP!;
          try {
            userNet = await attachUserNet({
              slirpPath: cfg.slirpPath!,
              childPid: info.pid,
              netnsInode: info.netnsInode,
              logger: cfg.logger,
              joinUserns: creds === undefined,
            });
          } catch (err) {
            await proc.stop();
            throw new ResolverError('runtime', `the sandbox network could not be set up: ${errorMessage(err)}`, {
              cause: err,
            });
          }
        }
      } catch (err) {
        await userNet?.stop();
        moved?.restore();
        throw err;
      }
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
    return { spec, proc, client, env: shellEnv, dir, workspaceHostDir, awaiting, sandboxPid, userNet, moved };
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
  // bwrap gone does not mean its namespace is (a SIGKILLed bwrap leaves the kernel to kill the rest).
  if (server.sandboxPid !== undefined && !(await waitGone(server.sandboxPid, 10_000))) {
    server.dir.keep();
    throw new ResolverError('runtime', `sandbox process ${server.sandboxPid} did not exit; its folder is kept`);
  }
  await server.userNet?.stop();
  try {
    beforeRemove?.();
    server.moved?.restore();
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
  #owner: { uid: number; gid: number } | undefined;

  constructor(init: {
    server: LaunchedServer;
    cfg: LocalLaunchConfig;
    workspaceHostDir: string;
    sessionId: string;
    moved?: MovedWorkspace;
    onClosed: (rt: LocalRuntime) => void;
    /** Who owned the workspace before the runtime took it. */
    owner?: { uid: number; gid: number };
  }) {
    this.#owner = init.owner;
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
        // The sandbox is gone: the workspace goes back to its owner, so host-side git sees its own files.
        if (this.#server.spec.isolation === 'bwrap' && this.#owner && sandboxCredentials()) {
          chownTree(this.workspaceHostDir, this.#owner.uid, this.#owner.gid);
        }
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
  /** Owners of workspaces as they were before a sandbox took them. */
  readonly #owners = new Map<string, { uid: number; gid: number }>();
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
      ...(opts.isolation === 'bwrap' ? { limits: resolveLimits(this.#opts.limits, opts.limits) } : {}),
    };
    const cfg = { ...this.#opts, logger: opts.logger };
    if (spec.isolation === 'none') opts.logger.warn(NO_ISOLATION_WARNING);
    else if (spec.network !== 'none') {
      opts.logger.debug('bwrap sandbox: own network namespace with user-mode networking (no host loopback)');
    }
    const requested = path.resolve(opts.workspaceHostDir);
    if (!statSync(requested, { throwIfNoEntry: false })?.isDirectory()) {
      throw new ResolverError('runtime', `workspace folder ${requested} does not exist; create it before the runtime`);
    }
    // The real path: a warm bwrap slot swaps the folder for a symlink, which needs the folder itself.
    const hostDir = realpathSync(requested);
    const st = statSync(hostDir);
    this.#owners.set(hostDir, { uid: st.uid, gid: st.gid });
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
    const owner = this.#owners.get(hostDir);
    const rt = new LocalRuntime({
      server,
      cfg: { ...this.#opts, logger: opts.logger },
      workspaceHostDir: hostDir,
      sessionId: opts.sessionId,
      moved,
      owner,
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
        // Given to the sandbox uid while the sandbox cannot see it yet, then moved in.
        const creds = sandboxCredentials();
        if (creds) chownTree(hostDir, creds.uid, creds.gid);
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
