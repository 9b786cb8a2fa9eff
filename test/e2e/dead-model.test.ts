// A run that could not work at all (resolver.md §4.1, record error_code): a model that rejects the key ends
// as a failed step with the error comment, not as "no changes"; nothing is pushed or opened.
import { afterEach, describe, expect, it } from 'vitest';
import { httpError } from '../../src/testing/scripted-llm.js';
import { runAction } from '../helpers/action-runner.js';
import { githubEnv, labeledPayload, OWNER, REPO, startWorld, type World } from './fixtures.js';
import { llmInputs, runJobInProcess } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  expect(world?.fake.validationErrors ?? []).toEqual([]);
  await world?.close();
  world = null;
});

/** What the OpenAI API answers to a wrong key. */
const rejectedKey = () =>
  httpError(401, {
    error: {
      message: 'Incorrect API key provided: sk-wrong***. You can find your API key at the provider.',
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    },
  });

const ours = (w: World, kind?: string) =>
  w.fake.state.comments.filter((c) => c.body.includes(`openhands-resolver:${kind ?? ''}`));

describe('a model that cannot be used', () => {
  it('a 401 from the model: conclusion error, the error comment with the record error, nothing sent', async () => {
    // Every request is refused, as a wrong key is; the wrap-up and judge steps never get an answer either.
    world = await startWorld([rejectedKey(), rejectedKey(), rejectedKey(), rejectedKey()]);
    const { fake } = world;
    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    const record = run.outcome.record;
    expect(record?.error_code, run.log).toBe('llm-auth');
    expect(record?.error).toBeTruthy();

    expect(run.outcome.conclusion).toBe('error');
    expect(run.outcome.success).toBe(false);
    expect(run.outcome.reason).toBe(record?.error);
    // The record and its file are still reported (the artifact is uploaded from them).
    expect(run.outcome.outputFile).toBeTruthy();

    // Nothing was sent.
    expect(fake.git.pushes).toEqual([]);
    expect(fake.state.pulls).toEqual([]);
    expect((await fake.branches(OWNER, REPO)).map((b) => b.name)).toEqual(['main']);
    expect(run.log).not.toContain('No changes to commit');

    // One final comment: the error, carrying the record's error text; no "no code changes".
    const finals = ours(world).filter((c) => !c.body.includes('openhands-resolver:start'));
    expect(finals).toHaveLength(1);
    expect(finals[0]?.body).toContain('openhands-resolver:error');
    expect(finals[0]?.body).toContain('Something went wrong');
    expect(finals[0]?.body).toContain(record?.error ?? '(no error)');
    expect(finals[0]?.body).not.toContain('no code changes');
    const progress = ours(world, 'start')[0]?.body ?? '';
    expect(progress).toContain('❌ Finished: error');
    expect(progress).not.toContain('Push');
    expect(run.summary).toContain('| Outcome | error `');
  });

  it('a wrong key through the bundled action: the step fails (exit 1) with conclusion=error', async () => {
    world = await startWorld([]);
    const { fake } = world;
    const wrongKey = 'sk-wrong-key-for-this-test-000000000000';
    const run = await runAction({
      eventName: 'issues',
      payload: labeledPayload(world),
      repository: `${OWNER}/${REPO}`,
      inputs: { 'github-token': fake.token, ...llmInputs(world), 'llm-api-key': wrongKey, runtime: 'local' },
      // One attempt: a rejected key is not retried anyway, and the test stays fast if that ever changes.
      env: { ...githubEnv(fake), LLM_NUM_RETRIES: '0' },
      timeoutMs: 120_000,
    });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs).toMatchObject({ conclusion: 'error', success: 'false', 'pr-url': '' });
    expect(run.stdout).toMatch(/^::error::.+/m);
    // `::add-mask::` lines are how the runner learns what to mask; nothing else may carry the key.
    const logged = (run.stdout + run.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(logged.join('\n')).not.toContain(wrongKey);
    // The step fails once, with the model's error (not a second annotation of the same text).
    const errors = logged.filter((l) => l.startsWith('::error::'));
    expect(errors.at(-1)).toMatch(/HTTP 401/);
    expect(new Set(errors).size).toBe(errors.length);
    // The scripted model saw the wrong key and answered 401 (it checks the key itself).
    expect(world.llm.requests.length).toBeGreaterThan(0);
    expect(fake.git.pushes).toEqual([]);
    const finals = ours(world).filter((c) => !c.body.includes('openhands-resolver:start'));
    expect(finals.map((c) => /openhands-resolver:([a-z-]+)/.exec(c.body)?.[1])).toEqual(['error']);
  });
});
