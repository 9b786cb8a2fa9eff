// The patch policy (security.md §4, DESIGN.md §8.20), judged on the tree a patch produces, never on the patch
// text: a map of path → entry for the base and for the new tree goes in, the paths to reset come out.
//
// Paths are byte strings (latin1, one char per byte) exactly as git stores them; `shown` turns one into text.
import { fromBytes } from './patch-parse.js';

export const MAX_PATCH_BYTES = 10 * 1024 * 1024;
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Longest chain of symbolic links followed inside the tree (Linux stops at 40 as well). */
export const MAX_SYMLINK_HOPS = 40;
export const MAX_SYMLINK_TARGET = 4096;

export interface PolicyDrop {
  path: string;
  reason: string;
}

export interface TreePolicyOptions {
  allowWorkflowChanges?: boolean;
  maxPatchBytes?: number;
  maxFileBytes?: number;
}

export interface TreeEntry {
  mode: string;
  oid: string;
  /** Blob size in bytes (0 for gitlinks). */
  size: number;
}

export type TreeMap = Map<string, TreeEntry>;

export interface Judgement {
  /** Paths to put back to their base entry (or remove when new), with the reason listed for each. */
  drops: { path: string; reason: string }[];
  flagged: PolicyDrop[];
}

export const shown = (p: string): string => fromBytes(p);

// Characters HFS+ ignores in names (so `.g\u200cit` is `.git` on macOS), as UTF-8 byte strings.
const HFS_IGNORABLE = [
  0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x206a, 0x206b, 0x206c, 0x206d, 0x206e,
  0x206f, 0xfeff,
].map((c) => Buffer.from(String.fromCodePoint(c), 'utf8').toString('latin1'));

/**
 * One path segment as a Windows or macOS checkout would see it: HFS-ignorable characters removed, an NTFS stream
 * suffix (`:…`) cut, trailing dots and spaces trimmed, lower case.
 */
export function foldSegment(seg: string): string {
  let s = seg;
  for (const c of HFS_IGNORABLE) s = s.split(c).join('');
  const colon = s.indexOf(':');
  if (colon !== -1) s = s.slice(0, colon);
  return s.replace(/[. ]+$/, '').toLowerCase();
}

/** `.git`, or a name that a Windows/macOS checkout treats as `.git` (`.GIT`, `.git.`, `.git `, `git~1`). */
export function isGitSegment(seg: string): boolean {
  const f = foldSegment(seg);
  return f === '.git' || f === 'git~1';
}

/** Backslashes separate directories on Windows checkouts, so they split segments for every check. */
const segments = (p: string) => p.split(/[\\/]/);

/** Why a repository path is refused, or null when it is fine. */
export function pathProblem(p: string): string | null {
  if (p === '') return 'empty path';
  if (p.includes('\0')) return 'path contains a NUL byte';
  if (p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:/.test(p)) return 'absolute path';
  const segs = segments(p);
  if (segs.some((s) => s === '..')) return 'path escapes the repository (..)';
  if (segs.some((s) => s === '' || s === '.')) return 'path is not canonical (empty or . segment)';
  if (segs.some(isGitSegment)) return 'changes under .git/ are not allowed';
  return null;
}

/** `.github/workflows/…` as any checkout would see it (case, trailing dots, ignorable characters). */
export function isWorkflowPath(p: string): boolean {
  const segs = segments(p).map(foldSegment);
  return segs.length > 2 && segs[0] === '.github' && segs[1] === 'workflows';
}

const ALLOWED_MODES = new Set(['100644', '100755', '120000']);

/**
 * Resolves a symbolic link inside the tree: follows chains of links (bounded), `..` against the real parent.
 * Returns why the link is refused (or null) and the links traversed.
 */
export function resolveLink(
  linkPath: string,
  tree: TreeMap,
  targetOf: (oid: string) => string | undefined,
): { problem: string | null; via: string[] } {
  const via: string[] = [linkPath];
  const first = targetOf(tree.get(linkPath)?.oid ?? '');
  if (first === undefined) return { problem: 'symlink target could not be read', via };
  const stack = segments(linkPath).slice(0, -1);
  let pending = segments(first);
  if (first.startsWith('/') || /^[A-Za-z]:/.test(first)) {
    return { problem: `symlink to an absolute path (${shown(first)})`, via };
  }
  let hops = 0;
  while (pending.length > 0) {
    const seg = pending.shift() as string;
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (stack.length === 0) return { problem: `symlink pointing outside the repository (${shown(first)})`, via };
      stack.pop();
      continue;
    }
    if (isGitSegment(seg)) return { problem: 'symlink into .git/', via };
    stack.push(seg);
    const here = stack.join('/');
    const e = tree.get(here);
    if (e?.mode !== '120000') continue;
    if (++hops > MAX_SYMLINK_HOPS) return { problem: 'symlink chain too long', via };
    via.push(here);
    const t = targetOf(e.oid);
    if (t === undefined) return { problem: 'symlink target could not be read', via };
    if (t.startsWith('/') || /^[A-Za-z]:/.test(t)) {
      return { problem: `symlink chain reaches an absolute path (${shown(t)})`, via };
    }
    stack.pop();
    pending = [...segments(t), ...pending];
  }
  return { problem: null, via };
}

