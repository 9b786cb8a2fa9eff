// Shared setup for git tests: real repositories in temp dirs, built with the test doubles' hermetic git.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { git, gitEnv } from '../../src/testing/git.js';

export const AUTHOR = ['-c', 'user.name=Test Author', '-c', 'user.email=author@example.com'];

export async function tempDir(prefix = 'oh-git-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes files (string or bytes; null deletes) under dir. */
export async function writeFiles(dir: string, files: Record<string, string | Buffer | null>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    if (content === null) {
      await rm(abs, { force: true });
      continue;
    }
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
}

/** A work tree with one commit holding `files`; returns its HEAD sha. */
export async function initRepo(dir: string, files: Record<string, string | Buffer>, branch = 'main'): Promise<string> {
  await git(['init', '-q', '-b', branch, dir]);
  await writeFiles(dir, files);
  await git(['add', '-A'], { cwd: dir });
  await git([...AUTHOR, 'commit', '-q', '--allow-empty', '-m', 'initial'], { cwd: dir });
  return (await git(['rev-parse', 'HEAD'], { cwd: dir })).trim();
}

export async function commitAll(dir: string, message: string): Promise<string> {
  await git(['add', '-A'], { cwd: dir });
  await git([...AUTHOR, 'commit', '-q', '--allow-empty', '-m', message], { cwd: dir });
  return (await git(['rev-parse', 'HEAD'], { cwd: dir })).trim();
}

/** Makes `changes` in the work tree, returns `git diff --binary` of them against HEAD, and resets the tree. */
export async function diffOf(dir: string, changes: (dir: string) => Promise<void>): Promise<string> {
  await changes(dir);
  await git(['add', '-A'], { cwd: dir });
  const patch = await git(['diff', '--cached', '--binary', '-M', 'HEAD'], { cwd: dir });
  await git(['reset', '-q', '--hard', 'HEAD'], { cwd: dir });
  await git(['clean', '-qfdx'], { cwd: dir });
  return patch;
}

/** The files of a tree, read from the object store (symlinks as `-> target`). */
export async function treeFiles(repo: string, tree: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const list = await git(['ls-tree', '-r', '-z', tree], { cwd: repo });
  for (const rec of list.split('\0')) {
    if (!rec) continue;
    const [meta, rel] = rec.split('\t') as [string, string];
    const [mode, , oid] = meta.split(' ');
    const content = execFileSync('git', ['cat-file', 'blob', oid ?? ''], {
      cwd: repo,
      env: gitEnv(),
      encoding: 'latin1',
    });
    out[rel] = mode === '120000' ? `-> ${content}` : content;
  }
  return out;
}
