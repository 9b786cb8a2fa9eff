// DockerRuntime (runtime.md §1): the same action-execution server, inside a container made from any glibc
// image with bash. This process's node binary and dist/server.js are bind-mounted read-only, the workspace
// read-write, and the server listens on a unix socket in a bind-mounted run folder, so the container can run
// with NetworkMode none. The server's stdin is attached: when this process goes away, docker closes it, the
// server exits and the container removes itself. dockerode is loaded lazily so the local path never loads it.
//
// Confinement (DESIGN §8.21): never root inside (SANDBOX_UID:GID when we are root, else our own ids; the
// workspace is given to that uid for the run and back at close), no capabilities at all (CapDrop ALL, none
// added), no-new-privileges (setuid binaries do not raise privileges), private IPC and cgroup namespaces, not
// privileged, memory (no swap beyond it) and pids limits. The root filesystem stays writable: the unprivileged
// uid can only write the image's world-writable folders (/tmp, /var/tmp) and everything goes with the container.
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, type Duplex } from 'node:stream';
import { createInterface } from 'node:readline';
import type Dockerode from 'dockerode';
import { ResolverError, errorMessage } from '../core/errors.js';
import type { ActionEvent, ObservationEvent } from '../core/events.js';
import type { Logger } from '../core/log.js';
import { SANDBOX_BIN_DIR, SANDBOX_RUN_DIR, SANDBOX_SOCKET, SANDBOX_WORKSPACE } from './bwrap.js';
import { createOwnedDir, onProcessExit, ownerAlive, ownerToken, type OwnedDir } from './cleanup.js';
import { ActionClient, type RetryPolicy } from './client.js';
import { defaultServerScript } from './local.js';
import { hostIds, leaseWorkspace, sandboxUser, type WorkspaceLease } from './ownership.js';
import { parseReadyLine } from './server-process.js';
import {
  DEFAULT_SANDBOX_LIMITS,
  type CommandResult,
  type Runtime,
  type RuntimeOptions,
  type SandboxLimits,
  type SandboxNetwork,
} from './types.js';

/** The reference's base image (DESIGN §8.4). Tests use images built without a registry. */
export const DEFAULT_DOCKER_IMAGE = 'nikolaik/python-nodejs:python3.12-nodejs22';

export type DockerLimits = SandboxLimits;

export interface DockerRuntimeConfig {
  logger: Logger;
  /** dockerode connection options (default: DOCKER_HOST or the local socket). */
  docker?: Dockerode.DockerOptions;
  /** Parent folder for per-container folders (default: the system temp dir). */
  tempRoot?: string;
  nodePath?: string;
  serverScript?: string;
  limits?: DockerLimits;
  /**
   * Numeric `uid:gid` the container runs as, never 0. Default: SANDBOX_UID:SANDBOX_GID when this process is root
   * (the workspace is given to it for the run), else this process's own ids.
   */
  user?: string;
  /** Run docker's init (tini) as PID 1 so the shell's orphans are reaped. Default true. */
  init?: boolean;
  readyTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  defaultActionTimeoutSec?: number;
  serverArgs?: readonly string[];
  /** Called once the runtime is closed (the factory's bookkeeping). */
  onClosed?: (rt: DockerRuntime) => void;
}

type DockerCtor = typeof Dockerode;
let dockerodeModule: Promise<DockerCtor> | undefined;

/** Loads dockerode on first use only. */
export function loadDockerode(): Promise<DockerCtor> {
  dockerodeModule ??= import('dockerode').then((m) => m.default);
  return dockerodeModule;
}

export async function connectDocker(opts?: Dockerode.DockerOptions): Promise<Dockerode> {
  const Docker = await loadDockerode();
  return new Docker(opts);
}

export interface DockerProbe {
  ok: boolean;
  reason?: string;
}

/** Label naming the process that created a container (cleanup.ts ownerToken). */
export const OWNER_LABEL = 'openhands.owner';

/**
 * Removes our containers (label openhands.runtime) whose owner process is gone: the last resort after a killed
 * owner, when the container did not remove itself. Containers of live owners are left alone. Returns their names.
 */
