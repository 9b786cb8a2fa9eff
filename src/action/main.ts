// The action's main step: read the config once, register secrets before anything is logged, run the
// job, then report (outputs, job summary, artifact). The only place that calls setFailed.
import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
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

  // The runner sends SIGINT/SIGTERM on cancellation: stop the agent; resolve still writes the record.
  const abort = new AbortController();
  const onSignal = (sig: string) => {
    logger.warn(`Received ${sig}: stopping the agent and saving what was done.`);
    abort.abort(new ResolverError('cancelled', `cancelled by ${sig}`));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  let result: RunOutcome;
  try {
    const payload = readPayload(config.eventPath);
    result = await runJob(config, payload, {
      logger,
      redactor,
      hostEnv: process.env,
      saveState: (name, value) => core.saveState(name, value),
      signal: abort.signal,
    });
  } catch (err) {
    core.setOutput('conclusion', 'error');
    core.setFailed(redactor.redact(errorMessage(err)));
    return;
  }

  setOutputs(result);
  await core.summary.addRaw(summaryMarkdown(result, redactor)).write();
  if (result.outputFile && existsSync(result.outputFile)) {
    await uploadResults(config.outputDir, logger, process.env).catch((err: unknown) =>
      logger.warn(`Artifact upload failed: ${errorMessage(err)}`),
    );
  }
  if (result.conclusion === 'error') core.setFailed(result.reason ?? 'The run failed.');
  else logger.info(`Conclusion: ${result.conclusion}${result.prUrl ? ` (${result.prUrl})` : ''}.`);
}
