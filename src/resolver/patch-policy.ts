// Host-side patch policy (security.md §4, resolver.md §9.2): the agent proposes, trusted code decides
// which file diffs may leave the sandbox. Every drop is listed for the result explanation.
import path from 'node:path';

export const MAX_PATCH_BYTES = 10 * 1024 * 1024;
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export interface PolicyDrop {
  path: string;
  reason: string;
}

export interface PolicyResult {
  patch: string | null;
  dropped: PolicyDrop[];
  /** Kept, but worth a reviewer's attention (e.g. .gitmodules edits). */
  flagged: PolicyDrop[];
}

export interface PolicyOptions {
  allowWorkflowChanges?: boolean;
  maxPatchBytes?: number;
  maxFileBytes?: number;
}

interface FileDiff {
  text: string;
  paths: string[];
  displayPath: string;
  binary: boolean;
  gitlink: boolean;
  symlinkTarget: string | null;
  approxBytes: number;
}

/** Undoes git's C-style quoting of a path ("a/t\303\251st" → a/tést). */
export function unquoteGitPath(p: string): string {
  if (!p.startsWith('"')) return p;
  const inner = p.slice(1, p.endsWith('"') ? -1 : undefined);
  const bytes: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i] as string;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = inner[i + 1] ?? '';
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(inner.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[n] ?? n.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripSide(p: string): string {
  const u = unquoteGitPath(p.trim());
  return u.replace(/^[ab]\//, '');
}

function parseHeaderPaths(line: string): string[] {
  const rest = line.slice('diff --git '.length);
  const quoted = rest.match(/^("(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*"|\S+)$/);
  if (quoted && (rest.startsWith('"') || rest.includes(' "')))
    return [stripSide(quoted[1] ?? ''), stripSide(quoted[2] ?? '')];
  // Unquoted paths may contain spaces: "a/x y b/x y" splits where both halves name the same file.
  const m = rest.match(/^a\/(.+) b\/(.+)$/);
  if (m) return [m[1] ?? '', m[2] ?? ''];
  return rest.split(' ').map(stripSide);
}

function parseFileDiff(text: string): FileDiff {
  const lines = text.split('\n');
  const paths = new Set<string>(parseHeaderPaths(lines[0] ?? ''));
  let binary = false;
  let gitlink = false;
  let symlink = false;
  let approx = text.length;
  const added: string[] = [];
  for (const l of lines.slice(1)) {
    if (l.startsWith('rename from ') || l.startsWith('copy from '))
      paths.add(unquoteGitPath(l.replace(/^(rename|copy) from /, '')));
    else if (l.startsWith('rename to ') || l.startsWith('copy to '))
      paths.add(unquoteGitPath(l.replace(/^(rename|copy) to /, '')));
    else if (l.startsWith('--- ') && !l.startsWith('--- /dev/null')) paths.add(stripSide(l.slice(4)));
    else if (l.startsWith('+++ ') && !l.startsWith('+++ /dev/null')) paths.add(stripSide(l.slice(4)));
    else if (
      /^(new file mode|new mode|old mode|deleted file mode) 160000/.test(l) ||
      /^index \S+ 160000$/.test(l) ||
      /^[-+]Subproject commit /.test(l)
    )
      gitlink = true;
    else if (/^(new file mode|new mode) 120000/.test(l) || /^index \S+ 120000$/.test(l)) symlink = true;
    else if (l === 'GIT binary patch' || l.startsWith('Binary files ')) binary = true;
    else if (l.startsWith('literal ') || l.startsWith('delta ')) {
      const n = Number(l.split(' ')[1]);
      if (Number.isFinite(n)) approx = Math.max(approx, n);
    } else if (l.startsWith('+') && !l.startsWith('+++')) added.push(l.slice(1));
  }
  const all = [...paths].filter((p) => p && p !== '/dev/null' && p !== 'dev/null');
  return {
    text,
    paths: all,
    displayPath: all[all.length - 1] ?? all[0] ?? '(unknown)',
    binary,
    gitlink,
    symlinkTarget: symlink && added.length > 0 ? added.join('\n') : null,
    approxBytes: approx,
  };
}

/** Splits a patch into file diffs at `diff --git` headers; text before the first header is dropped. */
export function splitPatch(patch: string): string[] {
  const out: string[] = [];
  let cur: string[] | null = null;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      if (cur) out.push(cur.join('\n'));
      cur = [line];
    } else if (cur) cur.push(line);
  }
  if (cur) out.push(cur.join('\n'));
  return out;
}

