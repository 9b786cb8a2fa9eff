// Bubblewrap: the probe that decides whether LocalRuntime can isolate, and the argv that does it
// (security.md §3, DESIGN §8.21: system folders read-only and selectively, never `/`; writable workspace; own
// user, pid, ipc, uts and network namespaces; no capabilities; never root: a root product runs the sandbox as
// SANDBOX_ROOTLESS_ID; /proc/sys read-only; pids and memory rlimits).
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';

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

/**
 * The uid and gid the sandbox runs as when this product runs as root (DESIGN §8.21). A root sandbox keeps the
 * host's uid 0 for every permission check that is not a capability check (/proc/sys, root-owned files), so it
 * never runs as root: bwrap itself is started as this uid (no capability in the initial user namespace) and
 * makes an unprivileged user namespace. Dedicated rather than 65534: nobody is shared with host daemons and
 * NFS-squashed files; above every distribution's system, regular and nobody ranges; below 2^21 so tar's ustar
 * headers (npm pack, Python tarfile) still hold it.
 */
export const SANDBOX_ROOTLESS_ID = 2_000_000;
export const SANDBOX_USER_NAME = 'openhands';

/** A bind source: a host path, or an open file descriptor of this child (for paths the sandbox uid cannot reach). */
export type BwrapSource = string | { fd: number };

export interface BwrapMount {
  /** Host path or inherited fd. */
  source: BwrapSource;
  /** Path inside the sandbox. */
  dest: string;
  writable?: boolean;
}

export interface BwrapOptions {
  /** Host folder (or fd) bound writable at /workspace. */
  workspace: BwrapSource;
  /** Host folder (or fd) bound writable at /openhands/run (holds the server's unix socket). */
  runDir: BwrapSource;
  /** Read-only files or folders, e.g. the node binary and the server bundle; also /etc replacements. */
  readOnly: BwrapMount[];
  /** Working directory inside the sandbox. */
  chdir?: string;
  /** bwrap writes the sandbox's pid (host view) as JSON here. */
  infoFd?: number;
  /** bwrap waits for one byte on this fd before it starts the command (user-mode network attached first). */
  blockFd?: number;
  /** bwrap 0.8+: no further user namespaces inside (no `unshare -r`, no nested mount namespaces). */
  disableUserns?: boolean;
  /**
   * /dev as a tmpfs with the usual character devices instead of `--dev`: no devpts, so bwrap keeps a single
   * user namespace (`--dev` adds a second one), which a non-root product's slirp4netns has to join.
   */
  plainDev?: boolean;
}

const BIND_FLAG = { ro: ['--ro-bind', '--ro-bind-fd'], rw: ['--bind', '--bind-fd'] } as const;

function bind(args: string[], source: BwrapSource, dest: string, writable: boolean): void {
  const [pathFlag, fdFlag] = writable ? BIND_FLAG.rw : BIND_FLAG.ro;
  if (typeof source === 'string') args.push(pathFlag, source, dest);
  else args.push(fdFlag, String(source.fd), dest);
}

/**
 * The bwrap arguments up to (not including) the command to run. Always its own user, pid, ipc, uts and network
 * namespaces: the network namespace has only `lo` unless user-mode networking is attached (sandbox-network
 * full / setup-only), so the host's loopback services are never reachable. `/proc/sys` is read-only and
 * `/proc/sysrq-trigger` hidden whatever uid the sandbox has; there is no /sys.
 */
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
  const replaced = new Set(opts.readOnly.map((m) => m.dest));
  for (const p of etcEntries()) if (!replaced.has(p)) args.push('--ro-bind', p, p);
  args.push('--proc', '/proc');
  if (opts.plainDev) {
    args.push('--tmpfs', '/dev');
    for (const d of ['null', 'zero', 'full', 'random', 'urandom', 'tty'])
      args.push('--dev-bind', `/dev/${d}`, `/dev/${d}`);
    args.push('--symlink', '/proc/self/fd', '/dev/fd', '--tmpfs', '/dev/shm');
    for (const [i, n] of ['stdin', 'stdout', 'stderr'].entries())
      args.push('--symlink', `/proc/self/fd/${i}`, `/dev/${n}`);
  } else {
    args.push('--dev', '/dev');
  }
  args.push('--tmpfs', '/tmp', '--tmpfs', '/var/tmp');
  // A fresh procfs still shows the kernel's global knobs (core_pattern runs a program as host root on a
  // crash, drop_caches, sysrq): read-only for everyone, sysrq-trigger not there at all.
  args.push('--ro-bind', '/proc/sys', '/proc/sys');
  for (const p of ['/proc/irq', '/proc/bus']) args.push('--ro-bind-try', p, p);
  if (existsSync('/proc/sysrq-trigger')) args.push('--ro-bind', '/dev/null', '/proc/sysrq-trigger');
  bind(args, opts.workspace, SANDBOX_WORKSPACE, true);
  bind(args, opts.runDir, SANDBOX_RUN_DIR, true);
  for (const m of opts.readOnly) bind(args, m.source, m.dest, m.writable ?? false);
  args.push('--unshare-user', '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-net');
  args.push('--unshare-cgroup-try', '--hostname', 'sandbox');
  if (opts.disableUserns) args.push('--disable-userns');
  args.push('--cap-drop', 'ALL', '--die-with-parent', '--new-session');
  if (opts.infoFd !== undefined) args.push('--info-fd', String(opts.infoFd));
  if (opts.blockFd !== undefined) args.push('--block-fd', String(opts.blockFd));
  args.push('--chdir', opts.chdir ?? SANDBOX_WORKSPACE);
  return args;
}

