// GitHubApi and the Octokit client against the fake GitHub (REST validated against GitHub's OpenAPI
// description, GraphQL executed by the fake's schema), including fault injection for retries and limits.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ResolverError } from '../../src/core/errors.js';
import { createRecordingLogger } from '../../src/core/log.js';
import { createRedactor } from '../../src/core/redact.js';
import { GitHubApiError, createGitHubApi, permissionOf } from '../../src/github/api.js';
import { createOctokit } from '../../src/github/client.js';
import { createCommenter, successBody } from '../../src/github/comments.js';
import { marker } from '../../src/github/marker.js';
import { authorize, selfLogins } from '../../src/github/permissions.js';
import type { GitHubApi, GitHubUrls } from '../../src/github/types.js';
import { faults, startFakeGitHub, type FakeGitHub } from '../../src/testing/fake-github/index.js';

const O = 'octo';
const R = 'api';
const repo = { owner: O, repo: R };

let fake: FakeGitHub;
let urls: GitHubUrls;
let api: GitHubApi;
let logger: ReturnType<typeof createRecordingLogger>;
let issueNo: number;
let prNo: number;

function makeApi(token = fake.token, log = createRecordingLogger()) {
  return createGitHubApi(createOctokit({ token, urls, logger: log, timing: { scale: 0.001 } }), urls);
}

beforeAll(async () => {
  fake = await startFakeGitHub({ repos: [{ owner: O, repo: R, files: { 'a.txt': 'a\n' } }] });
  urls = { apiUrl: fake.apiUrl, graphqlUrl: fake.graphqlUrl, serverUrl: fake.serverUrl };
  logger = createRecordingLogger();
  api = makeApi(fake.token, logger);
  issueNo = fake.addIssue({ owner: O, repo: R, title: 'Bug', body: null, author: 'alice' }).number;
  prNo = (
    await fake.addPull({
      owner: O,
      repo: R,
      title: 'PR',
      body: 'fixes #1',
      head: 'feature',
      files: { 'b.txt': 'b\n' },
      author: 'alice',
    })
  ).number;
});

afterAll(async () => {
  await fake?.close();
});

afterEach(() => {
  expect(fake.validationErrors).toEqual([]);
  expect(fake.pendingFaults()).toEqual([]);
});

