// Fork PRs (DESIGN.md §8.22, docs/fork-prs.md): a fork-based commit never reaches the base repository. With
// maintainer_can_modify and push rights the fork head gets exactly our one commit; otherwise a review with
// suggested-change blocks that reproduce our change. Real git against the fake GitHub.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { createRedactor } from '../../src/core/redact.js';
import { createGit } from '../../src/git/git.js';
import { createGitHubApi } from '../../src/github/api.js';
import { createOctokit } from '../../src/github/client.js';
import { marker } from '../../src/github/marker.js';
import { fenceFor, parseFileDiffs, suggestionBlock, suggestionOf } from '../../src/resolver/fork-delivery.js';
import { sendPullRequest, type SendDeps } from '../../src/resolver/send-pull-request.js';
import { issueRecord, type OutputRecord } from '../../src/resolver/types.js';
import { startFakeGitHub, type FakeGitHub } from '../../src/testing/fake-github/index.js';
import { git as runGit } from '../../src/testing/git.js';

const IDENTITY = { name: 'openhands', email: 'openhands@all-hands.dev' };
const O = 'octo';
const FORKER = 'forker';

/** The fake as the workflow's installation token (a Bot: it cannot push to forks) and as a maintainer's PAT. */
let botFake: FakeGitHub;
let userFake: FakeGitHub;
let tmp: string;
let seq = 0;

beforeAll(async () => {
  botFake = await startFakeGitHub();
  userFake = await startFakeGitHub({ actor: { login: 'maintainer', type: 'User' } });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'oh-fork-'));
});
afterAll(async () => {
  await botFake?.close();
  await userFake?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});
afterEach(() => {
  expect(botFake.validationErrors).toEqual([]);
  expect(userFake.validationErrors).toEqual([]);
});

const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => `${f(i + 1)}\n`).join('');
/** The PR adds code.txt (30 lines) and a workflow of the fork's own; the base has README.md and app.txt. */
const CODE = lines(30, (i) => `line ${i}`);
const APP = lines(5, (i) => `app ${i}`);
const EVIL_WORKFLOW = 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$SECRET"\n';

interface World {
  fake: FakeGitHub;
  repo: string;
  number: number;
  pinned: string;
  deps: SendDeps;
  baseRefs: () => Promise<string[]>;
  send: (
    patch: string,
    over?: Partial<OutputRecord> & { sendOnFailure?: boolean },
  ) => ReturnType<typeof sendPullRequest>;
}

async function world(fake: FakeGitHub, o: { maintainerCanModify?: boolean } = {}): Promise<World> {
  seq++;
  const repo = `fr${seq}`;
  await fake.addRepo({ owner: O, repo, files: { 'README.md': '# r\n', 'app.txt': APP } });
  await fake.addRepo({ owner: FORKER, repo, forkOf: `${O}/${repo}` });
  const pull = await fake.addPull({
    owner: O,
    repo,
    title: 'Add code',
    head: 'feature',
    headRepo: `${FORKER}/${repo}`,
    files: { 'code.txt': CODE, '.github/workflows/evil.yml': EVIL_WORKFLOW },
    author: FORKER,
    maintainerCanModify: o.maintainerCanModify ?? true,
  });
  const pinned = (await fake.resolveRef(O, repo, `refs/pull/${pull.number}/head`)) ?? '';
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
  };
  const baseDir = fake.state.repos.find((r) => r.fullName === `${O}/${repo}`)?.dir ?? '';
  let run = 0;
  return {
    fake,
    repo,
    number: pull.number,
    pinned,
    deps,
    // Every ref of the base repository except the one GitHub itself mirrors from the fork (refs/pull/N/head).
    baseRefs: async () =>
      (await runGit(['for-each-ref', '--format=%(refname) %(objectname)'], { cwd: baseDir }))
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('refs/pull/')),
    send: (patch, over = {}) => {
      const { sendOnFailure, ...rec } = over;
      run++;
      const record: OutputRecord = {
        issue: issueRecord({
          owner: O,
          repo,
          number: pull.number,
          title: 'Add code',
          head_branch: 'feature',
          base_branch: 'main',
        }),
        issue_type: 'pr',
        instruction: 'fix it',
        base_commit: pinned,
        git_patch: patch,
        history: [],
        metrics: null,
        success: true,
        comment_success: null,
        result_explanation: '["Fixed the lines."]',
        error: null,
        ...rec,
      };
      return sendPullRequest(deps, {
        outputDir: path.join(tmp, `${repo}-out${run}`),
        record,
        prType: 'draft',
        identity: IDENTITY,
        runId: `run-${seq}`,
        ...(sendOnFailure ? { sendOnFailure } : {}),
      });
    },
  };
}

