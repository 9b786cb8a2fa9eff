// TEST DOUBLE: stands in for GitHub / the LLM in tests and the offline demo; not used by the product.
//
// The fake GitHub's domain model: the state plus the operations that change it (used by the REST and GraphQL
// handlers and by tests' setup helpers), and the builders of GitHub's JSON shapes.
import path from 'node:path';
import * as bare from './bare-repo.js';
import {
  emptyState,
  isoSeconds,
  nodeId,
  type FakeComment,
  type FakeIssue,
  type FakePull,
  type FakeReaction,
  type FakeRepo,
  type FakeReview,
  type FakeReviewComment,
  type FakeReviewThread,
  type FakeState,
  type FakeUser,
  type Permission,
  type ReactionContent,
  type ReactionSubject,
  type ReviewState,
  type UserType,
} from './state.js';

export interface AddRepoOptions {
  owner: string;
  repo: string;
  /** Files of the initial commit on the default branch (path → content). */
  files?: Record<string, string>;
  defaultBranch?: string;
  private?: boolean;
  description?: string | null;
  /** `owner/name` of the parent repository (makes this a fork). */
  forkOf?: string;
  /** Message of the initial commit. */
  message?: string;
}

export interface AddIssueOptions {
  owner: string;
  repo: string;
  title: string;
  body?: string | null;
  author?: string;
  labels?: string[];
  state?: 'open' | 'closed';
  locked?: boolean;
  createdAt?: string;
}

export interface AddPullOptions {
  owner: string;
  repo: string;
  title: string;
  body?: string | null;
  /** Head branch name; created from `files` on top of `base` unless it already exists and no files are given. */
  head: string;
  /** Base branch; defaults to the repository's default branch. */
  base?: string;
  /** Changes committed on the head branch (path → content, null deletes). */
  files?: Record<string, string | null>;
  /** Commit message for `files`. */
  message?: string;
  /** `owner/name` of the fork holding the head branch (must have been added with addRepo). */
  headRepo?: string;
  author?: string;
  draft?: boolean;
  state?: 'open' | 'closed';
  /** Issue numbers the PR closes (GraphQL closingIssuesReferences). */
  closingIssues?: number[];
  labels?: string[];
  createdAt?: string;
  /** `maintainer_can_modify` of a fork PR (default false). */
  maintainerCanModify?: boolean;
}

export interface AddCommentOptions {
  owner: string;
  repo: string;
  /** Issue or pull request number. */
  issue: number;
  body: string;
  author?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface AddReviewOptions {
  owner: string;
  repo: string;
  pull: number;
  body: string;
  state?: ReviewState;
  author?: string;
  submittedAt?: string;
  lastEditedAt?: string | null;
}

export interface AddReviewThreadOptions {
  owner: string;
  repo: string;
  pull: number;
  path: string;
  line?: number | null;
  isResolved?: boolean;
  /** Review the first comment belongs to (optional). */
  reviewId?: number;
  comments: { body: string; author?: string; createdAt?: string; lastEditedAt?: string | null }[];
}

export interface Urls {
  /** `http://127.0.0.1:PORT/api/v3` */
  api: string;
  /** `http://127.0.0.1:PORT` */
  web: string;
}

/** A thrown HTTP answer from the model (404, 422...). */
export class HttpProblem extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

const DOCS = 'https://docs.github.com/rest';
export const BODY_LIMIT = 65536;

export function notFound(message = 'Not Found'): HttpProblem {
  return new HttpProblem(404, { message, documentation_url: DOCS, status: '404' });
}

export function validationFailed(
  errors: { resource: string; code: string; field?: string; message?: string }[],
  message = 'Validation Failed',
): HttpProblem {
  return new HttpProblem(422, { message, errors, documentation_url: DOCS, status: '422' });
}

export function bodyTooLong(resource: string): HttpProblem {
  return validationFailed([
    { resource, code: 'custom', field: 'body', message: `Body is too long (maximum is ${BODY_LIMIT} characters)` },
  ]);
}

export class FakeModel {
  readonly state: FakeState = emptyState();
  readonly urls: Urls;
  readonly reposRoot: string;
  /** The identity the token acts as (author of everything the product creates). */
  readonly actor: FakeUser;
  private readonly clock: () => Date;
  private nextId = 1000;
  private readonly numbers = new Map<string, number>();
  /** Every object with a node id, for GraphQL `node`/`addReaction` subjects. */
  readonly nodes = new Map<string, { type: string; ref: unknown }>();

  constructor(opts: { urls: Urls; reposRoot: string; actor: { login: string; type?: UserType }; clock: () => Date }) {
    this.urls = opts.urls;
    this.reposRoot = opts.reposRoot;
    this.clock = opts.clock;
    this.actor = this.user(opts.actor.login, opts.actor.type ?? (opts.actor.login.endsWith('[bot]') ? 'Bot' : 'User'));
  }

  now(): string {
    return isoSeconds(this.clock());
  }

  private id(): number {
    return this.nextId++;
  }

  // ---- users & permissions ------------------------------------------------------------------------------------

  /** The user with this login, created on first use. */
  user(login: string, type?: UserType): FakeUser {
    const found = this.findUser(login);
    if (found) {
      if (type) found.type = type;
      return found;
    }
    const id = this.id();
    const u: FakeUser = {
      login,
      id,
      nodeId: nodeId(type === 'Bot' ? 'BOT' : 'U', id),
      type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
      name: null,
      email: null,
    };
    this.state.users.push(u);
    this.nodes.set(u.nodeId, { type: 'User', ref: u });
    return u;
  }

  findUser(login: string): FakeUser | undefined {
    return this.state.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
  }

  setPermission(owner: string, repo: string, login: string, permission: Permission): void {
    const r = this.repo(owner, repo);
    this.user(login);
    (this.state.permissions[r.fullName] ??= {})[login.toLowerCase()] = permission;
  }

  /** The role of a user on a repository: explicit, else admin for the owner, else read (public) / none. */
  permission(r: FakeRepo, login: string): Permission {
    const explicit = this.state.permissions[r.fullName]?.[login.toLowerCase()];
    if (explicit) return explicit;
    if (login.toLowerCase() === r.owner.toLowerCase()) return 'admin';
    return r.private ? 'none' : 'read';
  }

