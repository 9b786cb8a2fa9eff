// Sandbox initialisation (resolver.md §7.3) on the real LocalRuntime (the bundled action-execution server,
// unisolated): the trusted setup script and the pre-commit hook.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingLogger, type RecordingLogger } from '../../src/core/log.js';
import { initSandbox, installPreCommitHook } from '../../src/resolver/workspace.js';
import { createRuntimeFactory } from '../../src/runtime/index.js';
import type { Runtime, RuntimeFactory } from '../../src/runtime/types.js';
import { distFile } from '../helpers/dist.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'oh-workspace-'));
let factory: RuntimeFactory;
let logger: RecordingLogger;
let seq = 0;

beforeAll(() => {
  logger = createRecordingLogger();
  factory = createRuntimeFactory({ logger, serverScript: distFile('server.js'), localIsolation: 'none' });
});
afterAll(async () => {
  await factory?.teardown();
});

function repo(): string {
  const dir = path.join(root, `ws${++seq}`);
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  writeFileSync(path.join(dir, 'a.txt'), 'a\n');
  return dir;
}

async function sandbox(dir: string): Promise<Runtime> {
  return factory.create({ kind: 'local', workspaceHostDir: dir, env: {}, sessionId: `ws-${seq}`, logger });
}

const warnings = () => logger.lines.filter((l) => l.level === 'warn').map((l) => l.message);

describe('initSandbox: the setup script', () => {
  it('is sourced in the persistent shell (its exports stay), the shell goes back to the workspace, the copy is removed', async () => {
    const dir = repo();
    const rt = await sandbox(dir);
    try {
      await initSandbox(rt, { setupScript: 'export FROM_SETUP=yes\ncd /tmp\n', workspaceHostDir: dir, logger });
      const r = await rt.run('echo "$FROM_SETUP" && pwd');
      expect(r.output.trim().split('\n')).toEqual(['yes', rt.workspacePath]);
      expect(existsSync(path.join(dir, '.git', 'openhands-setup.sh'))).toBe(false);
      expect(logger.lines.map((l) => l.message)).toContain('.openhands/setup.sh finished.');
    } finally {
      await rt.close();
    }
  });

  it('a failing script is logged and the run goes on', async () => {
    const dir = repo();
    const rt = await sandbox(dir);
    try {
      await initSandbox(rt, { setupScript: 'echo installing\nfalse\n', workspaceHostDir: dir, logger });
      expect(
        warnings().some((w) => /^\.openhands\/setup\.sh failed \(exit 1\); continuing\. Output:\ninstalling/.test(w)),
      ).toBe(true);
      expect((await rt.run('echo still here')).output.trim()).toBe('still here');
    } finally {
      await rt.close();
    }
  });

  it('a script that runs past its timeout is stopped, logged, and the shell is usable again', async () => {
    const dir = repo();
    const rt = await sandbox(dir);
    try {
      await initSandbox(rt, {
        setupScript: 'echo started\nsleep 30\nexport NEVER=set\n',
        workspaceHostDir: dir,
        logger,
        setupTimeoutSec: 1,
      });
      expect(warnings().some((w) => w.startsWith('.openhands/setup.sh failed (exit -1)'))).toBe(true);
      const r = await rt.run('echo "[$NEVER]" && pwd');
      expect(r.output.trim().split('\n')).toEqual(['[]', rt.workspacePath]);
    } finally {
      await rt.close();
    }
  });
});

describe('installPreCommitHook', () => {
  const commit = (dir: string) =>
    spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'x'], {
      cwd: dir,
      encoding: 'utf8',
    });

  it('runs an existing hook (kept as pre-commit.local) and then the trusted script; either can refuse', async () => {
    const dir = repo();
    execFileSync('git', ['add', '-A'], { cwd: dir });
    const hooks = path.join(dir, '.git', 'hooks');
    writeFileSync(path.join(hooks, 'pre-commit'), '#!/bin/sh\necho local >> "$(git rev-parse --git-dir)/ran"\n', {
      mode: 0o755,
    });
    await installPreCommitHook(dir, 'echo trusted >> "$(git rev-parse --git-dir)/ran"\n[ ! -e block ]\n');
    expect(readFileSync(path.join(hooks, 'pre-commit.local'), 'utf8')).toContain('echo local');
    expect(commit(dir).status).toBe(0);
    expect(readFileSync(path.join(dir, '.git', 'ran'), 'utf8')).toBe('local\ntrusted\n');

    writeFileSync(path.join(dir, 'block'), '');
    writeFileSync(path.join(dir, 'a.txt'), 'b\n');
    expect(commit(dir).status).not.toBe(0);
  });
});
