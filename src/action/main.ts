// The action's main step: read the config once, register secrets before anything is logged, run the
// job, then report (outputs, job summary, artifact). The only place that calls setFailed.
import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createCancellation, watchProcess } from '../core/cancel.js';
import type { Logger } from '../core/log.js';
import { ResolverError, errorMessage } from '../core/errors.js';
import { createRedactor, type Redactor } from '../core/redact.js';
import { readActionConfig, type ActionConfig } from './config.js';
import { uploadResults } from './artifact.js';
import { runJob } from './job.js';
import { createActionLogger } from './logger.js';
import { setOutputs, summaryMarkdown, type RunOutcome } from './report.js';

export function registerSecrets(redactor: Redactor, secrets: (string | undefined)[]): void {
  for (const s of secrets) for (const form of redactor.add(s)) core.setSecret(form);
}

export function readPayload(eventPath: string): unknown {
  let text: string;
  try {
    text = readFileSync(eventPath, 'utf8');
  } catch (err) {
    throw new ResolverError('event', `Cannot read the event payload at GITHUB_EVENT_PATH (${errorMessage(err)}).`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ResolverError('event', 'The event payload at GITHUB_EVENT_PATH is not valid JSON.');
  }
}

export async function main(): Promise<void> {
  const redactor = createRedactor();
  let config: ActionConfig;
  try {
    config = readActionConfig();
  } catch (err) {
    core.setOutput('conclusion', 'error');
    core.setFailed(errorMessage(err));
    return;
  }
  registerSecrets(redactor, [config.token, config.llm.apiKey]);
  const logger = createActionLogger(redactor);

  // The runner sends SIGINT, then SIGTERM, on cancellation and timeout; a crash is an exception nothing caught.
  // All of them stop the work and leave the record, the patch, a branch and the comments (core/cancel.ts).
  const cancel = createCancellation();
  watchProcess(cancel, logger);
  // However saving goes, the step ends soon after the grace period: the post step does what is left.
  cancel.grace.addEventListener('abort', () => setTimeout(() => process.exit(1), HARD_EXIT_MS).unref(), {
    once: true,
  });

  let result: RunOutcome;
  try {
    const payload = readPayload(config.eventPath);
    result = await runJob(config, payload, {
      logger,
      redactor,
      hostEnv: process.env,
      saveState: (name, value) => core.saveState(name, value),
      signal: cancel.signal,
      grace: cancel.grace,
    });
  } catch (err) {
    core.setOutput('conclusion', 'error');
    core.setFailed(redactor.redact(errorMessage(err)));
    await uploadIfAny(config.outputDir, logger);
    core.saveState('finished', 'true');
    return;
  }

  setOutputs(result);
  await core.summary.addRaw(summaryMarkdown(result, redactor)).write();
  await uploadIfAny(config.outputDir, logger);
  core.saveState('finished', 'true');
  if (result.conclusion === 'error') core.setFailed(result.reason ?? 'The run failed.');
  else logger.info(`Conclusion: ${result.conclusion}${result.prUrl ? ` (${result.prUrl})` : ''}.`);
}

/** After the grace period the step exits even when something did not end (the post step finishes the job). */
const HARD_EXIT_MS = 5_000;

/**
 * Uploads the artifact whenever the run wrote a record, whatever its conclusion (a stopped run's patch is in it),
 * and tells the post step it was done.
 */
export async function uploadIfAny(outputDir: string, logger: Logger): Promise<void> {
  if (!existsSync(path.join(outputDir, 'output.jsonl'))) return;
  try {
    await uploadResults(outputDir, logger, process.env);
    core.saveState('artifact_uploaded', 'true');
  } catch (err) {
    logger.warn(`Artifact upload failed: ${errorMessage(err)}`);
  }
}
