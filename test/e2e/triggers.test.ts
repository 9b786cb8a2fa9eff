// Issue 5 point 1, end to end: each trigger from a real webhook payload either runs on the right item or
// ends with a clear "not for us" line, exit 0, and not one request to GitHub or the model.
// The "not for us" table runs the bundled dist/index.js as the runner does (those runs make no writes, so
// they are quick); the runs go through runJob in process (see harness.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action-runner.js';
import {
  addPull,
  commentPayload,
  dispatchPayload,
  fixingScript,
  FIXED_HELLO,
  githubEnv,
  labeledPayload,
  MAINTAINER,
  OWNER,
  pullLabeledPayload,
  REPO,
  reviewCommentPayload,
  reviewPayload,
  startWorld,
  webhookExample,
  type World,
} from './fixtures.js';
import { llmInputs, runJobInProcess } from './harness.js';

type Json = Record<string, unknown>;

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const MACRO = '@openhands-agent';

interface IgnoreCase {
  name: string;
  eventName: string;
  payload: (w: World) => Json;
  inputs?: Record<string, string>;
  /** Part of the one log line that says why. */
  says: RegExp;
}

function withAction(name: string, action: string, patch: (p: Json, w: World) => void) {
  return (w: World) => {
    const p = webhookExample(name, action);
    patch(p, w);
    return p;
  };
}
const setBody = (key: 'comment' | 'review', body: string) => (p: Json) => {
  p[key] = { ...(p[key] as Json), body };
};
const setLabel = (name: string) => (p: Json) => {
  p.label = { ...(p.label as Json), name };
};

const IGNORED: IgnoreCase[] = [
  {
    name: 'issues.labeled with another label',
    eventName: 'issues',
    payload: (w) => labeledPayload(w, 'bug'),
    says: /Label "bug" is not fix-me or fix-me-experimental/,
  },
  {
    name: 'issues.labeled fix-me when the configured label is another',
    eventName: 'issues',
    payload: (w) => labeledPayload(w, 'fix-me'),
    inputs: { label: 'autofix' },
    says: /Label "fix-me" is not autofix/,
  },
  {
    name: 'issues.unlabeled fix-me',
    eventName: 'issues',
    payload: withAction('issues', 'unlabeled', setLabel('fix-me')),
    says: /issues\.unlabeled is not a trigger/,
  },
  {
    name: 'issues.edited',
    eventName: 'issues',
    payload: withAction('issues', 'edited', () => undefined),
    says: /issues\.edited is not a trigger/,
  },
  {
    name: 'issues.opened',
    eventName: 'issues',
    payload: withAction('issues', 'opened', () => undefined),
    says: /issues\.opened is not a trigger/,
  },
  {
    name: 'pull_request.unlabeled fix-me',
    eventName: 'pull_request',
    payload: withAction('pull_request', 'unlabeled', setLabel('fix-me')),
    says: /pull_request\.unlabeled is not a trigger/,
  },
  {
    name: 'pull_request.labeled with another label',
    eventName: 'pull_request',
    payload: withAction('pull_request', 'labeled', setLabel('enhancement')),
    says: /Label "enhancement" is not fix-me/,
  },
  {
    name: 'issue_comment.edited with the macro',
    eventName: 'issue_comment',
    payload: withAction('issue_comment', 'edited', setBody('comment', `${MACRO} fix it`)),
    says: /issue_comment\.edited is not a trigger/,
  },
  {
    name: 'issue_comment.deleted with the macro',
    eventName: 'issue_comment',
    payload: withAction('issue_comment', 'deleted', setBody('comment', `${MACRO} fix it`)),
    says: /issue_comment\.deleted is not a trigger/,
  },
  {
    name: 'issue_comment.created without the macro',
    eventName: 'issue_comment',
    payload: withAction('issue_comment', 'created', setBody('comment', 'Looks good to me.')),
    says: /does not mention @openhands-agent/,
  },
  {
    name: 'the macro only in a fenced code block',
    eventName: 'issue_comment',
    payload: withAction('issue_comment', 'created', setBody('comment', `Try:\n\n\`\`\`\n${MACRO} fix\n\`\`\`\n`)),
    says: /does not mention/,
  },
  {
    name: 'the macro only in a quote',
    eventName: 'issue_comment',
    payload: withAction('issue_comment', 'created', setBody('comment', `> ${MACRO} fix this\n\nI disagree.`)),
    says: /does not mention/,
  },
  {
    name: 'the macro only in inline code',
    eventName: 'issue_comment',
    payload: withAction('issue_comment', 'created', setBody('comment', `Type \`${MACRO}\` to start it.`)),
    says: /does not mention/,
  },
  {
    name: 'an e-mail address that contains the macro',
    eventName: 'issue_comment',
    payload: withAction('issue_comment', 'created', setBody('comment', 'Write to me@openhands-agent.dev')),
    says: /does not mention/,
  },
  {
    name: 'pull_request_review_comment.edited with the macro',
    eventName: 'pull_request_review_comment',
    payload: withAction('pull_request_review_comment', 'edited', setBody('comment', `${MACRO} fix`)),
    says: /pull_request_review_comment\.edited is not a trigger/,
  },
  {
    name: 'pull_request_review_comment.deleted with the macro',
    eventName: 'pull_request_review_comment',
    payload: withAction('pull_request_review_comment', 'deleted', setBody('comment', `${MACRO} fix`)),
    says: /pull_request_review_comment\.deleted is not a trigger/,
  },
  {
    name: 'pull_request_review.dismissed with the macro',
    eventName: 'pull_request_review',
    payload: withAction('pull_request_review', 'dismissed', setBody('review', `${MACRO} fix`)),
    says: /pull_request_review\.dismissed is not a trigger/,
  },
  {
    name: 'pull_request_review.submitted without the macro',
    eventName: 'pull_request_review',
    payload: withAction('pull_request_review', 'submitted', setBody('review', 'LGTM')),
    says: /review does not mention/,
  },
  {
    name: 'an event that is never a trigger (push)',
    eventName: 'push',
    payload: () => webhookExample('push', ''),
    says: /Event push is not a trigger/,
  },
];

