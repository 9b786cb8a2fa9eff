// send-pull-request, PR path (resolver.md §12.5), end to end against the fake GitHub and real git.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ResolverError } from '../../src/core/errors.js';
import { createRecordingLogger, type RecordingLogger } from '../../src/core/log.js';
import { createRedactor } from '../../src/core/redact.js';
import { createGit } from '../../src/git/git.js';
import { createGitHubApi } from '../../src/github/api.js';
import { createOctokit } from '../../src/github/client.js';
import { marker } from '../../src/github/marker.js';
import { recordRunId, sendPullRequest, type SendDeps, type SendOptions } from '../../src/resolver/send-pull-request.js';
import { THREAD_REPLY_HEADER, parseExplanations } from '../../src/resolver/send-pr-update.js';
import { issueRecord, type OutputRecord } from '../../src/resolver/types.js';
import { startFakeGitHub, type FakeGitHub } from '../../src/testing/fake-github/index.js';

const IDENTITY = { name: 'openhands', email: 'openhands@all-hands.dev' };
const O = 'octo';

let fake: FakeGitHub;
let tmp: string;
let seq = 0;

beforeAll(async () => {
  fake = await startFakeGitHub();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'oh-sendpr-'));
});
afterAll(async () => {
  await fake?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});
afterEach(() => {
  expect(fake.validationErrors).toEqual([]);
});

const PATCH = [
  'diff --git a/feature.txt b/feature.txt',
  '--- a/feature.txt',
  '+++ b/feature.txt',
  '@@ -1,3 +1,3 @@',
  ' one',
  '-two',
  '+TWO (addressed)',
  ' three',
].join('\n');

interface Scenario {
  repo: string;
  number: number;
  headSha: string;
  threadIds: string[];
  logger: RecordingLogger;
  deps: SendDeps;
  record: (over?: Partial<OutputRecord>) => OutputRecord;
  send: (
    over?: Omit<Partial<SendOptions>, 'record'> & { record?: Partial<OutputRecord> },
  ) => ReturnType<typeof sendPullRequest>;
}

/** A fresh repository with one open PR (head `feature`) and two unresolved review threads. */
async function scenario(opts: { fork?: boolean; summarize?: SendDeps['summarize'] } = {}): Promise<Scenario> {
  seq++;
  const repo = `prs${seq}`;
  await fake.addRepo({ owner: O, repo, files: { 'README.md': '# r\n' } });
  let headRepo: string | undefined;
  if (opts.fork) {
    await fake.addRepo({ owner: 'forker', repo, forkOf: `${O}/${repo}` });
    headRepo = `forker/${repo}`;
  }
  const pull = await fake.addPull({
    owner: O,
    repo,
    title: 'Add the feature',
    head: 'feature',
    files: { 'feature.txt': 'one\ntwo\nthree\n' },
    author: 'alice',
    ...(headRepo ? { headRepo } : {}),
  });
  const t1 = fake.addReviewThread({
    owner: O,
    repo,
    pull: pull.number,
    path: 'feature.txt',
    comments: [{ body: 'two is wrong', author: 'bob' }],
  });
  const t2 = fake.addReviewThread({
    owner: O,
    repo,
    pull: pull.number,
    path: 'feature.txt',
    comments: [{ body: 'also three', author: 'bob' }],
  });
  const headSha = (await fake.resolveRef(O, repo, `refs/pull/${pull.number}/head`)) ?? '';
  const logger = createRecordingLogger();
  const urls = { apiUrl: fake.apiUrl, graphqlUrl: fake.graphqlUrl, serverUrl: fake.serverUrl };
  const redactor = createRedactor([fake.token]);
  const deps: SendDeps = {
    api: createGitHubApi(createOctokit({ token: fake.token, urls, logger, timing: { scale: 0.001 } }), urls),
    git: createGit({
      serverUrl: fake.serverUrl,
      token: fake.token,
      authDir: path.join(tmp, `auth${seq}`),
      logger,
      redactor,
    }),
    logger,
    redactor,
    ...(opts.summarize ? { summarize: opts.summarize } : {}),
  };
  const record = (over: Partial<OutputRecord> = {}): OutputRecord => ({
    issue: issueRecord({
      owner: O,
      repo,
      number: pull.number,
      title: 'Add the feature',
      review_threads: [
        { comment: 'latest feedback:\ntwo is wrong\n', files: ['feature.txt'] },
        { comment: 'latest feedback:\nalso three\n', files: ['feature.txt'] },
      ],
      thread_ids: [t1.id, t2.id],
      head_branch: 'feature',
      base_branch: 'main',
    }),
    issue_type: 'pr',
    instruction: 'address the feedback',
    base_commit: headSha,
    git_patch: PATCH,
    history: [],
    metrics: null,
    success: true,
    comment_success: [true, false],
    result_explanation: '["Capitalised two.", "Three needs no change."]',
    error: null,
    ...over,
  });
  let run = 0;
  return {
    repo,
    number: pull.number,
    headSha,
    threadIds: [t1.id, t2.id],
    logger,
    deps,
    record,
    send: (over = {}) => {
      const { record: rec, ...o } = over;
      run++;
      return sendPullRequest(deps, {
        outputDir: path.join(tmp, `${repo}-out${run}`),
        record: record(rec),
        prType: 'draft',
        identity: IDENTITY,
        runId: 'run-1',
        ...o,
      });
    },
  };
}

