// Text we did not write, inside what we post (DESIGN.md §8.23): the model's explanations and overviews, file
// paths from its patch, issue titles, and error text that can echo any of them. Every body builder embeds such
// text through quoteUntrusted (a block) or quoteUntrustedInline (a span); nothing else puts it into a body.
//
// The block is a fenced code block whose fence is longer than any backtick run in the text, so no line of the
// text can close it: GitHub renders it literally, which makes mentions (`@everyone`, `@org/team`), images, HTML
// (`<img>`, `<picture>`, `<details>`), links of any scheme, autolinks and reference definitions inert. Three
// things are not a matter of rendering, so they are changed in the text itself, visibly:
// - closing keywords: GitHub documents no exception for code, so `fixes #2` in the text becomes `fixes # 2`
//   (also `o/r# 4`, `GH- 5`, `…/issues/ 3`): only our own `This pull request fixes #N.` closes an issue;
// - HTML comment openers: `<!--` becomes `<! --`, so the raw body never holds a copy of our marker, which is
//   found by plain text search (marker.ts) and would otherwise let the model pose as one of our comments;
// - invisible characters are stripped first (invisible.ts), so nothing above can be split by one and joined
//   again for the reader.
import { stripInvisible } from './invisible.js';

const KEYWORD = String.raw`\b(?:close[sd]?|closing|fix(?:e[sd])?|fixing|resolve[sd]?|resolving)\b`;
// What may stand between a keyword and its references: any run of non-letters (spaces, newlines, `:`, `,`,
// Markdown emphasis, brackets) and the filler words a lenient parser accepts. Wider than GitHub's documented
// `KEYWORD[:] REF` on purpose (fail closed).
const GAP = String.raw`(?:[^\p{L}\p{N}]|\b(?:and|or|issues?|bugs?|prs?|pull|requests?)\b){0,24}?`;
const REF = String.raw`(?:https?:\/\/[^\s<>()\[\]]*?\/(?:issues|pulls?)\/|[\w.-]+\/[\w.-]+#|#|gh-)\d`;
const CLOSING = new RegExp(`${KEYWORD}(?:${GAP}${REF}[\\w]*)+`, 'giu');
// Inside a closing phrase: the point between a reference's prefix and its number.
const REF_NUMBER = /(#|\bgh-|\/(?:issues|pulls?)\/)(?=\d)/giu;

/** `fixes #2` → `fixes # 2` (every reference form, every keyword form, any case): nothing left for GitHub to close. */
export function neutralizeClosingKeywords(text: string): string {
  return text.replace(CLOSING, (phrase) => phrase.replace(REF_NUMBER, '$1 '));
}

/** `<!--` → `<! --`: the text opens no HTML comment and holds no copy of our marker. */
export function defuseHtmlComments(text: string): string {
  let out = text;
  while (out.includes('<!--')) out = out.replaceAll('<!--', '<! --');
  return out;
}

/**
 * The text as it goes inside a quote: no invisible characters, LF line ends, no HTML comment opener, no closing
 * phrase. Idempotent.
 */
export function cleanUntrusted(text: string): string {
  const plain = stripInvisible(text.toWellFormed()).replace(/\r\n?/g, '\n');
  return neutralizeClosingKeywords(defuseHtmlComments(plain));
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return longest;
}

const INFO = 'text';

/**
 * Untrusted text as a fenced block GitHub renders literally (see the top of this file). With `maxLength`, the
 * result is at most that long (the text is cut, never the fences; a cut ends with `…`). The caller puts the
 * block on its own lines, after a blank line.
 */
export function quoteUntrusted(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  let body = cleanUntrusted(text).replace(/\s+$/, '');
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  const overhead = 2 * fence.length + INFO.length + 2;
  if (overhead + body.length > maxLength) {
    let cut = body.slice(0, Math.max(0, maxLength - overhead - 1));
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
    body = `${cut}…`;
  }
  return `${fence}${INFO}\n${body}\n${fence}`;
}

/**
 * Untrusted text as one line of inline code (a file path, the model's last command): whitespace collapsed,
 * backticks turned into `'`, cut to `max` characters.
 */
export function quoteUntrustedInline(text: string, max = 200): string {
  const line = cleanUntrusted(text).replace(/\s+/g, ' ').replace(/`/g, "'").trim();
  const cut = line.length > max ? `${line.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : line;
  return `\`${cut === '' ? ' ' : cut}\``;
}

// Characters that end a line for git, GitHub or a terminal: CR, LF, VT, FF, NEL, LS, PS (and the other C0/C1
// controls, which have no business in a one-line text).
const LINE_BREAKS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/**
 * An issue title (or other tracker text) as one line for a commit subject or a PR title: invisible characters
 * stripped, every line break and control character collapsed to one space, closing phrases neutralised (a commit
 * message closes issues when merged, and a squash merge makes the PR title the commit subject).
 */
export function untrustedOneLine(text: string): string {
  return neutralizeClosingKeywords(oneLine(text));
}

/** Invisible characters stripped, line breaks and controls collapsed to one space, trimmed. */
export function oneLine(text: string): string {
  return stripInvisible(text.toWellFormed()).replace(LINE_BREAKS, ' ').replace(/ {2,}/g, ' ').trim();
}
