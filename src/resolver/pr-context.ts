// Pull-request context (resolver.md §6.2-§6.5): the PR, its reviews, unresolved review threads and
// conversation as of the trigger time, plus the issues it closes or references. Everything from the
// tracker is sanitised and capped (security.md §4, §8); our own comments are left out.
import { ResolverError, errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { hasMarker } from '../github/marker.js';
import type { GitHubApi, PullData, PullReviewData, RepoRef } from '../github/types.js';
import {
  commentIdUnmatched,
  extractImageUrls,
  isAfter,
  notFoundMessage,
  selectThreadComments,
  triggerMs,
  type IssueContextOptions,
} from './context.js';
import { extractIssueReferences, foldThread, threadFiles } from './references.js';
import { capText, DEFAULT_TEXT_CAP, sanitizeUntrusted } from './sanitize.js';
import { issueRecord, type IssueRecord, type ReviewThread } from './types.js';

/** At most this many referenced issues are fetched (§6.3, ours). */
export const MAX_REFERENCED_ISSUES = 20;

export interface PullInfo {
  headRef: string;
  /** The head the run works on: the payload's trigger-time SHA when it had one, else the API's. */
  headSha: string;
  /**
   * True when the payload gave no head SHA (issue_comment) and `headSha` was read from the API at the start of
   * the run: the run then also refuses a head committed after the trigger time (docs/fork-prs.md).
   */
  headFromApi: boolean;
  headRepoFullName: string | null;
  isFork: boolean;
  baseRef: string;
  baseSha: string;
}

export interface PrContext {
  issue: IssueRecord;
  imageUrls: string[];
  /** Reviews, thread comments and conversation comments left out because they came after the trigger. */
  droppedAfterTrigger: number;
  pull: PullInfo;
}

export interface ReviewFeedback {
  reviewComments: string[];
  reviewThreads: ReviewThread[];
  threadIds: string[];
  droppedAfterTrigger: number;
}

/**
 * Reviews and unresolved threads (§6.2) as the agent sees them. With a comment id: only the review with that
 * `fullDatabaseId`, and every thread any of whose comments has it (kept whole). The triggering item's body
 * comes from the payload; other items created or edited after the trigger are left out, and so is
 * everything carrying our marker. Empty bodies count as no feedback.
 */
export function selectReviewFeedback(
  data: PullReviewData,
  o: {
    commentId?: number | null;
    triggerTime?: string | null;
    triggerCommentBody?: string | null;
    cap: (s: string) => string;
  },
): ReviewFeedback {
  const t = triggerMs(o.triggerTime);
  const target = o.commentId === undefined || o.commentId === null ? null : String(o.commentId);
  let dropped = 0;
  const late = (created: string | null | undefined, edited: string | null | undefined) =>
    isAfter(created, t) || isAfter(edited, t);

  const reviewComments: string[] = [];
  for (const r of data.reviews) {
    if (hasMarker(r.body)) continue;
    let body: string;
    if (target !== null) {
      if (r.fullDatabaseId !== target) continue;
      body = o.triggerCommentBody ?? r.body;
    } else {
      if (r.body.trim() !== '' && late(r.submittedAt, r.lastEditedAt)) {
        dropped += 1;
        continue;
      }
      body = r.body;
    }
    const text = o.cap(body);
    if (text.trim() !== '') reviewComments.push(text);
  }

  const reviewThreads: ReviewThread[] = [];
  const threadIds: string[] = [];
  for (const thread of data.threads) {
    if (thread.isResolved) continue;
    if (target !== null && !thread.comments.some((c) => c.fullDatabaseId === target)) continue;
    const kept: { body: string; path: string | null }[] = [];
    for (const c of thread.comments) {
      if (hasMarker(c.body)) continue;
      if (target !== null && c.fullDatabaseId === target) {
        kept.push({ body: o.cap(o.triggerCommentBody ?? c.body), path: c.path });
        continue;
      }
      if (late(c.createdAt, c.lastEditedAt)) {
        dropped += 1;
        continue;
      }
      kept.push({ body: o.cap(c.body), path: c.path });
    }
    if (kept.length === 0) continue;
    reviewThreads.push({ comment: foldThread(kept.map((c) => c.body)), files: threadFiles(kept.map((c) => c.path)) });
    threadIds.push(thread.id);
  }
  return { reviewComments, reviewThreads, threadIds, droppedAfterTrigger: dropped };
}

/** Issue numbers referenced by the PR body, reviews, folded threads and thread comments (§6.3). */
export function referencedIssueNumbers(
  texts: { body: string; reviewComments: string[]; reviewThreads: ReviewThread[]; threadComments: string[] | null },
  closing: readonly number[],
): number[] {
  const all = [
    ...extractIssueReferences(texts.body),
    ...texts.reviewComments.flatMap(extractIssueReferences),
    ...texts.reviewThreads.flatMap((t) => extractIssueReferences(t.comment)),
    ...(texts.threadComments ?? []).flatMap(extractIssueReferences),
  ];
  return [...new Set(all)].filter((n) => !closing.includes(n)).sort((a, b) => a - b);
}

/** Markdown image URLs of a PR (§6.5): closing issues, reviews, threads (as JSON), then the conversation. */
export function prImageUrls(issue: IssueRecord): string[] {
  return extractImageUrls([
    JSON.stringify(issue.closing_issues ?? []),
    JSON.stringify(issue.review_comments ?? []),
    JSON.stringify((issue.review_threads ?? []).map((t) => t.comment)),
    (issue.thread_comments ?? []).join('\n---\n'),
  ]);
}

async function getOpenPull(github: GitHubApi, r: RepoRef, n: number): Promise<PullData> {
  let pull: PullData;
  try {
    pull = await github.getPull(r, n);
  } catch (err) {
    if (err instanceof ResolverError && err.code === 'not-found') {
      throw new ResolverError('not-found', notFoundMessage(n, r.owner, r.repo), { cause: err });
    }
    throw err;
  }
  if (pull.state !== 'open') {
    throw new ResolverError(
      'not-open',
      `Pull request #${n} in ${r.owner}/${r.repo} is not open (it is ${pull.state}); only open pull requests are resolved.`,
    );
  }
  if (!pull.headRef) throw new ResolverError('config', 'Branch name cannot be None');
  return pull;
}

export async function fetchPrContext(github: GitHubApi, opts: IssueContextOptions, logger: Logger): Promise<PrContext> {
  const r: RepoRef = { owner: opts.owner, repo: opts.repo };
  const n = opts.number;
  const cap = (s: string) => capText(sanitizeUntrusted(s), opts.textCap ?? DEFAULT_TEXT_CAP);
  const trigger = opts.trigger ?? {};
  const pull = await getOpenPull(github, r, n);
  const data = await github.getPullReviewData(r, n);
  const conversation = await github.listIssueComments(r, n);

  const feedback = selectReviewFeedback(data, {
    commentId: opts.commentId,
    triggerTime: trigger.time,
    triggerCommentBody: trigger.commentBody,
    cap,
  });
  const conv = selectThreadComments(conversation, {
    commentId: opts.commentId,
    triggerTime: trigger.time,
    triggerCommentBody: trigger.commentBody,
    cap,
    maxComments: opts.maxComments,
  });
  if (
    opts.commentId !== undefined &&
    opts.commentId !== null &&
    feedback.reviewComments.length === 0 &&
    feedback.reviewThreads.length === 0 &&
    conv.comments === null
  ) {
    throw new ResolverError('not-found', commentIdUnmatched(opts.commentId, n));
  }
  const dropped = feedback.droppedAfterTrigger + conv.droppedAfterTrigger;
  if (dropped > 0) logger.info(`Left out ${dropped} comment(s) or review(s) created or edited after the trigger.`);

  const body = cap(trigger.body ?? pull.body ?? '');
  const closingNumbers = data.closingIssues.map((c) => c.number);
  const closingIssues = data.closingIssues.map((c) => cap(c.body));
  const referenced = referencedIssueNumbers(
    {
      body,
      reviewComments: feedback.reviewComments,
      reviewThreads: feedback.reviewThreads,
      threadComments: conv.comments,
    },
    closingNumbers,
  );
  if (referenced.length > MAX_REFERENCED_ISSUES) {
    logger.info(`The pull request references ${referenced.length} issues; reading the first ${MAX_REFERENCED_ISSUES}.`);
  }
  for (const num of referenced.slice(0, MAX_REFERENCED_ISSUES)) {
    try {
      const ref = await github.getIssue(r, num);
      const text = cap(ref.body ?? '');
      if (text.trim() !== '') closingIssues.push(text);
    } catch (err) {
      logger.warn(`Could not read issue #${num} referenced by pull request #${n}: ${errorMessage(err)}`);
    }
  }

  const headRepo = pull.headRepoFullName;
  const issue = issueRecord({
    owner: opts.owner,
    repo: opts.repo,
    number: n,
    title: capText(sanitizeUntrusted(trigger.title ?? pull.title ?? ''), 1_000),
    body,
    thread_comments: conv.comments,
    closing_issues: closingIssues,
    review_comments: feedback.reviewComments,
    review_threads: feedback.reviewThreads,
    thread_ids: feedback.threadIds,
    head_branch: pull.headRef,
    base_branch: pull.baseRef,
  });
  return {
    issue,
    imageUrls: prImageUrls(issue),
    droppedAfterTrigger: dropped,
    pull: {
      headRef: pull.headRef,
      headSha: trigger.headSha || pull.headSha,
      headFromApi: !trigger.headSha,
      headRepoFullName: headRepo,
      isFork: headRepo === null || headRepo.toLowerCase() !== `${opts.owner}/${opts.repo}`.toLowerCase(),
      baseRef: pull.baseRef,
      baseSha: pull.baseSha,
    },
  };
}
