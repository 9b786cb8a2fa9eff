// Synchronous last-resort cleanup when the process exits without closing its runtimes (folders we created,
// workspaces we moved). Servers and containers stop by themselves when our end of their stdin closes;
// this handles what only we can tidy up.
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Task = () => void;
const tasks = new Set<Task>();
let installed = false;

/** Registers a synchronous task to run at process exit; returns a function that unregisters it. */
export function onProcessExit(task: Task): () => void {
  if (!installed) {
    installed = true;
    process.once('exit', () => {
      for (const t of [...tasks].reverse()) {
        try {
          t();
        } catch {
          // best effort: the process is going away
        }
      }
    });
  }
  tasks.add(task);
  return () => tasks.delete(task);
}

/** A temp folder removed at close() or, failing that, at process exit. */
export interface OwnedDir {
  readonly path: string;
  remove(): void;
  /** Leaves the folder in place, also at process exit (it holds something that must not be lost). */
  keep(): void;
}

// A unix socket path must fit in sun_path (108 bytes on Linux, the terminating NUL included).
const MAX_SOCKET_PATH = 100;

/**
 * Creates a private folder (mode 0700) under `root` for one sandbox. When `socketName` would not fit in a unix
 * socket path below it, the folder goes to the system temp dir instead.
 */
export function createOwnedDir(root: string | undefined, prefix: string, socketName = 'run/action.sock'): OwnedDir {
  const base = root ?? os.tmpdir();
  let dir = mkdtempSync(path.join(base, prefix));
  if (path.join(dir, socketName).length > MAX_SOCKET_PATH && base !== os.tmpdir()) {
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  }
  let unregister: (() => void) | undefined = undefined;
  const remove = () => {
    unregister?.();
    rmSync(dir, { recursive: true, force: true });
  };
  unregister = onProcessExit(remove);
  writeFileSync(path.join(dir, OWNER_FILE), ownerToken(process.pid) ?? `${process.pid}`);
  return { path: dir, remove, keep: () => unregister?.() };
}

/** Names the per-sandbox folders start with (sweepStaleDirs only ever touches these). */
export const OWNED_DIR_PREFIXES = ['oh-local-', 'oh-docker-'] as const;

/** Who created a folder: pid and process start time, so a reused pid is not mistaken for the owner. */
const OWNER_FILE = '.oh-owner';
/** In a warm bwrap server's folder while it holds a session's workspace: the session's own path. */
export const MOVED_FROM_FILE = 'moved-from';

/** `pid starttime` of a process (undefined when it is gone): names an owner so a reused pid is not mistaken for it. */
export function ownerToken(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return startTime ? `${pid} ${startTime}` : undefined;
  } catch {
    return undefined;
  }
}

/** True while the process an owner token (ownerToken, or a bare pid of older folders) names is running. */
export function ownerAlive(owner: string): boolean {
  const pid = Number(owner.split(' ')[0]);
  // Not a token we wrote: treated as alive, so nothing of it is touched.
  if (!Number.isInteger(pid) || pid <= 0) return true;
  const current = ownerToken(pid);
  return current !== undefined && (current === owner || !owner.includes(' '));
}

/**
 * Kills (SIGKILL) every process whose command line names `dir`: the leftovers of a sandbox whose owner died, which
 * name their per-sandbox folder (bwrap's binds, the server's socket and working dir). Returns the pids killed.
 */
export function killProcessesNaming(dir: string): number[] {
  const killed: number[] = [];
  const needle = `${dir}/`;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.split('\0').some((arg) => arg === dir || arg.includes(needle))) continue;
    try {
      process.kill(Number(name), 'SIGKILL');
      killed.push(Number(name));
    } catch {
      // gone already, or not ours to kill
    }
  }
  return killed;
}

/** Puts a workspace that a dead owner had moved into its warm slot back where it came from. */
function restoreMovedWorkspace(dir: string): boolean {
  let origin: string;
  try {
    origin = readFileSync(path.join(dir, MOVED_FROM_FILE), 'utf8');
  } catch {
    return true;
  }
  const slot = path.join(dir, 'workspace');
  const st = lstatSync(origin, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) {
    if (readlinkSync(origin) !== slot) return false;
    unlinkSync(origin);
  } else if (st) {
    return false; // something else lives there now: keep the slot rather than guess
  }
  mkdirSync(origin, { recursive: true });
  for (const e of readdirSync(slot)) renameSync(path.join(slot, e), path.join(origin, e));
  return true;
}

/**
 * Removes per-sandbox folders left by processes that died without cleaning up (SIGKILL, OOM), after moving
 * any workspace they held back to its owner's path. Folders of live processes are left alone. Returns the
 * folders removed.
 */
export function sweepStaleDirs(roots: readonly (string | undefined)[]): string[] {
  const removed: string[] = [];
  const seen = new Set<string>();
  for (const root of roots.map((r) => r ?? os.tmpdir())) {
    if (seen.has(root)) continue;
    seen.add(root);
    let names: string[];
    try {
      names = readdirSync(root);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!OWNED_DIR_PREFIXES.some((p) => name.startsWith(p))) continue;
      const dir = path.join(root, name);
      let owner: string;
      try {
        owner = readFileSync(path.join(dir, OWNER_FILE), 'utf8');
      } catch {
        continue; // not ours, or still being created
      }
      if (ownerAlive(owner)) continue;
      try {
        // Anything still running out of the folder (a sandbox its dead owner started) goes first.
        killProcessesNaming(dir);
        if (!restoreMovedWorkspace(dir)) continue;
        rmSync(dir, { recursive: true, force: true });
        removed.push(dir);
      } catch {
        // best effort: a folder we cannot clean is left for the next sweep
      }
    }
  }
  return removed;
}
