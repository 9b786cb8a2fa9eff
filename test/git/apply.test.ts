// The tolerance rules of resolver.md §12.1, on the work-tree-free builder (DESIGN.md §8.20): every case builds
// a tree from the patch in a temporary index and reads the result back from the object store; the repository's
// work tree must stay exactly as it was.
import { lstat, readFile, readdir, rename, symlink, chmod } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { createGit } from '../../src/git/git.js';
import { applyHunks, parsePatch } from '../../src/git/patch-parse.js';
import type { PatchTreeResult } from '../../src/git/types.js';
import { git as tgit } from '../../src/testing/git.js';
import { diffOf, initRepo, tempDir, treeFiles, writeFiles } from './helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(files: Record<string, string | Buffer>) {
  const t = await tempDir('oh-apply-');
  cleanups.push(t.cleanup);
  const repo = path.join(t.dir, 'repo');
  const base = await initRepo(repo, files);
  const logger = createRecordingLogger();
  const git = createGit({ serverUrl: 'http://127.0.0.1:9', authDir: path.join(t.dir, 'auth'), logger });
  return { repo, git, logger, root: t.dir, base };
}

async function modeOf(repo: string, tree: string, rel: string): Promise<string> {
  return (await tgit(['ls-tree', tree, '--', rel], { cwd: repo })).split(' ')[0] ?? '';
}

