import { getOctokit } from '@actions/github';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faults, startFakeGitHub, type FakeGitHub } from '../../src/testing/fake-github/index.js';
import { git, tryGit } from '../../src/testing/git.js';

type Octokit = ReturnType<typeof getOctokit>;

let fake: FakeGitHub;
let octokit: Octokit;
let tmp: string;
const O = 'octo';
const R = 'hello';
const repo = { owner: O, repo: R };

/** Resolves to the thrown error (Octokit RequestError) of a call that must fail. */
async function failure(
  p: Promise<unknown>,
): Promise<{ status: number; message: string; headers: Record<string, string> }> {
  try {
    await p;
  } catch (err) {
    const e = err as { status?: number; message?: string; response?: { headers?: Record<string, string> } };
    return { status: e.status ?? -1, message: e.message ?? '', headers: e.response?.headers ?? {} };
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'fake-gh-test-'));
  fake = await startFakeGitHub({
    repos: [{ owner: O, repo: R, files: { 'README.md': '# hello\n', 'src/app.py': 'print("hi")\n' } }],
  });
  octokit = getOctokit(fake.token, { baseUrl: fake.apiUrl });
});

afterAll(async () => {
  await fake?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// Every response the fake builds must match GitHub's schema; a failure here is a bug in the fake.
let checked = 0;
afterEach(() => {
  const fresh = fake.validationErrors.slice(checked);
  checked = fake.validationErrors.length;
  expect(fresh.filter((e) => e.kind === 'response')).toEqual([]);
});

describe('fake GitHub layout and auth', () => {
  it('serves the GitHub Enterprise layout on one port', () => {
    expect(fake.apiUrl).toBe(`http://127.0.0.1:${fake.port}/api/v3`);
    expect(fake.graphqlUrl).toBe(`http://127.0.0.1:${fake.port}/api/graphql`);
    expect(fake.serverUrl).toBe(`http://127.0.0.1:${fake.port}`);
    expect(fake.token).toMatch(/^ghs_/);
  });

  it('answers 401 for a wrong or missing token and accepts `token` and `Bearer`', async () => {
    const bad = getOctokit('ghs_wrong', { baseUrl: fake.apiUrl });
    const e = await failure(bad.rest.repos.get(repo));
    expect(e.status).toBe(401);
    expect(e.message).toContain('Bad credentials');
    const none = await fetch(`${fake.apiUrl}/repos/${O}/${R}`);
    expect(none.status).toBe(401);
    for (const scheme of ['token', 'Bearer']) {
      const ok = await fetch(`${fake.apiUrl}/repos/${O}/${R}`, {
        headers: { authorization: `${scheme} ${fake.token}` },
      });
      expect(ok.status).toBe(200);
    }
    const rec = fake.find('GET', `/repos/${O}/${R}`).at(-1);
    expect(rec?.headers.authorization).toBe(`Bearer ${fake.token}`);
  });
});

describe('fake GitHub REST', () => {
  it('GET /repos/{o}/{r} and GET …/branches/{b}', async () => {
    const { data } = await octokit.rest.repos.get(repo);
    expect(data.full_name).toBe('octo/hello');
    expect(data.default_branch).toBe('main');
    expect(data.clone_url).toBe(`${fake.serverUrl}/octo/hello.git`);
    const branch = await octokit.rest.repos.getBranch({ ...repo, branch: 'main' });
    expect(branch.data.commit.sha).toBe(await fake.resolveRef(O, R, 'main'));
    expect((await failure(octokit.rest.repos.getBranch({ ...repo, branch: 'nope' }))).status).toBe(404);
    expect((await failure(octokit.rest.repos.get({ owner: O, repo: 'missing' }))).status).toBe(404);
  });

  it('reads branch names with slashes', async () => {
    const sha = await fake.pushFiles(O, R, { branch: 'feature/x', files: { 'x.txt': 'x\n' } });
    const { data } = await octokit.rest.repos.getBranch({ ...repo, branch: 'feature/x' });
    expect(data.name).toBe('feature/x');
    expect(data.commit.sha).toBe(sha);
  });

  it('GET an issue, a pull request as an issue, a deleted issue (410)', async () => {
    const issue = fake.addIssue({ ...repo, title: 'Bug', body: 'It breaks', author: 'alice', labels: ['fix-me'] });
    const { data } = await octokit.rest.issues.get({ ...repo, issue_number: issue.number });
    expect(data).toMatchObject({ title: 'Bug', body: 'It breaks', state: 'open', user: { login: 'alice' } });
    expect(data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['fix-me']);
    expect(data.pull_request).toBeUndefined();
    expect(data.html_url).toBe(`${fake.serverUrl}/octo/hello/issues/${issue.number}`);

    const pr = await fake.addPull({ ...repo, title: 'PR', head: 'pr-as-issue', files: { 'a.txt': 'a\n' } });
    const asIssue = await octokit.rest.issues.get({ ...repo, issue_number: pr.number });
    expect(asIssue.data.pull_request?.html_url).toBe(`${fake.serverUrl}/octo/hello/pull/${pr.number}`);

    const gone = fake.addIssue({ ...repo, title: 'Gone' });
    fake.deleteIssue(O, R, gone.number);
    expect((await failure(octokit.rest.issues.get({ ...repo, issue_number: gone.number }))).status).toBe(410);
    expect((await failure(octokit.rest.issues.get({ ...repo, issue_number: 9999 }))).status).toBe(404);
  });

  it('lists repository issues with state and label filters', async () => {
    fake.addIssue({ ...repo, title: 'labelled', labels: ['fix-me', 'bug'] });
    fake.addIssue({ ...repo, title: 'closed one', state: 'closed', labels: ['fix-me'] });
    const open = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, labels: 'fix-me', per_page: 100 });
    expect(open.map((i) => i.title)).toContain('labelled');
    expect(open.map((i) => i.title)).not.toContain('closed one');
    const all = await octokit.rest.issues.listForRepo({ ...repo, state: 'all', labels: 'fix-me,bug' });
    expect(all.data.map((i) => i.title)).toEqual(['labelled']);
  });

  it('paginates issue comments with per_page/page and a link header', async () => {
    const issue = fake.addIssue({ ...repo, title: 'Chatty' });
    for (let i = 1; i <= 5; i++) fake.addComment({ ...repo, issue: issue.number, body: `c${i}`, author: 'bob' });
    const first = await octokit.rest.issues.listComments({ ...repo, issue_number: issue.number, per_page: 2 });
    expect(first.data.map((c) => c.body)).toEqual(['c1', 'c2']);
    expect(first.headers.link).toContain('rel="next"');
    expect(first.headers.link).toContain('page=3');
    expect(first.headers.link).toContain(fake.apiUrl);
    const last = await octokit.rest.issues.listComments({ ...repo, issue_number: issue.number, per_page: 2, page: 3 });
    expect(last.data.map((c) => c.body)).toEqual(['c5']);
    expect(last.headers.link).not.toContain('rel="next"');
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: issue.number,
      per_page: 2,
    });
    expect(all.map((c) => c.body)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(fake.find('GET', `/repos/octo/hello/issues/${issue.number}/comments`).length).toBeGreaterThanOrEqual(5);
  });

  it('creates, reads and edits comments as the token identity; GitHub body limit is enforced', async () => {
    const issue = fake.addIssue({ ...repo, title: 'Comment me' });
    const created = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: 'working on it',
    });
    expect(created.status).toBe(201);
    expect(created.data.user?.login).toBe('github-actions[bot]');
    expect(created.data.html_url).toBe(
      `${fake.serverUrl}/octo/hello/issues/${issue.number}#issuecomment-${created.data.id}`,
    );
    const got = await octokit.rest.issues.getComment({ ...repo, comment_id: created.data.id });
    expect(got.data.body).toBe('working on it');
    const edited = await octokit.rest.issues.updateComment({ ...repo, comment_id: created.data.id, body: 'done' });
    expect(edited.data.body).toBe('done');
    expect(fake.state.comments.find((c) => c.id === created.data.id)?.body).toBe('done');

    const long = await failure(
      octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body: 'x'.repeat(65537) }),
    );
    expect(long.status).toBe(422);
    expect(long.message).toContain('Body is too long');
    const longEdit = await failure(
      octokit.rest.issues.updateComment({ ...repo, comment_id: created.data.id, body: 'y'.repeat(70000) }),
    );
    expect(longEdit.status).toBe(422);
    expect((await failure(octokit.rest.issues.updateComment({ ...repo, comment_id: 424242, body: 'z' }))).status).toBe(
      404,
    );
  });

  it('adds reactions to issues, issue comments and review comments (201 new, 200 repeat)', async () => {
    const issue = fake.addIssue({ ...repo, title: 'React' });
    const comment = fake.addComment({ ...repo, issue: issue.number, body: '@openhands-agent fix', author: 'alice' });
    const first = await octokit.rest.reactions.createForIssueComment({
      ...repo,
      comment_id: comment.id,
      content: 'eyes',
    });
    expect(first.status).toBe(201);
    const again = await octokit.rest.reactions.createForIssueComment({
      ...repo,
      comment_id: comment.id,
      content: 'eyes',
    });
    expect(again.status).toBe(200);
    expect(again.data.id).toBe(first.data.id);
    await octokit.rest.reactions.createForIssue({ ...repo, issue_number: issue.number, content: 'rocket' });

    const pr = await fake.addPull({ ...repo, title: 'Reviewed', head: 'reviewed', files: { 'r.txt': 'r\n' } });
    const thread = fake.addReviewThread({
      ...repo,
      pull: pr.number,
      path: 'r.txt',
      line: 1,
      comments: [{ body: 'rename', author: 'carol' }],
    });
    const rc = thread.comments[0];
    if (!rc) throw new Error('thread has no comment');
    await octokit.rest.reactions.createForPullRequestReviewComment({ ...repo, comment_id: rc.id, content: '+1' });
    const review = await octokit.rest.pulls.getReviewComment({ ...repo, comment_id: rc.id });
    expect(review.data.body).toBe('rename');

    expect(fake.state.reactions.map((x) => [x.subject.type, x.content])).toEqual(
      expect.arrayContaining([
        ['issue_comment', 'eyes'],
        ['issue', 'rocket'],
        ['review_comment', '+1'],
      ]),
    );
    expect(fake.state.reactions.filter((x) => x.subject.type === 'issue_comment' && x.content === 'eyes')).toHaveLength(
      1,
    );
  });

  it('creates a pull request only from an existing branch, and refuses a duplicate', async () => {
    const noBranch = await failure(
      octokit.rest.pulls.create({ ...repo, title: 'x', head: 'openhands-fix-issue-7', base: 'main', draft: true }),
    );
    expect(noBranch.status).toBe(422);

    const sha = await fake.pushFiles(O, R, {
      branch: 'openhands-fix-issue-7',
      files: { 'src/app.py': 'print("fixed")\n' },
    });
    const created = await octokit.rest.pulls.create({
      ...repo,
      title: 'Fix issue #7: crash',
      body: 'This pull request fixes #7.',
      head: 'openhands-fix-issue-7',
      base: 'main',
      draft: true,
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      draft: true,
      state: 'open',
      head: { ref: 'openhands-fix-issue-7', sha },
      base: { ref: 'main' },
    });
    expect(created.data.html_url).toBe(`${fake.serverUrl}/octo/hello/pull/${created.data.number}`);
    expect(created.data.changed_files).toBe(1);
    expect(created.data.user.login).toBe('github-actions[bot]');

    const dup = await failure(
      octokit.rest.pulls.create({ ...repo, title: 'again', head: 'octo:openhands-fix-issue-7', base: 'main' }),
    );
    expect(dup.status).toBe(422);
    expect(dup.message).toContain('A pull request already exists for octo:openhands-fix-issue-7');

    const listed = await octokit.rest.pulls.list({ ...repo, head: 'octo:openhands-fix-issue-7', state: 'open' });
    expect(listed.data.map((p) => p.number)).toEqual([created.data.number]);
    expect((await octokit.rest.pulls.list({ ...repo, head: 'octo:other-branch' })).data).toEqual([]);

    expect(await fake.createBranch(O, R, 'no-commits')).toBe(await fake.resolveRef(O, R, 'main'));
    const empty = await failure(octokit.rest.pulls.create({ ...repo, title: 't', head: 'no-commits', base: 'main' }));
    expect(empty.status).toBe(422);
  });

  it('handles forks: a fork PR from addPull and from POST /pulls with `owner:branch`', async () => {
    await fake.addRepo({ owner: 'alice', repo: R, forkOf: `${O}/${R}` });
    expect(await fake.resolveRef('alice', R, 'main')).toBe(await fake.resolveRef(O, R, 'main'));
    const pr = await fake.addPull({
      ...repo,
      title: 'From a fork',
      head: 'fork-fix',
      headRepo: `alice/${R}`,
      files: { 'f.txt': 'f\n' },
      author: 'alice',
    });
    const got = await octokit.rest.pulls.get({ ...repo, pull_number: pr.number });
    expect(got.data.head.repo?.full_name).toBe(`alice/${R}`);
    expect(got.data.head.label).toBe('alice:fork-fix');
    expect(await fake.resolveRef(O, R, `refs/pull/${pr.number}/head`)).toBe(got.data.head.sha);
    expect(await fake.resolveRef(O, R, 'fork-fix')).toBeNull();

    await fake.pushFiles('alice', R, { branch: 'fork-two', files: { 'g.txt': 'g\n' } });
    const created = await octokit.rest.pulls.create({
      ...repo,
      title: 'Fork two',
      head: 'alice:fork-two',
      base: 'main',
    });
    expect(created.data.head.repo?.full_name).toBe(`alice/${R}`);
    expect(created.data.commits).toBe(1);
    const listed = await octokit.rest.pulls.list({ ...repo, head: 'alice:fork-two' });
    expect(listed.data.map((p) => p.number)).toEqual([created.data.number]);
    expect((await octokit.rest.pulls.list({ ...repo, head: 'octo:fork-two' })).data).toEqual([]);
  });

  it('GET and PATCH a pull request; the head sha follows pushes', async () => {
    const pr = await fake.addPull({
      ...repo,
      title: 'Old title',
      head: 'patch-me',
      files: { 'p.txt': '1\n' },
      author: 'alice',
    });
    const got = await octokit.rest.pulls.get({ ...repo, pull_number: pr.number });
    expect(got.data.head.sha).toBe(await fake.resolveRef(O, R, 'patch-me'));
    expect(got.data.user.login).toBe('alice');
    const moved = await fake.pushFiles(O, R, { branch: 'patch-me', files: { 'p.txt': '2\n' } });
    expect((await octokit.rest.pulls.get({ ...repo, pull_number: pr.number })).data.head.sha).toBe(moved);
    expect(await fake.resolveRef(O, R, `refs/pull/${pr.number}/head`)).toBe(moved);
    const patched = await octokit.rest.pulls.update({ ...repo, pull_number: pr.number, title: 'New title', body: 'b' });
    expect(patched.data.title).toBe('New title');
    expect(fake.state.pulls.find((p) => p.number === pr.number)?.body).toBe('b');
    expect((await failure(octokit.rest.pulls.get({ ...repo, pull_number: 9999 }))).status).toBe(404);
  });

  it('requests reviewers from collaborators only, never the author', async () => {
    const pr = await fake.addPull({
      ...repo,
      title: 'Review me',
      head: 'review-me',
      files: { 'q.txt': 'q\n' },
      author: 'alice',
    });
    fake.setPermission(O, R, 'dave', 'write');
    const ok = await octokit.rest.pulls.requestReviewers({ ...repo, pull_number: pr.number, reviewers: ['dave'] });
    expect(ok.status).toBe(201);
    expect(ok.data.requested_reviewers?.map((u) => u.login)).toEqual(['dave']);
    expect(
      (await failure(octokit.rest.pulls.requestReviewers({ ...repo, pull_number: pr.number, reviewers: ['alice'] })))
        .status,
    ).toBe(422);
    fake.addUser('eve');
    expect(
      (await failure(octokit.rest.pulls.requestReviewers({ ...repo, pull_number: pr.number, reviewers: ['eve'] })))
        .status,
    ).toBe(422);
  });

  it.each([
    ['admin', 'admin', 'admin'],
    ['maintain', 'write', 'maintain'],
    ['write', 'write', 'write'],
    ['triage', 'read', 'triage'],
    ['read', 'read', 'read'],
    ['none', 'none', 'none'],
  ] as const)('collaborator permission %s → permission %s, role_name %s', async (role, permission, roleName) => {
    const login = `user-${role}`;
    fake.setPermission(O, R, login, role);
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
    expect(data.permission).toBe(permission);
    expect(data.role_name).toBe(roleName);
    expect(data.user?.login).toBe(login);
  });

  it('treats the owner as admin, others by visibility, and unknown users as 404', async () => {
    const owner = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'octo' });
    expect(owner.data.permission).toBe('admin');
    fake.addUser('stranger');
    const stranger = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'stranger' });
    expect(stranger.data.permission).toBe('read');
    expect(
      (await failure(octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'ghost-x' }))).status,
    ).toBe(404);
  });

  it('stamps times from the given clock', async () => {
    const other = await startFakeGitHub({
      clock: () => new Date('2030-02-03T04:05:06.789Z'),
      repos: [{ owner: 'c', repo: 'k' }],
    });
    try {
      const issue = other.addIssue({ owner: 'c', repo: 'k', title: 't' });
      const o2 = getOctokit(other.token, { baseUrl: other.apiUrl });
      const { data } = await o2.rest.issues.createComment({
        owner: 'c',
        repo: 'k',
        issue_number: issue.number,
        body: 'b',
      });
      expect(data.created_at).toBe('2030-02-03T04:05:06Z');
      expect(issue.createdAt).toBe('2030-02-03T04:05:06Z');
    } finally {
      await other.close();
    }
  });

  it('GET /user: 403 for the bot (installation token), the login for a user token', async () => {
    expect((await failure(octokit.rest.users.getAuthenticated())).status).toBe(403);
    const other = await startFakeGitHub({ actor: { login: 'pat-user' } });
    try {
      const o2 = getOctokit(other.token, { baseUrl: other.apiUrl });
      const { data } = await o2.rest.users.getAuthenticated();
      expect(data.login).toBe('pat-user');
      expect(other.validationErrors).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('fake GitHub validation against the OpenAPI description', () => {
  it('refuses a malformed body with 400 and records the failure', async () => {
    const before = fake.validationErrors.length;
    const issue = fake.addIssue({ ...repo, title: 'Bad body' });
    const e = await failure(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: issue.number,
        body: 42 as unknown as string,
      }),
    );
    expect(e.status).toBe(400);
    const added = fake.validationErrors.slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      kind: 'request',
      method: 'POST',
      operation: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    });
    expect(added[0]?.problems.join('\n')).toContain('/body must be string');
    expect(fake.state.comments.some((c) => c.issueNumber === issue.number)).toBe(false);
  });

  it.each([
    ['an undocumented operation', 'DELETE /repos/{owner}/{repo}', {}, 'undocumented'],
    [
      'a non-integer path parameter',
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      { issue_number: 'abc' },
      'undocumented',
    ],
    ['an unknown query parameter', 'GET /repos/{owner}/{repo}/pulls', { heads: 'x' }, 'request'],
    [
      'a bad enum value',
      'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
      { comment_id: 1, content: 'smile' },
      'request',
    ],
    ['a missing required body', 'POST /repos/{owner}/{repo}/pulls', {}, 'request'],
  ])('records %s', async (_name, route, params, kind) => {
    const before = fake.validationErrors.length;
    const e = await failure(octokit.request(route, { ...repo, ...params }));
    expect([400, 404]).toContain(e.status);
    expect(fake.validationErrors.slice(before).map((x) => x.kind)).toEqual([kind]);
  });

  it('catches a response that breaks the schema (guards the fake itself)', async () => {
    const { getOpenApiValidator } = await import('../../src/testing/fake-github/openapi.js');
    const v = getOpenApiValidator();
    const m = v.match('GET', '/repos/octo/hello/issues/1');
    if (!m.ok) throw new Error(m.message);
    expect(v.validateResponse(m.op, 200, { id: 'not-a-number' }).length).toBeGreaterThan(0);
    expect(v.validateResponse(m.op, 201, {}).map((p) => p.message)).toEqual([
      'status 201 is not documented for this operation',
    ]);
    expect(v.operations()).toHaveLength(23);
  });

  it('implements every operation of the committed subset, and nothing outside it', async () => {
    const { getOpenApiValidator } = await import('../../src/testing/fake-github/openapi.js');
    const { implementedOperations } = await import('../../src/testing/fake-github/rest.js');
    expect([...implementedOperations()].sort()).toEqual([...getOpenApiValidator().operations()].sort());
  });
});

