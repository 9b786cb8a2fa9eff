// The Actions event: parsed into a discriminated union (zod schemas for the parts we read), then matched
// against the trigger table of resolver.md §2 and mapped to a target per §3.
import { z } from 'zod';
import { ResolverError } from '../core/errors.js';
import { hasMarker } from './marker.js';
import { matchMacro } from './macro.js';

// ---- Schemas: only the fields we read. Unknown fields are ignored; wrong types are a malformed payload. ----

const userSchema = z.object({
  login: z.string(),
  type: z.string().nullish(),
  id: z.number().nullish(),
});
const repositorySchema = z.object({
  name: z.string().min(1),
  full_name: z.string().nullish(),
  owner: z.object({ login: z.string().min(1) }),
});
const issueSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullish(),
  updated_at: z.string().nullish(),
  pull_request: z.object({}).passthrough().nullish(),
  user: userSchema.nullish(),
});
const pullRequestSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullish(),
  updated_at: z.string().nullish(),
  head: z.object({
    sha: z.string(),
    ref: z.string(),
    repo: z.object({ full_name: z.string() }).nullish(),
  }),
  base: z.object({ ref: z.string(), repo: z.object({ full_name: z.string() }).nullish() }),
  user: userSchema.nullish(),
});
const commentSchema = z.object({
  id: z.number().int().positive(),
  node_id: z.string().nullish(),
  body: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  user: userSchema.nullable(),
});
const reviewSchema = z.object({
  id: z.number().int().positive(),
  node_id: z.string().nullish(),
  /** The commit the review was made on: the head the reviewer saw. */
  commit_id: z.string().nullish(),
  body: z.string().nullish(),
  submitted_at: z.string().nullish(),
  user: userSchema.nullable(),
});
const base = { repository: repositorySchema, sender: userSchema.nullish() };

const issuesLabeled = z.object({
  ...base,
  action: z.literal('labeled'),
  issue: issueSchema,
  label: z.object({ name: z.string() }),
});
const prLabeled = z.object({
  ...base,
  action: z.literal('labeled'),
  pull_request: pullRequestSchema,
  label: z.object({ name: z.string() }),
});
const issueCommentCreated = z.object({
  ...base,
  action: z.literal('created'),
  issue: issueSchema,
  comment: commentSchema,
});
const reviewCommentCreated = z.object({
  ...base,
  action: z.literal('created'),
  pull_request: pullRequestSchema,
  comment: commentSchema,
});
const reviewSubmitted = z.object({
  ...base,
  action: z.literal('submitted'),
  pull_request: pullRequestSchema,
  review: reviewSchema,
});
const dispatch = z.object({
  ...base,
  inputs: z.record(z.string(), z.unknown()).nullish(),
});

export type IssuesLabeledPayload = z.infer<typeof issuesLabeled>;
export type PullRequestLabeledPayload = z.infer<typeof prLabeled>;
export type IssueCommentPayload = z.infer<typeof issueCommentCreated>;
export type ReviewCommentPayload = z.infer<typeof reviewCommentCreated>;
export type ReviewPayload = z.infer<typeof reviewSubmitted>;
export type DispatchPayload = z.infer<typeof dispatch>;

/** A parsed event: one of the kinds that can trigger us, or another event/activity we ignore. */
export type GitHubEvent =
  | { name: 'issues'; action: 'labeled'; payload: IssuesLabeledPayload }
  | { name: 'pull_request'; action: 'labeled'; payload: PullRequestLabeledPayload }
  | { name: 'issue_comment'; action: 'created'; payload: IssueCommentPayload }
  | { name: 'pull_request_review_comment'; action: 'created'; payload: ReviewCommentPayload }
  | { name: 'pull_request_review'; action: 'submitted'; payload: ReviewPayload }
  | { name: 'workflow_dispatch'; action: null; payload: DispatchPayload }
  | { name: 'other'; eventName: string; action: string | null };

export type LabelEvent = Extract<GitHubEvent, { action: 'labeled' }>;
export type CommentEvent = Extract<GitHubEvent, { name: 'issue_comment' | 'pull_request_review_comment' }>;
export type ReviewEvent = Extract<GitHubEvent, { name: 'pull_request_review' }>;
export type DispatchEvent = Extract<GitHubEvent, { name: 'workflow_dispatch' }>;

