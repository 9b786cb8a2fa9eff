// Action post step (runs.post, post-if: always()). When the main step was killed before it finished (SIGKILL after
// the runner's grace, out of memory), it does what the main step could not (issue 9, "nothing lost"): removes what
// the dead step left running (sandbox processes and folders, containers), writes the record from the checkpoint or
// marks the written one as stopped, pushes the work done so far to a branch where the settings allow, edits the
// progress comment and posts a final comment saying what happened, and uploads the artifact. Always deletes the
// host-only state (the git auth include file).
import * as core from '@actions/core';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../core/errors.js';
import { createRedactor } from '../core/redact.js';
import { createGitHubApi } from '../github/api.js';
import { createOctokit } from '../github/client.js';
import { createCommenter, startBody, stoppedPhases, type Phase } from '../github/comments.js';
import { createGit } from '../git/git.js';
import { gitBaseEnv } from '../git/run.js';
import { readRecords } from '../resolver/output.js';
import { recoverInflight } from '../resolver/recover.js';
import { PHASE_WHILE, type OutputRecord, type RunPhase } from '../resolver/types.js';
import { killProcessesNaming } from '../runtime/cleanup.js';
import { sweepLeftovers } from '../runtime/index.js';
import { readActionConfig } from './config.js';
import { createActionLogger } from './logger.js';
import { registerSecrets, uploadIfAny } from './main.js';
import { salvage, type Delivered } from './salvage.js';

function parseJson<T>(text: string, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

async function post(): Promise<void> {
  const redactor = createRedactor();
  const config = readActionConfig();
  registerSecrets(redactor, [config.token, config.llm.apiKey]);
  const logger = createActionLogger(redactor);
  try {
    if (core.getState('authorized') !== 'true' || core.getState('finished') === 'true') return;
    const issueNumber = Number(core.getState('issue_number'));
    const outputDir = core.getState('output_dir') || config.outputDir;
    const saved = core.getState('phase');
    const phase: RunPhase = saved in PHASE_WHILE ? (saved as RunPhase) : 'context';
    const killed = 'the main step was killed';
    const stop = { error: killed, code: 'cancelled' as const, message: killed };
    logger.warn(`Post step: the main step did not finish (it was killed while ${PHASE_WHILE[phase]}).`);

    // 1. Nothing of the dead step stays running: its git commands (they run in their own process group, so they
    // outlive it; each names an auth file in the state folder), its sandboxes and their folders, its containers.
    const gits = killProcessesNaming(config.stateDir);
    if (gits.length > 0) logger.info(`Post step: stopped ${gits.length} git process(es) the main step left.`);
    const left = await sweepLeftovers({ logger, docker: config.sandbox.runtime !== 'local' });
    if (left.dirs.length + left.containers.length > 0)
      logger.info(
        `Post step: removed ${left.dirs.length} sandbox folder(s) and ${left.containers.length} container(s) the main step left.`,
      );

    // 2. The record: from the checkpoint when the main step had not written it.
    const git = createGit({
      serverUrl: config.urls.serverUrl,
      token: config.token,
      authDir: config.stateDir,
      logger,
      redactor,
      env: gitBaseEnv(process.env),
    });
    const outputFile = path.join(outputDir, 'output.jsonl');
    if (core.getState('record_written') !== 'true') {
      const written = await recoverInflight({
        outputDir,
        reason: killed,
        logger,
        redactor,
        git,
        allowWorkflowChanges: config.send.allowWorkflowChanges,
      });
      logger.info(`Post step: rebuilt ${written.length} record(s) from checkpoints.`);
    }
    if (!Number.isInteger(issueNumber) || issueNumber <= 0) return;
    const record: OutputRecord | null =
      readRecords(outputFile, logger).find((r) => r.issue?.number === issueNumber) ?? null;

    // 3. The branch, the progress comment and the final comment (salvage.ts, as the main step does after a stop).
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
    const phases = parseJson<Phase[]>(core.getState('progress'), []);
    const issueType = core.getState('issue_type') === 'pr' ? 'pr' : 'issue';
    await salvage(
      {
        api,
        git,
        commenter,
        logger,
        redactor,
        showStopped: async (detail) => {
          await commenter.progress(
            startBody({
              issueType,
              number: issueNumber,
              runUrl: config.run.url,
              phases: stoppedPhases(phases, detail),
            }),
          );
        },
      },
      {
        config: { ...config, outputDir },
        record,
        stop,
        phase,
        delivered: parseJson<Delivered | null>(core.getState('delivered'), null),
        // This attempt's final comment; an earlier attempt's is replaced (postFinal edits it).
        finalPosted: core.getState('final_posted') === 'true',
      },
    );

    // 4. The artifact, unless the main step uploaded it.
    if (core.getState('artifact_uploaded') !== 'true') await uploadIfAny(outputDir, logger);
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
