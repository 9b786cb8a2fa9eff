// Success judgement (resolver.md §10): tool-less chat completions whose answers are parsed from the
// `--- success` / `--- explanation` markers; one for an issue, one per review thread (or one for the
// conversation, or one for the reviews) for a pull request.
import { ResolverError, errorMessage } from '../core/errors.js';
import { isAction, type Event } from '../core/events.js';
import type { Completion, LlmClient } from '../llm/types.js';
import judgeIssueTemplate from './prompts/judge-issue.jinja';
import judgePrFeedbackTemplate from './prompts/judge-pr-feedback.jinja';
import judgePrThreadTemplate from './prompts/judge-pr-thread.jinja';
import { jsonIndented, jsonInline, renderTemplate } from './prompt-render.js';
import type { Delimiter } from './sanitize.js';
import type { IssueRecord } from './types.js';

// Kept byte-compatible with the reference: `explanation*` (sic) and everything after the marker's newline.
export const JUDGEMENT_RE = /--- success\n*(true|false)\n*--- explanation*\n([\s\S]*)/;

export interface Judgement {
  success: boolean;
  explanation: string;
}

export function parseJudgement(content: string | null, opts: { trimExplanation?: boolean } = {}): Judgement {
  const answer = (content ?? '').trim();
  const m = JUDGEMENT_RE.exec(answer);
  if (!m) return { success: false, explanation: `Failed to decode answer from LLM response: ${answer}` };
  const explanation = m[2] ?? '';
  return { success: m[1] === 'true', explanation: opts.trimExplanation ? explanation.trim() : explanation };
}

/** The finish message; else the last agent message; else the last event's message. */
export function lastAgentMessage(history: readonly Event[]): string {
  const reversed = [...history].reverse();
  const finish = reversed.find((e) => isAction(e) && e.action === 'finish');
  if (finish && isAction(finish) && finish.action === 'finish') return finish.args.final_thought;
  const msg = reversed.find((e) => isAction(e) && e.action === 'message' && e.source === 'agent');
  if (msg && isAction(msg) && msg.action === 'message') return msg.args.content;
  return reversed[0]?.message ?? '';
}

/** The issue as the judge sees it: body (no title) plus the thread comments. */
export function issueJudgeContext(issue: IssueRecord): string {
  let text = issue.body;
  if (issue.thread_comments && issue.thread_comments.length > 0) {
    text += `\n\nIssue Thread Comments:\n${issue.thread_comments.join('\n---\n')}`;
  }
  return text;
}

export function renderIssueJudgePrompt(
  issue: IssueRecord,
  gitPatch: string | null,
  lastMessage: string,
  delimiter: Delimiter,
): string {
  return renderTemplate(
    judgeIssueTemplate,
    {
      issue_context: delimiter.wrap('ISSUE', issueJudgeContext(issue)),
      git_patch: gitPatch && gitPatch.trim() !== '' ? gitPatch : 'No changes made yet',
      last_message: delimiter.wrap('AGENT MESSAGE', lastMessage),
    },
    'judge-issue.jinja',
  );
}

export async function judgeIssue(
  llm: LlmClient,
  input: {
    issue: IssueRecord;
    gitPatch: string | null;
    lastMessage: string;
    delimiter: Delimiter;
    signal?: AbortSignal;
  },
): Promise<Judgement & { completion: Completion; prompt: string }> {
  const prompt = renderIssueJudgePrompt(input.issue, input.gitPatch, input.lastMessage, input.delimiter);
  const completion = await llm.complete({ messages: [{ role: 'user', content: prompt }], signal: input.signal });
  return { ...parseJudgement(completion.content), completion, prompt };
}

export const NO_FEEDBACK_EXPLANATION = 'No feedback was found to process';

export interface PrJudgement {
  success: boolean;
  /** One entry per judged item; null when there was no feedback. */
  commentSuccess: boolean[] | null;
  /** The explanations as an inline Python-style JSON list, or NO_FEEDBACK_EXPLANATION. */
  explanation: string;
  completions: Completion[];
  prompts: string[];
}

