// GitHubApi over Octokit: plain data in and out, errors as GitHubApiError (a ResolverError with the status).
import { ResolverError, type ErrorCode } from '../core/errors.js';
import type { Octokit } from './client.js';
import type {
  CommentData,
  GitHubApi,
  GitHubUrls,
  IssueData,
  Permission,
  PullData,
  PullFileData,
  PullReviewData,
  ReviewThreadData,
} from './types.js';

/** A failed GitHub call: `status` is the HTTP status (null for network and GraphQL errors). */
export class GitHubApiError extends ResolverError {
  readonly status: number | null;
  /** GitHub's own message (e.g. "A pull request already exists for o:b."), for callers that branch on 422s. */
  readonly detail: string;
  constructor(code: ErrorCode, message: string, status: number | null, detail: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'GitHubApiError';
    this.status = status;
    this.detail = detail;
  }
}

export const PAGINATION_CAPS = {
  /** Conversation comments read per issue (resolve uses the most recent 100 of them). */
  comments: 3000,
  /** Open PRs listed for one head. */
  pulls: 100,
  /** Review threads read per PR (resolver.md §6.2). */
  threads: 500,
  /** Reviews read per PR. */
  reviews: 100,
  /** Files of a PR's diff (GitHub lists at most 3000). */
  pullFiles: 3000,
};

interface OctokitErrorShape {
  status?: number;
  message?: string;
  response?: { data?: unknown };
}

function detailOf(err: unknown): string {
  const e = err as OctokitErrorShape;
  const data = e.response?.data;
  if (data && typeof data === 'object') {
    const d = data as { message?: unknown; errors?: unknown };
    const parts: string[] = [];
    if (typeof d.message === 'string') parts.push(d.message);
    if (Array.isArray(d.errors)) {
      for (const x of d.errors) {
        if (x && typeof x === 'object' && typeof (x as { message?: unknown }).message === 'string') {
          parts.push((x as { message: string }).message);
        }
      }
    }
    if (parts.length > 0) return parts.join(': ');
  }
  return e.message ?? String(err);
}

/** Maps an Octokit error to a GitHubApiError with a code callers can branch on. */
export function toGitHubError(err: unknown, what: string): GitHubApiError {
  if (err instanceof GitHubApiError) return err;
  const status =
    typeof (err as OctokitErrorShape).status === 'number' ? ((err as OctokitErrorShape).status ?? null) : null;
  const detail = detailOf(err);
  let code: ErrorCode = 'internal';
  let message = `${what} failed${status ? ` (HTTP ${status})` : ''}: ${detail}`;
  if (status === 401) {
    code = 'auth';
    message = `Token is invalid. ${what} was refused with HTTP 401: ${detail}`;
  } else if (status === 404 || status === 410) code = 'not-found';
  else if (status === 403) code = 'permission';
  return new GitHubApiError(code, message, status, detail, { cause: err });
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toGitHubError(err, what);
  }
}

type RestUser = { login: string; type?: string } | null | undefined;

interface RestComment {
  id: number;
  body?: string | null;
  user: RestUser;
  created_at: string;
  updated_at: string;
  html_url: string;
}

function commentData(c: RestComment): CommentData {
  return {
    id: c.id,
    body: c.body ?? '',
    author: c.user?.login ?? null,
    authorType: c.user?.type ?? null,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    htmlUrl: c.html_url,
  };
}

interface RestPull {
  number: number;
  title: string;
  body: string | null;
  state: string;
  draft?: boolean;
  html_url: string;
  head: {
    ref: string;
    sha: string;
    repo: { full_name: string; name?: string; owner?: { login: string } | null; clone_url?: string } | null;
  };
  base: { ref: string; sha: string };
  user: RestUser;
  maintainer_can_modify?: boolean;
}

function pullData(p: RestPull): PullData {
  return {
    number: p.number,
    title: p.title,
    body: p.body ?? '',
    state: p.state === 'open' ? 'open' : 'closed',
    draft: p.draft ?? false,
    htmlUrl: p.html_url,
    headRef: p.head.ref,
    headSha: p.head.sha,
    headRepoFullName: p.head.repo?.full_name ?? null,
    baseRef: p.base.ref,
    baseSha: p.base.sha,
    author: p.user?.login ?? null,
    maintainerCanModify: p.maintainer_can_modify === true,
    headRepo: headRepoOf(p.head.repo),
    headCloneUrl: p.head.repo?.clone_url ?? null,
  };
}

