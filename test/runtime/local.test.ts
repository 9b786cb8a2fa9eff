// LocalRuntime against the real server bundle: unisolated (TCP on loopback) and under bubblewrap (unix
// socket in a bound folder, /workspace, read-only system, own namespaces).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, lstatSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { buildSandboxEnv } from '../../src/runtime/env.js';
import {
  ActionServerError,
  createRuntimeFactory,
  NO_ISOLATION_WARNING,
  type LocalRuntime,
} from '../../src/runtime/index.js';
import type { SandboxNetwork } from '../../src/runtime/types.js';
import { bwrapGate, descendants, pidAlive, serverScript, tempDir, waitFor } from './helpers.js';

const logger = createRecordingLogger();
const factory = createRuntimeFactory({ logger, serverScript: serverScript(), warm: { initial: 0, desired: 0 } });
afterAll(() => factory.teardown());

const env = buildSandboxEnv(
  { PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8', SANDBOX_ENV_FOO: 'bar', GITHUB_TOKEN: 'ghs_nope' },
  {},
).env;

async function localRuntime(isolation: 'none' | 'bwrap', network: SandboxNetwork = 'full', ws = tempDir()) {
  const rt = await factory.create({
    kind: 'local',
    localIsolation: isolation,
    workspaceHostDir: ws,
    env,
    sessionId: `t-${isolation}-${network}`,
    logger,
    network,
  });
  return { rt: rt as LocalRuntime, ws: realpathSync(ws) };
}

/** A loopback TCP listener on the host, to see whether the sandbox can reach it. */
let hostPort = 0;
const hostServer = http.createServer((_req, res) => res.end('host'));
beforeAll(async () => {
  await new Promise<void>((r) => hostServer.listen(0, '127.0.0.1', r));
  hostPort = (hostServer.address() as AddressInfo).port;
});
afterAll(() => new Promise((r) => hostServer.close(r)));
const reachHost = () =>
  `timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/${hostPort}' 2>/dev/null && echo reached || echo unreachable`;

describe('LocalRuntime unisolated', () => {
  it('runs commands in the host workspace with a persistent shell, and warns loudly', async () => {
    const { rt, ws } = await localRuntime('none');
    try {
      expect(rt.kind).toBe('local');
      expect(rt.isolation).toBe('none');
      expect(rt.workspacePath).toBe(ws);
      expect(logger.lines).toContainEqual({ level: 'warn', message: NO_ISOLATION_WARNING });

      expect(await rt.run('pwd')).toEqual({ exitCode: 0, output: ws });
      expect((await rt.run('echo hello > made.txt')).exitCode).toBe(0);
      expect(readFileSync(path.join(ws, 'made.txt'), 'utf8')).toBe('hello\n');
      expect((await rt.run('mkdir sub && cd sub')).exitCode).toBe(0);
      expect((await rt.run('pwd')).output).toBe(path.join(ws, 'sub'));
      expect((await rt.run('false')).exitCode).toBe(1);
      expect((await rt.run('(exit 7)')).exitCode).toBe(7);
      expect((await rt.run('echo "$FOO/${GITHUB_TOKEN:-unset}"')).output).toBe('bar/unset');

      const obs = await rt.execute({ id: 4, action: 'run', args: { command: 'echo via-execute' } });
      expect(obs).toMatchObject({ observation: 'run', cause: 4 });
      expect(obs.content).toContain('via-execute');
    } finally {
      await rt.close();
    }
  });

  it('run(): multi-line scripts keep shell state, the hard timeout stops a command, the shell stays usable', async () => {
    const { rt, ws } = await localRuntime('none');
    try {
      expect(await rt.run("mkdir -p a\ncd a\nexport STEP='one two'\npwd")).toEqual({
        exitCode: 0,
        output: path.join(ws, 'a'),
      });
      expect((await rt.run('echo "$PWD $STEP"')).output).toBe(`${path.join(ws, 'a')} one two`);
      const timedOut = await rt.run('echo started; sleep 30; echo never', { timeoutSec: 1 });
      expect(timedOut.exitCode).toBe(-1);
      expect(timedOut.output).toContain('started');
      expect(timedOut.output).not.toContain('never');
      expect(await rt.run('echo after')).toEqual({ exitCode: 0, output: 'after' });
    } finally {
      await rt.close();
    }
  });

  it('close() stops the server and everything it started; the runtime refuses further work', async () => {
    const { rt } = await localRuntime('none');
    await rt.run('sleep 300 > /dev/null 2>&1 &');
    const pids = [rt.serverPid, ...descendants(rt.serverPid)];
    expect(pids.length).toBeGreaterThan(1);
    await rt.close();
    await waitFor(() => pids.every((p) => !pidAlive(p)), 10_000, `processes ${pids.join(',')} to exit`);
    expect(() => rt.run('true')).toThrow('closed');
    await rt.close(); // idempotent
  });

  it('a server that dies is reported as such (disconnected), not as a refused connection', async () => {
    const { rt } = await localRuntime('none');
    try {
      process.kill(rt.serverPid, 'SIGKILL');
      await waitFor(() => !pidAlive(rt.serverPid), 5_000, 'the server to die');
      const err = await rt.run('true').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ActionServerError);
      expect((err as ActionServerError).disconnected).toBe(true);
      expect((err as Error).message).toMatch(/^the sandbox server of session t-none-full exited with SIGKILL/);
    } finally {
      await rt.close();
    }
  });

  it('refuses a workspace folder that does not exist', async () => {
    await expect(localRuntime('none', 'full', '/nonexistent/oh-ws')).rejects.toThrow('does not exist');
  });
});

