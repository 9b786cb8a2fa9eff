// Issue 5 point 4, end to end (resolver.md §12): every send mode from a real trigger through runJob in
// process: ready PR, branch only, target branch valid and missing, reviewer rules, fork-owner, commit
// identity and Co-authored-by, idempotent re-runs, send-on-failure, no changes, and a patch with a rename
// plus edit, a deletion and a binary file arriving intact in the pushed branch.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { text, toolCall, type LlmStep } from '../../src/testing/scripted-llm.js';
import {
  commentPayload,
  FIXED_HELLO,
  fixingScript,
  ISSUE_TITLE,
  labeledPayload,
  MAINTAINER,
  OWNER,
  REPO,
  startWorld,
  type World,
} from './fixtures.js';
import { runJobInProcess } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  expect(world?.fake.validationErrors ?? []).toEqual([]);
  await world?.close();
  world = null;
});

const MACRO = '@openhands-agent';
const BRANCH = 'openhands-fix-issue-1';

const ours = (w: World, kind?: string) =>
  w.fake.state.comments.filter((c) => c.body.includes(`openhands-resolver:${kind ?? ''}`));

function judged(success: boolean, explanation: string): LlmStep {
  return text(`--- success\n${success}\n\n--- explanation\n${explanation}`);
}

/** A model that fixes hello.py but is judged unsuccessful. */
function failingScript(): LlmStep[] {
  return [...fixingScript().slice(0, -1), judged(false, 'The tests still fail on Windows line endings.')];
}

/** A model that changes nothing. */
function idleScript(): LlmStep[] {
  return [
    toolCall('execute_bash', { command: 'cat hello.py' }),
    toolCall('finish', { message: 'I could not find anything to change.' }),
    judged(false, 'No change was needed or possible.'),
  ];
}

const pushedRefs = (w: World) => w.fake.git.pushes.map((p) => p.ref);

describe('pull request types', () => {
  it('ready: a non-draft PR, the trigger user asked to review, commit by the configured identity with a co-author trailer', async () => {
    world = await startWorld();
    const { fake } = world;
    const run = await runJobInProcess(world, {
      eventName: 'issue_comment',
      payload: commentPayload(world, { body: `${MACRO} fix it` }),
      inputs: { 'pr-type': 'ready', 'git-user-name': 'Resolver Bot', 'git-user-email': 'resolver@example.com' },
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    const pr = fake.state.pulls[0];
    expect(pr).toMatchObject({ draft: false, headRef: BRANCH, baseRef: 'main', requestedReviewers: [MAINTAINER] });
    expect(run.log).toContain(`ready created: ${run.outcome.prUrl}`);

    const [commit] = await fake.gitLog(OWNER, REPO, BRANCH);
    const maintainer = fake.state.users.find((u) => u.login === MAINTAINER);
    // The hostname without the fake's port: an e-mail domain has no port.
    const host = new URL(fake.serverUrl).hostname;
    expect(host).toBe('127.0.0.1');
    // The subject is unchanged; a blank line, then the trailer crediting the triggering user.
    expect(commit?.message).toBe(
      `Fix issue #1: ${ISSUE_TITLE}\n\nCo-authored-by: ${MAINTAINER} <${maintainer?.id}+${MAINTAINER}@users.noreply.${host}>`,
    );
    expect(commit).toMatchObject({
      authorName: 'Resolver Bot',
      authorEmail: 'resolver@example.com',
      committerName: 'Resolver Bot',
      committerEmail: 'resolver@example.com',
    });
    const final = ours(world, 'success');
    expect(final).toHaveLength(1);
    expect(final[0]?.body).toContain(`pull request #${pr?.number} was opened`);
    expect(final[0]?.body).not.toContain('draft');
  });

  it('branch: the branch is pushed and linked, no PR and no reviewer', async () => {
    world = await startWorld();
    const run = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world),
      inputs: { 'pr-type': 'branch' },
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    const compare = `${world.fake.serverUrl}/${OWNER}/${REPO}/compare/${BRANCH}?expand=1`;
    expect(run.outcome).toMatchObject({ prUrl: compare, prNumber: null, branch: BRANCH });
    expect(world.fake.state.pulls).toEqual([]);
    expect(await world.fake.readFile(OWNER, REPO, BRANCH, 'hello.py')).toBe(FIXED_HELLO);
    expect(run.requests.filter((r) => r.apiPath.endsWith('/requested_reviewers'))).toEqual([]);
    expect(run.log).toContain(`branch created: ${compare}`);
    const final = ours(world, 'branch');
    expect(final).toHaveLength(1);
    expect(final[0]?.body).toContain(compare);
  });
});

describe('target branch', () => {
  it('an existing target branch: the agent works from it and the PR targets it', async () => {
    world = await startWorld();
    const { fake } = world;
    const developSha = await fake.pushFiles(OWNER, REPO, {
      branch: 'develop',
      files: { 'DEVELOP.md': 'only on develop\n' },
      message: 'Start develop',
    });
    const run = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world),
      inputs: { 'target-branch': 'develop' },
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    expect(run.outcome.record?.base_commit).toBe(developSha);
    expect(fake.state.pulls[0]?.baseRef).toBe('develop');
    const log = await fake.gitLog(OWNER, REPO, BRANCH);
    expect(log[0]?.parents).toEqual([developSha]);
    expect(await fake.readFile(OWNER, REPO, BRANCH, 'DEVELOP.md')).toBe('only on develop\n');
  });

  it('a missing target branch: a clear error before any model call, and the error comment says so', async () => {
    world = await startWorld();
    const run = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world),
      inputs: { 'target-branch': 'no-such-branch' },
    });
    expect(run.outcome.conclusion).toBe('error');
    expect(run.outcome.reason).toContain('Target branch no-such-branch does not exist');
    expect(world.llm.requests).toEqual([]);
    expect(world.fake.git.pushes).toEqual([]);
    const error = ours(world, 'error');
    expect(error).toHaveLength(1);
    expect(error[0]?.body).toContain('Target branch no-such-branch does not exist');
  });
});

