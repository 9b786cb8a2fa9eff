// Issue 5 points 5 and 6, end to end through the bundled dist/index.js exactly as the runner starts it:
// what the user sees (eyes at once, one progress comment edited as the phases advance and left in its
// final state, one new final comment, the job summary with numbers and transcript, redaction of a
// secret-shaped string the model wrote), and the Octokit behaviour against the fake's faults with real
// waits (a secondary rate limit with retry-after: 1 and a 502, each retried once).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { faults } from '../../src/testing/fake-github/index.js';
import { text, toolCall } from '../../src/testing/scripted-llm.js';
import { runAction, runPost } from '../helpers/action-runner.js';
import { commentPayload, FIXED_HELLO, githubEnv, OWNER, REPO, startWorld, type World } from './fixtures.js';
import { llmInputs } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

// Token-shaped, never registered as a secret: only the pattern rules can catch it.
const LEAKED = 'ghp_Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2';
// The finish message puts the secret across the 80-character cut of the progress comment's "last action".
const FINISH = `greet() uses the name now. By the way, the CI log printed ${LEAKED} in plain text.`;

function script() {
  return [
    toolCall('execute_bash', { command: 'ls && cat hello.py' }),
    toolCall('execute_bash', {
      command: `printf '%s' '${FIXED_HELLO.replace(/'/g, "'\\''")}' > hello.py && cat hello.py`,
    }),
    toolCall('think', { thought: 'The test expects the old text; the issue asks for the name.' }),
    toolCall('finish', { message: FINISH }),
    text(`--- success\ntrue\n\n--- explanation\ngreet() returns the greeting with the name. Also: ${LEAKED}`),
  ];
}

/** No piece of the secret longer than its prefix may survive anywhere. */
function expectNoLeak(label: string, s: string) {
  for (let i = 0; i + 10 <= LEAKED.length; i += 5) expect(s, label).not.toContain(LEAKED.slice(i, i + 10));
}

const PHASES = [
  'Read the issue',
  'Clone the repository',
  'Start the sandbox',
  'Agent at work',
  'Collect the changes',
  'Judge the result',
  'Save the result',
  'Push',
  'Finished',
];

