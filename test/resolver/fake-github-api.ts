// A small in-test GitHubApi with the read calls resolve-issue makes; anything else fails loudly.
import { ResolverError } from '../../src/core/errors.js';
import type { CommentData, GitHubApi, IssueData } from '../../src/github/types.js';

export interface FakeGitHubApi extends GitHubApi {
  issues: Map<number, IssueData>;
  comments: Map<number, CommentData[]>;
  branches: Map<string, string>;
  calls: string[];
}

export function issueData(over: Partial<IssueData> & { number: number }): IssueData {
  return {
    title: 'Title',
    body: '',
    state: 'open',
    isPullRequest: false,
    htmlUrl: `http://127.0.0.1/octo/hello/issues/${over.number}`,
    author: 'alice',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    locked: false,
    ...over,
  };
}

export function commentData(over: Partial<CommentData> & { id: number; body: string }): CommentData {
  return {
    author: 'bob',
    authorType: 'User',
    createdAt: '2025-01-01T01:00:00Z',
    updatedAt: '2025-01-01T01:00:00Z',
    htmlUrl: `http://127.0.0.1/c/${over.id}`,
    ...over,
  };
}

export function createFakeGitHubApi(opts: { defaultBranch?: string } = {}): FakeGitHubApi {
  const issues = new Map<number, IssueData>();
  const comments = new Map<number, CommentData[]>();
  const branches = new Map<string, string>();
  const calls: string[] = [];
  const unused = (name: string) => async (): Promise<never> => {
    throw new Error(`fake GitHubApi: ${name} is not expected in resolve`);
  };
  return {
    issues,
    comments,
    branches,
    calls,
    urls: {
      apiUrl: 'http://127.0.0.1:1/api/v3',
      graphqlUrl: 'http://127.0.0.1:1/api/graphql',
      serverUrl: 'http://127.0.0.1:1',
    },
    async getRepo(r) {
      calls.push('getRepo');
      return {
        defaultBranch: opts.defaultBranch ?? 'main',
        fullName: `${r.owner}/${r.repo}`,
        private: false,
        htmlUrl: '',
      };
    },
    async getBranch(_r, name) {
      calls.push(`getBranch ${name}`);
      const sha = branches.get(name);
      return sha ? { name, sha } : null;
    },
    async getIssue(_r, n) {
      calls.push(`getIssue ${n}`);
      const i = issues.get(n);
      if (!i) throw new ResolverError('not-found', 'Not Found');
      return i;
    },
    async listIssueComments(_r, n) {
      calls.push(`listIssueComments ${n}`);
      return comments.get(n) ?? [];
    },
    createComment: unused('createComment'),
    updateComment: unused('updateComment'),
    addReaction: unused('addReaction'),
    getPull: unused('getPull'),
    getPullReviewData: unused('getPullReviewData'),
    findOpenPulls: unused('findOpenPulls'),
    createPull: unused('createPull'),
    updatePull: unused('updatePull'),
    requestReviewers: unused('requestReviewers'),
    getPermission: unused('getPermission'),
    replyToReviewThread: unused('replyToReviewThread'),
    resolveReviewThread: unused('resolveReviewThread'),
    listPullFiles: unused('listPullFiles'),
    createReview: unused('createReview'),
    getAuthenticatedLogin: unused('getAuthenticatedLogin'),
  };
}