/** A patch on code.txt: a two-line replacement (multi-line), a deletion, and an insertion in three hunks. */
const CODE_PATCH = [
  'diff --git a/code.txt b/code.txt',
  '--- a/code.txt',
  '+++ b/code.txt',
  '@@ -1,6 +1,6 @@',
  ' line 1',
  ' line 2',
  '-line 3',
  '-line 4',
  '+LINE THREE',
  '+LINE FOUR',
  ' line 5',
  ' line 6',
  '@@ -12,7 +12,6 @@',
  ' line 12',
  ' line 13',
  ' line 14',
  '-line 15',
  ' line 16',
  ' line 17',
  ' line 18',
  '@@ -24,6 +23,8 @@',
  ' line 24',
  ' line 25',
  ' line 26',
  '+inserted a',
  '+inserted b',
  ' line 27',
  ' line 28',
  ' line 29',
  '',
].join('\n');

const README_PATCH = [
  'diff --git a/README.md b/README.md',
  '--- a/README.md',
  '+++ b/README.md',
  '@@ -1 +1 @@',
  '-# r',
  '+# r (fixed)',
  '',
].join('\n');

const NEW_FILE_PATCH = [
  'diff --git a/notes.md b/notes.md',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/notes.md',
  '@@ -0,0 +1 @@',
  '+new notes',
  '',
].join('\n');

