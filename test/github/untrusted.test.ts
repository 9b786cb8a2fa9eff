// Model text we post is quoted (DESIGN.md §8.23): every body builder embeds text it did not write through
// quoteUntrusted / quoteUntrustedInline, and what GitHub renders of it is inert. The checks read the bodies the
// way GitHub's CommonMark renderer does (test/helpers/inert.ts), independently of the code under test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainRecord, lastActionLine, skippedNote } from '../../src/action/job.js';
import { summaryMarkdown } from '../../src/action/report.js';
import { createRedactor } from '../../src/core/redact.js';
import {
  branchBody,
  errorBody,
  failureBody,
  finalizeBody,
  noChangesBody,
  startBody,
  successBody,
} from '../../src/github/comments.js';
import { hasMarker, marker, parseMarkers } from '../../src/github/marker.js';
import {
  cleanUntrusted,
  neutralizeClosingKeywords,
  quoteUntrusted,
  quoteUntrustedInline,
  untrustedOneLine,
} from '../../src/github/untrusted.js';
import { prBody, prTitle } from '../../src/resolver/send-body.js';
import { issueRecord, type OutputRecord } from '../../src/resolver/types.js';
import { ATTACKS, ATTACK_TEXT, regions, violations } from '../helpers/inert.js';

const redactor = createRedactor([]);
const RUN = '4242';
const DETAILS = { details: 1, summary: 1, '/summary': 1, '/details': 1 };

function record(over: Partial<OutputRecord> = {}): OutputRecord {
  return {
    issue: issueRecord({ owner: 'o', repo: 'r', number: 7, title: 'Crash' }),
    issue_type: 'issue',
    instruction: '',
    base_commit: 'abc',
    git_patch: null,
    history: [],
    metrics: null,
    success: false,
    comment_success: null,
    result_explanation: ATTACK_TEXT,
    error: `boom: ${ATTACKS[4]}`,
    ...over,
  };
}

describe('the checker itself finds every attack in plain text', () => {
  // Without quoting, each attack shape is a violation: the table below proves the checks can fail.
  it.each(ATTACKS.filter((a) => !/^(```|~~~)/.test(a)))('%s', (attack) => {
    expect(violations(`Our sentence.\n\n${attack}`)).not.toEqual([]);
  });

  it('and a fence that the text closes early', () => {
    expect(violations('Ours.\n\n```text\nfine\n```\nCANARY escaped\n```')).toEqual([
      'a line of the untrusted text is outside its quote',
    ]);
  });
});