const bw = await bwrapGate();

describe.skipIf(!bw.ok)(`LocalRuntime under ${bw.label}`, () => {
  it('works in /workspace, which is the host workspace', async () => {
    const ws = tempDir();
    writeFileSync(path.join(ws, 'from-host.txt'), 'host data\n');
    const { rt } = await localRuntime('bwrap', 'full', ws);
    try {
      expect(rt.isolation).toBe('bwrap');
      expect(rt.workspacePath).toBe('/workspace');
      expect(await rt.run('pwd')).toEqual({ exitCode: 0, output: '/workspace' });
      expect((await rt.run('cat from-host.txt')).output).toBe('host data');
      expect(
        (await rt.run('echo sandbox > from-sandbox.txt && git init -q repo && git -C repo status --short')).exitCode,
      ).toBe(0);
      expect(readFileSync(path.join(ws, 'from-sandbox.txt'), 'utf8')).toBe('sandbox\n');
      expect(existsSync(path.join(ws, 'repo', '.git'))).toBe(true);
      expect((await rt.run('python3 -c "print(6*7)"')).output).toBe('42');
    } finally {
      await rt.close();
    }
  });

  it('sees a read-only, selective system: no host home, repo or secrets in /etc; no capabilities; own pids', async () => {
    const { rt } = await localRuntime('bwrap');
    try {
      expect((await rt.run('touch /usr/oh-test 2>&1')).exitCode).not.toBe(0);
      const top = (await rt.run('ls -1 /')).output.split('\n');
      expect(top).toContain('usr');
      expect(top).toContain('workspace');
      for (const hidden of ['root', 'home', 'work', 'opt', 'var/lib', 'run']) expect(top).not.toContain(hidden);
      expect(
        (await rt.run(`test -e ${JSON.stringify(import.meta.dirname)} && echo visible || echo hidden`)).output,
      ).toBe('hidden');
      expect((await rt.run('ls /etc/shadow /etc/docker /etc/npmrc 2>&1 | grep -c "No such file"')).output).toBe('3');
      expect((await rt.run('grep CapEff /proc/self/status')).output).toMatch(/CapEff:\s+0+$/);
      const pids = (await rt.run('ls /proc | grep -c "^[0-9]"')).output;
      expect(Number(pids)).toBeLessThan(15);
      expect((await rt.run('hostname')).output).toBe('sandbox');
    } finally {
      await rt.close();
    }
  });

  it.each(['full', 'setup-only', 'none'] as const)(
    "network %s: the host's loopback is unreachable",
    async (network) => {
      const { rt } = await localRuntime('bwrap', network);
      try {
        expect((await rt.run(reachHost(), { timeoutSec: 20 })).output).toBe('unreachable');
      } finally {
        await rt.close();
      }
    },
  );

  it('setup-only: dropNetwork() removes the user-mode network and keeps the workspace', async () => {
    const ws = tempDir();
    const { rt } = await localRuntime('bwrap', 'setup-only', ws);
    try {
      expect((await rt.run('grep -c tap0 /proc/net/dev')).output).toBe('1');
      await rt.run('echo installed > setup.txt');
      await rt.dropNetwork();
      expect((await rt.run('grep -c tap0 /proc/net/dev')).output).toBe('0');
      expect((await rt.run(reachHost(), { timeoutSec: 20 })).output).toBe('unreachable');
      expect((await rt.run('cat setup.txt')).output).toBe('installed');
      expect(lstatSync(ws).isDirectory()).toBe(true);
    } finally {
      await rt.close();
    }
  });

  it('close() leaves no process of the sandbox behind', async () => {
    const { rt } = await localRuntime('bwrap');
    await rt.run('sleep 300 > /dev/null 2>&1 &');
    const pids = [rt.serverPid, ...descendants(rt.serverPid)];
    expect(pids.length).toBeGreaterThan(2);
    await rt.close();
    await waitFor(() => pids.every((p) => !pidAlive(p)), 10_000, `processes ${pids.join(',')} to exit`);
  });
});
