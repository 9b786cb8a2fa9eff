import { describe, expect, it } from 'vitest';
import { matchMacro, neutralizeMacro, stripNonProse } from '../../src/github/macro.js';

const M = '@openhands-agent';

describe('matchMacro (resolver.md §2.1, security.md A6)', () => {
  const cases: [string, string, { plain: boolean; experimental: boolean }][] = [
    ['alone', '@openhands-agent', { plain: true, experimental: false }],
    ['at the start of a sentence', '@openhands-agent please fix', { plain: true, experimental: false }],
    ['after text', 'hey @openhands-agent', { plain: true, experimental: false }],
    ['other ASCII case matches by design', 'Hey @OpenHands-AGENT fix', { plain: true, experimental: false }],
    ['followed by a comma', '@openhands-agent, fix it', { plain: true, experimental: false }],
    [
      'followed by ; : ! ? ) ] }',
      '(@openhands-agent) [@openhands-agent] {@openhands-agent} @openhands-agent!',
      { plain: true, experimental: false },
    ],
    ['followed by a full stop and the end', 'ask @openhands-agent.', { plain: true, experimental: false }],
    ['followed by a full stop and a space', 'ask @openhands-agent. Thanks', { plain: true, experimental: false }],
    ['after a newline', 'line\n@openhands-agent', { plain: true, experimental: false }],
    ['after an opening parenthesis', '(@openhands-agent', { plain: true, experimental: false }],
    ['an e-mail address', 'me@openhands-agent.dev', { plain: false, experimental: false }],
    ['a domain-like suffix', '@openhands-agent.dev', { plain: false, experimental: false }],
    ['joined to a word', 'x@openhands-agent', { plain: false, experimental: false }],
    ['preceded by a slash', 'https://x/@openhands-agent', { plain: false, experimental: false }],
    ['preceded by @', '@@openhands-agent', { plain: false, experimental: false }],
    ['preceded by a non-ASCII letter', 'é@openhands-agent', { plain: false, experimental: false }],
    ['followed by letters', '@openhands-agents', { plain: false, experimental: false }],
    ['followed by an underscore', '@openhands-agent_x', { plain: false, experimental: false }],
    ['the -exp token is not the plain macro', '@openhands-agent-exp go', { plain: false, experimental: true }],
    ['-exp followed by more', '@openhands-agent-experimental', { plain: false, experimental: false }],
    ['both', '@openhands-agent-exp and @openhands-agent', { plain: true, experimental: true }],
    ['-exp, case-insensitive', '@OPENHANDS-AGENT-EXP!', { plain: false, experimental: true }],
    ['in a fenced block', '```\n@openhands-agent\n```', { plain: false, experimental: false }],
    ['in a ~~~ fence', '~~~sh\n@openhands-agent\n~~~\n', { plain: false, experimental: false }],
    ['in an unterminated fence', 'text\n```\n@openhands-agent', { plain: false, experimental: false }],
    ['after a closed fence', '```\ncode\n```\n@openhands-agent', { plain: true, experimental: false }],
    [
      'a longer fence is not closed by a shorter one',
      '````\n```\n@openhands-agent\n````',
      { plain: false, experimental: false },
    ],
    ['in inline code', 'use `@openhands-agent` to trigger', { plain: false, experimental: false }],
    ['in double-backtick code', 'use ``x ` @openhands-agent`` here', { plain: false, experimental: false }],
    ['in an HTML comment', '<!-- @openhands-agent -->', { plain: false, experimental: false }],
    ['in an unterminated HTML comment', 'hi <!-- @openhands-agent', { plain: false, experimental: false }],
    ['in a quote line', '> @openhands-agent said\nthanks', { plain: false, experimental: false }],
    ['quoted, then used', '> old\n@openhands-agent', { plain: true, experimental: false }],
    ['full-width at sign', '＠openhands-agent', { plain: false, experimental: false }],
    ['Cyrillic о homoglyph', '@оpenhands-agent', { plain: false, experimental: false }],
    ['with CRLF line endings', 'x\r\n@openhands-agent\r\n', { plain: true, experimental: false }],
    ['followed by a tab', '@openhands-agent\tplease', { plain: true, experimental: false }],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(matchMacro(body, M)).toEqual(expected);
  });

  it('does not fold non-ASCII case into ASCII (Kelvin sign K)', () => {
    expect(matchMacro('/\u212Aick', '/kick').plain).toBe(false);
    expect(matchMacro('/KICK', '/kick').plain).toBe(true);
  });

  it('escapes regex characters in custom macros', () => {
    expect(matchMacro('please /fix.it now', '/fix.it').plain).toBe(true);
    expect(matchMacro('please /fixxit now', '/fix.it').plain).toBe(false);
  });

  it('an empty macro never matches', () => {
    expect(matchMacro('anything', '')).toEqual({ plain: false, experimental: false });
  });
});

describe('stripNonProse and neutralizeMacro', () => {
  it('keeps prose and line structure', () => {
    expect(stripNonProse('a `b` c\n```\nd\n```\ne <!-- f --> g\n> h\ni')).toBe('a  c\n\n\n\ne  g\n\ni');
  });

  it('our output never carries the macro: its first character becomes a character reference', () => {
    const text = 'Ask @OpenHands-Agent again, or @openhands-agent-exp.';
    const safe = neutralizeMacro(text, M);
    expect(safe).toBe('Ask &#64;OpenHands-Agent again, or &#64;openhands-agent-exp.');
    expect(matchMacro(safe, M)).toEqual({ plain: false, experimental: false });
  });

  it('backticks already in the text cannot pair with ours and leave the macro in prose (found by the fuzz)', () => {
    // Wrapping in inline code made this `a `@openhands-agent` b`: two code spans around a macro in prose.
    const safe = neutralizeMacro('`a @openhands-agent b`', M);
    expect(safe).toBe('`a &#64;openhands-agent b`');
    expect(matchMacro(safe, M).plain).toBe(false);
  });

  it('a replacement that completes an overlapping occurrence is replaced too', () => {
    expect(neutralizeMacro('/kk/kick', '/kick')).not.toMatch(/\/kick/i);
    expect(neutralizeMacro('aaaa', 'aa')).not.toContain('aa');
  });
});
