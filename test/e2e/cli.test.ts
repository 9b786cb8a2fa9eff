// End to end: the CLI halves (`resolve-issue`, then `send-pull-request`) as a user runs them, with the
// token and model from the environment and GITHUB_*_URL pointing at the fake GitHub.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { marker } from '../../src/github/marker.js';
import { recordRunId } from '../../src/resolver/send-pull-request.js';
import type { OutputRecord } from '../../src/resolver/types.js';
import { text, toolCall, type LlmStep } from '../../src/testing/scripted-llm.js';
import { distFile, NODE } from '../helpers/dist.js';
import {
  addPull,
  FIXED_HELLO,
  githubEnv,
  ISSUE_TITLE,
  LLM_KEY,
  OWNER,
  REPO,
  startWorld,
  type World,
} from './fixtures.js';

function cli(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      NODE,
      [distFile('cli.js'), ...args],
      { env, cwd, timeout: 180_000, maxBuffer: 32 * 1024 * 1024 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

function dockerImageAvailable(): boolean {
  try {
    execFileSync('docker', ['image', 'inspect', 'openhands-sandbox:bookworm'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

const runtimes = [
  { name: 'local', flags: ['--runtime', 'local'], available: true },
  {
    name: 'docker',
    flags: ['--runtime', 'docker', '--base-container-image', 'openhands-sandbox:bookworm', '--sandbox-network', 'none'],
    available: dockerImageAvailable(),
  },
];

describe.each(runtimes)('CLI on the $name runtime', ({ flags, available }) => {
  // DESIGN.md §8.16: in CI a missing Docker engine fails the test; elsewhere it is reported as skipped.
  const maybe = available || process.env.CI ? it : it.skip;
  maybe('resolve-issue then send-pull-request open a draft PR from the environment settings alone', async () => {
    world = await startWorld();
    const { fake, issueNumber } = world;
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'oh-cli-'));
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: cwd,
      GIT_TERMINAL_PROMPT: '0',
      GITHUB_TOKEN: fake.token,
      LLM_MODEL: 'openai/gpt-4o',
      LLM_API_KEY: LLM_KEY,
      LLM_BASE_URL: world.llm.baseUrl,
      ...githubEnv(fake),
    };
    const resolved = await cli(
      ['resolve-issue', '--selected-repo', `${OWNER}/${REPO}`, '--issue-number', String(issueNumber), ...flags],
      env,
      cwd,
    );
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout + resolved.stderr).not.toContain(fake.token);
    const record = JSON.parse(readFileSync(path.join(cwd, 'output', 'output.jsonl'), 'utf8').trim()) as {
      success: boolean;
      git_patch: string;
    };
    expect(record.success).toBe(true);
    expect(record.git_patch).toContain('hello.py');
    expect(fake.state.pulls).toEqual([]);

    const sent = await cli(
      ['send-pull-request', '--issue-number', String(issueNumber), '--pr-type', 'draft'],
      env,
      cwd,
    );
    expect(sent.code, sent.stderr).toBe(0);
    const branch = `openhands-fix-issue-${issueNumber}`;
    const pr = fake.state.pulls.find((p) => p.headRef === branch);
    expect(pr).toMatchObject({ draft: true, title: `Fix issue #${issueNumber}: ${ISSUE_TITLE}` });
    expect(sent.stdout + sent.stderr).toContain(`draft created: ${fake.serverUrl}/${OWNER}/${REPO}/pull/${pr?.number}`);
    expect(await fake.readFile(OWNER, REPO, branch, 'hello.py')).toBe(FIXED_HELLO);
    expect(fake.validationErrors).toEqual([]);

    // visualize prints the same record, 4-space indented.
    const vis = await cli(['visualize', '--issue-number', String(issueNumber)], env, cwd);
    expect(vis.code).toBe(0);
    expect(vis.stdout).toContain('\n    "issue": {');
  });
});

describe('CLI send-pull-request of a PR record', () => {
  it('a second send of the same record pushes nothing and edits its summary; the model writes the overview', async () => {
    // The agent fixes hello.py on the PR head, one judgement for the one review thread, then one overview per
    // send (resolver.md §12.5.3; the model comes from LLM_MODEL, as for resolve-issue).
    const overview =
      (n: number): LlmStep =>
      (req) => {
        const items = String(req.body?.messages?.at(-1)?.content ?? '')
          .split('\n')
          .filter((l) => l.startsWith('- '));
        return text(`  Send ${n}: every issue was resolved.\n${items.join('\n')}\n`);
      };
    world = await startWorld([
      toolCall('execute_bash', {
        command: `printf '%s' '${FIXED_HELLO.replace(/'/g, "'\\''")}' > hello.py && cat hello.py`,
      }),
      toolCall('finish', { message: 'greet() greets by name.' }),
      text('--- success\ntrue\n\n--- explanation\ngreet() uses the name now.'),
      overview(1),
      overview(2),
    ]);
    const { fake } = world;
    const pull = await addPull(world);
    const thread = fake.addReviewThread({
      owner: OWNER,
      repo: REPO,
      pull: pull.number,
      path: 'hello.py',
      line: 2,
      comments: [{ body: 'greet() must use the name', author: 'reviewer-rae', createdAt: '2020-01-01T00:00:00Z' }],
    });
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'oh-cli-'));
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: cwd,
      GIT_TERMINAL_PROMPT: '0',
      GITHUB_TOKEN: fake.token,
      LLM_MODEL: 'openai/gpt-4o',
      LLM_API_KEY: LLM_KEY,
      LLM_BASE_URL: world.llm.baseUrl,
      LLM_NUM_RETRIES: '0',
      ...githubEnv(fake),
    };
    const n = String(pull.number);
    const resolved = await cli(
      [
        'resolve-issue',
        '--selected-repo',
        `${OWNER}/${REPO}`,
        '--issue-number',
        n,
        '--issue-type',
        'pr',
        '--runtime',
        'local',
      ],
      env,
      cwd,
    );
    expect(resolved.code, resolved.stderr).toBe(0);
    const record = JSON.parse(readFileSync(path.join(cwd, 'output', 'output.jsonl'), 'utf8').trim()) as OutputRecord;
    expect(record.success).toBe(true);
    const runId = recordRunId(record);

    const first = await cli(['send-pull-request', '--issue-number', n], env, cwd);
    expect(first.code, first.stderr).toBe(0);
    const [ours] = await fake.gitLog(OWNER, REPO, pull.headRef);
    expect(ours?.parents).toEqual([pull.headSha]);
    const summaries = () => fake.state.comments.filter((c) => c.body.includes('openhands-resolver:pr-update'));
    expect(summaries().map((c) => c.body)).toEqual([
      // The overview is the model's words: quoted (DESIGN.md §8.23).
      `OpenHands pushed an update to this pull request. Overview:\n\n\`\`\`text\nSend 1: every issue was resolved.\n- greet() uses the name now.\n\`\`\`\n\n${marker('pr-update', runId)}`,
    ]);
    const replies = () => fake.state.reviewThreads.find((t) => t.id === thread.id)?.comments.slice(1) ?? [];
    expect(replies().map((c) => c.body)).toEqual([
      `Openhands fix success summary\n\n\n\`\`\`text\ngreet() uses the name now.\n\`\`\`\n\n${marker('thread-reply', runId)}`,
    ]);

    const second = await cli(['send-pull-request', '--issue-number', n], env, cwd);
    expect(second.code, second.stderr).toBe(0);
    const out = second.stdout + second.stderr;
    expect(out).toContain('already has these changes');
    expect(out).not.toMatch(/moved; rebasing|with new patches/);
    // Nothing pushed, the one summary edited (now the second overview), no second reply.
    expect(await fake.resolveRef(OWNER, REPO, `refs/heads/${pull.headRef}`)).toBe(ours?.sha);
    expect(summaries()).toHaveLength(1);
    expect(summaries()[0]?.body).toContain('Send 2: every issue was resolved.');
    expect(replies()).toHaveLength(1);
    expect(world.llm.exhausted).toEqual([]);
    expect(fake.validationErrors).toEqual([]);
  });
});

