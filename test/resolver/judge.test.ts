import { afterEach, describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/events.js';
import { createRecordingLogger } from '../../src/core/log.js';
import { createLlmClient } from '../../src/llm/client.js';
import {
  issueJudgeContext,
  issuesContext,
  judgePr,
  lastAgentMessage,
  parseJudgement,
  renderIssueJudgePrompt,
} from '../../src/resolver/judge.js';
import { createDelimiter } from '../../src/resolver/sanitize.js';
import { issueRecord, type IssueRecord, type ReviewThread } from '../../src/resolver/types.js';
import { httpError, startScriptedLlm, text, type LlmStep, type ScriptedLlm } from '../../src/testing/scripted-llm.js';

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

describe('judgePr (resolver.md §10, PR)', () => {
  const base = issueRecord({ owner: 'o', repo: 'r', number: 3, title: 'T', body: 'B' });
  const threads = [
    { comment: 'latest feedback:\nrename x\n', files: ['a.py'] },
    { comment: 'c1\n---\nlatest feedback:\nc2\n', files: [] },
  ];
  let llm: ScriptedLlm | undefined;
  afterEach(async () => {
    await llm?.close();
    llm = undefined;
  });
  async function judge(issue: IssueRecord, script: LlmStep[], lastMessage = 'I did it.') {
    llm = await startScriptedLlm(script);
    const client = createLlmClient(
      {
        model: 'openai/gpt-4o',
        apiKey: 'k',
        baseUrl: llm.baseUrl,
        numRetries: 0,
        retryMinWaitSec: 0,
        retryMaxWaitSec: 0,
        retryMultiplier: 1,
        timeoutSec: 30,
      },
      { logger: createRecordingLogger() },
    );
    const j = await judgePr(client, { issue, gitPatch: 'diff', lastMessage, delimiter: createDelimiter('n0nce') });
    const prompts = llm.requests.map((r) => String(r.body?.messages?.[0]?.content));
    return { j, prompts };
  }
  const yes = (e: string) => text(`--- success\ntrue\n\n--- explanation\n${e}`);
  const no = (e: string) => text(`--- success\nfalse\n--- explanation\n ${e} \n`);

  it('threads win: one call per thread, explanations trimmed, inline Python-style JSON', async () => {
    const { j, prompts } = await judge(
      { ...base, review_threads: threads, thread_comments: ['ignored'], review_comments: ['ignored too'] },
      [yes('Renamed. «ok»'), no('c2 is still open.')],
    );
    expect(j.success).toBe(false);
    expect(j.commentSuccess).toEqual([true, false]);
    expect(j.explanation).toBe('["Renamed. \\u00abok\\u00bb", "c2 is still open."]');
    expect(JSON.parse(j.explanation)).toEqual(['Renamed. «ok»', 'c2 is still open.']);
    expect(prompts).toHaveLength(2);
    expect(prompts[0]).toContain('latest feedback:\nrename x');
    expect(prompts[0]).toContain('[\n    "a.py"\n]');
    expect(prompts[1]).toContain('c1\n---\nlatest feedback:\nc2');
    expect(prompts[1]).toContain('Files the thread is about:\n[]');
    expect(prompts.join('')).not.toContain('ignored');
    expect(j.completions).toHaveLength(2);
  });

  it.each([
    [
      'thread comments, joined',
      { thread_comments: ['a', 'b'], review_comments: ['r'] },
      'a\n---\nb',
      'thread comments',
    ],
    [
      'review comments when there is no conversation',
      { review_comments: ['r1', 'r2'] },
      'r1\n---\nr2',
      'review comments',
    ],
  ])('else %s: one call', async (_n, over, feedback, kind) => {
    const { j, prompts } = await judge({ ...base, review_threads: [], ...over }, [yes('fine')]);
    expect(j).toMatchObject({ success: true, commentSuccess: [true], explanation: '["fine"]' });
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain(feedback);
    expect(prompts[0]).toContain(`(${kind})`);
  });

  it('closing issues are the issues context (4-space JSON), null when there are none', async () => {
    const { prompts } = await judge({ ...base, review_comments: ['r'], closing_issues: ['Issue one'] }, [yes('x')]);
    expect(prompts[0]).toContain('[\n    "Issue one"\n]');
    expect(issuesContext(base)).toBe('null');
    expect(issuesContext({ ...base, closing_issues: [] })).toBe('null');
  });

  it.each([
    ['threads', { review_threads: threads }, ['Missing context or message', 'Missing context or message']],
    ['thread comments', { thread_comments: ['a'] }, ['Missing thread comments, context or message']],
    ['reviews', { review_comments: ['r'] }, ['Missing review comments, context or message']],
  ])('an empty last message: no call (%s)', async (_n, over, explanations) => {
    const { j, prompts } = await judge({ ...base, ...over }, [], '');
    expect(prompts).toHaveLength(0);
    expect(j.success).toBe(false);
    expect(JSON.parse(j.explanation)).toEqual(explanations);
  });

  it('no feedback: no call, comment_success null', async () => {
    const { j, prompts } = await judge({ ...base, review_threads: [], review_comments: [] }, []);
    expect(j).toMatchObject({ success: false, commentSuccess: null, explanation: 'No feedback was found to process' });
    expect(prompts).toHaveLength(0);
  });

  it('an unparsable answer and a failed call judge only their own thread false', async () => {
    const { j } = await judge({ ...base, review_threads: [...threads, threads[0] as ReviewThread] }, [
      text('looks good to me'),
      httpError(400, { error: { message: 'bad request' } }),
      yes('third'),
    ]);
    expect(j.commentSuccess).toEqual([false, false, true]);
    const list = JSON.parse(j.explanation) as string[];
    expect(list[0]).toBe('Failed to decode answer from LLM response: looks good to me');
    expect(list[1]).toMatch(/^The success judgement failed: LLM call to gpt-4o failed \(HTTP 400\)/);
    expect(list[2]).toBe('third');
  });
});
