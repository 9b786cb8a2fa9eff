import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelledBy } from '../../src/core/cancel.js';
import { createRecordingLogger } from '../../src/core/log.js';
import { createOctokit } from '../../src/github/client.js';
import { startFakeGitHub, type FakeGitHub } from '../../src/testing/fake-github/index.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub({ repos: [{ owner: 'o', repo: 'r', files: { 'a.txt': 'a\n' } }] });
});
afterAll(async () => {
  await fake.close();
});

describe('createOctokit with a stop signal', () => {
  it('a stop cuts the request in flight at once, without retries, and no later request is sent', async () => {
    const stop = new AbortController();
    const urls = { apiUrl: fake.apiUrl, graphqlUrl: fake.graphqlUrl, serverUrl: fake.serverUrl };
    // Real timing: a retried request would wait 1 s, 4 s and 9 s and be sent four times.
    const octokit = createOctokit({ token: fake.token, urls, logger: createRecordingLogger(), signal: stop.signal });
    const held = fake.hold({ method: 'GET', path: '/repos/o/r' });
    const call = octokit.rest.repos.get({ owner: 'o', repo: 'r' });
    await held.reached;
    stop.abort(cancelledBy('SIGTERM'));
    await expect(call).rejects.toMatchObject({ name: 'AbortError', message: 'cancelled by SIGTERM' });
    held.release();
    expect(fake.find('GET', '/repos/o/r')).toHaveLength(1);
    await expect(octokit.rest.repos.get({ owner: 'o', repo: 'r' })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.find('GET', '/repos/o/r')).toHaveLength(1);
  });
});
