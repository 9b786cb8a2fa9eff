// The host-side patch (sandbox gone, and the post step's recovery): the workspace is read in Node with bounds,
// never with `git add`, and the tree is judged like any patch (DESIGN.md §8.20).
import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { createGit } from '../../src/git/git.js';
import { outputPaths, readRecords } from '../../src/resolver/output.js';
import { recoverInflight } from '../../src/resolver/recover.js';
import { hostPatch } from '../../src/resolver/workspace.js';
import { git as tgit } from '../../src/testing/git.js';
import { initRepo, tempDir, treeFiles } from '../git/helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const TIB = 1024 ** 4;

async function setup() {
  const t = await tempDir('oh-hostpatch-');
  cleanups.push(t.cleanup);
  const out = path.join(t.dir, 'output');
  const p = outputPaths(out, 'issue', 7);
  const base = await initRepo(p.repoDir, {
    'a.txt': 'a\n',
    'run.sh': 'echo\n',
    'cfg/settings.txt': 'safe\n',
    '.gitignore': '*.log\n',
  });
  await cp(p.repoDir, p.workspaceDir, { recursive: true, verbatimSymlinks: true });
  const logger = createRecordingLogger();
  const git = createGit({ serverUrl: 'http://127.0.0.1:9', authDir: path.join(t.dir, 'auth'), logger });
  return { t, out, p, base, git, logger };
}

