// INITIAL_NUM_WARM_SERVERS on the action (runtime.md §2.1): the job starts the warm servers before the run,
// as the CLI does, and the run's sandbox is one of them.
import { afterEach, expect, it } from 'vitest';
import { labeledPayload, startWorld, type World } from './fixtures.js';
import { runJobInProcess } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

it('INITIAL_NUM_WARM_SERVERS=1: a warm server is started before the run and the run takes it', async () => {
  world = await startWorld();
  const run = await runJobInProcess(world, {
    eventName: 'issues',
    payload: labeledPayload(world),
    env: { INITIAL_NUM_WARM_SERVERS: '1' },
  });
  expect(run.outcome.conclusion, run.log).toBe('success');
  expect(run.log).toMatch(/took warm server \d+ for session/);
});

it("the warm server is started with the run's sandbox network, so a setup-only run can take it too", async () => {
  world = await startWorld();
  const run = await runJobInProcess(world, {
    eventName: 'issues',
    payload: labeledPayload(world),
    inputs: { 'sandbox-network': 'setup-only' },
    env: { INITIAL_NUM_WARM_SERVERS: '1' },
  });
  expect(run.outcome.conclusion, run.log).toBe('success');
  expect(run.log).toMatch(/took warm server \d+ for session/);
});