async function readTree(dir: string, base = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(path.join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${e.name}` : e.name;
    if (rel === '.git') continue;
    if (e.isDirectory()) Object.assign(out, await readTree(dir, rel));
    else if (e.isSymbolicLink()) out[rel] = `-> symlink`;
    else out[rel] = (await readFile(path.join(dir, rel))).toString('latin1');
  }
  return out;
}

// A file diff whose context differs from the file only in whitespace: `git apply` refuses it, so adding it to a
// patch forces the tolerant fallback for the whole patch.
const WS_FILE = { 'ws.txt': 'alpha  beta\ngamma\n' };
const WS_DIFF = [
  'diff --git a/ws.txt b/ws.txt',
  '--- a/ws.txt',
  '+++ b/ws.txt',
  '@@ -1,2 +1,2 @@',
  ' alpha beta',
  '-gamma',
  '+delta',
  '',
].join('\n');
const WS_AFTER = 'alpha  beta\ndelta\n';

interface Case {
  name: string;
  files: Record<string, string | Buffer>;
  /** Either a patch text, or changes made in the work tree and diffed with `git diff --binary -M`. */
  patch: string | ((dir: string) => Promise<void>);
  /** Appended to the generated patch (e.g. WS_DIFF to force the fallback). */
  extra?: string;
  method: PatchTreeResult['method'];
  after: Record<string, string>;
  skipped?: string[];
}

const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

const cases: Case[] = [
  {
    name: 'new file (strict)',
    files: { 'a.txt': 'a\n' },
    patch: (d) => writeFiles(d, { 'dir/new.txt': 'hello\nworld\n' }),
    method: 'git-apply',
    after: { 'a.txt': 'a\n', 'dir/new.txt': 'hello\nworld\n' },
  },
  {
    name: 'new file (fallback)',
    files: { 'a.txt': 'a\n', ...WS_FILE },
    patch: (d) => writeFiles(d, { 'dir/new.txt': 'hello\nworld\n' }),
    extra: WS_DIFF,
    method: 'fallback',
    after: { 'a.txt': 'a\n', 'dir/new.txt': 'hello\nworld\n', 'ws.txt': WS_AFTER },
  },
  {
    name: 'delete (fallback, empty dir removed)',
    files: { 'a.txt': 'a\n', 'sub/deep/gone.txt': 'bye\n', ...WS_FILE },
    patch: (d) => writeFiles(d, { 'sub/deep/gone.txt': null }),
    extra: WS_DIFF,
    method: 'fallback',
    after: { 'a.txt': 'a\n', 'ws.txt': WS_AFTER },
  },
  {
    name: 'rename with edits (fallback applies the edits after the move)',
    files: { 'old/name.txt': `${lines(20).join('\n')}\n`, ...WS_FILE },
    patch: async (d) => {
      const body = lines(20);
      body[9] = 'line 10 changed';
      await writeFiles(d, { 'old/name.txt': null, 'new/place/name.txt': `${body.join('\n')}\n` });
    },
    extra: WS_DIFF,
    method: 'fallback',
    after: {
      'new/place/name.txt': `${lines(20)
        .map((l) => (l === 'line 10' ? 'line 10 changed' : l))
        .join('\n')}\n`,
      'ws.txt': WS_AFTER,
    },
  },
  {
    name: 'rename with edits (strict)',
    files: { 'old.txt': `${lines(20).join('\n')}\n` },
    patch: async (d) => {
      const body = lines(20);
      body[0] = 'first';
      await writeFiles(d, { 'old.txt': null, 'new.txt': `${body.join('\n')}\n` });
    },
    method: 'git-apply',
    after: { 'new.txt': `${['first', ...lines(20).slice(1)].join('\n')}\n` },
  },
  {
    name: 'binary file (fallback applies it with git apply alone)',
    files: { 'img.bin': Buffer.from([0, 1, 2, 3, 255, 0, 10]), ...WS_FILE },
    patch: (d) =>
      writeFiles(d, { 'img.bin': Buffer.from([0, 9, 9, 9, 254, 0, 13, 10]), 'new.bin': Buffer.from([0, 0, 7]) }),
    extra: WS_DIFF,
    method: 'fallback',
    after: {
      'img.bin': Buffer.from([0, 9, 9, 9, 254, 0, 13, 10]).toString('latin1'),
      'new.bin': Buffer.from([0, 0, 7]).toString('latin1'),
      'ws.txt': WS_AFTER,
    },
  },
  {
    name: 'empty new file (fallback)',
    files: WS_FILE,
    patch: (d) => writeFiles(d, { 'empty.txt': '' }),
    extra: WS_DIFF,
    method: 'fallback',
    after: { 'empty.txt': '', 'ws.txt': WS_AFTER },
  },
  {
    name: 'CRLF file patched with an LF patch keeps CRLF',
    files: { 'win.txt': 'one\r\ntwo\r\nthree\r\n' },
    patch: [
      'diff --git a/win.txt b/win.txt',
      '--- a/win.txt',
      '+++ b/win.txt',
      '@@ -1,3 +1,4 @@',
      ' one',
      '-two',
      '+TWO',
      '+two and a half',
      ' three',
    ].join('\n'),
    method: 'fallback',
    after: { 'win.txt': 'one\r\nTWO\r\ntwo and a half\r\nthree\r\n' },
  },
  {
    name: 'whitespace-tolerant context keeps the file text',
    files: { 'code.py': 'def f():\n\treturn  1\n\n\nx = f()\n' },
    patch: [
      'diff --git a/code.py b/code.py',
      '--- a/code.py',
      '+++ b/code.py',
      '@@ -1,5 +1,5 @@',
      ' def f():',
      '     return 1',
      '',
      '',
      '-x = f()',
      '+x = f() + 1',
    ].join('\n'),
    method: 'fallback',
    after: { 'code.py': 'def f():\n\treturn  1\n\n\nx = f() + 1\n' },
  },
  {
    name: '\\ No newline at end of file on the new side is honoured',
    files: { 'n.txt': 'a\nb  \n' },
    patch: [
      'diff --git a/n.txt b/n.txt',
      '--- a/n.txt',
      '+++ b/n.txt',
      '@@ -1,2 +1,2 @@',
      ' a',
      '-b',
      '+c',
      '\\ No newline at end of file',
    ].join('\n'),
    method: 'fallback',
    after: { 'n.txt': 'a\nc' },
  },
  {
    name: 'an untouched last line keeps its missing newline',
    files: { 'n.txt': 'x  1\ny\nz\nlast' },
    patch: ['diff --git a/n.txt b/n.txt', '--- a/n.txt', '+++ b/n.txt', '@@ -1,2 +1,2 @@', ' x 1', '-y', '+Y'].join(
      '\n',
    ),
    method: 'fallback',
    after: { 'n.txt': 'x  1\nY\nz\nlast' },
  },
  {
    name: 'a touched last line gets a newline unless marked',
    files: { 'n.txt': 'a \nb' },
    patch: [
      'diff --git a/n.txt b/n.txt',
      '--- a/n.txt',
      '+++ b/n.txt',
      '@@ -1,2 +1,2 @@',
      ' a',
      '-b',
      '\\ No newline at end of file',
      '+c',
    ].join('\n'),
    method: 'fallback',
    after: { 'n.txt': 'a \nc\n' },
  },
  {
    name: 'several hunks with offsets, lines beyond the counts ignored',
    files: { 'm.txt': `${lines(30).join('\n')}\n` },
    patch: [
      'leading text before the first header is ignored',
      '',
      'diff --git a/m.txt b/m.txt',
      '--- a/m.txt',
      '+++ b/m.txt',
      '@@ -2,2 +2,3 @@',
      ' line  2',
      '+inserted',
      ' line 3',
      '@@ -20 +21 @@',
      '-line 20',
      '+line twenty',
      ' trailing garbage beyond the declared counts',
    ].join('\n'),
    method: 'fallback',
    after: {
      'm.txt': `${[...lines(2), 'inserted', ...lines(30).slice(2)].map((l) => (l === 'line 20' ? 'line twenty' : l)).join('\n')}\n`,
    },
  },
  {
    name: 'mode-only change (fallback)',
    files: { 'run.sh': 'echo hi\n', ...WS_FILE },
    patch: async (d) => chmod(path.join(d, 'run.sh'), 0o755),
    extra: WS_DIFF,
    method: 'fallback',
    after: { 'run.sh': 'echo hi\n', 'ws.txt': WS_AFTER },
  },
  {
    name: 'bare "Binary files differ" is skipped and reported',
    files: { 'a.bin': Buffer.from([0, 1]), ...WS_FILE },
    patch: [
      'diff --git a/a.bin b/a.bin',
      'index 1234567..89abcde 100644',
      'Binary files a/a.bin and b/a.bin differ',
      '',
    ].join('\n'),
    extra: WS_DIFF,
    method: 'fallback',
    after: { 'a.bin': Buffer.from([0, 1]).toString('latin1'), 'ws.txt': WS_AFTER },
    skipped: ['a.bin'],
  },
  {
    name: 'non-UTF-8 bytes round-trip',
    files: { 'l1.txt': Buffer.from('caf\xe9\nfoo\nsecond  x\n', 'latin1') },
    patch: ['diff --git a/l1.txt b/l1.txt', '--- a/l1.txt', '+++ b/l1.txt', '@@ -3 +3 @@', '-second x', '+zweite'].join(
      '\n',
    ),
    method: 'fallback',
    after: { 'l1.txt': 'caf\xe9\nfoo\nzweite\n' },
  },
  {
    name: 'a mismatching patch is not applied',
    files: { 'a.txt': 'a\n' },
    patch: ['diff --git a/a.txt b/a.txt', '--- a/a.txt', '+++ b/a.txt', '@@ -1 +1 @@', '-zzz', '+b'].join('\n'),
    method: 'none',
    after: { 'a.txt': 'a\n' },
  },
  {
    name: 'a patch without a final newline still applies strictly',
    files: { 'a.txt': 'a\n' },
    patch: ['diff --git a/a.txt b/a.txt', '--- a/a.txt', '+++ b/a.txt', '@@ -1 +1 @@', '-a', '+b'].join('\n'),
    method: 'git-apply',
    after: { 'a.txt': 'b\n' },
  },
];

describe('buildPatchTree: the tolerance rules on blobs in memory', () => {
  it.each(cases)('$name', async (c) => {
    const { repo, git, base } = await setup(c.files);
    let patch = typeof c.patch === 'string' ? c.patch : await diffOf(repo, c.patch);
    if (c.extra) patch += c.extra;
    const before = await readTree(repo);
    const res = await git.buildPatchTree(repo, { base, patch });
    expect(res.method).toBe(c.method);
    // The work tree is never written.
    expect(await readTree(repo)).toEqual(before);
    if (c.method === 'none') {
      expect(res.tree).toBeNull();
      expect(res.error).toMatch(/does not apply/);
      return;
    }
    expect(res.error).toBeUndefined();
    expect(await treeFiles(repo, res.tree ?? '')).toEqual(c.after);
    expect(res.skipped.map((s) => s.path)).toEqual(c.skipped ?? []);
    // The canonical patch holds exactly the judged tree: applied strictly to the base it gives the same tree
    // (patch text is UTF-8, so a non-UTF-8 file cannot round-trip through it).
    if (c.name.includes('non-UTF-8')) return;
    const again = await git.buildPatchTree(repo, { base, patch: res.patch ?? '' });
    expect(again.method).toBe(res.patch === null ? 'none' : 'git-apply');
    expect(again.tree).toBe(res.tree);
  });

  it('sets the executable bit from a mode-only diff', async () => {
    const { repo, git, base } = await setup({ 'run.sh': 'echo hi\n', ...WS_FILE });
    const patch = (await diffOf(repo, (d) => chmod(path.join(d, 'run.sh'), 0o755))) + WS_DIFF;
    const res = await git.buildPatchTree(repo, { base, patch });
    expect(res.method).toBe('fallback');
    expect(await modeOf(repo, res.tree ?? '', 'run.sh')).toBe('100755');
  });

  it('an empty patch is a no-op', async () => {
    const { repo, git, base } = await setup({ 'a.txt': 'a\n' });
    const res = await git.buildPatchTree(repo, { base, patch: '  \n' });
    expect(res).toMatchObject({ method: 'none', changed: false, patch: null, skipped: [], dropped: [] });
  });

  it('commitPatch makes one commit on base with our identity and no work tree change', async () => {
    const { repo, git, base } = await setup({ 'a.txt': 'a\n' });
    const patch = ['diff --git a/a.txt b/a.txt', '--- a/a.txt', '+++ b/a.txt', '@@ -1 +1 @@', '-a', '+b'].join('\n');
    const res = await git.commitPatch(repo, {
      base,
      patch,
      message: 'Fix issue #1\n\n--option-like text stays in the message',
      identity: { name: 'Bot', email: 'bot@example.com' },
    });
    expect(res.sha).toMatch(/^[0-9a-f]{40}$/);
    const show = await tgit(['log', '-1', '--format=%P%n%an <%ae>%n%cn%n%B', res.sha ?? ''], { cwd: repo });
    expect(show).toBe(
      `${base}\nBot <bot@example.com>\nBot\nFix issue #1\n\n--option-like text stays in the message\n\n`,
    );
    expect(await readFile(path.join(repo, 'a.txt'), 'utf8')).toBe('a\n');
    expect((await tgit(['rev-parse', 'HEAD'], { cwd: repo })).trim()).toBe(base);
    const none = await git.commitPatch(repo, { base, patch: '', message: 'x', identity: { name: 'B', email: 'b@x' } });
    expect(none.sha).toBeNull();
  });
});