function headRepoOf(repo: RestPull['head']['repo']): { owner: string; repo: string } | null {
  if (!repo) return null;
  const [owner, name] = repo.full_name.split('/');
  const o = repo.owner?.login ?? owner;
  const n = repo.name ?? name;
  return o && n ? { owner: o, repo: n } : null;
}

const FILE_STATUSES = new Set<PullFileData['status']>([
  'added',
  'removed',
  'modified',
  'renamed',
  'copied',
  'changed',
  'unchanged',
]);

/** The review data query of resolver.md §6.2, paging review threads by cursor. */
export const REVIEW_DATA_QUERY = `query PullRequestReviewData($owner: String!, $repo: String!, $number: Int!, $threadsAfter: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      closingIssuesReferences(first: 10) { nodes { number body } }
      reviews(first: 100) {
        pageInfo { hasNextPage endCursor }
        nodes { body state fullDatabaseId author { login } submittedAt lastEditedAt }
      }
      reviewThreads(first: 100, after: $threadsAfter) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          isResolved
          comments(first: 100) { nodes { body path fullDatabaseId author { login } createdAt lastEditedAt } }
        }
      }
    }
  }
}`;

export const REPLY_TO_THREAD_MUTATION = `mutation AddPullRequestReviewThreadReply($threadId: ID!, $body: String!) {
  addPullRequestReviewThreadReply(input: { pullRequestReviewThreadId: $threadId, body: $body }) { comment { id } }
}`;

export const RESOLVE_THREAD_MUTATION = `mutation ResolveReviewThread($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } }
}`;

export const ADD_REACTION_MUTATION = `mutation AddReaction($subjectId: ID!, $content: ReactionContent!) {
  addReaction(input: { subjectId: $subjectId, content: $content }) { reaction { content } }
}`;

interface GqlPage<T> {
  pageInfo?: { hasNextPage: boolean; endCursor: string | null } | null;
  nodes?: (T | null)[] | null;
}
interface GqlReviewData {
  repository: {
    pullRequest: {
      closingIssuesReferences?: GqlPage<{ number: number; body: string | null }> | null;
      reviews?: GqlPage<{
        body: string | null;
        state: string;
        fullDatabaseId: string | number | null;
        author: { login: string } | null;
        submittedAt?: string | null;
        lastEditedAt?: string | null;
      }> | null;
      reviewThreads?: GqlPage<{
        id: string;
        isResolved?: boolean | null;
        comments?: GqlPage<{
          body: string | null;
          path: string | null;
          fullDatabaseId: string | number | null;
          author: { login: string } | null;
          createdAt?: string | null;
          lastEditedAt?: string | null;
        }> | null;
      }> | null;
    } | null;
  } | null;
}

const nodes = <T>(p: GqlPage<T> | null | undefined): T[] => (p?.nodes ?? []).filter((n): n is T => n !== null);

