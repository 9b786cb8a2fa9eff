// The CLI subcommands: each turns its typed options into calls of the resolver use cases.
import { supportsVision } from '../llm/capabilities.js';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { bundledFile } from '../core/bundle-paths.js';
import { ResolverError, errorMessage } from '../core/errors.js';
import { createCancellation, watchProcess } from '../core/cancel.js';
import type { Logger } from '../core/log.js';
import { createRedactor } from '../core/redact.js';
import { createGitHubApi } from '../github/api.js';
import { createOctokit } from '../github/client.js';
import { createGit } from '../git/git.js';
import { gitBaseEnv } from '../git/run.js';
import { createLlmClient } from '../llm/client.js';
import { buildSandboxEnv, describeDenials } from '../runtime/env.js';
import { createRuntimeFactory } from '../runtime/index.js';
import { findRecord, readRecords } from '../resolver/output.js';
import { isFatalRecordError, isStoppedRecord, recordErrorCode } from '../resolver/record-error.js';
import { resolveIssue } from '../resolver/resolve-issue.js';
import { createPrOverview } from '../resolver/send-pr-update.js';
import { recordRunId, sendPullRequest, type SendDeps } from '../resolver/send-pull-request.js';
import type { ResolveIssueOptions, SendPullRequestOptions } from './flags.js';

type Env = Readonly<Record<string, string | undefined>>;

export async function resolveIssueCommand(o: ResolveIssueOptions, env: Env, logger: Logger): Promise<number> {
  const redactor = createRedactor([o.token, o.llm.apiKey]);
  // SIGINT, SIGTERM and a crash stop the run the same way; the record is still written (core/cancel.ts).
  const cancel = createCancellation();
  const api = createGitHubApi(createOctokit({ token: o.token, urls: o.urls, logger, signal: cancel.signal }), o.urls);
  const stateDir = path.join(path.resolve(o.outputDir), '.state');
  const git = createGit({
    serverUrl: o.urls.serverUrl,
    token: o.token,
    username: o.username,
    authDir: stateDir,
    logger,
    redactor,
    env: gitBaseEnv(env),
    signal: cancel.signal,
  });
  const llm = createLlmClient(o.llm, { logger });
  const sandboxEnv = buildSandboxEnv(env, { secrets: [o.token, o.llm.apiKey] });
  for (const line of describeDenials(sandboxEnv.denied)) logger.info(line);
  const runtimeFactory = createRuntimeFactory({
    logger,
    hostEnv: env,
    warmEnv: sandboxEnv.env,
    // Warm servers are only taken when they match the run's sandbox, network included.
    warmNetwork: o.network,
  });
  const unwatch = watchProcess(cancel, logger);
  try {
    // INITIAL_NUM_WARM_SERVERS: started (and waited for) before the run, as the reference's setup() does. The
    // pool holds local servers only, so a docker run does not start any.
    if (o.runtime !== 'docker') await runtimeFactory.setup();
    const result = await resolveIssue(
      { github: api, git, runtimeFactory, llm, logger, redactor },
      {
        owner: o.owner,
        repo: o.repo,
        issueNumber: o.issueNumber,
        issueType: o.issueType,
        commentId: o.commentId,
        outputDir: path.resolve(o.outputDir),
        maxIterations: o.maxIterations,
        maxBudgetUsd: o.maxBudgetUsd,
        maxRuntimeSec: o.maxRuntimeMinutes * 60,
        targetBranch: o.targetBranch,
        promptFile: o.promptFile,
        repoInstructionFile: o.repoInstructionFile,
        runtime: { kind: o.runtime, env: sandboxEnv.env, image: o.runtimeImage ?? o.baseImage, network: o.network },
        allowWorkflowChanges: o.allowWorkflowChanges,
        vision: supportsVision(o.llm.model),
        secrets: [o.token, o.llm.apiKey ?? ''].filter((s) => s !== ''),
        signal: cancel.signal,
        onProgress: (p) => {
          if (p.phase === 'agent' && p.iteration !== undefined)
            logger.info(
              `[agent] iteration ${p.iteration}/${p.maxIterations ?? '?'}${p.lastAction ? `: ${p.lastAction}` : ''}`,
            );
          else if (p.phase !== 'agent') logger.info(`[${p.phase}]`);
        },
      },
    );
    const record = result.record;
    if (!result.skipped) {
      logger.info(`Resolved: success=${record.success}. Record appended to ${result.outputFile}.`);
      if (result.patchFile) logger.info(`Patch: ${result.patchFile}`);
    }
    if (!result.skipped && isStoppedRecord(record)) return 130;
    // The run could not work at all (no clone, a model that cannot be used): a failed command, not "no changes".
    if (isFatalRecordError(record)) {
      const earlier = result.skipped
        ? ` (an earlier run's record; remove its line from ${result.outputFile} to run it again)`
        : '';
      logger.error(`resolve-issue failed [${recordErrorCode(record)}]${earlier}: ${record.error ?? 'no error text'}`);
      return 1;
    }
    return 0;
  } finally {
    unwatch();
    await runtimeFactory.teardown();
  }
}