describe('buildPatchTree: unsafe paths are dropped, mismatches abort, the disk is never written', () => {
  const good = ['diff --git a/a.txt b/a.txt', '--- a/a.txt', '+++ b/a.txt', '@@ -1 +1 @@', '-a  x', '+b'].join('\n');
  const newFile = (p: string) =>
    [`diff --git a/${p} b/${p}`, 'new file mode 100644', '--- /dev/null', `+++ b/${p}`, '@@ -0,0 +1 @@', '+evil'].join(
      '\n',
    );
  const dropped: { name: string; diff: string; path: RegExp }[] = [
    { name: 'parent escape', diff: newFile('../escape.txt'), path: /escape/ },
    { name: 'nested parent escape', diff: newFile('sub/../../escape.txt'), path: /escape/ },
    {
      name: 'absolute path',
      diff: [
        'diff --git /tmp/abs.txt /tmp/abs.txt',
        '--- /dev/null',
        '+++ /tmp/abs.txt',
        '@@ -0,0 +1 @@',
        '+evil',
      ].join('\n'),
      path: /abs\.txt/,
    },
    { name: '.git/hooks', diff: newFile('.git/hooks/pre-commit'), path: /\.git/ },
    { name: '.GIT in another case', diff: newFile('.GIT/config'), path: /\.GIT/ },
    { name: 'a ./ prefix', diff: newFile('./.git/config'), path: /\.git/ },
  ];

  it.each(dropped)('$name: dropped and listed, the rest kept', async (c) => {
    const { repo, git, root, base } = await setup({ 'a.txt': 'a x\n', 'b.txt': 'b\n' });
    await writeFiles(root, { 'outside.txt': 'x\n' });
    const before = await readTree(repo);
    for (const [patch, after] of [
      [`${good}\n${c.diff}\n`, 'b\n'],
      [`${c.diff}\n`, 'a x\n'],
    ] as const) {
      const res = await git.buildPatchTree(repo, { base, patch });
      expect(res.error).toBeUndefined();
      expect(await treeFiles(repo, res.tree ?? '')).toEqual({ 'a.txt': after, 'b.txt': 'b\n' });
      expect(res.dropped.map((d) => d.path).join(' ')).toMatch(c.path);
      expect(await readTree(repo)).toEqual(before);
    }
    expect(await readFile(path.join(root, 'outside.txt'), 'utf8')).toBe('x\n');
    await expect(lstat(path.join(root, 'escape.txt'))).rejects.toThrow();
    await expect(lstat('/tmp/abs.txt')).rejects.toThrow();
  });

  const aborts: { name: string; diff: string; reason: RegExp; strictApplies?: boolean }[] = [
    {
      name: 'mismatching context in a later file',
      diff: [
        'diff --git a/b.txt b/b.txt',
        '--- a/b.txt',
        '+++ b/b.txt',
        '@@ -1 +1 @@',
        '-not what is there',
        '+x',
      ].join('\n'),
      reason: /does not match/,
    },
    {
      name: 'hunk past the end of the file',
      diff: ['diff --git a/b.txt b/b.txt', '--- a/b.txt', '+++ b/b.txt', '@@ -7 +7 @@', '-b', '+x'].join('\n'),
      reason: /does not fit|past the end/,
      strictApplies: true,
    },
    {
      name: 'renaming onto an existing file',
      diff: ['diff --git a/a.txt b/b.txt', 'similarity index 100%', 'rename from a.txt', 'rename to b.txt'].join('\n'),
      reason: /target exists/,
    },
    {
      name: 'a file where the base has a directory',
      diff: newFile('sub'),
      reason: /both a file and a directory|already exists|sub/,
    },
  ];

  it.each(aborts)('$name: nothing is built', async (c) => {
    const { repo, git, base } = await setup({ 'a.txt': 'a x\n', 'b.txt': 'b\n', 'sub/f': 'f\n' });
    for (const patch of [`${good}\n${c.diff}\n`, ...(c.strictApplies ? [] : [`${c.diff}\n`])]) {
      const res = await git.buildPatchTree(repo, { base, patch });
      expect(res.tree).toBeNull();
      expect(res.error).toMatch(c.reason);
    }
  });

  it('a base symlink to a directory cannot be written through, and its edit is judged as a link', async () => {
    const t = await setup({ 'a.txt': 'a x\n' });
    await symlink(t.root, path.join(t.repo, 'link'));
    await symlink('a.txt', path.join(t.repo, 'ln'));
    const base = await (await import('./helpers.js')).commitAll(t.repo, 'links');
    const through = newFile('link/pwned.txt');
    const edit = [
      'diff --git a/ln b/ln',
      '--- a/ln',
      '+++ b/ln',
      '@@ -1 +1 @@',
      '-a.txt',
      '\\ No newline at end of file',
      '+../../outside.txt',
      '\\ No newline at end of file',
    ].join('\n');
    for (const patch of [`${through}\n`, `${good}\n${through}\n`, `${edit}\n`]) {
      const res = await t.git.buildPatchTree(t.repo, { base, patch });
      const files = res.tree ? await treeFiles(t.repo, res.tree) : {};
      expect(Object.keys(files).filter((f) => f.startsWith('link/'))).toEqual([]);
      expect(files.ln === undefined || files.ln === '-> a.txt').toBe(true);
    }
    await expect(lstat(path.join(t.root, 'pwned.txt'))).rejects.toThrow();
  });

  it('a binary diff that does not apply is refused', async () => {
    const { repo, git, base } = await setup({ 'a.txt': 'a x\n', 'img.bin': Buffer.from([0, 1, 2]) });
    const bin = await diffOf(repo, (d) => writeFiles(d, { 'img.bin': Buffer.from([5, 5, 5, 0]) }));
    const other = bin.replace(/img\.bin/g, 'img.moved');
    await rename(path.join(repo, 'img.bin'), path.join(repo, 'img.moved'));
    const res = await git.buildPatchTree(repo, { base, patch: `${good}\n${other}` });
    expect(res.tree).toBeNull();
    expect(res.error).toMatch(/img\.moved/);
  });
});