/**
 * Node 24 reserves its code range as private writable memory when it starts (measured: it does not start with
 * RLIMIT_DATA at 512 MiB, it does at 1 GiB), so the per-process data limit never goes below this.
 */
export const MIN_DATA_LIMIT = 1024 ** 3;

export interface SandboxResourceLimits {
  /** Tasks (processes and threads) of the sandbox: RLIMIT_NPROC, counted per user namespace. */
  pidsLimit: number;
  /** Bytes of private writable memory per process: RLIMIT_DATA (RLIMIT_AS would break V8's reservations). */
  memoryBytes: number;
}

/**
 * The command bwrap starts: bash sets the limits inside the sandbox's user namespace, then execs the server.
 * Set inside, RLIMIT_NPROC counts the tasks of this sandbox only (the kernel charges each user namespace level
 * separately), so a non-root product's own processes do not eat into it, and a fork bomb cannot go past it.
 */
export function limitedCommand(limits: SandboxResourceLimits, argv: readonly string[]): string[] {
  const nproc = Math.max(1, Math.floor(limits.pidsLimit));
  const dataKib = Math.floor(Math.max(limits.memoryBytes, MIN_DATA_LIMIT) / 1024);
  return ['/bin/bash', '-c', `ulimit -u ${nproc} && ulimit -d ${dataKib} && exec "$@"`, 'openhands-sandbox', ...argv];
}

/** Whether this product runs as root, so the sandbox must run as SANDBOX_ROOTLESS_ID. */
export function runsAsRoot(): boolean {
  return typeof process.geteuid === 'function' && process.geteuid() === 0;
}

/** The uid/gid to spawn bwrap with, or undefined to keep this process's (non-root product). */
export function sandboxCredentials(): { uid: number; gid: number } | undefined {
  return runsAsRoot() ? { uid: SANDBOX_ROOTLESS_ID, gid: SANDBOX_ROOTLESS_ID } : undefined;
}

let disableUsernsCache: Promise<boolean> | undefined;

/** bwrap >= 0.8 knows --disable-userns. */
export function bwrapSupportsDisableUserns(bwrapPath = 'bwrap'): Promise<boolean> {
  if (bwrapPath === 'bwrap' && disableUsernsCache) return disableUsernsCache;
  const p = new Promise<boolean>((resolve) => {
    let out = '';
    let child;
    try {
      child = spawn(bwrapPath, ['--help'], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: '/usr/bin:/bin' } });
    } catch {
      resolve(false);
      return;
    }
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', () => resolve(false));
    child.on('close', () => resolve(out.includes('--disable-userns')));
  });
  if (bwrapPath === 'bwrap') disableUsernsCache = p;
  return p;
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
    args.push('--proc', '/proc', '--ro-bind', '/proc/sys', '/proc/sys', '--dev', '/dev', '--tmpfs', '/tmp');
    args.push('--unshare-user', '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-net');
    args.push('--cap-drop', 'ALL', '--die-with-parent', '--new-session', 'true');
    let stderr = '';
    let child;
    const creds = sandboxCredentials();
    try {
      child = spawn(bwrapPath, args, {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { PATH: '/usr/bin:/bin' },
        cwd: '/',
        ...creds,
      });
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
          reason:
            `${bwrapPath} failed (${signal ?? `exit ${code}`}): ${stderr.trim() || 'no message'}; ` +
            (creds
              ? `this product runs as root, so the sandbox runs as the unprivileged uid ${creds.uid} and needs ` +
                'unprivileged user namespaces (kernel.unprivileged_userns_clone=1, and on Ubuntu ' +
                'kernel.apparmor_restrict_unprivileged_userns=0 or an AppArmor profile for bwrap); a root sandbox ' +
                'is never used'
              : 'unprivileged user namespaces may be disabled on this machine'),
        });
    });
  });
  if (bwrapPath === 'bwrap') probeCache = p;
  return p;
}
