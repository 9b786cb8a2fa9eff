// The GitHub seam: everything the resolver, send and the action need from GitHub, as plain data.
// Implemented over Octokit in src/github/ (createGitHubApi); tests use the fake GitHub server.

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface GitHubUrls {
  /** REST base, e.g. https://api.github.com or http://127.0.0.1:PORT/api/v3 */
  apiUrl: string;
  /** GraphQL endpoint, e.g. https://api.github.com/graphql */
  graphqlUrl: string;
  /** Web and git base, e.g. https://github.com */
  serverUrl: string;
}

export interface IssueData {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  isPullRequest: boolean;
  htmlUrl: string;
  author: string | null;
  createdAt: string;
  updatedAt: string;
  locked: boolean;
}

export interface CommentData {
  id: number;
  body: string;
  author: string | null;
  authorType: string | null;
  createdAt: string;
  updatedAt: string;
  htmlUrl: string;
}

export interface PullData {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  draft: boolean;
  htmlUrl: string;
  headRef: string;
  headSha: string;
  headRepoFullName: string | null;
  baseRef: string;
  baseSha: string;
  author: string | null;
  /** `maintainer_can_modify`: the fork's author lets the base repository's maintainers push to the head branch. */
  maintainerCanModify?: boolean;
  /** Owner and name of the repository holding the head branch (null when it was deleted). */
  headRepo?: RepoRef | null;
  /** The head repository's clone URL, as GitHub reports it. */
  headCloneUrl?: string | null;
}

/** One file of a PR's diff (`GET /pulls/{n}/files`). */
export interface PullFileData {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** The unified diff of the file; absent for binary files and very large diffs. */
  patch: string | null;
  previousFilename: string | null;
}

/** One comment of a review (`POST /pulls/{n}/reviews` `comments[]`); `line`/`start_line` on `side`. */
export interface ReviewCommentInput {
  path: string;
  body: string;
  line: number;
  side: 'LEFT' | 'RIGHT';
  startLine?: number;
  startSide?: 'LEFT' | 'RIGHT';
}

export interface ReviewThreadData {
  id: string;
  isResolved: boolean;
  comments: {
    body: string;
    path: string | null;
    fullDatabaseId: string;
    author: string | null;
    createdAt: string;
    lastEditedAt: string | null;
  }[];
}

export interface PullReviewData {
  closingIssues: { number: number; body: string }[];
  reviews: {
    body: string;
    state: string;
    fullDatabaseId: string;
    author: string | null;
    submittedAt: string | null;
    lastEditedAt: string | null;
  }[];
  threads: ReviewThreadData[];
}

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface GitHubApi {
  readonly urls: GitHubUrls;
  getRepo(r: RepoRef): Promise<{ defaultBranch: string; fullName: string; private: boolean; htmlUrl: string }>;
  /** null when the branch does not exist (404). */
  getBranch(r: RepoRef, branch: string): Promise<{ name: string; sha: string } | null>;
  /** Throws ResolverError code 'not-found' on 404/410. */
  getIssue(r: RepoRef, number: number): Promise<IssueData>;
  listIssueComments(r: RepoRef, number: number): Promise<CommentData[]>;
  createComment(r: RepoRef, number: number, body: string): Promise<CommentData>;
  updateComment(r: RepoRef, commentId: number, body: string): Promise<CommentData>;
  addReaction(
    r: RepoRef,
    target:
      | { kind: 'issue'; number: number }
      | { kind: 'issue_comment' | 'review_comment'; id: number }
      | { kind: 'review'; nodeId: string },
    content: 'eyes' | '+1' | 'rocket',
  ): Promise<void>;
  getPull(r: RepoRef, number: number): Promise<PullData>;
  getPullReviewData(r: RepoRef, number: number): Promise<PullReviewData>;
  /** Open PRs whose head is `owner:branch`. */
  findOpenPulls(r: RepoRef, head: string): Promise<PullData[]>;
  createPull(
    r: RepoRef,
    p: { title: string; body: string; head: string; base: string; draft: boolean },
  ): Promise<PullData>;
  updatePull(r: RepoRef, number: number, p: { title?: string; body?: string }): Promise<PullData>;
  requestReviewers(r: RepoRef, number: number, reviewers: string[]): Promise<void>;
  getPermission(r: RepoRef, login: string): Promise<Permission>;
  replyToReviewThread(threadId: string, body: string): Promise<void>;
  resolveReviewThread(threadId: string): Promise<void>;
  /** The files of a PR's diff, every page (capped at GitHub's 3000 files). */
  listPullFiles(r: RepoRef, number: number): Promise<PullFileData[]>;
  /** Creates a submitted review (`event` COMMENT) on `commitId` with line comments. */
  createReview(
    r: RepoRef,
    number: number,
    review: { body: string; commitId: string; comments: ReviewCommentInput[] },
  ): Promise<{ id: number; htmlUrl: string }>;
  /** The login the token acts as (GET /user), or null for an installation/workflow token. */
  getAuthenticatedLogin(): Promise<string | null>;
}