describe('REST reads', () => {
  it('repository, branches, issues, pulls', async () => {
    expect(await api.getRepo(repo)).toEqual({
      defaultBranch: 'main',
      fullName: 'octo/api',
      private: false,
      htmlUrl: `${fake.serverUrl}/octo/api`,
    });
    expect(await api.getBranch(repo, 'main')).toEqual({ name: 'main', sha: await fake.resolveRef(O, R, 'main') });
    expect(await api.getBranch(repo, 'missing/branch')).toBeNull();
    const issue = await api.getIssue(repo, issueNo);
    expect(issue).toMatchObject({
      number: issueNo,
      title: 'Bug',
      body: '',
      state: 'open',
      isPullRequest: false,
      author: 'alice',
    });
    expect((await api.getIssue(repo, prNo)).isPullRequest).toBe(true);
    const pr = await api.getPull(repo, prNo);
    expect(pr).toMatchObject({
      number: prNo,
      headRef: 'feature',
      baseRef: 'main',
      state: 'open',
      headRepoFullName: 'octo/api',
    });
    expect(pr.headSha).toBe(await fake.resolveRef(O, R, 'feature'));
    expect(await api.findOpenPulls(repo, 'octo:feature')).toHaveLength(1);
    expect(await api.findOpenPulls(repo, 'octo:nothing')).toEqual([]);
  });

  it('404 and 410 are not-found, 401 is "Token is invalid."', async () => {
    const missing = await api.getIssue(repo, 9999).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(GitHubApiError);
    expect((missing as GitHubApiError).code).toBe('not-found');
    const gone = fake.addIssue({ owner: O, repo: R, title: 'gone' }).number;
    fake.deleteIssue(O, R, gone);
    const deleted = await api.getIssue(repo, gone).catch((e: unknown) => e);
    expect(deleted).toMatchObject({ code: 'not-found', status: 410 });
    const bad = await makeApi('ghs_not_the_token')
      .getRepo(repo)
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ResolverError);
    expect((bad as ResolverError).code).toBe('auth');
    expect((bad as Error).message).toMatch(/^Token is invalid\./);
  });

  it('pages through comments 100 at a time', async () => {
    const n = fake.addIssue({ owner: O, repo: R, title: 'chatty' }).number;
    for (let i = 0; i < 130; i++) fake.addComment({ owner: O, repo: R, issue: n, body: `c${i}`, author: 'bob' });
    const before = fake.find('GET', new RegExp(`/issues/${n}/comments`)).length;
    const comments = await api.listIssueComments(repo, n);
    expect(comments.map((c) => c.body)).toEqual(Array.from({ length: 130 }, (_, i) => `c${i}`));
    const calls = fake.find('GET', new RegExp(`/issues/${n}/comments`)).slice(before);
    expect(calls.map((c) => c.query.per_page)).toEqual(['100', '100']);
  });

  it('permissions: legacy permission plus role name', async () => {
    fake.setPermission(O, R, 'maint', 'maintain');
    fake.setPermission(O, R, 'tri', 'triage');
    fake.setPermission(O, R, 'wr', 'write');
    expect(await api.getPermission(repo, 'octo')).toBe('admin');
    expect(await api.getPermission(repo, 'maint')).toBe('maintain');
    expect(await api.getPermission(repo, 'wr')).toBe('write');
    expect(await api.getPermission(repo, 'tri')).toBe('triage');
    fake.addUser('reader');
    expect(await api.getPermission(repo, 'reader')).toBe('read');
    expect(permissionOf('read', 'custom-role')).toBe('read');
    expect(permissionOf('none', null)).toBe('none');
  });

  it('authorize end to end: write allowed, read denied, unknown login denied (fail closed)', async () => {
    const policy = { allowedBots: [], selfLogins: selfLogins() };
    const actor = (login: string) => ({ sender: { login, type: 'User', id: 1 }, author: null, eventName: 'issues' });
    fake.setPermission(O, R, 'writer2', 'write');
    fake.addUser('reader2');
    expect(await authorize(api, repo, actor('writer2'), policy)).toMatchObject({ allowed: true, permission: 'write' });
    expect(await authorize(api, repo, actor('reader2'), policy)).toMatchObject({ allowed: false });
    expect(await authorize(api, repo, actor('no-such-user'), policy)).toMatchObject({ allowed: false });
  });

  it('GET /user: null for an installation token (Bot), the login for a PAT', async () => {
    expect(await api.getAuthenticatedLogin()).toBeNull();
    const pat = await startFakeGitHub({ actor: { login: 'pat-owner' } });
    try {
      const u = { apiUrl: pat.apiUrl, graphqlUrl: pat.graphqlUrl, serverUrl: pat.serverUrl };
      const patApi = createGitHubApi(createOctokit({ token: pat.token, urls: u, logger, timing: { scale: 0.001 } }), u);
      expect(await patApi.getAuthenticatedLogin()).toBe('pat-owner');
    } finally {
      await pat.close();
    }
  });
});

