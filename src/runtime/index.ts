// The runtime factory: picks the sandbox kind (DESIGN §8.3) and owns everything it started, so one
// teardown() (the Action's post step, process exit) leaves no server, container or temp folder behind.
import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ResolverError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { probeBwrap as defaultProbeBwrap, type BwrapProbe } from './bwrap.js';
import { sweepStaleDirs } from './cleanup.js';
import type { RetryPolicy } from './client.js';
import {
  connectDocker,
  createDockerRuntime,
  sweepStaleContainers,
  probeDocker as defaultProbeDocker,
  type DockerProbe,
  type DockerRuntime,
  type DockerRuntimeConfig,
} from './docker.js';
import {
  buildSandboxEnv,
  describeDenials,
  hostEnvironment,
  readRuntimeTempRoot,
  readWarmPoolConfig,
  type WarmPoolConfig,
} from './env.js';
import { LocalRuntimeManager, defaultServerScript, type LocalIsolation } from './local.js';
import type { Runtime, RuntimeFactory, RuntimeOptions, SandboxNetwork } from './types.js';

export { buildSandboxEnv, describeDenials, readWarmPoolConfig } from './env.js';
export type { EnvDenial, SandboxEnv, SandboxEnvOptions } from './env.js';
export { ActionClient, ActionServerError, THINK_RESPONSE } from './client.js';
export { LocalRuntime, LocalRuntimeManager, NO_ISOLATION_WARNING, defaultServerScript } from './local.js';
export { DockerRuntime, DEFAULT_DOCKER_IMAGE, containerName, createDockerRuntime, probeDocker } from './docker.js';
export { probeBwrap } from './bwrap.js';
export type * from './types.js';

export type LocalIsolationChoice = 'auto' | LocalIsolation;

export interface RuntimeFactoryOptions {
  logger: Logger;
  /** Host environment for defaults (warm-pool sizes, RUNNER_TEMP, finding bwrap). Default: the process's. */
  hostEnv?: Readonly<Record<string, string | undefined>>;
  /** Default: INITIAL_NUM_WARM_SERVERS / DESIRED_NUM_WARM_SERVERS from hostEnv. */
  warm?: WarmPoolConfig;
  /** Environment warm servers start with (a session's own env is applied when it takes one). */
  warmEnv?: Record<string, string>;
  warmNetwork?: SandboxNetwork;
  warmPlugins?: string[];
  /**
   * For `local`: `auto` (default) uses bubblewrap when it works and otherwise runs unisolated with a warning;
   * `none` asks for no isolation; `bwrap` requires it. Also the isolation of warm servers.
   */
  localIsolation?: LocalIsolationChoice;
  serverScript?: string;
  /** Parent of per-sandbox folders. Default: $RUNNER_TEMP/openhands, else the system temp dir. */
  tempRoot?: string;
  nodePath?: string;
  readyTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  defaultActionTimeoutSec?: number;
  /** Extra server flags for every server started (e.g. ['--no-change-timeout', '2']). */
  serverArgs?: string[];
  docker?: Omit<DockerRuntimeConfig, 'logger'>;
  /** Injectable probes (tests of the selection rule). */
  probeBwrap?: () => Promise<BwrapProbe>;
  probeDocker?: () => Promise<DockerProbe>;
}

export interface RuntimeFactoryExt extends RuntimeFactory {
  /** Starts INITIAL_NUM_WARM_SERVERS warm servers and waits for them (call early, e.g. while cloning). */
  setup(): Promise<void>;
  /** Which sandbox `auto` resolves to on this machine, or why none is available. */
  resolveKind(
    kind: RuntimeOptions['kind'],
    isolation?: LocalIsolationChoice,
  ): Promise<{ kind: 'local' | 'docker'; isolation?: LocalIsolation }>;
  readonly local: LocalRuntimeManager;
}

