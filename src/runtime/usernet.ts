// User-mode networking for a bubblewrap sandbox with sandbox-network full / setup-only (DESIGN §8.21): the
// sandbox always has its own network namespace; slirp4netns gives it a tap interface with a default route
// through a user-space NAT, and refuses connections to the host's loopback (--disable-host-loopback), so the
// runner's local services (127.0.0.1) stay out of reach while the internet is reachable.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { ResolverError } from '../core/errors.js';
import type { Logger } from '../core/log.js';

/** slirp4netns's default addresses: the sandbox is 10.0.2.100, its gateway 10.0.2.2, its DNS forwarder 10.0.2.3. */
export const USERNET_DNS = '10.0.2.3';
export const USERNET_TAP = 'tap0';

export const MISSING_USERNET_MESSAGE =
  'sandbox-network full or setup-only under bubblewrap needs slirp4netns (apt-get install slirp4netns): the ' +
  "sandbox gets its own network namespace with user-mode networking and never shares the host's, whose " +
  'loopback services it must not reach. Install slirp4netns, or set sandbox-network: none.';

export interface UserNet {
  readonly pid: number;
  stop(): Promise<void>;
}

/** Reads a stream until what came so far parses as JSON (bwrap's --info-fd document). */
export function readJson(stream: Readable, timeoutMs: number, what: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let out = '';
    const done = (err: Error | undefined, value?: unknown) => {
      clearTimeout(timer);
      stream.removeListener('data', onData);
      if (err) reject(err);
      else resolve(value);
    };
    const timer = setTimeout(() => done(new Error(`no ${what} within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      try {
        done(undefined, JSON.parse(out));
      } catch {
        // not complete yet
      }
    };
    stream.on('data', onData);
    stream.once('error', (err) => done(err));
    stream.once('end', () => done(new Error(`${what} ended early: ${JSON.stringify(out.slice(0, 200))}`)));
  });
}

/** The sandbox's pid (host view) and network namespace from bwrap's --info-fd JSON. */
export function sandboxInfo(info: unknown): { pid: number; netnsInode: number } {
  const o = (info ?? {}) as { 'child-pid'?: unknown; 'net-namespace'?: unknown };
  const pid = o['child-pid'];
  const net = o['net-namespace'];
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) throw new Error('bwrap info has no child-pid');
  if (typeof net !== 'number' || !Number.isInteger(net)) throw new Error('bwrap info has no net-namespace');
  return { pid, netnsInode: net };
}

/**
 * Waits until the sandbox process sits in the network namespace bwrap reported (it enters it a moment after
 * the info is written; until then /proc/<pid>/ns/net is the host's, which slirp4netns must never configure),
 * a user namespace that is not ours, and until bwrap has configured its loopback (two programs configuring
 * one namespace at once make bwrap's netlink request fail).
 */
async function sandboxNetnsReady(pid: number, netnsInode: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const ownUserns = (await stat('/proc/self/ns/user')).ino;
  for (;;) {
    let ready = false;
    try {
      const net = await stat(`/proc/${pid}/ns/net`);
      const user = await stat(`/proc/${pid}/ns/user`);
      ready =
        net.ino === netnsInode &&
        user.ino !== ownUserns &&
        // the uid map is written after the namespace exists; joining before that is refused
        (await readFile(`/proc/${pid}/uid_map`, 'utf8')).trim() !== '' &&
        (await readFile(`/proc/${pid}/gid_map`, 'utf8')).trim() !== '' &&
        (await readFile(`/proc/${pid}/net/fib_trie`, 'utf8')).includes('127.0.0.1');
    } catch {
      throw new Error(`the sandbox (pid ${pid}) went away before its network was set up`);
    }
    if (ready) return;
    if (Date.now() > deadline) throw new Error('the sandbox network namespace was not set up in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Starts slirp4netns on the network namespace of `childPid` and resolves once the tap is configured. It runs as
 * this product's user (it has to open /dev/net/tun) inside its own mount namespace with seccomp, and exits
 * by itself when this process dies (its exit fd is a socket this process holds).
 */
export async function attachUserNet(opts: {
  slirpPath: string;
  childPid: number;
  /** bwrap's "net-namespace" info: the namespace slirp4netns may configure, and no other. */
  netnsInode: number;
  logger: Logger;
  timeoutMs?: number;
  /** A non-root product has no say over the sandbox's network namespace until it joins its user namespace. */
  joinUserns?: boolean;
}): Promise<UserNet> {
  await sandboxNetnsReady(opts.childPid, opts.netnsInode, opts.timeoutMs ?? 20_000);
  const args = [
    '--configure',
    '--mtu=65520',
    '--disable-host-loopback',
    // Its own mount namespace needs privilege over this user namespace: a root product only.
    ...(opts.joinUserns ? [] : ['--enable-sandbox']),
    '--enable-seccomp',
    '--ready-fd=3',
    '--exit-fd=4',
    ...(opts.joinUserns ? [`--userns-path=/proc/${opts.childPid}/ns/user`] : []),
    '--netns-type=path',
    `/proc/${opts.childPid}/ns/net`,
    USERNET_TAP,
  ];
  const child: ChildProcess = spawn(opts.slirpPath, args, {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    env: { PATH: '/usr/bin:/bin' },
    cwd: '/',
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const ready = child.stdio[3] as Readable;
  const exitFd = child.stdio[4] as Readable;
  exitFd.on('error', () => {});
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('slirp4netns was not ready in time')), opts.timeoutMs ?? 20_000);
      ready.once('data', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(err.code === 'ENOENT' ? new ResolverError('runtime', MISSING_USERNET_MESSAGE) : err);
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`slirp4netns exited before the network was up: ${stderr.trim() || 'no message'}`));
      });
    });
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  opts.logger.debug(`slirp4netns ${child.pid} attached to sandbox ${opts.childPid}`);
  let stopping: Promise<void> | undefined;
  return {
    pid: child.pid!,
    stop() {
      stopping ??= (async () => {
        exitFd.destroy();
        child.kill('SIGTERM');
        await exited;
      })();
      return stopping;
    },
  };
}