describe('writes', () => {
  it('comments, reactions (REST and GraphQL), PR create/update, reviewers', async () => {
    const c = await api.createComment(repo, issueNo, 'hello');
    expect(c).toMatchObject({ body: 'hello', author: fake.actor.login });
    expect((await api.updateComment(repo, c.id, 'edited')).body).toBe('edited');
    await api.addReaction(repo, { kind: 'issue', number: issueNo }, 'eyes');
    await api.addReaction(repo, { kind: 'issue_comment', id: c.id }, 'eyes');
    const thread = fake.addReviewThread({
      owner: O,
      repo: R,
      pull: prNo,
      path: 'b.txt',
      comments: [{ body: 'nit', author: 'bob' }],
    });
    await api.addReaction(repo, { kind: 'review_comment', id: thread.comments[0]?.id ?? 0 }, 'eyes');
    const review = fake.addReview({ owner: O, repo: R, pull: prNo, body: 'please fix', author: 'bob' });
    await api.addReaction(repo, { kind: 'review', nodeId: review.nodeId }, 'eyes');
    expect(fake.state.reactions.filter((x) => x.content === 'eyes')).toHaveLength(4);
    expect(fake.find('POST', '/graphql').some((r) => r.operation === 'addReaction')).toBe(true);

    await fake.pushFiles(O, R, { branch: 'topic', files: { 'c.txt': 'c\n' } });
    const pr = await api.createPull(repo, { title: 'T', body: 'B', head: 'topic', base: 'main', draft: true });
    expect(pr).toMatchObject({ title: 'T', body: 'B', draft: true, headRef: 'topic', author: fake.actor.login });
    expect((await api.updatePull(repo, pr.number, { body: 'B2' })).body).toBe('B2');
    fake.setPermission(O, R, 'bob', 'write');
    await api.requestReviewers(repo, pr.number, ['bob']);
    const again = await api
      .createPull(repo, { title: 'T', body: 'B', head: 'topic', base: 'main', draft: false })
      .catch((e: unknown) => e);
    expect(again).toMatchObject({ status: 422 });
    expect((again as GitHubApiError).detail).toMatch(/already exists/);
  });
});

