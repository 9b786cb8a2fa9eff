// The patch policy judges the tree a patch makes (DESIGN.md §8.20), not the patch text: every attack shape here
// passed the old text-based policy (or its strict `git apply` saw more than the policy did).
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { createGit } from '../../src/git/git.js';
import { isGitSegment, isWorkflowPath, pathProblem } from '../../src/git/tree-policy.js';
import { describePolicy, judgePatch } from '../../src/resolver/patch-policy.js';
import { git as tgit } from '../../src/testing/git.js';
import { commitAll, diffOf, initRepo, tempDir, treeFiles, writeFiles } from '../git/helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const BASE_FILES = {
  'a.txt': 'a\n',
  'src/ok.py': 'print(1)\n',
  '.github/workflows/ci.yml': 'name: ci\n',
  's/keep.txt': 'keep\n',
};

async function setup(extra?: (repo: string) => Promise<void>) {
  const t = await tempDir('oh-policy-');
  cleanups.push(t.cleanup);
  const repo = path.join(t.dir, 'repo');
  let base = await initRepo(repo, BASE_FILES);
  if (extra) {
    await extra(repo);
    base = await commitAll(repo, 'extra');
  }
  const logger = createRecordingLogger();
  const git = createGit({ serverUrl: 'http://127.0.0.1:9', authDir: path.join(t.dir, 'auth'), logger });
  return { t, repo, base, git, logger };
}

const newFile = (p: string, body = 'evil') =>
  [`diff --git a/${p} b/${p}`, 'new file mode 100644', '--- /dev/null', `+++ b/${p}`, '@@ -0,0 +1 @@', `+${body}`].join(
    '\n',
  );
const newLink = (p: string, target: string) =>
  [
    `diff --git a/${p} b/${p}`,
    'new file mode 120000',
    '--- /dev/null',
    `+++ b/${p}`,
    '@@ -0,0 +1 @@',
    `+${target}`,
    '\\ No newline at end of file',
  ].join('\n');
const OK = [
  'diff --git a/src/ok.py b/src/ok.py',
  '--- a/src/ok.py',
  '+++ b/src/ok.py',
  '@@ -1 +1 @@',
  '-print(1)',
  '+print(2)',
].join('\n');
const WORKFLOW_HUNK = [
  '--- a/.github/workflows/ci.yml',
  '+++ b/.github/workflows/ci.yml',
  '@@ -1 +1 @@',
  '-name: ci',
  '+name: pwned',
].join('\n');

async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** Every file under dir (relative paths), to prove that nothing outside the temp dirs was written. */
async function listAll(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, rel: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(d, e.name), r);
      else out.push(r);
    }
  };
  await walk(dir, '');
  return out.sort();
}

