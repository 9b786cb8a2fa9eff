// Issue context (resolver.md §6.1): the issue and its conversation as of the trigger time, sanitised and
// capped (security.md §4, §8).
import { ResolverError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { hasMarker } from '../github/marker.js';
import type { CommentData, GitHubApi, IssueData } from '../github/types.js';
import { capText, DEFAULT_TEXT_CAP, sanitizeUntrusted } from './sanitize.js';
import { issueRecord, type IssueRecord } from './types.js';

export const MAX_COMMENTS = 100;

/** What the triggering event said, so later edits cannot change the task (TOCTOU). */
export interface TriggerInfo {
  /** Trigger time T (comment created_at, review submitted_at, or the payload item's updated_at for labels). */
  time?: string | null;
  /** Title and body of the issue as the payload carried them. */
  title?: string | null;
  body?: string | null;
  /** Body of the triggering comment or review, from the payload. */
  commentBody?: string | null;
  /** PR runs: the head SHA the payload carried (`pull_request.head.sha`); the run refuses if the head moved. */
  headSha?: string | null;
}

export interface IssueContextOptions {
  owner: string;
  repo: string;
  number: number;
  commentId?: number | null;
  trigger?: TriggerInfo;
  textCap?: number;
  maxComments?: number;
}

export interface IssueContext {
  issue: IssueRecord;
  imageUrls: string[];
  /** Comments left out because they were created or edited after the trigger. */
  droppedAfterTrigger: number;
}

export function notFoundMessage(n: number, owner: string, repo: string): string {
  return `No issues found for issue number ${n} in ${owner}/${repo}. Please check that the issue exists, that the token is allowed to read it, and the spelling of the repository.`;
}

const IMAGE_RE = /!\[.*?\]\((https?:\/\/[^\s)]+)\)/g;

/** URLs of Markdown images, in order (resolver.md §6.5). */
export function extractImageUrls(texts: (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const t of texts) for (const m of (t ?? '').matchAll(IMAGE_RE)) if (m[1]) out.push(m[1]);
  return out;
}

/** True when the timestamp is later than the trigger time t (ms); unknown times are never late. */
export function isAfter(a: string | null | undefined, t: number): boolean {
  if (!a || Number.isNaN(t)) return false;
  const v = Date.parse(a);
  return !Number.isNaN(v) && v > t;
}

export function triggerMs(time: string | null | undefined): number {
  return time ? Date.parse(time) : NaN;
}

export function commentIdUnmatched(commentId: number, n: number): string {
  return `Comment ID ${commentId} did not have a match for issue ${n}`;
}

export interface SelectedComments {
  /** Sanitised bodies in creation order; null when there are none. */
  comments: string[] | null;
  /** Comments created or edited after the trigger, left out. */
  droppedAfterTrigger: number;
}

/**
 * The conversation comments the agent sees (§6.1): our own comments (they carry the hidden marker) are
 * dropped silently; with a comment id just that comment, its body from the payload; otherwise every
 * comment up to the trigger time, the most recent `maxComments`.
 */
export function selectThreadComments(
  all: readonly CommentData[],
  o: {
    commentId?: number | null;
    triggerTime?: string | null;
    triggerCommentBody?: string | null;
    cap: (s: string) => string;
    maxComments?: number;
    /**
     * Issues: a comment id the listing does not show still counts when the payload carried its body (the
     * listing may lag). PR runs say false: there the id may name a review or a thread comment instead.
     */
    payloadWhenUnlisted?: boolean;
  },
): SelectedComments {
  const comments = all
    .filter((c) => !hasMarker(c.body))
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  if (o.commentId !== undefined && o.commentId !== null) {
    const c = comments.find((x) => x.id === o.commentId);
    const text = c || o.payloadWhenUnlisted ? (o.triggerCommentBody ?? c?.body ?? null) : null;
    return { comments: text === null ? null : [o.cap(text)], droppedAfterTrigger: 0 };
  }
  const t = triggerMs(o.triggerTime);
  let dropped = 0;
  const kept = comments.filter((c) => {
    const late = isAfter(c.createdAt, t) || isAfter(c.updatedAt, t);
    if (late) dropped += 1;
    return !late;
  });
  const recent = kept.slice(-(o.maxComments ?? MAX_COMMENTS));
  return {
    comments: recent.length > 0 ? recent.map((c) => o.cap(c.body ?? '')) : null,
    droppedAfterTrigger: dropped,
  };
}

export async function fetchIssueContext(
  github: GitHubApi,
  opts: IssueContextOptions,
  logger: Logger,
): Promise<IssueContext> {
  const r = { owner: opts.owner, repo: opts.repo };
  const cap = (s: string) => capText(sanitizeUntrusted(s), opts.textCap ?? DEFAULT_TEXT_CAP);
  let data: IssueData;
  try {
    data = await github.getIssue(r, opts.number);
  } catch (err) {
    if (err instanceof ResolverError && err.code === 'not-found') {
      throw new ResolverError('not-found', notFoundMessage(opts.number, opts.owner, opts.repo), { cause: err });
    }
    throw err;
  }
  if (data.isPullRequest) {
    throw new ResolverError(
      'config',
      `#${opts.number} in ${opts.owner}/${opts.repo} is a pull request, not an issue; run with --issue-type pr.`,
    );
  }
  if (data.state !== 'open') {
    throw new ResolverError(
      'not-open',
      `Issue #${opts.number} in ${opts.owner}/${opts.repo} is not open (it is ${data.state}); only open issues are resolved.`,
    );
  }

  const trigger = opts.trigger ?? {};
  const title = trigger.title ?? data.title ?? '';
  const body = trigger.body ?? data.body ?? '';

  const selected = selectThreadComments(await github.listIssueComments(r, opts.number), {
    commentId: opts.commentId,
    triggerTime: trigger.time,
    triggerCommentBody: trigger.commentBody,
    cap,
    maxComments: opts.maxComments,
    payloadWhenUnlisted: true,
  });
  if (opts.commentId !== undefined && opts.commentId !== null && selected.comments === null) {
    throw new ResolverError('not-found', commentIdUnmatched(opts.commentId, opts.number));
  }
  const threadComments = selected.comments;
  const dropped = selected.droppedAfterTrigger;
  if (dropped > 0) logger.info(`Left out ${dropped} comment(s) created or edited after the trigger.`);

  const issue = issueRecord({
    owner: opts.owner,
    repo: opts.repo,
    number: opts.number,
    title: capText(sanitizeUntrusted(title), 1_000),
    body: cap(body),
    thread_comments: threadComments,
  });
  return {
    issue,
    imageUrls: extractImageUrls([issue.body, ...(issue.thread_comments ?? [])]),
    droppedAfterTrigger: dropped,
  };
}