export const isLabelEvent = (e: GitHubEvent): e is LabelEvent => e.action === 'labeled' && e.name !== 'other';
export const isCommentEvent = (e: GitHubEvent): e is CommentEvent =>
  e.name === 'issue_comment' || e.name === 'pull_request_review_comment';
export const isReviewEvent = (e: GitHubEvent): e is ReviewEvent => e.name === 'pull_request_review';
export const isDispatchEvent = (e: GitHubEvent): e is DispatchEvent => e.name === 'workflow_dispatch';

/** Activities that act (security.md §2); everything else is ignored before validation. */
const ACTING: Record<string, string | null> = {
  issues: 'labeled',
  pull_request: 'labeled',
  issue_comment: 'created',
  pull_request_review_comment: 'created',
  pull_request_review: 'submitted',
  workflow_dispatch: null,
};

function validate<T>(schema: z.ZodType<T>, payload: unknown, eventName: string, action: string | null): T {
  const r = schema.safeParse(payload);
  if (r.success) return r.data;
  const issues = r.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  throw new ResolverError(
    'event',
    `Malformed ${eventName}${action ? `.${action}` : ''} event payload (${issues}). ` +
      'Check GITHUB_EVENT_PATH points at the webhook payload of this run.',
  );
}

/** Validates the payload of a known event; throws ResolverError('event') when it is malformed. */
export function parseEventPayload(eventName: string, payload: unknown): GitHubEvent {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new ResolverError('event', `The ${eventName || 'event'} payload is not a JSON object.`);
  }
  const rawAction = (payload as { action?: unknown }).action;
  const action = typeof rawAction === 'string' ? rawAction : null;
  if (!(eventName in ACTING) || ACTING[eventName] !== action) return { name: 'other', eventName, action };
  switch (eventName) {
    case 'issues':
      return { name: 'issues', action: 'labeled', payload: validate(issuesLabeled, payload, eventName, action) };
    case 'pull_request':
      return { name: 'pull_request', action: 'labeled', payload: validate(prLabeled, payload, eventName, action) };
    case 'issue_comment':
      return {
        name: 'issue_comment',
        action: 'created',
        payload: validate(issueCommentCreated, payload, eventName, action),
      };
    case 'pull_request_review_comment':
      return {
        name: 'pull_request_review_comment',
        action: 'created',
        payload: validate(reviewCommentCreated, payload, eventName, action),
      };
    case 'pull_request_review':
      return {
        name: 'pull_request_review',
        action: 'submitted',
        payload: validate(reviewSubmitted, payload, eventName, action),
      };
    default:
      return { name: 'workflow_dispatch', action: null, payload: validate(dispatch, payload, eventName, action) };
  }
}

// ---- Trigger matching ----

export interface TriggerConfig {
  /** Default `@openhands-agent`; empty is a configuration error. */
  macro: string;
  /** Default `fix-me`. */
  label: string;
  /** Default `fix-me-experimental`. */
  experimentalLabel: string;
  /** workflow_dispatch inputs as read by the action config; payload `inputs` are the fallback. */
  dispatch?: {
    issueNumber: number | null;
    /** null: the payload's `issue_type` input, else `issue`. */
    issueType: 'issue' | 'pr' | null;
    commentId: number | null;
    experimental?: boolean;
  };
}

export const DEFAULT_TRIGGER: TriggerConfig = {
  macro: '@openhands-agent',
  label: 'fix-me',
  experimentalLabel: 'fix-me-experimental',
};

export interface EventActor {
  login: string | null;
  type: string | null;
  id: number | null;
}

export interface TriggerTarget {
  eventName: string;
  action: string | null;
  owner: string;
  repo: string;
  issueNumber: number;
  issueType: 'issue' | 'pr';
  /** review.id when the review body is non-empty, else comment.id, else null (labels). */
  commentId: number | null;
  commentKind: 'issue_comment' | 'review_comment' | 'review' | null;
  /** GraphQL node id of the triggering comment or review (reviews get their reaction via GraphQL). */
  commentNodeId: string | null;
  /** comment.created_at, review.submitted_at, or the labelled item's updated_at (security.md §4, TOCTOU). */
  triggerTime: string | null;
  /**
   * The trigger-time head the PR run is pinned to: `review.commit_id` for reviews (the commit the reviewer saw),
   * `pull_request.head.sha` for review comments and pull_request events; null for issue_comment (the run reads
   * it from the API at its start and pins that: docs/fork-prs.md).
   */
  headSha: string | null;
  headRef: string | null;
  headRepoFullName: string | null;
  /** The event's sender (the actor). */
  sender: EventActor;
  /** The comment or review author; null for labels and dispatch. */
  author: EventActor | null;
  /** Title and body of the issue/PR as the payload holds them (trigger-time version); null when absent. */
  title: string | null;
  body: string | null;
  /** The comment or review body that triggered the run. */
  triggerBody: string | null;
  label: string | null;
}

