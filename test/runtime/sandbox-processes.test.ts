// Process-level guarantees, proven from a separate parent process (test/runtime/fixtures/hold-runtime.ts):
// - the sandbox never sees the parent's credentials (env allowlist), and under bwrap or Docker it cannot
//   read them from /proc/<parent pid>/environ either;
// - nothing outlives the parent: after a clean exit and after SIGKILL, the server, its shell and the
//   container are gone.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { connectDocker } from '../../src/runtime/docker.js';
import { createRuntimeFactory } from '../../src/runtime/index.js';
import { NODE } from '../helpers/dist.js';
import {
  BOOKWORM_IMAGE,
  bwrapGate,
  descendants,
  dockerGate,
  holdRuntimeScript,
  pidAlive,
  serverScript,
  tempDir,
  waitFor,
} from './helpers.js';

const MARK = 'OHSECRETMARK';
const hostile: Record<string, string> = {
  GITHUB_TOKEN: `ghs_${MARK}aaaaaaaaaaaaaaaaaaaaaaaaaaaa`,
  GH_TOKEN: `gho_${MARK}1`,
  PAT_TOKEN: `ghp_${MARK}2`,
  LLM_API_KEY: `sk-${MARK}-llm-key-0123456789`,
  'INPUT_GITHUB-TOKEN': `ghs_${MARK}3`,
  'INPUT_LLM-API-KEY': `sk-${MARK}4`,
  ACTIONS_RUNTIME_TOKEN: `eyJ${MARK}5`,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: `eyJ${MARK}6`,
  ACTIONS_ID_TOKEN_REQUEST_URL: `https://token.invalid/${MARK}7`,
  SANDBOX_ENV_GITHUB_TOKEN: `ghs_${MARK}8`,
  // a harmless-looking name carrying the LLM key's value
  SANDBOX_ENV_SOME_SETTING: `sk-${MARK}-llm-key-0123456789`,
  SANDBOX_ENV_VISIBLE: 'forwarded-ok',
};

interface HoldInfo {
  pid: number;
  warmTaken?: boolean;
  serverPid?: number;
  containerName?: string;
  denied: string[];
  results: { command: string; exitCode: number; output: string }[];
}

const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

async function hold(cfg: Record<string, unknown>, commands: string[]) {
  const script = await holdRuntimeScript();
  const child = spawn(
    NODE,
    [script, JSON.stringify({ serverScript: serverScript(), workspace: tempDir(), commands, ...cfg })],
    { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...hostile }, stdio: 'pipe' },
  );
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    void exited.then((code) => reject(new Error(`fixture exited with ${code}: ${stderr}`)));
  });
  return { child, info: JSON.parse(line) as HoldInfo, exited };
}

const SECRET_COMMANDS = [
  'env',
  'cat /proc/$HOST_PID/environ 2>/dev/null | tr "\\0" "\\n"; true',
  `grep -l -s -e ${MARK} /proc/[0-9]*/environ; true`,
];

function expectClean(info: HoldInfo) {
  const [env, parentEnviron, grep] = info.results;
  expect(env?.output).toContain('VISIBLE=forwarded-ok');
  for (const name of Object.keys(hostile).filter((n) => n !== 'SANDBOX_ENV_VISIBLE')) {
    expect(env?.output).not.toMatch(new RegExp(`^${name}=`, 'm'));
  }
  expect(env?.output).not.toContain(MARK);
  expect(parentEnviron?.output).not.toContain(MARK);
  expect(grep?.output).toBe('');
  expect(info.denied.sort()).toEqual(['GITHUB_TOKEN', 'SOME_SETTING']);
}

const bw = await bwrapGate();
const dk = await dockerGate();