describe('GraphQL review data (resolver.md §6.2)', () => {
  it('pages review threads past 100 and maps reviews, threads and closing issues', async () => {
    const pull = await fake.addPull({
      owner: O,
      repo: R,
      title: 'many threads',
      head: 'threads',
      files: { 'd.txt': 'd\n' },
      closingIssues: [issueNo],
    });
    fake.addReview({
      owner: O,
      repo: R,
      pull: pull.number,
      body: 'overall',
      state: 'CHANGES_REQUESTED',
      author: 'bob',
    });
    for (let i = 0; i < 105; i++) {
      fake.addReviewThread({
        owner: O,
        repo: R,
        pull: pull.number,
        path: `f${i}.txt`,
        isResolved: i % 2 === 1,
        comments: [
          { body: `t${i}`, author: 'bob' },
          { body: `t${i} again`, author: 'alice' },
        ],
      });
    }
    const data = await api.getPullReviewData(repo, pull.number);
    expect(data.closingIssues).toEqual([{ number: issueNo, body: '' }]);
    expect(data.reviews).toEqual([
      expect.objectContaining({
        body: 'overall',
        state: 'CHANGES_REQUESTED',
        author: 'bob',
        fullDatabaseId: expect.any(String),
      }),
    ]);
    expect(data.threads).toHaveLength(105);
    expect(data.threads[104]).toMatchObject({
      isResolved: false,
      comments: [{ body: 't104', path: 'f104.txt' }, { body: 't104 again' }],
    });
    expect(data.threads[1]?.isResolved).toBe(true);
    expect(fake.find('POST', '/graphql').filter((r) => r.operation === 'repository').length).toBeGreaterThanOrEqual(2);

    const t = data.threads[0];
    if (!t) throw new Error('no thread');
    await api.replyToReviewThread(t.id, 'Openhands fix success summary\n\n\ndone');
    await api.resolveReviewThread(t.id);
    const stored = fake.state.reviewThreads.find((x) => x.id === t.id);
    expect(stored?.comments.at(-1)?.body).toBe('Openhands fix success summary\n\n\ndone');
    expect(stored?.isResolved).toBe(true);
  });

  it('a missing pull request is not-found', async () => {
    await expect(api.getPullReviewData(repo, 4242)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('client: retries and rate limits (security.md §5)', () => {
  it('retries 5xx three times, then gives up', async () => {
    fake.failNext({ method: 'GET', path: `/repos/${O}/${R}`, ...faults.serverError(502), times: 3 });
    expect((await api.getRepo(repo)).fullName).toBe('octo/api');
    fake.failNext({ method: 'GET', path: `/repos/${O}/${R}`, ...faults.serverError(503), times: 4 });
    const before = fake.find('GET', `/repos/${O}/${R}`).length;
    await expect(api.getRepo(repo)).rejects.toMatchObject({ status: 503 });
    expect(fake.find('GET', `/repos/${O}/${R}`).length - before).toBe(4);
  });

  it('never retries 4xx like 404, 422', async () => {
    fake.failNext({ method: 'GET', path: `/repos/${O}/${R}`, ...faults.unprocessable() });
    const before = fake.find('GET', `/repos/${O}/${R}`).length;
    await expect(api.getRepo(repo)).rejects.toMatchObject({ status: 422 });
    expect(fake.find('GET', `/repos/${O}/${R}`).length - before).toBe(1);
  });

  it('waits out a secondary rate limit (with and without retry-after), at most twice', async () => {
    fake.failNext({ method: 'POST', path: /\/comments$/, ...faults.secondaryRateLimit({ retryAfter: 2 }) });
    fake.failNext({ method: 'POST', path: /\/comments$/, ...faults.secondaryRateLimit({ status: 429 }) });
    expect((await api.createComment(repo, issueNo, 'after limits')).body).toBe('after limits');
    expect(logger.lines.filter((l) => /secondary rate limit/.test(l.message)).map((l) => l.message)).toEqual([
      expect.stringContaining('retrying after 2 s'),
      expect.stringContaining('retrying after 60 s'),
    ]);

    fake.failNext({ method: 'POST', path: /\/comments$/, ...faults.secondaryRateLimit({ retryAfter: 1 }), times: 3 });
    await expect(api.createComment(repo, issueNo, 'never')).rejects.toMatchObject({ status: 403 });
  });

  it('waits for a primary rate-limit reset when it fits, fails cleanly when it does not', async () => {
    fake.failNext({ method: 'GET', path: `/repos/${O}/${R}`, ...faults.primaryRateLimit() });
    expect((await api.getRepo(repo)).fullName).toBe('octo/api');
    expect(logger.lines.some((l) => /rate limit exhausted .* waiting/.test(l.message))).toBe(true);

    const later = Math.floor(Date.now() / 1000) + 3600;
    fake.failNext({ method: 'GET', path: `/repos/${O}/${R}`, ...faults.primaryRateLimit({ resetEpochSec: later }) });
    await expect(api.getRepo(repo)).rejects.toMatchObject({ status: 403, code: 'permission' });
    expect(logger.lines.some((l) => /does not fit this job/.test(l.message))).toBe(true);
  });
});

describe('commenter (resolver.md §13)', () => {
  it('one progress comment edited in place; one final comment per run, edited by a re-run', async () => {
    const n = fake.addIssue({ owner: O, repo: R, title: 'comments' }).number;
    const redactor = createRedactor([fake.token]);
    const mk = () =>
      createCommenter({ api, repo, number: n, runId: '777', redactor, logger, macro: '@openhands-agent' });
    const c1 = mk();
    await c1.progress('started');
    await c1.progress(`cloned, token ${fake.token}`);
    await c1.postFinal('error', 'it broke; ask @openhands-agent');
    expect(await c1.hasFinal()).toBe(true);
    // "Re-run job": a new process finds and edits the same comments.
    const c2 = mk();
    await c2.progress('started again');
    await c2.postFinal('success', successBody({ prNumber: 5, prUrl: 'u', draft: true }));
    const mine = fake.state.comments.filter((c) => c.issueNumber === n);
    expect(mine).toHaveLength(2);
    expect(mine[0]?.body).toBe(`started again\n\n${marker('start', '777')}`);
    expect(mine[1]?.body).toContain('draft pull request #5');
    expect(mine[1]?.body).toContain(marker('success', '777'));
    expect(mine.map((c) => c.body).join('\n')).not.toContain(fake.token);
    // Another run posts its own.
    await createCommenter({ api, repo, number: n, runId: '778', redactor, logger }).postFinal('no-changes', 'none');
    expect(fake.state.comments.filter((c) => c.issueNumber === n)).toHaveLength(3);
  });

  it('react: eyes on the trigger; a failure only warns', async () => {
    const n = fake.addIssue({ owner: O, repo: R, title: 'react' }).number;
    const c = createCommenter({ api, repo, number: n, runId: '1', redactor: createRedactor(), logger });
    await c.react({ issueNumber: n, commentId: null, commentKind: null, commentNodeId: null });
    expect(
      fake.state.reactions.some((x) => x.content === 'eyes' && x.subject.type === 'issue' && x.subject.number === n),
    ).toBe(true);
    fake.failNext({ method: 'POST', path: /reactions$/, ...faults.notFound() });
    await c.react({ issueNumber: n, commentId: null, commentKind: null, commentNodeId: null });
    expect(logger.lines.some((l) => l.level === 'warn' && /eyes reaction/.test(l.message))).toBe(true);
  });
});

describe('fork PR pieces (docs/fork-prs.md)', () => {
  it('getPull: maintainer_can_modify and the head repository; PR files over several pages; a review with line comments', async () => {
    await fake.addRepo({ owner: 'forker', repo: R, forkOf: `${O}/${R}` });
    const files: Record<string, string> = {};
    for (let i = 0; i < 130; i++) files[`f${String(i).padStart(3, '0')}.txt`] = `one\ntwo\nthree ${i}\n`;
    const pull = await fake.addPull({
      owner: O,
      repo: R,
      title: 'Fork PR',
      head: 'many',
      headRepo: `forker/${R}`,
      files,
      author: 'forker',
      maintainerCanModify: true,
    });
    const pr = await api.getPull(repo, pull.number);
    expect(pr).toMatchObject({
      maintainerCanModify: true,
      headRepo: { owner: 'forker', repo: R },
      headRepoFullName: `forker/${R}`,
      headCloneUrl: `${fake.serverUrl}/forker/${R}.git`,
    });
    expect((await api.getPull(repo, prNo)).maintainerCanModify).toBe(false);

    const listed = await api.listPullFiles(repo, pull.number);
    expect(listed).toHaveLength(130);
    expect(fake.find('GET', `/repos/${O}/${R}/pulls/${pull.number}/files`).length).toBe(2);
    expect(listed[0]).toEqual({
      filename: 'f000.txt',
      status: 'added',
      patch: '@@ -0,0 +1,3 @@\n+one\n+two\n+three 0',
      previousFilename: null,
    });

    const review = await api.createReview(repo, pull.number, {
      body: 'suggestions',
      commitId: pr.headSha,
      comments: [
        {
          path: 'f001.txt',
          body: '```suggestion\nONE\nTWO\n```',
          line: 2,
          side: 'RIGHT',
          startLine: 1,
          startSide: 'RIGHT',
        },
        { path: 'f002.txt', body: '```suggestion\n```', line: 3, side: 'RIGHT' },
      ],
    });
    expect(review.htmlUrl).toContain(`/pull/${pull.number}#pullrequestreview-${review.id}`);
    const sent = fake.find('POST', `/repos/${O}/${R}/pulls/${pull.number}/reviews`)[0]?.body;
    expect(sent).toEqual({
      commit_id: pr.headSha,
      body: 'suggestions',
      event: 'COMMENT',
      comments: [
        {
          path: 'f001.txt',
          body: '```suggestion\nONE\nTWO\n```',
          line: 2,
          side: 'RIGHT',
          start_line: 1,
          start_side: 'RIGHT',
        },
        { path: 'f002.txt', body: '```suggestion\n```', line: 3, side: 'RIGHT' },
      ],
    });
    // A line outside the PR's diff is refused as GitHub refuses it.
    const outside = await api
      .createReview(repo, pull.number, {
        body: 'x',
        commitId: pr.headSha,
        comments: [{ path: 'a.txt', body: 'no', line: 1, side: 'RIGHT' }],
      })
      .catch((e: unknown) => e);
    expect(outside).toMatchObject({ status: 422 });
  });
});
