// Property tests of the hidden-text strippers: stripInvisible (what we post, github/invisible.ts) and
// sanitizeUntrusted (what reaches the prompt, resolver/sanitize.ts), on text built from every kind of invisible
// character Unicode has (Default_Ignorable_Code_Point), emoji, joining scripts, controls and lone surrogates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripInvisible } from '../../src/github/invisible.js';
import { sanitizeUntrusted } from '../../src/resolver/sanitize.js';

// The Default_Ignorable_Code_Point ranges of Unicode 15/16, spelled out so the generator does not depend on the
// regex engine the product uses.
const IGNORABLE_RANGES: [number, number][] = [
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff0, 0xfff8],
  [0x1bca0, 0x1bca3],
  [0x1d173, 0x1d17a],
  [0xe0000, 0xe0fff],
];
const isIgnorable = (cp: number) => IGNORABLE_RANGES.some(([a, b]) => cp >= a && cp <= b);

const ignorable = fc
  .constantFrom(...IGNORABLE_RANGES)
  .chain(([a, b]) => fc.integer({ min: a, max: b }))
  .map((cp) => String.fromCodePoint(cp));

const FLAGS = [
  '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
  '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: ignorable },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'a',
      'Z',
      ' ',
      '\n',
      '\u2764', // ❤ (emoji-capable, text by default)
      '\u{1F600}',
      '\u{1F469}',
      '\u{1F4BB}',
      '\u{1F3FD}', // skin tone modifier
      '#',
      '1',
      '\u20E3',
      '\u0628', // Arabic beh
      '\u0915', // Devanagari ka
      '\u094D', // virama (a mark)
      '\u3042',
      '\u{1F3F4}',
      ...FLAGS,
      '\u0000',
      '\u0007',
      '\u001B',
      '\u0085',
      '\uD800',
      '\uDC00',
      '<!--',
      '-->',
      '<',
      '!',
      '-',
      '&#8203;',
      '&#xFE0F;',
      '&lt;!--',
      '&gt;',
    ),
  },
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0) ?? 0);
const withoutIgnorables = (s: string) => String.fromCodePoint(...codePoints(s).filter((cp) => !isIgnorable(cp)));

/** Is `sub` what is left of `s` after removing some characters (in order)? */
function isSubsequence(sub: string, s: string): boolean {
  const a = codePoints(sub);
  let i = 0;
  for (const cp of codePoints(s)) if (i < a.length && a[i] === cp) i++;
  return i === a.length;
}

/**
 * The documented keepers, checked one character at a time: ZWNJ/ZWJ between two characters that join (marks,
 * emoji, letters of a script other than Latin), one VS15/VS16 right after an emoji-capable character, and the tag
 * characters of the three subdivision flags. Every other invisible character must be gone.
 */
function strayInvisibles(out: string): string[] {
  const cps = codePoints(out);
  const str = (cp: number | undefined) => (cp === undefined ? '' : String.fromCodePoint(cp));
  const joinsBefore = (c: string) =>
    /[\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u.test(c) ||
    (/\p{L}/u.test(c) && !/\p{sc=Latin}/u.test(c));
  const joinsAfter = (c: string) =>
    /[\p{M}\p{Extended_Pictographic}]/u.test(c) || (/\p{L}/u.test(c) && !/\p{sc=Latin}/u.test(c));
  const flagSpans: [number, number][] = [];
  const chars = Array.from(out);
  for (let i = 0; i < chars.length; i++) {
    for (const f of FLAGS) {
      const n = Array.from(f).length;
      if (chars.slice(i, i + n).join('') === f) flagSpans.push([i, i + n - 1]);
    }
  }
  const stray: string[] = [];
  cps.forEach((cp, i) => {
    if (!isIgnorable(cp)) return;
    const prev = str(cps[i - 1]);
    const next = str(cps[i + 1]);
    let ok = false;
    if (cp === 0x200c || cp === 0x200d) ok = prev !== '' && next !== '' && joinsBefore(prev) && joinsAfter(next);
    else if (cp === 0xfe0e || cp === 0xfe0f) ok = /\p{Emoji}/u.test(prev) && !isIgnorable(cps[i - 1] ?? 0);
    else if (cp >= 0xe0000 && cp <= 0xe007f) ok = flagSpans.some(([a, b]) => i > a && i <= b);
    if (!ok) stray.push(`U+${cp.toString(16).toUpperCase()} at ${i}`);
  });
  return stray;
}

describe('stripInvisible (fuzz)', () => {
  it('no invisible character survives but the documented keepers; nothing visible is lost or added; idempotent', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const input = raw.toWellFormed();
        const out = stripInvisible(input);
        expect(strayInvisibles(out)).toEqual([]);
        expect(withoutIgnorables(out)).toBe(withoutIgnorables(input));
        expect(isSubsequence(out, input)).toBe(true);
        expect(stripInvisible(out)).toBe(out);
      }),
      { numRuns: 1500 },
    );
  });

  it('variation selectors (U+FE00-FE0F, U+E0100-E01EF) after characters without an emoji form are all gone', () => {
    const vs = fc.oneof(fc.integer({ min: 0xfe00, max: 0xfe0f }), fc.integer({ min: 0xe0100, max: 0xe01ef }));
    // ASCII other than # * 0-9 has no emoji form, so no selector after it is kept, however many there are.
    const word = fc
      .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 })
      .map((w) => w.replace(/[#*0-9]/g, 'x'));
    fc.assert(
      fc.property(word, fc.array(vs, { minLength: 1, maxLength: 64 }), word, (a, sel, b) => {
        expect(stripInvisible(`${a}${String.fromCodePoint(...sel)}${b}`)).toBe(`${a}${b}`);
        expect(sanitizeUntrusted(`${a}${String.fromCodePoint(...sel)}${b}`)).toBe(sanitizeUntrusted(`${a}${b}`));
      }),
      { numRuns: 500 },
    );
  });
});

describe('sanitizeUntrusted (fuzz)', () => {
  it('no control but TAB/LF/CR, no invisible but the keepers, no HTML comment, well-formed; idempotent', () => {
    fc.assert(
      fc.property(text, (input) => {
        const out = sanitizeUntrusted(input);
        expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
        expect(strayInvisibles(out)).toEqual([]);
        expect(out).not.toContain('<!--');
        expect(out.isWellFormed()).toBe(true);
        expect(sanitizeUntrusted(out)).toBe(out);
      }),
      { numRuns: 1500 },
    );
  });
});
