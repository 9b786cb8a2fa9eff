// resolve-issue through the built CLI: runs that could not work at all (no clone, a model that cannot be
// used) exit non-zero and point at no patch file; a run that merely changed nothing exits 0.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../src/testing/fake-github/index.js';
import { startScriptedLlm, text, toolCall, type LlmStep, type ScriptedLlm } from '../../src/testing/scripted-llm.js';
import { distFile, NODE } from '../helpers/dist.js';

const OWNER = 'octo-org';
const REPO = 'hello-py';
const LLM_KEY = 'sk-cli-test-key-0123456789abcdef';

let fake: FakeGitHub | null = null;
let llm: ScriptedLlm | null = null;
afterEach(async () => {
  await llm?.close();
  await fake?.close();
  llm = null;
  fake = null;
});

function cli(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(NODE, [distFile('cli.js'), ...args], { env, cwd, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: stdout + stderr });
    });
  });
}

interface Case {
  name: string;
  script: LlmStep[];
  /** The key the model server accepts (the CLI always sends LLM_KEY). */
  serverKey: string;
  /** GITHUB_SERVER_URL (git) pointing nowhere. */
  deadGitServer?: boolean;
  code: number;
  errorCode: string | undefined;
  patch: boolean;
}

const cases: Case[] = [
  {
    name: 'a clone that fails (server URL nobody answers on)',
    script: [],
    serverKey: LLM_KEY,
    deadGitServer: true,
    code: 1,
    errorCode: 'git',
    patch: false,
  },
  { name: 'a rejected LLM key', script: [], serverKey: 'sk-another-key', code: 1, errorCode: 'llm-auth', patch: false },
  {
    name: 'a run that changes nothing',
    script: [toolCall('finish', { message: 'Nothing to change.' }), text('--- success\nfalse\n\n--- explanation\nNo.')],
    serverKey: LLM_KEY,
    code: 0,
    errorCode: undefined,
    patch: false,
  },
  {
    name: 'a run that changes a file',
    script: [
      toolCall('execute_bash', { command: 'echo fixed > fix.txt' }),
      toolCall('finish', { message: 'Fixed.' }),
      text('--- success\ntrue\n\n--- explanation\nFixed.'),
    ],
    serverKey: LLM_KEY,
    code: 0,
    errorCode: undefined,
    patch: true,
  },
];

describe('resolve-issue exit status', () => {
  it.each(cases)('$name → exit $code, error_code $errorCode', async (c) => {
    fake = await startFakeGitHub();
    await fake.addRepo({ owner: OWNER, repo: REPO, files: { 'README.md': '# hi\n' }, defaultBranch: 'main' });
    const issue = fake.addIssue({ owner: OWNER, repo: REPO, title: 'Fix it', body: 'Please.', author: 'someone' });
    llm = await startScriptedLlm(c.script, { apiKey: c.serverKey });
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'oh-cli-exit-'));
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: cwd,
      GITHUB_TOKEN: fake.token,
      LLM_MODEL: 'openai/gpt-4o',
      LLM_API_KEY: LLM_KEY,
      LLM_BASE_URL: llm.baseUrl,
      LLM_NUM_RETRIES: '0',
      GITHUB_API_URL: fake.apiUrl,
      GITHUB_GRAPHQL_URL: fake.graphqlUrl,
      GITHUB_SERVER_URL: c.deadGitServer ? 'http://127.0.0.1:9' : fake.serverUrl,
    };
    const args = ['resolve-issue', '--selected-repo', `${OWNER}/${REPO}`, '--issue-number', String(issue.number)];
    const r = await cli([...args, '--runtime', 'local'], env, cwd);
    expect(r.code, r.out).toBe(c.code);
    const record = JSON.parse(readFileSync(path.join(cwd, 'output', 'output.jsonl'), 'utf8').trim()) as {
      error: string | null;
      error_code?: string;
    };
    expect(record.error_code).toBe(c.errorCode);
    if (c.errorCode) expect(r.out).toContain(String(record.error));
    expect(r.out.includes('Patch:'), r.out).toBe(c.patch);
    expect(r.out).not.toContain(fake.token);
    expect(r.out).not.toContain(LLM_KEY);
  });
});