export async function sweepStaleContainers(docker: Dockerode, logger: Logger): Promise<string[]> {
  const removed: string[] = [];
  const list = await docker.listContainers({ all: true, filters: { label: ['openhands.runtime=1', OWNER_LABEL] } });
  for (const info of list) {
    const owner = info.Labels[OWNER_LABEL];
    if (owner === undefined || ownerAlive(owner)) continue;
    const name = (info.Names[0] ?? info.Id).replace(/^\//, '');
    try {
      await docker.getContainer(info.Id).remove({ force: true });
      removed.push(name);
    } catch (err) {
      if (!isNotFound(err)) logger.warn(`could not remove the stale container ${name}: ${errorMessage(err)}`);
    }
  }
  return removed;
}

/** Does a Docker engine answer? (the `auto` runtime rule, DESIGN §8.3) */
export async function probeDocker(opts?: Dockerode.DockerOptions, timeoutMs = 3_000): Promise<DockerProbe> {
  try {
    const docker = await connectDocker(opts);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([docker.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: `no Docker engine answers: ${errorMessage(err)}` };
  }
}

/** CgroupnsMode (engine API 1.41) is missing from @types/dockerode. */
type HostConfig = Dockerode.HostConfig & { CgroupnsMode?: 'private' | 'host' };

/** Container names allow [a-zA-Z0-9][a-zA-Z0-9_.-]*. */
export function containerName(sessionId: string): string {
  const safe = sessionId.replace(/[^a-zA-Z0-9_.-]/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  return `openhands-runtime-${safe || 'session'}`;
}

export function networkMode(network: SandboxNetwork | undefined): string {
  return (network ?? 'full') === 'none' ? 'none' : 'bridge';
}

// Host-specific variables that would break the image's own setup.
const HOST_ONLY_ENV = new Set(['PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'TMPDIR', 'PWD']);

function containerEnv(env: Readonly<Record<string, string>>, apiKey: string): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(env)) if (!HOST_ONLY_ENV.has(k)) out.push(`${k}=${v}`);
  // The uid usually has no passwd entry, so HOME would be `/`, which it cannot write. (The server gives its
  // shell a HOME and a git config of its own in its session folder.)
  out.push('HOME=/tmp');
  out.push(`SESSION_API_KEY=${apiKey}`);
  return out;
}

function dynamicLoader(): string | undefined {
  if (process.arch === 'x64') return '/lib64/ld-linux-x86-64.so.2';
  if (process.arch === 'arm64') return '/lib/ld-linux-aarch64.so.1';
  return undefined;
}

function imageHint(image: string): string {
  return (
    `The Docker image ${image} must be glibc-based (glibc 2.28 or newer, e.g. Debian 10+ or Ubuntu 20.04+) ` +
    'and have bash, because the runtime mounts its own node binary into the container. Alpine/musl and ' +
    'busybox images cannot run it. Choose another base-container-image.'
  );
}

const checkedImages = new Map<string, Promise<void>>();

async function pathExists(container: Dockerode.Container, p: string): Promise<boolean> {
  try {
    await container.infoArchive({ path: p });
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  }
}

/** Checks a created (not started) container's filesystem for bash and the glibc loader; cached per image id. */
function checkImage(container: Dockerode.Container, image: string, imageId: string): Promise<void> {
  let p = checkedImages.get(imageId);
  if (!p) {
    p = (async () => {
      const bash = (await pathExists(container, '/bin/bash')) || (await pathExists(container, '/usr/bin/bash'));
      if (!bash) throw new ResolverError('runtime', `the image ${image} has no /bin/bash. ${imageHint(image)}`);
      const loader = dynamicLoader();
      if (loader && !(await pathExists(container, loader))) {
        throw new ResolverError(
          'runtime',
          `the image ${image} has no glibc (${loader} is missing). ${imageHint(image)}`,
        );
      }
    })();
    checkedImages.set(imageId, p);
    p.catch(() => checkedImages.delete(imageId));
  }
  return p;
}

/** Splits docker's multiplexed attach stream (8-byte frame headers) into stdout and stderr. */
function demux(stream: NodeJS.ReadableStream, stdout: PassThrough, stderr: PassThrough): void {
  let buf: Buffer = Buffer.alloc(0);
  stream.on('data', (chunk: Buffer) => {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    while (buf.length >= 8) {
      const size = buf.readUInt32BE(4);
      if (buf.length < 8 + size) break;
      const payload = buf.subarray(8, 8 + size);
      (buf[0] === 2 ? stderr : stdout).write(payload);
      buf = buf.subarray(8 + size);
    }
  });
  stream.on('end', () => {
    stdout.end();
    stderr.end();
  });
  stream.on('error', () => {
    stdout.end();
    stderr.end();
  });
}

async function ensureImage(docker: Dockerode, image: string, logger: Logger): Promise<Dockerode.ImageInspectInfo> {
  try {
    return await docker.getImage(image).inspect();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 404) throw err;
  }
  logger.info(`pulling Docker image ${image}`);
  const stream = await docker.pull(image);
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve()));
  });
  return docker.getImage(image).inspect();
}

