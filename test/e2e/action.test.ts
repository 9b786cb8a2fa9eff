// End to end: `node dist/index.js` started exactly as the Actions runner starts it, from a real
// `issues.labeled` webhook payload to a draft PR in the fake GitHub, with the scripted model.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, type ExpectStatic } from 'vitest';
import { runAction, runPost } from '../helpers/action-runner.js';
import {
  FIXED_HELLO,
  githubEnv,
  ISSUE_TITLE,
  labeledPayload,
  LLM_KEY,
  OWNER,
  REPO,
  startWorld,
  type World,
} from './fixtures.js';

function dockerAvailable(): boolean {
  try {
    execFileSync('docker', ['image', 'inspect', 'openhands-sandbox:bookworm'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

const runtimes: { name: string; inputs: Record<string, string>; available: boolean }[] = [
  { name: 'local', inputs: { runtime: 'local' }, available: true },
  {
    name: 'docker',
    inputs: { runtime: 'docker', 'base-container-image': 'openhands-sandbox:bookworm', 'sandbox-network': 'none' },
    available: dockerAvailable(),
  },
];

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

function llmInputs(w: World): Record<string, string> {
  return { 'llm-model': 'openai/gpt-4o', 'llm-api-key': LLM_KEY, 'llm-base-url': w.llm.baseUrl };
}

// The runs mostly wait on the GitHub write spacing, so the runtimes run side by side, each in its own world.
describe.concurrent.each(runtimes)('action on the $name runtime', ({ inputs, available }) => {
  // DESIGN.md §8.16: in CI a missing Docker engine fails the test; elsewhere it is reported as skipped.
  const maybe = available || process.env.CI ? it : it.skip;

  maybe(
    'turns a fix-me label into a draft PR with the right branch, title, body, commit and comments',
    async ({ expect }) => {
      const own = await startWorld();
      try {
        await labelToDraftPr(own, inputs, expect);
      } finally {
        await own.close();
      }
    },
  );
});

async function labelToDraftPr(world: World, inputs: Record<string, string>, expect: ExpectStatic): Promise<void> {
  const { fake, llm, issueNumber } = world;
  const run = await runAction({
    eventName: 'issues',
    payload: labeledPayload(world),
    repository: `${OWNER}/${REPO}`,
    inputs: { 'github-token': fake.token, ...llmInputs(world), ...inputs },
    env: githubEnv(fake),
    timeoutMs: 180_000,
  });
  // `::add-mask::` lines are how the runner learns what to mask; nothing else may carry the token.
  const logged = (run.stdout + run.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
  expect(logged.join('\n')).not.toContain(fake.token);
  expect(run.code, run.stdout + run.stderr).toBe(0);

  // Outputs, as the runner reads them from GITHUB_OUTPUT.
  const branch = `openhands-fix-issue-${issueNumber}`;
  expect(run.outputs).toMatchObject({ success: 'true', conclusion: 'success', branch });
  const pr = fake.state.pulls.find((p) => p.headRef === branch);
  expect(pr).toBeDefined();
  expect(run.outputs['pr-url']).toBe(`${fake.serverUrl}/${OWNER}/${REPO}/pull/${pr?.number}`);
  expect(run.outputs['pr-number']).toBe(String(pr?.number));
  expect(Number(run.outputs.iterations)).toBeGreaterThanOrEqual(3);

  // The PR: draft, title, body, base, and the commit on its branch.
  expect(pr).toMatchObject({
    draft: true,
    baseRef: 'main',
    title: `Fix issue #${issueNumber}: ${ISSUE_TITLE}`,
    state: 'open',
  });
  expect(pr?.body?.startsWith(`This pull request fixes #${issueNumber}.`)).toBe(true);
  const log = await fake.gitLog(OWNER, REPO, branch);
  expect(log[0]?.subject).toBe(`Fix issue #${issueNumber}: ${ISSUE_TITLE}`);
  expect(await fake.readFile(OWNER, REPO, branch, 'hello.py')).toBe(FIXED_HELLO);
  expect(await fake.readFile(OWNER, REPO, 'main', 'hello.py')).not.toBe(FIXED_HELLO);

  // Eyes on the issue, a progress comment and one final comment linking the PR.
  expect(fake.state.reactions.some((r) => r.content === 'eyes')).toBe(true);
  const comments = fake.state.comments.filter((c) => c.issueNumber === issueNumber);
  expect(comments).toHaveLength(2);
  expect(comments.some((c) => c.body.includes(`/pull/${pr?.number}`))).toBe(true);

  // The sandbox never saw the GitHub token, the LLM key, or any INPUT_/ACTIONS_ variable:
  // the model's request after `env` carries the observation of that command.
  const afterEnv = llm.requests[2]?.rawBody ?? '';
  expect(afterEnv).toContain('PATH=');
  for (const secret of [fake.token, LLM_KEY, 'INPUT_', 'ACTIONS_']) expect(afterEnv).not.toContain(secret);
  expect(llm.requests.every((r) => r.headers.authorization === `Bearer ${LLM_KEY}`)).toBe(true);

  // The token went to git only as a header, never in a URL.
  expect(fake.git.requests.length).toBeGreaterThan(0);
  expect(fake.git.requests.every((r) => r.path.includes(fake.token) === false)).toBe(true);

  // output.jsonl: one compact record with every reference field, in order.
  const outputFile = run.outputs['output-file'] ?? '';
  const lines = readFileSync(outputFile, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(1);
  const record = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
  expect(Object.keys(record).slice(0, 11)).toEqual([
    'issue',
    'issue_type',
    'instruction',
    'base_commit',
    'git_patch',
    'history',
    'metrics',
    'success',
    'comment_success',
    'result_explanation',
    'error',
  ]);
  expect(lines[0]).toContain('"success":true');
  expect(record.git_patch).toContain('+    return f"Hello, {name}!"');
  expect(JSON.stringify(record)).not.toContain(fake.token);
  expect(existsSync(path.join(path.dirname(outputFile), 'patches', `issue_${issueNumber}.patch`))).toBe(true);

  // The job summary reports the outcome and the numbers.
  expect(run.summary).toContain('success');
  expect(run.summary).toContain(run.outputs['pr-url'] ?? 'missing');

  // Every request the product made is one GitHub documents, with a valid body.
  expect(fake.validationErrors).toEqual([]);

  // The post step has nothing to redo: no second record, no error comment.
  const post = await runPost(run);
  expect(post.code).toBe(0);
  expect(readFileSync(outputFile, 'utf8').trim().split('\n')).toHaveLength(1);
  expect(fake.state.comments.filter((c) => c.issueNumber === issueNumber)).toHaveLength(2);
}

describe('action: events that are not for us', () => {
  it('ignores another label: exit 0, conclusion skipped, not one GitHub or model request', async () => {
    world = await startWorld();
    const run = await runAction({
      eventName: 'issues',
      payload: labeledPayload(world, 'bug'),
      repository: `${OWNER}/${REPO}`,
      inputs: { 'github-token': world.fake.token, ...llmInputs(world) },
      env: githubEnv(world.fake),
    });
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe('skipped');
    expect(world.fake.requests).toEqual([]);
    expect(world.llm.requests).toEqual([]);
  });

  it('denies a sender with read permission: no model call, no write', async () => {
    world = await startWorld();
    world.fake.addUser('reader-rob');
    world.fake.setPermission(OWNER, REPO, 'reader-rob', 'read');
    const run = await runAction({
      eventName: 'issues',
      payload: labeledPayload(world, 'fix-me', 'reader-rob'),
      repository: `${OWNER}/${REPO}`,
      inputs: { 'github-token': world.fake.token, ...llmInputs(world) },
      env: githubEnv(world.fake),
    });
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe('denied');
    expect(world.llm.requests).toEqual([]);
    expect(world.fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(world.fake.state.comments).toEqual([]);
  });

  it('fails with a clear error when the payload is not JSON', async () => {
    world = await startWorld();
    const run = await runAction({
      eventName: 'issues',
      payload: 'ignored',
      repository: `${OWNER}/${REPO}`,
      inputs: { 'github-token': world.fake.token, ...llmInputs(world) },
      env: { ...githubEnv(world.fake), GITHUB_EVENT_PATH: '/nonexistent/event.json' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::Cannot read the event payload at GITHUB_EVENT_PATH');
    expect(world.fake.requests).toEqual([]);
  });

  it('fails before any write when the model key is missing on a real trigger', async () => {
    world = await startWorld();
    const run = await runAction({
      eventName: 'issues',
      payload: labeledPayload(world),
      repository: `${OWNER}/${REPO}`,
      inputs: { 'github-token': world.fake.token, 'llm-model': 'openai/gpt-4o', 'llm-base-url': world.llm.baseUrl },
      env: githubEnv(world.fake),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('llm-api-key is empty');
    expect(world.fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