describe('fake GitHub fault injection', () => {
  it.each([
    ['secondary limit 403 with retry-after', faults.secondaryRateLimit({ retryAfter: 3 }), 403, { 'retry-after': '3' }],
    ['secondary limit 429 without retry-after', faults.secondaryRateLimit({ status: 429 }), 429, {}],
    [
      'primary limit remaining 0',
      faults.primaryRateLimit({ resetEpochSec: 2000000000 }),
      403,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2000000000' },
    ],
    ['502', faults.serverError(502), 502, {}],
    ['404', faults.notFound(), 404, {}],
    ['410', faults.gone(), 410, {}],
    ['422 body too long', faults.bodyTooLong(), 422, {}],
  ])('%s, once, then normal service', async (_name, fault, status, headers) => {
    fake.failNext({ method: 'GET', path: `/repos/${O}/${R}`, ...fault });
    const e = await failure(octokit.rest.repos.get(repo));
    expect(e.status).toBe(status);
    for (const [k, v] of Object.entries(headers)) expect(e.headers[k]).toBe(v);
    expect(fake.requests.at(-1)?.faulted).toBe(true);
    const ok = await octokit.rest.repos.get(repo);
    expect(ok.status).toBe(200);
    expect(fake.pendingFaults()).toEqual([]);
  });

  it('matches a RegExp path, counts `times`, and leaves other requests alone', async () => {
    fake.failNext({ method: 'POST', path: /\/issues\/\d+\/comments$/, status: 500, times: 2 });
    const issue = fake.addIssue({ ...repo, title: 'Flaky' });
    expect((await octokit.rest.repos.get(repo)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      expect(
        (await failure(octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body: 'x' }))).status,
      ).toBe(500);
    }
    expect((await octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body: 'x' })).status).toBe(
      201,
    );
    expect(fake.find('POST', /\/issues\/\d+\/comments$/).filter((r) => r.faulted)).toHaveLength(2);
  });
});

