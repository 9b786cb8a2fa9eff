// Property tests of the macro matcher (resolver.md §2.1) and of neutralizeMacro, with the default macro and
// custom ones, on arbitrary Markdown-ish text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchMacro, neutralizeMacro } from '../../src/github/macro.js';

const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

const macro = fc.oneof(fc.constant('@openhands-agent'), fc.stringMatching(/^[@/][a-z][a-z0-9-]{0,10}[a-z0-9]$/));

/** Text that may hold anything: Markdown syntax, backtick runs, HTML comments, quotes, look-alikes, the macro. */
function markdown(m: string) {
  const piece = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.constantFrom(
      m,
      m.toUpperCase(),
      `${m}-exp`,
      m.slice(0, -1),
      '`',
      '``',
      '```',
      '~~~',
      '\n',
      '\r\n',
      ' ',
      '> ',
      '<!--',
      '-->',
      '@',
      '-',
      '.',
      ',',
      'x',
      '\u200B',
      '\uFF20', // full-width @
      '&#64;',
    ),
  );
  return fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
}

/** Prose that cannot open code, a quote or a comment: letters, digits, spaces, simple punctuation. */
const prose = fc.stringMatching(/^[a-z0-9 ,!?]{0,30}$/);

describe('matchMacro and neutralizeMacro (fuzz)', () => {
  it('neutralizeMacro: the output holds no copy of the macro (any ASCII case) and never matches', () => {
    fc.assert(
      fc.property(
        macro.chain((m) => fc.tuple(fc.constant(m), markdown(m))),
        ([m, t]) => {
          const safe = neutralizeMacro(t, m);
          expect(asciiLower(safe)).not.toContain(asciiLower(m));
          expect(matchMacro(safe, m)).toEqual({ plain: false, experimental: false });
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('no copy of the macro in the text (any ASCII case): no match, whatever else the text holds', () => {
    fc.assert(
      fc.property(
        macro.chain((m) => fc.tuple(fc.constant(m), markdown(m))),
        ([m, t]) => {
          fc.pre(!asciiLower(t).includes(asciiLower(m)));
          expect(matchMacro(t, m)).toEqual({ plain: false, experimental: false });
        },
      ),
      { numRuns: 800 },
    );
  });

  it('the macro as a word of prose matches, in any ASCII case; `<macro>-exp` matches as experimental only', () => {
    fc.assert(
      fc.property(macro, prose, prose, fc.boolean(), fc.boolean(), (m, before, after, upper, exp) => {
        const token = `${upper ? m.toUpperCase() : m}${exp ? '-exp' : ''}`;
        const r = matchMacro(`${before}\n${token} ${after}`, m);
        expect(r).toEqual(exp ? { plain: false, experimental: true } : { plain: true, experimental: false });
      }),
      { numRuns: 800 },
    );
  });

  it('the macro only in a fence, inline code, an HTML comment or a quote line: no match', () => {
    const hide = fc.constantFrom(
      (m: string, p: string) => `\`\`\`\n${p} ${m}\n\`\`\``,
      (m: string, p: string) => `~~~~ sh\n${m}\n${p}\n~~~~`,
      (m: string, p: string) => `\`${p} ${m}\``,
      (m: string, p: string) => `\`\`${m} \` ${p}\`\``,
      (m: string, p: string) => `<!-- ${p}\n${m} -->`,
      (m: string, p: string) => `> ${p} ${m}`,
      (m: string, p: string) => `<!-- ${m} ${p}`,
    );
    fc.assert(
      fc.property(macro, prose, prose, hide, prose, (m, before, inside, h, after) => {
        expect(matchMacro(`${before}\n${h(m, inside)}\n${after}`, m)).toEqual({ plain: false, experimental: false });
      }),
      { numRuns: 800 },
    );
  });

  it('a look-alike (one character swapped for a non-ASCII twin or split by an invisible one) never matches', () => {
    const twin: Record<string, string> = {
      '@': '\uFF20',
      a: '\u0430',
      e: '\u0435',
      o: '\u043E',
      '-': '\u2011',
      '/': '\u2215',
    };
    fc.assert(
      fc.property(macro, prose, prose, fc.nat(), fc.boolean(), (m, before, after, k, split) => {
        const chars = Array.from(m);
        const at = k % chars.length;
        if (split) chars.splice(Math.max(1, at), 0, '\u200B');
        else chars[at] = twin[chars[at] ?? ''] ?? '\u00AD';
        expect(matchMacro(`${before}\n${chars.join('')} ${after}`, m)).toEqual({ plain: false, experimental: false });
      }),
      { numRuns: 800 },
    );
  });
});
