// `openhands-resolver demo`: the whole job offline. GitHub is the fake GitHub test double (on loopback),
// the model is a replay of recorded responses (not a live model); the sandbox, git and the job code
// are the real ones the action runs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionConfig } from '../../action/config.js';
import { runJob } from '../../action/job.js';
import type { Logger } from '../../core/log.js';
import { createRedactor } from '../../core/redact.js';
import { createReplayClient } from '../../llm/replay.js';
import { startFakeGitHub, type FakeGitHub } from '../../testing/fake-github/index.js';
import replay from './replay.json' with { type: 'json' };
import {
  DEMO_FILES,
  DEMO_ISSUE_BODY,
  DEMO_ISSUE_NUMBER,
  DEMO_ISSUE_TITLE,
  DEMO_OWNER,
  DEMO_REPO,
} from './sample-repo.js';

const MAINTAINER = 'demo-maintainer';

function demoConfig(fake: FakeGitHub, outputDir: string, stateDir: string, replayFile: string): ActionConfig {
  const runUrl = `${fake.serverUrl}/${DEMO_OWNER}/${DEMO_REPO}/actions/runs/1`;
  return {
    token: fake.token,
    repository: { owner: DEMO_OWNER, repo: DEMO_REPO },
    eventName: 'issues',
    eventPath: '(in memory)',
    actor: MAINTAINER,
    urls: { apiUrl: fake.apiUrl, graphqlUrl: fake.graphqlUrl, serverUrl: fake.serverUrl },
    run: { id: '1', attempt: '1', url: runUrl },
    outputDir,
    stateDir,
    llm: {
      model: `replay/${replayFile}`,
      replayFile,
      numRetries: 0,
      retryMinWaitSec: 0,
      retryMaxWaitSec: 0,
      retryMultiplier: 1,
      timeoutSec: 60,
    },
    limits: { maxIterations: 20, maxBudgetUsd: 4, maxRuntimeMinutes: 10 },
    trigger: { macro: '@openhands-agent', label: 'fix-me', experimentalLabel: 'fix-me-experimental', allowedBots: [] },
    send: {
      targetBranch: null,
      prType: 'draft',
      prTitle: null,
      sendOnFailure: true,
      reviewer: null,
      forkOwner: null,
      gitUser: { name: 'openhands', email: 'openhands@all-hands.dev' },
      patUsername: 'openhands-agent',
      branchCollision: 'reuse',
      allowWorkflowChanges: false,
      resolveThreads: false,
    },
    sandbox: { runtime: 'local', baseImage: null, runtimeImage: null, experimentalImage: null, network: 'full' },
    dispatch: { issueNumber: null, issueType: 'issue', commentId: null },
  };
}

/** An `issues.labeled` webhook payload shaped like GitHub's. */
function labeledPayload(fake: FakeGitHub, issue: { id: number; nodeId: string; createdAt: string; updatedAt: string }) {
  const repository = {
    id: 1,
    name: DEMO_REPO,
    full_name: `${DEMO_OWNER}/${DEMO_REPO}`,
    owner: { login: DEMO_OWNER, type: 'Organization', id: 1 },
  };
  const sender = { login: MAINTAINER, type: 'User', id: 4242 };
  return {
    action: 'labeled',
    issue: {
      id: issue.id,
      node_id: issue.nodeId,
      number: DEMO_ISSUE_NUMBER,
      title: DEMO_ISSUE_TITLE,
      body: DEMO_ISSUE_BODY,
      state: 'open',
      user: { login: 'a-customer', type: 'User', id: 77 },
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      html_url: `${fake.serverUrl}/${DEMO_OWNER}/${DEMO_REPO}/issues/${DEMO_ISSUE_NUMBER}`,
      labels: [{ name: 'fix-me' }],
    },
    label: { name: 'fix-me' },
    repository,
    sender,
  };
}

export async function runDemo(logger: Logger, out: (line: string) => void): Promise<number> {
  out('openhands-resolver demo: the whole pipeline, offline.');
  out("  GitHub  : a local stand-in (the project's fake GitHub test double, on 127.0.0.1)");
  out('  Model   : a REPLAY of recorded model responses, not a live model');
  out('  Sandbox : the real action-execution server and bash (runtime "local", no isolation)');
  out('  Git     : real clone, commit and push over HTTP with the token in a temporary header');
  out('');
  const work = mkdtempSync(path.join(os.tmpdir(), 'openhands-demo-'));
  const fake = await startFakeGitHub({ dir: path.join(work, 'github') });
  try {
    await fake.addRepo({ owner: DEMO_OWNER, repo: DEMO_REPO, files: DEMO_FILES, defaultBranch: 'main' });
    fake.addUser(MAINTAINER);
    fake.setPermission(DEMO_OWNER, DEMO_REPO, MAINTAINER, 'write');
    const issue = fake.addIssue({
      owner: DEMO_OWNER,
      repo: DEMO_REPO,
      title: DEMO_ISSUE_TITLE,
      body: DEMO_ISSUE_BODY,
      author: 'a-customer',
      labels: ['fix-me'],
    });
    out(
      `1. ${MAINTAINER} labelled issue #${issue.number} "${DEMO_ISSUE_TITLE}" with fix-me in ${fake.serverUrl}/${DEMO_OWNER}/${DEMO_REPO}`,
    );

    const replayFile = path.join(work, 'replay.json');
    writeFileSync(replayFile, JSON.stringify(replay));
    const outputDir = path.join(work, 'output');
    const config = demoConfig(fake, outputDir, path.join(work, 'state'), replayFile);
    const redactor = createRedactor([fake.token]);
    const result = await runJob(config, labeledPayload(fake, issue), {
      logger,
      redactor,
      hostEnv: process.env,
      llm: createReplayClient(replayFile, { model: 'replay/demo' }),
      runtime: { localIsolation: 'none' },
    });

    out('');
    out(`2. The job finished: ${result.conclusion}.`);
    const record = result.record;
    if (record) {
      const steps = record.history.filter((e) => 'action' in e && e.source === 'agent').length;
      out(
        `   The agent took ${record.metrics?.iterations ?? steps} steps; the judgement says success=${record.success}.`,
      );
      out(`   Record: ${result.outputFile}`);
    }
    const pr = fake.state.pulls.find((p) => p.repo === `${DEMO_OWNER}/${DEMO_REPO}`);
    if (pr) {
      const log = await fake.gitLog(DEMO_OWNER, DEMO_REPO, pr.headRef);
      out(`3. Draft PR #${pr.number} "${pr.title}" from branch ${pr.headRef}; commit "${log[0]?.subject ?? '?'}".`);
      const fixed = await fake.readFile(DEMO_OWNER, DEMO_REPO, pr.headRef, 'src/calc.js');
      out('   src/calc.js on the branch:');
      for (const line of (fixed ?? '').trimEnd().split('\n')) out(`     ${line}`);
    }
    const comments = fake.state.comments.filter((c) => c.issueNumber === DEMO_ISSUE_NUMBER);
    out(
      `4. Comments on issue #${DEMO_ISSUE_NUMBER}: ${comments.length} (a progress comment edited in place, and the final one):`,
    );
    for (const c of comments)
      out(
        `   - ${c.body
          .split('\n')[0]
          ?.replace(/<!--.*?-->/g, '')
          .slice(0, 160)}`,
      );
    out('');
    if (result.prUrl) {
      out(`PR opened: ${result.prUrl}`);
      return 0;
    }
    out(`No PR was opened (${result.reason ?? result.conclusion}).`);
    return 1;
  } finally {
    await fake.close();
  }
}
