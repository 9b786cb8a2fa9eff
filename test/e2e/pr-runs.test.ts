// PR runs end to end (resolver.md §12.5, issue 5 points 1 and 4-5): a review-comment run pushes to the PR
// branch, answers its thread and opens no PR (through the bundled dist/index.js); a label run answers each
// unresolved thread and resolves the ones judged fixed; a review run; a fork PR never puts anything into the
// base repository (the fork head when allowed, else a review with suggestions: docs/fork-prs.md); a head that
// moved after the trigger is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { marker } from '../../src/github/marker.js';
import { text, toolCall, type LlmStep } from '../../src/testing/scripted-llm.js';
import { runAction } from '../helpers/action-runner.js';
import {
  addPull,
  commentPayload,
  FIXED_HELLO,
  githubEnv,
  MAINTAINER,
  OWNER,
  pullLabeledPayload,
  REPO,
  reviewCommentPayload,
  reviewPayload,
  startWorld,
  type World,
} from './fixtures.js';
import { llmInputs, runJobInProcess } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  expect(world?.fake.validationErrors ?? []).toEqual([]);
  await world?.close();
  world = null;
});

const MACRO = '@openhands-agent';
const HEAD = 'feature/shout';
// The reference's header, then the model's explanation quoted (DESIGN.md §8.23).
const REPLY_HEADER = 'Openhands fix success summary\n\n\n```text\n';

/**
 * The model's answer to the PR-update overview request (resolver.md §12.5.3): a heading and the explanations it
 * was given, padded with blank lines the summary must trim.
 */
const overviewStep: LlmStep = (req) => {
  const prompt = String(req.body?.messages?.at(-1)?.content ?? '');
  const items = prompt.split('\n').filter((l) => l.startsWith('- '));
  return text(`\n  Overview: all feedback was addressed.\n${items.join('\n')}\n\n`);
};

/**
 * The agent fixes hello.py on the PR head; then one judgement per piece of feedback, and the overview of the
 * update when it is sent (only successful runs post one).
 */
function prScript(...judgements: [boolean, string][]): LlmStep[] {
  return [
    toolCall('execute_bash', { command: 'cat hello.py' }),
    toolCall('execute_bash', {
      command: `printf '%s' '${FIXED_HELLO.replace(/'/g, "'\\''")}' > hello.py && cat hello.py`,
    }),
    toolCall('finish', { message: 'greet() greets by name again.' }),
    ...judgements.map(([ok, why]) => text(`--- success\n${ok}\n\n--- explanation\n${why}`)),
    ...(judgements.every(([ok]) => ok) ? [overviewStep] : []),
  ];
}

const threadOf = (w: World, id: string) => w.fake.state.reviewThreads.find((t) => t.id === id);

