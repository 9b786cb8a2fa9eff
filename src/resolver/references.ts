// Pure rules of PR context (resolver.md §6.2, §6.4): issue references in text, and the folding of a review
// thread into one feedback string. Byte-compatible with the reference: users' prompts and judgements
// were tuned on exactly these strings.

// Python's `\s` on str (str.isspace): ASCII whitespace, the information separators \x1c-\x1f, NEL, NBSP and
// the Unicode space separators. JS `\s` differs (it has \ufeff and lacks \x1c-\x1f, \x85), so spell it out.
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
// Python's `\d` on str: any Unicode decimal digit.
const PY_DIGIT = '\\p{Nd}';

const FENCED = /```[\s\S]*?```/g;
const INLINE_CODE = /`[^`]*`/g;
const URL_WITH_NUMBER = new RegExp(`https?://[^${PY_SPACE})]*#${PY_DIGIT}+[^${PY_SPACE})]*`, 'gu');
// `(?:^|[\s\[({]|[^\w#])#(\d+)(?=[\s,.\])}]|$)`, `^`/`$` of the whole string, `\w` = letters, digits, `_`.
const REFERENCE = new RegExp(
  `(?:^|[${PY_SPACE}\\[({]|[^\\p{L}\\p{N}_#])#(${PY_DIGIT}+)(?=[${PY_SPACE},.\\])}]|$)`,
  'gu',
);

/** The value of a run of Unicode decimal digits, as Python's int() reads it. */
export function decimalValue(digits: string): number {
  let n = 0;
  for (const ch of digits) {
    const cp = ch.codePointAt(0) ?? 0;
    // Nd digits come in contiguous blocks of ten starting at zero: find the block's zero.
    let zero = cp;
    while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    n = n * 10 + ((cp - zero) % 10);
  }
  return n;
}

/** Issue numbers referenced in one string (§6.4), in order of appearance, duplicates included. */
export function extractIssueReferences(text: string): number[] {
  const cleaned = text.replace(FENCED, '').replace(INLINE_CODE, '').replace(URL_WITH_NUMBER, '');
  const out: number[] = [];
  for (const m of cleaned.matchAll(REFERENCE)) if (m[1]) out.push(decimalValue(m[1]));
  return out;
}

/**
 * The reference's folding of a thread's comment bodies c1..cn: `c1\n…c(n-1)\n`, then `---\n` when n > 1,
 * then `latest feedback:\ncn\n`.
 */
export function foldThread(bodies: readonly string[]): string {
  if (bodies.length === 0) return '';
  const earlier = bodies.slice(0, -1);
  const latest = bodies[bodies.length - 1] as string;
  let out = earlier.map((b) => `${b}\n`).join('');
  if (bodies.length > 1) out += '---\n';
  return `${out}latest feedback:\n${latest}\n`;
}

/** Distinct non-empty paths in order of first appearance. */
export function threadFiles(paths: readonly (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const p of paths) if (p && !out.includes(p)) out.push(p);
  return out;
}
