// The runtime choice of DESIGN §8.3 (auto / local / docker) and the factory's ownership of what it started.
import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { createRuntimeFactory, NO_ISOLATION_WARNING, type LocalRuntime } from '../../src/runtime/index.js';
import type { RuntimeKind } from '../../src/runtime/types.js';
import { bwrapGate, pidAlive, serverScript, tempDir, waitFor } from './helpers.js';

const yes = () => Promise.resolve({ ok: true });
const no = (reason: string) => () => Promise.resolve({ ok: false, reason });

describe('resolveKind', () => {
  const table: [RuntimeKind, 'auto' | 'none' | 'bwrap', boolean, boolean, string][] = [
    // kind, localIsolation, bwrap works, docker answers, expected
    ['auto', 'auto', true, true, 'local/bwrap'],
    ['auto', 'auto', true, false, 'local/bwrap'],
    ['auto', 'auto', false, true, 'docker'],
    ['auto', 'auto', false, false, 'error'],
    // auto never picks unisolated local, even when asked for local isolation none elsewhere
    ['auto', 'none', false, false, 'error'],
    ['local', 'auto', true, false, 'local/bwrap'],
    ['local', 'auto', false, false, 'local/none'],
    ['local', 'none', true, true, 'local/none'],
    ['local', 'bwrap', false, true, 'error'],
    ['docker', 'auto', true, true, 'docker'],
    ['docker', 'auto', false, false, 'docker'],
  ];
  it.each(table)('%s (local isolation %s, bwrap %s, docker %s) -> %s', async (kind, iso, bw, dk, expected) => {
    const factory = createRuntimeFactory({
      logger: createRecordingLogger(),
      serverScript: '/nonexistent/server.js',
      localIsolation: iso,
      warm: { initial: 0, desired: 0 },
      probeBwrap: bw ? yes : no('user namespaces are disabled'),
      probeDocker: dk ? yes : no('no Docker engine answers: connect ENOENT /var/run/docker.sock'),
    });
    const got = await factory.resolveKind(kind).then(
      (r) => (r.kind === 'docker' ? 'docker' : `local/${r.isolation}`),
      (err: Error) => {
        if (kind === 'auto') {
          expect(err.message).toContain('bubblewrap does not work (user namespaces are disabled)');
          expect(err.message).toContain('no Docker engine answers');
          expect(err.message).toContain('must be chosen explicitly');
        }
        return 'error';
      },
    );
    expect(got).toBe(expected);
  });
});

const bw = await bwrapGate();

describe('createRuntimeFactory', () => {
  it.skipIf(!bw.ok)(`auto on this machine is local under ${bw.label}, and teardown() stops it`, async () => {
    const logger = createRecordingLogger();
    const factory = createRuntimeFactory({ logger, serverScript: serverScript(), warm: { initial: 0, desired: 0 } });
    const rt = (await factory.create({
      kind: 'auto',
      workspaceHostDir: tempDir(),
      env: {},
      sessionId: 'auto-1',
      logger,
    })) as LocalRuntime;
    expect(rt.kind).toBe('local');
    expect(rt.isolation).toBe('bwrap');
    expect(rt.workspacePath).toBe('/workspace');
    expect(logger.lines.some((l) => l.message === NO_ISOLATION_WARNING)).toBe(false);
    // an empty env still gets a PATH, so the shell finds its tools
    expect((await rt.run('command -v git')).exitCode).toBe(0);
    const pid = rt.serverPid;
    await factory.teardown();
    await waitFor(() => !pidAlive(pid), 10_000, `server ${pid} to exit`);
    await expect(
      factory.create({ kind: 'auto', workspaceHostDir: tempDir(), env: {}, sessionId: 'auto-2', logger }),
    ).rejects.toThrow('torn down');
  });

  it('reports a server that cannot start, with its output', async () => {
    const logger = createRecordingLogger();
    const factory = createRuntimeFactory({
      logger,
      serverScript: import.meta.filename,
      warm: { initial: 0, desired: 0 },
    });
    const err = await factory
      .create({ kind: 'local', localIsolation: 'none', workspaceHostDir: tempDir(), env: {}, sessionId: 'bad', logger })
      .catch((e: unknown) => e);
    await factory.teardown();
    expect((err as Error).message).toMatch(/^local server did not start: exited with code \d+ before it was ready/);
    expect((err as Error).message).toContain('--- server output ---');
  });
});
