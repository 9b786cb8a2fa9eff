// Runtime benchmark: prints ONE JSON object with the start-up and per-command costs of each sandbox kind
// and the floors measured in the same run (a bare `bash -c true` spawn; one round trip through a persistent
// bash over pipes), with ratios and the goals. Run through `npm run bench:runtime` (bench/runtime/run.mjs
// builds the server bundle and this file first).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRecordingLogger } from '../../src/core/log.js';
import { probeBwrap } from '../../src/runtime/bwrap.js';
import { createDockerRuntime, probeDocker } from '../../src/runtime/docker.js';
import { createRuntimeFactory } from '../../src/runtime/index.js';
import type { Runtime } from '../../src/runtime/types.js';

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    image: { type: 'string', default: 'openhands-sandbox:bookworm' },
    starts: { type: 'string', default: '5' },
    commands: { type: 'string', default: '300' },
  },
});
if (!values.server)
  throw new Error('usage: index.mjs --server <dist/server.js> [--image IMAGE] [--starts N] [--commands N]');
const serverScript = values.server;
const STARTS = Number(values.starts);
const COMMANDS = Number(values.commands);
const logger = createRecordingLogger();
const PATH_ENV = { PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8' };
const scratch = mkdtempSync(path.join(os.tmpdir(), 'oh-bench-'));
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

interface Stats {
  n: number;
  median_ms: number;
  p90_ms: number;
  min_ms: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { n: s.length, median_ms: r(at(0.5)), p90_ms: r(at(0.9)), min_ms: r(s[0]!) };
}

function workspace(): string {
  return mkdtempSync(path.join(scratch, 'ws-'));
}

async function spawnFloor(n: number): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const c = spawn('bash', ['-c', 'true'], { stdio: 'ignore' });
      c.once('error', reject);
      c.once('exit', () => resolve());
    });
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

