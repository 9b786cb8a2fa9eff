// TEST DOUBLE: stands in for GitHub / the LLM in tests and the offline demo; not used by the product.
//
// The fake GitHub's REST operations, one handler per documented operation of openapi-subset.json. Handlers
// throw HttpProblem for GitHub's error answers (404, 410, 422 ...).
import { BODY_LIMIT, bodyTooLong, HttpProblem, notFound, validationFailed, type FakeModel } from './model.js';
import type { MatchedOperation } from './openapi.js';
import type { FakeIssue, FakePull, ReactionContent } from './state.js';

export interface RestRequest {
  op: MatchedOperation;
  query: URLSearchParams;
  body: unknown;
  /** The request URL as the client addressed it (absolute), for pagination links. */
  url: URL;
}

export interface RestResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Handler = (m: FakeModel, req: RestRequest) => Promise<RestResponse> | RestResponse;

function str(v: unknown): string {
  return typeof v === 'string' ? v : String(v);
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

function obj(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** GitHub's page-based pagination with a `link` header (first/prev/next/last). */
function paginate<T>(items: T[], req: RestRequest): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? 30) || 30));
  const pageNo = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const page = items.slice((pageNo - 1) * perPage, pageNo * perPage);
  const link = (p: number, rel: string) => {
    const u = new URL(req.url.href);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(p));
    return `<${u.href}>; rel="${rel}"`;
  };
  const parts: string[] = [];
  if (pageNo > 1) parts.push(link(pageNo - 1, 'prev'));
  if (pageNo < last) parts.push(link(pageNo + 1, 'next'));
  if (pageNo < last) parts.push(link(last, 'last'));
  if (pageNo > 1) parts.push(link(1, 'first'));
  return { page, headers: parts.length > 0 ? { link: parts.join(', ') } : {} };
}

function sortItems<T extends { createdAt: string; updatedAt: string; number?: number; id: number }>(
  items: T[],
  sort: string,
  direction: string,
): T[] {
  const key = sort === 'updated' ? 'updatedAt' : 'createdAt';
  const sorted = [...items].sort((a, b) => (a[key] === b[key] ? a.id - b.id : a[key] < b[key] ? -1 : 1));
  return direction === 'asc' ? sorted : sorted.reverse();
}

function reactionContent(body: unknown): ReactionContent {
  return str(obj(body).content) as ReactionContent;
}

function repoOf(m: FakeModel, req: RestRequest) {
  return m.repo(str(req.op.params.owner), str(req.op.params.repo));
}

