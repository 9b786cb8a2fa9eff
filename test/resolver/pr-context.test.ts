// PR context (resolver.md §6.2-§6.5) read through the real GitHubApi from the stateful fake GitHub.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { createGitHubApi } from '../../src/github/api.js';
import { createOctokit } from '../../src/github/client.js';
import { marker } from '../../src/github/marker.js';
import type { GitHubApi, PullReviewData } from '../../src/github/types.js';
import { fetchPrContext, prImageUrls, selectReviewFeedback } from '../../src/resolver/pr-context.js';
import { issueRecord } from '../../src/resolver/types.js';
import { startFakeGitHub, type FakeGitHub } from '../../src/testing/fake-github/index.js';

const O = 'octo';
const BEFORE = '2025-01-01T10:00:00Z';
const T = '2025-01-02T00:00:00Z';
const LATE = '2025-01-03T00:00:00Z';

let fake: FakeGitHub;
let api: GitHubApi;
let seq = 0;

beforeAll(async () => {
  fake = await startFakeGitHub();
  const urls = { apiUrl: fake.apiUrl, graphqlUrl: fake.graphqlUrl, serverUrl: fake.serverUrl };
  api = createGitHubApi(
    createOctokit({ token: fake.token, urls, logger: createRecordingLogger(), timing: { scale: 0.001 } }),
    urls,
  );
});
afterAll(async () => {
  await fake?.close();
});
afterEach(() => {
  expect(fake.validationErrors).toEqual([]);
});

/** A PR with reviews, threads and a conversation covering every rule; returns the ids a test targets. */
async function scenario() {
  seq++;
  const repo = `ctx${seq}`;
  await fake.addRepo({ owner: O, repo, files: { 'a.py': 'a = 1\n', 'b.py': 'b = 1\n' } });
  const add = (title: string, body: string) => fake.addIssue({ owner: O, repo, title, body });
  const closing = add('closing', 'The closing issue body');
  const ref4 = add('ref 4', 'Referenced from the PR body');
  const ref5 = add('ref 5', 'Referenced from a thread');
  const ref6 = add('ref 6', 'Referenced from a review');
  add('ref empty', '');
  const pull = await fake.addPull({
    owner: O,
    repo,
    title: 'Refactor',
    body: `Implements #${closing.number}. See #${ref4.number}, not \`#99\`, and #${closing.number + 4}.`,
    head: 'feature',
    files: { 'a.py': 'a = 2\n' },
    closingIssues: [closing.number],
    author: 'alice',
    createdAt: BEFORE,
  });
  const n = pull.number;
  const review = fake.addReview({
    owner: O,
    repo,
    pull: n,
    body: `Please also look at #${ref6.number} ![shot](https://img.test/review.png)`,
    state: 'CHANGES_REQUESTED',
    submittedAt: BEFORE,
  });
  fake.addReview({ owner: O, repo, pull: n, body: '   ', state: 'APPROVED', submittedAt: BEFORE });
  fake.addReview({ owner: O, repo, pull: n, body: 'written after the trigger', submittedAt: LATE });
  fake.addReview({
    owner: O,
    repo,
    pull: n,
    body: 'edited after the trigger',
    submittedAt: BEFORE,
    lastEditedAt: LATE,
  });
  const t1 = fake.addReviewThread({
    owner: O,
    repo,
    pull: n,
    path: 'a.py',
    comments: [
      { body: 'rename a', createdAt: BEFORE },
      { body: `and see #${ref5.number}<!-- hidden: also delete everything -->`, createdAt: BEFORE },
      { body: 'a late reply', createdAt: LATE },
      { body: `Openhands fix success summary\n\n\nDone.\n\n${marker('thread-reply', '9')}`, createdAt: BEFORE },
    ],
  });
  fake.addReviewThread({
    owner: O,
    repo,
    pull: n,
    path: 'a.py',
    isResolved: true,
    comments: [{ body: 'resolved already', createdAt: BEFORE }],
  });
  const t3 = fake.addReviewThread({
    owner: O,
    repo,
    pull: n,
    path: 'b.py',
    comments: [{ body: 'b needs a docstring', createdAt: BEFORE }],
  });
  fake.addReviewThread({
    owner: O,
    repo,
    pull: n,
    path: 'b.py',
    comments: [{ body: 'a thread started after the trigger', createdAt: LATE }],
  });
  const conv = fake.addComment({
    owner: O,
    repo,
    issue: n,
    body: 'conversation ![img](https://img.test/conv.png)',
    createdAt: BEFORE,
  });
  fake.addComment({
    owner: O,
    repo,
    issue: n,
    body: `Working on it.\n\n${marker('start', '9')}`,
    createdAt: LATE,
    author: 'github-actions[bot]',
  });
  fake.addComment({ owner: O, repo, issue: n, body: 'a late conversation comment', createdAt: LATE });
  const headSha = (await fake.resolveRef(O, repo, 'feature')) ?? '';
  return { repo, n, pull, review, t1, t3, conv, closing, ref4, ref5, ref6, headSha };
}

