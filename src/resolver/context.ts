// Issue context (resolver.md §6.1): the issue and its conversation as of the trigger time, sanitised and
// capped (security.md §4, §8).
import { ResolverError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
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
  /** Body of the triggering comment, from the payload. */
  commentBody?: string | null;
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

function after(a: string | null | undefined, t: number): boolean {
  if (!a) return false;
  const v = Date.parse(a);
  return !Number.isNaN(v) && v > t;
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
  const t = trigger.time ? Date.parse(trigger.time) : NaN;

  const comments: CommentData[] = [...(await github.listIssueComments(r, opts.number))].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
  let dropped = 0;
  let threadComments: string[] | null;
  if (opts.commentId !== undefined && opts.commentId !== null) {
    const c = comments.find((x) => x.id === opts.commentId);
    const text = trigger.commentBody ?? c?.body ?? null;
    if (text === null) {
      throw new ResolverError(
        'not-found',
        `Comment ID ${opts.commentId} did not have a match for issue ${opts.number}`,
      );
    }
    threadComments = [cap(text)];
  } else {
    const kept = comments.filter((c) => {
      const late = !Number.isNaN(t) && (after(c.createdAt, t) || after(c.updatedAt, t));
      if (late) dropped += 1;
      return !late;
    });
    const recent = kept.slice(-(opts.maxComments ?? MAX_COMMENTS));
    threadComments = recent.length > 0 ? recent.map((c) => cap(c.body ?? '')) : null;
  }
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