describe('CLI errors', () => {
  it('never prints the token, even when the server echoes it back in an error', async () => {
    // A token of no known shape: only its registration as a secret can keep it out of the output.
    world = await startWorld(undefined, { token: 'plain-token-of-no-known-shape-42' });
    const { fake } = world;
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'oh-cli-'));
    fake.failNext({
      path: /\/issues\/\d+$/,
      status: 422,
      body: { message: `bad request with authorization token ${fake.token}` },
    });
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: cwd,
      GITHUB_TOKEN: fake.token,
      LLM_MODEL: 'openai/x',
      LLM_API_KEY: LLM_KEY,
      ...githubEnv(fake),
    };
    const r = await cli(
      [
        'resolve-issue',
        '--selected-repo',
        `${OWNER}/${REPO}`,
        '--issue-number',
        String(world.issueNumber),
        '--runtime',
        'local',
      ],
      env,
      cwd,
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('bad request with authorization token ***');
    expect(r.stdout + r.stderr).not.toContain(fake.token);
  });

  it('rejects bad flags with the reference messages', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'oh-cli-'));
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd };
    const cases: [string[], string][] = [
      [
        [
          'resolve-issue',
          '--selected-repo',
          'noslash',
          '--issue-number',
          '1',
          '--token',
          't',
          '--llm-model',
          'openai/x',
        ],
        'Invalid repository format. Expected owner/repo',
      ],
      [
        ['resolve-issue', '--selected-repo', 'a/b', '--issue-number', '1', '--llm-model', 'openai/x'],
        'Token is required.',
      ],
      [['send-pull-request', '--issue-number', 'x1', '--token', 't'], 'Issue number x1 is not a number.'],
      [['send-pull-request', '--issue-number', '1', '--token', 't', '--pr-type', 'weird'], 'Invalid pr_type: weird'],
      [['send-pull-request', '--issue-number', '1'], 'token is not set'],
      [
        ['send-pull-request', '--issue-number', '1', '--token', 't', '--output-dir', 'nope'],
        'Output directory nope does not exist.',
      ],
      [['visualize', '--issue-number', '1', '--vis-method', 'html'], 'Invalid visualization method: html'],
      [['no-such-command'], "Unknown command 'no-such-command'"],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, env, cwd);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
  });
});