type PrJudgeCall =
  | { kind: 'thread'; feedback: string; files: string[] }
  | { kind: 'thread comments' | 'review comments'; feedback: string };

/** `closing_issues` as 4-space JSON, `null` when there are none. */
export function issuesContext(issue: IssueRecord): string {
  const closing = issue.closing_issues ?? [];
  return closing.length > 0 ? jsonIndented(closing) : 'null';
}

export function renderPrJudgePrompt(
  issue: IssueRecord,
  call: PrJudgeCall,
  gitPatch: string | null,
  lastMessage: string,
  delimiter: Delimiter,
): string {
  const common = {
    issues_context: delimiter.wrap('ISSUES', issuesContext(issue)),
    git_patch: gitPatch && gitPatch.trim() !== '' ? gitPatch : 'No changes made yet',
    last_message: delimiter.wrap('AGENT MESSAGE', lastMessage),
  };
  if (call.kind === 'thread') {
    return renderTemplate(
      judgePrThreadTemplate,
      { ...common, feedback: delimiter.wrap('REVIEW THREAD', call.feedback), files: jsonIndented(call.files) },
      'judge-pr-thread.jinja',
    );
  }
  return renderTemplate(
    judgePrFeedbackTemplate,
    { ...common, kind: call.kind, feedback: delimiter.wrap('FEEDBACK', call.feedback) },
    'judge-pr-feedback.jinja',
  );
}

/**
 * §10 PR precedence: review threads (one call each), else the conversation (one call), else the reviews
 * (one call), else no call. With an empty last message an item is judged false without a call. A failed
 * call judges its item false with the reason, so the list stays aligned with thread_ids; cancellation
 * propagates.
 */
export async function judgePr(
  llm: LlmClient,
  input: {
    issue: IssueRecord;
    gitPatch: string | null;
    lastMessage: string;
    delimiter: Delimiter;
    signal?: AbortSignal;
  },
): Promise<PrJudgement> {
  const { issue } = input;
  const threads = issue.review_threads ?? [];
  const comments = issue.thread_comments ?? [];
  const reviews = issue.review_comments ?? [];
  let calls: PrJudgeCall[];
  let missing: string;
  if (threads.length > 0) {
    calls = threads.map((t) => ({ kind: 'thread', feedback: t.comment, files: t.files }));
    missing = 'Missing context or message';
  } else if (comments.length > 0) {
    calls = [{ kind: 'thread comments', feedback: comments.join('\n---\n') }];
    missing = 'Missing thread comments, context or message';
  } else if (reviews.length > 0) {
    calls = [{ kind: 'review comments', feedback: reviews.join('\n---\n') }];
    missing = 'Missing review comments, context or message';
  } else {
    return { success: false, commentSuccess: null, explanation: NO_FEEDBACK_EXPLANATION, completions: [], prompts: [] };
  }
  const successes: boolean[] = [];
  const explanations: string[] = [];
  const completions: Completion[] = [];
  const prompts: string[] = [];
  for (const call of calls) {
    if (input.lastMessage === '') {
      successes.push(false);
      explanations.push(missing);
      continue;
    }
    const prompt = renderPrJudgePrompt(issue, call, input.gitPatch, input.lastMessage, input.delimiter);
    prompts.push(prompt);
    try {
      const completion = await llm.complete({ messages: [{ role: 'user', content: prompt }], signal: input.signal });
      completions.push(completion);
      const j = parseJudgement(completion.content, { trimExplanation: true });
      successes.push(j.success);
      explanations.push(j.explanation);
    } catch (err) {
      if (input.signal?.aborted || (err instanceof ResolverError && err.code === 'cancelled')) throw err;
      successes.push(false);
      explanations.push(`The success judgement failed: ${errorMessage(err)}`);
    }
  }
  return {
    success: successes.every(Boolean),
    commentSuccess: successes,
    explanation: jsonInline(explanations),
    completions,
    prompts,
  };
}
