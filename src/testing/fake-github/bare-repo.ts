// TEST DOUBLE: stands in for GitHub / the LLM in tests and the offline demo; not used by the product.
//
// The fake GitHub's repositories are real bare git repositories on disk (served by git-http-server.ts). These
// helpers create them and write commits without a work tree (through a temporary index), and read refs, logs and
// files back for the REST/GraphQL answers and for test assertions.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { git, tryGit } from '../git.js';

/** File contents by path; `null` deletes the file. */
export type FileChanges = Record<string, string | null>;

export interface CommitIdentity {
  name: string;
  email: string;
  /** ISO date; fixed by default so the fake's own commits have stable shas. */
  date?: string;
}

export interface LogEntry {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  authorDate: string;
  committerName: string;
  committerEmail: string;
  /** First line of the message. */
  subject: string;
  /** Full message without the trailing newline. */
  message: string;
}

const DEFAULT_DATE = '2024-01-01T00:00:00Z';

function identityEnv(who: CommitIdentity): Record<string, string> {
  const date = who.date ?? DEFAULT_DATE;
  return {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_COMMITTER_DATE: date,
  };
}

/** Creates a bare repository that accepts pushes over smart HTTP. */
export async function initBareRepo(dir: string, defaultBranch: string): Promise<void> {
  mkdirSync(path.dirname(dir), { recursive: true });
  await git(['init', '-q', '--bare', '-b', defaultBranch, dir]);
  await git(['config', 'http.receivepack', 'true'], { cwd: dir });
  // Pushes of unrelated or rewritten history are the product's business; GitHub accepts force pushes too.
  await git(['config', 'receive.denyNonFastForwards', 'false'], { cwd: dir });
}

/** Full sha of a commit-ish, or null when it does not resolve. */
export async function resolveRef(dir: string, ref: string): Promise<string | null> {
  const candidates = ref.startsWith('refs/') || /^[0-9a-f]{40}$/.test(ref) ? [ref] : [`refs/heads/${ref}`, ref];
  for (const c of candidates) {
    const r = await tryGit(['rev-parse', '--verify', '--quiet', `${c}^{commit}`], { cwd: dir });
    if (r.code === 0) return r.stdout.trim();
  }
  return null;
}

export async function listBranches(dir: string): Promise<{ name: string; sha: string }[]> {
  const out = await git(['for-each-ref', '--format=%(objectname) %(refname:strip=2)', 'refs/heads'], { cwd: dir });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const sp = line.indexOf(' ');
      return { sha: line.slice(0, sp), name: line.slice(sp + 1) };
    });
}

/**
 * Commits `files` on top of `parent` (a ref or sha; null for a root commit) and points refs/heads/{branch} at it.
 * Returns the new commit's sha.
 */
export async function commitFiles(
  dir: string,
  opts: { branch: string; parent: string | null; files: FileChanges; message: string; author: CommitIdentity },
): Promise<string> {
  const index = path.join(dir, `fake-index-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const env = { GIT_INDEX_FILE: index, ...identityEnv(opts.author) };
  try {
    let parentSha: string | null = null;
    if (opts.parent) {
      parentSha = await resolveRef(dir, opts.parent);
      if (!parentSha) throw new Error(`fake GitHub: parent ${opts.parent} does not exist in ${dir}`);
      await git(['read-tree', parentSha], { cwd: dir, env });
    } else {
      await git(['read-tree', '--empty'], { cwd: dir, env });
    }
    for (const [file, content] of Object.entries(opts.files)) {
      const clean = file.replace(/^\/+/, '');
      if (content === null) {
        await git(['update-index', '--force-remove', '--', clean], { cwd: dir, env });
        continue;
      }
      const blob = (await git(['hash-object', '-w', '--stdin'], { cwd: dir, input: content })).trim();
      await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${clean}`], { cwd: dir, env });
    }
    const tree = (await git(['write-tree'], { cwd: dir, env })).trim();
    const args = ['commit-tree', tree, '-m', opts.message];
    if (parentSha) args.push('-p', parentSha);
    const sha = (await git(args, { cwd: dir, env })).trim();
    await git(['update-ref', `refs/heads/${opts.branch}`, sha], { cwd: dir });
    return sha;
  } finally {
    rmSync(index, { force: true });
  }
}

