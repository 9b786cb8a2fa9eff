// send-pull-request, issue path, end to end: real git through the fake GitHub's smart-HTTP bridge, REST
// validated against GitHub's OpenAPI description.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ResolverError } from '../../src/core/errors.js';
import { createRecordingLogger, type RecordingLogger } from '../../src/core/log.js';
import { createRedactor, secretForms } from '../../src/core/redact.js';
import { createGit } from '../../src/git/git.js';
import { createGitHubApi } from '../../src/github/api.js';
import { createOctokit } from '../../src/github/client.js';
import { redactRecord } from '../../src/resolver/output.js';
import { sendPullRequest, type SendOptions } from '../../src/resolver/send-pull-request.js';
import { issueRecord, type OutputRecord } from '../../src/resolver/types.js';
import { faults, startFakeGitHub, type FakeGitHub } from '../../src/testing/fake-github/index.js';
import { git as tgit } from '../../src/testing/git.js';

const IDENTITY = { name: 'openhands', email: 'openhands@all-hands.dev' };
const OWNER = 'octo';
const REPO = 'hello';

let fake: FakeGitHub;
let tmp: string;
let issue: number;
let issueTitle: string;

beforeAll(async () => {
  fake = await startFakeGitHub({
    repos: [{ owner: OWNER, repo: REPO, files: { 'README.md': '# hello\n', 'src/app.py': 'print("v1")\n' } }],
  });
  fake.addUser('alice');
  fake.addUser('bob');
  fake.setPermission(OWNER, REPO, 'bob', 'write');
  issueTitle = 'Crash on "start" with $(weird) `chars`';
  issue = fake.addIssue({ owner: OWNER, repo: REPO, title: issueTitle, body: 'It crashes.', author: 'alice' }).number;
  tmp = await mkdtemp(path.join(os.tmpdir(), 'oh-send-'));
});

