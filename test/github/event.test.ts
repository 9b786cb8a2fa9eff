import defs from '@octokit/webhooks-examples' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { ResolverError } from '../../src/core/errors.js';
import {
  DEFAULT_TRIGGER,
  isCommentEvent,
  isDispatchEvent,
  isLabelEvent,
  isReviewEvent,
  isRunDecision,
  parseEvent,
  parseEventPayload,
  type TriggerConfig,
  type TriggerDecision,
} from '../../src/github/event.js';
import { marker } from '../../src/github/marker.js';

type Json = Record<string, unknown>;

/** A deep copy of the first example of `name.action` from @octokit/webhooks-examples, patched. */
function example(name: string, action: string | null, patch: (p: Json) => void = () => undefined): Json {
  const def = (defs as unknown as { name: string; examples: Json[] }[]).find((d) => d.name === name);
  const ex = def?.examples.find((e) => (action === null ? true : e.action === action));
  if (!ex) throw new Error(`no example ${name}.${action}`);
  const copy = structuredClone(ex);
  patch(copy);
  return copy;
}

const obj = (v: unknown): Json => v as Json;
const labeled = (name: string) => (p: Json) => {
  obj(p.label).name = name;
};
const commentBody = (body: string) => (p: Json) => {
  obj(p.comment).body = body;
};
const reviewBody = (body: string | null) => (p: Json) => {
  obj(p.review).body = body;
};

const run = (d: TriggerDecision) => {
  if (!isRunDecision(d)) throw new Error(`expected a run, got: ${d.reason}`);
  return d;
};