describe('hostPatch', () => {
  it('reads changes with lstat; a 1 TiB sparse file, FIFOs, sockets, outside links and swapped parents stay out', async () => {
    const { t, p, base, git } = await setup();
    const ws = p.workspaceDir;
    await writeFile(path.join(ws, 'a.txt'), 'changed\n');
    await writeFile(path.join(ws, 'new.txt'), 'new\n');
    await writeFile(path.join(ws, 'debug.log'), 'ignored\n');
    await chmod(path.join(ws, 'run.sh'), 0o755);
    await symlink('a.txt', path.join(ws, 'inside-link'));
    await symlink('/etc/passwd', path.join(ws, 'outside-link'));
    await symlink('../../..', path.join(ws, 'up'));
    await writeFile(path.join(ws, 'huge.bin'), '');
    await truncate(path.join(ws, 'huge.bin'), TIB);
    execFileSync('mkfifo', [path.join(ws, 'pipe')]);
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(path.join(ws, 'sock'), r));
    cleanups.push(() => new Promise((r) => server.close(() => r())));
    // A tracked directory replaced by a link to a directory outside holding a file of the same name.
    const outside = path.join(t.dir, 'secret-dir');
    await mkdir(outside);
    await writeFile(path.join(outside, 'settings.txt'), 'TOP-SECRET\n');
    await rm(path.join(ws, 'cfg'), { recursive: true });
    await symlink(outside, path.join(ws, 'cfg'));
    // The agent-writable .git and a nested repository are not part of the tree.
    await writeFile(path.join(ws, '.git', 'config'), '[core]\n\tfsmonitor = /bin/false\n');
    await initRepo(path.join(ws, 'vendor/nested'), { 'x.txt': 'x\n' });

    const started = Date.now();
    const res = await hostPatch(git, { repoDir: p.repoDir, workspaceDir: ws, baseCommit: base, timeoutMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    const files = await treeFiles(p.repoDir, res.tree ?? '');
    expect(files).toEqual({
      '.gitignore': '*.log\n',
      'a.txt': 'changed\n',
      'new.txt': 'new\n',
      'run.sh': 'echo\n',
      'inside-link': '-> a.txt',
    });
    expect((await tgit(['ls-tree', res.tree ?? '', 'run.sh'], { cwd: p.repoDir })).split(' ')[0]).toBe('100755');
    const listed = res.dropped.map((d) => `${d.path}: ${d.reason}`).join('\n');
    expect(listed).toMatch(/huge\.bin: file over .* not read/);
    expect(listed).toMatch(/outside-link: symlink to an absolute path/);
    expect(listed).toMatch(/up: symlink pointing outside/);
    expect(listed).toMatch(/cfg: symlink to an absolute path/);
    expect(listed).toMatch(/vendor\/nested\/: a nested git repository/);
    expect(res.patch).not.toContain('TOP-SECRET');
    expect(res.patch).toContain('new.txt');
  });

  it('never runs a filter, whatever the workspace and the repository config say', async () => {
    const { t, p, base, git } = await setup();
    const marker = path.join(t.dir, 'filter-ran');
    const evil = `sh -c 'echo ran >> ${marker}; cat'`;
    await tgit(['config', 'filter.evil.clean', evil], { cwd: p.repoDir });
    await tgit(['config', 'filter.evil.process', evil], { cwd: p.repoDir });
    await writeFile(path.join(p.workspaceDir, '.gitattributes'), '* filter=evil\n');
    await writeFile(path.join(p.workspaceDir, 'a.txt'), 'filtered?\n');
    const res = await hostPatch(git, { repoDir: p.repoDir, workspaceDir: p.workspaceDir, baseCommit: base });
    expect((await treeFiles(p.repoDir, res.tree ?? ''))['a.txt']).toBe('filtered?\n');
    await expect(readFile(marker, 'utf8')).rejects.toThrow();
  });

  it('is bounded: out of time, it stops with an error instead of hanging', async () => {
    const { p, base, git } = await setup();
    for (let i = 0; i < 200; i++) await writeFile(path.join(p.workspaceDir, `f${i}.txt`), `${i}\n`);
    await expect(
      hostPatch(git, { repoDir: p.repoDir, workspaceDir: p.workspaceDir, baseCommit: base, timeoutMs: 1 }),
    ).rejects.toThrow(/ran out of time|timed out/);
  });
});

describe('recoverInflight (the post step)', () => {
  it('writes the record within its bound even when the workspace holds a 1 TiB sparse file and a FIFO', async () => {
    const { out, p, base, git, logger } = await setup();
    await writeFile(path.join(p.workspaceDir, 'a.txt'), 'recovered\n');
    await writeFile(path.join(p.workspaceDir, 'huge.bin'), '');
    await truncate(path.join(p.workspaceDir, 'huge.bin'), TIB);
    execFileSync('mkfifo', [path.join(p.workspaceDir, 'pipe')]);
    await mkdir(path.dirname(p.inflightFile), { recursive: true });
    await writeFile(
      p.inflightFile,
      JSON.stringify({
        issue: { owner: 'o', repo: 'r', number: 7, title: 't', body: '' },
        issue_type: 'issue',
        instruction: 'i',
        base_commit: base,
        history: [],
      }),
    );
    const started = Date.now();
    const written = await recoverInflight({ outputDir: out, reason: 'cancelled', logger, git, timeoutMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(written).toHaveLength(1);
    const [record] = readRecords(p.outputFile);
    expect(record?.git_patch).toContain('+recovered');
    expect(record?.git_patch).not.toContain('huge.bin');
    expect(record?.result_explanation).toMatch(/huge\.bin: file over/);
  });

  it('out of time, it still writes the record (without a patch, saying why)', async () => {
    const { out, p, base, git, logger } = await setup();
    for (let i = 0; i < 200; i++) await writeFile(path.join(p.workspaceDir, `f${i}.txt`), `${i}\n`);
    await mkdir(path.dirname(p.inflightFile), { recursive: true });
    await writeFile(
      p.inflightFile,
      JSON.stringify({
        issue: { owner: 'o', repo: 'r', number: 7, title: 't', body: '' },
        issue_type: 'issue',
        base_commit: base,
      }),
    );
    const written = await recoverInflight({ outputDir: out, reason: 'cancelled', logger, git, timeoutMs: 1 });
    expect(written).toHaveLength(1);
    expect(written[0]?.git_patch).toBeNull();
    expect(written[0]?.result_explanation).toMatch(/Recovering the patch failed/);
  });
});