describe('what the user sees (the bundled action)', () => {
  it('eyes at once, one progress comment edited to its final state, one final comment, summary, redaction, rate limits', async () => {
    world = await startWorld(script());
    const { fake } = world;
    // A private org member: GitHub shows CONTRIBUTOR, the permission API says write.
    fake.setPermission(OWNER, REPO, 'private-member-pat', 'write');
    const payload = commentPayload(world, {
      body: '@openhands-agent greet people by their name',
      sender: 'private-member-pat',
      association: 'CONTRIBUTOR',
    });
    const triggerId = (payload.comment as { id: number }).id;
    // The first comment we post meets a secondary rate limit (retry-after: 1), the PR creation a 502.
    fake.failNext({
      method: 'POST',
      path: `/repos/${OWNER}/${REPO}/issues/1/comments`,
      ...faults.secondaryRateLimit({ retryAfter: 1 }),
    });
    fake.failNext({ method: 'POST', path: `/repos/${OWNER}/${REPO}/pulls`, ...faults.serverError(502) });

    const run = await runAction({
      eventName: 'issue_comment',
      payload,
      repository: `${OWNER}/${REPO}`,
      inputs: { 'github-token': fake.token, ...llmInputs(world), runtime: 'local' },
      env: githubEnv(fake),
      timeoutMs: 180_000,
    });
    const logged = run.stdout + run.stderr;
    expect(run.code, logged).toBe(0);
    expect(run.outputs).toMatchObject({ success: 'true', conclusion: 'success', branch: 'openhands-fix-issue-1' });
    const pr = fake.state.pulls[0];
    expect(pr).toBeDefined();
    expect(fake.state.pulls).toHaveLength(1);
    expect(run.outputs['pr-url']).toBe(`${fake.serverUrl}/${OWNER}/${REPO}/pull/${pr?.number}`);
    expect(run.outputs.iterations).toBe('4');
    expect(Number(run.outputs.cost)).toBeGreaterThan(0);
    expect(run.outputs['output-file']).toMatch(/output\.jsonl$/);

    // Octokit: each fault was retried once, with the wait logged; nothing else failed.
    const commentPosts = fake.find('POST', `/repos/${OWNER}/${REPO}/issues/1/comments`);
    expect(commentPosts[0]).toMatchObject({ faulted: true, status: 403 });
    expect(commentPosts[1]).toMatchObject({ faulted: false, status: 201 });
    expect(logged).toContain(
      '::warning::GitHub secondary rate limit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments; retrying after 1 s.',
    );
    expect(fake.find('POST', `/repos/${OWNER}/${REPO}/pulls`).map((r) => r.status)).toEqual([502, 201]);
    expect(fake.pendingFaults()).toEqual([]);
    expect(fake.validationErrors).toEqual([]);

    // Eyes at once: the reaction on the triggering comment is the first write of the run.
    const writes = fake.requests.filter((r) => r.kind === 'rest' && r.method !== 'GET');
    expect(writes[0]?.apiPath).toBe(`/repos/${OWNER}/${REPO}/issues/comments/${triggerId}/reactions`);
    expect(fake.state.reactions).toEqual([
      expect.objectContaining({ content: 'eyes', subject: expect.objectContaining({ id: triggerId }) }),
    ]);

    // One progress comment: created once (after the rate limit), then edited as the phases advance.
    const mine = fake.state.comments.filter((c) => c.body.includes('<!-- openhands-resolver:'));
    expect(mine).toHaveLength(2);
    const progress = mine.find((c) => c.body.includes('openhands-resolver:start'));
    const final = mine.find((c) => !c.body.includes('openhands-resolver:start'));
    if (!progress || !final) throw new Error('missing progress or final comment');
    const edits = fake
      .find('PATCH', `/repos/${OWNER}/${REPO}/issues/comments/${progress.id}`)
      .map((r) => (r.body as { body: string }).body);
    expect(edits.length).toBeGreaterThanOrEqual(3);
    const created = (commentPosts[1]?.body as { body: string }).body;
    const history = [created, ...edits];
    expect(created).toContain('OpenHands started working on issue #1.');
    expect(created).toContain(`/${OWNER}/${REPO}/actions/runs/1001`);
    // Phases only ever advance: each edit lists the phases of the one before, and never the same state twice.
    const listed = history.map((b) => PHASES.filter((p) => b.includes(`${p}`)));
    for (let i = 1; i < listed.length; i++) {
      expect(listed[i]?.slice(0, listed[i - 1]?.length)).toEqual(listed[i - 1]);
      expect(history[i]).not.toBe(history[i - 1]);
    }
    expect(history.some((b) => /Agent at work: iteration \d+ of 50, \$\d+\.\d\d so far/.test(b))).toBe(true);
    // Its final state stays in it: every phase done, the PR linked.
    expect(progress.body).toBe(edits.at(-1));
    expect(listed.at(-1)).toEqual(PHASES);
    expect(progress.body).toContain(`✅ Finished: ${run.outputs['pr-url']}`);
    expect(progress.body).not.toContain('🔄');
    // One new final comment, posted after the last edit, linking the PR.
    expect(final.body).toContain(`draft pull request #${pr?.number} was opened`);
    const finalPost = fake.requests.findIndex(
      (r) =>
        r.method === 'POST' &&
        r.status === 201 &&
        r.apiPath.endsWith('/issues/1/comments') &&
        (r.body as { body: string }).body.includes(':success'),
    );
    const lastEdit = fake.requests.findLastIndex(
      (r) => r.method === 'PATCH' && r.apiPath.endsWith(`/comments/${progress.id}`),
    );
    expect(finalPost).toBeGreaterThan(lastEdit);

    // The job summary: the numbers and the transcript in a collapsible section.
    const s = run.summary;
    expect(s).toContain('| Outcome | success |');
    expect(s).toContain(`| Pull request | ${run.outputs['pr-url']} |`);
    expect(s).toContain('| Iterations | 4 |');
    expect(s).toMatch(/\| Tokens \(prompt \/ completion\) \| \d+ \/ \d+ \|/);
    expect(s).toMatch(/\| Cost \(USD\) \| \d+\.\d{4} \|/);
    expect(s).toMatch(/\| Duration \| \d+\.\d s \|/);
    // The transcript is the model's words: one literal block (DESIGN.md §8.23).
    expect(s).toMatch(
      /<details><summary>Transcript<\/summary>\n\n```text\n[\s\S]*ran: ls && cat hello.py[\s\S]*\n```\n\n<\/details>/,
    );
    expect(s).toContain('agent thought: The test expects the old text');

    // Redaction: the secret-shaped string the model wrote comes out as *** everywhere we post or report.
    expect(s).toContain('***');
    expect(pr?.body).toContain('Also: ***');
    expect(progress.body).not.toContain('ghp_');
    for (const [label, body] of [
      ['summary', s],
      ['PR body', pr?.body ?? ''],
      ['PR title', pr?.title ?? ''],
      ['progress', progress.body],
      ['final', final.body],
      ['log', logged],
      ['outputs', JSON.stringify(run.outputs)],
      ...history.map((h, i) => [`edit ${i}`, h] as const),
    ] as const) {
      expectNoLeak(label, body);
    }
    const commit = (await fake.gitLog(OWNER, REPO, 'openhands-fix-issue-1'))[0];
    expectNoLeak('commit', commit?.message ?? '');

    // The record is written; the post step finds nothing to redo.
    const jsonl = readFileSync(run.outputs['output-file'] ?? '', 'utf8');
    expect(jsonl.trim().split('\n')).toHaveLength(1);
    expectNoLeak('output.jsonl', jsonl);
    const post = await runPost(run);
    expect(post.code).toBe(0);
    expect(fake.state.comments.filter((c) => c.body.includes('<!-- openhands-resolver:'))).toHaveLength(2);
  });
});