const routes: Record<string, Handler> = {
  'get /repos/{owner}/{repo}': (m, req) => ({ status: 200, body: m.repoJson(repoOf(m, req)) }),

  'get /repos/{owner}/{repo}/issues': (m, req) => {
    const r = repoOf(m, req);
    const state = req.query.get('state') ?? 'open';
    const labels = (req.query.get('labels') ?? '').split(',').filter(Boolean);
    const since = req.query.get('since');
    let items: (FakeIssue | FakePull)[] = [...m.state.issues, ...m.state.pulls].filter(
      (i) => i.repo === r.fullName && !i.deleted && (state === 'all' || i.state === state),
    );
    if (labels.length > 0) items = items.filter((i) => labels.every((l) => i.labels.includes(l)));
    if (since) items = items.filter((i) => i.updatedAt >= since);
    items = sortItems(items, req.query.get('sort') ?? 'created', req.query.get('direction') ?? 'desc');
    const { page, headers } = paginate(items, req);
    return { status: 200, body: page.map((i) => m.issueJson(i)), headers };
  },

  'get /repos/{owner}/{repo}/issues/{issue_number}': (m, req) => {
    const r = repoOf(m, req);
    return { status: 200, body: m.issueJson(m.item(r, num(req.op.params.issue_number))) };
  },

  'get /repos/{owner}/{repo}/issues/{issue_number}/comments': (m, req) => {
    const r = repoOf(m, req);
    const it = m.item(r, num(req.op.params.issue_number));
    const since = req.query.get('since');
    const all = m.state.comments
      .filter((c) => c.repo === r.fullName && c.issueNumber === it.number && (!since || c.updatedAt >= since))
      .sort((a, b) => a.id - b.id);
    const { page, headers } = paginate(all, req);
    return { status: 200, body: page.map((c) => m.commentJson(c)), headers };
  },

  'post /repos/{owner}/{repo}/issues/{issue_number}/comments': (m, req) => {
    const r = repoOf(m, req);
    const it = m.item(r, num(req.op.params.issue_number));
    const body = str(obj(req.body).body);
    if (body.length > BODY_LIMIT) throw bodyTooLong('IssueComment');
    const c = m.createComment(r, it, body, m.actor.login);
    return { status: 201, body: m.commentJson(c), headers: { location: m.commentJson(c).url as string } };
  },

  'post /repos/{owner}/{repo}/issues/{issue_number}/reactions': (m, req) => {
    const r = repoOf(m, req);
    const it = m.item(r, num(req.op.params.issue_number));
    const { reaction, created } = m.addReaction(
      { type: 'issue', repo: r.fullName, number: it.number },
      reactionContent(req.body),
      m.actor.login,
    );
    return { status: created ? 201 : 200, body: m.reactionJson(reaction) };
  },

  'get /repos/{owner}/{repo}/issues/comments/{comment_id}': (m, req) => {
    const r = repoOf(m, req);
    return { status: 200, body: m.commentJson(m.comment(r, num(req.op.params.comment_id))) };
  },

  'patch /repos/{owner}/{repo}/issues/comments/{comment_id}': (m, req) => {
    const r = repoOf(m, req);
    const c = m.comment(r, num(req.op.params.comment_id));
    const body = str(obj(req.body).body);
    if (body.length > BODY_LIMIT) throw bodyTooLong('IssueComment');
    c.body = body;
    c.updatedAt = m.now();
    return { status: 200, body: m.commentJson(c) };
  },

  'post /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions': (m, req) => {
    const r = repoOf(m, req);
    const c = m.comment(r, num(req.op.params.comment_id));
    const { reaction, created } = m.addReaction(
      { type: 'issue_comment', repo: r.fullName, id: c.id },
      reactionContent(req.body),
      m.actor.login,
    );
    return { status: created ? 201 : 200, body: m.reactionJson(reaction) };
  },

  'get /repos/{owner}/{repo}/pulls': async (m, req) => {
    const r = repoOf(m, req);
    const state = req.query.get('state') ?? 'open';
    const head = req.query.get('head');
    const base = req.query.get('base');
    let items = m.state.pulls.filter((p) => p.repo === r.fullName && (state === 'all' || p.state === state));
    if (head) {
      const colon = head.indexOf(':');
      const owner = colon === -1 ? null : head.slice(0, colon).toLowerCase();
      const branch = colon === -1 ? head : head.slice(colon + 1);
      items = items.filter(
        (p) => p.headRef === branch && (owner === null || p.headRepo.split('/')[0]?.toLowerCase() === owner),
      );
    }
    if (base) items = items.filter((p) => p.baseRef === base);
    items = sortItems(items, req.query.get('sort') ?? 'created', req.query.get('direction') ?? 'desc');
    const { page, headers } = paginate(items, req);
    return { status: 200, body: await Promise.all(page.map((p) => m.pullSimpleJson(p))), headers };
  },

  'post /repos/{owner}/{repo}/pulls': async (m, req) => {
    const r = repoOf(m, req);
    const b = obj(req.body);
    if (b.issue !== undefined) {
      throw validationFailed([
        { resource: 'PullRequest', code: 'custom', field: 'issue', message: 'the fake GitHub does not convert issues' },
      ]);
    }
    if (typeof b.title !== 'string' || b.title.trim() === '') {
      throw validationFailed([{ resource: 'PullRequest', code: 'missing_field', field: 'title' }]);
    }
    const p = await m.openPull(r, {
      title: b.title,
      body: typeof b.body === 'string' ? b.body : null,
      head: str(b.head),
      base: str(b.base),
      draft: b.draft === true,
      maintainerCanModify: b.maintainer_can_modify !== false,
    });
    const json = await m.pullJson(p);
    return { status: 201, body: json, headers: { location: json.url as string } };
  },

  'get /repos/{owner}/{repo}/pulls/{pull_number}': async (m, req) => {
    const r = repoOf(m, req);
    return { status: 200, body: await m.pullJson(m.pull(r, num(req.op.params.pull_number))) };
  },

  'patch /repos/{owner}/{repo}/pulls/{pull_number}': async (m, req) => {
    const r = repoOf(m, req);
    const p = m.pull(r, num(req.op.params.pull_number));
    const b = obj(req.body);
    if (typeof b.body === 'string' && b.body.length > BODY_LIMIT) throw bodyTooLong('PullRequest');
    if (typeof b.base === 'string') {
      if (!(await m.branchExists(r, b.base))) {
        throw validationFailed([{ resource: 'PullRequest', code: 'invalid', field: 'base' }]);
      }
      p.baseRef = b.base;
    }
    if (typeof b.title === 'string') p.title = b.title;
    if (typeof b.body === 'string') p.body = b.body;
    if (b.state === 'open' || b.state === 'closed') {
      p.state = b.state;
      p.closedAt = b.state === 'closed' ? m.now() : null;
    }
    if (typeof b.maintainer_can_modify === 'boolean') p.maintainerCanModify = b.maintainer_can_modify;
    p.updatedAt = m.now();
    return { status: 200, body: await m.pullJson(p) };
  },

  'post /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers': async (m, req) => {
    const r = repoOf(m, req);
    const p = m.pull(r, num(req.op.params.pull_number));
    const reviewers = (obj(req.body).reviewers as string[] | undefined) ?? [];
    for (const login of reviewers) {
      if (login.toLowerCase() === p.author.toLowerCase()) {
        throw new HttpProblem(422, {
          message: 'Review cannot be requested from pull request author.',
          documentation_url: 'https://docs.github.com/rest/pulls/review-requests',
          status: '422',
        });
      }
      const known = m.findUser(login);
      const explicit = m.state.permissions[r.fullName]?.[login.toLowerCase()];
      const collaborator =
        known && (login.toLowerCase() === r.owner.toLowerCase() || (explicit && explicit !== 'none'));
      if (!collaborator) {
        throw new HttpProblem(422, {
          message: `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${r.fullName} repository.`,
          documentation_url: 'https://docs.github.com/rest/pulls/review-requests',
          status: '422',
        });
      }
    }
    for (const login of reviewers) {
      const canonical = m.user(login).login;
      if (!p.requestedReviewers.includes(canonical)) p.requestedReviewers.push(canonical);
    }
    return { status: 201, body: await m.pullSimpleJson(p) };
  },

  'get /repos/{owner}/{repo}/pulls/{pull_number}/files': async (m, req) => {
    const r = repoOf(m, req);
    const p = m.pull(r, num(req.op.params.pull_number));
    const { page, headers } = paginate(await m.pullFiles(p), req);
    return { status: 200, body: page.map((f) => m.diffEntryJson(r, p, f)), headers };
  },

  'get /repos/{owner}/{repo}/pulls/{pull_number}/reviews': (m, req) => {
    const r = repoOf(m, req);
    const p = m.pull(r, num(req.op.params.pull_number));
    const all = m.state.reviews.filter((x) => x.repo === r.fullName && x.pullNumber === p.number);
    const { page, headers } = paginate(all, req);
    return { status: 200, body: page.map((x) => m.reviewJson(x)), headers };
  },

  'post /repos/{owner}/{repo}/pulls/{pull_number}/reviews': async (m, req) => {
    const r = repoOf(m, req);
    const p = m.pull(r, num(req.op.params.pull_number));
    const b = obj(req.body);
    const comments = Array.isArray(b.comments) ? b.comments.map(obj) : [];
    const side = (v: unknown) => (v === 'LEFT' || v === 'RIGHT' ? v : undefined);
    const review = await m.submitReview(r, p, {
      body: typeof b.body === 'string' ? b.body : '',
      event: typeof b.event === 'string' ? b.event : 'PENDING',
      commitId: typeof b.commit_id === 'string' ? b.commit_id : null,
      comments: comments.map((c) => ({
        path: str(c.path),
        body: str(c.body),
        ...(typeof c.line === 'number' ? { line: c.line } : {}),
        ...(side(c.side) ? { side: side(c.side) } : {}),
        ...(typeof c.start_line === 'number' ? { startLine: c.start_line } : {}),
        ...(side(c.start_side) ? { startSide: side(c.start_side) } : {}),
      })),
    });
    return { status: 200, body: m.reviewJson(review) };
  },

  'get /repos/{owner}/{repo}/pulls/{pull_number}/comments': (m, req) => {
    const r = repoOf(m, req);
    const p = m.pull(r, num(req.op.params.pull_number));
    const all = m.state.reviewThreads
      .filter((t) => t.repo === r.fullName && t.pullNumber === p.number)
      .flatMap((t) => t.comments.map((c) => ({ t, c })))
      .sort((a, b) => a.c.id - b.c.id);
    const { page, headers } = paginate(all, req);
    return { status: 200, body: page.map(({ t, c }) => m.reviewCommentJson(t, c)), headers };
  },

  'get /repos/{owner}/{repo}/pulls/comments/{comment_id}': (m, req) => {
    const r = repoOf(m, req);
    const { thread, comment } = m.reviewComment(r, num(req.op.params.comment_id));
    return { status: 200, body: m.reviewCommentJson(thread, comment) };
  },

  'post /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions': (m, req) => {
    const r = repoOf(m, req);
    const { comment } = m.reviewComment(r, num(req.op.params.comment_id));
    const { reaction, created } = m.addReaction(
      { type: 'review_comment', repo: r.fullName, id: comment.id },
      reactionContent(req.body),
      m.actor.login,
    );
    return { status: created ? 201 : 200, body: m.reactionJson(reaction) };
  },

  'get /repos/{owner}/{repo}/branches/{branch}': async (m, req) => {
    const r = repoOf(m, req);
    return { status: 200, body: await m.branchJson(r, str(req.op.params.branch)) };
  },

  'get /repos/{owner}/{repo}/collaborators/{username}/permission': (m, req) => {
    const r = repoOf(m, req);
    const login = str(req.op.params.username);
    if (!m.findUser(login)) throw notFound(`${login} is not a user`);
    return { status: 200, body: m.permissionJson(r, login) };
  },

  'get /user': (m) => {
    if (m.actor.type === 'Bot') {
      // What GitHub answers for an installation token such as the workflow's GITHUB_TOKEN.
      throw new HttpProblem(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
        status: '403',
      });
    }
    return { status: 200, body: m.privateUserJson(m.actor.login) };
  },
};

/** Runs the handler of a documented operation; null when the fake does not implement it. */
export async function handleRest(m: FakeModel, req: RestRequest): Promise<RestResponse | null> {
  const handler = routes[`${req.op.method} ${req.op.template}`];
  if (!handler) return null;
  try {
    return await handler(m, req);
  } catch (err) {
    if (err instanceof HttpProblem) return { status: err.status, body: err.body };
    throw err;
  }
}

/** `METHOD /template` of every implemented operation. */
export function implementedOperations(): string[] {
  return Object.keys(routes).map((k) => {
    const [method = '', template = ''] = k.split(' ');
    return `${method.toUpperCase()} ${template}`;
  });
}