describe('reviewer', () => {
  const cases: { name: string; reviewer: string; expected: string[]; requests: number; warns?: RegExp }[] = [
    { name: 'an explicit reviewer', reviewer: 'rev-rita', expected: ['rev-rita'], requests: 1 },
    // GitHub refuses non-collaborators with 422: a warning, never a failed run, and never retried.
    {
      name: 'a reviewer GitHub refuses only warns',
      reviewer: 'outsider-otto',
      expected: [],
      requests: 1,
      warns: /Could not request a review from outsider-otto: .*HTTP 422/,
    },
    { name: 'a bot is never asked', reviewer: 'renovate[bot]', expected: [], requests: 0 },
    // The PR is opened by the token's identity; asking it to review its own PR is skipped.
    { name: 'the PR author is never asked', reviewer: 'resolver-pat', expected: [], requests: 0 },
  ];
  it.each(cases)('$name', async (c) => {
    world = await startWorld(fixingScript(), { actor: { login: 'resolver-pat', type: 'User' } });
    world.fake.addUser(c.reviewer, c.reviewer.endsWith('[bot]') ? 'Bot' : 'User');
    world.fake.setPermission(OWNER, REPO, 'rev-rita', 'write');
    const run = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world),
      inputs: { reviewer: c.reviewer },
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    expect(world.fake.state.pulls[0]?.requestedReviewers, run.log).toEqual(c.expected);
    expect(run.requests.filter((r) => r.apiPath.endsWith('/requested_reviewers'))).toHaveLength(c.requests);
    // Said once, as a warning (the send step returns it; the job logs it).
    const warns = run.logger.lines.filter((l) => l.level === 'warn' && /request a review/.test(l.message));
    expect(warns.map((l) => l.message)).toEqual(c.warns ? [expect.stringMatching(c.warns)] : []);
  });
});

describe('fork-owner', () => {
  it('pushes the branch to the fork and opens the PR in the base repository from fork:branch', async () => {
    world = await startWorld();
    const { fake } = world;
    await fake.addRepo({ owner: 'forker', repo: REPO, forkOf: `${OWNER}/${REPO}` });
    // fork-owner needs a token that may push to the fork (the fake refuses pushes to forks otherwise).
    fake.setPermission('forker', REPO, fake.actor.login, 'write');
    const run = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world),
      inputs: { 'fork-owner': 'forker' },
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    const pr = fake.state.pulls[0];
    expect(pr).toMatchObject({ repo: `${OWNER}/${REPO}`, headRepo: `forker/${REPO}`, headRef: BRANCH });
    expect(await fake.readFile('forker', REPO, BRANCH, 'hello.py')).toBe(FIXED_HELLO);
    expect(await fake.resolveRef(OWNER, REPO, `refs/heads/${BRANCH}`)).toBeNull();
    expect(pr?.body).toContain(`The branch lives in the fork forker/${REPO}.`);
  });
});