const REVIEW_QUERY = `
  query ($owner: String!, $repo: String!, $number: Int!, $threadCursor: String) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) {
        closingIssuesReferences(first: 10) { nodes { number body } }
        reviews(first: 100) {
          nodes { body state fullDatabaseId author { login } submittedAt lastEditedAt }
          pageInfo { hasNextPage endCursor }
        }
        reviewThreads(first: 1, after: $threadCursor) {
          nodes {
            id isResolved
            comments(first: 100) {
              nodes { body path fullDatabaseId author { login } createdAt lastEditedAt }
              pageInfo { hasNextPage endCursor }
            }
          }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }`;

interface ReviewData {
  repository: {
    pullRequest: {
      closingIssuesReferences: { nodes: { number: number; body: string }[] };
      reviews: { nodes: { body: string; state: string; fullDatabaseId: string; author: { login: string } | null }[] };
      reviewThreads: {
        nodes: {
          id: string;
          isResolved: boolean;
          comments: {
            nodes: {
              body: string;
              path: string;
              fullDatabaseId: string;
              author: { login: string };
              lastEditedAt: string | null;
            }[];
          };
        }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
  };
}

describe('fake GitHub holds', () => {
  it('holds the first matching request until release(), and only that one', async () => {
    const issue = fake.addIssue({ ...repo, title: 'Held' });
    const path = `/repos/${O}/${R}/issues/${issue.number}/comments`;
    const held = fake.hold({ method: 'POST', path, body: (b) => (b as { body?: string }).body === 'first' });
    // A request the spec does not match passes.
    await octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body: 'other' });
    const first = octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body: 'first' });
    const rec = await held.reached;
    expect(rec.body).toEqual({ body: 'first' });
    expect(fake.state.comments.filter((c) => c.body === 'first')).toEqual([]);
    held.release();
    expect((await first).status).toBe(201);
    // The hold is spent.
    expect(
      (await octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body: 'first' })).status,
    ).toBe(201);
  });
});

