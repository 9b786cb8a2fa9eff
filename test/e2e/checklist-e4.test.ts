// security.md §10 E4: the job is cancelled mid-run. The bundled dist/index.js is started as the runner starts
// it and gets SIGTERM (what the runner sends on cancel) while the agent is at work — the moment is the model's
// second request, not a timer. Then the post step runs. Required: the record is written, the patch kept, the
// status comment updated to a final state, the sandbox and its processes gone, the git auth file deleted, and
// no ambiguous half-pushed state: the work so far is on a whole branch (send-on-failure, security.md §9), no PR.
// test/e2e/lost.test.ts has the same for every phase and stop.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toolCall } from '../../src/testing/scripted-llm.js';
import { processesNaming, runPost, startAction, type StartedAction } from '../helpers/action-runner.js';
import { githubEnv, labeledPayload, OWNER, REPO, startWorld, type World } from './fixtures.js';
import { llmInputs } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

describe('E4: the job is cancelled mid-run', () => {
  it('SIGTERM while the agent works: record and patch kept, comment final, sandbox gone, auth file deleted, the work on a branch, no PR', async () => {
    let main: StartedAction | null = null;
    let signalled = false;
    let sandboxSeen = false;
    world = await startWorld([
      toolCall('execute_bash', { command: 'echo partial work > partial.txt && cat partial.txt' }),
      // The model's second request: the agent is at work. Cancel now, and hand it a long command to be cut.
      () => {
        // The check below is live: while the agent works, its sandbox's processes name the run's folder.
        sandboxSeen = main !== null && processesNaming(main.runnerTemp).length > 0;
        signalled = main?.child.kill('SIGTERM') ?? false;
        return toolCall('execute_bash', { command: 'sleep 120 & sleep 120; echo never' });
      },
    ]);
    main = startAction({
      eventName: 'issues',
      payload: labeledPayload(world),
      repository: `${OWNER}/${REPO}`,
      env: { ...githubEnv(world.fake), LLM_NUM_RETRIES: '0', GITHUB_RUN_ID: '4004' },
      inputs: { 'github-token': world.fake.token, ...llmInputs(world), runtime: 'local' },
    });
    const run = await main.done;
    const runnerTemp = main.runnerTemp;
    const log = run.stdout + run.stderr;
    expect(signalled, log).toBe(true);
    expect(sandboxSeen).toBe(true);
    expect(run.stdout).toContain('Received SIGTERM: stopping the agent and saving what was done.');
    // The long command was cut: the model was never asked again and the step ended on its own.
    expect(world.llm.requests).toHaveLength(2);
    expect(run.code, log).toBe(1);

    // The record says cancelled and keeps the patch.
    expect(run.outputs.conclusion).toBe('error');
    const outputFile = path.join(runnerTemp, 'openhands', 'output', 'output.jsonl');
    const lines = readFileSync(outputFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? '{}') as { error?: string; git_patch?: string; success?: boolean };
    expect(record.error).toBe('cancelled');
    expect(record.success).toBe(false);
    expect(record.git_patch).toContain('+partial work');

    // No half-pushed state: one whole branch with the work so far, no PR.
    expect(world.fake.git.pushes.map((p) => p.ref)).toEqual(['refs/heads/openhands-fix-issue-1']);
    expect(await world.fake.readFile(OWNER, REPO, 'openhands-fix-issue-1', 'partial.txt')).toBe('partial work\n');
    expect(world.fake.state.pulls).toEqual([]);
    // The progress comment is in a final state and the final comment says the run was cancelled, and where the
    // work is.
    const ours = world.fake.state.comments.filter((c) => c.body.includes('openhands-resolver:'));
    const progress = ours.find((c) => c.body.includes('openhands-resolver:start'));
    expect(progress?.body).toContain('Finished');
    const final = ours.find((c) => !c.body.includes('openhands-resolver:start'));
    expect(final?.body).toMatch(/cancelled/i);
    expect(final?.body).toContain('openhands-fix-issue-1');
    // The git auth include file is gone, and no sandbox process outlived the step.
    const files = readdirSync(runnerTemp, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => /git-auth-.*\.cfg$/.test(f))).toEqual([]);
    expect(processesNaming(runnerTemp)).toEqual([]);

    // The post step finds the record written: no second record, no second error comment.
    const commentsBefore = world.fake.state.comments.length;
    const post = await runPost(run);
    expect(post.code, post.stdout + post.stderr).toBe(0);
    expect(readFileSync(outputFile, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(world.fake.state.comments.length).toBe(commentsBefore);
  });
});