describe('events that are not for us (the bundled action, as the runner starts it)', () => {
  // Each case has its own world, so the cases run side by side.
  it.concurrent.for(IGNORED)(
    '$name: exit 0, one log line, no request to GitHub or the model',
    async (c, { expect }) => {
      const own = await startWorld([]);
      try {
        const run = await runAction({
          eventName: c.eventName,
          payload: c.payload(own),
          repository: `${OWNER}/${REPO}`,
          inputs: { 'github-token': own.fake.token, ...llmInputs(own), ...c.inputs },
          env: githubEnv(own.fake),
        });
        expect(run.code, run.stdout + run.stderr).toBe(0);
        expect(run.outputs.conclusion).toBe('skipped');
        expect(run.stdout).toMatch(c.says);
        expect(run.stdout.split('\n').filter((l) => l.startsWith('Nothing to do:'))).toHaveLength(1);
        expect(own.fake.requests).toEqual([]);
        expect(own.llm.requests).toEqual([]);
      } finally {
        await own.close();
      }
    },
  );
});

describe('triggers that run (runJob in process, real payloads)', () => {
  it('a configurable label, matched case-insensitively, resolves the issue into a PR', async () => {
    world = await startWorld();
    const run = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world, 'AutoFix'),
      inputs: { label: 'autofix' },
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    const pr = world.fake.state.pulls.find((p) => p.headRef === `openhands-fix-issue-${world?.issueNumber}`);
    expect(pr?.state).toBe('open');
    expect(await world.fake.readFile(OWNER, REPO, pr?.headRef ?? '', 'hello.py')).toBe(FIXED_HELLO);
    // The label's eyes go on the issue itself.
    expect(world.fake.state.reactions).toEqual([
      expect.objectContaining({ content: 'eyes', subject: { type: 'issue', repo: `${OWNER}/${REPO}`, number: 1 } }),
    ]);
  });

  it('the experimental label and the -exp macro run in experimental mode', async () => {
    world = await startWorld();
    const byLabel = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world, 'fix-me-experimental'),
      inputs: { 'experimental-sandbox-image': 'example/sandbox:next' },
    });
    expect(byLabel.outcome.conclusion, byLabel.log).toBe('success');
    expect(byLabel.log).toContain('Experimental run (fix-me-experimental): sandbox image example/sandbox:next.');

    world.llm.push(...fixingScript());
    const byMacro = await runJobInProcess(world, {
      eventName: 'issue_comment',
      payload: commentPayload(world, { body: `${MACRO}-exp please try the new sandbox` }),
      env: { GITHUB_RUN_ID: '2003' },
    });
    expect(byMacro.outcome.conclusion, byMacro.log).toBe('success');
    expect(byMacro.log).toContain(`Experimental run (${MACRO}-exp), but experimental-sandbox-image is empty`);
  });

  it('issue_comment.created on an issue: the comment is the instruction, eyes on the comment', async () => {
    world = await startWorld();
    world.fake.addComment({ owner: OWNER, repo: REPO, issue: 1, body: 'Earlier chatter about tabs.' });
    const payload = commentPayload(world, { body: `${MACRO} make greet() use the name, please` });
    const commentId = (payload.comment as { id: number }).id;
    const run = await runJobInProcess(world, { eventName: 'issue_comment', payload });
    expect(run.outcome.conclusion, run.log).toBe('success');
    expect(run.outcome.record?.issue.thread_comments).toEqual([`${MACRO} make greet() use the name, please`]);
    expect(world.fake.state.reactions).toEqual([
      expect.objectContaining({
        content: 'eyes',
        subject: { type: 'issue_comment', repo: `${OWNER}/${REPO}`, id: commentId },
      }),
    ]);
    expect(run.outcome.prNumber).not.toBeNull();
  });

  it('workflow_dispatch: the issue number from the dispatch inputs or from the action input', async () => {
    world = await startWorld();
    const fromPayload = await runJobInProcess(world, {
      eventName: 'workflow_dispatch',
      payload: dispatchPayload(world, { issue_number: '1', issue_type: 'issue' }),
    });
    expect(fromPayload.outcome.conclusion, fromPayload.log).toBe('success');
    expect(fromPayload.outcome.record?.issue.number).toBe(1);
    expect(fromPayload.log).toContain(`Issue #1 in ${OWNER}/${REPO}, triggered by ${MAINTAINER}`);

    const second = world.fake.addIssue({ owner: OWNER, repo: REPO, title: 'Also greet', body: 'Same bug.' });
    world.llm.push(...fixingScript());
    const fromInput = await runJobInProcess(world, {
      eventName: 'workflow_dispatch',
      payload: dispatchPayload(world, {}),
      inputs: { 'issue-number': String(second.number) },
      env: { GITHUB_RUN_ID: '2004' },
    });
    expect(fromInput.outcome.conclusion, fromInput.log).toBe('success');
    expect(fromInput.outcome.branch).toBe(`openhands-fix-issue-${second.number}`);
  });

  it('workflow_dispatch without an issue number fails with a clear error before any request', async () => {
    world = await startWorld([]);
    await expect(
      runJobInProcess(world, { eventName: 'workflow_dispatch', payload: dispatchPayload(world, {}) }),
    ).rejects.toThrow(/workflow_dispatch needs the input issue-number/);
    expect(world.fake.requests).toEqual([]);
    expect(world.llm.requests).toEqual([]);
  });
});