export function createGitHubApi(octokit: Octokit, urls: GitHubUrls): GitHubApi {
  async function graphql<T>(what: string, query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await call(what, () => octokit.request(`POST ${urls.graphqlUrl}`, { query, variables }));
    const data = res.data as { data?: T; errors?: { type?: string; message?: string }[] };
    if (data.errors && data.errors.length > 0) {
      const first = data.errors[0];
      const type = first?.type ?? '';
      const detail = data.errors.map((e) => e.message ?? 'error').join('; ');
      const code: ErrorCode = type === 'NOT_FOUND' ? 'not-found' : type === 'FORBIDDEN' ? 'permission' : 'internal';
      throw new GitHubApiError(code, `${what} failed: ${detail}`, null, detail);
    }
    if (data.data === undefined)
      throw new GitHubApiError('internal', `${what} failed: no data in the answer`, null, '');
    return data.data;
  }

  const api: GitHubApi = {
    urls,

    async getRepo(r) {
      const { data } = await call(`GET repository ${r.owner}/${r.repo}`, () =>
        octokit.rest.repos.get({ owner: r.owner, repo: r.repo }),
      );
      return {
        defaultBranch: data.default_branch,
        fullName: data.full_name,
        private: data.private,
        htmlUrl: data.html_url,
      };
    },

    async getBranch(r, branch) {
      try {
        const { data } = await octokit.rest.repos.getBranch({ ...r, branch });
        return { name: data.name, sha: data.commit.sha };
      } catch (err) {
        const e = toGitHubError(err, `GET branch ${branch} of ${r.owner}/${r.repo}`);
        if (e.status === 404) return null;
        throw e;
      }
    },

    async getIssue(r, number) {
      const { data } = await call(`GET issue #${number} of ${r.owner}/${r.repo}`, () =>
        octokit.rest.issues.get({ ...r, issue_number: number }),
      );
      const issue: IssueData = {
        number: data.number,
        title: data.title,
        body: data.body ?? '',
        state: data.state === 'open' ? 'open' : 'closed',
        isPullRequest: Boolean(data.pull_request),
        htmlUrl: data.html_url,
        author: data.user?.login ?? null,
        createdAt: data.created_at,
        updatedAt: data.updated_at,
        locked: data.locked,
      };
      return issue;
    },

    async listIssueComments(r, number) {
      return call(`GET comments of #${number} in ${r.owner}/${r.repo}`, async () => {
        const out: CommentData[] = [];
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
          ...r,
          issue_number: number,
          per_page: 100,
        })) {
          for (const c of page.data) out.push(commentData(c));
          if (out.length >= PAGINATION_CAPS.comments) break;
        }
        return out.slice(0, PAGINATION_CAPS.comments);
      });
    },

    async createComment(r, number, body) {
      const { data } = await call(`POST a comment on #${number}`, () =>
        octokit.rest.issues.createComment({ ...r, issue_number: number, body }),
      );
      return commentData(data);
    },

    async updateComment(r, commentId, body) {
      const { data } = await call(`PATCH comment ${commentId}`, () =>
        octokit.rest.issues.updateComment({ ...r, comment_id: commentId, body }),
      );
      return commentData(data);
    },

    async addReaction(r, reactionTarget, content) {
      const target = reactionTarget;
      const what = `add a ${content} reaction`;
      if (target.kind === 'issue') {
        await call(what, () => octokit.rest.reactions.createForIssue({ ...r, issue_number: target.number, content }));
      } else if (target.kind === 'issue_comment') {
        await call(what, () => octokit.rest.reactions.createForIssueComment({ ...r, comment_id: target.id, content }));
      } else if (target.kind === 'review_comment') {
        await call(what, () =>
          octokit.rest.reactions.createForPullRequestReviewComment({ ...r, comment_id: target.id, content }),
        );
      } else if (target.kind === 'review') {
        const gqlContent = content === 'eyes' ? 'EYES' : content === '+1' ? 'THUMBS_UP' : 'ROCKET';
        await graphql(what, ADD_REACTION_MUTATION, { subjectId: target.nodeId, content: gqlContent });
      }
    },

    async getPull(r, number) {
      const { data } = await call(`GET pull request #${number} of ${r.owner}/${r.repo}`, () =>
        octokit.rest.pulls.get({ ...r, pull_number: number }),
      );
      return pullData(data);
    },

    async getPullReviewData(r, number) {
      const out: PullReviewData = { closingIssues: [], reviews: [], threads: [] };
      let after: string | null = null;
      for (let page = 0; ; page++) {
        const data: GqlReviewData = await graphql<GqlReviewData>(
          `GraphQL review data of #${number}`,
          REVIEW_DATA_QUERY,
          {
            owner: r.owner,
            repo: r.repo,
            number,
            threadsAfter: after,
          },
        );
        const pr = data.repository?.pullRequest;
        if (!pr) {
          throw new GitHubApiError('not-found', `Pull request #${number} not found in ${r.owner}/${r.repo}`, null, '');
        }
        if (page === 0) {
          out.closingIssues = nodes(pr.closingIssuesReferences).map((n) => ({ number: n.number, body: n.body ?? '' }));
          out.reviews = nodes(pr.reviews)
            .slice(0, PAGINATION_CAPS.reviews)
            .map((n) => ({
              body: n.body ?? '',
              state: n.state,
              fullDatabaseId: n.fullDatabaseId === null ? '' : String(n.fullDatabaseId),
              author: n.author?.login ?? null,
              submittedAt: n.submittedAt ?? null,
              lastEditedAt: n.lastEditedAt ?? null,
            }));
        }
        for (const t of nodes(pr.reviewThreads)) {
          const thread: ReviewThreadData = {
            id: t.id,
            // A missing flag counts as resolved (resolver.md §6.2).
            isResolved: t.isResolved !== false,
            comments: nodes(t.comments).map((c) => ({
              body: c.body ?? '',
              path: c.path ?? null,
              fullDatabaseId: c.fullDatabaseId === null ? '' : String(c.fullDatabaseId),
              author: c.author?.login ?? null,
              createdAt: c.createdAt ?? '',
              lastEditedAt: c.lastEditedAt ?? null,
            })),
          };
          out.threads.push(thread);
        }
        const info = pr.reviewThreads?.pageInfo;
        if (!info?.hasNextPage || !info.endCursor || out.threads.length >= PAGINATION_CAPS.threads) break;
        after = info.endCursor;
      }
      out.threads = out.threads.slice(0, PAGINATION_CAPS.threads);
      return out;
    },

    async findOpenPulls(r, head) {
      return call(`list open pull requests for ${head}`, async () => {
        const out: PullData[] = [];
        for await (const page of octokit.paginate.iterator(octokit.rest.pulls.list, {
          ...r,
          state: 'open',
          head,
          per_page: 100,
        })) {
          for (const p of page.data) out.push(pullData(p));
          if (out.length >= PAGINATION_CAPS.pulls) break;
        }
        return out;
      });
    },

    async createPull(r, p) {
      const { data } = await call(`create a pull request from ${p.head}`, () =>
        octokit.rest.pulls.create({ ...r, title: p.title, body: p.body, head: p.head, base: p.base, draft: p.draft }),
      );
      return pullData(data);
    },

    async updatePull(r, number, p) {
      const { data } = await call(`update pull request #${number}`, () =>
        octokit.rest.pulls.update({ ...r, pull_number: number, ...p }),
      );
      return pullData(data);
    },

    async requestReviewers(r, number, reviewers) {
      const res = await call(`request reviewers on #${number}`, () =>
        octokit.rest.pulls.requestReviewers({ ...r, pull_number: number, reviewers }),
      );
      if (res.status !== 201) {
        throw new GitHubApiError('internal', `request reviewers on #${number}: HTTP ${res.status}`, res.status, '');
      }
    },

    async getPermission(r, login) {
      const { data } = await call(`GET the permission of ${login}`, () =>
        octokit.rest.repos.getCollaboratorPermissionLevel({ ...r, username: login }),
      );
      return permissionOf(data.permission, data.role_name);
    },

    async replyToReviewThread(threadId, body) {
      await graphql('reply to a review thread', REPLY_TO_THREAD_MUTATION, { threadId, body });
    },

    async resolveReviewThread(threadId) {
      await graphql('resolve a review thread', RESOLVE_THREAD_MUTATION, { threadId });
    },

    async listPullFiles(r, number) {
      return call(`list the files of pull request #${number}`, async () => {
        const out: PullFileData[] = [];
        for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listFiles, {
          ...r,
          pull_number: number,
          per_page: 100,
        })) {
          for (const f of page.data) {
            const status = FILE_STATUSES.has(f.status) ? f.status : 'changed';
            out.push({
              filename: f.filename,
              status,
              patch: typeof f.patch === 'string' ? f.patch : null,
              previousFilename: f.previous_filename ?? null,
            });
          }
          if (out.length >= PAGINATION_CAPS.pullFiles) break;
        }
        return out.slice(0, PAGINATION_CAPS.pullFiles);
      });
    },

    async createReview(r, number, review) {
      const { data } = await call(`create a review on pull request #${number}`, () =>
        octokit.rest.pulls.createReview({
          ...r,
          pull_number: number,
          commit_id: review.commitId,
          body: review.body,
          event: 'COMMENT',
          comments: review.comments.map((c) => ({
            path: c.path,
            body: c.body,
            line: c.line,
            side: c.side,
            ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: c.startSide ?? c.side } : {}),
          })),
        }),
      );
      return { id: data.id, htmlUrl: data.html_url };
    },

    async getAuthenticatedLogin() {
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
      } catch (err) {
        const e = toGitHubError(err, 'GET /user');
        // Installation and workflow tokens cannot read /user.
        if (e.status === 403 || e.status === 404) return null;
        throw e;
      }
    },
  };
  return api;
}

/** Legacy `permission` plus `role_name`: maintain and triage only show in the role. */
export function permissionOf(permission: string, roleName?: string | null): Permission {
  const role = (roleName ?? '').toLowerCase();
  if (permission === 'admin' || role === 'admin') return 'admin';
  if (role === 'maintain') return 'maintain';
  if (permission === 'write' || role === 'write') return 'write';
  if (role === 'triage') return 'triage';
  if (permission === 'read' || role === 'read') return 'read';
  return 'none';
}
