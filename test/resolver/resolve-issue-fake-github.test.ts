// resolveIssue against the stateful fake GitHub (REST validated against GitHub's OpenAPI description, git
// over smart HTTP with token auth) through the real GitHubApi and Git implementations.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { createRedactor } from '../../src/core/redact.js';
import { createGit } from '../../src/git/git.js';
import { createGitHubApi } from '../../src/github/api.js';
import { createOctokit } from '../../src/github/client.js';
import { createLlmClient } from '../../src/llm/client.js';
import { resolveIssue } from '../../src/resolver/resolve-issue.js';
import { startFakeGitHub, type FakeGitHub } from '../../src/testing/fake-github/index.js';
import { startScriptedLlm, text, toolCall, type ScriptedLlm } from '../../src/testing/scripted-llm.js';
import { createShellRuntimeFactory } from './shell-runtime.js';

let fake: FakeGitHub;
let llm: ScriptedLlm;
beforeAll(async () => {
  fake = await startFakeGitHub({
    repos: [{ owner: 'octo', repo: 'hello', files: { 'app.py': 'print("hi")\n', 'AGENTS.md': 'Keep it simple.\n' } }],
  });
  llm = await startScriptedLlm([
    toolCall('execute_bash', { command: `printf 'def greet():\\n    return "hello"\\n' > greet.py` }),
    toolCall('finish', { message: 'Added greet.py' }),
    text('--- success\ntrue\n\n--- explanation\ngreet.py now exists.'),
  ]);
});
afterAll(async () => {
  await llm?.close();
  await fake?.close();
});

describe('resolveIssue with the fake GitHub', () => {
  it('fetches the issue over REST, clones over HTTP and records the patch', async () => {
    const issue = fake.addIssue({
      owner: 'octo',
      repo: 'hello',
      title: 'Add greet()',
      body: 'We need a greet function.',
    });
    fake.addComment({ owner: 'octo', repo: 'hello', issue: issue.number, body: 'It should return "hello".' });
    const logger = createRecordingLogger();
    const redactor = createRedactor([fake.token]);
    const urls = { apiUrl: fake.apiUrl, graphqlUrl: fake.graphqlUrl, serverUrl: fake.serverUrl };
    const root = mkdtempSync(path.join(os.tmpdir(), 'oh-resolve-fake-'));
    const out = await resolveIssue(
      {
        github: createGitHubApi(createOctokit({ token: fake.token, urls, logger, timing: { scale: 0.001 } }), urls),
        git: createGit({
          serverUrl: fake.serverUrl,
          token: fake.token,
          authDir: path.join(root, 'auth'),
          logger,
          redactor,
        }),
        runtimeFactory: createShellRuntimeFactory(),
        llm: createLlmClient(
          {
            model: 'openai/gpt-4o',
            apiKey: 'k',
            baseUrl: llm.baseUrl,
            numRetries: 0,
            retryMinWaitSec: 0,
            retryMaxWaitSec: 0,
            retryMultiplier: 1,
            timeoutSec: 30,
          },
          { logger },
        ),
        logger,
        redactor,
        sleep: async () => {},
      },
      {
        owner: 'octo',
        repo: 'hello',
        issueNumber: issue.number,
        outputDir: path.join(root, 'output'),
        maxIterations: 5,
        maxBudgetUsd: 4,
        maxRuntimeSec: 600,
        runtime: { kind: 'local', env: {} },
      },
    );
    expect(out.record.success).toBe(true);
    expect(out.record.issue.title).toBe('Add greet()');
    expect(out.record.issue.thread_comments).toEqual(['It should return "hello".']);
    expect(out.record.base_commit).toBe(await fake.resolveRef('octo', 'hello', 'main'));
    expect(out.record.git_patch).toContain('diff --git a/greet.py b/greet.py');
    expect(out.record.git_patch).toContain('+    return "hello"');
    expect(String(llm.requests[0]?.body?.messages?.[0]?.content)).toContain('Keep it simple.');
    expect(fake.validationErrors).toEqual([]);
    expect(fake.requests.filter((r) => r.kind === 'rest' && r.method !== 'GET')).toEqual([]);
  });
});
