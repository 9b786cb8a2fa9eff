// The one parser of unified/git diffs (resolver.md §12.1 rules): file diffs, hunks and the whitespace-tolerant
// hunk applier. Text is handled as "byte strings" (latin1: one char per byte) so non-UTF-8 files round-trip
// exactly. No filesystem access here: the tree builder (patch-tree.ts) works on blobs in memory.

export class PatchMismatch extends Error {}
export interface HunkLine {
  op: ' ' | '-' | '+';
  /** Line text without its ending (a trailing CR is stripped for comparison and insertion). */
  text: string;
  /** A `\ No newline at end of file` marker followed this line. */
  noEol: boolean;
}

export interface Hunk {
  header: string;
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  lines: HunkLine[];
}

export interface FileDiff {
  /** Raw lines of this file diff (byte strings), for `git apply` of this diff alone. */
  raw: string[];
  oldPath: string | null;
  newPath: string | null;
  renameFrom: string | null;
  renameTo: string | null;
  copy: boolean;
  oldMode: string | null;
  newMode: string | null;
  newFile: boolean;
  deletedFile: boolean;
  binary: 'data' | 'bare' | null;
  hunks: Hunk[];
  /** Set when the header names no usable new path. */
  unparsable: boolean;
}

const HEADER_RE = /^diff.* (.+) (.+)$/;
const HUNK_RE = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const ZERO_BLOB = /^0+$/;

export const toBytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
export const fromBytes = (s: string) => Buffer.from(s, 'latin1').toString('utf8');
export const stripCr = (s: string) => (s.endsWith('\r') ? s.slice(0, -1) : s);

/** Git's C-style quoting: "a/f\303\251 x" → a/fé x (as a byte string). */
export function unquote(s: string): string {
  if (!s.startsWith('"')) return s;
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (c === '"') break;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[++i] ?? '';
    const simple: Record<string, string> = { a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r' };
    if (/[0-7]/.test(n)) {
      const oct = s.slice(i, i + 3);
      out += String.fromCharCode(Number.parseInt(oct, 8));
      i += 2;
    } else out += simple[n] ?? n;
  }
  return out;
}

/** Splits a quoted pair `"a/x" "b/y"` or `"a/x" b/y`. */
function splitQuotedPair(rest: string): [string, string] | null {
  const takeOne = (s: string): [string, string] | null => {
    if (s.startsWith('"')) {
      for (let i = 1; i < s.length; i++) {
        if (s[i] === '\\') i++;
        else if (s[i] === '"') return [unquote(s.slice(0, i + 1)), s.slice(i + 1).replace(/^ /, '')];
      }
      return null;
    }
    const sp = s.indexOf(' ');
    return sp === -1 ? [s, ''] : [s.slice(0, sp), s.slice(sp + 1)];
  };
  const first = takeOne(rest);
  if (!first) return null;
  const second = takeOne(first[1]);
  if (!second) return null;
  return [first[0], second[0]];
}

function stripPrefix(p: string): string | null {
  if (p === '/dev/null') return null;
  if (p.startsWith('a/') || p.startsWith('b/')) return p.slice(2);
  return p;
}

/** Paths from `diff --git a/X b/Y`, preferring the unambiguous equal-name split for names with spaces. */
function pathsFromDiffLine(line: string): [string, string] | null {
  const m = /^diff --git (.*)$/.exec(line);
  if (m?.[1] !== undefined) {
    const rest = m[1];
    if (rest.includes('"')) {
      const pair = splitQuotedPair(rest);
      if (pair) return pair;
    }
    if ((rest.length - 1) % 2 === 0) {
      const n = (rest.length - 1) / 2;
      const a = rest.slice(0, n);
      const b = rest.slice(n + 1);
      if (rest[n] === ' ' && a.startsWith('a/') && b.startsWith('b/') && a.slice(2) === b.slice(2)) return [a, b];
    }
  }
  const g = HEADER_RE.exec(line);
  if (g?.[1] !== undefined && g[2] !== undefined) return [g[1], g[2]];
  return null;
}

/** A `---`/`+++` path: quoted, or up to a tab (git and GNU diff append one before timestamps). */
function headerPath(value: string): string {
  if (value.startsWith('"')) return unquote(value);
  const tab = value.indexOf('\t');
  return tab === -1 ? value.replace(/\s+$/, '') : value.slice(0, tab);
}