describe('parsePatch', () => {
  it('reads quoted names, spaces and /dev/null sides', () => {
    const diffs = parsePatch(
      [
        'diff --git "a/sp ace/caf\\303\\251.txt" "b/sp ace/caf\\303\\251.txt"',
        'new file mode 100644',
        'index 0000000..e69de29',
        'diff --git a/with space.txt b/with space.txt',
        'deleted file mode 100644',
        'index e69de29..0000000',
        'diff --git a/x b/x',
        '--- a/x\t',
        '+++ b/x\t',
        '@@ -1 +1 @@',
        '-a',
        '+b',
      ].join('\n'),
    );
    expect(diffs.map((d) => [d.oldPath, d.newPath])).toEqual([
      [null, Buffer.from('sp ace/café.txt', 'utf8').toString('latin1')],
      ['with space.txt', null],
      ['x', 'x'],
    ]);
  });

  it('applyHunks treats an omitted count as 1 and an empty hunk line as empty context', () => {
    const hunks = parsePatch(
      ['diff --git a/f b/f', '--- a/f', '+++ b/f', '@@ -2 +2,2 @@', '-b', '+B', '+C'].join('\n'),
    )[0]?.hunks;
    expect(applyHunks('a\nb\nc\n', hunks ?? [], 'f')).toBe('a\nB\nC\nc\n');
    const h2 = parsePatch(
      ['diff --git a/f b/f', '--- a/f', '+++ b/f', '@@ -1,3 +1,3 @@', ' a', '', '-c', '+z'].join('\n'),
    )[0]?.hunks;
    expect(applyHunks('a\n\nc\n', h2 ?? [], 'f')).toBe('a\n\nz\n');
  });
});
