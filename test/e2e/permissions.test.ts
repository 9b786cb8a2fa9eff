// Issue 5 point 2, end to end (security.md §2, checklist A): the collaborator-permission API decides, not
// author_association; bots only when listed exactly; our own identity and our own comments never trigger.
// A refused request makes no model call, no clone and no write. runJob in process; the bundled action's
// exit status on a denial is checked in action.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { marker } from '../../src/github/marker.js';
import type { Permission } from '../../src/testing/fake-github/index.js';
import { commentPayload, dispatchPayload, labeledPayload, OWNER, REPO, startWorld, type World } from './fixtures.js';
import { runJobInProcess, type JobRun } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const MACRO = '@openhands-agent';
const permissionCalls = (run: JobRun) => run.requests.filter((r) => /\/collaborators\/.+\/permission$/.test(r.apiPath));

function expectNothingDone(w: World, run: JobRun) {
  expect(w.llm.requests).toEqual([]);
  expect(run.writes).toEqual([]);
  expect(w.fake.git.requests).toEqual([]);
  expect(w.fake.state.comments.filter((c) => c.body.includes('openhands-resolver:'))).toEqual([]);
  expect(w.fake.state.reactions).toEqual([]);
}

describe('the permission API decides who may trigger', () => {
  const allowed: { role: Permission; association: string }[] = [
    { role: 'admin', association: 'OWNER' },
    { role: 'maintain', association: 'MEMBER' },
    // A private org member with write access: GitHub shows CONTRIBUTOR (the reference refused them).
    { role: 'write', association: 'CONTRIBUTOR' },
  ];
  it.each(allowed)('$role (author_association $association) runs', async ({ role, association }) => {
    world = await startWorld();
    const who = `user-${role}`;
    world.fake.setPermission(OWNER, REPO, who, role);
    const run = await runJobInProcess(world, {
      eventName: 'issue_comment',
      payload: commentPayload(world, { body: `${MACRO} fix it`, sender: who, association }),
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    expect(run.log).toContain(`triggered by ${who} (${role} permission)`);
    expect(permissionCalls(run)).toHaveLength(1);
    expect(run.outcome.prNumber).not.toBeNull();
  });

  const denied: { role: Permission; association: string }[] = [
    { role: 'triage', association: 'COLLABORATOR' },
    { role: 'read', association: 'COLLABORATOR' },
    // The association is what the reference trusted; a read-only "OWNER"-looking association changes nothing.
    { role: 'read', association: 'OWNER' },
    { role: 'none', association: 'NONE' },
    { role: 'none', association: 'FIRST_TIME_CONTRIBUTOR' },
  ];
  it.each(denied)('$role (author_association $association) is denied: nothing done', async (c) => {
    world = await startWorld();
    const who = `user-${c.role}`;
    world.fake.setPermission(OWNER, REPO, who, c.role);
    const run = await runJobInProcess(world, {
      eventName: 'issue_comment',
      payload: commentPayload(world, { body: `${MACRO} fix it`, sender: who, association: c.association }),
    });
    expect(run.outcome.conclusion).toBe('denied');
    expect(run.log).toContain(`Not running: ${who} has ${c.role} permission on ${OWNER}/${REPO}`);
    expectNothingDone(world, run);
  });

  it('labels need the labeller to have write access; the issue author does not matter', async () => {
    world = await startWorld();
    world.fake.setPermission(OWNER, REPO, 'reader-rob', 'read');
    const run = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world, 'fix-me', 'reader-rob'),
    });
    expect(run.outcome.conclusion).toBe('denied');
    expectNothingDone(world, run);
  });

  it('workflow_dispatch by a user without write access is denied', async () => {
    world = await startWorld();
    world.fake.setPermission(OWNER, REPO, 'reader-rob', 'read');
    const run = await runJobInProcess(world, {
      eventName: 'workflow_dispatch',
      payload: dispatchPayload(world, { issue_number: '1' }, 'reader-rob'),
    });
    expect(run.outcome.conclusion).toBe('denied');
    expectNothingDone(world, run);
  });

  it('an account the permission API does not know (an App without the [bot] suffix) is denied', async () => {
    world = await startWorld();
    // labeledPayload does not create the sender in the fake: the permission call answers 404.
    const run = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world, 'fix-me', 'some-app'),
    });
    expect(run.outcome.conclusion).toBe('denied');
    expect(run.log).toContain('some-app is not a user with access');
    expectNothingDone(world, run);
  });

  it('a comment whose author is not the sender is denied', async () => {
    world = await startWorld();
    const payload = commentPayload(world, { body: `${MACRO} fix it` });
    payload.sender = { login: 'someone-else', id: 999, type: 'User' };
    world.fake.setPermission(OWNER, REPO, 'someone-else', 'admin');
    const run = await runJobInProcess(world, { eventName: 'issue_comment', payload });
    expect(run.outcome.conclusion).toBe('denied');
    expect(run.log).toContain('is not the author');
    expectNothingDone(world, run);
  });

  it('a deleted ("ghost") comment author is denied', async () => {
    world = await startWorld();
    const payload = commentPayload(world, { body: `${MACRO} fix it` });
    (payload.comment as Record<string, unknown>).user = null;
    const run = await runJobInProcess(world, { eventName: 'issue_comment', payload });
    expect(run.outcome.conclusion).toBe('denied');
    expectNothingDone(world, run);
  });
});