function isNotFound(err: unknown): boolean {
  const code = (err as { statusCode?: number }).statusCode;
  return code === 404 || code === 409;
}

export class DockerRuntime implements Runtime {
  readonly kind = 'docker' as const;
  readonly workspacePath = SANDBOX_WORKSPACE;
  readonly workspaceHostDir: string;
  readonly containerName: string;
  readonly containerId: string;
  readonly #docker: Dockerode;
  readonly #container: Dockerode.Container;
  readonly #client: ActionClient;
  readonly #attach: Duplex;
  readonly #dir: OwnedDir;
  readonly #lease: WorkspaceLease;
  readonly #logger: Logger;
  readonly #unregisterExit: () => void;
  readonly #onClosed: ((rt: DockerRuntime) => void) | undefined;
  #closing: Promise<void> | undefined;

  constructor(init: {
    docker: Dockerode;
    container: Dockerode.Container;
    name: string;
    client: ActionClient;
    attach: Duplex;
    dir: OwnedDir;
    lease: WorkspaceLease;
    logger: Logger;
    workspaceHostDir: string;
    onClosed?: (rt: DockerRuntime) => void;
  }) {
    this.#onClosed = init.onClosed;
    this.#docker = init.docker;
    this.#container = init.container;
    this.containerId = init.container.id;
    this.containerName = init.name;
    this.#client = init.client;
    this.#attach = init.attach;
    this.#dir = init.dir;
    this.#lease = init.lease;
    this.#logger = init.logger;
    this.workspaceHostDir = init.workspaceHostDir;
    // At exit the attach socket closes with the process, which stops the server and removes the container.
    this.#unregisterExit = onProcessExit(() => this.#attach.destroy());
  }

  get client(): ActionClient {
    return this.#client;
  }

  execute(action: ActionEvent, opts?: { signal?: AbortSignal }): Promise<ObservationEvent> {
    this.#assertOpen();
    return this.#client.execute(action, opts);
  }

  run(command: string, opts?: { timeoutSec?: number; signal?: AbortSignal }): Promise<CommandResult> {
    this.#assertOpen();
    return this.#client.run(command, opts);
  }

  /** sandbox-network setup-only: disconnects the container from every network it is on. */
  async dropNetwork(): Promise<void> {
    this.#assertOpen();
    const info = await this.#container.inspect();
    for (const name of Object.keys(info.NetworkSettings.Networks ?? {})) {
      if (name === 'none') continue;
      await this.#docker.getNetwork(name).disconnect({ Container: this.containerId, Force: true });
      this.#logger.debug(`container ${this.containerName} disconnected from network ${name}`);
    }
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#client.close();
      // stdin EOF stops the server; the container then removes itself (AutoRemove). Force it if it lingers.
      this.#attach.end();
      const gone = await Promise.race([
        this.#container.wait({ condition: 'removed' }).then(
          () => true,
          () => true,
        ),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3_000)),
      ]);
      if (!gone) {
        this.#logger.debug(`container ${this.containerName} still there after stdin closed; removing it`);
        await this.#container.remove({ force: true }).catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
      }
      this.#attach.destroy();
      this.#unregisterExit();
      // Nothing runs in the container any more: the workspace can go back to its owner without a race.
      releaseWorkspace(this.#lease, this.workspaceHostDir, this.#logger);
      this.#dir.remove();
      this.#onClosed?.(this);
    })();
    return this.#closing;
  }

  #assertOpen(): void {
    if (this.#closing) throw new ResolverError('runtime', `the Docker runtime ${this.containerName} is closed`);
  }
}