const sameEntry = (a: TreeEntry | undefined, b: TreeEntry | undefined) => a?.mode === b?.mode && a?.oid === b?.oid;

/** The paths whose entry differs between base and next (added, modified, removed). */
export function changedPaths(base: TreeMap, next: TreeMap): string[] {
  const out: string[] = [];
  for (const [p, e] of next) if (!sameEntry(base.get(p), e)) out.push(p);
  for (const p of base.keys()) if (!next.has(p)) out.push(p);
  return out.sort();
}

/**
 * Judges `next` against `base`. `targetOf` returns a symlink blob's target (every link of `next` must be known),
 * `isBinary` says whether a changed blob is binary (for the whole-patch size rule).
 */
export function judgeTree(
  base: TreeMap,
  next: TreeMap,
  opts: TreePolicyOptions,
  targetOf: (oid: string) => string | undefined,
  isBinary: (path: string) => boolean,
): Judgement {
  const maxFile = opts.maxFileBytes ?? MAX_FILE_BYTES;
  const maxPatch = opts.maxPatchBytes ?? MAX_PATCH_BYTES;
  const drops = new Map<string, string>();
  const flagged: PolicyDrop[] = [];
  const changed = changedPaths(base, next);
  const changedSet = new Set(changed);
  for (const p of changed) {
    const e = next.get(p);
    const problem = pathProblem(p);
    if (problem) drops.set(p, problem);
    else if (!opts.allowWorkflowChanges && isWorkflowPath(p)) {
      drops.set(p, 'workflow changes are not allowed (set allow-workflow-changes to keep them)');
    } else if (e && e.mode === '160000') drops.set(p, 'submodule (gitlink) changes are not allowed');
    else if (e && !ALLOWED_MODES.has(e.mode)) drops.set(p, `unsupported file mode ${e.mode}`);
    else if (e && e.mode === '120000' && e.size > MAX_SYMLINK_TARGET) drops.set(p, 'symlink target too long');
    else if (e && e.size > maxFile) drops.set(p, `file over ${Math.round(maxFile / 1024 / 1024)} MB`);
  }
  // Every link of the new tree, resolved against the new tree: a changed link is refused when it leads outside;
  // an unchanged one that now leads outside is the fault of the changed links it goes through.
  for (const [p, e] of next) {
    if (e.mode !== '120000' || drops.has(p)) continue;
    const { problem, via } = resolveLink(p, next, targetOf);
    if (!problem) continue;
    const culprits = via.filter((v) => changedSet.has(v));
    for (const c of culprits) if (!drops.has(c)) drops.set(c, c === p ? problem : `symlink chain: ${problem}`);
  }
  // Whole-patch size: drop the biggest binary files first.
  const kept = changed.filter((p) => !drops.has(p));
  let total = kept.reduce((n, p) => n + (next.get(p)?.size ?? 0), 0);
  if (total > maxPatch) {
    const binaries = kept
      .filter((p) => next.has(p) && isBinary(p))
      .sort((a, b) => (next.get(b)?.size ?? 0) - (next.get(a)?.size ?? 0));
    for (const b of binaries) {
      if (total <= maxPatch) break;
      drops.set(b, `binary file dropped: the patch is over ${Math.round(maxPatch / 1024 / 1024)} MB`);
      total -= next.get(b)?.size ?? 0;
    }
  }
  if (changedSet.has('.gitmodules') && !drops.has('.gitmodules')) {
    flagged.push({ path: '.gitmodules', reason: '.gitmodules was edited; check the submodule URLs' });
  }
  return { drops: [...drops].map(([path, reason]) => ({ path, reason })), flagged };
}

/**
 * Puts each dropped path back to its base entry (or removes it), then removes whatever now collides with a
 * restored entry (a file where a directory is needed, or the reverse). Returns the extra paths removed.
 */
export function resetPaths(base: TreeMap, next: TreeMap, paths: string[]): { path: string; reason: string }[] {
  const extra: { path: string; reason: string }[] = [];
  for (const p of paths) {
    const b = base.get(p);
    if (b) next.set(p, b);
    else next.delete(p);
  }
  for (const p of paths) {
    if (!next.has(p)) continue;
    // A restored entry needs its parents to be directories and nothing below it.
    const segs = p.split('/');
    for (let k = 1; k < segs.length; k++) {
      const parent = segs.slice(0, k).join('/');
      if (next.has(parent)) extra.push({ path: parent, reason: `conflicts with the restored ${shown(p)}` });
    }
    const prefix = `${p}/`;
    for (const q of next.keys()) {
      if (q.startsWith(prefix)) extra.push({ path: q, reason: `conflicts with the restored ${shown(p)}` });
    }
  }
  // The base tree is consistent, so nothing that collides with a restored base entry is in it: remove it.
  for (const x of extra) next.delete(x.path);
  return extra;
}

export function describeDrops(r: { dropped: PolicyDrop[]; flagged: PolicyDrop[] }): string {
  const parts: string[] = [];
  if (r.dropped.length > 0) {
    parts.push(
      `Changes dropped from the patch by policy:\n${r.dropped.map((d) => `- ${d.path}: ${d.reason}`).join('\n')}`,
    );
  }
  if (r.flagged.length > 0) parts.push(`Please check:\n${r.flagged.map((d) => `- ${d.path}: ${d.reason}`).join('\n')}`);
  return parts.join('\n\n');
}