describe('PR runs', () => {
  it('a review comment (bundled action): commit on the PR branch, the thread answered, no new PR', async () => {
    world = await startWorld(prScript([true, 'greet() uses the name it is given.']));
    const { fake } = world;
    const pull = await addPull(world);
    const headBefore = pull.headSha;
    // Another unresolved thread the comment does not point at: left alone.
    const other = fake.addReviewThread({
      owner: OWNER,
      repo: REPO,
      pull: pull.number,
      path: 'README.md',
      comments: [{ body: 'Typo in the title?', author: 'reviewer-rae' }],
    });
    const payload = reviewCommentPayload(world, pull, `${MACRO} please greet by name here`);
    const commentId = (payload.comment as { id: number }).id;
    const thread = fake.state.reviewThreads.find((t) => t.comments[0]?.id === commentId);
    if (!thread) throw new Error('no thread');

    const run = await runAction({
      eventName: 'pull_request_review_comment',
      payload,
      repository: `${OWNER}/${REPO}`,
      inputs: { 'github-token': fake.token, ...llmInputs(world), runtime: 'local' },
      env: githubEnv(fake),
      timeoutMs: 180_000,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ success: 'true', conclusion: 'success', branch: HEAD });
    expect(run.outputs['pr-number']).toBe(String(pull.number));

    // One new commit on the PR head, on top of the trigger-time head.
    const [head] = await fake.gitLog(OWNER, REPO, HEAD);
    expect(head?.parents).toEqual([headBefore]);
    expect(head?.subject).toBe(`Fix pr #${pull.number}: ${pull.title}`);
    expect(await fake.readFile(OWNER, REPO, HEAD, 'hello.py')).toBe(FIXED_HELLO);
    expect(run.stdout).toContain(
      `Updated pull request ${fake.serverUrl}/${OWNER}/${REPO}/pull/${pull.number} with new patches.`,
    );

    // No new PR, no new branch.
    expect(fake.state.pulls).toHaveLength(1);
    expect((await fake.branches(OWNER, REPO)).map((b) => b.name).sort()).toEqual([HEAD, 'main'].sort());

    // The thread got its answer; the other thread was not touched.
    expect(threadOf(world, thread.id)?.comments.at(-1)?.body).toBe(
      `${REPLY_HEADER}greet() uses the name it is given.\n\`\`\`\n\n${marker('thread-reply', '1001')}`,
    );
    expect(threadOf(world, other.id)?.comments).toHaveLength(1);
    // Eyes on the review comment; the summary comment on the PR is the run's one final comment.
    expect(fake.state.reactions).toEqual([
      expect.objectContaining({
        content: 'eyes',
        subject: expect.objectContaining({ type: 'review_comment', id: commentId }),
      }),
    ]);
    const mine = fake.state.comments.filter((c) => c.body.includes('<!-- openhands-resolver:'));
    expect(mine.map((c) => c.issueNumber)).toEqual([pull.number, pull.number]);
    expect(mine.filter((c) => c.body.includes('openhands-resolver:pr-update'))).toHaveLength(1);
    const progress = mine.find((c) => c.body.includes('openhands-resolver:start'));
    expect(progress?.body).toContain(`OpenHands started working on pull request #${pull.number}.`);
    expect(progress?.body).toContain('✅ Read the pull request');
    expect(progress?.body).not.toContain('Read the issue');
    expect(progress?.body).toContain('✅ Finished');
    // The summary is the model's trimmed overview (resolver.md §12.5.3), asked for with the explanations.
    const overviewRequest = world.llm.requests.at(-1)?.rawBody ?? '';
    expect(overviewRequest).toContain('whether all issues have been successfully resolved');
    expect(overviewRequest).toContain('- greet() uses the name it is given.');
    expect(mine.find((c) => c.body.includes('openhands-resolver:pr-update'))?.body).toBe(
      `OpenHands pushed an update to this pull request. Overview:\n\n\`\`\`text\nOverview: all feedback was addressed.\n- greet() uses the name it is given.\n\`\`\`\n\n${marker('pr-update', '1001')}`,
    );
    expect(world.llm.exhausted).toEqual([]);
    // The per-feedback checklist is logged on its own lines.
    expect(run.stdout).toContain('Feedback addressed:\n- [x] item 1\n');
  });

  /** Two unresolved threads on hello.py and README.md, and one resolved thread. */
  function threads(w: World, pull: number) {
    const add = (path: string, body: string, isResolved = false) =>
      w.fake.addReviewThread({
        owner: OWNER,
        repo: REPO,
        pull,
        path,
        isResolved,
        comments: [{ body, author: 'reviewer-rae', createdAt: '2020-01-01T00:00:00Z' }],
      });
    return [
      add('hello.py', 'greet() must use the name'),
      add('README.md', 'Document greet()'),
      add('README.md', 'Old, settled', true),
    ] as const;
  }

  it('a fix-me label on a PR: every unresolved thread answered and resolved (resolve-threads), no new PR', async () => {
    world = await startWorld(prScript([true, 'Now greets by name.'], [true, 'The README already documents it.']));
    const { fake } = world;
    const pull = await addPull(world);
    const [t1, t2, settled] = threads(world, pull.number);
    const run = await runJobInProcess(world, {
      eventName: 'pull_request',
      payload: pullLabeledPayload(world, pull),
      inputs: { 'resolve-threads': 'true' },
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    expect(run.outcome.record?.comment_success).toEqual([true, true]);
    expect(await fake.readFile(OWNER, REPO, HEAD, 'hello.py')).toBe(FIXED_HELLO);
    expect(threadOf(world, t1.id)?.comments.at(-1)?.body).toContain(`${REPLY_HEADER}Now greets by name.`);
    expect(threadOf(world, t2.id)?.comments.at(-1)?.body).toContain(`${REPLY_HEADER}The README already documents it.`);
    expect([threadOf(world, t1.id)?.isResolved, threadOf(world, t2.id)?.isResolved]).toEqual([true, true]);
    expect(threadOf(world, settled.id)?.comments).toHaveLength(1);
    expect(fake.state.pulls).toHaveLength(1);
    const summary = fake.state.comments.filter((c) => c.body.includes('openhands-resolver:pr-update'));
    expect(summary).toHaveLength(1);
    expect(summary[0]?.body).toContain('Now greets by name.');
  });

  it('a PR run judged only partly fixed: the PR branch is left alone, openhands-fix-pr-N holds the attempt', async () => {
    world = await startWorld(prScript([true, 'Now greets by name.'], [false, 'The README was not changed.']));
    const { fake } = world;
    const pull = await addPull(world);
    const [t1] = threads(world, pull.number);
    const run = await runJobInProcess(world, { eventName: 'pull_request', payload: pullLabeledPayload(world, pull) });
    expect(run.outcome.conclusion, run.log).toBe('failure');
    expect(await fake.resolveRef(OWNER, REPO, `refs/heads/${HEAD}`)).toBe(pull.headSha);
    const fallback = `openhands-fix-pr-${pull.number}`;
    expect(await fake.readFile(OWNER, REPO, fallback, 'hello.py')).toBe(FIXED_HELLO);
    expect(threadOf(world, t1.id)?.isResolved).toBe(false);
    const failure = fake.state.comments.filter((c) => c.body.includes('openhands-resolver:failure'));
    expect(failure).toHaveLength(1);
    expect(failure[0]?.body).toContain(`/tree/${fallback}`);
    // The per-feedback explanations as a checklist, not as raw JSON.
    expect(failure[0]?.body).toContain('- ✅ Now greets by name.\n- ❌ The README was not changed.');
  });

  it('a review with the macro: the review is the feedback; eyes via GraphQL on the review', async () => {
    world = await startWorld(prScript([true, 'Greets by name.']));
    const { fake } = world;
    const pull = await addPull(world);
    const payload = reviewPayload(world, pull, `${MACRO} greet() should use the name`);
    const run = await runJobInProcess(world, { eventName: 'pull_request_review', payload });
    expect(run.outcome.conclusion, run.log).toBe('success');
    expect(run.outcome.record?.issue.review_comments).toEqual([`${MACRO} greet() should use the name`]);
    expect(await fake.readFile(OWNER, REPO, HEAD, 'hello.py')).toBe(FIXED_HELLO);
    expect(fake.state.pulls).toHaveLength(1);
    expect(fake.state.reactions).toEqual([
      expect.objectContaining({ subject: { type: 'node', nodeId: (payload.review as { node_id: string }).node_id } }),
    ]);
  });

  /** Every ref of the base repository except the one GitHub mirrors from the PR head (refs/pull/N/head). */
  const baseRefs = async (w: World) => {
    const out: string[] = [];
    for (const b of await w.fake.branches(OWNER, REPO)) out.push(`${b.name} ${b.sha}`);
    return out.sort();
  };
  const EVIL = 'on: push\njobs:\n  leak:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$SECRET"\n';

  it('a fork PR (bundled action, installation token): no ref in the base repository, a review with a suggestion', async () => {
    world = await startWorld(prScript([true, 'Greets by name.']));
    const { fake } = world;
    await fake.addRepo({ owner: 'forker', repo: REPO, forkOf: `${OWNER}/${REPO}` });
    const pull = await addPull(world, {
      headRepo: `forker/${REPO}`,
      files: { '.github/workflows/leak.yml': EVIL },
      maintainerCanModify: true,
    });
    const forkHead = await fake.resolveRef('forker', REPO, HEAD);
    const before = await baseRefs(world);
    const run = await runAction({
      eventName: 'issue_comment',
      payload: commentPayload(world, { body: `${MACRO} please fix greet()`, pull }),
      repository: `${OWNER}/${REPO}`,
      inputs: { 'github-token': fake.token, ...llmInputs(world), runtime: 'local' },
      env: githubEnv(fake),
      timeoutMs: 180_000,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ success: 'true', conclusion: 'success' });
    // The installation token may not push to the fork: tried once, refused, nothing moved anywhere.
    expect(await fake.resolveRef('forker', REPO, HEAD)).toBe(forkHead);
    expect(fake.git.pushes).toEqual([]);
    expect(await baseRefs(world)).toEqual(before);
    for (const b of await fake.branches(OWNER, REPO)) {
      expect(await fake.readFile(OWNER, REPO, b.name, '.github/workflows/leak.yml')).toBeNull();
    }
    expect(fake.state.pulls).toHaveLength(1);
    // One review with one suggestion on hello.py line 2 that turns the PR's line into our fix.
    const reviews = fake.state.reviews.filter((r) => r.author === 'github-actions[bot]');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ state: 'COMMENTED', commitId: forkHead });
    expect(reviews[0]?.body).toContain(`patches/pr_${pull.number}.patch`);
    const comments = fake.state.reviewThreads.flatMap((t) => t.comments).filter((c) => c.reviewId === reviews[0]?.id);
    expect(comments.map((c) => ({ path: c.path, line: c.line, side: c.side, startLine: c.startLine }))).toEqual([
      { path: 'hello.py', line: 2, side: 'RIGHT', startLine: null },
    ]);
    expect(comments[0]?.body).toMatch(/^```suggestion\n {4}return f"Hello, \{name\}!"\n```\n/);
    const summary = fake.state.comments.find((c) => c.body.includes('openhands-resolver:pr-update'));
    expect(summary?.body).toMatch(/suggested in a review/);
  });

  it('a fork PR with maintainer_can_modify and a maintainer token: one commit on the fork head, none in the base', async () => {
    world = await startWorld(prScript([true, 'Greets by name.']), { actor: { login: 'maint-pat', type: 'User' } });
    const { fake } = world;
    await fake.addRepo({ owner: 'forker', repo: REPO, forkOf: `${OWNER}/${REPO}` });
    const pull = await addPull(world, {
      headRepo: `forker/${REPO}`,
      files: { '.github/workflows/leak.yml': EVIL },
      maintainerCanModify: true,
    });
    const forkHead = await fake.resolveRef('forker', REPO, HEAD);
    const before = await baseRefs(world);
    const run = await runJobInProcess(world, {
      eventName: 'pull_request_review_comment',
      payload: reviewCommentPayload(world, pull, `${MACRO} greet by name`),
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    const [head] = await fake.gitLog('forker', REPO, HEAD);
    expect(head?.parents).toEqual([forkHead]);
    expect(await fake.readFile('forker', REPO, HEAD, 'hello.py')).toBe(FIXED_HELLO);
    expect(fake.git.pushes.map((p) => [p.repo, p.ref])).toEqual([[`forker/${REPO}.git`, `refs/heads/${HEAD}`]]);
    expect(await baseRefs(world)).toEqual(before);
    expect(fake.state.reviews.filter((r) => r.author === 'maint-pat')).toEqual([]);
  });

  it('issue_comment on a fork PR: a head committed after the comment is refused, nothing delivered', async () => {
    world = await startWorld([]);
    const { fake } = world;
    await fake.addRepo({ owner: 'forker', repo: REPO, forkOf: `${OWNER}/${REPO}` });
    const pull = await addPull(world, { headRepo: `forker/${REPO}`, maintainerCanModify: true });
    // The maintainer commented ten minutes ago; the fork author pushed since (the workflow was queued).
    const commented = new Date(Date.now() - 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const payload = commentPayload(world, { body: `${MACRO} please fix greet()`, pull, createdAt: commented });
    await fake.pushFiles('forker', REPO, {
      branch: HEAD,
      files: { '.github/workflows/late.yml': EVIL },
      author: 'forker',
    });
    const before = await baseRefs(world);
    const run = await runJobInProcess(world, { eventName: 'issue_comment', payload });
    expect(run.outcome.success).toBe(false);
    expect(world.llm.requests).toEqual([]);
    expect(fake.git.pushes).toEqual([]);
    expect(fake.state.reviews).toEqual([]);
    expect(await baseRefs(world)).toEqual(before);
    const final = fake.state.comments.filter(
      (c) => c.body.includes('<!-- openhands-resolver:') && !c.body.includes('openhands-resolver:start'),
    );
    expect(final[0]?.body).toMatch(/committed after the triggering comment/);
  });

  it('"Re-run job" after a delivered PR run keeps its end state (the head it moved is its own commit)', async () => {
    world = await startWorld(prScript([true, 'Greets by name.']));
    const { fake, llm } = world;
    const pull = await addPull(world);
    const payload = reviewCommentPayload(world, pull, `${MACRO} greet by name`);
    const first = await runJobInProcess(world, { eventName: 'pull_request_review_comment', payload });
    expect(first.outcome.conclusion, first.log).toBe('success');
    const calls = llm.requests.length;
    const rerun = await runJobInProcess(world, {
      eventName: 'pull_request_review_comment',
      payload,
      env: { GITHUB_RUN_ATTEMPT: '2' },
    });
    expect(rerun.outcome.conclusion, rerun.log).toBe('skipped');
    expect(rerun.writes).toEqual([]);
    expect(llm.requests.length).toBe(calls);
    const summary = fake.state.comments.filter((c) => c.body.includes('openhands-resolver:pr-update'));
    expect(summary).toHaveLength(1);
    expect(fake.state.reviewThreads[0]?.comments).toHaveLength(2);
  });

  it('a PR head that moved after the trigger is refused: no model call, nothing pushed, the user is told why', async () => {
    world = await startWorld([]);
    const { fake } = world;
    const pull = await addPull(world);
    const payload = reviewCommentPayload(world, pull, `${MACRO} fix this`, MAINTAINER);
    await fake.pushFiles(OWNER, REPO, { branch: HEAD, files: { 'late.txt': 'pushed after the trigger\n' } });
    const run = await runJobInProcess(world, { eventName: 'pull_request_review_comment', payload });
    expect(world.llm.requests).toEqual([]);
    expect(fake.git.pushes).toEqual([]);
    expect(run.outcome.success).toBe(false);
    const final = fake.state.comments.filter(
      (c) => c.body.includes('<!-- openhands-resolver:') && !c.body.includes('openhands-resolver:start'),
    );
    expect(final).toHaveLength(1);
    expect(final[0]?.body).toMatch(/moved after the trigger/);
  });
});