/** Splits a patch (byte string) into file diffs (rules of resolver.md §12.1). */
export function parsePatch(patchBytes: string): FileDiff[] {
  const lines = patchBytes.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const diffs: FileDiff[] = [];
  let cur: FileDiff | null = null;
  let i = 0;

  const startDiff = (line: string): FileDiff => {
    const paths = pathsFromDiffLine(stripCr(line));
    return {
      raw: [line],
      oldPath: paths ? stripPrefix(paths[0]) : null,
      newPath: paths ? stripPrefix(paths[1]) : null,
      renameFrom: null,
      renameTo: null,
      copy: false,
      oldMode: null,
      newMode: null,
      newFile: false,
      deletedFile: false,
      binary: null,
      hunks: [],
      unparsable: paths === null,
    };
  };

  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (HEADER_RE.test(stripCr(line))) {
      cur = startDiff(line);
      diffs.push(cur);
      i++;
      let sawOldHeader = false;
      let sawNewHeader = false;
      // Extended header lines up to the first hunk.
      while (i < lines.length) {
        const raw = lines[i] ?? '';
        const h = stripCr(raw);
        if (HEADER_RE.test(h) || h.startsWith('@@')) break;
        cur.raw.push(raw);
        i++;
        if (h.startsWith('old mode ')) cur.oldMode = h.slice(9).trim();
        else if (h.startsWith('new mode ')) cur.newMode = h.slice(9).trim();
        else if (h.startsWith('deleted file mode ')) {
          cur.deletedFile = true;
          cur.oldMode = h.slice(18).trim();
        } else if (h.startsWith('new file mode ')) {
          cur.newFile = true;
          cur.newMode = h.slice(14).trim();
        } else if (h.startsWith('rename from ')) cur.renameFrom = unquote(h.slice(12));
        else if (h.startsWith('rename to ')) cur.renameTo = unquote(h.slice(10));
        else if (h.startsWith('copy from ')) {
          cur.renameFrom = unquote(h.slice(10));
          cur.copy = true;
        } else if (h.startsWith('copy to ')) {
          cur.renameTo = unquote(h.slice(8));
          cur.copy = true;
        } else if (h.startsWith('index ')) {
          const m = /^index ([0-9a-f]+)\.\.([0-9a-f]+)(?: (\d+))?/.exec(h);
          if (m?.[1] && m[2]) {
            if (ZERO_BLOB.test(m[1])) cur.newFile = true;
            if (ZERO_BLOB.test(m[2])) cur.deletedFile = true;
            if (m[3] && !cur.oldMode) cur.oldMode = m[3];
            if (m[3] && !cur.newMode) cur.newMode = m[3];
          }
        } else if (h.startsWith('--- ')) {
          sawOldHeader = true;
          cur.oldPath = stripPrefix(headerPath(h.slice(4)));
        } else if (h.startsWith('+++ ')) {
          sawNewHeader = true;
          cur.newPath = stripPrefix(headerPath(h.slice(4)));
          cur.unparsable = false;
        } else if (h.startsWith('GIT binary patch')) {
          cur.binary = 'data';
          // The binary payload runs to the next diff header.
          while (i < lines.length && !HEADER_RE.test(stripCr(lines[i] ?? ''))) cur.raw.push(lines[i++] ?? '');
        } else if (h.startsWith('Binary files ')) cur.binary = cur.binary ?? 'bare';
      }
      if (!sawOldHeader && cur.newFile) cur.oldPath = null;
      if (!sawNewHeader && cur.deletedFile) cur.newPath = null;
      continue;
    }
    if (cur && stripCr(line).startsWith('@@')) {
      const m = HUNK_RE.exec(stripCr(line));
      i++;
      cur.raw.push(line);
      if (!m) throw new PatchMismatch(`malformed hunk header: ${fromBytes(stripCr(line))}`);
      const hunk: Hunk = {
        header: fromBytes(stripCr(line)),
        oldStart: Number(m[1]),
        oldCount: m[2] === undefined ? 1 : Number(m[2]),
        newStart: Number(m[3]),
        newCount: m[4] === undefined ? 1 : Number(m[4]),
        lines: [],
      };
      let oldSeen = 0;
      let newSeen = 0;
      while (i < lines.length && (oldSeen < hunk.oldCount || newSeen < hunk.newCount)) {
        const raw = lines[i] ?? '';
        if (HEADER_RE.test(stripCr(raw)) || stripCr(raw).startsWith('@@')) break;
        if (raw.startsWith('\\')) {
          const last = hunk.lines.at(-1);
          if (last) last.noEol = true;
          cur.raw.push(raw);
          i++;
          continue;
        }
        const op = raw === '' || raw === '\r' ? ' ' : raw[0];
        if (op !== ' ' && op !== '-' && op !== '+') break;
        const text = stripCr(raw.slice(1));
        hunk.lines.push({ op, text, noEol: false });
        if (op !== '+') oldSeen++;
        if (op !== '-') newSeen++;
        cur.raw.push(raw);
        i++;
      }
      // A marker right after the last counted line still belongs to this hunk.
      if (i < lines.length && (lines[i] ?? '').startsWith('\\')) {
        const last = hunk.lines.at(-1);
        if (last) last.noEol = true;
        cur.raw.push(lines[i] ?? '');
        i++;
      }
      cur.hunks.push(hunk);
      continue;
    }
    // Text before the first header, or lines beyond a hunk's declared counts: ignored.
    if (cur) cur.raw.push(line);
    i++;
  }
  return diffs;
}