  authorAssociation(r: FakeRepo, login: string): string {
    if (login.toLowerCase() === r.owner.toLowerCase()) return 'OWNER';
    const explicit = this.state.permissions[r.fullName]?.[login.toLowerCase()];
    if (explicit && explicit !== 'none') return 'COLLABORATOR';
    return 'NONE';
  }

  // ---- repositories -------------------------------------------------------------------------------------------

  findRepo(owner: string, repo: string): FakeRepo | undefined {
    const full = `${owner}/${repo}`.toLowerCase();
    return this.state.repos.find((r) => r.fullName.toLowerCase() === full);
  }

  repo(owner: string, repo: string): FakeRepo {
    const r = this.findRepo(owner, repo);
    if (!r) throw notFound();
    return r;
  }

  repoByFullName(fullName: string): FakeRepo {
    const [owner = '', name = ''] = fullName.split('/');
    return this.repo(owner, name);
  }

  async addRepo(opts: AddRepoOptions): Promise<FakeRepo> {
    if (this.findRepo(opts.owner, opts.repo)) throw new Error(`fake GitHub: ${opts.owner}/${opts.repo} already exists`);
    if (!/^[A-Za-z0-9_.-]+$/.test(opts.owner) || !/^[A-Za-z0-9_.-]+$/.test(opts.repo)) {
      throw new Error(`fake GitHub: invalid repository name ${opts.owner}/${opts.repo}`);
    }
    const defaultBranch = opts.defaultBranch ?? 'main';
    const dir = path.join(this.reposRoot, opts.owner, `${opts.repo}.git`);
    await bare.initBareRepo(dir, defaultBranch);
    const owner = this.user(opts.owner);
    const files = opts.files ?? { 'README.md': `# ${opts.repo}\n` };
    if (opts.forkOf) {
      const parent = this.repoByFullName(opts.forkOf);
      await bare.setRef(
        dir,
        `refs/heads/${defaultBranch}`,
        (await bare.resolveRef(parent.dir, parent.defaultBranch)) ?? '',
        parent.dir,
      );
    } else {
      await bare.commitFiles(dir, {
        branch: defaultBranch,
        parent: null,
        files,
        message: opts.message ?? 'Initial commit',
        author: { name: owner.login, email: `${owner.login}@users.noreply.example` },
      });
    }
    const id = this.id();
    const r: FakeRepo = {
      owner: opts.owner,
      name: opts.repo,
      fullName: `${opts.owner}/${opts.repo}`,
      id,
      nodeId: nodeId('R', id),
      defaultBranch,
      private: opts.private ?? false,
      description: opts.description ?? null,
      dir,
      forkOf: opts.forkOf ?? null,
      createdAt: this.now(),
      archived: false,
    };
    this.state.repos.push(r);
    this.nodes.set(r.nodeId, { type: 'Repository', ref: r });
    return r;
  }

  async branchExists(r: FakeRepo, name: string): Promise<boolean> {
    return (await bare.resolveRef(r.dir, `refs/heads/${name}`)) !== null;
  }

  // ---- issues & pull requests ---------------------------------------------------------------------------------

  private nextNumber(r: FakeRepo): number {
    const n = (this.numbers.get(r.fullName) ?? 0) + 1;
    this.numbers.set(r.fullName, n);
    return n;
  }

  /** An issue or pull request by number (pull requests are issues too). */
  findItem(r: FakeRepo, number: number): FakeIssue | FakePull | undefined {
    return (
      this.state.issues.find((i) => i.repo === r.fullName && i.number === number) ??
      this.state.pulls.find((p) => p.repo === r.fullName && p.number === number)
    );
  }

  item(r: FakeRepo, number: number): FakeIssue | FakePull {
    const it = this.findItem(r, number);
    if (!it) throw notFound();
    if (it.deleted)
      throw new HttpProblem(410, { message: 'This issue was deleted', documentation_url: DOCS, status: '410' });
    return it;
  }

  pull(r: FakeRepo, number: number): FakePull {
    const p = this.state.pulls.find((x) => x.repo === r.fullName && x.number === number);
    if (!p) throw notFound();
    return p;
  }

  addIssue(opts: AddIssueOptions): FakeIssue {
    const r = this.repo(opts.owner, opts.repo);
    const author = this.user(opts.author ?? 'octocat').login;
    for (const l of opts.labels ?? []) if (!l) throw new Error('fake GitHub: empty label');
    const id = this.id();
    const created = opts.createdAt ?? this.now();
    const issue: FakeIssue = {
      kind: 'issue',
      repo: r.fullName,
      number: this.nextNumber(r),
      id,
      nodeId: nodeId('I', id),
      title: opts.title,
      body: opts.body === undefined ? '' : opts.body,
      state: opts.state ?? 'open',
      locked: opts.locked ?? false,
      author,
      labels: [...(opts.labels ?? [])],
      assignees: [],
      createdAt: created,
      updatedAt: created,
      closedAt: opts.state === 'closed' ? created : null,
      deleted: false,
    };
    this.state.issues.push(issue);
    this.nodes.set(issue.nodeId, { type: 'Issue', ref: issue });
    return issue;
  }

