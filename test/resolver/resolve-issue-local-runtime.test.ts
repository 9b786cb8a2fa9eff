// resolveIssue with the real sandbox: LocalRuntime (the bundled action-execution server as a subprocess,
// unisolated so it runs on any machine), real git over the HTTP bridge, and the scripted model using both
// the shell and the editor.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isObservation } from '../../src/core/events.js';
import { createRecordingLogger } from '../../src/core/log.js';
import { createRedactor } from '../../src/core/redact.js';
import { createGit } from '../../src/git/git.js';
import { createLlmClient } from '../../src/llm/client.js';
import { resolveIssue } from '../../src/resolver/resolve-issue.js';
import { createRuntimeFactory } from '../../src/runtime/index.js';
import { commitFiles, initBareRepo } from '../../src/testing/fake-github/bare-repo.js';
import { startGitHttpServer, type GitHttpServer } from '../../src/testing/git-http-server.js';
import { startScriptedLlm, text, toolCall, type ScriptedLlm } from '../../src/testing/scripted-llm.js';
import { distFile } from '../helpers/dist.js';
import { bwrapGate } from '../runtime/helpers.js';
import { commentData, createFakeGitHubApi, issueData } from './fake-github-api.js';

const TOKEN = 'ghs_' + 'L'.repeat(36);
const root = mkdtempSync(path.join(os.tmpdir(), 'oh-resolve-local-'));
let gitServer: GitHttpServer;
let llm: ScriptedLlm;

beforeAll(async () => {
  const bare = path.join(root, 'git', 'octo', 'calc.git');
  await initBareRepo(bare, 'main');
  await commitFiles(bare, {
    branch: 'main',
    parent: null,
    files: { 'calc.py': 'def add(a, b):\n    return a - b\n' },
    message: 'init',
    author: { name: 'Octo', email: 'octo@example.com', date: '2025-01-01T00:00:00Z' },
  });
  gitServer = await startGitHttpServer({ root: path.join(root, 'git'), token: TOKEN });
});
afterAll(async () => {
  await gitServer?.close();
});

const bw = await bwrapGate();

describe.each([
  { isolation: 'none' as const, label: 'unisolated', skip: false },
  { isolation: 'bwrap' as const, label: bw.label, skip: !bw.ok },
])('resolveIssue on LocalRuntime ($label)', ({ isolation, skip }) => {
  it.skipIf(skip)('the record has a patch with the file the model created and the edit it made', async () => {
    const outputDir = path.join(root, `output-${isolation}`);
    const ws = isolation === 'none' ? path.join(outputDir, 'workspace', 'issue_3') : '/workspace';
    llm = await startScriptedLlm([
      toolCall('execute_bash', { command: 'cat calc.py && pwd' }),
      toolCall('str_replace_editor', { command: 'view', path: `${ws}/calc.py` }),
      toolCall('str_replace_editor', {
        command: 'str_replace',
        path: `${ws}/calc.py`,
        old_str: 'return a - b',
        new_str: 'return a + b',
      }),
      toolCall('str_replace_editor', {
        command: 'create',
        path: `${ws}/test_calc.py`,
        file_text: 'from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n',
      }),
      toolCall('execute_bash', { command: 'python3 -c "from calc import add; assert add(2, 3) == 5; print(\'ok\')"' }),
      toolCall('finish', { message: 'Fixed add() and added a test.' }),
      text('--- success\ntrue\n\n--- explanation\nadd() now adds.'),
    ]);
    const logger = createRecordingLogger();
    const redactor = createRedactor([TOKEN]);
    const gh = createFakeGitHubApi();
    gh.issues.set(3, issueData({ number: 3, title: 'add() subtracts', body: 'add(2, 3) returns -1.' }));
    gh.comments.set(3, [commentData({ id: 1, body: 'Confirmed.' })]);
    const factory = createRuntimeFactory({ logger, serverScript: distFile('server.js'), localIsolation: isolation });
    try {
      const out = await resolveIssue(
        {
          github: gh,
          git: createGit({
            serverUrl: gitServer.url,
            token: TOKEN,
            authDir: path.join(root, 'auth'),
            logger,
            redactor,
          }),
          runtimeFactory: factory,
          llm: createLlmClient(
            {
              model: 'openai/gpt-4o',
              apiKey: 'k',
              baseUrl: llm.baseUrl,
              numRetries: 0,
              retryMinWaitSec: 0,
              retryMaxWaitSec: 0,
              retryMultiplier: 1,
              timeoutSec: 60,
            },
            { logger },
          ),
          logger,
          redactor,
          sleep: async () => {},
        },
        {
          owner: 'octo',
          repo: 'calc',
          issueNumber: 3,
          outputDir,
          maxIterations: 10,
          maxBudgetUsd: 4,
          maxRuntimeSec: 600,
          runtime: { kind: 'local', env: {} },
        },
      );
      const rec = out.record;
      expect(rec.error).toBeNull();
      expect(rec.success).toBe(true);
      expect(rec.git_patch).toContain('diff --git a/calc.py b/calc.py');
      expect(rec.git_patch).toContain('-    return a - b');
      expect(rec.git_patch).toContain('+    return a + b');
      expect(rec.git_patch).toContain('diff --git a/test_calc.py b/test_calc.py');
      const observations = rec.history.filter(isObservation).map((o) => o.observation);
      expect(observations).toEqual(['run', 'read', 'edit', 'edit', 'run']);
      const toolMessages = (llm.requests[5]?.body?.messages ?? [])
        .filter((m) => m.role === 'tool')
        .map((m) => String(m.content));
      expect(toolMessages[0]).toContain('return a - b');
      expect(toolMessages[0]).toContain(`[Current working directory: ${ws}]`);
      expect(toolMessages[1]).toMatch(/1\tdef add\(a, b\):/);
      expect(toolMessages[4]).toContain('ok');
      expect(toolMessages[4]).toContain('[Command finished with exit code 0]');
    } finally {
      await factory.teardown();
      await llm.close();
    }
  });
});