/** Why a repository path is refused, or null when it is fine. */
export function pathProblem(p: string): string | null {
  if (p.includes('\0')) return 'path contains a NUL byte';
  if (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)) return 'absolute path';
  const segs = p.split(/[\\/]/);
  if (segs.includes('..')) return 'path escapes the repository (..)';
  if (segs.some((s) => s.toLowerCase() === '.git')) return 'changes under .git/ are not allowed';
  return null;
}

function symlinkProblem(linkPath: string, target: string): string | null {
  if (target.startsWith('/')) return `symlink to an absolute path (${target})`;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(linkPath), target));
  if (resolved === '..' || resolved.startsWith('../')) return `symlink pointing outside the repository (${target})`;
  if (resolved.split('/').some((s) => s.toLowerCase() === '.git')) return 'symlink into .git/';
  return null;
}

export function applyPatchPolicy(patch: string | null, opts: PolicyOptions = {}): PolicyResult {
  if (patch === null || patch.trim() === '') return { patch, dropped: [], flagged: [] };
  const maxPatch = opts.maxPatchBytes ?? MAX_PATCH_BYTES;
  const maxFile = opts.maxFileBytes ?? MAX_FILE_BYTES;
  const dropped: PolicyDrop[] = [];
  const flagged: PolicyDrop[] = [];
  let kept: FileDiff[] = [];
  for (const text of splitPatch(patch)) {
    const d = parseFileDiff(text);
    const bad = d.paths.map(pathProblem).find((x) => x !== null);
    if (bad) {
      dropped.push({ path: d.displayPath, reason: bad });
      continue;
    }
    if (!opts.allowWorkflowChanges && d.paths.some((p) => p.startsWith('.github/workflows/'))) {
      dropped.push({
        path: d.displayPath,
        reason: 'workflow changes are not allowed (set allow-workflow-changes to keep them)',
      });
      continue;
    }
    if (d.gitlink) {
      dropped.push({ path: d.displayPath, reason: 'submodule (gitlink) changes are not allowed' });
      continue;
    }
    if (d.symlinkTarget !== null) {
      const s = symlinkProblem(d.displayPath, d.symlinkTarget);
      if (s) {
        dropped.push({ path: d.displayPath, reason: s });
        continue;
      }
    }
    if (d.approxBytes > maxFile) {
      dropped.push({ path: d.displayPath, reason: `file over ${Math.round(maxFile / 1024 / 1024)} MB` });
      continue;
    }
    if (d.paths.includes('.gitmodules'))
      flagged.push({ path: '.gitmodules', reason: '.gitmodules was edited; check the submodule URLs' });
    kept.push(d);
  }
  const size = () => kept.reduce((n, d) => n + Buffer.byteLength(d.text) + 1, 0);
  if (size() > maxPatch) {
    const binaries = kept.filter((d) => d.binary).sort((a, b) => Buffer.byteLength(b.text) - Buffer.byteLength(a.text));
    for (const b of binaries) {
      if (size() <= maxPatch) break;
      kept = kept.filter((d) => d !== b);
      dropped.push({
        path: b.displayPath,
        reason: `binary file dropped: the patch is over ${Math.round(maxPatch / 1024 / 1024)} MB`,
      });
    }
  }
  if (dropped.length === 0) return { patch, dropped, flagged };
  const out = kept.map((d) => d.text.replace(/\n+$/, '')).join('\n');
  return { patch: out.trim() === '' ? null : out, dropped, flagged };
}

export function describeDrops(r: Pick<PolicyResult, 'dropped' | 'flagged'>): string {
  const parts: string[] = [];
  if (r.dropped.length > 0) {
    parts.push(
      `Changes dropped from the patch by policy:\n${r.dropped.map((d) => `- ${d.path}: ${d.reason}`).join('\n')}`,
    );
  }
  if (r.flagged.length > 0) parts.push(`Please check:\n${r.flagged.map((d) => `- ${d.path}: ${d.reason}`).join('\n')}`);
  return parts.join('\n\n');
}
