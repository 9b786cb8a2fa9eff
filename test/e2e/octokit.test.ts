// Issue 5 point 6 at the job level (security.md §5): the whole run against the fake GitHub's faults, with
// the client's waits scaled by 1/1000 (runJob in process). Secondary limits are waited out and retried at
// most twice, 5xx are retried, 4xx are not; a write that still fails only costs what it must. The same
// rules at the createOctokit level: test/github/api.test.ts; with real waits in the bundle: visible.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { faults } from '../../src/testing/fake-github/index.js';
import { labeledPayload, OWNER, REPO, startWorld, type World } from './fixtures.js';
import { runJobInProcess } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const R = `/repos/${OWNER}/${REPO}`;

describe('a run against GitHub faults', () => {
  it('secondary limits are waited out, 5xx retried, a 4xx not retried; the run still delivers its PR', async () => {
    world = await startWorld();
    const { fake } = world;
    // The eyes reaction: 404 (not retried, only a warning).
    fake.failNext({ method: 'POST', path: /\/reactions$/, ...faults.notFound() });
    // Reading the issue: two 502s, then it works.
    fake.failNext({ method: 'GET', path: `${R}/issues/1`, ...faults.serverError(502), times: 2 });
    // Opening the PR: a 403 secondary limit with retry-after, then a 429 without (60 s, scaled).
    fake.failNext({ method: 'POST', path: `${R}/pulls`, ...faults.secondaryRateLimit({ retryAfter: 2 }) });
    fake.failNext({ method: 'POST', path: `${R}/pulls`, ...faults.secondaryRateLimit({ status: 429 }) });

    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    expect(run.outcome.conclusion, run.log).toBe('success');
    expect(fake.pendingFaults()).toEqual([]);
    expect(fake.find('POST', /\/reactions$/).map((r) => r.status)).toEqual([404]);
    expect(run.log).toMatch(/warn: Could not add the eyes reaction/);
    expect(
      fake
        .find('GET', `${R}/issues/1`)
        .map((r) => r.status)
        .slice(0, 3),
    ).toEqual([502, 502, 200]);
    expect(fake.find('POST', `${R}/pulls`).map((r) => r.status)).toEqual([403, 429, 201]);
    expect(run.log).toContain('secondary rate limit on POST /repos/{owner}/{repo}/pulls; retrying after 2 s.');
    expect(run.log).toContain('secondary rate limit on POST /repos/{owner}/{repo}/pulls; retrying after 60 s.');
    expect(fake.state.pulls).toHaveLength(1);
  });

  it('a secondary limit that persists: retried twice, then given up; a progress edit failing only warns', async () => {
    world = await startWorld();
    const { fake } = world;
    fake.failNext({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      ...faults.secondaryRateLimit({ status: 429, retryAfter: 1 }),
      times: 3,
    });
    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    expect(run.outcome.conclusion, run.log).toBe('success');
    const patches = fake.find('PATCH', /\/issues\/comments\/\d+$/);
    expect(patches.slice(0, 4).map((r) => r.status)).toEqual([429, 429, 429, 200]);
    expect(run.log).toContain('persists after 2 retries; giving up');
    expect(run.log).toMatch(/warn: Could not update the progress comment/);
    // Later edits still bring the comment to its final state.
    const progress = fake.state.comments.find((c) => c.body.includes('openhands-resolver:start'));
    expect(progress?.body).toContain('✅ Finished');
  });

  it('a 5xx that persists on a write: retried three times, then the pushed branch is linked instead', async () => {
    world = await startWorld();
    const { fake } = world;
    fake.failNext({ method: 'POST', path: `${R}/pulls`, ...faults.serverError(503), times: 4 });
    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    expect(fake.find('POST', `${R}/pulls`).map((r) => r.status)).toEqual([503, 503, 503, 503]);
    // PR creation failed after the push: the branch is kept and linked instead (resolver.md §12.4.6).
    expect(run.outcome.conclusion, run.log).toBe('success');
    expect(run.outcome.prUrl).toBe(`${fake.serverUrl}/${OWNER}/${REPO}/compare/openhands-fix-issue-1?expand=1`);
    expect(run.log).toMatch(/warn: Failed to create the pull request: .*503/);
    const final = fake.state.comments.find((c) => c.body.includes('openhands-resolver:branch'));
    expect(final?.body).toContain('compare/openhands-fix-issue-1?expand=1');
  });
});