describe('resolveIssue on LocalRuntime: the wall clock', () => {
  it('a command still running at the deadline is cut; the wrap-up runs and the patch is still collected', async () => {
    const outputDir = path.join(root, 'output-deadline');
    llm = await startScriptedLlm([
      toolCall('execute_bash', { command: 'echo partial > partial.txt' }),
      toolCall('execute_bash', { command: 'sleep 60' }),
      toolCall('finish', { message: 'Out of time; partial.txt is a start.' }),
      text('--- success\nfalse\n\n--- explanation\nOnly a partial change.'),
    ]);
    const logger = createRecordingLogger();
    const redactor = createRedactor([TOKEN]);
    const gh = createFakeGitHubApi();
    gh.issues.set(4, issueData({ number: 4, title: 'slow', body: 'takes long' }));
    const factory = createRuntimeFactory({ logger, serverScript: distFile('server.js'), localIsolation: 'none' });
    try {
      const out = await resolveIssue(
        {
          github: gh,
          git: createGit({
            serverUrl: gitServer.url,
            token: TOKEN,
            authDir: path.join(root, 'auth'),
            logger,
            redactor,
          }),
          runtimeFactory: factory,
          llm: createLlmClient(
            {
              model: 'openai/gpt-4o',
              apiKey: 'k',
              baseUrl: llm.baseUrl,
              numRetries: 0,
              retryMinWaitSec: 0,
              retryMaxWaitSec: 0,
              retryMultiplier: 1,
              timeoutSec: 60,
            },
            { logger },
          ),
          logger,
          redactor,
          sleep: async () => {},
        },
        {
          owner: 'octo',
          repo: 'calc',
          issueNumber: 4,
          outputDir,
          maxIterations: 10,
          maxBudgetUsd: 4,
          maxRuntimeSec: 3,
          runtime: { kind: 'local', env: {} },
        },
      );
      const rec = out.record;
      expect(rec.error).toMatch(/^Agent reached maximum runtime/);
      expect(rec.git_patch).toContain('+partial');
      expect(rec.result_explanation).toBe('Only a partial change.');
      const cut = rec.history.find((e) => isObservation(e) && e.observation === 'error');
      expect(cut?.message).toMatch(/the run reached its time limit/);
      expect(llm.requests).toHaveLength(4);
    } finally {
      await factory.teardown();
      await llm.close();
    }
  });
});
