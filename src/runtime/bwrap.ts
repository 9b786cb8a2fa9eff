// Bubblewrap: the probe that decides whether LocalRuntime can isolate, and the argv that does it
// (security.md §3: system folders read-only and selectively, never `/`; writable workspace; own pid, ipc,
// uts namespaces; no capabilities; the host's loopback hidden when the network is off).
import { spawn } from 'node:child_process';
import { lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';

/** Where the sandbox sees its pieces. The same layout as the Docker container. */
export const SANDBOX_WORKSPACE = '/workspace';
export const SANDBOX_RUN_DIR = '/openhands/run';
export const SANDBOX_BIN_DIR = '/openhands/bin';
export const SANDBOX_SOCKET = `${SANDBOX_RUN_DIR}/action.sock`;

/** Top-level system folders: bound read-only when they are folders, recreated when they are symlinks (merged /usr). */
const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

/**
 * The /etc pieces bash, git, python and node need (name service, loader cache, certificates, locale, terminfo,
 * alternatives). Not /etc as a whole: it can hold host credentials (npmrc, pip.conf, docker, ssh keys, shadow).
 */
const ETC_ENTRIES = [
  'alternatives',
  'bash.bashrc',
  'ca-certificates',
  'ca-certificates.conf',
  'debian_version',
  'gai.conf',
  'group',
  'host.conf',
  'hostname',
  'hosts',
  'inputrc',
  'ld.so.cache',
  'ld.so.conf',
  'ld.so.conf.d',
  'locale.alias',
  'localtime',
  'login.defs',
  'magic',
  'mime.types',
  'nsswitch.conf',
  'os-release',
  'passwd',
  'profile',
  'perl',
  'protocols',
  'resolv.conf',
  'services',
  'ssl',
  'terminfo',
  'timezone',
];

function etcEntries(): string[] {
  let names: string[];
  try {
    names = readdirSync('/etc');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names.sort()) {
    if (!ETC_ENTRIES.includes(name) && !/^python3(\.\d+)?$/.test(name)) continue;
    const p = `/etc/${name}`;
    try {
      statSync(p); // follows symlinks: a dangling /etc/resolv.conf is skipped
      out.push(p);
    } catch {
      // dangling symlink
    }
  }
  return out;
}

export interface BwrapMount {
  /** Host path. */
  source: string;
  /** Path inside the sandbox. */
  dest: string;
  writable?: boolean;
}

export interface BwrapOptions {
  /** Host folder bound writable at /workspace. */
  workspaceHostDir: string;
  /** Host folder bound writable at /openhands/run (holds the server's unix socket). */
  runHostDir: string;
  /** Read-only files or folders, e.g. the node binary and the server bundle. */
  readOnly: BwrapMount[];
  /** false: own network namespace with only `lo` (the host's 127.0.0.1 is unreachable). */
  network: boolean;
  /** Working directory inside the sandbox. */
  chdir?: string;
}

/** The bwrap arguments up to (not including) the command to run. */
export function bwrapArgs(opts: BwrapOptions): string[] {
  const args: string[] = [];
  for (const dir of SYSTEM_DIRS) {
    let st;
    try {
      st = lstatSync(dir);
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
    else if (st.isDirectory()) args.push('--ro-bind', dir, dir);
  }
  for (const p of etcEntries()) args.push('--ro-bind', p, p);
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp', '--tmpfs', '/var/tmp');
  args.push('--bind', opts.workspaceHostDir, SANDBOX_WORKSPACE);
  args.push('--bind', opts.runHostDir, SANDBOX_RUN_DIR);
  for (const m of opts.readOnly) args.push(m.writable ? '--bind' : '--ro-bind', m.source, m.dest);
  args.push('--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try', '--hostname', 'sandbox');
  if (!opts.network) args.push('--unshare-net');
  // As root, bwrap would keep every capability (CAP_SYS_ADMIN included) unless told otherwise.
  args.push('--cap-drop', 'ALL', '--die-with-parent', '--new-session');
  args.push('--chdir', opts.chdir ?? SANDBOX_WORKSPACE);
  return args;
}

export interface BwrapProbe {
  ok: boolean;
  /** Why it does not work (missing binary, user namespaces disabled...), for the log and error messages. */
  reason?: string;
}

let probeCache: Promise<BwrapProbe> | undefined;

/**
 * Runs `bwrap ... true` once per process with the same namespaces the sandbox uses. The answer is cached:
 * bubblewrap either works on this machine or it does not.
 */
export function probeBwrap(bwrapPath = 'bwrap'): Promise<BwrapProbe> {
  if (bwrapPath === 'bwrap' && probeCache) return probeCache;
  const p = new Promise<BwrapProbe>((resolve) => {
    const args: string[] = [];
    for (const dir of SYSTEM_DIRS) {
      try {
        const st = lstatSync(dir);
        if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
        else if (st.isDirectory()) args.push('--ro-bind', dir, dir);
      } catch {
        // absent on this system
      }
    }
    args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp');
    args.push('--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-net', '--cap-drop', 'ALL');
    args.push('--die-with-parent', '--new-session', 'true');
    let stderr = '';
    let child;
    try {
      child = spawn(bwrapPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: '/usr/bin:/bin' } });
    } catch (err) {
      resolve({ ok: false, reason: `cannot start ${bwrapPath}: ${String(err)}` });
      return;
    }
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      resolve({
        ok: false,
        reason:
          err.code === 'ENOENT'
            ? `${bwrapPath} is not installed (apt-get install bubblewrap)`
            : `cannot start ${bwrapPath}: ${err.message}`,
      });
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ ok: true });
      else
        resolve({
          ok: false,
          reason: `${bwrapPath} failed (${signal ?? `exit ${code}`}): ${stderr.trim() || 'no message'}; unprivileged user namespaces may be disabled on this machine`,
        });
    });
  });
  if (bwrapPath === 'bwrap') probeCache = p;
  return p;
}
