// Runs the bundled action the way the Actions runner does (spec/testing.md §3): every action.yml input
// exported as INPUT_<NAME> with its default filled in, the command files pre-created, GITHUB_EVENT_PATH
// holding the payload, then `node dist/index.js` (and `node dist/post.js` with the saved state).
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { distFile, NODE } from './dist.js';

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
}

const actionYml = parse(readFileSync(path.join(import.meta.dirname, '../../action.yml'), 'utf8')) as ActionYml;

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  dir: string;
  env: Record<string, string>;
}

/** Parses the `name<<delimiter ... delimiter` file format @actions/core writes. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const [, name, delim] = m;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? '');
    out[name as string] = value.join('\n');
  }
  return out;
}

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    let value = inputs[name] ?? spec.default ?? '';
    // The runner evaluates expressions in defaults; the only one we use is the workflow token.
    if (value.includes('${{')) value = inputs[name] ?? '';
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const name of Object.keys(inputs)) {
    if (!(name in actionYml.inputs)) throw new Error(`action.yml has no input named ${name}`);
  }
  return env;
}

function run(
  script: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(NODE, [script], { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface RunActionOptions {
  eventName: string;
  payload: unknown;
  repository: string;
  inputs: Record<string, string>;
  /** GITHUB_API_URL etc. and anything else the step's environment holds. */
  env?: Record<string, string>;
  timeoutMs?: number;
  dir?: string;
}

/** A started main step: its process, what it printed so far, and its end (outputs, state, summary). */
export interface StartedAction {
  child: ChildProcessWithoutNullStreams;
  dir: string;
  env: Record<string, string>;
  /** RUNNER_TEMP of the step: the run's folders (output, sandboxes, git auth) are below it. */
  runnerTemp: string;
  stdout(): string;
  stderr(): string;
  done: Promise<ActionRun>;
}

/**
 * Starts `node [nodeArgs] dist/index.js` as the runner does and returns at once, for tests that act while it
 * runs (signals). `nodeArgs` go before the script (e.g. `--import` of a fixture).
 */
export function startAction(o: RunActionOptions & { nodeArgs?: string[] }): StartedAction {
  const dir = o.dir ?? mkdtempSync(path.join(os.tmpdir(), 'oh-action-'));
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  const runnerTemp = path.join(dir, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  // A root product's sandbox runs as an unprivileged uid: its folder goes under RUNNER_TEMP only when that uid can
  // reach it (as on a runner).
  chmodSync(dir, 0o711);
  chmodSync(runnerTemp, 0o711);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    GIT_TERMINAL_PROMPT: '0',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: o.repository,
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKSPACE: path.join(dir, 'workspace'),
    RUNNER_TEMP: runnerTemp,
    ...files,
    ...inputEnv(o.inputs),
    ...o.env,
  };
  const child = spawn(NODE, [...(o.nodeArgs ?? []), distFile('index.js')], { env, stdio: 'pipe' });
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
  const done = new Promise<ActionRun>((resolve) =>
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout,
        stderr,
        outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
        summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
        dir,
        env,
      });
    }),
  );
  return { child, dir, env, runnerTemp, stdout: () => stdout, stderr: () => stderr, done };
}

export function runAction(o: RunActionOptions): Promise<ActionRun> {
  return startAction(o).done;
}

/** Pids whose command line names `folder` (a run's sandboxes and git processes name its RUNNER_TEMP). */
export function processesNaming(folder: string): string[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(folder);
      } catch {
        return false;
      }
    });
}

/** The post step: node dist/post.js with every saved state as STATE_<name>. */
export async function runPost(
  main: ActionRun,
  timeoutMs = 60_000,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...main.env };
  for (const [k, v] of Object.entries(main.state)) env[`STATE_${k}`] = v;
  return run(distFile('post.js'), env, timeoutMs);
}