export type TriggerDecision =
  | { kind: 'run'; target: TriggerTarget; experimental: boolean }
  | { kind: 'ignore'; reason: string };

export const isRunDecision = (d: TriggerDecision): d is Extract<TriggerDecision, { kind: 'run' }> => d.kind === 'run';

const actorOf = (u: z.infer<typeof userSchema> | null | undefined): EventActor =>
  u ? { login: u.login, type: u.type ?? null, id: u.id ?? null } : { login: null, type: null, id: null };

/** The §3 table, applied to whichever of pull_request / review / issue / comment the payload holds. */
function mapTarget(p: {
  pull_request?: z.infer<typeof pullRequestSchema>;
  issue?: z.infer<typeof issueSchema>;
  review?: z.infer<typeof reviewSchema>;
  comment?: z.infer<typeof commentSchema>;
}): { number: number; type: 'issue' | 'pr'; commentId: number | null } {
  const reviewBody = p.review?.body ?? '';
  const commentId = reviewBody !== '' && p.review ? p.review.id : (p.comment?.id ?? null);
  if (p.pull_request) return { number: p.pull_request.number, type: 'pr', commentId };
  if (p.issue?.pull_request) return { number: p.issue.number, type: 'pr', commentId };
  if (p.issue) return { number: p.issue.number, type: 'issue', commentId };
  throw new ResolverError('event', 'The event payload names neither an issue nor a pull request.');
}

function baseTarget(eventName: string, action: string | null, payload: DispatchPayload) {
  return {
    eventName,
    action,
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    sender: actorOf(payload.sender),
  };
}

function positiveInt(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim()) && Number(v) > 0) return Number(v);
  return null;
}

function dispatchTarget(e: DispatchEvent, cfg: TriggerConfig): TriggerDecision {
  const inputs = e.payload.inputs ?? {};
  const pick = (...names: string[]) => names.map((n) => inputs[n]).find((v) => v !== undefined && v !== '');
  const issueNumber = cfg.dispatch?.issueNumber ?? positiveInt(pick('issue-number', 'issue_number'));
  if (issueNumber === null) {
    throw new ResolverError(
      'event',
      'workflow_dispatch needs the input issue-number (a positive integer) naming the issue or pull request to resolve.',
    );
  }
  const rawType = cfg.dispatch?.issueType ?? pick('issue-type', 'issue_type') ?? 'issue';
  if (rawType !== 'issue' && rawType !== 'pr') {
    throw new ResolverError(
      'event',
      `workflow_dispatch input issue-type must be "issue" or "pr", not ${JSON.stringify(rawType)}.`,
    );
  }
  const rawComment = cfg.dispatch?.commentId ?? pick('comment-id', 'comment_id');
  const commentId =
    rawComment === undefined || rawComment === null || String(rawComment).toLowerCase() === 'none'
      ? null
      : positiveInt(rawComment);
  if (
    rawComment !== undefined &&
    rawComment !== null &&
    String(rawComment).toLowerCase() !== 'none' &&
    commentId === null
  ) {
    throw new ResolverError('event', `workflow_dispatch input comment-id must be an integer or "none".`);
  }
  const expInput = pick('experimental', 'is-experimental');
  const experimental = cfg.dispatch?.experimental ?? String(expInput ?? '').toLowerCase() === 'true';
  return {
    kind: 'run',
    experimental,
    target: {
      ...baseTarget('workflow_dispatch', null, e.payload),
      issueNumber,
      issueType: rawType,
      commentId,
      commentKind: null,
      commentNodeId: null,
      triggerTime: null,
      headSha: null,
      headRef: null,
      headRepoFullName: null,
      author: null,
      title: null,
      body: null,
      triggerBody: null,
      label: null,
    },
  };
}

