import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/events.js';
import {
  issueJudgeContext,
  lastAgentMessage,
  parseJudgement,
  renderIssueJudgePrompt,
} from '../../src/resolver/judge.js';
import { createDelimiter } from '../../src/resolver/sanitize.js';
import { issueRecord } from '../../src/resolver/types.js';

describe('parseJudgement (resolver.md §10)', () => {
  it.each([
    ['canonical', '--- success\ntrue\n\n--- explanation\nFixed it.', true, 'Fixed it.'],
    ['false', '--- success\nfalse\n\n--- explanation\nNot fixed.', false, 'Not fixed.'],
    ['no blank lines between markers', '--- success\ntrue\n--- explanation\nok', true, 'ok'],
    ['many blank lines', '--- success\n\n\ntrue\n\n\n\n--- explanation\nok', true, 'ok'],
    ['surrounding whitespace is trimmed first', '  \n--- success\ntrue\n\n--- explanation\nok\n\n  ', true, 'ok'],
    ['text before the markers', 'Here is my answer:\n--- success\ntrue\n\n--- explanation\nok', true, 'ok'],
    [
      'explanation is everything after its newline, as-is',
      '--- success\ntrue\n\n--- explanation\n  line 1\n\nline 2',
      true,
      '  line 1\n\nline 2',
    ],
    ['explanation of blank lines only', '--- success\ntrue\n\n--- explanation\n\n\nx', true, '\n\nx'],
    ['"explanatio" with extra n (explanation*)', '--- success\nfalse\n\n--- explanationnn\nx', false, 'x'],
    ['"explanatio" without n', '--- success\nfalse\n\n--- explanatio\nx', false, 'x'],
    [
      'first match wins',
      '--- success\nfalse\n\n--- explanation\na\n--- success\ntrue\n\n--- explanation\nb',
      false,
      'a\n--- success\ntrue\n\n--- explanation\nb',
    ],
    ['CR in the explanation is kept', '--- success\ntrue\n\n--- explanation\na\r\nb', true, 'a\r\nb'],
  ])('%s', (_n, input, success, explanation) => {
    expect(parseJudgement(input)).toEqual({ success, explanation });
  });

  it.each([
    ['True is case-sensitive', '--- success\nTrue\n\n--- explanation\nok'],
    ['no newline after the explanation marker', '--- success\ntrue\n\n--- explanation ok'],
    ['missing success marker', 'success: true\nexplanation: ok'],
    ['other text between the value and the marker', '--- success\ntrue (I think)\n--- explanation\nok'],
    ['empty', ''],
    ['nothing after the marker (the answer is trimmed first)', '--- success\ntrue\n\n--- explanation\n'],
  ])('no match: %s', (_n, input) => {
    expect(parseJudgement(input)).toEqual({
      success: false,
      explanation: `Failed to decode answer from LLM response: ${input.trim()}`,
    });
  });

  it('PR judgements trim the explanation', () => {
    expect(
      parseJudgement('--- success\ntrue\n\n--- explanation\n  ok  \n', { trimExplanation: true }).explanation,
    ).toBe('ok');
  });
});

describe('judge inputs', () => {
  const ev = (e: Partial<Event> & Record<string, unknown>): Event => e as unknown as Event;
  it.each([
    [
      'the finish message',
      [
        ev({ source: 'agent', action: 'message', args: { content: 'msg' } }),
        ev({ source: 'agent', action: 'finish', args: { final_thought: 'fin' } }),
      ],
      'fin',
    ],
    [
      'else the last agent message',
      [
        ev({ source: 'agent', action: 'message', args: { content: 'one' } }),
        ev({ source: 'agent', action: 'message', args: { content: 'two' } }),
        ev({ source: 'user', action: 'message', args: { content: 'u' } }),
      ],
      'two',
    ],
    [
      'else the last event message',
      [ev({ source: 'agent', action: 'run', args: { command: 'ls' }, message: 'Running command: ls' })],
      'Running command: ls',
    ],
    ['nothing', [], ''],
  ])('last message: %s', (_n, history, expected) => {
    expect(lastAgentMessage(history)).toBe(expected);
  });

  it('issue context is the body (no title) plus thread comments', () => {
    const issue = issueRecord({
      owner: 'o',
      repo: 'r',
      number: 1,
      title: 'T',
      body: 'B',
      thread_comments: ['c1', 'c2'],
    });
    expect(issueJudgeContext(issue)).toBe('B\n\nIssue Thread Comments:\nc1\n---\nc2');
    expect(issueJudgeContext({ ...issue, thread_comments: null })).toBe('B');
  });

  it('an empty patch is shown as "No changes made yet"; the prompt asks for the exact format', () => {
    const issue = issueRecord({ owner: 'o', repo: 'r', number: 1, title: 'T', body: 'B' });
    const p = renderIssueJudgePrompt(issue, '', 'done', createDelimiter('abc'));
    expect(p).toContain('No changes made yet');
    expect(p).toContain('--- success\ntrue/false\n\n--- explanation\n');
    expect(p).not.toContain('T\n');
  });
});