describe('fake GitHub GraphQL', () => {
  let prNumber = 0;
  let threadIds: string[] = [];
  let reviewNodeId = '';

  beforeAll(async () => {
    const issue = fake.addIssue({ ...repo, title: 'Closing target', body: 'the bug' });
    const pr = await fake.addPull({
      ...repo,
      title: 'GraphQL PR',
      head: 'gql',
      files: { 'g.txt': 'g\n' },
      closingIssues: [issue.number],
    });
    prNumber = pr.number;
    const review = fake.addReview({
      ...repo,
      pull: pr.number,
      body: 'Please fix the naming',
      state: 'CHANGES_REQUESTED',
      author: 'carol',
    });
    reviewNodeId = review.nodeId;
    const t1 = fake.addReviewThread({
      ...repo,
      pull: pr.number,
      path: 'g.txt',
      line: 1,
      comments: [
        { body: 'first', author: 'carol' },
        { body: 'second', author: 'alice', lastEditedAt: '2024-05-01T00:00:00Z' },
      ],
    });
    const t2 = fake.addReviewThread({
      ...repo,
      pull: pr.number,
      path: 'README.md',
      isResolved: true,
      comments: [{ body: 'done', author: 'carol' }],
    });
    threadIds = [t1.id, t2.id];
  });

  it('answers the PR review-data query with cursor pagination', async () => {
    const vars = { owner: O, repo: R, number: prNumber };
    const page1 = await octokit.graphql<ReviewData>(REVIEW_QUERY, vars);
    const pr = page1.repository.pullRequest;
    expect(pr.closingIssuesReferences.nodes).toEqual([{ number: expect.any(Number), body: 'the bug' }]);
    expect(pr.reviews.nodes).toEqual([
      expect.objectContaining({
        body: 'Please fix the naming',
        state: 'CHANGES_REQUESTED',
        author: { login: 'carol' },
        lastEditedAt: null,
      }),
    ]);
    expect(typeof pr.reviews.nodes[0]?.fullDatabaseId).toBe('string');
    expect(pr.reviewThreads.nodes).toHaveLength(1);
    const thread = pr.reviewThreads.nodes[0];
    expect(thread?.id).toBe(threadIds[0]);
    expect(thread?.comments.nodes.map((c) => [c.body, c.path, c.author.login, c.lastEditedAt])).toEqual([
      ['first', 'g.txt', 'carol', null],
      ['second', 'g.txt', 'alice', '2024-05-01T00:00:00Z'],
    ]);
    expect(pr.reviewThreads.pageInfo.hasNextPage).toBe(true);

    const page2 = await octokit.graphql<ReviewData>(REVIEW_QUERY, {
      ...vars,
      threadCursor: pr.reviewThreads.pageInfo.endCursor,
    });
    const t2 = page2.repository.pullRequest.reviewThreads;
    expect(t2.nodes.map((t) => [t.id, t.isResolved])).toEqual([[threadIds[1], true]]);
    expect(t2.pageInfo.hasNextPage).toBe(false);
    expect(fake.requests.at(-1)).toMatchObject({ kind: 'graphql', path: '/api/graphql', operation: 'repository' });
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`token ${fake.token}`);
  });

  it('replies to and resolves a review thread, and reacts to a review', async () => {
    const [threadId] = threadIds;
    const reply = await octokit.graphql<{
      addPullRequestReviewThreadReply: { comment: { body: string; author: { login: string } } };
    }>(
      `mutation ($id: ID!, $body: String!) {
        addPullRequestReviewThreadReply(input: { pullRequestReviewThreadId: $id, body: $body }) {
          comment { body author { login } }
        }
      }`,
      { id: threadId, body: 'Openhands fix success summary\n\n\nrenamed' },
    );
    expect(reply.addPullRequestReviewThreadReply.comment).toEqual({
      body: 'Openhands fix success summary\n\n\nrenamed',
      author: { login: 'github-actions[bot]' },
    });
    const state = fake.state.reviewThreads.find((t) => t.id === threadId);
    expect(state?.comments.map((c) => c.author)).toEqual(['carol', 'alice', 'github-actions[bot]']);

    const resolved = await octokit.graphql<{ resolveReviewThread: { thread: { id: string; isResolved: boolean } } }>(
      `mutation ($t: ID!) { resolveReviewThread(input: { threadId: $t }) { thread { id isResolved } } }`,
      { t: threadId },
    );
    expect(resolved.resolveReviewThread.thread).toEqual({ id: threadId, isResolved: true });
    expect(state?.isResolved).toBe(true);

    const reacted = await octokit.graphql<{
      addReaction: { reaction: { content: string }; subject: { id: string; __typename: string } };
    }>(
      `mutation ($s: ID!) { addReaction(input: { subjectId: $s, content: EYES }) { reaction { content } subject { id __typename } } }`,
      { s: reviewNodeId },
    );
    expect(reacted.addReaction).toEqual({
      reaction: { content: 'EYES' },
      subject: { id: reviewNodeId, __typename: 'PullRequestReview' },
    });
    expect(fake.state.reactions.at(-1)).toMatchObject({
      subject: { type: 'node', nodeId: reviewNodeId },
      content: 'eyes',
    });
  });

  it('supports aliases, fragments and __typename', async () => {
    const r = await octokit.graphql<{ a: { pr: { n: number; author: { __typename: string; login: string } } } }>(
      `query Q { a: repository(owner: "octo", name: "hello") { pr: pullRequest(number: ${prNumber}) { n: number ...Who } } }
       fragment Who on PullRequest { author { __typename ... on User { login } } }`,
    );
    expect(r.a.pr).toEqual({ n: prNumber, author: { __typename: 'User', login: 'octocat' } });
  });

  it.each([
    [
      'an unknown field',
      `query { repository(owner: "octo", name: "hello") { pullRequest(number: 1) { nonsense } } }`,
      {},
      "Field 'nonsense' doesn't exist on type 'PullRequest'",
    ],
    [
      'a missing required variable',
      `query ($n: Int!) { repository(owner: "octo", name: "hello") { pullRequest(number: $n) { id } } }`,
      {},
      'Variable $n',
    ],
    [
      'a variable of the wrong type',
      `query ($n: Int!) { repository(owner: "octo", name: "hello") { pullRequest(number: $n) { id } } }`,
      { n: 'one' },
      'Variable $n',
    ],
    ['an undeclared variable', `query { repository(owner: "octo", name: $r) { id } }`, {}, 'Variable $r is used'],
    ['a syntax error', `query { repository(owner: "octo" { id }`, {}, 'Parse error'],
    [
      'a connection without first',
      `query { repository(owner: "octo", name: "hello") { pullRequest(number: PRNUM) { reviews { nodes { body } } } } }`,
      {},
      'You must provide a `first`',
    ],
  ])('refuses %s', async (_name, query, variables, message) => {
    const before = fake.validationErrors.length;
    const e = await failure(octokit.graphql(query.replace('PRNUM', String(prNumber)), variables));
    expect(e.message).toContain(message);
    if (!message.startsWith('You must'))
      expect(fake.validationErrors.slice(before).map((x) => x.kind)).toEqual(['graphql']);
  });

  it('answers NOT_FOUND for a missing pull request and thread', async () => {
    const e = await failure(
      octokit.graphql(`query { repository(owner: "octo", name: "hello") { pullRequest(number: 4242) { id } } }`),
    );
    expect(e.message).toContain('Could not resolve to a PullRequest with the number of 4242');
    const m = await failure(
      octokit.graphql(`mutation { resolveReviewThread(input: { threadId: "PRRT_nope" }) { thread { id } } }`),
    );
    expect(m.message).toContain("Could not resolve to a node with the global id of 'PRRT_nope'");
  });

  it('applies faults to GraphQL by field', async () => {
    fake.failNext({
      path: '/graphql',
      graphqlField: 'addPullRequestReviewThreadReply',
      ...faults.secondaryRateLimit({ retryAfter: 1 }),
    });
    const ok = await octokit.graphql<{ repository: { id: string } }>(
      `query { repository(owner: "octo", name: "hello") { id } }`,
    );
    expect(ok.repository.id).toMatch(/^R_/);
    const e = await failure(
      octokit.graphql(
        `mutation ($id: ID!) { addPullRequestReviewThreadReply(input: { pullRequestReviewThreadId: $id, body: "x" }) { comment { id } } }`,
        {
          id: threadIds[0],
        },
      ),
    );
    expect(e.status).toBe(403);
    expect(e.headers['retry-after']).toBe('1');
  });
});