/** The suggestion text of a comment body: the content between its ```suggestion fence and the closing fence. */
function suggestionText(body: string): string[] {
  const m = /^(`{3,})suggestion\n([\s\S]*?)^\1$/m.exec(body);
  if (!m) throw new Error(`no suggestion block in ${body}`);
  const content = m[2] ?? '';
  return content === '' ? [] : content.replace(/\n$/, '').split('\n');
}

/** Applies a review's suggestions to a file the way "Commit suggestion" does (bottom-up, whole lines). */
function applySuggestions(
  text: string,
  comments: { line: number | null; startLine?: number | null; body: string }[],
): string {
  const out = text.replace(/\n$/, '').split('\n');
  const sorted = [...comments].sort((a, b) => (b.line ?? 0) - (a.line ?? 0));
  for (const c of sorted) {
    const end = c.line ?? 0;
    const start = c.startLine ?? end;
    out.splice(start - 1, end - start + 1, ...suggestionText(c.body));
  }
  return `${out.join('\n')}\n`;
}

function reviewOf(w: World) {
  const reviews = w.fake.state.reviews.filter((r) => r.repo === `${O}/${w.repo}` && r.pullNumber === w.number);
  const threads = w.fake.state.reviewThreads.filter((t) => t.repo === `${O}/${w.repo}` && t.pullNumber === w.number);
  const comments = threads.flatMap((t) => t.comments);
  return { reviews, comments };
}

async function expectNothingInBase(w: World, refsBefore: string[]): Promise<void> {
  expect(await w.baseRefs()).toEqual(refsBefore);
  expect(w.fake.git.pushes.filter((p) => p.repo === `${O}/${w.repo}.git`)).toEqual([]);
  // The fork's own workflow never reaches any branch of the base repository.
  for (const b of await w.fake.branches(O, w.repo)) {
    expect(await w.fake.readFile(O, w.repo, b.name, '.github/workflows/evil.yml')).toBeNull();
  }
}

describe('fork PR delivery: the fork head when allowed', () => {
  it('maintainer_can_modify and a user token: exactly one new commit on the pinned fork head, nothing in the base', async () => {
    const w = await world(userFake);
    const before = await w.baseRefs();
    const res = await w.send(CODE_PATCH);
    expect(res).toMatchObject({ conclusion: 'success', branch: 'feature', updated: true });
    const [head, parent] = await w.fake.gitLog(FORKER, w.repo, 'feature');
    expect(head?.parents).toEqual([w.pinned]);
    expect(parent?.sha).toBe(w.pinned);
    expect(head?.authorName).toBe('openhands');
    expect(await w.fake.readFile(FORKER, w.repo, 'feature', 'code.txt')).toContain('LINE THREE\nLINE FOUR\n');
    const forkPushes = w.fake.git.pushes.filter((p) => p.repo === `${FORKER}/${w.repo}.git`);
    expect(forkPushes).toEqual([
      expect.objectContaining({ ref: 'refs/heads/feature', before: w.pinned, after: head?.sha }),
    ]);
    await expectNothingInBase(w, before);
    expect(reviewOf(w).reviews).toEqual([]);
    // A second send of the same record (the CLI): the fork head already holds our change; nothing new.
    const again = await w.send(CODE_PATCH);
    expect(again).toMatchObject({ conclusion: 'success', branch: 'feature', updated: true });
    expect((await w.fake.gitLog(FORKER, w.repo, 'feature'))[0]?.sha).toBe(head?.sha);
    expect(reviewOf(w).reviews).toEqual([]);
    await expectNothingInBase(w, before);
  });
});

describe('fork PR delivery: a review with suggestions otherwise', () => {
  it('an installation token (push refused with 403): suggestions that reproduce our change, the rest as a diff', async () => {
    const w = await world(botFake);
    const before = await w.baseRefs();
    const forkHead = await w.fake.resolveRef(FORKER, w.repo, 'feature');
    const res = await w.send(CODE_PATCH + README_PATCH + NEW_FILE_PATCH);
    expect(res.conclusion).toBe('success');
    expect(res.updated).toBe(false);
    // The push to the fork was tried and refused; the fork head did not move.
    expect(
      w.fake.git.requests.some(
        (r) => r.path.startsWith(`/${FORKER}/${w.repo}.git`) && r.service === 'git-receive-pack' && r.status === 403,
      ),
    ).toBe(true);
    expect(await w.fake.resolveRef(FORKER, w.repo, 'feature')).toBe(forkHead);
    await expectNothingInBase(w, before);

    const { reviews, comments } = reviewOf(w);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ state: 'COMMENTED', author: 'github-actions[bot]', commitId: w.pinned });
    expect(reviews[0]?.body).toContain(marker('suggestions', `run-${seq}`));
    expect(reviews[0]?.body).toContain(`patches/pr_${w.number}.patch`);
    // Not anchorable: README.md is not in the PR's diff, notes.md is a new file. Both go in the body's diff.
    expect(reviews[0]?.body).toMatch(/```text\n[\s\S]*\+# r \(fixed\)[\s\S]*\+new notes[\s\S]*```/);
    expect(comments.map((c) => ({ path: c.path, side: c.side, startLine: c.startLine, line: c.line }))).toEqual([
      { path: 'code.txt', side: 'RIGHT', startLine: 3, line: 4 },
      { path: 'code.txt', side: 'RIGHT', startLine: null, line: 15 },
      { path: 'code.txt', side: 'RIGHT', startLine: null, line: 26 },
    ]);
    expect(suggestionText(comments[0]?.body ?? '')).toEqual(['LINE THREE', 'LINE FOUR']);
    expect(suggestionText(comments[1]?.body ?? '')).toEqual([]);
    expect(suggestionText(comments[2]?.body ?? '')).toEqual(['line 26', 'inserted a', 'inserted b']);
    // Committing every suggestion gives exactly our version of code.txt.
    const expected = CODE.replace('line 3\nline 4\n', 'LINE THREE\nLINE FOUR\n')
      .replace('line 15\n', '')
      .replace('line 26\n', 'line 26\ninserted a\ninserted b\n');
    expect(applySuggestions(CODE, comments)).toBe(expected);
    // The comments are readable back over REST.
    const listed = await w.deps.api.listPullFiles({ owner: O, repo: w.repo }, w.number);
    expect(listed.map((f) => f.filename).sort()).toEqual(['.github/workflows/evil.yml', 'code.txt']);
  });

  it('maintainer_can_modify false: no push attempt at all, a review instead', async () => {
    const w = await world(userFake, { maintainerCanModify: false });
    const before = await w.baseRefs();
    const pushesBefore = w.fake.git.requests.filter((r) => r.service === 'git-receive-pack').length;
    const res = await w.send(CODE_PATCH);
    expect(res.conclusion).toBe('success');
    expect(w.fake.git.requests.filter((r) => r.service === 'git-receive-pack').length).toBe(pushesBefore);
    await expectNothingInBase(w, before);
    expect(res.warnings.join('\n')).toMatch(/does not allow edits from maintainers/);
    expect(reviewOf(w).comments).toHaveLength(3);
  });

  it('a fork commit pushed after the trigger is never included; suggestions anchor on files it left alone', async () => {
    const w = await world(userFake);
    const before = await w.baseRefs();
    // The fork author pushes after the maintainer's comment: a new workflow and a change to app.txt.
    const late = await w.fake.pushFiles(FORKER, w.repo, {
      branch: 'feature',
      files: { '.github/workflows/late.yml': EVIL_WORKFLOW, 'app.txt': `${APP}late\n` },
      author: FORKER,
    });
    const res = await w.send(CODE_PATCH);
    expect(res.updated).toBe(false);
    expect(res.warnings.join('\n')).toMatch(/fork head moved/);
    // Nothing was pushed to the fork (the head moved) and nothing into the base.
    expect(await w.fake.resolveRef(FORKER, w.repo, 'feature')).toBe(late);
    expect(w.fake.git.pushes.filter((p) => p.repo === `${FORKER}/${w.repo}.git`)).toEqual([]);
    await expectNothingInBase(w, before);
    for (const b of await w.fake.branches(O, w.repo)) {
      expect(await w.fake.readFile(O, w.repo, b.name, '.github/workflows/late.yml')).toBeNull();
    }
    const { reviews, comments } = reviewOf(w);
    // code.txt is the same on the new head, so its suggestions still hold there.
    expect(reviews[0]?.commitId).toBe(late);
    expect(comments).toHaveLength(3);
    expect(reviews[0]?.body).not.toContain('late');
  });

  it('a moved head that changed the same file: that file goes in the body as a diff, not as suggestions', async () => {
    const w = await world(botFake);
    await w.fake.pushFiles(FORKER, w.repo, {
      branch: 'feature',
      files: { 'code.txt': `header\n${CODE}` },
      author: FORKER,
    });
    const res = await w.send(CODE_PATCH);
    expect(res.conclusion).toBe('success');
    const { reviews, comments } = reviewOf(w);
    expect(comments).toEqual([]);
    expect(reviews[0]?.body).toMatch(/```text\n[\s\S]*\+LINE THREE/);
    expect(reviews[0]?.body).not.toContain('header');
  });

  it('an unsuccessful attempt with send-on-failure: nothing pushed anywhere, no review', async () => {
    const w = await world(userFake);
    const before = await w.baseRefs();
    const forkHead = await w.fake.resolveRef(FORKER, w.repo, 'feature');
    const res = await w.send(CODE_PATCH, { success: false, sendOnFailure: true });
    expect(res.conclusion).toBe('failure');
    expect(res.branch).toBe('');
    expect(await w.fake.resolveRef(FORKER, w.repo, 'feature')).toBe(forkHead);
    await expectNothingInBase(w, before);
    expect(reviewOf(w).reviews).toEqual([]);
  });

  it('a suggestion holding ``` gets a longer fence; a rerun of the same run posts no second review', async () => {
    const w = await world(botFake);
    const patch = [
      'diff --git a/code.txt b/code.txt',
      '--- a/code.txt',
      '+++ b/code.txt',
      '@@ -9,3 +9,3 @@',
      ' line 9',
      '-line 10',
      '+```suggestion',
      ' line 11',
      '',
    ].join('\n');
    await w.send(patch);
    const { comments } = reviewOf(w);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body.startsWith('````suggestion\n```suggestion\n````')).toBe(true);
    expect(suggestionText(comments[0]?.body ?? '')).toEqual(['```suggestion']);
    expect(applySuggestions(CODE, comments)).toBe(CODE.replace('line 10\n', '```suggestion\n'));
    await w.send(patch);
    expect(reviewOf(w).reviews).toHaveLength(1);
  });
});

