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
  /** The login the token acts as (GET /user), or null for an installation/workflow token. */
  getAuthenticatedLogin(): Promise<string | null>;
}
