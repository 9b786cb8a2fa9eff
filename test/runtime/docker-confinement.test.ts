// What code in the Docker sandbox cannot do (DESIGN §8.21): it is not root, holds no capability at all (not
// even in its bounding set), setuid binaries do not raise it, and its processes and memory are capped. Each
// attack is one command run in the sandbox the way the agent runs them.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { connectDocker, createDockerRuntime, type DockerRuntime } from '../../src/runtime/docker.js';
import { SANDBOX_UID } from '../../src/runtime/ownership.js';
import type { SandboxLimits } from '../../src/runtime/types.js';
import { BOOKWORM_IMAGE, dockerGate, serverScript, tempDir, waitFor } from './helpers.js';

const dk = await dockerGate();
const logger = createRecordingLogger();
const isRoot = process.geteuid!() === 0;
const opened: DockerRuntime[] = [];
afterAll(() => Promise.allSettled(opened.map((r) => r.close())));

async function open(sessionId: string, limits?: SandboxLimits): Promise<{ rt: DockerRuntime; ws: string }> {
  const ws = tempDir();
  const rt = await createDockerRuntime(
    {
      kind: 'docker',
      workspaceHostDir: ws,
      env: { LANG: 'C.UTF-8' },
      sessionId: `${sessionId}-${process.pid}`,
      logger,
      image: BOOKWORM_IMAGE,
      network: 'none',
      limits,
    },
    { logger, serverScript: serverScript() },
  );
  opened.push(rt);
  return { rt, ws: realpathSync(ws) };
}