const commentsOn = (repo: string, n: number) =>
  fake.state.comments.filter((c) => c.repo === `${O}/${repo}` && c.issueNumber === n);
const thread = (id: string) => fake.state.reviewThreads.find((t) => t.id === id);
const infos = (l: RecordingLogger) => l.lines.filter((x) => x.level === 'info').map((x) => x.message);

describe('sendPullRequest: PR path', () => {
  it('pushes to the PR head, posts one summary, replies to each thread once, resolves addressed ones', async () => {
    const s = await scenario();
    const res = await s.send({ resolveThreads: true });
    const prUrl = `${fake.serverUrl}/${O}/${s.repo}/pull/${s.number}`;
    expect(res).toMatchObject({
      conclusion: 'success',
      url: prUrl,
      number: s.number,
      branch: 'feature',
      updated: true,
    });
    expect(infos(s.logger)).toContain(`Updated pull request ${prUrl} with new patches.`);

    const [head] = await fake.gitLog(O, s.repo, 'feature');
    expect(head).toMatchObject({
      subject: `Fix pr #${s.number}: Add the feature`,
      parents: [s.headSha],
      authorName: 'openhands',
    });
    expect(await fake.readFile(O, s.repo, 'feature', 'feature.txt')).toBe('one\nTWO (addressed)\nthree\n');

    const comments = commentsOn(s.repo, s.number);
    expect(comments).toHaveLength(1);
    // The model's words are quoted: a literal block, nothing in it renders or notifies (DESIGN.md §8.23).
    expect(comments[0]?.body).toContain(
      'Feedback addressed:\n\n```text\n- Capitalised two.\n- Three needs no change.\n```',
    );
    expect(comments[0]?.body).toContain(marker('pr-update', 'run-1'));

    const [t1, t2] = s.threadIds.map(thread);
    expect(t1?.comments.at(-1)?.body).toBe(
      `${THREAD_REPLY_HEADER}\`\`\`text\nCapitalised two.\n\`\`\`\n\n${marker('thread-reply', 'run-1')}`,
    );
    expect(t2?.comments.at(-1)?.body.startsWith(`${THREAD_REPLY_HEADER}\`\`\`text\nThree needs no change.`)).toBe(true);
    expect([t1?.isResolved, t2?.isResolved]).toEqual([true, false]);

    // A redelivery of the same run: the head already has our change; nothing is pushed or duplicated.
    const again = await s.send();
    expect(again).toMatchObject({ branch: 'feature', updated: true });
    expect(await fake.resolveRef(O, s.repo, 'feature')).toBe(head?.sha);
    expect(commentsOn(s.repo, s.number)).toHaveLength(1);
    expect(thread(s.threadIds[0] ?? '')?.comments).toHaveLength(2);
  });

  it('two sends of one record without a run id (the CLI): the second pushes nothing and duplicates nothing', async () => {
    const s = await scenario();
    const runId = recordRunId(s.record());
    expect(runId).toMatch(/^cli-[0-9a-f]{12}$/);
    // Another record (another patch) gets another id.
    expect(recordRunId(s.record({ git_patch: `${PATCH}\n` }))).not.toBe(runId);

    await s.send({ runId: undefined });
    const [ours] = await fake.gitLog(O, s.repo, 'feature');
    const pushes = fake.git.pushes.length;
    const summary = commentsOn(s.repo, s.number);
    expect(summary).toHaveLength(1);
    expect(summary[0]?.body).toContain(marker('pr-update', runId));

    s.logger.lines.length = 0;
    const again = await s.send({ runId: undefined });
    expect(again).toMatchObject({ conclusion: 'success', branch: 'feature', updated: true, commitSha: ours?.sha });
    // Nothing pushed: the head already has a commit with exactly our tree.
    expect(fake.git.pushes.slice(pushes)).toEqual([]);
    expect(await fake.resolveRef(O, s.repo, 'feature')).toBe(ours?.sha);
    const prUrl = `${fake.serverUrl}/${O}/${s.repo}/pull/${s.number}`;
    expect(infos(s.logger), infos(s.logger).join('\n')).toContain(
      `Pull request ${prUrl} already has these changes (commit ${ours?.sha.slice(0, 12)} on feature); nothing was pushed.`,
    );
    expect(infos(s.logger).join('\n')).not.toMatch(/moved; rebasing|with new patches/);
    // The summary was edited in place, and no thread got a second reply.
    expect(commentsOn(s.repo, s.number).map((c) => c.id)).toEqual(summary.map((c) => c.id));
    for (const id of s.threadIds) expect(thread(id)?.comments).toHaveLength(2);

    // Someone pushes on top of our commit; a third send still finds it and pushes nothing.
    const later = await fake.pushFiles(O, s.repo, {
      branch: 'feature',
      files: { 'later.txt': 'x\n' },
      author: 'alice',
    });
    await s.send({ runId: undefined });
    expect(await fake.resolveRef(O, s.repo, 'feature')).toBe(later);
    expect(commentsOn(s.repo, s.number)).toHaveLength(1);
    for (const id of s.threadIds) expect(thread(id)?.comments).toHaveLength(2);
  });

  it('a moved head: our commit is rebased once and pushed on top', async () => {
    const s = await scenario();
    const moved = await fake.pushFiles(O, s.repo, {
      branch: 'feature',
      files: { 'other.txt': 'x\n' },
      author: 'alice',
    });
    const res = await s.send();
    expect(res).toMatchObject({ branch: 'feature', updated: true });
    const [head] = await fake.gitLog(O, s.repo, 'feature');
    expect(head?.parents).toEqual([moved]);
    expect(await fake.readFile(O, s.repo, 'feature', 'other.txt')).toBe('x\n');
    expect(await fake.readFile(O, s.repo, 'feature', 'feature.txt')).toBe('one\nTWO (addressed)\nthree\n');
  });

  it('a conflicting push to the head: the fix goes to openhands-fix-pr-N and the summary says so', async () => {
    const s = await scenario();
    const moved = await fake.pushFiles(O, s.repo, {
      branch: 'feature',
      files: { 'feature.txt': 'one\n2\nthree\n' },
      author: 'alice',
    });
    const res = await s.send();
    const branch = `openhands-fix-pr-${s.number}`;
    expect(res).toMatchObject({ conclusion: 'success', branch, prType: 'branch', updated: false });
    expect(res.warnings[0]).toMatch(/conflicts/);
    expect(await fake.resolveRef(O, s.repo, 'feature')).toBe(moved);
    expect(await fake.readFile(O, s.repo, branch, 'feature.txt')).toBe('one\nTWO (addressed)\nthree\n');
    expect(commentsOn(s.repo, s.number)[0]?.body).toContain(
      `[\`${branch}\`](${fake.serverUrl}/${O}/${s.repo}/compare/${branch}?expand=1)`,
    );
  });

  it('a fork PR with an installation token: no branch in the base repository; a review with suggestions', async () => {
    const s = await scenario({ fork: true });
    const forkHead = await fake.resolveRef('forker', s.repo, 'feature');
    const baseBranches = await fake.branches(O, s.repo);
    const res = await s.send();
    expect(res).toMatchObject({ conclusion: 'success', prType: 'branch', updated: false });
    expect(res.warnings.join('\n')).toMatch(/review with suggested changes/);
    expect(await fake.resolveRef('forker', s.repo, 'feature')).toBe(forkHead);
    expect(await fake.branches(O, s.repo)).toEqual(baseBranches);
    expect(fake.git.pushes.filter((p) => p.repo === `${O}/${s.repo}.git`)).toEqual([]);
    const review = fake.state.reviews.find((r) => r.repo === `${O}/${s.repo}` && r.pullNumber === s.number);
    expect(review?.body).toContain(marker('suggestions', 'run-1'));
  });

  it('the failure path never touches the PR head and posts nothing', async () => {
    const s = await scenario();
    const res = await s.send({ record: { success: false, comment_success: [false, false] }, sendOnFailure: true });
    const branch = `openhands-fix-pr-${s.number}`;
    expect(res).toMatchObject({
      conclusion: 'failure',
      branch,
      url: `${fake.serverUrl}/${O}/${s.repo}/compare/${branch}?expand=1`,
    });
    expect(res.commented).toBe(false);
    expect(await fake.resolveRef(O, s.repo, 'feature')).toBe(s.headSha);
    expect(commentsOn(s.repo, s.number)).toHaveLength(0);
    expect(thread(s.threadIds[0] ?? '')?.comments).toHaveLength(1);
  });

  it('an unparsable explanation: a comment with the raw text, and one comment saying the replies failed', async () => {
    const s = await scenario();
    await s.send({ record: { result_explanation: 'not json at all' } });
    const bodies = commentsOn(s.repo, s.number).map((c) => c.body);
    expect(bodies).toHaveLength(2);
    expect(bodies.find((b) => b.includes(marker('pr-update', 'run-1')))).toMatch(
      /could not be summarised[\s\S]*not json at all/,
    );
    expect(bodies.find((b) => b.includes(marker('thread-reply', 'run-1')))).toMatch(
      /could not reply to the review threads/,
    );
  });

  it('an LLM overview replaces the plain list; an empty list posts no summary', async () => {
    const seen: string[][] = [];
    const s = await scenario({
      summarize: async (e) => {
        seen.push(e);
        return '  All feedback was addressed.  ';
      },
    });
    await s.send();
    expect(seen).toEqual([['Capitalised two.', 'Three needs no change.']]);
    expect(commentsOn(s.repo, s.number)[0]?.body).toBe(
      `OpenHands pushed an update to this pull request. Overview:\n\n\`\`\`text\nAll feedback was addressed.\n\`\`\`\n\n${marker('pr-update', 'run-1')}`,
    );

    const quiet = await scenario();
    await quiet.send({
      record: { result_explanation: '[]', issue: { ...quiet.record().issue, review_threads: [], thread_ids: [] } },
    });
    expect(commentsOn(quiet.repo, quiet.number)).toHaveLength(0);
  });

  it('a closed PR is refused before anything is pushed', async () => {
    const s = await scenario();
    const pr = fake.state.pulls.find((p) => p.repo === `${O}/${s.repo}`);
    if (pr) pr.state = 'closed';
    const err = await s.send().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolverError);
    expect((err as ResolverError).code).toBe('not-open');
    expect(await fake.resolveRef(O, s.repo, 'feature')).toBe(s.headSha);
  });
});

describe('parseExplanations', () => {
  it.each([
    ['["a", "b"]', ['a', 'b']],
    ['["caf\\u00e9"]', ['café']],
    ['[]', []],
    ['not json', null],
    ['{"a": 1}', null],
    ['[1, 2]', null],
  ])('%s', (text, expected) => {
    expect(parseExplanations(text)).toEqual(expected);
  });
});