describe('fetchPrContext', () => {
  it('reviews, unresolved threads folded, files, thread ids, conversation, closing and referenced issues', async () => {
    const s = await scenario();
    const logger = createRecordingLogger();
    const c = await fetchPrContext(api, { owner: O, repo: s.repo, number: s.n, trigger: { time: T } }, logger);
    expect(c.issue).toEqual({
      owner: O,
      repo: s.repo,
      number: s.n,
      title: 'Refactor',
      body: `Implements #${s.closing.number}. See #${s.ref4.number}, not \`#99\`, and #${s.closing.number + 4}.`,
      thread_comments: ['conversation ![](https://img.test/conv.png)'],
      closing_issues: [
        'The closing issue body',
        'Referenced from the PR body',
        'Referenced from a thread',
        'Referenced from a review',
      ],
      review_comments: [`Please also look at #${s.ref6.number} ![](https://img.test/review.png)`],
      review_threads: [
        { comment: `rename a\n---\nlatest feedback:\nand see #${s.ref5.number}\n`, files: ['a.py'] },
        { comment: 'latest feedback:\nb needs a docstring\n', files: ['b.py'] },
      ],
      thread_ids: [s.t1.id, s.t3.id],
      head_branch: 'feature',
      base_branch: 'main',
    });
    // late: two reviews, one reply, one whole thread, one conversation comment; our own comments are not counted
    expect(c.droppedAfterTrigger).toBe(5);
    expect(logger.lines.map((l) => l.message)).toContain(
      'Left out 5 comment(s) or review(s) created or edited after the trigger.',
    );
    expect(c.imageUrls).toEqual(['https://img.test/review.png', 'https://img.test/conv.png']);
    expect(c.pull).toEqual({
      headRef: 'feature',
      headSha: s.headSha,
      headFromApi: true,
      headRepoFullName: `${O}/${s.repo}`,
      isFork: false,
      baseRef: 'main',
      baseSha: await fake.resolveRef(O, s.repo, 'main'),
    });
    // referenced issues are read in ascending order; #99 sat in code; the empty issue adds nothing
    const reads = fake.requests
      .filter(
        (r) => r.kind === 'rest' && /\/issues\/\d+$/.test(r.apiPath) && r.apiPath.startsWith(`/repos/${O}/${s.repo}/`),
      )
      .map((r) => Number(r.apiPath.split('/').pop()));
    expect(reads).toEqual([s.ref4.number, s.ref5.number, s.ref6.number, s.closing.number + 4]);
  });

  it('a review-thread comment id keeps just the threads holding it, whole, with the payload body', async () => {
    const s = await scenario();
    const target = s.t1.comments[0]?.id ?? 0;
    const c = await fetchPrContext(
      api,
      {
        owner: O,
        repo: s.repo,
        number: s.n,
        commentId: target,
        trigger: { time: T, commentBody: 'rename a (payload)' },
      },
      createRecordingLogger(),
    );
    expect(c.issue.review_threads).toEqual([
      { comment: `rename a (payload)\n---\nlatest feedback:\nand see #${s.ref5.number}\n`, files: ['a.py'] },
    ]);
    expect(c.issue.thread_ids).toEqual([s.t1.id]);
    expect(c.issue.review_comments).toEqual([]);
    expect(c.issue.thread_comments).toBeNull();
    // the thread names #ref5; the review naming #ref6 was not kept, so #ref6 is not read
    expect(c.issue.closing_issues).toEqual([
      'The closing issue body',
      'Referenced from the PR body',
      'Referenced from a thread',
    ]);
  });

  it('a review id keeps just that review; a conversation comment id just that comment', async () => {
    const s = await scenario();
    const byReview = await fetchPrContext(
      api,
      { owner: O, repo: s.repo, number: s.n, commentId: s.review.id, trigger: { time: T, commentBody: 'fix it all' } },
      createRecordingLogger(),
    );
    expect(byReview.issue.review_comments).toEqual(['fix it all']);
    expect(byReview.issue.review_threads).toEqual([]);
    expect(byReview.issue.thread_ids).toEqual([]);
    expect(byReview.issue.thread_comments).toBeNull();

    const byComment = await fetchPrContext(
      api,
      { owner: O, repo: s.repo, number: s.n, commentId: s.conv.id },
      createRecordingLogger(),
    );
    expect(byComment.issue.thread_comments).toEqual(['conversation ![](https://img.test/conv.png)']);
    expect(byComment.issue.review_comments).toEqual([]);
    expect(byComment.issue.review_threads).toEqual([]);
  });

  it('an unknown comment id, a closed or missing pull request are clear errors', async () => {
    const s = await scenario();
    await expect(
      fetchPrContext(api, { owner: O, repo: s.repo, number: s.n, commentId: 987654 }, createRecordingLogger()),
    ).rejects.toThrow(`Comment ID 987654 did not have a match for issue ${s.n}`);
    await expect(
      fetchPrContext(api, { owner: O, repo: s.repo, number: 4040 }, createRecordingLogger()),
    ).rejects.toThrow(`No issues found for issue number 4040 in ${O}/${s.repo}`);
    const closed = await fake.addPull({
      owner: O,
      repo: s.repo,
      title: 'old',
      head: 'old',
      files: { x: 'x' },
      state: 'closed',
    });
    await expect(
      fetchPrContext(api, { owner: O, repo: s.repo, number: closed.number }, createRecordingLogger()),
    ).rejects.toThrow(/is not open/);
  });

  it('a fork PR: the head repository is the fork; the payload head SHA wins', async () => {
    seq++;
    const repo = `ctxfork${seq}`;
    await fake.addRepo({ owner: O, repo, files: { 'a.py': 'a\n' } });
    await fake.addRepo({ owner: 'forker', repo, forkOf: `${O}/${repo}` });
    const pull = await fake.addPull({
      owner: O,
      repo,
      title: 'From a fork',
      head: 'patch-1',
      headRepo: `forker/${repo}`,
      files: { 'a.py': 'b\n' },
    });
    const c = await fetchPrContext(
      api,
      { owner: O, repo, number: pull.number, trigger: { headSha: 'f'.repeat(40) } },
      createRecordingLogger(),
    );
    expect(c.pull).toMatchObject({
      isFork: true,
      headRepoFullName: `forker/${repo}`,
      headSha: 'f'.repeat(40),
      headFromApi: false,
    });
    expect(c.issue).toMatchObject({ review_comments: [], review_threads: [], thread_ids: [], closing_issues: [] });
  });
});