interface FileLine {
  text: string;
  eol: string;
  fromHunk: boolean;
  noEol?: boolean;
}

function splitLines(content: string): FileLine[] {
  const out: FileLine[] = [];
  let start = 0;
  while (start < content.length) {
    const nl = content.indexOf('\n', start);
    if (nl === -1) {
      out.push({ text: content.slice(start), eol: '', fromHunk: false });
      break;
    }
    const seg = content.slice(start, nl);
    if (seg.endsWith('\r')) out.push({ text: seg.slice(0, -1), eol: '\r\n', fromHunk: false });
    else out.push({ text: seg, eol: '\n', fromHunk: false });
    start = nl + 1;
  }
  return out;
}

const normalizeWs = (s: string) =>
  s
    .split(/[ \t\n\r\f\v]+/)
    .filter((w) => w !== '')
    .join(' ');

const linesMatch = (fileText: string, hunkText: string) =>
  fileText === hunkText || normalizeWs(fileText) === normalizeWs(hunkText);

/** Applies the hunks of one file diff to its old content (a byte string); throws PatchMismatch. */
export function applyHunks(oldContent: string, hunks: Hunk[], displayPath: string): string {
  const eolStyle = oldContent.includes('\r\n') ? '\r\n' : '\n';
  const orig = splitLines(oldContent);
  const result: FileLine[] = [];
  let cursor = 0;
  for (const hunk of hunks) {
    const start = hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1;
    if (start < cursor || start > orig.length) {
      throw new PatchMismatch(`${displayPath}: hunk ${hunk.header} does not fit the file (${orig.length} lines)`);
    }
    for (; cursor < start; cursor++) result.push(orig[cursor] as FileLine);
    let pos = start;
    for (const hl of hunk.lines) {
      if (hl.op === '+') {
        result.push({ text: hl.text, eol: eolStyle, fromHunk: true, noEol: hl.noEol });
        continue;
      }
      const fileLine = orig[pos];
      if (!fileLine) {
        throw new PatchMismatch(`${displayPath}: hunk ${hunk.header} expects line ${pos + 1}, past the end of file`);
      }
      if (!linesMatch(fileLine.text, hl.text)) {
        throw new PatchMismatch(
          `${displayPath}: line ${pos + 1} does not match the patch (hunk ${hunk.header}): expected ` +
            `${JSON.stringify(fromBytes(hl.text))}, found ${JSON.stringify(fromBytes(fileLine.text))}`,
        );
      }
      // Context keeps the file's own text; the patch only vouches for it up to whitespace.
      if (hl.op === ' ') result.push({ text: fileLine.text, eol: fileLine.eol, fromHunk: true, noEol: hl.noEol });
      pos++;
    }
    cursor = pos;
  }
  for (; cursor < orig.length; cursor++) result.push(orig[cursor] as FileLine);

  let out = '';
  result.forEach((line, idx) => {
    const last = idx === result.length - 1;
    let eol: string;
    if (!last) eol = line.eol || eolStyle;
    else if (!line.fromHunk) eol = line.eol;
    else eol = line.noEol ? '' : line.eol || eolStyle;
    out += line.text + eol;
  });
  return out;
}

export function newFileContent(hunks: Hunk[], displayPath: string): string {
  let out = '';
  const added: HunkLine[] = [];
  for (const h of hunks) {
    for (const l of h.lines) {
      if (l.op !== '+') throw new PatchMismatch(`${displayPath}: a new file's hunk has context or removed lines`);
      added.push(l);
    }
  }
  added.forEach((l, idx) => {
    out += l.text + (idx === added.length - 1 && l.noEol ? '' : '\n');
  });
  return out;
}

/**
 * Splits off everything before the first `diff --git` line. `git apply` would apply a plain unified diff found
 * there (the policy refuses it: DESIGN.md §8.20), so the caller never passes the preamble on.
 */
export function splitPreamble(patchBytes: string): { preamble: string; rest: string } {
  const m = /(^|\n)diff --git /.exec(patchBytes);
  if (!m) return { preamble: patchBytes, rest: '' };
  const at = m.index + m[1]!.length;
  return { preamble: patchBytes.slice(0, at), rest: patchBytes.slice(at) };
}