describe('the policy judges the resulting tree', () => {
  const attacks: { name: string; patch: string; gone: string[]; listed: RegExp; allow?: boolean }[] = [
    {
      name: 'a symlink whose target line starts with ++ (the old policy skipped +++ lines)',
      patch: newLink('evil', '++/../../../etc'),
      gone: ['evil'],
      listed: /evil: symlink pointing outside/,
    },
    {
      name: 'a chain of relative links that each look inside',
      patch: `${newLink('s/x', '..')}\n${newLink('s/y', 'x/..')}`,
      gone: ['s/y'],
      listed: /s\/y: symlink pointing outside/,
    },
    {
      name: 'a chain through a link into .git',
      patch: `${newLink('r', '.')}\n${newLink('g', 'r/.git')}`,
      gone: ['g'],
      listed: /g: symlink into \.git/,
    },
    {
      name: 'a link to an absolute path',
      patch: newLink('abs', '/etc/passwd'),
      gone: ['abs'],
      listed: /absolute path/,
    },
    { name: '.GIT/config', patch: newFile('.GIT/config'), gone: ['.GIT/config'], listed: /\.GIT\/config: .*\.git/ },
    { name: 'nested .Git', patch: newFile('vendor/.Git/hooks/x'), gone: ['vendor/.Git/hooks/x'], listed: /\.git/ },
    {
      name: '.git with a trailing dot (Windows)',
      patch: newFile('.git./config'),
      gone: ['.git./config'],
      listed: /\.git/,
    },
    {
      name: '.git with a trailing space (Windows)',
      patch: newFile('.git /config'),
      gone: ['.git /config'],
      listed: /\.git/,
    },
    { name: 'the 8.3 short name GIT~1', patch: newFile('GIT~1/config'), gone: ['GIT~1/config'], listed: /\.git/ },
    {
      name: 'an HFS-ignorable character in .git',
      patch: newFile('.g\u200cit/config'),
      gone: ['.g\u200cit/config'],
      listed: /\.git/,
    },
    {
      name: 'a workflow via ./',
      patch: newFile('./.github/workflows/x.yml'),
      gone: ['.github/workflows/x.yml'],
      listed: /x\.yml/,
    },
    {
      name: 'a workflow via //',
      patch: newFile('.github//workflows/x.yml'),
      gone: ['.github/workflows/x.yml'],
      listed: /x\.yml/,
    },
    {
      name: 'a workflow in another case',
      patch: newFile('.GitHub/Workflows/x.yml'),
      gone: ['.GitHub/Workflows/x.yml'],
      listed: /workflow changes are not allowed/,
    },
    {
      name: 'quoted paths with octal escapes',
      patch: [
        'diff --git "a/\\056github/workflows/q.yml" "b/\\056github/workflows/q.yml"',
        'new file mode 100644',
        '--- /dev/null',
        '+++ "b/\\056github/workflows/q.yml"',
        '@@ -0,0 +1 @@',
        '+on: push',
      ].join('\n'),
      gone: ['.github/workflows/q.yml'],
      listed: /q\.yml: workflow/,
    },
    {
      name: 'a rename into .github/workflows',
      patch: [
        'diff --git a/a.txt b/.github/workflows/a.yml',
        'similarity index 100%',
        'rename from a.txt',
        'rename to .github/workflows/a.yml',
      ].join('\n'),
      gone: ['.github/workflows/a.yml'],
      listed: /a\.yml: workflow/,
    },
    {
      name: 'a copy into .git',
      patch: [
        'diff --git a/a.txt b/.git/config',
        'similarity index 100%',
        'copy from a.txt',
        'copy to .git/config',
      ].join('\n'),
      gone: ['.git/config'],
      listed: /\.git/,
    },
    {
      name: 'a plain unified diff before the first diff --git header',
      patch: `${WORKFLOW_HUNK}\n${OK}`,
      gone: [],
      listed: /text before the first diff --git header/,
    },
    {
      name: 'a plain unified diff between two headers',
      patch: `${OK}\n${WORKFLOW_HUNK}\n${newFile('b.txt', 'b')}`,
      gone: [],
      listed: /\.github\/workflows\/ci\.yml: workflow changes are not allowed/,
    },
    {
      name: 'a gitlink',
      patch: [
        'diff --git a/sub b/sub',
        'new file mode 160000',
        'index 0000000..1111111111111111111111111111111111111111',
        '--- /dev/null',
        '+++ b/sub',
        '@@ -0,0 +1 @@',
        '+Subproject commit 1111111111111111111111111111111111111111',
      ].join('\n'),
      gone: ['sub'],
      listed: /sub: submodule/,
    },
  ];

  it.each(attacks)('$name', async (c) => {
    const { repo, base, git, logger } = await setup();
    const res = await git.buildPatchTree(repo, { base, patch: `${c.patch}\n` });
    expect(res.error).toBeUndefined();
    const files = await treeFiles(repo, res.tree ?? '');
    for (const g of c.gone) expect(files[g]).toBeUndefined();
    // Workflows stay as they were, every file of .git-like names is gone.
    expect(files['.github/workflows/ci.yml']).toBe('name: ci\n');
    for (const f of Object.keys(files)) {
      expect(f.split('/').some(isGitSegment)).toBe(false);
      expect(isWorkflowPath(f) && f !== '.github/workflows/ci.yml').toBe(false);
    }
    expect(res.dropped.map((d) => `${d.path}: ${d.reason}`).join('\n')).toMatch(c.listed);
    // The record side: judgePatch lists the same, and its patch holds only the judged tree.
    const policy = await judgePatch(git, repo, base, c.patch, { logger });
    expect(describePolicy(policy)).toMatch(/Changes dropped from the patch by policy/);
    if (policy.patch) {
      const again = await git.buildPatchTree(repo, { base, patch: policy.patch });
      expect(again.method).toBe('git-apply');
      expect(again.tree).toBe(res.tree);
      expect(again.dropped).toEqual([]);
    }
  });

  it('keeps workflow changes when allowed, and inside links and a link replaced by a directory', async () => {
    const { repo, base, git } = await setup(async (r) => symlink('a.txt', path.join(r, 'ln')));
    const patch = [
      newFile('.github/workflows/new.yml', 'on: push'),
      newLink('docs/readme', '../a.txt'),
      newLink('s/up', '..'),
      [
        'diff --git a/ln b/ln',
        'deleted file mode 120000',
        '--- a/ln',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-a.txt',
        '\\ No newline at end of file',
      ].join('\n'),
      newFile('ln/inside.txt', 'in'),
    ].join('\n');
    const res = await git.buildPatchTree(repo, { base, patch, allowWorkflowChanges: true });
    expect(res.dropped).toEqual([]);
    const files = await treeFiles(repo, res.tree ?? '');
    expect(files).toMatchObject({
      '.github/workflows/new.yml': 'on: push\n',
      'docs/readme': '-> ../a.txt',
      's/up': '-> ..',
      'ln/inside.txt': 'in\n',
    });
  });

  it('a link and a write through it in the same patch: nothing is written anywhere', async () => {
    const { t, repo, base, git } = await setup();
    const configHash = await sha256(path.join(repo, '.git/config'));
    const before = await listAll(t.dir);
    const patches = [
      `${newLink('s/x', '..')}\n${newLink('s/y', 'x/..')}\n${newFile('s/y/pwned.txt')}`,
      `${newLink('l', '.git')}\n${newFile('l/config', '[core]')}`,
      `${newLink('out', '../../..')}\n${newFile('out/pwned.txt')}`,
    ];
    for (const patch of patches) {
      const res = await git.buildPatchTree(repo, { base, patch });
      if (res.tree) {
        const files = await treeFiles(repo, res.tree);
        expect(Object.keys(files).filter((f) => f.includes('pwned') || f.endsWith('config'))).toEqual([]);
      }
    }
    expect(await sha256(path.join(repo, '.git/config'))).toBe(configHash);
    // Only objects were added to the store; no file appeared outside it.
    const after = (await listAll(t.dir)).filter((f) => !f.startsWith('repo/.git/objects/'));
    expect(after).toEqual(before.filter((f) => !f.startsWith('repo/.git/objects/')));
    await expect(readFile(path.join(os.tmpdir(), 'pwned.txt'))).rejects.toThrow();
  });

  it('a .gitattributes filter defined in every config git could read never runs on the host', async () => {
    const { t, repo, base } = await setup();
    const marker = path.join(t.dir, 'filter-ran');
    const evil = `sh -c 'echo ran >> ${marker}; cat'`;
    // The repository's own config (worst case: we never write one like this), the user's global one, and a
    // config file the patch tries to add.
    for (const [k, v] of [
      ['filter.evil.clean', evil],
      ['filter.evil.smudge', evil],
      ['filter.evil.process', evil],
      ['diff.evil.command', evil],
      ['diff.evil.textconv', evil],
    ] as const)
      await tgit(['config', k, v], { cwd: repo });
    const home = path.join(t.dir, 'home');
    await mkdir(home, { recursive: true });
    await writeFile(path.join(home, '.gitconfig'), `[filter "evil"]\n\tclean = ${evil}\n\tsmudge = ${evil}\n`);
    const logger = createRecordingLogger();
    const git = createGit({
      serverUrl: 'http://127.0.0.1:9',
      authDir: path.join(t.dir, 'auth'),
      logger,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home },
    });
    const patch = [
      newFile('.gitattributes', '* filter=evil diff=evil'),
      newFile('.git/config', '[filter "evil"]'),
      newFile('b.txt', 'b'),
      OK,
      // A whitespace-only context mismatch forces the tolerant rules too.
      ['diff --git a/a.txt b/a.txt', '--- a/a.txt', '+++ b/a.txt', '@@ -1 +1 @@', '-a ', '+A'].join('\n'),
    ].join('\n');
    const res = await git.commitPatch(repo, {
      base,
      patch,
      message: 'x',
      identity: { name: 'B', email: 'b@example.com' },
    });
    expect(res.sha).not.toBeNull();
    expect(res.method).toBe('fallback');
    const files = await treeFiles(repo, res.tree ?? '');
    expect(files['.gitattributes']).toBe('* filter=evil diff=evil\n');
    expect(files['b.txt']).toBe('b\n');
    // A second build on the new commit (where .gitattributes is in the base) and the record-side judge.
    const next = await git.buildPatchTree(repo, { base: res.sha ?? '', patch: newFile('c.txt', 'c') });
    expect(next.patch).toMatch(/c\.txt/);
    await judgePatch(git, repo, base, patch, { logger });
    await expect(readFile(marker, 'utf8')).rejects.toThrow();
  });

  it('size limits: a file over the cap, then the biggest binaries until the patch fits', async () => {
    const { repo, base, git } = await setup();
    const bin = (p: string, n: number) => {
      const body = Buffer.alloc(n, 1);
      body[0] = 0;
      return body;
    };
    // Binary diffs made by git itself, so they are real.
    const patch = await diffOf(repo, (d) =>
      writeFiles(d, { 'big.bin': bin('big', 6000), 'small.bin': bin('small', 2000), 'src/ok.py': 'print(3)\n' }),
    );
    const capped = await git.buildPatchTree(repo, { base, patch, maxFileBytes: 5000 });
    expect(capped.dropped.map((d) => d.path)).toEqual(['big.bin']);
    const fit = await git.buildPatchTree(repo, { base, patch, maxPatchBytes: 7000 });
    expect(fit.dropped).toEqual([{ path: 'big.bin', reason: expect.stringMatching(/binary file dropped/) as unknown }]);
    expect(Object.keys(await treeFiles(repo, fit.tree ?? ''))).toEqual(expect.arrayContaining(['small.bin']));
  });

  it('flags .gitmodules edits without dropping them', async () => {
    const { repo, base, git } = await setup();
    const res = await git.buildPatchTree(repo, { base, patch: newFile('.gitmodules', '[submodule "x"]') });
    expect(res.dropped).toEqual([]);
    expect(res.flagged.map((f) => f.path)).toEqual(['.gitmodules']);
  });
});

describe('path rules', () => {
  it.each([
    ['.git', true],
    ['.GIT', true],
    ['.git.', true],
    ['.git ', true],
    ['.git::$INDEX_ALLOCATION', true],
    ['git~1', true],
    ['GIT~1', true],
    ['.g\u200cit', true],
    ['.gitignore', false],
    ['.github', false],
    ['git', false],
  ])('isGitSegment(%j) = %s', (seg, expected) => {
    expect(isGitSegment(Buffer.from(seg, 'utf8').toString('latin1'))).toBe(expected);
  });

  it.each([
    ['', /empty/],
    ['/etc/passwd', /absolute/],
    ['C:/x', /absolute/],
    ['a/../b', /\.\./],
    ['a//b', /canonical/],
    ['./a', /canonical/],
    ['a\\.git\\config', /\.git/],
    ['src/ok.py', null],
  ])('pathProblem(%j)', (p, expected) => {
    const r = pathProblem(p);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatch(expected);
  });
});
