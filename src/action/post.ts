// Action post step (runs.post, post-if: always()): if main died before writing its record or its final
// comment, do it now (security.md §9); always delete the host-only state (the git auth include file).
import * as core from '@actions/core';
import { rm } from 'node:fs/promises';
import { errorMessage } from '../core/errors.js';
import { createRedactor } from '../core/redact.js';
import { createGitHubApi } from '../github/api.js';
import { createOctokit } from '../github/client.js';
import { createCommenter, errorBody } from '../github/comments.js';
import { createGit } from '../git/git.js';
import { gitBaseEnv } from '../git/run.js';
import { recoverInflight } from '../resolver/recover.js';
import { readActionConfig } from './config.js';
import { createActionLogger } from './logger.js';
import { registerSecrets } from './main.js';

async function post(): Promise<void> {
  const redactor = createRedactor();
  const config = readActionConfig();
  registerSecrets(redactor, [config.token, config.llm.apiKey]);
  const logger = createActionLogger(redactor);
  try {
    if (core.getState('authorized') !== 'true') return;
    const issueNumber = Number(core.getState('issue_number'));
    const outputDir = core.getState('output_dir') || config.outputDir;
    if (core.getState('record_written') !== 'true') {
      const git = createGit({
        serverUrl: config.urls.serverUrl,
        token: config.token,
        authDir: config.stateDir,
        logger,
        redactor,
        env: gitBaseEnv(process.env),
      });
      const written = await recoverInflight({
        outputDir,
        reason: 'the main step stopped before it wrote its record (cancelled or crashed)',
        logger,
        redactor,
        git,
        allowWorkflowChanges: config.send.allowWorkflowChanges,
      });
      logger.info(`Post step: rebuilt ${written.length} record(s) from checkpoints.`);
    }
    if (core.getState('final_posted') !== 'true' && Number.isInteger(issueNumber) && issueNumber > 0) {
      const api = createGitHubApi(createOctokit({ token: config.token, urls: config.urls, logger }), config.urls);
      const commenter = createCommenter({
        api,
        repo: config.repository,
        number: issueNumber,
        runId: config.run.id,
        redactor,
        logger,
        macro: config.trigger.macro,
      });
      if (!(await commenter.hasFinal())) {
        await commenter.postFinal(
          'error',
          errorBody({
            runUrl: config.run.url,
            message:
              'The run stopped before it could report a result (it was cancelled or crashed). Any partial work is in the resolver-output artifact.',
          }),
        );
        logger.info('Post step: posted the error comment the main step could not.');
      }
    }
  } finally {
    await rm(config.stateDir, { recursive: true, force: true });
  }
}

try {
  await post();
} catch (err) {
  // The post step reports but never fails the job on its own: the main step's result stands.
  core.warning(`Post step: ${errorMessage(err)}`);
}
process.exit(0);