describe('bots', () => {
  it('a bot not listed in allowed-bots is ignored without even a permission call', async () => {
    world = await startWorld();
    world.fake.setPermission(OWNER, REPO, 'renovate[bot]', 'write');
    const cases: { sender: string; inputs: Record<string, string> }[] = [
      { sender: 'renovate[bot]', inputs: {} },
      // Exact names only: a look-alike of a listed bot is still refused.
      { sender: 'renovate-helper[bot]', inputs: { 'allowed-bots': 'renovate[bot]' } },
    ];
    for (const c of cases) {
      const run = await runJobInProcess(world, {
        eventName: 'issue_comment',
        payload: commentPayload(world, { body: `${MACRO} bump it`, sender: c.sender, senderType: 'Bot' }),
        inputs: c.inputs,
      });
      expect(run.outcome.conclusion).toBe('denied');
      expect(run.log).toContain(`The sender ${c.sender} is a bot not listed in allowed-bots`);
      expect(permissionCalls(run)).toEqual([]);
      expectNothingDone(world, run);
    }
  });

  it('a bot listed in allowed-bots runs (no permission call: it 404s for Apps)', async () => {
    world = await startWorld();
    const run = await runJobInProcess(world, {
      eventName: 'issue_comment',
      payload: commentPayload(world, { body: `${MACRO} fix it`, sender: 'renovate[bot]', senderType: 'Bot' }),
      inputs: { 'allowed-bots': 'dependabot[bot], renovate[bot]' },
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    expect(run.log).toContain('triggered by renovate[bot] (listed in allowed-bots)');
    expect(permissionCalls(run)).toEqual([]);
    // A bot is never asked to review.
    expect(run.requests.filter((r) => r.apiPath.endsWith('/requested_reviewers'))).toEqual([]);
  });

  it('a wildcard in allowed-bots is a configuration error', async () => {
    world = await startWorld([]);
    await expect(
      runJobInProcess(world, {
        eventName: 'issues',
        payload: labeledPayload(world),
        inputs: { 'allowed-bots': '*[bot]' },
      }),
    ).rejects.toThrow(/wildcards like '\*' are not allowed/);
    expect(world.fake.requests).toEqual([]);
  });
});

describe('loop guard: our own identity and our own comments never trigger', () => {
  it('the workflow token identity (github-actions[bot]) is ignored, even when listed as an allowed bot', async () => {
    world = await startWorld();
    const run = await runJobInProcess(world, {
      eventName: 'issue_comment',
      payload: commentPayload(world, {
        body: `${MACRO} again`,
        sender: 'github-actions[bot]',
        senderType: 'Bot',
      }),
      inputs: { 'allowed-bots': 'github-actions[bot]' },
    });
    expect(run.outcome.conclusion).toBe('denied');
    expect(run.log).toContain("is this resolver's own identity");
    expectNothingDone(world, run);
  });

  it('a PAT identity (GET /user) and pat-username are ignored', async () => {
    world = await startWorld([], { actor: { login: 'resolver-pat', type: 'User' } });
    world.fake.setPermission(OWNER, REPO, 'resolver-pat', 'admin');
    world.fake.setPermission(OWNER, REPO, 'resolver-git', 'admin');
    for (const sender of ['resolver-pat', 'resolver-git']) {
      const run = await runJobInProcess(world, {
        eventName: 'issue_comment',
        payload: commentPayload(world, { body: `${MACRO} loop`, sender }),
        inputs: { 'pat-username': 'resolver-git' },
      });
      expect(run.outcome.conclusion).toBe('denied');
      expect(run.log).toContain(`The sender ${sender} is this resolver's own identity`);
      expectNothingDone(world, run);
    }
  });

  it('a comment carrying our marker is ignored before any request, whoever posted it', async () => {
    world = await startWorld();
    const run = await runJobInProcess(world, {
      eventName: 'issue_comment',
      payload: commentPayload(world, {
        body: `Working on it, ${MACRO} said so.\n\n${marker('start', '1234')}`,
      }),
    });
    expect(run.outcome.conclusion).toBe('skipped');
    expect(run.log).toContain('carries our marker');
    expect(run.requests).toEqual([]);
    expect(world.llm.requests).toEqual([]);
  });
});