afterAll(async () => {
  await fake?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

interface Harness {
  logger: RecordingLogger;
  argvs: string[][];
  outputDir: string;
  send: (
    over?: Omit<Partial<SendOptions>, 'record'> & { record?: Partial<OutputRecord> },
  ) => ReturnType<typeof sendPullRequest>;
}

let h: Harness;
let runNo = 0;

beforeEach(async () => {
  // Every test starts from a repository without our branches and PRs.
  const bare = fake.state.repos.find((r) => r.fullName === `${OWNER}/${REPO}`)?.dir ?? '';
  for (const b of await fake.branches(OWNER, REPO)) {
    if (b.name !== 'main') await tgit(['update-ref', '-d', `refs/heads/${b.name}`], { cwd: bare });
  }
  for (const p of fake.state.pulls) p.state = 'closed';
  runNo++;
  const logger = createRecordingLogger();
  const argvs: string[][] = [];
  const redactor = createRedactor([fake.token]);
  const urls = { apiUrl: fake.apiUrl, graphqlUrl: fake.graphqlUrl, serverUrl: fake.serverUrl };
  const api = createGitHubApi(createOctokit({ token: fake.token, urls, logger, timing: { scale: 0.001 } }), urls);
  const outputDir = path.join(tmp, `out-${runNo}`);
  const gitClient = createGit({
    serverUrl: fake.serverUrl,
    token: fake.token,
    authDir: path.join(tmp, `auth-${runNo}`),
    logger,
    redactor,
    onCommand: (a) => argvs.push([...a]),
  });
  const baseCommit = (await fake.resolveRef(OWNER, REPO, 'main')) ?? '';
  h = {
    logger,
    argvs,
    outputDir,
    send: (over = {}) => {
      const { record: rec, ...opts } = over;
      const record: OutputRecord = {
        issue: issueRecord({ owner: OWNER, repo: REPO, number: issue, title: issueTitle, body: 'It crashes.' }),
        issue_type: 'issue',
        instruction: 'fix it',
        base_commit: baseCommit,
        git_patch: patchFor('print("v2")'),
        history: [],
        metrics: null,
        success: true,
        comment_success: null,
        result_explanation: 'Changed the greeting to v2.',
        error: null,
        ...rec,
      };
      return sendPullRequest(
        { api, git: gitClient, logger, redactor },
        { outputDir, record, prType: 'draft', identity: IDENTITY, runId: `run-${runNo}`, ...opts },
      );
    },
  };
});

afterEach(() => {
  expect(fake.validationErrors).toEqual([]);
});

async function recordOf(patch: string): Promise<OutputRecord> {
  return {
    issue: issueRecord({ owner: OWNER, repo: REPO, number: issue, title: issueTitle, body: 'It crashes.' }),
    issue_type: 'issue',
    instruction: 'fix it',
    base_commit: (await fake.resolveRef(OWNER, REPO, 'main')) ?? '',
    git_patch: patch,
    history: [],
    metrics: null,
    success: true,
    comment_success: null,
    result_explanation: 'Changed it.',
    error: null,
  };
}

function patchFor(line: string): string {
  return [
    'diff --git a/src/app.py b/src/app.py',
    '--- a/src/app.py',
    '+++ b/src/app.py',
    '@@ -1 +1 @@',
    '-print("v1")',
    `+${line}`,
  ].join('\n');
}

const infoLines = (l: RecordingLogger) => l.lines.filter((x) => x.level === 'info').map((x) => x.message);
const openPulls = () => fake.state.pulls.filter((p) => p.state === 'open');

function assertNoTokenInArgv(argvs: string[][]) {
  const flat = argvs.flat().join('\n');
  for (const f of [fake.token, ...secretForms(fake.token)]) expect(flat).not.toContain(f);
}

describe('sendPullRequest: issue path', () => {
  it('opens a draft PR with the right branch, title, body, commit message and author', async () => {
    const res = await h.send({ coAuthor: 'alice' });
    expect(res).toMatchObject({
      conclusion: 'success',
      prType: 'draft',
      branch: `openhands-fix-issue-${issue}`,
      updated: false,
      skipped: [],
    });
    expect(res.url).toBe(`${fake.serverUrl}/${OWNER}/${REPO}/pull/${res.number}`);
    expect(infoLines(h.logger)).toContain(`draft created: ${res.url}`);

    const pulls = openPulls();
    expect(pulls).toHaveLength(1);
    const pr = pulls[0];
    if (!pr) throw new Error('no PR');
    expect(pr).toMatchObject({ draft: true, headRef: `openhands-fix-issue-${issue}`, baseRef: 'main' });
    expect(pr.title).toBe(`Fix issue #${issue}: ${issueTitle}`);
    expect(
      (pr.body ?? '').startsWith(
        `This pull request fixes #${issue}.\n\nThe agent's explanation:\n\n\`\`\`text\nChanged the greeting to v2.\n\`\`\``,
      ),
    ).toBe(true);
    expect(pr.body).toContain(`<!-- openhands-resolver:pull-request run=run-${runNo} -->`);

    const [head] = await fake.gitLog(OWNER, REPO, `openhands-fix-issue-${issue}`);
    expect(head?.message).toBe(
      `Fix issue #${issue}: ${issueTitle}\n\nCo-authored-by: alice <alice@users.noreply.127.0.0.1>`,
    );
    expect(head).toMatchObject({
      authorName: 'openhands',
      authorEmail: 'openhands@all-hands.dev',
      committerName: 'openhands',
    });
    expect(await fake.readFile(OWNER, REPO, `openhands-fix-issue-${issue}`, 'src/app.py')).toBe('print("v2")\n');
    // The working copy was a fresh clone (no repo/): patches/issue_N holds it, without any credential.
    expect(await readdir(path.join(h.outputDir, 'patches'))).toEqual([`issue_${issue}`]);
    const config = await tgit(['config', '--list', '--local'], {
      cwd: path.join(h.outputDir, 'patches', `issue_${issue}`),
    });
    expect(config).not.toMatch(/extraheader|x-access-token/i);
    assertNoTokenInArgv(h.argvs);
    // Every authenticated git request carried exactly the Basic extraheader.
    const auths = new Set(fake.git.requests.map((r) => r.authorization?.toLowerCase() ?? null));
    expect([...auths].filter((a) => a !== null)).toEqual([fake.gitAuthHeader().toLowerCase()]);
  });

  it('a re-run updates the same branch and PR (one open PR), force-with-lease on our own branch', async () => {
    const first = await h.send();
    const again = await h.send({ record: { git_patch: patchFor('print("v3")'), result_explanation: 'Now v3.' } });
    expect(again).toMatchObject({ conclusion: 'success', updated: true, number: first.number, branch: first.branch });
    expect(openPulls()).toHaveLength(1);
    expect(infoLines(h.logger)).toContain(`Updated pull request ${first.url} with new patches.`);
    expect(await fake.readFile(OWNER, REPO, first.branch ?? '', 'src/app.py')).toBe('print("v3")\n');
    const pr = openPulls()[0];
    expect(pr?.body).toContain('Now v3.');
    // One commit on top of main: the old attempt was replaced, not stacked.
    const log = await fake.gitLog(OWNER, REPO, first.branch ?? '');
    expect(log[1]?.sha).toBe(await fake.resolveRef(OWNER, REPO, 'main'));
  });

  it('reuses a local repo/ copy when present', async () => {
    await tgit([
      'clone',
      '-q',
      '-c',
      `http.extraHeader=Authorization: ${fake.gitAuthHeader()}`,
      fake.cloneUrl(OWNER, REPO),
      path.join(h.outputDir, 'repo'),
    ]);
    const res = await h.send({ prType: 'ready' });
    expect(res).toMatchObject({ conclusion: 'success', prType: 'ready' });
    expect(openPulls()[0]).toMatchObject({ draft: false });
    expect(h.argvs.some((a) => a.includes('clone'))).toBe(false);
    expect(infoLines(h.logger)).toContain(`ready created: ${res.url}`);
  });

  it('fails when the target branch does not exist, before pushing anything', async () => {
    const pushes = fake.git.pushes.length;
    const err = await h.send({ targetBranch: 'nope' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolverError);
    expect((err as ResolverError).message).toBe('Target branch nope does not exist');
    expect(fake.git.pushes.length).toBe(pushes);
  });

  it('uses an existing target branch as the PR base', async () => {
    await fake.pushFiles(OWNER, REPO, { branch: 'develop', files: { 'dev.txt': 'dev\n' } });
    const res = await h.send({ targetBranch: 'develop' });
    expect(openPulls().find((p) => p.number === res.number)).toMatchObject({ baseRef: 'develop' });
  });

  it('branch mode pushes and returns the compare link without any PR call', async () => {
    const before = fake.find('POST', /\/pulls$/).length;
    const res = await h.send({ prType: 'branch' });
    const url = `${fake.serverUrl}/${OWNER}/${REPO}/compare/openhands-fix-issue-${issue}?expand=1`;
    expect(res).toMatchObject({ conclusion: 'success', prType: 'branch', url, number: null });
    expect(infoLines(h.logger)).toContain(`branch created: ${url}`);
    expect(fake.find('POST', /\/pulls$/).length).toBe(before);
    expect(await fake.readFile(OWNER, REPO, `openhands-fix-issue-${issue}`, 'src/app.py')).toBe('print("v2")\n');
  });

  it('no changes: no commit, no push, the reference log line', async () => {
    const pushes = fake.git.pushes.length;
    const res = await h.send({ record: { git_patch: '' } });
    expect(res).toMatchObject({ conclusion: 'no-changes', url: null, branch: null });
    expect(res.message).toBe('ERROR: Openhands failed to make code changes.');
    expect(infoLines(h.logger)).toContain(`No changes to commit for issue #${issue}. Skipping commit.`);
    expect(fake.git.pushes.length).toBe(pushes);
  });

  it('skips an unsuccessful record unless send-on-failure', async () => {
    const res = await h.send({ record: { success: false } });
    expect(res.conclusion).toBe('skipped');
    expect(infoLines(h.logger)).toEqual([`Issue ${issue} was not successfully resolved. Skipping PR creation.`]);
    expect(h.argvs).toEqual([]);

    const forced = await h.send({ record: { success: false }, sendOnFailure: true, prType: 'branch' });
    expect(forced).toMatchObject({ conclusion: 'failure', prType: 'branch', branch: `openhands-fix-issue-${issue}` });
  });

  it('requests a review, but never from a bot or the PR author', async () => {
    const res = await h.send({ reviewer: 'bob' });
    expect(openPulls().find((p) => p.number === res.number)).toMatchObject({ requestedReviewers: ['bob'] });
    const before = fake.find('POST', /requested_reviewers/).length;
    await h.send({ reviewer: 'dependabot[bot]' });
    await h.send({ reviewer: fake.actor.login });
    expect(fake.find('POST', /requested_reviewers/).length).toBe(before);
  });

  it('a failed reviewer request only warns', async () => {
    fake.failNext({
      method: 'POST',
      path: /requested_reviewers/,
      ...faults.unprocessable('Reviews may only be requested from collaborators.'),
    });
    const res = await h.send({ reviewer: 'bob' });
    expect(res.conclusion).toBe('success');
    expect(res.warnings.join('\n')).toMatch(/Could not request a review from bob/);
  });

  it('a PR creation failure falls back to the pushed branch and its compare link', async () => {
    fake.failNext({
      method: 'POST',
      path: `/repos/${OWNER}/${REPO}/pulls`,
      status: 403,
      body: { message: 'GitHub Actions is not permitted to create or approve pull requests.' },
    });
    const res = await h.send();
    expect(res).toMatchObject({
      conclusion: 'success',
      prType: 'branch',
      url: `${fake.serverUrl}/${OWNER}/${REPO}/compare/openhands-fix-issue-${issue}?expand=1`,
    });
    expect(res.warnings[0]).toMatch(/^Failed to create pull request due to missing permissions\./);
    expect(openPulls()).toHaveLength(0);
  });

  it('a 422 "already exists" finds and updates that PR', async () => {
    const first = await h.send();
    // Hide the open PR from the reuse check so creation races into the 422.
    fake.failNext({ method: 'GET', path: `/repos/${OWNER}/${REPO}/pulls`, status: 200, body: [] });
    const again = await h.send({ record: { result_explanation: 'Raced.' } });
    expect(again).toMatchObject({ updated: true, number: first.number });
    expect(openPulls()).toHaveLength(1);
    expect(openPulls()[0]?.body).toContain('Raced.');
  });

  it('a push failure is a push error and no PR call follows', async () => {
    fake.failNext({ path: new RegExp(`/${OWNER}/${REPO}\\.git/git-receive-pack$`), status: 403, body: 'denied' });
    const before = fake.find('POST', /\/pulls$/).length;
    const err = await h.send().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolverError);
    expect((err as ResolverError).code).toBe('push');
    expect((err as Error).message).toMatch(/^Failed to push changes to the remote repository/);
    expect(fake.find('POST', /\/pulls$/).length).toBe(before);
  });
});

describe('sendPullRequest: token-shaped strings and secrets in the patch', () => {
  it('a token-shaped string is committed byte-identical and flagged in the PR body', async () => {
    const shaped = 'ghp_' + 'Zq9'.repeat(12);
    const line = `const t = "${shaped}"`;
    const redactor = createRedactor([fake.token]);
    const base = { ...(await recordOf(patchFor(line))) };
    const res = await h.send({ record: redactRecord(base, redactor) });
    expect(res.conclusion).toBe('success');
    expect(await fake.readFile(OWNER, REPO, `openhands-fix-issue-${issue}`, 'src/app.py')).toBe(`${line}\n`);
    const pr = openPulls()[0];
    expect(pr?.body).toContain('Please check');
    expect(pr?.body).toContain('a GitHub token (gh?_…) in `src/app.py`, line 1');
    expect(pr?.body).not.toContain(shaped);
  });

  it('the real registered token in the patch is never committed or posted', async () => {
    const redactor = createRedactor([fake.token]);
    const rec = redactRecord(await recordOf(patchFor(`token = "${fake.token}"`)), redactor);
    expect(rec.git_patch).toBeNull();
    await h.send({ record: rec, sendOnFailure: true }).catch(() => undefined);
    const branches = await fake.branches(OWNER, REPO);
    for (const b of branches) {
      const content = await fake.readFile(OWNER, REPO, b.name, 'src/app.py');
      expect(content ?? '').not.toContain(fake.token);
    }
    for (const p of fake.state.pulls) expect(`${p.title}\n${p.body ?? ''}`).not.toContain(fake.token);
    for (const c of fake.state.comments) expect(c.body).not.toContain(fake.token);
  });
});

describe('sendPullRequest: branch collisions (resolver.md §12.3)', () => {
  it('reuse: a branch with foreign commits is left alone; the next candidate is used', async () => {
    await fake.pushFiles(OWNER, REPO, {
      branch: `openhands-fix-issue-${issue}`,
      files: { 'human.txt': 'mine\n' },
      author: 'bob',
    });
    const res = await h.send();
    expect(res.branch).toBe(`openhands-fix-issue-${issue}-try2`);
    expect(await fake.readFile(OWNER, REPO, `openhands-fix-issue-${issue}`, 'human.txt')).toBe('mine\n');
  });

  it('reuse: our open PR on a branch someone else pushed to is left alone; this attempt goes to a branch only', async () => {
    const first = await h.send();
    await fake.pushFiles(OWNER, REPO, { branch: first.branch ?? '', files: { 'human.txt': 'fixup\n' }, author: 'bob' });
    const again = await h.send({ record: { git_patch: patchFor('print("v4")') } });
    expect(again).toMatchObject({ prType: 'branch', branch: `openhands-fix-issue-${issue}-try2`, number: null });
    expect(again.warnings[0]).toContain(`#${first.number}`);
    expect(openPulls()).toHaveLength(1);
  });

  it('reuse: the failure path does not reuse a branch that has an open PR', async () => {
    await h.send();
    const res = await h.send({ record: { success: false }, sendOnFailure: true, prType: 'branch' });
    expect(res).toMatchObject({ conclusion: 'failure', branch: `openhands-fix-issue-${issue}-try2` });
  });

  it('new: the first free candidate, like the reference', async () => {
    await h.send({ prType: 'branch' });
    const res = await h.send({ prType: 'branch', branchCollision: 'new' });
    expect(res.branch).toBe(`openhands-fix-issue-${issue}-try2`);
    const third = await h.send({ prType: 'branch', branchCollision: 'new' });
    expect(third.branch).toBe(`openhands-fix-issue-${issue}-try3`);
  });
});