/** Decides whether an event is for us (resolver.md §2) and maps it to a target (§3). */
export function matchTrigger(e: GitHubEvent, cfg: TriggerConfig): TriggerDecision {
  if (cfg.macro.trim() === '') {
    throw new ResolverError('config', 'The macro must not be empty; the default is @openhands-agent.');
  }
  if (e.name === 'other') {
    return {
      kind: 'ignore',
      reason: `Event ${e.eventName}${e.action ? `.${e.action}` : ''} is not a trigger; nothing to do.`,
    };
  }
  if (isDispatchEvent(e)) return dispatchTarget(e, cfg);

  const p = e.payload;
  const pr = 'pull_request' in p ? p.pull_request : undefined;
  const issue = 'issue' in p ? p.issue : undefined;
  const item = pr ?? issue;
  const reviewCommit = isReviewEvent(e) ? (e.payload.review.commit_id ?? null) : null;
  const common = {
    ...baseTarget(e.name, e.action, p),
    headSha: reviewCommit || (pr?.head.sha ?? null),
    headRef: pr?.head.ref ?? null,
    headRepoFullName: pr?.head.repo?.full_name ?? null,
    title: item?.title ?? null,
    body: item ? (item.body ?? '') : null,
  };

  if (isLabelEvent(e)) {
    const name = e.payload.label.name.toLowerCase();
    const experimental = name === cfg.experimentalLabel.toLowerCase();
    if (!experimental && name !== cfg.label.toLowerCase()) {
      return {
        kind: 'ignore',
        reason: `Label "${e.payload.label.name}" is not ${cfg.label} or ${cfg.experimentalLabel}.`,
      };
    }
    if (pr && isForkPull(pr, e.payload.repository)) {
      return {
        kind: 'ignore',
        reason:
          'pull_request events from forks get a read-only token and no secrets; comment the macro on the pull request instead.',
      };
    }
    const t = mapTarget({ pull_request: pr, issue });
    return {
      kind: 'run',
      experimental,
      target: {
        ...common,
        issueNumber: t.number,
        issueType: t.type,
        commentId: null,
        commentKind: null,
        commentNodeId: null,
        triggerTime: item?.updated_at ?? null,
        author: null,
        triggerBody: null,
        label: e.payload.label.name,
      },
    };
  }

  const source = isReviewEvent(e) ? e.payload.review : e.payload.comment;
  const text = source.body ?? '';
  if (hasMarker(text)) return { kind: 'ignore', reason: 'The comment carries our marker; ignoring our own output.' };
  const m = matchMacro(text, cfg.macro);
  if (!m.plain && !m.experimental) {
    return { kind: 'ignore', reason: `The ${isReviewEvent(e) ? 'review' : 'comment'} does not mention ${cfg.macro}.` };
  }
  const t = mapTarget(
    isReviewEvent(e)
      ? { pull_request: pr, review: e.payload.review }
      : { pull_request: pr, issue, comment: e.payload.comment },
  );
  const kind =
    e.name === 'issue_comment'
      ? 'issue_comment'
      : e.name === 'pull_request_review_comment'
        ? 'review_comment'
        : 'review';
  return {
    kind: 'run',
    experimental: m.experimental,
    target: {
      ...common,
      issueNumber: t.number,
      issueType: t.type,
      commentId: t.commentId,
      commentKind: t.commentId === null ? null : kind,
      commentNodeId: source.node_id ?? null,
      triggerTime: isReviewEvent(e) ? (e.payload.review.submitted_at ?? null) : e.payload.comment.created_at,
      author: actorOf(source.user),
      triggerBody: text,
      label: null,
    },
  };
}

function isForkPull(pr: z.infer<typeof pullRequestSchema>, repo: z.infer<typeof repositorySchema>): boolean {
  const head = pr.head.repo?.full_name;
  const baseName = pr.base.repo?.full_name ?? repo.full_name ?? `${repo.owner.login}/${repo.name}`;
  // A deleted head repository (null) is treated as a fork: its code is untrusted either way.
  return head === undefined || head === null ? pr.head.repo === null : head.toLowerCase() !== baseName.toLowerCase();
}

/** parseEventPayload + matchTrigger. */
export function parseEvent(eventName: string, payload: unknown, cfg: TriggerConfig = DEFAULT_TRIGGER): TriggerDecision {
  return matchTrigger(parseEventPayload(eventName, payload), cfg);
}
