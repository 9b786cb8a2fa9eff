// Who the sandbox runs as, and handing the workspace to that uid and back (DESIGN §8.21). The sandbox never runs
// as root: when this process is root it runs as SANDBOX_UID:SANDBOX_GID (a uid no image needs in /etc/passwd),
// and the workspace tree is given to that uid for the run and returned afterwards; otherwise it runs as this
// process's own uid:gid and nothing changes owner. The tree walks never follow a symbolic link (lchown, and
// directories are recognised from the directory entry itself), so a link planted in the workspace cannot make
// them touch anything outside it.
import { chmodSync, lchownSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ResolverError, errorMessage } from '../core/errors.js';

/** The unprivileged uid and gid the sandbox runs as when this process is root. */
export const SANDBOX_UID = 10001;
export const SANDBOX_GID = 10001;

export interface SandboxUser {
  uid: number;
  gid: number;
}

export interface HostIds {
  uid: number;
  gid: number;
}

export function hostIds(): HostIds {
  return { uid: process.geteuid?.() ?? 0, gid: process.getegid?.() ?? 0 };
}

/**
 * The uid:gid the sandbox runs as: `configured` (numeric `uid:gid`, never uid 0 or gid 0), else SANDBOX_UID:GID
 * when this process is root, else this process's own ids.
 */
export function sandboxUser(configured: string | undefined, host: HostIds = hostIds()): SandboxUser {
  if (configured === undefined) {
    return host.uid === 0 ? { uid: SANDBOX_UID, gid: SANDBOX_GID } : { uid: host.uid, gid: host.gid };
  }
  const m = /^(\d{1,9}):(\d{1,9})$/.exec(configured);
  if (!m) {
    throw new ResolverError(
      'config',
      `the sandbox user must be a numeric uid:gid (e.g. 1000:1000), got "${configured}"`,
    );
  }
  const user = { uid: Number(m[1]), gid: Number(m[2]) };
  if (user.uid === 0 || user.gid === 0) {
    throw new ResolverError(
      'config',
      `the sandbox never runs as root: choose a uid:gid other than 0, got "${configured}"`,
    );
  }
  return user;
}

/**
 * Calls `visit` on `root` and everything below it, each directory before its entries (so `visit` may make it
 * readable first); symbolic links are not followed. A directory that cannot be read goes to `onError`, or
 * throws without it.
 */
function walk(root: string, visit: (p: string, isDir: boolean) => void, onError?: (p: string, err: unknown) => void) {
  visit(root, true);
  const dirs = [root];
  for (let dir = dirs.pop(); dir !== undefined; dir = dirs.pop()) {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      if (!onError) throw err;
      onError(dir, err);
      continue;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      const isDir = e.isDirectory();
      visit(p, isDir);
      if (isDir) dirs.push(p);
    }
  }
}

/** A workspace handed to the sandbox uid; `release()` gives it back (call it once the sandbox is gone). */
export interface WorkspaceLease {
  /** Who owned the workspace before, when it changed owner for the run. */
  readonly previousOwner: HostIds | null;
  /** Returns the entries it could not fix (none normally). */
  release(): string[];
}

/**
 * Gives `root` and everything in it to `user` when this process is root and the ids differ (chown also clears
 * setuid and setgid bits on the files). As another user nothing changes owner: the sandbox then runs with our
 * own ids, or with ids the caller prepared the folder for.
 */
export function leaseWorkspace(root: string, user: SandboxUser, host: HostIds = hostIds()): WorkspaceLease {
  let previousOwner: HostIds | null = null;
  if (host.uid === 0) {
    const st = lstatSync(root);
    previousOwner = { uid: st.uid, gid: st.gid };
    try {
      walk(root, (p) => lchownSync(p, user.uid, user.gid));
    } catch (err) {
      reclaimTree(root, previousOwner);
      throw new ResolverError(
        'runtime',
        `cannot give the workspace ${root} to the sandbox user ${user.uid}:${user.gid}: ${errorMessage(err)}`,
      );
    }
  }
  let released = false;
  return {
    previousOwner,
    release() {
      if (released) return [];
      released = true;
      return reclaimTree(root, previousOwner);
    },
  };
}

/**
 * After the sandbox is gone: everything back to `owner` (when given), and every directory made u+rwx and every
 * file u+rw, so host-side code (as root or not) can read and delete what the sandbox left, whatever modes it set.
 * Best effort per entry: one that cannot be fixed does not stop the rest.
 */
export function reclaimTree(root: string, owner: HostIds | null): string[] {
  const failures: string[] = [];
  const fix = (p: string, isDir: boolean) => {
    try {
      const st = lstatSync(p);
      if (owner && (st.uid !== owner.uid || st.gid !== owner.gid)) lchownSync(p, owner.uid, owner.gid);
      if (st.isSymbolicLink()) return;
      const want = isDir ? 0o700 : st.isFile() ? 0o600 : 0;
      if ((st.mode & want) !== want) chmodSync(p, (st.mode & 0o7777) | want);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') failures.push(`${p}: ${errorMessage(err)}`);
    }
  };
  walk(root, fix, (p, err) => {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') failures.push(`${p}: ${errorMessage(err)}`);
  });
  return failures;
}