function releaseWorkspace(lease: WorkspaceLease, workspace: string, logger: Logger): void {
  const failures = lease.release();
  if (failures.length > 0) {
    logger.warn(
      `could not give back ${failures.length} entries of the workspace ${workspace}: ${failures.slice(0, 5).join('; ')}`,
    );
  }
}

/** Creates the container, starts the server in it and waits for its ready line. */
export async function createDockerRuntime(opts: RuntimeOptions, cfg: DockerRuntimeConfig): Promise<DockerRuntime> {
  const logger = opts.logger;
  const host = hostIds();
  const user = sandboxUser(cfg.user, host);
  const docker = await connectDocker(cfg.docker);
  const image = opts.image ?? DEFAULT_DOCKER_IMAGE;
  const requested = path.resolve(opts.workspaceHostDir);
  if (!statSync(requested, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ResolverError('runtime', `workspace folder ${requested} does not exist; create it before the runtime`);
  }
  const hostWorkspace = realpathSync(requested);
  const imageInfo = await ensureImage(docker, image, logger);
  const nodePath = realpathSync(cfg.nodePath ?? process.execPath);
  const serverScript = realpathSync(opts.serverScript ?? cfg.serverScript ?? defaultServerScript());
  const limits = { ...DEFAULT_SANDBOX_LIMITS, ...cfg.limits, ...opts.limits };
  const name = containerName(opts.sessionId);

  const dir = createOwnedDir(cfg.tempRoot, 'oh-docker-');
  let container: Dockerode.Container | undefined;
  let attach: Duplex | undefined;
  let lease: WorkspaceLease | undefined;
  try {
    const runDir = path.join(dir.path, 'run');
    const binDir = path.join(dir.path, 'bin');
    // The sandbox uid creates its socket here. Other host users cannot reach it: the parent folder is ours
    // with mode 0700. When we cannot give the folder to that uid (not root, another uid), it is world-writable.
    mkdirSync(runDir, { mode: 0o700 });
    if (host.uid === 0) chownSync(runDir, user.uid, user.gid);
    else if (host.uid !== user.uid) chmodSync(runDir, 0o777);
    mkdirSync(binDir);
    writeFileSync(path.join(binDir, 'package.json'), '{"type":"module"}\n');
    // Mount points for the two files bound on top of the read-only bin folder.
    writeFileSync(path.join(binDir, 'node'), '');
    writeFileSync(path.join(binDir, 'server.js'), '');

    const apiKey = randomBytes(24).toString('base64url');
    const plugins = opts.plugins && opts.plugins.length > 0 ? ['--plugins', opts.plugins.join(',')] : [];
    const hostConfig: HostConfig = {
      Binds: [
        `${hostWorkspace}:${SANDBOX_WORKSPACE}:rw`,
        `${runDir}:${SANDBOX_RUN_DIR}:rw`,
        `${binDir}:${SANDBOX_BIN_DIR}:ro`,
        `${nodePath}:${SANDBOX_BIN_DIR}/node:ro`,
        `${serverScript}:${SANDBOX_BIN_DIR}/server.js:ro`,
      ],
      NetworkMode: networkMode(opts.network),
      Memory: limits.memoryBytes,
      // Equal to Memory: no swap on top of it (where the kernel accounts swap).
      MemorySwap: limits.memoryBytes,
      PidsLimit: limits.pidsLimit,
      ...(limits.nanoCpus ? { NanoCpus: limits.nanoCpus } : {}),
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Privileged: false,
      IpcMode: 'private',
      CgroupnsMode: 'private',
      AutoRemove: true,
      Init: cfg.init ?? true,
    };
    const createOpts: Dockerode.ContainerCreateOptions = {
      name,
      Image: image,
      Entrypoint: [`${SANDBOX_BIN_DIR}/node`],
      Cmd: [
        `${SANDBOX_BIN_DIR}/server.js`,
        '--listen',
        `unix:${SANDBOX_SOCKET}`,
        '--working-dir',
        SANDBOX_WORKSPACE,
        ...(cfg.serverArgs ?? []),
        ...plugins,
      ],
      Env: containerEnv(opts.env, apiKey),
      User: `${user.uid}:${user.gid}`,
      WorkingDir: SANDBOX_WORKSPACE,
      Tty: false,
      OpenStdin: true,
      // Docker closes the server's stdin only when the attached client goes away if StdinOnce is set;
      // that is what makes a dead parent stop the server.
      StdinOnce: true,
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      // The owner label lets a later process (the action's post step) remove a container whose owner died and whose
      // server did not stop with it (sweepStaleContainers).
      Labels: {
        'openhands.runtime': '1',
        'openhands.session': opts.sessionId,
        [OWNER_LABEL]: ownerToken(process.pid) ?? String(process.pid),
      },
      HostConfig: hostConfig,
    };
    lease = leaseWorkspace(hostWorkspace, user, host);
    container = await createContainer(docker, createOpts, name, logger);
    await checkImage(container, image, imageInfo.Id);

    attach = (await container.attach({
      stream: true,
      stdin: true,
      stdout: true,
      stderr: true,
      hijack: true,
    })) as Duplex;
    attach.on('error', (err) => logger.debug(`container ${name} attach stream: ${err.message}`));
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    demux(attach, stdout, stderr);
    const tail: string[] = [];
    const remember = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      logger.debug(`server: ${line}`);
    };
    createInterface({ input: stderr }).on('line', remember);
    const ready = new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: stdout });
      let done = false;
      lines.on('line', (line) => {
        const addr = done ? undefined : parseReadyLine(line);
        if (addr?.transport === 'unix') {
          done = true;
          resolve(addr.path);
        } else remember(line);
      });
      lines.on('close', () => {
        if (!done) reject(new Error('the server exited before it was ready'));
      });
    });
    await container.start();
    const timeoutMs = cfg.readyTimeoutMs ?? 120_000;
    let timer: NodeJS.Timeout | undefined;
    let socketInside: string;
    try {
      socketInside = await Promise.race([
        ready,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no ready line within ${timeoutMs / 1000} s`)), timeoutMs);
        }),
      ]);
    } catch (err) {
      const output = tail.join('\n');
      const cannotRun = /GLIBC_|error while loading shared libraries|exec format error|no such file or directory/i.test(
        output,
      );
      throw new ResolverError(
        'runtime',
        `the server in container ${name} (image ${image}) did not start: ${errorMessage(err)}` +
          (output ? `\n--- server output ---\n${output}` : '') +
          (cannotRun ? `\n${imageHint(image)}` : ''),
      );
    } finally {
      clearTimeout(timer);
    }
    if (!socketInside.startsWith(`${SANDBOX_RUN_DIR}/`)) {
      throw new ResolverError('runtime', `the server reported a socket outside ${SANDBOX_RUN_DIR}: ${socketInside}`);
    }
    const client = new ActionClient({
      address: { transport: 'unix', path: path.join(runDir, socketInside.slice(SANDBOX_RUN_DIR.length + 1)) },
      apiKey,
      logger,
      retry: cfg.retry,
      defaultActionTimeoutSec: cfg.defaultActionTimeoutSec,
    });
    logger.debug(`container ${name} ready (image ${image})`);
    return new DockerRuntime({
      docker,
      container,
      name,
      client,
      attach,
      dir,
      lease,
      logger,
      workspaceHostDir: hostWorkspace,
      onClosed: cfg.onClosed,
    });
  } catch (err) {
    attach?.destroy();
    let removed = true;
    if (container) {
      await container.remove({ force: true }).catch((e: unknown) => {
        if (isNotFound(e)) return;
        removed = false;
        logger.warn(`could not remove container ${name}: ${errorMessage(e)}`);
      });
    }
    if (lease && removed) releaseWorkspace(lease, hostWorkspace, logger);
    dir.remove();
    throw err;
  }
}

/** Creates the container; a stale stopped one with our label and the same name is removed first. */
async function createContainer(
  docker: Dockerode,
  createOpts: Dockerode.ContainerCreateOptions,
  name: string,
  logger: Logger,
): Promise<Dockerode.Container> {
  try {
    return await docker.createContainer(createOpts);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 409) throw err;
  }
  const existing = docker.getContainer(name);
  const info = await existing.inspect();
  if (info.Config.Labels?.['openhands.runtime'] !== '1' || info.State.Running) {
    throw new ResolverError(
      'runtime',
      `a container named ${name} already exists${info.State.Running ? ' and is running' : ''}; use another session id or remove it`,
    );
  }
  logger.debug(`removing stale container ${name}`);
  await existing.remove({ force: true });
  return docker.createContainer(createOpts);
}
