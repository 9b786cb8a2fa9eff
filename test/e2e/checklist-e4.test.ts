// security.md §10 E4: the job is cancelled mid-run. The bundled dist/index.js is started as the runner starts
// it and gets SIGTERM (what the runner sends on cancel) while the agent is at work — the moment is the model's
// second request, not a timer. Then the post step runs. Required: the record is written, the patch kept, the
// status comment updated to a final state, the sandbox and its processes gone, the git auth file deleted, and
// no half-pushed state (no branch, no PR).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toolCall } from '../../src/testing/scripted-llm.js';
import { parseCommandFile, runPost, type ActionRun } from '../helpers/action-runner.js';
import { distFile, NODE } from '../helpers/dist.js';
import { githubEnv, labeledPayload, OWNER, REPO, startWorld, type World } from './fixtures.js';
import { inputEnv, llmInputs } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f));
}

/** Pids whose command line names the folder (the sandbox server and bwrap do: the workspace lives there). */
function processesMentioning(folder: string): string[] {
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

describe('E4: the job is cancelled mid-run', () => {
  it('SIGTERM while the agent works: record and patch kept, comment final, sandbox gone, auth file deleted, nothing pushed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-e4-'));
    const runnerTemp = path.join(dir, 'runner-temp');
    mkdirSync(runnerTemp);
    // A root product's sandbox runs as an unprivileged uid: its folder goes under RUNNER_TEMP only when that uid
    // can reach it (as on a runner), so the check below can find the sandbox by this folder's name.
    chmodSync(dir, 0o711);
    chmodSync(runnerTemp, 0o711);
    let child: ReturnType<typeof spawn> | null = null;
    let signalled = false;
    let sandboxSeen = false;
    world = await startWorld([
      toolCall('execute_bash', { command: 'echo partial work > partial.txt && cat partial.txt' }),
      // The model's second request: the agent is at work. Cancel now, and hand it a long command to be cut.
      () => {
        // The check below is live: while the agent works, its sandbox's processes name the run's folder.
        sandboxSeen = processesMentioning(runnerTemp).length > 0;
        signalled = child?.kill('SIGTERM') ?? false;
        return toolCall('execute_bash', { command: 'sleep 120 & sleep 120; echo never' });
      },
    ]);
    const files = {
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
      GITHUB_STATE: path.join(dir, 'state'),
      GITHUB_ENV: path.join(dir, 'env'),
      GITHUB_PATH: path.join(dir, 'path'),
    };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const eventPath = path.join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(labeledPayload(world)));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dir,
      GIT_TERMINAL_PROMPT: '0',
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: 'issues',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_RUN_ID: '4004',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTOR: 'octocat',
      RUNNER_TEMP: runnerTemp,
      LLM_NUM_RETRIES: '0',
      ...files,
      ...githubEnv(world.fake),
      ...inputEnv({ 'github-token': world.fake.token, ...llmInputs(world), runtime: 'local' }),
    };
    let stdout = '';
    let stderr = '';
    const proc = spawn(NODE, [distFile('index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const code = await new Promise<number | null>((resolve) => proc.once('exit', (c) => resolve(c)));
    expect(signalled, stdout + stderr).toBe(true);
    expect(sandboxSeen).toBe(true);
    expect(stdout).toContain('Received SIGTERM: stopping the agent and saving what was done.');
    // The long command was cut: the model was never asked again and the step ended on its own.
    expect(world.llm.requests).toHaveLength(2);
    expect(code, stdout + stderr).toBe(1);

    // The record says cancelled and keeps the patch.
    const outputs = parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
    expect(outputs.conclusion).toBe('error');
    const outputFile = path.join(runnerTemp, 'openhands', 'output', 'output.jsonl');
    const lines = readFileSync(outputFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? '{}') as { error?: string; git_patch?: string; success?: boolean };
    expect(record.error).toBe('cancelled');
    expect(record.success).toBe(false);
    expect(record.git_patch).toContain('+partial work');

    // No half-pushed state: nothing pushed, no PR.
    expect(world.fake.git.pushes).toEqual([]);
    expect(world.fake.state.pulls).toEqual([]);
    // The progress comment is in a final state and the error comment says the run was cancelled.
    const ours = world.fake.state.comments.filter((c) => c.body.includes('openhands-resolver:'));
    const progress = ours.find((c) => c.body.includes('openhands-resolver:start'));
    expect(progress?.body).toContain('Finished');
    expect(ours.some((c) => /cancelled/i.test(c.body) && !c.body.includes('openhands-resolver:start'))).toBe(true);
    // The git auth include file is gone, and no sandbox process outlived the step.
    expect(filesUnder(runnerTemp).filter((f) => /git-auth-.*\.cfg$/.test(f))).toEqual([]);
    expect(processesMentioning(runnerTemp)).toEqual([]);

    // The post step finds the record written: no second record, no second error comment.
    const main: ActionRun = {
      code: code ?? 1,
      stdout,
      stderr,
      outputs,
      state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      dir,
      env,
    };
    const commentsBefore = world.fake.state.comments.length;
    const post = await runPost(main);
    expect(post.code, post.stdout + post.stderr).toBe(0);
    expect(readFileSync(outputFile, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(world.fake.state.comments.length).toBe(commentsBefore);
  });
});