describe('fork-delivery helpers', () => {
  it('fenceFor is longer than any backtick run', () => {
    expect(fenceFor('plain')).toBe('```');
    expect(fenceFor('a ``` b')).toBe('````');
    expect(fenceFor('`````')).toBe('``````');
    expect(suggestionBlock([])).toBe('```suggestion\n```');
  });

  it('suggestionOf: replacement, deletion, insertion at the top, final-newline changes refused', () => {
    const [d] = parseFileDiffs(
      ['diff --git a/f b/f', '--- a/f', '+++ b/f', '@@ -1,3 +1,4 @@', '+top', ' a', ' b', ' c', ''].join('\n'),
    );
    expect(suggestionOf(d?.hunks[0] ?? { header: '', oldStart: 0, oldCount: 0, lines: [] })).toEqual({
      start: 1,
      end: 1,
      lines: ['top', 'a'],
    });
    const [e] = parseFileDiffs(
      [
        'diff --git a/f b/f',
        '--- a/f',
        '+++ b/f',
        '@@ -1,2 +1,2 @@',
        ' a',
        '-b',
        '\\ No newline at end of file',
        '+b',
        '',
      ].join('\n'),
    );
    expect(suggestionOf(e?.hunks[0] ?? { header: '', oldStart: 0, oldCount: 0, lines: [] })).toBeNull();
    const [r] = parseFileDiffs(
      ['diff --git a/x b/y', 'similarity index 90%', 'rename from x', 'rename to y', ''].join('\n'),
    );
    expect(r?.special).toBe('a rename');
  });
});

