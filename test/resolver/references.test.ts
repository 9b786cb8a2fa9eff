import { describe, expect, it } from 'vitest';
import { decimalValue, extractIssueReferences, foldThread, threadFiles } from '../../src/resolver/references.js';

describe('extractIssueReferences (resolver.md §6.4)', () => {
  const table: [string, string, number[]][] = [
    ['plain', 'Fixes #12', [12]],
    ['several, comma and full stop', '#1 and #2, #3.', [1, 2, 3]],
    ['start of string', '#25', [25]],
    ['after a newline', 'a\n#26', [26]],
    ['before a newline', 'see #10\nmore', [10]],
    ['duplicates kept in order', '#18 then #4 then #18', [18, 4, 18]],
    ['zero', '#0 ', [0]],
    ['brackets around', '(#5) [#6] {#7}', [5, 6, 7]],
    ['a full stop then digits', '#1.5', [1]],
    ['dash before', 'x-#11 ', [11]],
    ['em dash before', '\u2014#20 ', [20]],
    ['followed by a letter', '#12abc', []],
    ['followed by a colon', '#8: no', []],
    ['followed by a semicolon', '#9; no', []],
    ['followed by a hash', '#1#2', []],
    ['preceded by a word character', 'abc#12 ', []],
    ['preceded by an underscore', '_#24 ', []],
    ['preceded by a hash', '##12 ', []],
    ['preceded by a Unicode letter', '\u00e9#19 ', []],
    ['preceded by a Unicode digit', '\u0663#19 ', []],
    ['fenced block removed across lines', 'a ```\n#13\n``` #14', [14]],
    ['shortest fenced span', '```#1``` #2 ```#3```', [2]],
    ['inline code removed', 'see `#14` and #15', [15]],
    ['unterminated fence: only its empty code span goes', '``` open #27', [27]],
    ['URL with #digits removed', 'https://example.test/o/r/issues/1#15 and #16', [16]],
    ['URL with a fragment later in the path', 'http://x.test/a#12/b #3', [3]],
    ['URL without #digits kept (no reference inside)', 'https://example.test/pull/17 #2', [2]],
    ['URL ends at a parenthesis', '(https://x.test/#9) #4', [4]],
    ['no-break space is whitespace', '#22\u00a0x', [22]],
    ['information separator is whitespace (as in Python)', '#23\u001fx', [23]],
    ['byte order mark is not whitespace (as in Python)', '#23\ufeff', []],
    ['Arabic-Indic digits', 'fixes #\u0662\u0661 ', [21]],
    ['full-width digits', '#\uff14\uff12', [42]],
    ['title-like text', 'Issue #7: crash', []],
  ];
  it.each(table)('%s', (_name, text, expected) => {
    expect(extractIssueReferences(text)).toEqual(expected);
  });
});

describe('decimalValue', () => {
  it.each([
    ['123', 123],
    ['\u0660\u0669', 9],
    ['\u{1D7CE}\u{1D7D9}\u{1D7E2}', 10], // mathematical digits: bold 0, double-struck 1, sans-serif 0 (blocks of ten in a row)
  ])('%s → %d', (digits, value) => {
    expect(decimalValue(digits)).toBe(value);
  });
});

describe('foldThread (resolver.md §6.2)', () => {
  it.each([
    [['only'], 'latest feedback:\nonly\n'],
    [['a', 'b'], 'a\n---\nlatest feedback:\nb\n'],
    [['a', 'b', 'c'], 'a\nb\n---\nlatest feedback:\nc\n'],
    [['multi\nline', ''], 'multi\nline\n---\nlatest feedback:\n\n'],
    [[], ''],
  ])('%j', (bodies, folded) => {
    expect(foldThread(bodies)).toBe(folded);
  });

  it('files: distinct non-empty paths in order of first appearance', () => {
    expect(threadFiles([null, 'b.py', '', 'a.py', 'b.py', undefined])).toEqual(['b.py', 'a.py']);
  });
});
