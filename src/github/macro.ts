// Macro matching (resolver.md §2.1): a token match on the prose of a comment, never a substring test.

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE_LINE = /^ {0,3}>/;
const INLINE_CODE = /(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Removes fenced code blocks, `>` quote lines, inline code spans and HTML comments (unterminated: to the end). */
export function stripNonProse(body: string): string {
  const lines = body.split(/\r?\n/);
  const kept: string[] = [];
  let fence: { char: string; len: number } | null = null;
  for (const line of lines) {
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.len) fence = null;
      kept.push('');
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open?.[1]) {
      fence = { char: open[1][0] ?? '`', len: open[1].length };
      kept.push('');
      continue;
    }
    kept.push(QUOTE_LINE.test(line) ? '' : line);
  }
  return kept.join('\n').replace(INLINE_CODE, '').replace(HTML_COMMENT, '');
}

/** ASCII-only lower-casing: keeps lengths and never folds non-ASCII look-alikes into ASCII. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

const BEFORE_BLOCKED = /[\p{L}\p{N}_\-.@/]/u;
const AFTER_PUNCT = new Set([',', ';', ':', '!', '?', ')', ']', '}']);
const isSpace = (c: string) => /\s/u.test(c);

function boundaryOk(text: string, start: number, end: number): boolean {
  const before = start === 0 ? '' : (text[start - 1] ?? '');
  if (before !== '' && BEFORE_BLOCKED.test(before)) return false;
  if (end >= text.length) return true;
  const after = text[end] ?? '';
  if (isSpace(after) || AFTER_PUNCT.has(after)) return true;
  if (after === '.') {
    const next = text[end + 1];
    return next === undefined || isSpace(next);
  }
  return false;
}

function hasToken(text: string, lowered: string, token: string): boolean {
  const needle = asciiLower(token);
  for (let at = lowered.indexOf(needle); at !== -1; at = lowered.indexOf(needle, at + 1)) {
    if (boundaryOk(text, at, at + needle.length)) return true;
  }
  return false;
}

export interface MacroMatch {
  /** The plain macro appears as a token. */
  plain: boolean;
  /** `<macro>-exp` appears as a token. */
  experimental: boolean;
}

/** Token match of `macro` and `<macro>-exp` in the prose of `body` (ASCII case-insensitive). */
export function matchMacro(body: string, macro: string): MacroMatch {
  if (macro.trim() === '') return { plain: false, experimental: false };
  const text = stripNonProse(body);
  const lowered = asciiLower(text);
  return { plain: hasToken(text, lowered, macro), experimental: hasToken(text, lowered, `${macro}-exp`) };
}

/**
 * Writes the first character of every occurrence of the macro as a numeric character reference (`&#64;openhands-agent`),
 * so our own output never triggers a run: GitHub shows `@openhands-agent` in prose, and the text holds no copy of
 * the macro for any matcher to find. (Inline code was used before, but backticks already in the text can pair with
 * the added ones and leave the macro in prose.) Repeated until no occurrence is left, since a replacement can
 * complete an overlapping one.
 */
export function neutralizeMacro(text: string, macro: string): string {
  if (macro.trim() === '') return text;
  const needle = asciiLower(macro);
  let out = text;
  for (let round = 0; round <= text.length && asciiLower(out).includes(needle); round++) {
    const lowered = asciiLower(out);
    let next = '';
    let last = 0;
    for (let at = lowered.indexOf(needle); at !== -1; at = lowered.indexOf(needle, at + needle.length)) {
      const cp = out.codePointAt(at) ?? 0;
      next += `${out.slice(last, at)}&#${cp};`;
      last = at + String.fromCodePoint(cp).length;
    }
    out = next + out.slice(last);
  }
  return out;
}