describe('pull request triggers (PR runs themselves: pr-runs.test.ts)', () => {
  // Each trigger reaches the right pull request: the sender is authorised, the eyes go on the triggering
  // comment or review, the progress comment names the pull request, and the run ends where it should. A
  // comment or review is feedback, so the fix goes to the PR branch; a label or a dispatch on a PR with no
  // feedback at all is judged unsuccessful ("No feedback was found to process") and its attempt lands on
  // openhands-fix-pr-N, never on the PR branch. Threads, forks and replies: pr-runs.test.ts.
  const cases: {
    name: string;
    eventName: string;
    payload: (w: World) => Promise<Json>;
    ends: 'on the PR branch' | 'on openhands-fix-pr-N';
  }[] = [
    {
      name: 'pull_request.labeled fix-me',
      ends: 'on openhands-fix-pr-N',
      eventName: 'pull_request',
      payload: async (w) => pullLabeledPayload(w, await addPull(w)),
    },
    {
      name: 'issue_comment.created on a pull request',
      ends: 'on the PR branch',
      eventName: 'issue_comment',
      payload: async (w) => commentPayload(w, { body: `${MACRO} fix the tests`, pull: await addPull(w) }),
    },
    {
      name: 'pull_request_review_comment.created',
      ends: 'on the PR branch',
      eventName: 'pull_request_review_comment',
      payload: async (w) => reviewCommentPayload(w, await addPull(w), `${MACRO} greet by name here`),
    },
    {
      name: 'pull_request_review.submitted',
      ends: 'on the PR branch',
      eventName: 'pull_request_review',
      payload: async (w) => reviewPayload(w, await addPull(w), `${MACRO} please address my comments`),
    },
    {
      name: 'workflow_dispatch with issue_type pr in its inputs (the action input left empty)',
      ends: 'on openhands-fix-pr-N',
      eventName: 'workflow_dispatch',
      payload: async (w) => dispatchPayload(w, { issue_number: String((await addPull(w)).number), issue_type: 'pr' }),
    },
  ];
  it.each(cases)('$name: eyes on the trigger, progress names the pull request, ends $ends', async (c) => {
    world = await startWorld();
    const payload = await c.payload(world);
    const n = onlyPull(world);
    const run = await runJobInProcess(world, { eventName: c.eventName, payload });
    expect(run.log).toContain(`Pull request #${n} in ${OWNER}/${REPO}, triggered by ${MAINTAINER}`);
    const eyes = world.fake.state.reactions.filter((r) => r.content === 'eyes');
    expect(eyes).toHaveLength(1);
    const subject = eyes[0]?.subject;
    if (c.eventName === 'pull_request' || c.eventName === 'workflow_dispatch')
      expect(subject).toMatchObject({ type: 'issue', number: n });
    if (c.eventName === 'issue_comment') {
      expect(subject).toMatchObject({ type: 'issue_comment', id: (payload.comment as { id: number }).id });
    }
    if (c.eventName === 'pull_request_review_comment') {
      expect(subject).toMatchObject({ type: 'review_comment', id: (payload.comment as { id: number }).id });
    }
    if (c.eventName === 'pull_request_review') {
      // Reviews have no REST reaction endpoint: GraphQL addReaction on the review's node id.
      expect(subject).toEqual({ type: 'node', nodeId: (payload.review as { node_id: string }).node_id });
    }
    const progress = world.fake.state.comments.find((x) => x.body.includes('openhands-resolver:start'));
    expect(progress?.issueNumber).toBe(n);
    expect(progress?.body).toContain(`OpenHands started working on pull request #${n}.`);
    expect(progress?.body).toContain('✅ Read the pull request');
    expect(progress?.body).not.toContain('Read the issue');
    if (c.ends === 'on the PR branch') {
      expect(run.outcome).toMatchObject({ conclusion: 'success', branch: 'feature/shout', prNumber: n });
    } else {
      expect(run.outcome).toMatchObject({ conclusion: 'failure', branch: `openhands-fix-pr-${n}` });
      expect(run.outcome.record?.result_explanation).toBe('No feedback was found to process');
    }
    expect(world.fake.state.pulls).toHaveLength(1);
    expect(world.fake.validationErrors).toEqual([]);
  });
});

/** The one pull request of the world. */
function onlyPull(w: World): number {
  const n = w.fake.state.pulls[0]?.number;
  if (n === undefined) throw new Error('no pull request in the fake');
  return n;
}
