// Synchronous last-resort cleanup when the process exits without closing its runtimes (folders we created,
// workspaces we moved). Servers and containers stop by themselves when our end of their stdin closes;
// this handles what only we can tidy up.
import { mkdtempSync, rmSync } from 'node:fs';
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
  return { path: dir, remove, keep: () => unregister?.() };
}
