// Success judgement (resolver.md §10): one tool-less chat completion whose answer is parsed from the
// `--- success` / `--- explanation` markers.
import { isAction, type Event } from '../core/events.js';
import type { Completion, LlmClient } from '../llm/types.js';
import judgeIssueTemplate from './prompts/judge-issue.jinja';
import { renderTemplate } from './prompt-render.js';
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