/** Points a ref (full name) at a sha, fetching the object from another bare repository first when given. */
export async function setRef(dir: string, ref: string, sha: string, fromDir?: string): Promise<void> {
  if (fromDir && fromDir !== dir) await git(['fetch', '-q', fromDir, `+${sha}:${ref}`], { cwd: dir });
  else await git(['update-ref', ref, sha], { cwd: dir });
}

export async function deleteRef(dir: string, ref: string): Promise<void> {
  await tryGit(['update-ref', '-d', ref], { cwd: dir });
}

/** Commits reachable from ref, newest first. */
export async function gitLog(dir: string, ref: string, max = 1000): Promise<LogEntry[]> {
  const sha = await resolveRef(dir, ref);
  if (!sha) throw new Error(`fake GitHub: ref ${ref} does not exist`);
  const out = await git(
    ['log', `--max-count=${max}`, '--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%B%x1e', sha],
    { cwd: dir },
  );
  return out
    .split('\x1e')
    .map((r) => r.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [shaField = '', parents = '', an = '', ae = '', ad = '', cn = '', ce = '', body = ''] =
        record.split('\x00');
      const message = body.replace(/\n+$/, '');
      return {
        sha: shaField,
        parents: parents.split(' ').filter(Boolean),
        authorName: an,
        authorEmail: ae,
        authorDate: ad,
        committerName: cn,
        committerEmail: ce,
        subject: message.split('\n')[0] ?? '',
        message,
      };
    });
}

/** A file's contents at ref, or null when the ref or the file does not exist. */
export async function readFileAt(dir: string, ref: string, file: string): Promise<string | null> {
  const sha = await resolveRef(dir, ref);
  if (!sha) return null;
  const r = await tryGit(['cat-file', 'blob', `${sha}:${file.replace(/^\/+/, '')}`], { cwd: dir });
  return r.code === 0 ? r.stdout : null;
}

/** Paths of every file at ref. */
export async function listFiles(dir: string, ref: string): Promise<string[]> {
  const sha = await resolveRef(dir, ref);
  if (!sha) return [];
  const out = await git(['ls-tree', '-r', '--name-only', sha], { cwd: dir });
  return out.split('\n').filter(Boolean);
}

export interface DiffStats {
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
}

/** What `head` adds on top of its merge base with `base` (as a pull request shows it). */
export async function diffStats(dir: string, base: string, head: string): Promise<DiffStats> {
  const commits = Number.parseInt((await git(['rev-list', '--count', `${base}..${head}`], { cwd: dir })).trim(), 10);
  const numstat = await git(['diff', '--numstat', `${base}...${head}`], { cwd: dir });
  let additions = 0;
  let deletions = 0;
  let changedFiles = 0;
  for (const line of numstat.split('\n').filter(Boolean)) {
    const [a = '0', d = '0'] = line.split('\t');
    additions += Number.parseInt(a, 10) || 0;
    deletions += Number.parseInt(d, 10) || 0;
    changedFiles++;
  }
  return { commits: Number.isFinite(commits) ? commits : 0, additions, deletions, changedFiles };
}

/** The unified diff a pull request shows (`base...head`). */
export async function diffText(dir: string, base: string, head: string, extra: string[] = []): Promise<string> {
  const r = await tryGit(['diff', '--no-color', ...extra, `${base}...${head}`], { cwd: dir });
  return r.code === 0 ? r.stdout : '';
}

/** True when `ancestor` is a commit reachable from `ref`. */
export async function isAncestor(dir: string, ancestor: string, ref: string): Promise<boolean> {
  if (!/^[0-9a-f]{40}$/.test(ancestor)) return false;
  const r = await tryGit(['merge-base', '--is-ancestor', ancestor, ref], { cwd: dir });
  return r.code === 0;
}
