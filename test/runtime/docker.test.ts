// DockerRuntime against the real engine with images built by scripts/setup-sandbox.sh (no registry), always
// with NetworkMode none: this machine forbids traffic to Docker bridge addresses.
import { chownSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { connectDocker, containerName, createDockerRuntime, type DockerRuntime } from '../../src/runtime/docker.js';
import { buildSandboxEnv } from '../../src/runtime/env.js';
import { BOOKWORM_IMAGE, BUSYBOX_IMAGE, dockerGate, serverScript, tempDir } from './helpers.js';

const dk = await dockerGate();
const logger = createRecordingLogger();
const env = buildSandboxEnv({
  PATH: '/host/only/bin',
  LANG: 'C.UTF-8',
  SANDBOX_ENV_FOO: 'bar',
  GITHUB_TOKEN: 'ghs_x',
}).env;
const opened: DockerRuntime[] = [];
afterAll(() => Promise.allSettled(opened.map((r) => r.close())));

async function dockerRuntime(
  sessionId: string,
  extra: {
    ws?: string;
    user?: string;
    image?: string;
    limits?: { memoryBytes?: number; nanoCpus?: number; pidsLimit?: number };
  } = {},
) {
  const ws = extra.ws ?? tempDir();
  const rt = await createDockerRuntime(
    {
      kind: 'docker',
      workspaceHostDir: ws,
      env,
      sessionId,
      logger,
      image: extra.image ?? BOOKWORM_IMAGE,
      network: 'none',
      limits: extra.limits,
    },
    { logger, serverScript: serverScript(), user: extra.user },
  );
  opened.push(rt);
  return { rt, ws: realpathSync(ws) };
}

async function gone(name: string): Promise<boolean> {
  const docker = await connectDocker();
  return docker
    .getContainer(name)
    .inspect()
    .then(
      () => false,
      (err: { statusCode?: number }) => err.statusCode === 404,
    );
}

describe.skipIf(!dk.ok)(`DockerRuntime on ${dk.label}`, () => {
  it('runs commands in /workspace, writes to the host workspace as the host uid, and applies the limits', async () => {
    const sid = `t-${process.pid}-basic`;
    const limits = { memoryBytes: 256 * 1024 ** 2, nanoCpus: 1e9, pidsLimit: 100 };
    const { rt, ws } = await dockerRuntime(sid, { limits });
    expect(rt.kind).toBe('docker');
    expect(rt.workspacePath).toBe('/workspace');
    expect(rt.containerName).toBe(containerName(sid));

    expect(await rt.run('pwd')).toEqual({ exitCode: 0, output: '/workspace' });
    expect((await rt.run('id -u')).output).toBe(String(process.getuid!()));
    expect((await rt.run('echo from-container > out.txt && mkdir -p d && git --version > d/git.txt')).exitCode).toBe(0);
    expect(readFileSync(path.join(ws, 'out.txt'), 'utf8')).toBe('from-container\n');
    expect(statSync(path.join(ws, 'out.txt')).uid).toBe(process.getuid!());
    expect(readFileSync(path.join(ws, 'd', 'git.txt'), 'utf8')).toMatch(/^git version/);
    // env: allowlisted and forwarded names only, and the image's PATH rather than the host's
    expect((await rt.run('echo "$FOO ${GITHUB_TOKEN:-unset}"')).output).toBe('bar unset');
    expect((await rt.run('echo $PATH')).output).not.toContain('/host/only/bin');
    // no network at all
    expect((await rt.run('ls /sys/class/net')).output).toBe('lo');

    const docker = await connectDocker();
    const info = await docker.getContainer(rt.containerId).inspect();
    expect(info.HostConfig.NetworkMode).toBe('none');
    expect(info.HostConfig.Memory).toBe(limits.memoryBytes);
    expect(info.HostConfig.NanoCpus).toBe(limits.nanoCpus);
    expect(info.HostConfig.PidsLimit).toBe(limits.pidsLimit);
    expect(info.HostConfig.SecurityOpt).toEqual(['no-new-privileges']);
    expect(info.HostConfig.Privileged).toBe(false);
    expect(info.Config.User).toBe(`${process.getuid!()}:${process.getgid!()}`);
    const sources = (info.Mounts ?? []).map((m) => m.Source);
    const dests = (info.Mounts ?? []).map((m) => `${m.Destination}:${m.RW ? 'rw' : 'ro'}`).sort();
    expect(dests).toEqual([
      '/openhands/bin/node:ro',
      '/openhands/bin/server.js:ro',
      '/openhands/bin:ro',
      '/openhands/run:rw',
      '/workspace:rw',
    ]);
    for (const forbidden of ['/var/run/docker.sock', '/run/docker.sock', os.homedir(), process.cwd()]) {
      expect(sources).not.toContain(forbidden);
    }
    expect(sources).toContain(ws);

    await rt.close();
    expect(await gone(rt.containerName)).toBe(true);
    expect(() => rt.run('true')).toThrow('closed');
  });

  it('runs as the configured uid:gid so a workspace owned by that user stays writable', async () => {
    const ws = tempDir();
    chownSync(ws, 12345, 12345);
    writeFileSync(path.join(ws, 'seed.txt'), 'x');
    chownSync(path.join(ws, 'seed.txt'), 12345, 12345);
    const { rt } = await dockerRuntime(`t-${process.pid}-uid`, { ws, user: '12345:12345' });
    try {
      expect((await rt.run('id -u; echo y >> seed.txt && touch new.txt && echo ok')).output).toBe('12345\nok');
      expect(statSync(path.join(ws, 'new.txt')).uid).toBe(12345);
    } finally {
      await rt.close();
    }
  });

  it('refuses an image without bash and glibc, saying what to change, and leaves nothing behind', async () => {
    const sid = `t-${process.pid}-busybox`;
    const err = await dockerRuntime(sid, { image: BUSYBOX_IMAGE }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(`the image ${BUSYBOX_IMAGE} has no /bin/bash`);
    expect((err as Error).message).toContain('glibc-based');
    expect((err as Error).message).toContain('base-container-image');
    expect(await gone(containerName(sid))).toBe(true);
  });

  it('replaces a stale stopped container of the same session name', async () => {
    const sid = `t-${process.pid}-stale`;
    const docker = await connectDocker();
    const stale = await docker.createContainer({
      name: containerName(sid),
      Image: BOOKWORM_IMAGE,
      Cmd: ['true'],
      Labels: { 'openhands.runtime': '1' },
      HostConfig: { NetworkMode: 'none' },
    });
    const { rt } = await dockerRuntime(sid);
    try {
      expect(rt.containerId).not.toBe(stale.id);
      expect((await rt.run('echo ok')).output).toBe('ok');
    } finally {
      await rt.close();
    }
  });
});