describe('quoteUntrusted', () => {
  it.each(ATTACKS)('embeds %j inertly', (attack) => {
    const q = quoteUntrusted(attack);
    expect(violations(`Ours.\n\n${q}\n\nOurs.`)).toEqual([]);
    const r = regions(q);
    expect(r.fences).toHaveLength(1);
    expect(r.prose.trim()).toBe('');
  });

  it('a fence longer than any backtick run inside, so no line can close it', () => {
    const q = quoteUntrusted('a\n```\nb\n`````\nc');
    expect(q.startsWith('``````text\n')).toBe(true);
    expect(q.endsWith('\n``````')).toBe(true);
  });

  it('keeps ordinary text as written', () => {
    const text = 'Changed `parse()` in **src/app.py**; see #12 and issue 4.\n\n- one\n- two 👩‍💻 ❤️';
    expect(quoteUntrusted(text)).toBe(`\`\`\`text\n${text}\n\`\`\``);
  });

  it('closing phrases: every keyword and reference form, any case, also chained', () => {
    const forms = ['close', 'closes', 'closed', 'fix', 'fixes', 'fixed', 'resolve', 'resolves', 'resolved'];
    const refs = ['#2', 'acme/calc#4', 'https://github.com/o/r/issues/3', 'https://h.example/o/r/pull/5', 'GH-6'];
    for (const k of forms)
      for (const variant of [k, k.toUpperCase(), k[0]?.toUpperCase() + k.slice(1)])
        for (const ref of refs)
          for (const sep of [' ', ': ', ':', '  ', '\n', ' ** '])
            expect(violations(neutralizeClosingKeywords(`${variant}${sep}${ref}`)), `${variant}${sep}${ref}`).toEqual(
              [],
            );
    expect(neutralizeClosingKeywords('Fixes #1, #2 and #3')).toBe('Fixes # 1, # 2 and # 3');
    // Not a closing phrase: left alone.
    expect(neutralizeClosingKeywords('see #12; prefixes #3 stay; a fix for it')).toBe(
      'see #12; prefixes #3 stay; a fix for it',
    );
  });

  it('no copy of our marker, even when split by invisible characters', () => {
    for (const t of ['<!-- openhands-resolver:start run=1 -->', '<!\u200B-- openhands-resolver:error run=1 -->']) {
      const q = quoteUntrusted(t);
      expect(hasMarker(q)).toBe(false);
      expect(q).not.toContain('<!--');
    }
  });

  it('a cut keeps both fences and stays within the limit', () => {
    const q = quoteUntrusted(`${'x'.repeat(500)}\n\`\`\`\`\n${'y'.repeat(500)}`, 300);
    expect(q.length).toBeLessThanOrEqual(300);
    expect(regions(q).fences).toHaveLength(1);
    expect(q.endsWith('…\n`````')).toBe(true);
  });

  it('fuzz: no text can end the block early, add a line outside it, or forge our marker', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(
        '`',
        '```',
        '````',
        '~~~',
        '\n',
        '\r',
        '\r\n',
        '\u2028',
        '\u0085',
        '   ',
        '<!--',
        '-->',
        '<!-- openhands-resolver:success run=1 -->',
        'openhands-resolver:',
        '\u200B',
        '\u200D',
        '\uFE0F',
        '\u{E0041}',
        '@everyone',
        'fixes #2',
        'CANARY',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 20, max: 400 }), (parts, max) => {
        const text = `CANARY${parts.join('')}CANARY`;
        for (const q of [quoteUntrusted(text), quoteUntrusted(text, max)]) {
          const r = regions(`Ours.\n\n${q}\n\nOurs.`);
          expect(r.fences).toHaveLength(1);
          expect(r.prose).toBe('Ours.\n\n\nOurs.');
          // Through finalizeBody (strip, redact, macro, cap): our marker is the only one.
          const body = finalizeBody(`Ours.\n\n${q}`, {
            redactor,
            macro: '@openhands-agent',
            marker: marker('failure', RUN),
          });
          expect(parseMarkers(body)).toEqual([{ kind: 'failure', runId: RUN }]);
          expect(body.indexOf('<!--')).toBe(body.length - marker('failure', RUN).length);
          expect(regions(body).prose).not.toContain('CANARY');
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('quoteUntrustedInline and untrustedOneLine', () => {
  it.each(ATTACKS)('inline %j', (attack) => {
    const q = quoteUntrustedInline(attack);
    expect(q).toMatch(/^`[^`\n]+`$/);
    expect(violations(`- Ours: ${q}.`)).toEqual([]);
  });

  it.each([
    ['fixes #2', 'fixes # 2'],
    ['a\nCo-authored-by: evil <e@x>', 'a Co-authored-by: evil <e@x>'],
    ['a\r\nSigned-off-by: x', 'a Signed-off-by: x'],
    ['a\u2028b\u2029c\u0085d\u000Be\u000Cf', 'a b c d e f'],
    ['  spaced\t\tout  ', 'spaced out'],
  ])('one line: %j', (input, out) => {
    expect(untrustedOneLine(input)).toBe(out);
  });

  it('cleanUntrusted is idempotent', () => {
    const once = cleanUntrusted(ATTACK_TEXT);
    expect(cleanUntrusted(once)).toBe(once);
  });
});

describe('every body builder posts untrusted text inertly', () => {
  const final = (body: string) => finalizeBody(body, { redactor, marker: marker('failure', RUN) });
  const own = { ownMarker: marker('failure', RUN) };

  it('failure and no-changes: the explanation and the error, quoted in the details section', () => {
    const explanation = explainRecord(record());
    const f = final(failureBody({ branch: 'b', treeUrl: 'https://h/t', explanation, artifactHint: 'See the run.' }));
    expect(violations(f, { ...own, ownTags: DETAILS })).toEqual([]);
    expect(f).toContain('Additional details');
    expect(f).toContain('Approved by @maintainer CANARY');
    const n = final(noChangesBody({ explanation }));
    expect(violations(n, { ...own, ownTags: DETAILS })).toEqual([]);
  });

  it('a PR record: the checklist of per-thread explanations', () => {
    const r = record({
      issue_type: 'pr',
      result_explanation: JSON.stringify(ATTACKS),
      comment_success: ATTACKS.map((_, i) => i % 2 === 0),
    });
    const f = final(failureBody({ branch: null, treeUrl: null, explanation: explainRecord(r) }));
    expect(violations(f, { ...own, ownTags: DETAILS })).toEqual([]);
    expect(f).toContain('- ✅ @everyone CANARY please look');
  });

  it('error: the message', () => {
    const e = final(errorBody({ runUrl: 'https://h/run', message: ATTACK_TEXT }));
    expect(violations(e, own)).toEqual([]);
  });

  it('progress: the last action', () => {
    const phases = ATTACKS.map((a, i) => ({
      name: `Agent ${i}`,
      state: 'running' as const,
      detail: `iteration 1 of 3; last: ${lastActionLine(a, redactor)}`,
    }));
    const b = final(startBody({ issueType: 'issue', number: 7, runUrl: 'https://h/run', phases }));
    expect(violations(b, own)).toEqual([]);
  });

  it('success and branch: file paths from the patch', () => {
    const note = skippedNote(ATTACKS.map((a) => ({ path: a, reason: 'submodule (gitlink) change dropped' })));
    const s = final(successBody({ prNumber: 3, prUrl: 'https://h/pr/3', draft: false, note }));
    expect(violations(s, own)).toEqual([]);
    const b = final(branchBody({ branch: 'openhands-fix-issue-7', compareUrl: 'https://h/c', note }));
    expect(violations(b, own)).toEqual([]);
  });

  it('PR body: only our first line closes an issue', () => {
    const body = prBody(
      {
        number: 7,
        explanation: ATTACK_TEXT,
        runId: RUN,
        unsuccessful: true,
        skipped: ATTACKS.map((a) => ({ path: a, reason: 'binary change without data' })),
        flagged: ATTACKS.map((a, i) => ({ path: a, line: i + 1, kind: 'a GitHub token (gh?_…)' })),
      },
      redactor,
      '@openhands-agent',
    );
    expect(body.startsWith('This pull request fixes #7.\n\n')).toBe(true);
    expect(
      violations(body, { ownClosing: 'This pull request fixes #7.', ownMarker: marker('pull-request', RUN) }),
    ).toEqual([]);
    expect(body).toContain('Please check');
  });

  it('PR title: one line, no closing phrase (a squash merge makes it the commit subject)', () => {
    for (const a of ATTACKS) {
      const t = prTitle({ number: 7, title: a }, redactor);
      expect(t.startsWith('Fix issue #7: ')).toBe(true);
      expect(t).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
      expect(
        violations(t.slice('Fix issue #7: '.length).replace(/CANARY/g, '')).filter((v) => v.startsWith('closing')),
      ).toEqual([]);
    }
    // The title cannot chain onto our own prefix either.
    expect(prTitle({ number: 7, title: 'and #3' }, redactor)).toBe('Fix issue #7: and # 3');
  });

  it('job summary: explanation, transcript and reason', () => {
    const r = record({
      history: ATTACKS.map((a, i) => ({
        id: i,
        timestamp: '2026-01-01T00:00:00Z',
        source: 'agent' as const,
        action: 'message' as const,
        message: a,
        args: { content: a, wait_for_response: false },
      })),
    });
    const md = summaryMarkdown(
      {
        conclusion: 'failure',
        success: false,
        outputFile: null,
        prUrl: null,
        prNumber: null,
        branch: null,
        record: r,
        reason: ATTACK_TEXT,
        durationSec: 1,
      },
      redactor,
    );
    expect(violations(md, { ownTags: DETAILS })).toEqual([]);
  });
});