describe('the sandbox never sees the parent credentials', () => {
  it('unisolated local: not in the env, but /proc/<parent>/environ is readable (why it warns)', async () => {
    const { child, info, exited } = await hold({ kind: 'local', localIsolation: 'none' }, SECRET_COMMANDS);
    const [env, parentEnviron] = info.results;
    expect(env?.output).toContain('VISIBLE=forwarded-ok');
    expect(env?.output).not.toContain(MARK);
    // This is the documented hole of runtime local without bubblewrap.
    expect(parentEnviron?.output).toContain(MARK);
    child.stdin.end();
    expect(await exited).toBe(0);
  });

  it.skipIf(!bw.ok)(`local under ${bw.label}: neither in the env nor in any /proc/*/environ`, async () => {
    const { child, info, exited } = await hold({ kind: 'local', localIsolation: 'bwrap' }, SECRET_COMMANDS);
    expectClean(info);
    child.stdin.end();
    expect(await exited).toBe(0);
  });

  it.skipIf(!dk.ok)(`${dk.label} (${BOOKWORM_IMAGE}): neither in the env nor in any /proc/*/environ`, async () => {
    const { child, info, exited } = await hold({ kind: 'docker', image: BOOKWORM_IMAGE }, SECRET_COMMANDS);
    expectClean(info);
    child.stdin.end();
    expect(await exited).toBe(0);
  });
});

describe('nothing outlives a parent killed with SIGKILL', () => {
  const BACKGROUND = ['sleep 300 > /dev/null 2>&1 &'];

  async function killedParentLeavesNothing(isolation: 'none' | 'bwrap') {
    const tempRoot = tempDir();
    // reachable by the sandbox uid of a root product, so the sandbox folder is made here
    chmodSync(tempRoot, 0o755);
    const { child, info, exited } = await hold({ kind: 'local', localIsolation: isolation, tempRoot }, BACKGROUND);
    const pids = [info.serverPid!, ...descendants(info.serverPid!)];
    expect(pids.length).toBeGreaterThan(1);
    expect(pids.every(pidAlive)).toBe(true);
    child.kill('SIGKILL');
    await exited;
    await waitFor(() => pids.every((p) => !pidAlive(p)), 15_000, `processes ${pids.join(',')} to exit`);
    // The dead parent could not remove its folder; the next factory on the same root does.
    expect(readdirSync(tempRoot)).toHaveLength(1);
    createRuntimeFactory({ logger: createRecordingLogger(), serverScript: serverScript(), tempRoot });
    expect(readdirSync(tempRoot)).toEqual([]);
  }

  it('local unisolated: the server and its shell exit', () => killedParentLeavesNothing('none'));

  it.skipIf(!bw.ok)(`local under ${bw.label}: the sandbox exits`, () => killedParentLeavesNothing('bwrap'));

  it.skipIf(!bw.ok)(`a warm ${bw.label} slot holding a session workspace: it is moved back afterwards`, async () => {
    const tempRoot = tempDir();
    chmodSync(tempRoot, 0o755);
    const workspace = tempDir();
    writeFileSync(path.join(workspace, 'keep-me.txt'), 'precious\n');
    const { child, info, exited } = await hold(
      { kind: 'local', localIsolation: 'bwrap', tempRoot, workspace, warm: true },
      ['echo made-in-sandbox > made.txt'],
    );
    expect(info.warmTaken).toBe(true);
    expect(lstatSync(workspace).isSymbolicLink()).toBe(true);
    child.kill('SIGKILL');
    await exited;
    const pids = [info.serverPid!, ...descendants(info.serverPid!)];
    await waitFor(() => pids.every((p) => !pidAlive(p)), 15_000, 'the sandbox to exit');
    createRuntimeFactory({ logger: createRecordingLogger(), serverScript: serverScript(), tempRoot });
    expect(lstatSync(workspace).isDirectory()).toBe(true);
    expect(readFileSync(path.join(workspace, 'keep-me.txt'), 'utf8')).toBe('precious\n');
    expect(readFileSync(path.join(workspace, 'made.txt'), 'utf8')).toBe('made-in-sandbox\n');
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it.skipIf(!dk.ok)(`${dk.label}: the container goes away`, async () => {
    const tempRoot = tempDir();
    const { child, info, exited } = await hold({ kind: 'docker', image: BOOKWORM_IMAGE, tempRoot }, BACKGROUND);
    const docker = await connectDocker();
    const container = docker.getContainer(info.containerName!);
    expect((await container.inspect()).State.Running).toBe(true);
    child.kill('SIGKILL');
    await exited;
    await waitFor(
      () =>
        container.inspect().then(
          () => false,
          (err: { statusCode?: number }) => err.statusCode === 404,
        ),
      20_000,
      `container ${info.containerName} to be removed`,
    );
    expect(readdirSync(tempRoot)).toHaveLength(1);
    createRuntimeFactory({ logger: createRecordingLogger(), serverScript: serverScript(), tempRoot });
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});