export async function sendPullRequestCommand(o: SendPullRequestOptions, env: Env, logger: Logger): Promise<number> {
  const outputDir = path.resolve(o.outputDir);
  if (!existsSync(outputDir) || !statSync(outputDir).isDirectory())
    throw new ResolverError('config', `Output directory ${o.outputDir} does not exist.`);
  const outputFile = path.join(outputDir, 'output.jsonl');
  const records =
    o.issueNumber !== null
      ? [findRecord(outputFile, o.issueNumber, logger)]
      : readRecords(outputFile, logger).filter((r) => r.success);
  const redactor = createRedactor([o.token, o.llm?.apiKey]);
  const api = createGitHubApi(createOctokit({ token: o.token, urls: o.urls, logger }), o.urls);
  const git = createGit({
    serverUrl: o.urls.serverUrl,
    token: o.token,
    username: o.username,
    authDir: path.join(outputDir, '.state'),
    logger,
    redactor,
    env: gitBaseEnv(env),
  });
  // With a model configured (--llm-model or LLM_MODEL), PR updates get its overview instead of the plain list.
  let summarize: SendDeps['summarize'];
  if (o.llm) {
    try {
      summarize = createPrOverview(createLlmClient(o.llm, { logger }), { logger });
    } catch (err) {
      logger.warn(`No LLM overview of PR updates: ${redactor.redact(errorMessage(err))}`);
    }
  }
  for (const record of records) {
    const result = await sendPullRequest(
      { api, git, logger, redactor, ...(summarize ? { summarize } : {}) },
      {
        outputDir,
        record,
        prType: o.prType,
        sendOnFailure: o.sendOnFailure,
        targetBranch: o.targetBranch,
        forkOwner: o.forkOwner,
        reviewer: o.reviewer,
        prTitle: o.prTitle,
        identity: o.gitUser,
        coAuthor: o.coAuthor,
        branchCollision: o.branchCollision,
        allowWorkflowChanges: o.allowWorkflowChanges,
        // The same for every send of this record: a second send edits its comments instead of adding more.
        runId: recordRunId(record),
      },
    );
    for (const w of result.warnings) logger.warn(w);
    if (result.conclusion === 'no-changes') {
      logger.error('ERROR: Openhands failed to make code changes.');
      return 1;
    }
  }
  return 0;
}

export function visualizeCommand(
  args: { issueNumber: number; outputDir: string; method: string },
  logger: Logger,
  out: (s: string) => void,
): number {
  if (args.method !== 'json') throw new ResolverError('config', `Invalid visualization method: ${args.method}`);
  const record = findRecord(path.join(args.outputDir, 'output.jsonl'), args.issueNumber, logger);
  out(
    JSON.stringify(record, null, 4).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ) + '\n',
  );
  return 0;
}

/** `serve`: the action-execution server, the same program as `node dist/server.js`. */
export function serveCommand(args: string[]): Promise<number> {
  const server = bundledFile(import.meta.url, 'server.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [server, ...args], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
