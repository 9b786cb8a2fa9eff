// DockerRuntime against the real engine with images built by scripts/setup-sandbox.sh (no registry), always
// with NetworkMode none: this machine forbids traffic to Docker bridge addresses.
import { spawn } from 'node:child_process';
import http from 'node:http';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInterface } from 'node:readline';
import { ResolverError } from '../../src/core/errors.js';
import { createRecordingLogger } from '../../src/core/log.js';
import { connectDocker, containerName, createDockerRuntime, type DockerRuntime } from '../../src/runtime/docker.js';
import { buildSandboxEnv } from '../../src/runtime/env.js';
import { SANDBOX_GID, SANDBOX_UID } from '../../src/runtime/ownership.js';
import { BOOKWORM_IMAGE, BUSYBOX_IMAGE, dockerGate, holdRuntimeScript, serverScript, tempDir } from './helpers.js';

const dk = await dockerGate();
const logger = createRecordingLogger();
const env = buildSandboxEnv({
  PATH: '/host/only/bin',
  LANG: 'C.UTF-8',
  SANDBOX_ENV_FOO: 'bar',
  GITHUB_TOKEN: 'ghs_x',
}).env;
const opened: DockerRuntime[] = [];
const hostUid = process.geteuid!();
const hostGid = process.getegid!();
const isRoot = hostUid === 0;
/** Who the sandbox runs as by default: never root. */
const sandbox = isRoot ? { uid: SANDBOX_UID, gid: SANDBOX_GID } : { uid: hostUid, gid: hostGid };
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
  it('runs commands in /workspace as a non-root uid, gives the workspace back at close, and applies the limits', async () => {
    const sid = `t-${process.pid}-basic`;
    const limits = { memoryBytes: 256 * 1024 ** 2, nanoCpus: 1e9, pidsLimit: 100 };
    const { rt, ws } = await dockerRuntime(sid, { limits });
    expect(rt.kind).toBe('docker');
    expect(rt.workspacePath).toBe('/workspace');
    expect(rt.containerName).toBe(containerName(sid));

    expect(await rt.run('pwd')).toEqual({ exitCode: 0, output: '/workspace' });
    expect((await rt.run('id -u; id -g')).output).toBe(`${sandbox.uid}\n${sandbox.gid}`);
    expect(sandbox.uid).not.toBe(0);
    expect((await rt.run('echo from-container > out.txt && mkdir -p d && git --version > d/git.txt')).exitCode).toBe(0);
    expect(readFileSync(path.join(ws, 'out.txt'), 'utf8')).toBe('from-container\n');
    // During the run the workspace belongs to the sandbox uid...
    expect(statSync(ws).uid).toBe(sandbox.uid);
    expect(statSync(path.join(ws, 'out.txt')).uid).toBe(sandbox.uid);
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
    expect(info.HostConfig.MemorySwap).toBe(limits.memoryBytes);
    expect(info.HostConfig.SecurityOpt).toEqual(['no-new-privileges']);
    expect(info.HostConfig.CapDrop).toEqual(['ALL']);
    expect(info.HostConfig.CapAdd ?? []).toEqual([]);
    expect(info.HostConfig.Privileged).toBe(false);
    expect(info.HostConfig.IpcMode).toBe('private');
    expect((info.HostConfig as { CgroupnsMode?: string }).CgroupnsMode).toBe('private');
    expect(info.Config.User).toBe(`${sandbox.uid}:${sandbox.gid}`);
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
    // ...and afterwards everything in it is the host's again.
    for (const p of [ws, path.join(ws, 'out.txt'), path.join(ws, 'd'), path.join(ws, 'd', 'git.txt')]) {
      expect(statSync(p).uid, p).toBe(hostUid);
      expect(statSync(p).gid, p).toBe(hostGid);
    }
  });

  it.skipIf(!isRoot)(
    'runs as a configured uid:gid: the workspace is that uid’s for the run, then its owner’s again',
    async () => {
      const ws = tempDir();
      writeFileSync(path.join(ws, 'seed.txt'), 'x', { mode: 0o644 });
      mkdirSync(path.join(ws, 'sub'));
      const { rt } = await dockerRuntime(`t-${process.pid}-uid`, { ws, user: '12345:23456' });
      try {
        expect((await rt.run('id -u; id -g; echo y >> seed.txt && touch new.txt sub/deep.txt && echo ok')).output).toBe(
          '12345\n23456\nok',
        );
        expect(statSync(path.join(ws, 'new.txt')).uid).toBe(12345);
        expect(statSync(path.join(ws, 'seed.txt')).gid).toBe(23456);
      } finally {
        await rt.close();
      }
      for (const f of ['.', 'seed.txt', 'new.txt', 'sub', 'sub/deep.txt']) {
        const st = statSync(path.join(ws, f));
        expect(`${f} ${st.uid}:${st.gid}`).toBe(`${f} 0:0`);
      }
      expect(readFileSync(path.join(ws, 'seed.txt'), 'utf8')).toBe('xy\n');
    },
  );

  it.each(['0:0', '0:1000', '1000:0', 'root', '1000', 'nobody:nogroup', ' 1000:1000'])(
    'refuses the sandbox user "%s" before any container exists',
    async (user) => {
      const sid = `t-${process.pid}-user-${user.replace(/[^0-9a-z]/g, '_')}`;
      const ws = tempDir();
      const err = await dockerRuntime(sid, { ws, user }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ResolverError);
      expect((err as ResolverError).code).toBe('config');
      expect(await gone(containerName(sid))).toBe(true);
      expect(statSync(ws).uid).toBe(hostUid);
    },
  );

  it('gives back a workspace the sandbox locked down, without following its links out of the workspace', async () => {
    const ws = tempDir();
    // A host file outside the workspace that links planted inside must not reach.
    const outside = path.join(tempDir('oh-rt-outside-'), 'secret.txt');
    writeFileSync(outside, 'host only', { mode: 0o400 });
    const before = lstatSync(outside);
    const outsideDir = path.dirname(outside);
    const dirBefore = lstatSync(outsideDir);
    const { rt } = await dockerRuntime(`t-${process.pid}-reclaim`, { ws });
    const r = await rt.run(
      [
        'mkdir -p locked/inner && echo s > locked/inner/f && chmod 000 locked/inner/f locked/inner locked',
        'echo w > wo.txt && chmod 200 wo.txt',
        `ln -s ${outside} link-to-file && ln -s ${outsideDir} link-to-dir && ln -s / link-to-root`,
        'mkfifo pipe && ln wo.txt hard.txt && echo done',
      ].join(' && '),
    );
    expect(r).toEqual({ exitCode: 0, output: 'done' });
    await rt.close();
    // Every directory is u+rwx and every file u+rw again: the host can read it all and delete it, root or not.
    for (const p of ['locked', 'locked/inner']) expect(statSync(path.join(ws, p)).mode & 0o700).toBe(0o700);
    for (const p of ['locked/inner/f', 'wo.txt']) expect(statSync(path.join(ws, p)).mode & 0o600).toBe(0o600);
    expect(readFileSync(path.join(ws, 'locked', 'inner', 'f'), 'utf8')).toBe('s\n');
    expect(lstatSync(path.join(ws, 'link-to-file')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(ws, 'link-to-file')).uid).toBe(hostUid);
    // What the links point at kept its owner and mode.
    for (const [p, was] of [
      [outside, before],
      [outsideDir, dirBefore],
    ] as const) {
      const now = lstatSync(p);
      expect({ uid: now.uid, gid: now.gid, mode: now.mode }).toEqual({ uid: was.uid, gid: was.gid, mode: was.mode });
    }
    expect(lstatSync('/').uid).toBe(0);
    rmSync(ws, { recursive: true });
    expect(statSync(ws, { throwIfNoEntry: false })).toBeUndefined();
  });

  it.skipIf(!isRoot)(
    'as a non-root host user in the docker group (a hosted runner): runs as that uid and changes no owner',
    async () => {
      const dockerHost = process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
      const socket = dockerHost.startsWith('unix://') ? dockerHost.slice('unix://'.length) : undefined;
      const docker = socket ? statSync(socket, { throwIfNoEntry: false }) : undefined;
      if (!docker) throw new Error(`no Docker socket to hand to a non-root user (DOCKER_HOST ${dockerHost})`);
      const uid = 4242;
      const gid = docker.gid;
      // Everything the child reads must be reachable by that uid.
      const shared = mkdtempSync(path.join(os.tmpdir(), 'oh-rt-nonroot-'));
      try {
        chmodSync(shared, 0o755);
        const script = path.join(shared, 'hold-runtime.mjs');
        copyFileSync(await holdRuntimeScript(), script);
        const server = path.join(shared, 'server.js');
        copyFileSync(serverScript(), server);
        const ws = path.join(shared, 'ws');
        mkdirSync(ws);
        writeFileSync(path.join(ws, 'seed.txt'), 'x');
        chownSync(ws, uid, gid);
        chownSync(path.join(ws, 'seed.txt'), uid, gid);
        const child = spawn(
          process.execPath,
          [
            script,
            JSON.stringify({
              kind: 'docker',
              serverScript: server,
              workspace: ws,
              image: BOOKWORM_IMAGE,
              commands: ['id -u; id -g', 'echo y >> seed.txt && echo hi > made.txt && mkdir sub && stat -c %u:%g .'],
            }),
          ],
          {
            uid,
            gid,
            cwd: shared,
            env: {
              PATH: process.env['PATH'] ?? '/usr/bin:/bin',
              HOME: shared,
              ...(process.env['DOCKER_HOST'] ? { DOCKER_HOST: process.env['DOCKER_HOST'] } : {}),
            },
            stdio: ['pipe', 'pipe', 'pipe'],
          },
        );
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        const line = await new Promise<string>((resolve, reject) => {
          createInterface({ input: child.stdout }).once('line', resolve);
          void exited.then((code) => reject(new Error(`the child exited (${code}) first:\n${stderr}`)));
        });
        const out = JSON.parse(line) as { containerName: string; results: { exitCode: number; output: string }[] };
        expect(out.results.map((r) => r.output)).toEqual([`${uid}\n${gid}`, `${uid}:${gid}`]);
        child.stdin.end();
        expect(await exited).toBe(0);
        expect(await gone(out.containerName)).toBe(true);
        for (const f of ['.', 'seed.txt', 'made.txt', 'sub']) {
          const st = statSync(path.join(ws, f));
          expect(`${f} ${st.uid}:${st.gid}`).toBe(`${f} ${uid}:${gid}`);
        }
        expect(readFileSync(path.join(ws, 'seed.txt'), 'utf8')).toBe('xy\n');
      } finally {
        rmSync(shared, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('an upload lands in the workspace as the sandbox uid and is the host’s after close', async () => {
    const { rt, ws } = await dockerRuntime(`t-${process.pid}-upload`);
    const docker = await connectDocker();
    const info = await docker.getContainer(rt.containerId).inspect();
    const apiKey = (info.Config.Env ?? []).find((e) => e.startsWith('SESSION_API_KEY='))?.slice(16) ?? '';
    const form = new FormData();
    form.append('file', new Blob(['uploaded bytes']), 'notes.txt');
    const req = new Request('http://sandbox/upload_file', { method: 'POST', body: form });
    const body = Buffer.from(await req.arrayBuffer());
    const address = rt.client.address;
    if (address.transport !== 'unix') throw new Error('the Docker runtime talks over a unix socket');
    const status = await new Promise<number>((resolve, reject) => {
      const r = http.request(
        {
          socketPath: address.path,
          method: 'POST',
          path: `/upload_file?destination=${encodeURIComponent('/workspace/in')}`,
          headers: {
            'content-type': req.headers.get('content-type') ?? '',
            'content-length': String(body.length),
            'x-session-api-key': apiKey,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      r.on('error', reject);
      r.end(body);
    });
    expect(status).toBe(200);
    expect(readFileSync(path.join(ws, 'in', 'notes.txt'), 'utf8')).toBe('uploaded bytes');
    expect(statSync(path.join(ws, 'in', 'notes.txt')).uid).toBe(sandbox.uid);
    expect((await rt.run('cat in/notes.txt')).output).toBe('uploaded bytes');
    await rt.close();
    expect(statSync(path.join(ws, 'in', 'notes.txt')).uid).toBe(hostUid);
    expect(statSync(path.join(ws, 'in')).uid).toBe(hostUid);
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
