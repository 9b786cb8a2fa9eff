// The warm-server pool (runtime.md §2): INITIAL servers started by setup(), taken by create() and retargeted
// to the session's own workspace, topped up to DESIRED in the background, all killed by teardown().
import { lstatSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { createRuntimeFactory, type LocalRuntime } from '../../src/runtime/index.js';
import { bwrapGate, descendants, pidAlive, serverScript, tempDir, waitFor } from './helpers.js';

const PATH = '/usr/local/bin:/usr/bin:/bin';

function warmFactory(isolation: 'none' | 'bwrap', warm = { initial: 1, desired: 1 }) {
  const logger = createRecordingLogger();
  const factory = createRuntimeFactory({
    logger,
    serverScript: serverScript(),
    warm,
    localIsolation: isolation,
    warmEnv: { PATH, WARM_ONLY: 'from-warm', SHARED: 'warm-value' },
  });
  return { factory, logger };
}

const sessionEnv = { PATH, SHARED: 'session-value', SESSION_ONLY: 'yes' };

async function allGone(pids: number[]) {
  await waitFor(() => pids.every((p) => !pidAlive(p)), 10_000, `processes ${pids.join(',')} to exit`);
}

describe('warm pool, unisolated', () => {
  it('setup() starts INITIAL servers; create() takes one and retargets it to its own workspace', async () => {
    const { factory, logger } = warmFactory('none');
    const pids: number[] = [];
    try {
      await factory.setup();
      expect(factory.local.warmCount).toBe(1);
      const [warmPid] = factory.local.warmPids;
      pids.push(warmPid!, ...descendants(warmPid!));

      const ws = realpathSync(tempDir());
      writeFileSync(path.join(ws, 'marker.txt'), 'session workspace\n');
      const rt = (await factory.create({
        kind: 'local',
        workspaceHostDir: ws,
        env: sessionEnv,
        sessionId: 'warm-1',
        logger,
      })) as LocalRuntime;
      expect(rt.serverPid).toBe(warmPid);
      expect(rt.workspacePath).toBe(ws);
      expect(await rt.run('pwd')).toEqual({ exitCode: 0, output: ws });
      expect((await rt.run('cat marker.txt')).output).toBe('session workspace');
      // the session's env replaces the warm one
      expect((await rt.run('echo "$SHARED $SESSION_ONLY ${WARM_ONLY:-gone}"')).output).toBe('session-value yes gone');

      // top-up in the background to DESIRED
      await factory.local.settled();
      expect(factory.local.warmCount).toBe(1);
      const [nextPid] = factory.local.warmPids;
      expect(nextPid).not.toBe(warmPid);
      pids.push(nextPid!, ...descendants(nextPid!));

      // a second session takes the topped-up server
      const ws2 = realpathSync(tempDir());
      const rt2 = (await factory.create({
        kind: 'local',
        workspaceHostDir: ws2,
        env: sessionEnv,
        sessionId: 'warm-2',
        logger,
      })) as LocalRuntime;
      expect(rt2.serverPid).toBe(nextPid);
      expect((await rt2.run('pwd')).output).toBe(ws2);
      await factory.local.settled();
      pids.push(...factory.local.warmPids.flatMap((p) => [p, ...descendants(p)]));
    } finally {
      await factory.teardown();
    }
    expect(factory.local.warmCount).toBe(0);
    await allGone(pids);
  });

  it('a request that does not match the warm servers gets a cold start and leaves the pool alone', async () => {
    const { factory, logger } = warmFactory('none');
    try {
      await factory.setup();
      const [warmPid] = factory.local.warmPids;
      const rt = (await factory.create({
        kind: 'local',
        workspaceHostDir: tempDir(),
        env: sessionEnv,
        sessionId: 'cold-1',
        logger,
        plugins: ['agent_skills'],
      })) as LocalRuntime;
      expect(rt.serverPid).not.toBe(warmPid);
      expect(factory.local.warmPids).toContain(warmPid);
    } finally {
      await factory.teardown();
    }
  });

  it('without INITIAL, DESIRED fills the pool after the first create()', async () => {
    const { factory, logger } = warmFactory('none', { initial: 0, desired: 2 });
    try {
      await factory.setup();
      expect(factory.local.warmCount).toBe(0);
      await factory.create({ kind: 'local', workspaceHostDir: tempDir(), env: sessionEnv, sessionId: 'd-1', logger });
      await factory.local.settled();
      expect(factory.local.warmCount).toBe(2);
    } finally {
      await factory.teardown();
    }
  });
});

const bw = await bwrapGate();

describe.skipIf(!bw.ok)(`warm pool under ${bw.label}`, () => {
  it('the session workspace moves into the warm slot at /workspace and back at close()', async () => {
    const { factory, logger } = warmFactory('bwrap');
    const pids: number[] = [];
    try {
      await factory.setup();
      const [warmPid] = factory.local.warmPids;
      pids.push(warmPid!, ...descendants(warmPid!));
      const ws = realpathSync(tempDir());
      writeFileSync(path.join(ws, 'marker.txt'), 'session workspace\n');
      const rt = (await factory.create({
        kind: 'local',
        workspaceHostDir: ws,
        env: sessionEnv,
        sessionId: 'bw-1',
        logger,
      })) as LocalRuntime;
      expect(rt.serverPid).toBe(warmPid);
      expect(rt.workspacePath).toBe('/workspace');
      expect((await rt.run('pwd')).output).toBe('/workspace');
      expect((await rt.run('cat marker.txt && echo new > written.txt')).output).toBe('session workspace');
      // while the runtime lives, the caller's path still shows the workspace
      expect(readFileSync(path.join(ws, 'written.txt'), 'utf8')).toBe('new\n');
      await rt.close();
      expect(lstatSync(ws).isDirectory()).toBe(true);
      expect(readFileSync(path.join(ws, 'marker.txt'), 'utf8')).toBe('session workspace\n');
      expect(readFileSync(path.join(ws, 'written.txt'), 'utf8')).toBe('new\n');
      await factory.local.settled();
      pids.push(...factory.local.warmPids.flatMap((p) => [p, ...descendants(p)]));
    } finally {
      await factory.teardown();
    }
    await allGone(pids);
  });
});