describe('fork PR delivery: refused pushes and hostile paths', () => {
  it('a push refused as a protected branch (403) falls back to the review; the fork head is unchanged', async () => {
    const w = await world(userFake);
    w.fake.state.forkPushDenied[`${FORKER}/${w.repo}`] = 'protected branch hook declined';
    const before = await w.baseRefs();
    const forkHead = await w.fake.resolveRef(FORKER, w.repo, 'feature');
    const res = await w.send(CODE_PATCH);
    expect(res.conclusion).toBe('success');
    expect(res.warnings.join('\n')).toMatch(/may not push to the fork head branch/);
    expect(await w.fake.resolveRef(FORKER, w.repo, 'feature')).toBe(forkHead);
    await expectNothingInBase(w, before);
    expect(reviewOf(w).comments).toHaveLength(3);
  });

  it('an agent-made file name with backticks, a mention and a closing keyword stays inside code in the review body', async () => {
    const w = await world(botFake);
    const name = 'x` @octocat fixes #1 `.txt';
    const patch = [
      `diff --git a/${name} b/${name}`,
      'new file mode 100644',
      '--- /dev/null',
      `+++ b/${name}`,
      '@@ -0,0 +1 @@',
      '+hi',
      '',
    ].join('\n');
    await w.send(patch);
    const body = reviewOf(w).reviews[0]?.body ?? '';
    expect(body).toContain(`(\`\` ${name} \`\`)`);
    // Outside the code span and the fenced diff, the name's text does not appear.
    const outside = body.replace(/^(`{3,})text\n[\s\S]*?^\1$/m, '').replace(`\`\` ${name} \`\``, '');
    expect(outside).not.toContain('@octocat');
    expect(outside).not.toMatch(/fixes #1/);
  });
});