describe('trigger table (resolver.md §2) and target mapping (§3)', () => {
  const cases: {
    name: string;
    event: string;
    payload: Json;
    cfg?: Partial<TriggerConfig>;
    expect:
      | { run: true; number: number; type: 'issue' | 'pr'; commentId: number | null; experimental?: boolean }
      | { run: false; reason: RegExp };
  }[] = [
    {
      name: 'issues.labeled fix-me',
      event: 'issues',
      payload: example('issues', 'labeled', labeled('fix-me')),
      expect: { run: true, number: 1, type: 'issue', commentId: null },
    },
    {
      name: 'issues.labeled FIX-ME (case-insensitive)',
      event: 'issues',
      payload: example('issues', 'labeled', labeled('FIX-ME')),
      expect: { run: true, number: 1, type: 'issue', commentId: null },
    },
    {
      name: 'issues.labeled fix-me-experimental',
      event: 'issues',
      payload: example('issues', 'labeled', labeled('fix-me-experimental')),
      expect: { run: true, number: 1, type: 'issue', commentId: null, experimental: true },
    },
    {
      name: 'issues.labeled with another label',
      event: 'issues',
      payload: example('issues', 'labeled'),
      expect: { run: false, reason: /Label "bug" is not fix-me/ },
    },
    {
      name: 'configured label names',
      event: 'issues',
      payload: example('issues', 'labeled', labeled('Robot')),
      cfg: { label: 'robot' },
      expect: { run: true, number: 1, type: 'issue', commentId: null },
    },
    {
      name: 'issues.unlabeled is ignored',
      event: 'issues',
      payload: example('issues', 'unlabeled', labeled('fix-me')),
      expect: { run: false, reason: /issues\.unlabeled is not a trigger/ },
    },
    {
      name: 'issues.opened is ignored',
      event: 'issues',
      payload: example('issues', 'opened'),
      expect: { run: false, reason: /not a trigger/ },
    },
    {
      name: 'pull_request.labeled fix-me',
      event: 'pull_request',
      payload: example('pull_request', 'labeled', labeled('fix-me')),
      expect: { run: true, number: 2, type: 'pr', commentId: null },
    },
    {
      name: 'pull_request.labeled from a fork is refused with a message',
      event: 'pull_request',
      payload: example('pull_request', 'labeled', (p) => {
        labeled('fix-me')(p);
        obj(obj(obj(p.pull_request).head).repo).full_name = 'someone/Hello-World';
      }),
      expect: { run: false, reason: /forks get a read-only token/ },
    },
    {
      name: 'issue_comment.created with the macro on an issue',
      event: 'issue_comment',
      payload: example('issue_comment', 'created', commentBody('@openhands-agent please fix')),
      expect: { run: true, number: 1, type: 'issue', commentId: 492700400 },
    },
    {
      name: 'issue_comment.created on a PR conversation (issue.pull_request present)',
      event: 'issue_comment',
      payload: example('issue_comment', 'created', (p) => {
        commentBody('Hey @OpenHands-Agent, fix this.')(p);
        obj(p.issue).pull_request = { url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/1' };
      }),
      expect: { run: true, number: 1, type: 'pr', commentId: 492700400 },
    },
    {
      name: 'issue_comment.created with the -exp macro',
      event: 'issue_comment',
      payload: example('issue_comment', 'created', commentBody('@openhands-agent-exp try the new build')),
      expect: { run: true, number: 1, type: 'issue', commentId: 492700400, experimental: true },
    },
    {
      name: 'issue_comment.created without the macro',
      event: 'issue_comment',
      payload: example('issue_comment', 'created', commentBody('me@openhands-agent.dev wrote this')),
      expect: { run: false, reason: /does not mention @openhands-agent/ },
    },
    {
      name: 'issue_comment.created carrying our marker (self-loop guard)',
      event: 'issue_comment',
      payload: example('issue_comment', 'created', commentBody(`@openhands-agent done ${marker('success', '1')}`)),
      expect: { run: false, reason: /our marker/ },
    },
    {
      name: 'issue_comment.edited is ignored even with the macro',
      event: 'issue_comment',
      payload: example('issue_comment', 'edited', commentBody('@openhands-agent')),
      expect: { run: false, reason: /issue_comment\.edited is not a trigger/ },
    },
    {
      name: 'issue_comment.deleted is ignored',
      event: 'issue_comment',
      payload: example('issue_comment', 'deleted', commentBody('@openhands-agent')),
      expect: { run: false, reason: /not a trigger/ },
    },
    {
      name: 'a custom macro',
      event: 'issue_comment',
      payload: example('issue_comment', 'created', commentBody('/fix now')),
      cfg: { macro: '/fix' },
      expect: { run: true, number: 1, type: 'issue', commentId: 492700400 },
    },
    {
      name: 'pull_request_review_comment.created with the macro',
      event: 'pull_request_review_comment',
      payload: example('pull_request_review_comment', 'created', commentBody('@openhands-agent rename this')),
      expect: { run: true, number: 2, type: 'pr', commentId: 284312630 },
    },
    {
      name: 'pull_request_review.submitted with the macro: the review id',
      event: 'pull_request_review',
      payload: example('pull_request_review', 'submitted', reviewBody('@openhands-agent address these')),
      expect: { run: true, number: 2, type: 'pr', commentId: 237895671 },
    },
    {
      name: 'pull_request_review.submitted with an empty body',
      event: 'pull_request_review',
      payload: example('pull_request_review', 'submitted', reviewBody(null)),
      expect: { run: false, reason: /review does not mention/ },
    },
    {
      name: 'pull_request_review.dismissed is ignored',
      event: 'pull_request_review',
      payload: example('pull_request_review', 'dismissed', reviewBody('@openhands-agent')),
      expect: { run: false, reason: /not a trigger/ },
    },
    {
      name: 'push is not a trigger',
      event: 'push',
      payload: example('push', null),
      expect: { run: false, reason: /Event push is not a trigger/ },
    },
    {
      name: 'workflow_dispatch with payload inputs',
      event: 'workflow_dispatch',
      payload: example('workflow_dispatch', null, (p) => {
        p.inputs = { 'issue-number': '12', 'issue-type': 'pr', 'comment-id': '99' };
      }),
      expect: { run: true, number: 12, type: 'pr', commentId: 99 },
    },
    {
      name: 'workflow_dispatch with inputs from the action config',
      event: 'workflow_dispatch',
      payload: example('workflow_dispatch', null),
      cfg: { dispatch: { issueNumber: 5, issueType: 'issue', commentId: null } },
      expect: { run: true, number: 5, type: 'issue', commentId: null },
    },
    {
      name: 'workflow_dispatch comment-id "None"',
      event: 'workflow_dispatch',
      payload: example('workflow_dispatch', null, (p) => {
        p.inputs = { issue_number: 3, comment_id: 'None' };
      }),
      expect: { run: true, number: 3, type: 'issue', commentId: null },
    },
  ];

  it.each(cases)('$name', (c) => {
    const d = parseEvent(c.event, c.payload, { ...DEFAULT_TRIGGER, ...c.cfg });
    if (!c.expect.run) {
      expect(d.kind).toBe('ignore');
      if (d.kind === 'ignore') expect(d.reason).toMatch(c.expect.reason);
      return;
    }
    const r = run(d);
    expect(r.target.issueNumber).toBe(c.expect.number);
    expect(r.target.issueType).toBe(c.expect.type);
    expect(r.target.commentId).toBe(c.expect.commentId);
    expect(r.experimental).toBe(c.expect.experimental ?? false);
    expect(r.target.owner).toBeTruthy();
    expect(r.target.repo).toBeTruthy();
  });
});

describe('target details', () => {
  it('labels: trigger time is the item updated_at, sender and label recorded, no author', () => {
    const r = run(parseEvent('issues', example('issues', 'labeled', labeled('fix-me'))));
    expect(r.target).toMatchObject({
      owner: 'Codertocat',
      repo: 'Hello-World',
      commentKind: null,
      author: null,
      label: 'fix-me',
      sender: { login: 'Codertocat', type: 'User' },
      title: 'Spelling error in the README file',
      headSha: null,
    });
    expect(r.target.triggerTime).toBe('2019-05-15T15:20:18Z');
  });

  it('review comments: head sha, created_at, author, kind and node id', () => {
    const p = example('pull_request_review_comment', 'created', commentBody('@openhands-agent'));
    const r = run(parseEvent('pull_request_review_comment', p));
    expect(r.target).toMatchObject({
      commentKind: 'review_comment',
      headSha: obj(obj(p.pull_request).head).sha,
      triggerTime: obj(p.comment).created_at,
      author: { login: 'Codertocat' },
      triggerBody: '@openhands-agent',
    });
    expect(r.target.commentNodeId).toBe(obj(p.comment).node_id);
  });

  it('reviews: submitted_at is the trigger time and the kind is review', () => {
    const p = example('pull_request_review', 'submitted', reviewBody('@openhands-agent'));
    const r = run(parseEvent('pull_request_review', p));
    expect(r.target.commentKind).toBe('review');
    expect(r.target.triggerTime).toBe('2019-05-15T15:20:38Z');
    expect(r.target.commentNodeId).toBe('MDE3OlB1bGxSZXF1ZXN0UmV2aWV3MjM3ODk1Njcx');
  });

  it('a ghost comment author parses (denied later by the permission rules)', () => {
    const p = example('issue_comment', 'created', (x) => {
      commentBody('@openhands-agent')(x);
      obj(x.comment).user = null;
    });
    const r = run(parseEvent('issue_comment', p));
    expect(r.target.author).toEqual({ login: null, type: null, id: null });
  });
});

describe('type guards', () => {
  it('discriminate the parsed union', () => {
    const label = parseEventPayload('issues', example('issues', 'labeled'));
    const comment = parseEventPayload('issue_comment', example('issue_comment', 'created'));
    const review = parseEventPayload('pull_request_review', example('pull_request_review', 'submitted'));
    const dispatch = parseEventPayload('workflow_dispatch', example('workflow_dispatch', null));
    expect([isLabelEvent(label), isCommentEvent(label), isReviewEvent(label), isDispatchEvent(label)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(isCommentEvent(comment)).toBe(true);
    expect(isReviewEvent(review)).toBe(true);
    expect(isDispatchEvent(dispatch)).toBe(true);
    expect(parseEventPayload('issues', example('issues', 'opened')).name).toBe('other');
  });
});

describe('malformed payloads fail closed with an event error', () => {
  const bad: { name: string; event: string; payload: unknown; message: RegExp }[] = [
    { name: 'not an object', event: 'issues', payload: 'nope', message: /not a JSON object/ },
    { name: 'null', event: 'issue_comment', payload: null, message: /not a JSON object/ },
    {
      name: 'labeled without issue',
      event: 'issues',
      payload: example('issues', 'labeled', (p) => delete p.issue),
      message: /Malformed issues\.labeled event payload \(issue:/,
    },
    {
      name: 'comment without id',
      event: 'issue_comment',
      payload: example('issue_comment', 'created', (p) => delete obj(p.comment).id),
      message: /comment\.id/,
    },
    {
      name: 'issue number is a string',
      event: 'issue_comment',
      payload: example('issue_comment', 'created', (p) => {
        obj(p.issue).number = '1';
      }),
      message: /issue\.number/,
    },
    {
      name: 'no repository',
      event: 'pull_request_review',
      payload: example('pull_request_review', 'submitted', (p) => delete p.repository),
      message: /repository/,
    },
    {
      name: 'dispatch without an issue number',
      event: 'workflow_dispatch',
      payload: example('workflow_dispatch', null),
      message: /needs the input issue-number/,
    },
    {
      name: 'dispatch with a bad issue type',
      event: 'workflow_dispatch',
      payload: example('workflow_dispatch', null, (p) => {
        p.inputs = { 'issue-number': '4', 'issue-type': 'discussion' };
      }),
      message: /issue-type must be/,
    },
  ];
  it.each(bad)('$name', (c) => {
    let err: unknown;
    try {
      parseEvent(c.event, c.payload);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ResolverError);
    expect((err as ResolverError).code).toBe('event');
    expect((err as Error).message).toMatch(c.message);
  });

  it('an empty macro is a configuration error', () => {
    expect(() => parseEvent('issues', example('issues', 'labeled'), { ...DEFAULT_TRIGGER, macro: ' ' })).toThrow(
      /must not be empty/,
    );
  });
});

describe('head pinning per event (docs/fork-prs.md)', () => {
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);
  const heads = (p: Json) => {
    obj(obj(p.pull_request).head).sha = A;
  };

  it('pull_request_review: the review commit_id (the head the reviewer saw), not the payload head', () => {
    const d = run(
      parseEvent(
        'pull_request_review',
        example('pull_request_review', 'submitted', (p) => {
          reviewBody('@openhands-agent fix')(p);
          heads(p);
          obj(p.review).commit_id = B;
        }),
      ),
    );
    expect(d.target.headSha).toBe(B);
  });

  it('pull_request_review without a commit_id falls back to pull_request.head.sha', () => {
    const d = run(
      parseEvent(
        'pull_request_review',
        example('pull_request_review', 'submitted', (p) => {
          reviewBody('@openhands-agent fix')(p);
          heads(p);
          delete obj(p.review).commit_id;
        }),
      ),
    );
    expect(d.target.headSha).toBe(A);
  });

  it('pull_request_review_comment and pull_request.labeled: pull_request.head.sha', () => {
    const c = run(
      parseEvent(
        'pull_request_review_comment',
        example('pull_request_review_comment', 'created', (p) => {
          commentBody('@openhands-agent fix')(p);
          heads(p);
        }),
      ),
    );
    expect(c.target.headSha).toBe(A);
    const l = run(
      parseEvent(
        'pull_request',
        example('pull_request', 'labeled', (p) => {
          labeled('fix-me')(p);
          heads(p);
          const pr = obj(p.pull_request);
          obj(pr.head).repo = obj(pr.base).repo;
        }),
      ),
    );
    expect(l.target.headSha).toBe(A);
  });

  it('issue_comment on a PR: no head SHA in the payload (the run reads and pins the API head)', () => {
    const d = run(
      parseEvent(
        'issue_comment',
        example('issue_comment', 'created', (p) => {
          commentBody('@openhands-agent fix')(p);
          obj(p.issue).pull_request = { url: 'x' };
        }),
      ),
    );
    expect(d.target.headSha).toBeNull();
  });
});