describe('fake GitHub git and html', () => {
  it('clones with the token in an extraheader, refuses a wrong token, records a push', async () => {
    const dir = path.join(tmp, 'clone');
    await git([
      '-c',
      `http.extraHeader=Authorization: ${fake.gitAuthHeader()}`,
      'clone',
      '-q',
      fake.cloneUrl(O, R),
      dir,
    ]);
    expect(readFileSync(path.join(dir, 'src', 'app.py'), 'utf8')).toBe('print("hi")\n');

    const bad = await tryGit([
      'clone',
      '-q',
      `http://x-access-token:WRONG@127.0.0.1:${fake.port}/octo/hello.git`,
      path.join(tmp, 'bad'),
    ]);
    expect(bad.stderr).toContain('Authentication failed');

    writeFileSync(path.join(dir, 'new.txt'), 'new\n');
    await git(['add', '.'], { cwd: dir });
    await git(
      ['-c', 'user.name=Bot', '-c', 'user.email=bot@example.com', 'commit', '-q', '-m', 'Fix issue #1: add file'],
      { cwd: dir },
    );
    await git(
      [
        '-c',
        `http.extraHeader=Authorization: ${fake.gitAuthHeader()}`,
        'push',
        '-q',
        'origin',
        'HEAD:refs/heads/openhands-fix-issue-1',
      ],
      {
        cwd: dir,
      },
    );
    expect(fake.git.pushes.at(-1)).toMatchObject({
      repo: 'octo/hello.git',
      ref: 'refs/heads/openhands-fix-issue-1',
      before: null,
    });
    const log = await fake.gitLog(O, R, 'openhands-fix-issue-1');
    expect(log[0]?.subject).toBe('Fix issue #1: add file');
    expect(log[0]?.authorName).toBe('Bot');
    expect(await fake.readFile(O, R, 'openhands-fix-issue-1', 'new.txt')).toBe('new\n');
    expect(await fake.readFile(O, R, 'main', 'new.txt')).toBeNull();
    expect((await fake.branches(O, R)).map((b) => b.name)).toContain('openhands-fix-issue-1');
    expect(fake.git.requests.every((r) => !r.path.includes(fake.token))).toBe(true);
  });

  it('serves an html page for a pull request link', async () => {
    const pr = await fake.addPull({
      ...repo,
      title: 'Visible <PR>',
      head: 'html-pr',
      files: { 'h.txt': 'hello html\n' },
    });
    const res = await fetch(`${fake.serverUrl}/octo/hello/pull/${pr.number}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Visible &lt;PR&gt;');
    expect(html).toContain('+hello html');
    expect((await fetch(`${fake.serverUrl}/octo/hello/pull/99999`)).status).toBe(404);
  });
});
