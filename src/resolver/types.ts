// The output.jsonl contract (spec/resolver.md §11) shared by resolve and send. Key order here is the
// order written: never rename or reorder, only append.
import type { ErrorCode } from '../core/errors.js';
import type { Event } from '../core/events.js';
import type { Metrics } from '../llm/types.js';

export type IssueType = 'issue' | 'pr';

/** The phases of a run, in order: resolve's, then the action's send and final comment. */
export type RunPhase = 'context' | 'clone' | 'sandbox' | 'agent' | 'patch' | 'judge' | 'record' | 'send' | 'final';

/** What a run was doing in each phase, for "stopped while …" (record, comments, log). */
export const PHASE_WHILE: Record<RunPhase, string> = {
  context: 'reading the issue',
  clone: 'cloning the repository',
  sandbox: 'starting the sandbox',
  agent: 'the agent was at work',
  patch: 'collecting the changes',
  judge: 'judging the result',
  record: 'saving the result',
  send: 'pushing the changes',
  final: 'posting the final comment',
};

export interface ReviewThread {
  comment: string;
  files: string[];
}

export interface IssueRecord {
  owner: string;
  repo: string;
  number: number;
  title: string;
  body: string;
  thread_comments: string[] | null;
  closing_issues: string[] | null;
  review_comments: string[] | null;
  review_threads: ReviewThread[] | null;
  thread_ids: string[] | null;
  head_branch: string | null;
  base_branch: string | null;
}

// The record's `metrics` (runtime.md §11); the agent fills it, so the type lives with the model types.
export type { Metrics } from '../llm/types.js';

export interface OutputRecord {
  issue: IssueRecord;
  issue_type: IssueType;
  instruction: string;
  base_commit: string;
  git_patch: string | null;
  history: Event[];
  metrics: Metrics | null;
  success: boolean;
  comment_success: boolean[] | null;
  result_explanation: string;
  error: string | null;
  // Ours, appended after `error`.
  /**
   * The ResolverError code behind `error` (e.g. `git`, `llm-auth`, `llm-quota`, `config`, `llm`, `runtime`,
   * `cancelled`); also the model's code when a limit stop's wrap-up turn found the model unusable. Absent when
   * the run ended without an error or on a limit (iterations, budget, time, stuck) with a working model.
   * FATAL_RECORD_ERROR_CODES (record-error.ts) lists the codes that make the run itself an error.
   */
  error_code?: ErrorCode;
  /** Set when a stop (signal or crash) ended the run: the phase it was in (core/cancel.ts). */
  stopped_in?: RunPhase;
  [extra: string]: unknown;
}

/** Builds the `issue` object with every key present and in order. */
export function issueRecord(
  fields: Pick<IssueRecord, 'owner' | 'repo' | 'number' | 'title'> & Partial<IssueRecord>,
): IssueRecord {
  return {
    owner: fields.owner,
    repo: fields.repo,
    number: fields.number,
    title: fields.title,
    body: fields.body ?? '',
    thread_comments: fields.thread_comments ?? null,
    closing_issues: fields.closing_issues ?? null,
    review_comments: fields.review_comments ?? null,
    review_threads: fields.review_threads ?? null,
    thread_ids: fields.thread_ids ?? null,
    head_branch: fields.head_branch ?? null,
    base_branch: fields.base_branch ?? null,
  };
}
