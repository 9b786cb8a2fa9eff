// Builds a commit from an untrusted patch without a work tree (DESIGN.md §8.20): a private temporary index,
// `read-tree <base>`, `git apply --cached` (strict), or the tolerant per-file rules of resolver.md §12.1 on
// blobs in memory; then the policy judges the resulting tree, dropped paths go back to their base entry, and the
// tree is rebuilt until nothing more is dropped. No file is ever written through a checkout, and every command
// runs with an empty private directory as cwd and no config but the repository's own (run.ts).
import { createHash } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import { lstat, mkdtemp, open, readlink, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ResolverError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import {
  PatchMismatch,
  applyHunks,
  fromBytes,
  newFileContent,
  parsePatch,
  splitPreamble,
  stripCr,
  toBytes,
  type FileDiff,
} from './patch-parse.js';
import type { GitRunOptions, GitRunner } from './run.js';
import {
  judgeTree,
  pathProblem,
  resetPaths,
  shown,
  MAX_FILE_BYTES,
  type PolicyDrop,
  type TreeEntry,
  type TreeMap,
  type TreePolicyOptions,
} from './tree-policy.js';

export interface PatchTreeOptions extends TreePolicyOptions {
  /** The commit the patch applies to. */
  base: string;
  patch: string;
  /** Upper bound for the whole build (each git command gets what is left). */
  timeoutMs?: number;
}

export interface PatchTreeResult {
  /** The base commit (full SHA). */
  base: string;
  /** The judged tree; null when the patch did not apply. */
  tree: string | null;
  /** The judged tree differs from the base tree. */
  changed: boolean;
  /** 'git-apply' (strict), 'fallback' (tolerant rules), 'none' (empty patch or not applied). */
  method: 'git-apply' | 'fallback' | 'none';
  /** `git diff-tree --binary` of base..tree: exactly what was judged; null when nothing changed. */
  patch: string | null;
  /** File diffs the tolerant rules left out (e.g. `Binary files … differ` without data). */
  skipped: PolicyDrop[];
  /** Changes the policy removed from the tree. */
  dropped: PolicyDrop[];
  /** Kept, but worth a reviewer's attention. */
  flagged: PolicyDrop[];
  error?: string;
}

export interface CommitPatchOptions extends PatchTreeOptions {
  message: string;
  identity: { name: string; email: string };
}

export interface CommitPatchResult extends PatchTreeResult {
  /** The new commit (parent: base); null when nothing changed or the patch did not apply. */
  sha: string | null;
}

export interface DirectoryTreeOptions extends TreePolicyOptions {
  base: string;
  /** The directory whose files become the new tree (read with lstat, never followed through links). */
  workspaceDir: string;
  timeoutMs?: number;
}

/** One build: the repository, a private temporary directory (cwd and index), and the deadline. */
class Session {
  readonly index: string;
  private readonly deadline: number | null;
  zeroOid = '0'.repeat(40);
  hashAlgo: 'sha1' | 'sha256' = 'sha1';
  private targets = new Map<string, string>();

  private readonly run: GitRunner;
  readonly gitDir: string;
  readonly tmp: string;

  constructor(run: GitRunner, gitDir: string, tmp: string, timeoutMs: number | undefined) {
    this.run = run;
    this.gitDir = gitDir;
    this.tmp = tmp;
    this.index = path.join(tmp, 'index');
    this.deadline = timeoutMs === undefined ? null : Date.now() + timeoutMs;
  }

  remaining(): number | undefined {
    if (this.deadline === null) return undefined;
    const left = this.deadline - Date.now();
    if (left <= 0) throw new ResolverError('patch', 'Building the tree from the patch ran out of time.');
    return left;
  }

  async git(args: string[], opts: GitRunOptions = {}): Promise<string> {
    const r = await this.run(this.tmp, ['--bare', ...args], {
      ...opts,
      env: { GIT_DIR: this.gitDir, GIT_INDEX_FILE: opts.env?.GIT_INDEX_FILE ?? this.index },
      timeoutMs: this.remaining(),
    });
    if (r.exitCode !== 0) {
      const sub = args.find((a) => !a.startsWith('-')) ?? 'git';
      throw new ResolverError('git', `git ${sub} failed: ${r.stderr.trim().slice(0, 2000)}`);
    }
    return r.stdout;
  }

  /** Like git(), but returns the exit code and stderr instead of throwing. */
  async tryGit(args: string[], opts: GitRunOptions = {}): Promise<{ code: number; stderr: string; stdout: string }> {
    const r = await this.run(this.tmp, ['--bare', ...args], {
      ...opts,
      env: { GIT_DIR: this.gitDir, GIT_INDEX_FILE: opts.env?.GIT_INDEX_FILE ?? this.index },
      timeoutMs: this.remaining(),
    });
    return { code: r.exitCode, stderr: r.stderr, stdout: r.stdout };
  }

  async init(base: string): Promise<{ baseSha: string; baseTree: string }> {
    const format = (await this.tryGit(['rev-parse', '--show-object-format'])).stdout.trim();
    if (format === 'sha256') {
      this.hashAlgo = 'sha256';
      this.zeroOid = '0'.repeat(64);
    }
    const baseSha = (await this.git(['rev-parse', '--verify', '--end-of-options', `${base}^{commit}`])).trim();
    const baseTree = (await this.git(['rev-parse', '--verify', '--end-of-options', `${baseSha}^{tree}`])).trim();
    return { baseSha, baseTree };
  }

  /** `ls-tree -r -l -z`: path (byte string) → entry. */
  async treeMap(treeish: string): Promise<TreeMap> {
    const out = await this.git(['ls-tree', '-r', '-l', '-z', '--full-tree', treeish], { bytes: true, raw: true });
    const map: TreeMap = new Map();
    for (const rec of out.split('\0')) {
      if (rec === '') continue;
      const tab = rec.indexOf('\t');
      const [mode, , oid, size] = rec.slice(0, tab).split(/ +/);
      if (!mode || !oid) continue;
      map.set(rec.slice(tab + 1), { mode, oid, size: size === '-' || size === undefined ? 0 : Number(size) });
    }
    return map;
  }

  async indexMap(indexFile?: string): Promise<TreeMap> {
    const out = await this.git(['ls-files', '-s', '-z'], {
      bytes: true,
      raw: true,
      env: { GIT_INDEX_FILE: indexFile ?? this.index },
    });
    const map: TreeMap = new Map();
    for (const rec of out.split('\0')) {
      if (rec === '') continue;
      const tab = rec.indexOf('\t');
      const [mode, oid] = rec.slice(0, tab).split(' ');
      if (mode && oid) map.set(rec.slice(tab + 1), { mode, oid, size: -1 });
    }
    return map;
  }

  async blob(oid: string): Promise<string> {
    return this.git(['cat-file', 'blob', oid], { bytes: true, raw: true });
  }

  /** Writes a blob (byte string) as-is: no filters, no attributes. */
  async hashBlob(content: string | Buffer): Promise<string> {
    const input = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
    return (await this.git(['hash-object', '-w', '-t', 'blob', '--no-filters', '--stdin'], { input })).trim();
  }

  /** The object id git would give a blob, computed here (so unchanged files need no git process). */
  blobOid(content: Buffer): string {
    return createHash(this.hashAlgo).update(`blob ${content.length}\0`).update(content).digest('hex');
  }

  /** Symlink targets of every link in `map` (one `cat-file --batch`), cached. */
  async loadTargets(map: TreeMap): Promise<(oid: string) => string | undefined> {
    const want = [...new Set([...map.values()].filter((e) => e.mode === '120000').map((e) => e.oid))].filter(
      (o) => !this.targets.has(o),
    );
    if (want.length > 0) {
      const out = await this.git(['cat-file', '--batch'], { input: `${want.join('\n')}\n`, bytes: true, raw: true });
      let at = 0;
      while (at < out.length) {
        const nl = out.indexOf('\n', at);
        if (nl === -1) break;
        const [oid, type, size] = out.slice(at, nl).split(' ');
        at = nl + 1;
        if (!oid || type !== 'blob' || size === undefined) continue;
        const n = Number(size);
        this.targets.set(oid, out.slice(at, at + n));
        at += n + 1;
      }
    }
    return (oid) => this.targets.get(oid);
  }

  /** A fresh index holding base with `next`'s differences, then write-tree. */
  async writeTree(baseTree: string, base: TreeMap, next: TreeMap): Promise<string> {
    await rm(this.index, { force: true });
    await this.git(['read-tree', baseTree]);
    const lines: string[] = [];
    for (const p of base.keys()) if (!next.has(p)) lines.push(`0 ${this.zeroOid}\t${p}\0`);
    for (const [p, e] of next) {
      const b = base.get(p);
      if (b?.mode !== e.mode || b.oid !== e.oid) lines.push(`${e.mode} ${e.oid}\t${p}\0`);
    }
    if (lines.length > 0) {
      await this.git(['update-index', '-z', '--add', '--index-info'], { input: Buffer.from(lines.join(''), 'latin1') });
    }
    return (await this.git(['write-tree'])).trim();
  }
}

async function withSession<T>(
  run: GitRunner,
  dir: string,
  timeoutMs: number | undefined,
  fn: (s: Session) => Promise<T>,
): Promise<T> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'oh-tree-'));
  try {
    const probe = await run(dir, ['rev-parse', '--absolute-git-dir'], { timeoutMs });
    if (probe.exitCode !== 0) throw new ResolverError('git', `${dir} is not a git repository: ${probe.stderr.trim()}`);
    return await fn(new Session(run, probe.stdout.trim(), tmp, timeoutMs));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// The tolerant per-file rules (resolver.md §12.1), on an in-memory map of the tree.

async function fallbackTree(
  s: Session,
  base: TreeMap,
  patchBytes: string,
  logger: Logger,
): Promise<{ next: TreeMap; skipped: PolicyDrop[]; dropped: PolicyDrop[] }> {
  const diffs = parsePatch(patchBytes);
  if (diffs.length === 0) throw new PatchMismatch('no file diffs found in the patch');
  const skipped: PolicyDrop[] = [];
  const dropped: PolicyDrop[] = [];
  const next: TreeMap = new Map(base);
  const content = new Map<string, string>();
  const read = async (rel: string): Promise<string | null> => {
    const e = next.get(rel);
    if (!e) return null;
    if (e.mode !== '100644' && e.mode !== '100755') throw new PatchMismatch(`${shown(rel)} is not a regular file`);
    const cached = content.get(e.oid);
    if (cached !== undefined) return cached;
    const c = await s.blob(e.oid);
    content.set(e.oid, c);
    return c;
  };
  const write = async (rel: string, text: string, mode: string) => {
    const oid = await s.hashBlob(text);
    content.set(oid, text);
    next.set(rel, { mode, oid, size: text.length });
  };

  for (const d of diffs) {
    const oldRel = d.renameFrom ?? d.oldPath;
    const newRel = d.renameTo ?? d.newPath;
    const name = fromBytes(newRel ?? oldRel ?? '(unknown)');
    if (d.unparsable || (newRel === null && !d.deletedFile)) {
      logger.warn(`Skipping a file diff without a usable path: ${fromBytes(stripCr(d.raw[0] ?? ''))}`);
      skipped.push({ path: name, reason: 'no target path in the diff header' });
      continue;
    }
    const bad = [oldRel, newRel].map((p) => (p === null ? null : pathProblem(p))).find((x) => x);
    if (bad) {
      dropped.push({ path: name, reason: `${bad}: refused` });
      continue;
    }
    if (d.oldMode === '160000' || d.newMode === '160000') {
      skipped.push({ path: name, reason: 'submodule (gitlink) change dropped' });
      continue;
    }
    if (newRel === null) {
      // Deletion: no content check (reference rule).
      if (oldRel !== null) next.delete(oldRel);
      continue;
    }
    if (d.binary === 'bare') {
      skipped.push({ path: name, reason: 'binary change without data (`Binary files … differ`)' });
      continue;
    }
    const isSymlink = d.oldMode === '120000' || d.newMode === '120000';
    const modeOnly = d.hunks.length === 0 && d.oldMode !== null && d.newMode !== null && d.oldMode !== d.newMode;
    const emptyNew = d.newFile && d.hunks.length === 0;
    if (d.binary === 'data' || isSymlink || (modeOnly && !d.renameTo) || emptyNew) {
      await applyAlone(s, d, next, oldRel, newRel, name);
      continue;
    }
    const mode =
      d.newMode === '100755' || d.newMode === '100644' ? d.newMode : (next.get(oldRel ?? '')?.mode ?? '100644');
    if (oldRel === null || (d.newFile && !d.renameFrom)) {
      const existing = await read(newRel);
      const text = newFileContent(d.hunks, name);
      if (existing !== null && existing !== text) throw new PatchMismatch(`${name} already exists`);
      await write(newRel, text, d.newMode === '100755' ? '100755' : '100644');
      continue;
    }
    const old = await read(oldRel);
    if (old === null) throw new PatchMismatch(`${fromBytes(oldRel)} does not exist`);
    if (oldRel !== newRel && next.has(newRel)) {
      throw new PatchMismatch(`cannot rename ${fromBytes(oldRel)} to ${name}: the target exists`);
    }
    const text = d.hunks.length > 0 ? applyHunks(old, d.hunks, name) : old;
    if (oldRel !== newRel && !d.copy) next.delete(oldRel);
    await write(newRel, text, mode);
  }
  // A file where a directory is needed (or the reverse) cannot be in a tree.
  const paths = [...next.keys()].sort();
  for (let i = 0; i + 1 < paths.length; i++) {
    const a = paths[i] as string;
    const b = paths[i + 1] as string;
    if (b.startsWith(`${a}/`)) throw new PatchMismatch(`${shown(a)} is both a file and a directory after the patch`);
  }
  for (const p of paths) {
    const segs = p.split('/');
    for (let k = 1; k < segs.length; k++) {
      if (next.has(segs.slice(0, k).join('/'))) {
        throw new PatchMismatch(`${shown(p)} goes through ${shown(segs.slice(0, k).join('/'))}, which is a file`);
      }
    }
  }
  return { next, skipped, dropped };
}

/** Binary data, symlinks, mode-only changes and empty new files: `git apply --cached` of this diff alone. */
async function applyAlone(
  s: Session,
  d: FileDiff,
  next: TreeMap,
  oldRel: string | null,
  newRel: string,
  name: string,
): Promise<void> {
  const scratch = path.join(s.tmp, 'scratch-index');
  await rm(scratch, { force: true });
  const env = { GIT_INDEX_FILE: scratch };
  await s.git(['read-tree', '--empty'], { env });
  const seed: string[] = [];
  for (const rel of new Set([oldRel, newRel])) {
    const e = rel === null ? undefined : next.get(rel);
    if (rel !== null && e) seed.push(`${e.mode} ${e.oid}\t${rel}\0`);
  }
  if (seed.length > 0) {
    await s.git(['update-index', '-z', '--add', '--index-info'], { env, input: Buffer.from(seed.join(''), 'latin1') });
  }
  const r = await s.tryGit(['apply', '--cached', '--binary', '--whitespace=nowarn', '-'], {
    env,
    input: Buffer.from(`${d.raw.join('\n')}\n`, 'latin1'),
  });
  if (r.code !== 0) throw new PatchMismatch(`${name}: git apply refused this file diff: ${r.stderr.trim()}`);
  const after = await s.indexMap(scratch);
  for (const rel of new Set([oldRel, newRel])) {
    if (rel === null) continue;
    const e = after.get(rel);
    if (e) next.set(rel, { ...e, size: 0 });
    else next.delete(rel);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Judge, reset, rebuild until stable.

async function judgeAndSettle(
  s: Session,
  o: TreePolicyOptions,
  baseTree: string,
  base: TreeMap,
  firstTree: string,
): Promise<{ tree: string; dropped: PolicyDrop[]; flagged: PolicyDrop[] }> {
  const dropped: PolicyDrop[] = [];
  let tree = firstTree;
  let flagged: PolicyDrop[] = [];
  for (let round = 0; ; round++) {
    const next = await s.treeMap(tree);
    const targetOf = await s.loadTargets(next);
    const binary = await binaryPaths(s, baseTree, tree, base, next, o);
    const j = judgeTree(base, next, o, targetOf, (p) => binary.has(p));
    flagged = j.flagged;
    if (j.drops.length === 0) break;
    if (round >= 20) throw new ResolverError('internal', 'The patch policy did not settle on a tree.');
    for (const d of j.drops) dropped.push({ path: shown(d.path), reason: d.reason });
    for (const x of resetPaths(
      base,
      next,
      j.drops.map((d) => d.path),
    )) {
      dropped.push({ path: shown(x.path), reason: x.reason });
    }
    tree = await s.writeTree(baseTree, base, next);
  }
  return { tree, dropped, flagged };
}

/** Binary changed paths, only needed (and computed) when the changed blobs exceed the patch size limit. */
async function binaryPaths(
  s: Session,
  baseTree: string,
  tree: string,
  base: TreeMap,
  next: TreeMap,
  o: TreePolicyOptions,
): Promise<Set<string>> {
  let total = 0;
  for (const [p, e] of next) {
    const b = base.get(p);
    if (b?.oid !== e.oid || b.mode !== e.mode) total += e.size;
  }
  const out = new Set<string>();
  if (total <= (o.maxPatchBytes ?? 10 * 1024 * 1024)) return out;
  const numstat = await s.git(['diff-tree', '-r', '-z', '--numstat', '--no-renames', baseTree, tree], {
    bytes: true,
    raw: true,
  });
  // -z numstat: "added\tdeleted\tpath\0"; binary files show "-\t-".
  for (const rec of numstat.split('\0')) {
    const m = /^(-|\d+)\t(-|\d+)\t([\s\S]*)$/.exec(rec);
    if (m && m[1] === '-' && m[3] !== undefined) out.add(m[3]);
  }
  return out;
}

async function canonicalPatch(s: Session, baseTree: string, tree: string): Promise<string | null> {
  if (tree === baseTree) return null;
  const out = await s.git(
    [
      'diff-tree',
      '-r',
      '-p',
      '--binary',
      '--full-index',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      // Renames as the sandbox's `git diff` showed them (the reference's records have them).
      '-M',
      baseTree,
      tree,
    ],
    { raw: true },
  );
  return out.trim() === '' ? null : out.replace(/\n+$/, '');
}

function preambleDrop(preamble: string): PolicyDrop[] {
  if (preamble.trim() === '') return [];
  const first = fromBytes(preamble.trim().split('\n')[0] ?? '').slice(0, 120);
  return [
    {
      path: '(text before the first diff --git header)',
      reason: `not part of a git diff, refused (starts with ${JSON.stringify(first)})`,
    },
  ];
}

/** Builds and judges the tree of `patch` applied to `base` in the repository at `dir`. */
export async function buildPatchTree(
  run: GitRunner,
  dir: string,
  o: PatchTreeOptions,
  logger: Logger,
): Promise<PatchTreeResult> {
  return withSession(run, dir, o.timeoutMs, (s) => buildInSession(s, o, logger));
}

async function buildInSession(s: Session, o: PatchTreeOptions, logger: Logger): Promise<PatchTreeResult> {
  const { baseSha, baseTree } = await s.init(o.base);
  const empty = { base: baseSha, skipped: [], dropped: [], flagged: [] };
  if (o.patch.trim() === '') return { ...empty, tree: baseTree, changed: false, method: 'none', patch: null };
  const bytes = toBytes(o.patch.endsWith('\n') ? o.patch : `${o.patch}\n`);
  const { preamble, rest } = splitPreamble(bytes);
  const refused = preambleDrop(preamble);
  for (const d of refused) logger.warn(`Patch: ${d.path}: ${d.reason}`);
  const base = await s.treeMap(baseTree);
  let method: PatchTreeResult['method'] = 'git-apply';
  let tree: string;
  let skipped: PolicyDrop[] = [];
  let early: PolicyDrop[] = [];
  await s.git(['read-tree', baseTree]);
  const strict =
    rest === ''
      ? { code: 0, stderr: '', stdout: '' }
      : await s.tryGit(['apply', '--cached', '--binary', '--whitespace=nowarn', '-'], {
          input: Buffer.from(rest, 'latin1'),
        });
  if (strict.code === 0) {
    tree = (await s.git(['write-tree'])).trim();
  } else {
    logger.info(`git apply failed (${strict.stderr.trim().split('\n')[0] ?? ''}); trying the tolerant per-file rules`);
    method = 'fallback';
    try {
      const f = await fallbackTree(s, base, rest, logger);
      skipped = f.skipped;
      early = f.dropped;
      for (const x of skipped) logger.warn(`Patch: skipped ${x.path}: ${x.reason}`);
      tree = await s.writeTree(baseTree, base, f.next);
    } catch (err) {
      if (!(err instanceof PatchMismatch)) throw err;
      const error = `The patch does not apply: ${err.message}. Nothing was changed.`;
      logger.warn(error);
      return { ...empty, dropped: refused, tree: null, changed: false, method: 'none', patch: null, error };
    }
  }
  const judged = await judgeAndSettle(s, o, baseTree, base, tree);
  const dropped = [...refused, ...early, ...judged.dropped];
  for (const d of [...early, ...judged.dropped]) logger.warn(`Patch policy dropped ${d.path}: ${d.reason}`);
  return {
    base: baseSha,
    tree: judged.tree,
    changed: judged.tree !== baseTree,
    method,
    patch: await canonicalPatch(s, baseTree, judged.tree),
    skipped,
    dropped,
    flagged: judged.flagged,
  };
}

/** buildPatchTree, then `commit-tree` (parent: base) when the tree changed. */
export async function commitPatch(
  run: GitRunner,
  dir: string,
  o: CommitPatchOptions,
  logger: Logger,
): Promise<CommitPatchResult> {
  return withSession(run, dir, o.timeoutMs, async (s) => {
    const built = await buildInSession(s, o, logger);
    if (!built.changed || built.tree === null) return { ...built, sha: null };
    const message = `${o.message.replace(/\s+$/, '')}\n`;
    const sha = (
      await s.git(['commit-tree', '--no-gpg-sign', '-p', built.base, built.tree], {
        input: message,
        config: [
          '-c',
          `user.name=${o.identity.name}`,
          '-c',
          `user.email=${o.identity.email}`,
          '-c',
          'commit.gpgSign=false',
        ],
      })
    ).trim();
    return { ...built, sha };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The host-side snapshot of a workspace (sandbox gone): walk it in Node, never through a link, never reading a
// file over the size limit or anything but a regular file.

/** Reads a regular file without following a link at its name; null when it is not one (any more). */
async function readRegular(
  abs: Buffer,
  root: Buffer,
  expect: { dev: number; ino: number },
  max: number,
): Promise<Buffer | null> {
  const fh = await open(abs, fsc.O_RDONLY | fsc.O_NOFOLLOW | fsc.O_NONBLOCK).catch(() => null);
  if (!fh) return null;
  try {
    const st = await fh.stat();
    // Swapped since the walk saw it (a parent turned into a link, another file moved in): not read.
    if (!st.isFile() || st.dev !== expect.dev || st.ino !== expect.ino || st.size > max) return null;
    // Where the descriptor really is (Linux): it must be inside the workspace.
    const real = await readlink(`/proc/self/fd/${fh.fd}`, { encoding: 'buffer' }).catch(() => null);
    if (real && !real.subarray(0, root.length + 1).equals(Buffer.concat([root, Buffer.from('/')]))) return null;
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const { bytesRead } = await fh.read(buf, off, st.size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return off === st.size ? buf : null;
  } finally {
    await fh.close();
  }
}

/**
 * Builds and judges the tree of a workspace directory against `base` in the repository at `dir` (its objects
 * receive the new blobs). Paths come from the base tree plus `git ls-files --others --exclude-standard` (which
 * only lists names: it opens no file), so ignored files stay out as they did with `git add -A`.
 */
export async function buildDirectoryTree(
  run: GitRunner,
  dir: string,
  o: DirectoryTreeOptions,
  logger: Logger,
): Promise<PatchTreeResult> {
  const maxFile = o.maxFileBytes ?? MAX_FILE_BYTES;
  return withSession(run, dir, o.timeoutMs, async (s) => {
    const { baseSha, baseTree } = await s.init(o.base);
    const base = await s.treeMap(baseTree);
    const ws = path.resolve(o.workspaceDir);
    await s.git(['read-tree', baseTree]);
    const others = await s.git(
      ['--work-tree', ws, 'ls-files', '-z', '--others', '--exclude-standard', '--no-empty-directory'],
      { bytes: true, raw: true },
    );
    const dropped: PolicyDrop[] = [];
    const candidates = new Set<string>(base.keys());
    for (const p of others.split('\0')) {
      if (p === '') continue;
      if (p.endsWith('/')) {
        dropped.push({ path: shown(p), reason: 'a nested git repository: left out' });
        continue;
      }
      candidates.add(p);
    }
    const next: TreeMap = new Map();
    const wsBuf = Buffer.from(ws);
    const absOf = (rel: string) => Buffer.concat([wsBuf, Buffer.from(`/${rel}`, 'latin1')]);
    // Every parent must be a real directory: a name below a link is not in the workspace (and is never read).
    const dirOk = new Map<string, boolean>();
    const parentsAreDirs = async (rel: string): Promise<boolean> => {
      const segs = rel.split('/');
      for (let k = 1; k < segs.length; k++) {
        const d = segs.slice(0, k).join('/');
        let ok = dirOk.get(d);
        if (ok === undefined) {
          const st = await lstat(absOf(d)).catch(() => null);
          ok = st?.isDirectory() === true;
          dirOk.set(d, ok);
        }
        if (!ok) return false;
      }
      return true;
    };
    for (const rel of [...candidates].sort()) {
      s.remaining();
      if (rel.split('/').some((x) => x === '.git')) continue;
      if (!(await parentsAreDirs(rel))) continue;
      const abs = absOf(rel);
      const st = await lstat(abs).catch(() => null);
      if (!st) continue;
      const b = base.get(rel);
      let entry: TreeEntry | null = null;
      if (st.isSymbolicLink()) {
        const target = Buffer.from(await readlink(abs, { encoding: 'buffer' }));
        const oid = s.blobOid(target);
        entry = { mode: '120000', oid: b?.oid === oid ? oid : await s.hashBlob(target), size: target.length };
      } else if (st.isFile()) {
        if (st.size > maxFile) {
          dropped.push({ path: shown(rel), reason: `file over ${Math.round(maxFile / 1024 / 1024)} MB: not read` });
          if (b) next.set(rel, b);
          continue;
        }
        const content = await readRegular(abs, wsBuf, st, maxFile);
        if (!content) {
          dropped.push({ path: shown(rel), reason: 'changed while it was read: left out' });
          if (b) next.set(rel, b);
          continue;
        }
        const mode = st.mode & 0o111 ? '100755' : '100644';
        const oid = s.blobOid(content);
        entry = { mode, oid: b?.oid === oid ? oid : await s.hashBlob(content), size: content.length };
      } else if (st.isDirectory()) {
        // A tracked gitlink stays as it was; a file replaced by a directory is gone (its files are others).
        if (b?.mode === '160000') next.set(rel, b);
        continue;
      } else {
        dropped.push({ path: shown(rel), reason: 'not a regular file, directory or symlink: left out' });
        if (b) next.set(rel, b);
        continue;
      }
      next.set(rel, entry);
    }
    // Nothing of a walk can collide (a name is a file or a directory), but a kept base entry can.
    const first = await s.writeTree(baseTree, base, next);
    const judged = await judgeAndSettle(s, o, baseTree, base, first);
    const all = [...dropped, ...judged.dropped];
    for (const d of all) logger.warn(`Patch policy dropped ${d.path}: ${d.reason}`);
    return {
      base: baseSha,
      tree: judged.tree,
      changed: judged.tree !== baseTree,
      method: 'none',
      patch: await canonicalPatch(s, baseTree, judged.tree),
      skipped: [],
      dropped: all,
      flagged: judged.flagged,
    };
  });
}