/** Host pids whose cgroup names the container (every process it ever started, wherever it sits). */
function containerPids(containerId: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cgroup`, 'utf8').includes(containerId)) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

describe.skipIf(!dk.ok)(`the Docker sandbox's confinement (${dk.label})`, () => {
  let rt: DockerRuntime;
  let ws: string;
  beforeAll(async () => {
    ({ rt, ws } = await open('t-confine'));
  });

  it('runs as a uid and gid other than 0, with every capability set empty and no-new-privileges on', async () => {
    const ids = (await rt.run('id -u; id -g; id -G')).output.split('\n');
    expect(ids).toHaveLength(3);
    for (const id of ids.flatMap((l) => l.split(' '))) expect(id).not.toBe('0');
    const status = (await rt.run('grep -E "^(Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs):" /proc/self/status')).output;
    expect(status.split('\n').map((l) => l.replace(/\s+/g, ' '))).toEqual([
      'CapInh: 0000000000000000',
      'CapPrm: 0000000000000000',
      'CapEff: 0000000000000000',
      'CapBnd: 0000000000000000',
      'CapAmb: 0000000000000000',
      'NoNewPrivs: 1',
    ]);
    // The server itself (PID 1's child) is confined the same way, not only the shell.
    const server = (await rt.run('grep -E "^(Uid|CapBnd):" /proc/$PPID/status')).output;
    expect(server).not.toMatch(/^Uid:\s+0\b/m);
    expect(server).toMatch(/^CapBnd:\s+0000000000000000$/m);
  });

  // Each of these works as root with Docker's default capability set (CHOWN, MKNOD, NET_RAW, DAC_OVERRIDE,
  // SETUID, SYS_CHROOT, FOWNER...) or with a writable /proc; all must fail here.
  it.each([
    { name: 'chown a file to root', command: 'touch /tmp/c && chown 0:0 /tmp/c' },
    { name: 'chown a workspace file to another uid', command: 'touch mine && chown 1:1 mine' },
    { name: 'create a device node (mknod)', command: 'mknod /tmp/mem c 1 1' },
    {
      name: 'open a raw ICMP socket',
      command: 'python3 -c "import socket; socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)"',
    },
    {
      name: 'open a packet socket',
      command: 'python3 -c "import socket; socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0x0300)"',
    },
    { name: 'mount a filesystem', command: 'mkdir -p /tmp/m && mount -t tmpfs none /tmp/m' },
    { name: 'write /proc/sys/kernel/core_pattern', command: "echo '|/tmp/x' > /proc/sys/kernel/core_pattern" },
    { name: 'write /proc/sysrq-trigger', command: 'echo h > /proc/sysrq-trigger' },
    { name: 'read /etc/shadow (DAC override)', command: 'cat /etc/shadow' },
    { name: 'write into the image (/etc, /usr)', command: 'touch /etc/evil || touch /usr/bin/evil' },
    { name: 'become root with setuid(0)', command: 'python3 -c "import os; os.setuid(0)"' },
    { name: 'change its groups (setgroups)', command: 'python3 -c "import os; os.setgroups([0])"' },
    { name: 'chroot', command: 'chroot / true' },
    { name: 'a new user namespace to regain capabilities', command: 'unshare -Ur id' },
    { name: 'a new mount namespace', command: 'unshare -m true' },
    { name: 'the setuid-root mount of the image', command: 'mkdir -p /tmp/m2 && /usr/bin/mount -t tmpfs none /tmp/m2' },
    { name: 'raise its priority', command: 'python3 -c "import os; os.nice(-5)"' },
  ])('cannot $name', async ({ command }) => {
    const r = await rt.run(command, { timeoutSec: 30 });
    expect(r.exitCode, r.output).not.toBe(0);
  });

  it.skipIf(!isRoot)(
    'a setuid-root helper in the workspace does not raise privileges (no-new-privileges)',
    async () => {
      // The sandbox copies the image's own `id`; the host makes the copy setuid root, as a hostile image or a
      // leaked helper would be.
      expect((await rt.run('cp /usr/bin/id ./suid-id && echo ok')).output).toBe('ok');
      const helper = path.join(ws, 'suid-id');
      chownSync(helper, 0, 0);
      chmodSync(helper, 0o4755);
      // Control: the same file without no-new-privileges really makes its caller root...
      const docker = await connectDocker();
      const control = await docker.createContainer({
        Image: BOOKWORM_IMAGE,
        User: `${SANDBOX_UID}:${SANDBOX_UID}`,
        Cmd: ['/w/suid-id', '-u'],
        HostConfig: { NetworkMode: 'none', Binds: [`${ws}:/w:ro`], AutoRemove: false },
      });
      try {
        await control.start();
        await control.wait();
        const logs = (await control.logs({ stdout: true, stderr: true })).toString('utf8');
        expect(logs).toMatch(/\b0\s*$/);
      } finally {
        await control.remove({ force: true });
      }
      // ...and in the sandbox it does not.
      const r = await rt.run('./suid-id -u; ./suid-id -u -r');
      expect(r.exitCode).toBe(0);
      expect(r.output.split('\n')).toEqual([String(SANDBOX_UID), String(SANDBOX_UID)]);
    },
  );

  it('a fork bomb stops at the pids limit; the server and the host stay fine; nothing is left after close', async () => {
    const pidsLimit = 64;
    const bomb = await open('t-forkbomb', { pidsLimit });
    // Bounded: fork until the kernel refuses, then clean up. Children sleep so they all count at once.
    const script = [
      'import os, signal, time',
      'pids, err = [], None',
      'try:',
      '    for _ in range(1000):',
      '        p = os.fork()',
      '        if p == 0:',
      '            time.sleep(120)',
      '            os._exit(0)',
      '        pids.append(p)',
      'except OSError as e:',
      '    err = e',
      'print(len(pids), type(err).__name__, err.errno if err else None)',
      'for p in pids: os.kill(p, signal.SIGKILL)',
      'for p in pids: os.waitpid(p, 0)',
    ].join('\n');
    const r = await bomb.rt.run(`python3 - <<'EOF'\n${script}\nEOF`, { timeoutSec: 60 });
    expect(r.exitCode, r.output).toBe(0);
    const [count, errName, errno] = r.output.split(' ');
    expect(errName).toBe('BlockingIOError');
    expect(errno).toBe('11'); // EAGAIN: the pids cgroup said no
    expect(Number(count)).toBeGreaterThan(0);
    expect(Number(count)).toBeLessThan(pidsLimit);
    // The classic unbounded one: it fills the cgroup and keeps trying.
    expect((await bomb.rt.run('bomb() { bomb | bomb & }; bomb; echo started')).output).toContain('started');
    const docker = await connectDocker();
    const container = docker.getContainer(bomb.rt.containerId);
    const pidsNow = async () => ((await container.stats({ stream: false })).pids_stats?.current ?? 0) as number;
    await waitFor(async () => (await pidsNow()) >= pidsLimit - 1, 30_000, 'the fork bomb to fill the pids cgroup');
    expect(await pidsNow()).toBeLessThanOrEqual(pidsLimit);
    // The host can still start processes; the server still answers (a builtin needs no fork).
    expect(execFileSync('true', { timeout: 10_000 }).length).toBe(0);
    const alive = await bomb.rt.run('echo alive', { timeoutSec: 30 });
    expect(alive.exitCode).toBe(0);
    // (The bomb's own "fork: retry" complaints may be interleaved.)
    expect(alive.output).toMatch(/^alive$/m);
    await bomb.rt.close();
    const left = await docker.listContainers({ all: true, filters: { name: [bomb.rt.containerName] } });
    expect(left).toEqual([]);
    expect(containerPids(bomb.rt.containerId)).toEqual([]);
  }, 120_000);

  it('memory: a process above the limit is killed (no swap to hide in); the server keeps answering', async () => {
    const memoryBytes = 256 * 1024 ** 2;
    const small = await open('t-memory', { memoryBytes });
    const docker = await connectDocker();
    const info = await docker.getContainer(small.rt.containerId).inspect();
    expect(info.HostConfig.Memory).toBe(memoryBytes);
    expect(info.HostConfig.MemorySwap).toBe(memoryBytes);
    const r = await small.rt.run(
      "python3 -c \"b = bytearray(600 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); print('sur' + 'vived')\"",
      { timeoutSec: 60 },
    );
    expect(r.output).not.toContain('survived');
    expect(r.exitCode).not.toBe(0);
    expect(await small.rt.run('echo alive')).toEqual({ exitCode: 0, output: 'alive' });
    await small.rt.close();
  }, 120_000);
});