describe('idempotent re-runs', () => {
  it('the same issue twice leaves one open PR whose branch carries the newest attempt; "Re-run job" changes nothing', async () => {
    world = await startWorld();
    const { fake, llm } = world;
    const first = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world),
      env: { GITHUB_RUN_ID: '5001' },
    });
    expect(first.outcome.conclusion, first.log).toBe('success');
    const tip1 = await fake.resolveRef(OWNER, REPO, `refs/heads/${BRANCH}`);

    // "Re-run job" of the same run after it delivered: the same end state, no model call, no write.
    const llmCalls = llm.requests.length;
    const rerun = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world),
      env: { GITHUB_RUN_ID: '5001', GITHUB_RUN_ATTEMPT: '2' },
    });
    expect(rerun.outcome.conclusion, rerun.log).toBe('skipped');
    expect(rerun.log).toContain('Nothing to do: run 5001 already delivered its result (its success comment)');
    expect(rerun.writes).toEqual([]);
    expect(llm.requests.length).toBe(llmCalls);
    expect(ours(world)).toHaveLength(2);

    // The label applied again: a new run with a different fix.
    const BETTER = 'def greet(name):\n    return "Hello, " + name + "!"\n';
    llm.push(
      toolCall('execute_bash', { command: `printf '%s' '${BETTER}' > hello.py` }),
      toolCall('finish', { message: 'Concatenation instead of an f-string.' }),
      judged(true, 'greet() concatenates the name.'),
    );
    const second = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world),
      env: { GITHUB_RUN_ID: '5002' },
    });
    expect(second.outcome.conclusion, second.log).toBe('success');

    const open = fake.state.pulls.filter((p) => p.state === 'open');
    expect(open).toHaveLength(1);
    expect(second.outcome.prNumber).toBe(first.outcome.prNumber);
    expect(second.outcome.branch).toBe(BRANCH);
    expect(await fake.resolveRef(OWNER, REPO, `refs/heads/${BRANCH}`)).not.toBe(tip1);
    expect(await fake.readFile(OWNER, REPO, BRANCH, 'hello.py')).toBe(BETTER);
    // One commit on top of main: the branch was replaced (with a lease), not stacked.
    expect((await fake.gitLog(OWNER, REPO, BRANCH)).length).toBe((await fake.gitLog(OWNER, REPO, 'main')).length + 1);
    expect((await fake.branches(OWNER, REPO)).map((x) => x.name).sort()).toEqual(['main', BRANCH]);
    expect(second.log).toContain(`Updated pull request ${second.outcome.prUrl} with new patches.`);
    const finals = ours(world, 'success');
    expect(finals).toHaveLength(2);
    expect(finals[1]?.body).toContain('was updated');
  });
});