async function persistentBashFloor(n: number): Promise<Stats> {
  const bash = spawn('bash', ['--noprofile', '--norc'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buf = '';
  let waiter: (() => void) | undefined;
  bash.stdout.on('data', (b: Buffer) => {
    buf += b.toString();
    if (buf.includes('__OH_DONE_')) {
      buf = '';
      waiter?.();
    }
  });
  const once = () =>
    new Promise<void>((resolve) => {
      waiter = resolve;
      bash.stdin.write('true; echo __OH_DONE_$?\n');
    });
  for (let i = 0; i < 20; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await once();
    samples.push(performance.now() - t0);
  }
  bash.stdin.end();
  return stats(samples);
}

async function perCommand(rt: Runtime, n: number): Promise<Stats> {
  for (let i = 0; i < 20; i++) await rt.run('true');
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await rt.run('true');
    samples.push(performance.now() - t0);
    if (r.exitCode !== 0) throw new Error(`true exited with ${r.exitCode}: ${r.output}`);
  }
  return stats(samples);
}

async function firstResult(create: () => Promise<Runtime>): Promise<{ ms: number; rt: Runtime }> {
  const t0 = performance.now();
  const rt = await create();
  const r = await rt.run('true');
  const ms = performance.now() - t0;
  if (r.exitCode !== 0) throw new Error(`true exited with ${r.exitCode}: ${r.output}`);
  return { ms, rt };
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

async function main() {
  const result: Record<string, unknown> = { node: process.version, cpus: os.cpus().length };
  const floors = {
    spawn_bash_c_true: await spawnFloor(50),
    persistent_bash_round_trip: await persistentBashFloor(500),
  };
  result['floors'] = floors;
  const floor = floors.persistent_bash_round_trip.median_ms;
  const bw = await probeBwrap();
  const dk = await probeDocker();
  result['available'] = { bwrap: bw.ok ? true : bw.reason, docker: dk.ok ? true : dk.reason };

  const modes: ('none' | 'bwrap')[] = bw.ok ? ['none', 'bwrap'] : ['none'];
  const local: Record<string, unknown> = {};
  for (const isolation of modes) {
    log(`local ${isolation}: cold starts`);
    const factory = createRuntimeFactory({
      logger,
      serverScript,
      warm: { initial: 0, desired: 0 },
      localIsolation: isolation,
    });
    const cold: number[] = [];
    let last: Runtime | undefined;
    for (let i = 0; i < STARTS; i++) {
      const { ms, rt } = await firstResult(() =>
        factory.create({
          kind: 'local',
          workspaceHostDir: workspace(),
          env: PATH_ENV,
          sessionId: `bench-${isolation}-${i}`,
          logger,
        }),
      );
      cold.push(ms);
      if (last) await last.close();
      last = rt;
    }
    log(`local ${isolation}: per-command round trips`);
    const cmd = await perCommand(last!, COMMANDS);
    await factory.teardown();

    log(`local ${isolation}: warm acquires`);
    const warmFactory = createRuntimeFactory({
      logger,
      serverScript,
      warm: { initial: 1, desired: 1 },
      localIsolation: isolation,
      warmEnv: PATH_ENV,
    });
    await warmFactory.setup();
    const warm: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      await warmFactory.local.settled();
      const { ms, rt } = await firstResult(() =>
        warmFactory.create({
          kind: 'local',
          workspaceHostDir: workspace(),
          env: PATH_ENV,
          sessionId: `bench-warm-${isolation}-${i}`,
          logger,
        }),
      );
      warm.push(ms);
      await rt.close();
    }
    await warmFactory.teardown();
    const perCmd = cmd.median_ms;
    local[isolation] = {
      cold_start_to_first_result: stats(cold),
      warm_acquire_to_first_result: stats(warm),
      per_command_true: cmd,
      per_command_vs_persistent_bash: ratio(perCmd, floor),
      cold_start_vs_spawn_floor: ratio(stats(cold).median_ms, floors.spawn_bash_c_true.median_ms),
    };
  }
  result['local'] = local;

  if (dk.ok) {
    log('docker: cold starts');
    const cold: number[] = [];
    let last: Runtime | undefined;
    try {
      for (let i = 0; i < Math.max(3, Math.ceil(STARTS / 2)); i++) {
        const { ms, rt } = await firstResult(() =>
          createDockerRuntime(
            {
              kind: 'docker',
              workspaceHostDir: workspace(),
              env: PATH_ENV,
              sessionId: `bench-${process.pid}-${i}`,
              logger,
              image: values.image,
              network: 'none',
            },
            { logger, serverScript },
          ),
        );
        cold.push(ms);
        if (last) await last.close();
        last = rt;
      }
      log('docker: per-command round trips');
      const cmd = await perCommand(last!, COMMANDS);
      result['docker'] = {
        image: values.image,
        cold_start_to_first_result: stats(cold),
        per_command_true: cmd,
        per_command_vs_persistent_bash: ratio(cmd.median_ms, floor),
      };
    } finally {
      await last?.close();
    }
  }

  const best = (local['bwrap'] ?? local['none']) as {
    cold_start_to_first_result: Stats;
    warm_acquire_to_first_result: Stats;
    per_command_true: Stats;
  };
  const docker = result['docker'] as { cold_start_to_first_result: Stats } | undefined;
  const perCommandGoal = 2 * floor + 2;
  result['goals'] = {
    measured_on: bw.ok ? 'local bwrap' : 'local unisolated',
    warm_acquire_ms: {
      goal: 50,
      median: best.warm_acquire_to_first_result.median_ms,
      met: best.warm_acquire_to_first_result.median_ms <= 50,
    },
    cold_local_ms: {
      goal: 500,
      median: best.cold_start_to_first_result.median_ms,
      met: best.cold_start_to_first_result.median_ms <= 500,
    },
    docker_cold_ms: docker
      ? {
          goal: 2000,
          median: docker.cold_start_to_first_result.median_ms,
          met: docker.cold_start_to_first_result.median_ms <= 2000,
        }
      : 'docker unavailable',
    per_command_ms: {
      goal: Math.round(perCommandGoal * 1000) / 1000,
      rule: '2 x persistent-bash floor + 2 ms',
      median: best.per_command_true.median_ms,
      met: best.per_command_true.median_ms <= perCommandGoal,
    },
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

try {
  await main();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