function findExecutable(name: string, pathEnv: string | undefined): string | undefined {
  const dirs = [...(pathEnv ?? '').split(':').filter(Boolean), '/usr/bin', '/usr/local/bin', '/bin'];
  for (const dir of dirs) {
    const p = path.join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function createRuntimeFactory(opts: RuntimeFactoryOptions): RuntimeFactoryExt {
  const hostEnv = opts.hostEnv ?? hostEnvironment();
  const logger = opts.logger;
  const bwrapPath = findExecutable('bwrap', hostEnv['PATH']);
  const probeBwrap =
    opts.probeBwrap ??
    (() =>
      bwrapPath
        ? defaultProbeBwrap(bwrapPath)
        : Promise.resolve({ ok: false, reason: 'bwrap is not installed (apt-get install bubblewrap)' }));
  const probeDocker = opts.probeDocker ?? (() => defaultProbeDocker(opts.docker?.docker));
  let tempRoot = opts.tempRoot;
  if (!tempRoot) {
    const runnerTemp = readRuntimeTempRoot(hostEnv);
    if (runnerTemp) {
      tempRoot = path.join(runnerTemp, 'openhands');
      mkdirSync(tempRoot, { recursive: true });
    }
  }
  // Folders of earlier runs that died without cleaning up (their servers exited with them).
  for (const dir of sweepStaleDirs([tempRoot, undefined])) logger.debug(`removed stale sandbox folder ${dir}`);
  const warmEnv =
    opts.warmEnv ??
    (() => {
      const built = buildSandboxEnv(hostEnv);
      for (const line of describeDenials(built.denied)) logger.debug(line);
      return built.env;
    })();
  const common = {
    tempRoot,
    nodePath: opts.nodePath,
    readyTimeoutMs: opts.readyTimeoutMs,
    retry: opts.retry,
    defaultActionTimeoutSec: opts.defaultActionTimeoutSec,
    serverArgs: opts.serverArgs,
  };
  const serverScript = opts.serverScript ?? defaultServerScript();
  const local = new LocalRuntimeManager({
    ...common,
    logger,
    bwrapPath,
    slirpPath: findExecutable('slirp4netns', hostEnv['PATH']),
    serverScript,
    warm: opts.warm ?? readWarmPoolConfig(hostEnv),
    warmEnv,
  });
  const dockerRuntimes = new Set<DockerRuntime>();
  let tornDown = false;

  async function localIsolation(choice: LocalIsolationChoice): Promise<LocalIsolation> {
    if (choice === 'none') return 'none';
    const probe = await probeBwrap();
    if (probe.ok) return 'bwrap';
    if (choice === 'bwrap') {
      throw new ResolverError('runtime', `bubblewrap is required but does not work here: ${probe.reason}`);
    }
    logger.debug(`bubblewrap unavailable: ${probe.reason}`);
    return 'none';
  }

  async function resolveKind(
    kind: RuntimeOptions['kind'],
    isolation?: LocalIsolationChoice,
  ): Promise<{ kind: 'local' | 'docker'; isolation?: LocalIsolation }> {
    if (kind === 'docker') return { kind: 'docker' };
    if (kind === 'local') {
      return { kind: 'local', isolation: await localIsolation(isolation ?? opts.localIsolation ?? 'auto') };
    }
    const bw = await probeBwrap();
    if (bw.ok) return { kind: 'local', isolation: 'bwrap' };
    const dk = await probeDocker();
    if (dk.ok) return { kind: 'docker' };
    throw new ResolverError(
      'runtime',
      `no sandbox is available: bubblewrap does not work (${bw.reason}) and ${dk.reason}. ` +
        'Install bubblewrap (runtime local) or start a Docker engine (runtime docker); runtime local without ' +
        'bubblewrap runs unisolated and must be chosen explicitly.',
    );
  }

  let setupDone: Promise<void> | undefined;
  const factory: RuntimeFactoryExt = {
    local,
    resolveKind,
    setup() {
      setupDone ??= (async () => {
        const isolation = await localIsolation(opts.localIsolation ?? 'auto');
        local.setWarmSpec({
          isolation,
          network: opts.warmNetwork ?? 'full',
          plugins: opts.warmPlugins ?? [],
          serverScript,
        });
        await local.setup();
      })();
      return setupDone;
    },
    async create(ro: RuntimeOptions): Promise<Runtime> {
      if (tornDown) throw new ResolverError('runtime', 'the runtime factory was torn down');
      const picked = await resolveKind(ro.kind, ro.localIsolation);
      if (picked.kind === 'docker') {
        const rt = await createDockerRuntime(ro, {
          ...common,
          ...opts.docker,
          serverScript: ro.serverScript ?? opts.docker?.serverScript ?? serverScript,
          logger: ro.logger,
          onClosed: (r) => dockerRuntimes.delete(r),
        });
        dockerRuntimes.add(rt);
        return rt;
      }
      return local.create({ ...ro, isolation: picked.isolation ?? 'none' });
    },
    async teardown() {
      tornDown = true;
      await Promise.allSettled([local.teardown(), ...[...dockerRuntimes].map((rt) => rt.close())]);
    },
  };
  return factory;
}

/**
 * What a killed owner left behind (the action's post step after a killed main step): per-sandbox folders of dead
 * owners and the processes still running out of them, and, when an engine answers, containers of dead owners.
 * Returns what was removed.
 */
export async function sweepLeftovers(o: {
  logger: Logger;
  hostEnv?: Readonly<Record<string, string | undefined>>;
  docker?: boolean;
}): Promise<{ dirs: string[]; containers: string[] }> {
  const runnerTemp = readRuntimeTempRoot(o.hostEnv ?? hostEnvironment());
  const dirs = sweepStaleDirs([runnerTemp ? path.join(runnerTemp, 'openhands') : undefined, undefined]);
  let containers: string[] = [];
  if (o.docker && (await defaultProbeDocker()).ok)
    containers = await sweepStaleContainers(await connectDocker(), o.logger);
  return { dirs, containers };
}