  /** Resolves `head` as the REST API accepts it (`branch` or `owner:branch`) to a repository and branch. */
  private resolveHead(base: FakeRepo, head: string): { repo: FakeRepo; branch: string } {
    const colon = head.indexOf(':');
    if (colon === -1) return { repo: base, branch: head };
    const owner = head.slice(0, colon);
    const branch = head.slice(colon + 1);
    if (owner.toLowerCase() === base.owner.toLowerCase()) return { repo: base, branch };
    const fork = this.state.repos.find(
      (x) => x.owner.toLowerCase() === owner.toLowerCase() && x.forkOf?.toLowerCase() === base.fullName.toLowerCase(),
    );
    if (!fork) throw validationFailed([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    return { repo: fork, branch };
  }

  async addPull(opts: AddPullOptions): Promise<FakePull> {
    const r = this.repo(opts.owner, opts.repo);
    const headRepo = opts.headRepo ? this.repoByFullName(opts.headRepo) : r;
    const baseRef = opts.base ?? r.defaultBranch;
    const author = this.user(opts.author ?? 'octocat').login;
    const existing = await bare.resolveRef(headRepo.dir, opts.head);
    if (opts.files || !existing) {
      let parent = existing ? `refs/heads/${opts.head}` : null;
      if (!parent) {
        const baseSha = await bare.resolveRef(r.dir, baseRef);
        if (!baseSha) throw new Error(`fake GitHub: base branch ${baseRef} does not exist in ${r.fullName}`);
        if (headRepo !== r) await bare.setRef(headRepo.dir, `refs/heads/${opts.head}`, baseSha, r.dir);
        parent = baseSha;
      }
      await bare.commitFiles(headRepo.dir, {
        branch: opts.head,
        parent,
        files: opts.files ?? { [`${opts.head.replace(/[^A-Za-z0-9]+/g, '-')}.txt`]: `${opts.title}\n` },
        message: opts.message ?? opts.title,
        author: { name: author, email: `${author}@users.noreply.example` },
      });
    }
    return this.createPull(r, {
      title: opts.title,
      body: opts.body === undefined ? '' : opts.body,
      headRepo,
      headRef: opts.head,
      baseRef,
      draft: opts.draft ?? false,
      author,
      state: opts.state ?? 'open',
      closingIssues: opts.closingIssues ?? [],
      labels: opts.labels ?? [],
      ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
      maintainerCanModify: opts.maintainerCanModify ?? false,
    });
  }

  private async createPull(
    r: FakeRepo,
    p: {
      title: string;
      body: string | null;
      headRepo: FakeRepo;
      headRef: string;
      baseRef: string;
      draft: boolean;
      author: string;
      state: 'open' | 'closed';
      closingIssues: number[];
      labels: string[];
      createdAt?: string;
      maintainerCanModify?: boolean;
    },
  ): Promise<FakePull> {
    const headSha = await bare.resolveRef(p.headRepo.dir, p.headRef);
    if (!headSha) throw new Error(`fake GitHub: head branch ${p.headRef} does not exist`);
    const id = this.id();
    const created = p.createdAt ?? this.now();
    const pull: FakePull = {
      kind: 'pull',
      repo: r.fullName,
      number: this.nextNumber(r),
      id,
      nodeId: nodeId('PR', id),
      title: p.title,
      body: p.body,
      state: p.state,
      locked: false,
      author: p.author,
      labels: [...p.labels],
      assignees: [],
      createdAt: created,
      updatedAt: created,
      closedAt: p.state === 'closed' ? created : null,
      deleted: false,
      draft: p.draft,
      headRef: p.headRef,
      headRepo: p.headRepo.fullName,
      headSha,
      baseRef: p.baseRef,
      requestedReviewers: [],
      closingIssues: [...p.closingIssues],
      merged: false,
      maintainerCanModify: p.maintainerCanModify ?? false,
    };
    // GitHub keeps every PR's head under refs/pull/N/head of the base repository.
    await bare.setRef(r.dir, `refs/pull/${pull.number}/head`, headSha, p.headRepo.dir);
    this.state.pulls.push(pull);
    this.nodes.set(pull.nodeId, { type: 'PullRequest', ref: pull });
    return pull;
  }

  /** POST /pulls semantics: the head branch must exist, differ from base, and have no open PR yet. */
  async openPull(
    r: FakeRepo,
    req: {
      title: string;
      body: string | null;
      head: string;
      base: string;
      draft: boolean;
      maintainerCanModify: boolean;
    },
  ): Promise<FakePull> {
    if ((req.body ?? '').length > BODY_LIMIT) throw bodyTooLong('PullRequest');
    const head = this.resolveHead(r, req.head);
    const headSha = await bare.resolveRef(head.repo.dir, `refs/heads/${head.branch}`);
    if (!headSha) throw validationFailed([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    const baseSha = await bare.resolveRef(r.dir, `refs/heads/${req.base}`);
    if (!baseSha) throw validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    const dup = this.state.pulls.find(
      (p) =>
        p.repo === r.fullName &&
        p.state === 'open' &&
        p.headRepo === head.repo.fullName &&
        p.headRef === head.branch &&
        p.baseRef === req.base,
    );
    if (dup) {
      throw validationFailed([
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${head.repo.owner}:${head.branch}.`,
        },
      ]);
    }
    if (head.repo !== r) await bare.setRef(r.dir, `refs/fake-compare/${head.branch}`, headSha, head.repo.dir);
    const ahead = await bare.diffStats(r.dir, baseSha, headSha);
    if (head.repo !== r) await bare.deleteRef(r.dir, `refs/fake-compare/${head.branch}`);
    if (ahead.commits === 0) {
      throw validationFailed([
        { resource: 'PullRequest', code: 'custom', message: `No commits between ${req.base} and ${head.branch}` },
      ]);
    }
    return this.createPull(r, {
      title: req.title,
      body: req.body,
      headRepo: head.repo,
      headRef: head.branch,
      baseRef: req.base,
      draft: req.draft,
      author: this.actor.login,
      state: 'open',
      closingIssues: this.closingRefs(r, req.body ?? ''),
      labels: [],
      maintainerCanModify: req.maintainerCanModify,
    });
  }

  /** Issue numbers a PR body closes with GitHub's keywords (`fixes #N`, `closes #N`, `resolves #N`). */
  closingRefs(r: FakeRepo, body: string): number[] {
    const out: number[] = [];
    for (const m of body.matchAll(/\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+#(\d+)\b/gi)) {
      const n = Number(m[1]);
      const it = this.findItem(r, n);
      if (it?.kind === 'issue' && !out.includes(n)) out.push(n);
    }
    return out;
  }

  /** Re-reads a PR's head sha from its repository (a push moves it) and keeps refs/pull/N/head in step. */
  async refreshPull(p: FakePull): Promise<void> {
    const r = this.repoByFullName(p.repo);
    const headRepo = this.findRepo(...(p.headRepo.split('/') as [string, string])) ?? r;
    const sha = await bare.resolveRef(headRepo.dir, `refs/heads/${p.headRef}`);
    if (sha && sha !== p.headSha) {
      p.headSha = sha;
      await bare.setRef(r.dir, `refs/pull/${p.number}/head`, sha, headRepo.dir);
    }
  }

  /**
   * Why a push to this repository is refused (GitHub's 403 message), or null: explicit denials, then forks
   * without write permission unless a user token pushes through an open PR with `maintainerCanModify`.
   */
  pushDenied(r: FakeRepo): string | null {
    const denied = this.state.forkPushDenied[r.fullName];
    if (denied !== undefined) return denied;
    if (r.forkOf === null) return null;
    const role = this.permission(r, this.actor.login);
    if (role === 'admin' || role === 'maintain' || role === 'write') return null;
    const viaPull = this.state.pulls.some(
      (p) => p.state === 'open' && p.headRepo === r.fullName && p.maintainerCanModify && p.repo !== r.fullName,
    );
    if (viaPull && this.actor.type !== 'Bot') return null;
    return `Permission to ${r.fullName}.git denied to ${this.actor.login}.`;
  }

  /** The files of a PR's diff (`base...head`, renames detected), as `GET /pulls/{n}/files` lists them. */
  async pullFiles(p: FakePull): Promise<PullFile[]> {
    await this.refreshPull(p);
    const r = this.repoByFullName(p.repo);
    const baseSha = await bare.resolveRef(r.dir, `refs/heads/${p.baseRef}`);
    if (!baseSha) return [];
    const text = await bare.diffText(r.dir, baseSha, `refs/pull/${p.number}/head`, ['-M', '--full-index']);
    return parsePullFiles(text);
  }

  /** POST /pulls/{n}/reviews: a submitted review whose line comments must lie in the PR's diff hunks. */
  async submitReview(
    r: FakeRepo,
    p: FakePull,
    req: { body: string; event: string; commitId: string | null; comments: ReviewCommentRequest[] },
  ): Promise<FakeReview> {
    if (req.body.length > BODY_LIMIT) throw bodyTooLong('PullRequestReview');
    if (req.event !== 'COMMENT' && req.event !== 'APPROVE' && req.event !== 'REQUEST_CHANGES') {
      throw validationFailed([{ resource: 'PullRequestReview', code: 'invalid', field: 'event' }]);
    }
    if ((req.event === 'COMMENT' || req.event === 'REQUEST_CHANGES') && req.body === '' && req.comments.length === 0) {
      throw unprocessable('Review Comment is missing a body.');
    }
    await this.refreshPull(p);
    const commitId = req.commitId ?? p.headSha;
    if (!(await bare.isAncestor(r.dir, commitId, `refs/pull/${p.number}/head`))) {
      throw unprocessable('Pull request review commit_id is not part of the pull request.');
    }
    const files = await this.pullFiles(p);
    for (const c of req.comments) {
      if (c.body.length > BODY_LIMIT) throw bodyTooLong('PullRequestReviewComment');
      const file = files.find((f) => f.filename === c.path);
      if (!file) throw unprocessable('Path could not be resolved');
      if (c.line === undefined) throw unprocessable('Position or line is required');
      const side = c.side ?? 'RIGHT';
      const hunk = hunkOf(file, side, c.line);
      if (!hunk) throw unprocessable('Pull request review thread line must be part of the diff');
      if (c.startLine !== undefined) {
        const startSide = c.startSide ?? side;
        if (c.startLine >= c.line && startSide === side) throw unprocessable('start_line must precede line');
        if (hunkOf(file, startSide, c.startLine) !== hunk) {
          throw unprocessable('Pull request review thread start line must be part of the same hunk as the line.');
        }
      }
    }
    const id = this.id();
    const review: FakeReview = {
      id,
      nodeId: nodeId('PRR', id),
      repo: r.fullName,
      pullNumber: p.number,
      body: req.body,
      state: req.event === 'APPROVE' ? 'APPROVED' : req.event === 'REQUEST_CHANGES' ? 'CHANGES_REQUESTED' : 'COMMENTED',
      author: this.actor.login,
      submittedAt: this.now(),
      lastEditedAt: null,
      commitId,
    };
    this.state.reviews.push(review);
    this.nodes.set(review.nodeId, { type: 'PullRequestReview', ref: review });
    for (const c of req.comments) {
      const threadNum = this.id();
      const thread: FakeReviewThread = {
        id: nodeId('PRRT', threadNum),
        repo: r.fullName,
        pullNumber: p.number,
        path: c.path,
        line: c.line ?? null,
        isResolved: false,
        resolvedBy: null,
        comments: [],
      };
      this.state.reviewThreads.push(thread);
      this.nodes.set(thread.id, { type: 'PullRequestReviewThread', ref: thread });
      const comment = this.replyToThread(thread, c.body, this.actor.login, { reviewId: review.id });
      comment.side = c.side ?? 'RIGHT';
      comment.startLine = c.startLine ?? null;
      comment.startSide = c.startLine === undefined ? null : (c.startSide ?? comment.side);
      comment.commitId = commitId;
    }
    p.updatedAt = this.now();
    return review;
  }

  reviewJson(review: FakeReview): Record<string, unknown> {
    const r = this.repoByFullName(review.repo);
    const html = `${this.urls.web}/${r.fullName}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
    const pullUrl = `${this.urls.api}/repos/${r.fullName}/pulls/${review.pullNumber}`;
    const p = this.pull(r, review.pullNumber);
    return {
      id: review.id,
      node_id: review.nodeId,
      user: this.userJson(review.author),
      body: review.body,
      state: review.state,
      html_url: html,
      pull_request_url: pullUrl,
      _links: { html: { href: html }, pull_request: { href: pullUrl } },
      submitted_at: review.submittedAt ?? undefined,
      commit_id: review.commitId ?? p.headSha,
      author_association: this.authorAssociation(r, review.author),
    };
  }

  diffEntryJson(r: FakeRepo, p: FakePull, f: PullFile): Record<string, unknown> {
    const web = `${this.urls.web}/${r.fullName}`;
    return {
      sha: f.sha,
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.additions + f.deletions,
      blob_url: `${web}/blob/${p.headSha}/${f.filename}`,
      raw_url: `${web}/raw/${p.headSha}/${f.filename}`,
      contents_url: `${this.urls.api}/repos/${r.fullName}/contents/${f.filename}?ref=${p.headSha}`,
      ...(f.patch !== null ? { patch: f.patch } : {}),
      ...(f.previousFilename !== null ? { previous_filename: f.previousFilename } : {}),
    };
  }

  // ---- comments, reactions, reviews ---------------------------------------------------------------------------

  addComment(opts: AddCommentOptions): FakeComment {
    const r = this.repo(opts.owner, opts.repo);
    const it = this.item(r, opts.issue);
    return this.createComment(
      r,
      it,
      opts.body,
      this.user(opts.author ?? 'octocat').login,
      opts.createdAt,
      opts.updatedAt,
    );
  }

  createComment(
    r: FakeRepo,
    it: FakeIssue | FakePull,
    body: string,
    author: string,
    createdAt?: string,
    updatedAt?: string,
  ): FakeComment {
    const id = this.id();
    const created = createdAt ?? this.now();
    const c: FakeComment = {
      id,
      nodeId: nodeId('IC', id),
      repo: r.fullName,
      issueNumber: it.number,
      body,
      author,
      createdAt: created,
      updatedAt: updatedAt ?? created,
    };
    this.state.comments.push(c);
    this.nodes.set(c.nodeId, { type: 'IssueComment', ref: c });
    it.updatedAt = this.now();
    return c;
  }

  comment(r: FakeRepo, id: number): FakeComment {
    const c = this.state.comments.find((x) => x.repo === r.fullName && x.id === id);
    if (!c) throw notFound();
    return c;
  }

  addReaction(
    subject: ReactionSubject,
    content: ReactionContent,
    user: string,
  ): { reaction: FakeReaction; created: boolean } {
    const same = this.state.reactions.find(
      (x) => x.user === user && x.content === content && JSON.stringify(x.subject) === JSON.stringify(subject),
    );
    if (same) return { reaction: same, created: false };
    const id = this.id();
    const reaction: FakeReaction = { id, nodeId: nodeId('REA', id), subject, content, user, createdAt: this.now() };
    this.state.reactions.push(reaction);
    return { reaction, created: true };
  }

  addReview(opts: AddReviewOptions): FakeReview {
    const r = this.repo(opts.owner, opts.repo);
    const p = this.pull(r, opts.pull);
    const id = this.id();
    const review: FakeReview = {
      id,
      nodeId: nodeId('PRR', id),
      repo: r.fullName,
      pullNumber: p.number,
      body: opts.body,
      state: opts.state ?? 'COMMENTED',
      author: this.user(opts.author ?? 'octocat').login,
      submittedAt: opts.submittedAt ?? this.now(),
      lastEditedAt: opts.lastEditedAt ?? null,
    };
    this.state.reviews.push(review);
    this.nodes.set(review.nodeId, { type: 'PullRequestReview', ref: review });
    return review;
  }

  addReviewThread(opts: AddReviewThreadOptions): FakeReviewThread {
    const r = this.repo(opts.owner, opts.repo);
    const p = this.pull(r, opts.pull);
    if (opts.comments.length === 0) throw new Error('fake GitHub: a review thread needs at least one comment');
    const threadNum = this.id();
    const thread: FakeReviewThread = {
      id: nodeId('PRRT', threadNum),
      repo: r.fullName,
      pullNumber: p.number,
      path: opts.path,
      line: opts.line ?? null,
      isResolved: opts.isResolved ?? false,
      resolvedBy: null,
      comments: [],
    };
    this.state.reviewThreads.push(thread);
    this.nodes.set(thread.id, { type: 'PullRequestReviewThread', ref: thread });
    opts.comments.forEach((c, i) =>
      this.replyToThread(thread, c.body, this.user(c.author ?? 'octocat').login, {
        reviewId: i === 0 ? (opts.reviewId ?? null) : null,
        ...(c.createdAt ? { createdAt: c.createdAt } : {}),
        lastEditedAt: c.lastEditedAt ?? null,
      }),
    );
    return thread;
  }

  replyToThread(
    thread: FakeReviewThread,
    body: string,
    author: string,
    extra: { reviewId?: number | null; createdAt?: string; lastEditedAt?: string | null } = {},
  ): FakeReviewComment {
    const id = this.id();
    const created = extra.createdAt ?? this.now();
    const c: FakeReviewComment = {
      id,
      nodeId: nodeId('PRRC', id),
      threadId: thread.id,
      reviewId: extra.reviewId ?? null,
      body,
      path: thread.path,
      line: thread.line,
      author,
      createdAt: created,
      updatedAt: extra.lastEditedAt ?? created,
      lastEditedAt: extra.lastEditedAt ?? null,
      inReplyTo: thread.comments[0]?.id ?? null,
    };
    thread.comments.push(c);
    this.nodes.set(c.nodeId, { type: 'PullRequestReviewComment', ref: c });
    return c;
  }

  reviewComment(r: FakeRepo, id: number): { thread: FakeReviewThread; comment: FakeReviewComment } {
    for (const thread of this.state.reviewThreads) {
      if (thread.repo !== r.fullName) continue;
      const comment = thread.comments.find((c) => c.id === id);
      if (comment) return { thread, comment };
    }
    throw notFound();
  }

  // ---- JSON shapes (GitHub REST v3) ---------------------------------------------------------------------------

  userJson(login: string): Record<string, unknown> {
    const u = this.user(login);
    const api = `${this.urls.api}/users/${encodeURIComponent(u.login)}`;
    return {
      login: u.login,
      id: u.id,
      node_id: u.nodeId,
      avatar_url: `${this.urls.web}/avatars/${encodeURIComponent(u.login)}`,
      gravatar_id: '',
      url: api,
      html_url:
        u.type === 'Bot'
          ? `${this.urls.web}/apps/${encodeURIComponent(u.login.replace(/\[bot\]$/, ''))}`
          : `${this.urls.web}/${encodeURIComponent(u.login)}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: u.type,
      user_view_type: 'public',
      site_admin: false,
    };
  }

  privateUserJson(login: string): Record<string, unknown> {
    const u = this.user(login);
    return {
      ...this.userJson(login),
      name: u.name,
      company: null,
      blog: '',
      location: null,
      email: u.email,
      hireable: null,
      bio: null,
      twitter_username: null,
      public_repos: this.state.repos.filter((r) => r.owner === u.login && !r.private).length,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2020-01-01T00:00:00Z',
      private_gists: 0,
      total_private_repos: this.state.repos.filter((r) => r.owner === u.login && r.private).length,
      owned_private_repos: this.state.repos.filter((r) => r.owner === u.login && r.private).length,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: false,
    };
  }

  repoJson(r: FakeRepo): Record<string, unknown> {
    const api = `${this.urls.api}/repos/${r.fullName}`;
    const html = `${this.urls.web}/${r.fullName}`;
    const openIssues = [...this.state.issues, ...this.state.pulls].filter(
      (i) => i.repo === r.fullName && i.state === 'open' && !i.deleted,
    ).length;
    return {
      id: r.id,
      node_id: r.nodeId,
      name: r.name,
      full_name: r.fullName,
      private: r.private,
      owner: this.userJson(r.owner),
      html_url: html,
      description: r.description,
      fork: r.forkOf !== null,
      url: api,
      archive_url: `${api}/{archive_format}{/ref}`,
      assignees_url: `${api}/assignees{/user}`,
      blobs_url: `${api}/git/blobs{/sha}`,
      branches_url: `${api}/branches{/branch}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      comments_url: `${api}/comments{/number}`,
      commits_url: `${api}/commits{/sha}`,
      compare_url: `${api}/compare/{base}...{head}`,
      contents_url: `${api}/contents/{+path}`,
      contributors_url: `${api}/contributors`,
      deployments_url: `${api}/deployments`,
      downloads_url: `${api}/downloads`,
      events_url: `${api}/events`,
      forks_url: `${api}/forks`,
      git_commits_url: `${api}/git/commits{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_url: `${this.urls.web.replace(/^http/, 'git')}/${r.fullName}.git`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      issue_events_url: `${api}/issues/events{/number}`,
      issues_url: `${api}/issues{/number}`,
      keys_url: `${api}/keys{/key_id}`,
      labels_url: `${api}/labels{/name}`,
      languages_url: `${api}/languages`,
      merges_url: `${api}/merges`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      pulls_url: `${api}/pulls{/number}`,
      releases_url: `${api}/releases{/id}`,
      ssh_url: `git@127.0.0.1:${r.fullName}.git`,
      stargazers_url: `${api}/stargazers`,
      statuses_url: `${api}/statuses/{sha}`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      tags_url: `${api}/tags`,
      teams_url: `${api}/teams`,
      trees_url: `${api}/git/trees{/sha}`,
      clone_url: `${html}.git`,
      mirror_url: null,
      hooks_url: `${api}/hooks`,
      svn_url: html,
      homepage: null,
      language: null,
      forks_count: 0,
      forks: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 1,
      default_branch: r.defaultBranch,
      open_issues_count: openIssues,
      open_issues: openIssues,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: false,
      has_wiki: false,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: r.archived,
      disabled: false,
      visibility: r.private ? 'private' : 'public',
      pushed_at: r.createdAt,
      created_at: r.createdAt,
      updated_at: r.createdAt,
      license: null,
      allow_forking: true,
      web_commit_signoff_required: false,
      network_count: 0,
      subscribers_count: 0,
    };
  }

  private labelsJson(r: FakeRepo, labels: string[]): Record<string, unknown>[] {
    return labels.map((name, i) => ({
      id: 9000 + i,
      node_id: nodeId('LA', 9000 + i),
      url: `${this.urls.api}/repos/${r.fullName}/labels/${encodeURIComponent(name)}`,
      name,
      description: null,
      color: 'ededed',
      default: false,
    }));
  }

  itemHtmlUrl(it: FakeIssue | FakePull): string {
    return `${this.urls.web}/${it.repo}/${it.kind === 'pull' ? 'pull' : 'issues'}/${it.number}`;
  }

  issueJson(it: FakeIssue | FakePull): Record<string, unknown> {
    const r = this.repoByFullName(it.repo);
    const api = `${this.urls.api}/repos/${r.fullName}/issues/${it.number}`;
    const json: Record<string, unknown> = {
      id: it.id,
      node_id: it.nodeId,
      url: api,
      repository_url: `${this.urls.api}/repos/${r.fullName}`,
      labels_url: `${api}/labels{/name}`,
      comments_url: `${api}/comments`,
      events_url: `${api}/events`,
      html_url: this.itemHtmlUrl(it),
      number: it.number,
      state: it.state,
      state_reason: it.state === 'closed' ? 'completed' : null,
      title: it.title,
      body: it.body,
      user: this.userJson(it.author),
      labels: this.labelsJson(r, it.labels),
      assignee: it.assignees[0] ? this.userJson(it.assignees[0]) : null,
      assignees: it.assignees.map((a) => this.userJson(a)),
      milestone: null,
      locked: it.locked,
      active_lock_reason: it.locked ? 'resolved' : null,
      comments: this.state.comments.filter((c) => c.repo === r.fullName && c.issueNumber === it.number).length,
      closed_at: it.closedAt,
      created_at: it.createdAt,
      updated_at: it.updatedAt,
      author_association: this.authorAssociation(r, it.author),
    };
    if (it.kind === 'pull') {
      json.draft = it.draft;
      json.pull_request = {
        url: `${this.urls.api}/repos/${r.fullName}/pulls/${it.number}`,
        html_url: this.itemHtmlUrl(it),
        diff_url: `${this.itemHtmlUrl(it)}.diff`,
        patch_url: `${this.itemHtmlUrl(it)}.patch`,
        merged_at: null,
      };
    }
    return json;
  }

  commentJson(c: FakeComment): Record<string, unknown> {
    const r = this.repoByFullName(c.repo);
    const it = this.findItem(r, c.issueNumber);
    return {
      id: c.id,
      node_id: c.nodeId,
      url: `${this.urls.api}/repos/${r.fullName}/issues/comments/${c.id}`,
      html_url: `${it ? this.itemHtmlUrl(it) : `${this.urls.web}/${r.fullName}/issues/${c.issueNumber}`}#issuecomment-${c.id}`,
      body: c.body,
      user: this.userJson(c.author),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      issue_url: `${this.urls.api}/repos/${r.fullName}/issues/${c.issueNumber}`,
      author_association: this.authorAssociation(r, c.author),
    };
  }

  reactionJson(x: FakeReaction): Record<string, unknown> {
    return {
      id: x.id,
      node_id: x.nodeId,
      user: this.userJson(x.user),
      content: x.content,
      created_at: x.createdAt,
    };
  }

  private linkJson(href: string): { href: string } {
    return { href };
  }

  /** The `pull-request-simple` shape (list and requested_reviewers answers). */
  async pullSimpleJson(p: FakePull): Promise<Record<string, unknown>> {
    await this.refreshPull(p);
    const r = this.repoByFullName(p.repo);
    const headRepo = this.findRepo(...(p.headRepo.split('/') as [string, string])) ?? r;
    const baseSha = (await bare.resolveRef(r.dir, `refs/heads/${p.baseRef}`)) ?? '';
    const api = `${this.urls.api}/repos/${r.fullName}`;
    const html = this.itemHtmlUrl(p);
    return {
      url: `${api}/pulls/${p.number}`,
      id: p.id,
      node_id: p.nodeId,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${api}/issues/${p.number}`,
      commits_url: `${api}/pulls/${p.number}/commits`,
      review_comments_url: `${api}/pulls/${p.number}/comments`,
      review_comment_url: `${api}/pulls/comments{/number}`,
      comments_url: `${api}/issues/${p.number}/comments`,
      statuses_url: `${api}/statuses/${p.headSha}`,
      number: p.number,
      state: p.state,
      locked: p.locked,
      title: p.title,
      user: this.userJson(p.author),
      body: p.body,
      labels: this.labelsJson(r, p.labels),
      milestone: null,
      active_lock_reason: null,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: p.closedAt,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: p.requestedReviewers.map((u) => this.userJson(u)),
      requested_teams: [],
      head: {
        label: `${headRepo.owner}:${p.headRef}`,
        ref: p.headRef,
        sha: p.headSha,
        user: this.userJson(headRepo.owner),
        repo: this.repoJson(headRepo),
      },
      base: {
        label: `${r.owner}:${p.baseRef}`,
        ref: p.baseRef,
        sha: baseSha,
        user: this.userJson(r.owner),
        repo: this.repoJson(r),
      },
      _links: {
        self: this.linkJson(`${api}/pulls/${p.number}`),
        html: this.linkJson(html),
        issue: this.linkJson(`${api}/issues/${p.number}`),
        comments: this.linkJson(`${api}/issues/${p.number}/comments`),
        review_comments: this.linkJson(`${api}/pulls/${p.number}/comments`),
        review_comment: this.linkJson(`${api}/pulls/comments{/number}`),
        commits: this.linkJson(`${api}/pulls/${p.number}/commits`),
        statuses: this.linkJson(`${api}/statuses/${p.headSha}`),
      },
      author_association: this.authorAssociation(r, p.author),
      auto_merge: null,
      draft: p.draft,
    };
  }

  /** The full `pull-request` shape, with diff statistics from the bare repository. */
  async pullJson(p: FakePull): Promise<Record<string, unknown>> {
    const simple = await this.pullSimpleJson(p);
    const r = this.repoByFullName(p.repo);
    const headRepo = this.findRepo(...(p.headRepo.split('/') as [string, string])) ?? r;
    let stats: bare.DiffStats = { commits: 0, additions: 0, deletions: 0, changedFiles: 0 };
    const baseSha = await bare.resolveRef(r.dir, `refs/heads/${p.baseRef}`);
    if (baseSha && (await bare.resolveRef(r.dir, `refs/pull/${p.number}/head`))) {
      stats = await bare.diffStats(r.dir, baseSha, `refs/pull/${p.number}/head`);
    }
    return {
      ...simple,
      merged: p.merged,
      mergeable: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      merged_by: null,
      comments: this.state.comments.filter((c) => c.repo === r.fullName && c.issueNumber === p.number).length,
      review_comments: this.state.reviewThreads
        .filter((t) => t.repo === r.fullName && t.pullNumber === p.number)
        .reduce((n, t) => n + t.comments.length, 0),
      maintainer_can_modify: headRepo !== r && p.maintainerCanModify,
      commits: stats.commits,
      additions: stats.additions,
      deletions: stats.deletions,
      changed_files: stats.changedFiles,
    };
  }

  reviewCommentJson(thread: FakeReviewThread, c: FakeReviewComment): Record<string, unknown> {
    const r = this.repoByFullName(thread.repo);
    const api = `${this.urls.api}/repos/${r.fullName}`;
    const html = `${this.urls.web}/${r.fullName}/pull/${thread.pullNumber}#discussion_r${c.id}`;
    const p = this.pull(r, thread.pullNumber);
    return {
      url: `${api}/pulls/comments/${c.id}`,
      pull_request_review_id: c.reviewId,
      id: c.id,
      node_id: c.nodeId,
      diff_hunk: '@@ -1,1 +1,1 @@',
      path: c.path,
      commit_id: c.commitId ?? p.headSha,
      original_commit_id: c.commitId ?? p.headSha,
      user: this.userJson(c.author),
      body: c.body,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      html_url: html,
      pull_request_url: `${api}/pulls/${thread.pullNumber}`,
      author_association: this.authorAssociation(r, c.author),
      _links: {
        self: { href: `${api}/pulls/comments/${c.id}` },
        html: { href: html },
        pull_request: { href: `${api}/pulls/${thread.pullNumber}` },
      },
      line: c.line,
      side: c.side ?? 'RIGHT',
      ...(c.startLine ? { start_line: c.startLine, start_side: c.startSide ?? c.side ?? 'RIGHT' } : {}),
      ...(c.inReplyTo ? { in_reply_to_id: c.inReplyTo } : {}),
    };
  }

  async branchJson(r: FakeRepo, name: string): Promise<Record<string, unknown>> {
    const sha = await bare.resolveRef(r.dir, `refs/heads/${name}`);
    if (!sha) throw notFound('Branch not found');
    const [entry] = await bare.gitLog(r.dir, sha, 1);
    const api = `${this.urls.api}/repos/${r.fullName}`;
    const person = (n: string, e: string, d: string) => ({ name: n, email: e, date: d.replace(/\+00:00$/, 'Z') });
    return {
      name,
      commit: {
        sha,
        node_id: nodeId('C', Number.parseInt(sha.slice(0, 8), 16)),
        url: `${api}/commits/${sha}`,
        html_url: `${this.urls.web}/${r.fullName}/commit/${sha}`,
        comments_url: `${api}/commits/${sha}/comments`,
        commit: {
          url: `${api}/git/commits/${sha}`,
          author: person(entry?.authorName ?? '', entry?.authorEmail ?? '', entry?.authorDate ?? this.now()),
          committer: person(entry?.committerName ?? '', entry?.committerEmail ?? '', entry?.authorDate ?? this.now()),
          message: entry?.message ?? '',
          comment_count: 0,
          tree: { sha: '0'.repeat(40), url: `${api}/git/trees/${sha}` },
          verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
        },
        author: null,
        committer: null,
        parents: (entry?.parents ?? []).map((s) => ({
          sha: s,
          url: `${api}/commits/${s}`,
          html_url: `${this.urls.web}/${r.fullName}/commit/${s}`,
        })),
      },
      _links: {
        self: `${api}/branches/${encodeURIComponent(name)}`,
        html: `${this.urls.web}/${r.fullName}/tree/${name}`,
      },
      protected: false,
      protection: { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } },
      protection_url: `${api}/branches/${encodeURIComponent(name)}/protection`,
    };
  }

  permissionJson(r: FakeRepo, login: string): Record<string, unknown> {
    const role = this.permission(r, login);
    const legacy: Record<Permission, string> = {
      admin: 'admin',
      maintain: 'write',
      write: 'write',
      triage: 'read',
      read: 'read',
      none: 'none',
    };
    const can = (...roles: Permission[]) => roles.includes(role);
    return {
      permission: legacy[role],
      role_name: role === 'none' ? 'none' : role,
      user: {
        ...this.userJson(login),
        permissions: {
          admin: can('admin'),
          maintain: can('admin', 'maintain'),
          push: can('admin', 'maintain', 'write'),
          triage: can('admin', 'maintain', 'write', 'triage'),
          pull: can('admin', 'maintain', 'write', 'triage', 'read'),
        },
        role_name: role,
      },
    };
  }
}

/** One file of a PR's diff as the fake computes it. */
export interface PullFile {
  filename: string;
  previousFilename: string | null;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  sha: string;
  additions: number;
  deletions: number;
  /** From the first `@@` on; null for binary files. */
  patch: string | null;
  /** Line ranges of each hunk: old side [start, end], new side [start, end] (end < start for an empty side). */
  hunks: { left: [number, number]; right: [number, number] }[];
}

export interface ReviewCommentRequest {
  path: string;
  body: string;
  line?: number;
  side?: 'LEFT' | 'RIGHT';
  startLine?: number;
  startSide?: 'LEFT' | 'RIGHT';
}

function unprocessable(message: string): HttpProblem {
  return new HttpProblem(422, {
    message: 'Unprocessable Entity',
    errors: [message],
    documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
    status: '422',
  });
}

/** The hunk of a file's diff holding `line` on `side`, or null (GitHub anchors comments only inside hunks). */
function hunkOf(f: PullFile, side: 'LEFT' | 'RIGHT', line: number): PullFile['hunks'][number] | null {
  for (const h of f.hunks) {
    const [a, b] = side === 'LEFT' ? h.left : h.right;
    if (line >= a && line <= b) return h;
  }
  return null;
}

/** Splits `git diff -M --full-index base...head` into GitHub's per-file entries. */
export function parsePullFiles(text: string): PullFile[] {
  const out: PullFile[] = [];
  const chunks = text.split(/^(?=diff --git )/m).filter((c) => c.startsWith('diff --git '));
  for (const chunk of chunks) {
    const lines = chunk.split('\n');
    let oldPath: string | null = null;
    let newPath: string | null = null;
    let status: PullFile['status'] = 'modified';
    let sha = '0'.repeat(40);
    let binary = false;
    const at = lines.findIndex((l) => l.startsWith('@@'));
    const header = at === -1 ? lines : lines.slice(0, at);
    for (const l of header) {
      if (l.startsWith('new file mode')) status = 'added';
      else if (l.startsWith('deleted file mode')) status = 'removed';
      else if (l.startsWith('rename from ')) {
        status = 'renamed';
        oldPath = l.slice('rename from '.length);
      } else if (l.startsWith('rename to ')) newPath = l.slice('rename to '.length);
      else if (l.startsWith('--- ')) oldPath ??= l === '--- /dev/null' ? null : l.slice(6).replace(/\t$/, '');
      else if (l.startsWith('+++ ')) newPath ??= l === '+++ /dev/null' ? null : l.slice(6).replace(/\t$/, '');
      else if (l.startsWith('index ')) sha = /\.\.([0-9a-f]+)/.exec(l)?.[1] ?? sha;
      else if (l.startsWith('Binary files ') || l === 'GIT binary patch') binary = true;
    }
    const m = /^diff --git a\/(.+) b\/(.+)$/.exec(lines[0] ?? '');
    const filename = newPath ?? (status === 'removed' ? (oldPath ?? m?.[1]) : m?.[2]) ?? '';
    const f: PullFile = {
      filename,
      previousFilename: status === 'renamed' ? oldPath : null,
      status,
      sha,
      additions: 0,
      deletions: 0,
      patch: null,
      hunks: [],
    };
    if (at !== -1 && !binary) {
      const body = lines.slice(at);
      while (body.length > 0 && body.at(-1) === '') body.pop();
      f.patch = body.join('\n');
      for (const l of body) {
        const h = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(l);
        if (h) {
          const os = Number(h[1]);
          const oc = h[2] === undefined ? 1 : Number(h[2]);
          const ns = Number(h[3]);
          const nc = h[4] === undefined ? 1 : Number(h[4]);
          f.hunks.push({ left: [os, os + oc - 1], right: [ns, ns + nc - 1] });
        } else if (l.startsWith('+')) f.additions++;
        else if (l.startsWith('-')) f.deletions++;
      }
    }
    out.push(f);
  }
  return out;
}