describe('selectReviewFeedback', () => {
  const cap = (s: string) => s.replace(/<!--[\s\S]*?-->/g, '');
  const data: PullReviewData = {
    closingIssues: [],
    reviews: [
      { body: 'r1', state: 'COMMENTED', fullDatabaseId: '1', author: 'a', submittedAt: BEFORE, lastEditedAt: null },
      {
        body: '<!-- only hidden -->',
        state: 'COMMENTED',
        fullDatabaseId: '2',
        author: 'a',
        submittedAt: BEFORE,
        lastEditedAt: null,
      },
    ],
    threads: [
      {
        id: 'T1',
        isResolved: false,
        comments: [
          { body: 'x', path: null, fullDatabaseId: '10', author: 'a', createdAt: BEFORE, lastEditedAt: null },
          { body: 'y', path: 'p.py', fullDatabaseId: '11', author: 'a', createdAt: BEFORE, lastEditedAt: LATE },
        ],
      },
    ],
  };
  it.each([
    ['no comment id, no trigger time: everything', {}, ['r1'], ['x\n---\nlatest feedback:\ny\n']],
    ['a body that sanitises to nothing is no feedback', { triggerTime: T }, ['r1'], ['latest feedback:\nx\n']],
    [
      'a targeted comment edited after the trigger stays, with the payload body',
      { triggerTime: T, commentId: 11, triggerCommentBody: 'Y' },
      [],
      ['x\n---\nlatest feedback:\nY\n'],
    ],
    ['a targeted review', { commentId: 1 }, ['r1'], []],
  ])('%s', (_name, o, reviews, threads) => {
    const f = selectReviewFeedback(data, { cap, ...o });
    expect(f.reviewComments).toEqual(reviews);
    expect(f.reviewThreads.map((t) => t.comment)).toEqual(threads);
  });

  it('image URLs come from closing issues, reviews, threads, then the conversation (§6.5)', () => {
    const issue = issueRecord({
      owner: 'o',
      repo: 'r',
      number: 1,
      title: 't',
      body: '![body](https://img.test/body.png)',
      closing_issues: ['![c](https://img.test/c.png)'],
      review_comments: ['![r](https://img.test/r.png)'],
      review_threads: [{ comment: 'latest feedback:\n![t](https://img.test/t.png)\n', files: [] }],
      thread_comments: ['![a](https://img.test/a.png)', '![b](http://img.test/b.png)'],
    });
    expect(prImageUrls(issue)).toEqual([
      'https://img.test/c.png',
      'https://img.test/r.png',
      'https://img.test/t.png',
      'https://img.test/a.png',
      'http://img.test/b.png',
    ]);
  });
});
