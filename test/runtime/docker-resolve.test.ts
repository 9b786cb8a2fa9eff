// resolveIssue end to end on the confined Docker sandbox (non-root uid, no capabilities): the repository's
// setup script, the shell, git with its global config, the editor and the patch computed in the sandbox all
// work there, and afterwards the workspace on the host is the host's again and can be deleted.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
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
import { SANDBOX_UID } from '../../src/runtime/ownership.js';
import { commitFiles, initBareRepo } from '../../src/testing/fake-github/bare-repo.js';
import { startGitHttpServer, type GitHttpServer } from '../../src/testing/git-http-server.js';
import { startScriptedLlm, text, toolCall, type ScriptedLlm } from '../../src/testing/scripted-llm.js';
import { distFile } from '../helpers/dist.js';
import { commentData, createFakeGitHubApi, issueData } from '../resolver/fake-github-api.js';
import { BOOKWORM_IMAGE, dockerGate } from './helpers.js';

const TOKEN = 'ghs_' + 'D'.repeat(36);
const root = mkdtempSync(path.join(os.tmpdir(), 'oh-resolve-docker-'));
const hostUid = process.geteuid!();
const sandboxUid = hostUid === 0 ? SANDBOX_UID : hostUid;
const dk = await dockerGate();
let gitServer: GitHttpServer;
let llm: ScriptedLlm | undefined;

const SETUP = [
  '# trusted setup: runs in the sandbox before the agent',
  'mkdir -p build',
  'id -u > build/setup-uid',
  'git config --global alias.st "status --short"',
  'export SETUP_MARK=from-setup',
  '',
].join('\n');

beforeAll(async () => {
  const bare = path.join(root, 'git', 'octo', 'calc.git');
  await initBareRepo(bare, 'main');
  await commitFiles(bare, {
    branch: 'main',
    parent: null,
    files: {
      'calc.py': 'def add(a, b):\n    return a - b\n',
      '.gitignore': 'build/\n',
      '.openhands/setup.sh': SETUP,
    },
    message: 'init',
    author: { name: 'Octo', email: 'octo@example.com', date: '2025-01-01T00:00:00Z' },
  });
  gitServer = await startGitHttpServer({ root: path.join(root, 'git'), token: TOKEN });
});
afterAll(async () => {
  await gitServer?.close();
  await llm?.close();
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(!dk.ok)(`resolveIssue on the Docker sandbox (${dk.label})`, () => {
  it('setup script, shell, git, editor and the in-sandbox patch work as a non-root uid; the host gets its workspace back', async () => {
    const outputDir = path.join(root, 'output');
    const ws = '/workspace';
    llm = await startScriptedLlm([
      toolCall('execute_bash', {
        command:
          'cat build/setup-uid; echo "$SETUP_MARK"; id -u; echo x > scratch.txt; git st; git config --global user.name',
      }),
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
      toolCall('execute_bash', {
        command: 'rm scratch.txt && python3 -c "from calc import add; assert add(2, 3) == 5; print(\'ok\')"',
      }),
      toolCall('finish', { message: 'Fixed add() and added a test.' }),
      text('--- success\ntrue\n\n--- explanation\nadd() now adds.'),
    ]);
    const logger = createRecordingLogger();
    const redactor = createRedactor([TOKEN]);
    const gh = createFakeGitHubApi();
    gh.issues.set(3, issueData({ number: 3, title: 'add() subtracts', body: 'add(2, 3) returns -1.' }));
    gh.comments.set(3, [commentData({ id: 1, body: 'Confirmed.' })]);
    const factory = createRuntimeFactory({ logger, serverScript: distFile('server.js') });
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
          runtime: { kind: 'docker', env: {}, image: BOOKWORM_IMAGE, network: 'none' },
        },
      );
      const rec = out.record;
      expect(rec.error).toBeNull();
      expect(rec.success).toBe(true);
      // The setup script ran (as the sandbox uid): nothing warned about it.
      expect(logger.lines.filter((r) => r.level === 'warn').map((r) => r.message)).toEqual([]);
      const toolMessages = (llm.requests[5]?.body?.messages ?? [])
        .filter((m) => m.role === 'tool')
        .map((m) => String(m.content));
      const first = toolMessages[0] ?? '';
      expect(first).toContain(`${sandboxUid}\nfrom-setup\n${sandboxUid}\n?? scratch.txt\nopenhands`);
      expect(sandboxUid).not.toBe(0);
      expect(toolMessages[1]).toMatch(/1\tdef add\(a, b\):/);
      expect(toolMessages[4]).toContain('ok');
      expect(rec.history.filter(isObservation).map((o) => o.observation)).toEqual([
        'run',
        'read',
        'edit',
        'edit',
        'run',
      ]);
      // The patch was made in the sandbox: the edit, the new file, nothing ignored or deleted.
      expect(rec.git_patch).toContain('diff --git a/calc.py b/calc.py');
      expect(rec.git_patch).toContain('+    return a + b');
      expect(rec.git_patch).toContain('diff --git a/test_calc.py b/test_calc.py');
      expect(rec.git_patch).not.toContain('build/');
      expect(rec.git_patch).not.toContain('scratch.txt');
    } finally {
      await factory.teardown();
    }
    // The workspace the sandbox wrote is the host's again, down to the files the sandbox made.
    const workspace = path.join(outputDir, 'workspace', 'issue_3');
    for (const f of ['.', 'calc.py', 'test_calc.py', 'build', 'build/setup-uid', '.git', '.git/index']) {
      expect(`${f} ${statSync(path.join(workspace, f)).uid}`).toBe(`${f} ${hostUid}`);
    }
    expect(readdirSync(path.join(workspace, 'build'))).toEqual(['setup-uid']);
    rmSync(workspace, { recursive: true });
  }, 120_000);
});