describe('failures and empty results', () => {
  it('"Re-run job" after a failure tries again and turns the same comments into the success', async () => {
    world = await startWorld(failingScript());
    const first = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world),
      env: { GITHUB_RUN_ID: '6001' },
    });
    expect(first.outcome.conclusion, first.log).toBe('failure');
    world.llm.push(...fixingScript());
    const again = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world),
      env: { GITHUB_RUN_ID: '6001', GITHUB_RUN_ATTEMPT: '2' },
    });
    expect(again.outcome.conclusion, again.log).toBe('success');
    const mine = ours(world);
    expect(mine).toHaveLength(2);
    expect(mine[1]?.body).toContain('openhands-resolver:success run=6001');
    expect(mine[1]?.body).not.toContain('did not succeed');
    expect(world.fake.state.pulls).toHaveLength(1);
  });

  it('send-on-failure (default): the attempt is pushed to a branch and the failure comment links it', async () => {
    world = await startWorld(failingScript());
    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    expect(run.outcome.conclusion, run.log).toBe('failure');
    expect(run.outcome.success).toBe(false);
    expect(world.fake.state.pulls).toEqual([]);
    expect(await world.fake.readFile(OWNER, REPO, BRANCH, 'hello.py')).toBe(FIXED_HELLO);
    const failure = ours(world, 'failure');
    expect(failure).toHaveLength(1);
    expect(failure[0]?.body).toContain(`[\`${BRANCH}\`](${world.fake.serverUrl}/${OWNER}/${REPO}/tree/${BRANCH})`);
    expect(failure[0]?.body).toContain('The tests still fail on Windows line endings.');
  });

  it('send-on-failure false: nothing is pushed; the failure comment points at the artifact', async () => {
    world = await startWorld(failingScript());
    const run = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world),
      inputs: { 'send-on-failure': 'false' },
    });
    expect(run.outcome.conclusion, run.log).toBe('failure');
    expect(world.fake.git.pushes).toEqual([]);
    const failure = ours(world, 'failure');
    expect(failure).toHaveLength(1);
    expect(failure[0]?.body).toContain('resolver-output');
  });

  it('no changes: exactly one explanatory comment, no branch, no PR', async () => {
    world = await startWorld(idleScript());
    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    expect(run.outcome.conclusion, run.log).toBe('no-changes');
    expect(world.fake.state.pulls).toEqual([]);
    expect(world.fake.git.pushes).toEqual([]);
    expect((await world.fake.branches(OWNER, REPO)).map((b) => b.name)).toEqual(['main']);
    const finals = ours(world).filter((c) => !c.body.includes('openhands-resolver:start'));
    expect(finals).toHaveLength(1);
    expect(finals[0]?.body).toContain('The run produced no code changes');
    expect(finals[0]?.body).toContain('No change was needed or possible.');
    expect(run.log).toContain('No changes to commit for issue #1. Skipping commit.');
    // Nothing was pushed, and the progress comment says so.
    const progress = ours(world, 'start')[0]?.body ?? '';
    expect(progress).toContain('- ⏭️ Push: nothing to push');
    expect(progress).not.toContain('✅ Push');
  });
});

describe('what the patch carries', () => {
  it('a rename with edits, a deletion and a binary file all arrive in the pushed branch', async () => {
    const guide = Array.from({ length: 20 }, (_, i) => `Step ${i + 1}: do the thing number ${i + 1}.`).join('\n');
    const pngBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]);
    const printfPng = [...pngBytes].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
    world = await startWorld([
      toolCall('execute_bash', {
        command:
          'mkdir -p docs && mv GUIDE.md docs/guide.md && sed -i "s/Step 3: do the thing number 3./Step 3: do it well./" docs/guide.md',
      }),
      toolCall('execute_bash', { command: 'rm test_hello.py' }),
      toolCall('execute_bash', { command: `printf '${printfPng}' > logo.png && ls -l logo.png` }),
      ...fixingScript().slice(2),
    ]);
    const { fake } = world;
    await fake.pushFiles(OWNER, REPO, { branch: 'main', files: { 'GUIDE.md': `${guide}\n` }, message: 'Add guide' });

    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    expect(run.outcome.conclusion, run.log).toBe('success');
    const patch = run.outcome.record?.git_patch ?? '';
    expect(patch).toContain('rename from GUIDE.md');
    expect(patch).toContain('rename to docs/guide.md');
    expect(patch).toContain('deleted file mode');
    expect(patch).toContain('GIT binary patch');

    const files = await fake.listFiles(OWNER, REPO, BRANCH);
    expect(files).toContain('docs/guide.md');
    expect(files).toContain('logo.png');
    expect(files).not.toContain('GUIDE.md');
    expect(files).not.toContain('test_hello.py');
    expect(await fake.readFile(OWNER, REPO, BRANCH, 'docs/guide.md')).toBe(
      `${guide.replace('Step 3: do the thing number 3.', 'Step 3: do it well.')}\n`,
    );
    expect(await fake.readFile(OWNER, REPO, BRANCH, 'hello.py')).toBe(FIXED_HELLO);
    const repoDir = fake.state.repos.find((r) => r.fullName === `${OWNER}/${REPO}`)?.dir ?? '';
    const blob = execFileSync('git', ['-C', repoDir, 'cat-file', 'blob', `${BRANCH}:logo.png`]);
    expect(Buffer.compare(blob, pngBytes)).toBe(0);
    expect(fake.state.pulls[0]?.body).not.toContain('could not be applied');
    expect(pushedRefs(world)).toContain(`refs/heads/${BRANCH}`);
  });
});
