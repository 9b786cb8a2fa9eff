// TEST DOUBLE: stands in for GitHub / the LLM in tests and the offline demo; not used by the product.
//
// The fake GitHub's in-memory state: plain records that tests may read (and tweak) directly through
// `fake.state`. Issues and pull requests share one number sequence per repository, as on GitHub.

export type UserType = 'User' | 'Bot' | 'Organization';
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';
export type ReactionContent = '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes';
export type ReviewState = 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED' | 'PENDING';

export interface FakeUser {
  login: string;
  id: number;
  nodeId: string;
  type: UserType;
  name: string | null;
  email: string | null;
}

export interface FakeRepo {
  owner: string;
  name: string;
  /** `owner/name` */
  fullName: string;
  id: number;
  nodeId: string;
  defaultBranch: string;
  private: boolean;
  description: string | null;
  /** The bare repository on disk. */
  dir: string;
  /** `owner/name` of the parent when this repository is a fork. */
  forkOf: string | null;
  createdAt: string;
  archived: boolean;
}

interface IssueFields {
  /** `owner/name` of the repository. */
  repo: string;
  number: number;
  id: number;
  nodeId: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  locked: boolean;
  author: string;
  labels: string[];
  assignees: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Deleted issues answer 410 Gone. */
  deleted: boolean;
}

export interface FakeIssue extends IssueFields {
  kind: 'issue';
}

export interface FakePull extends IssueFields {
  kind: 'pull';
  draft: boolean;
  headRef: string;
  /** `owner/name` of the repository holding the head branch (differs from `repo` for a fork PR). */
  headRepo: string;
  /** Last known head sha (refreshed from the bare repository whenever the PR is read). */
  headSha: string;
  baseRef: string;
  requestedReviewers: string[];
  /** Issue numbers this PR closes (GraphQL closingIssuesReferences). */
  closingIssues: number[];
  merged: boolean;
  maintainerCanModify: boolean;
}

export interface FakeComment {
  id: number;
  nodeId: string;
  repo: string;
  issueNumber: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export type ReactionSubject =
  | { type: 'issue'; repo: string; number: number }
  | { type: 'issue_comment'; repo: string; id: number }
  | { type: 'review_comment'; repo: string; id: number }
  /** Reactions added over GraphQL `addReaction`, by the subject's node id. */
  | { type: 'node'; nodeId: string };

export interface FakeReaction {
  id: number;
  nodeId: string;
  subject: ReactionSubject;
  content: ReactionContent;
  user: string;
  createdAt: string;
}

export interface FakeReview {
  id: number;
  nodeId: string;
  repo: string;
  pullNumber: number;
  body: string;
  state: ReviewState;
  author: string;
  submittedAt: string | null;
  lastEditedAt: string | null;
  /** The commit a review submitted over REST was made on. */
  commitId?: string | null;
}

export interface FakeReviewComment {
  id: number;
  nodeId: string;
  threadId: string;
  reviewId: number | null;
  body: string;
  path: string;
  line: number | null;
  author: string;
  createdAt: string;
  updatedAt: string;
  lastEditedAt: string | null;
  inReplyTo: number | null;
  /** Line comments made through `POST /pulls/{n}/reviews`: the side and first line of a multi-line comment. */
  side?: 'LEFT' | 'RIGHT';
  startLine?: number | null;
  startSide?: 'LEFT' | 'RIGHT' | null;
  commitId?: string | null;
}

export interface FakeReviewThread {
  /** GraphQL node id, e.g. `PRRT_kwDOAB`. */
  id: string;
  repo: string;
  pullNumber: number;
  path: string;
  line: number | null;
  isResolved: boolean;
  resolvedBy: string | null;
  comments: FakeReviewComment[];
}

export interface FakeState {
  users: FakeUser[];
  repos: FakeRepo[];
  issues: FakeIssue[];
  pulls: FakePull[];
  comments: FakeComment[];
  reactions: FakeReaction[];
  reviews: FakeReview[];
  reviewThreads: FakeReviewThread[];
  /**
   * Pushes to these repositories (by `owner/name`) are refused with 403 and this message (e.g. a protected
   * branch). Besides, a push to a fork is allowed only with write permission on it, or for a user (not Bot)
   * token through an open PR from it with `maintainerCanModify` (installation tokens cannot push to forks).
   */
  forkPushDenied: Record<string, string>;
  /** Collaborator permission by `owner/name` then login (repository owners are admins implicitly). */
  permissions: Record<string, Record<string, Permission>>;
}

export function emptyState(): FakeState {
  return {
    users: [],
    repos: [],
    issues: [],
    pulls: [],
    comments: [],
    reactions: [],
    reviews: [],
    reviewThreads: [],
    forkPushDenied: {},
    permissions: {},
  };
}

/** GitHub-looking node ids: a type prefix and an encoded number. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`fake:${id}`).toString('base64url')}`;
}

/** Timestamps in GitHub's format (seconds, `Z`). */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
