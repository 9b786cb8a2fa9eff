// resolveIssue: the resolve half for one issue (resolver.md §5 order of work). Every run that gets past
// the context fetch appends exactly one output.jsonl record: on success, failure, limit, crash or
// cancellation (security.md §9).
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { runAgent, type AgentResult } from '../agent/loop.js';
import { addCompletion } from '../agent/metrics.js';
import { createToolRegistry, defaultTools, wantsShortDescriptions } from '../agent/tools/registry.js';
import { ResolverError, errorMessage } from '../core/errors.js';
import type { Event } from '../core/events.js';
import type { Logger } from '../core/log.js';
import type { Redactor } from '../core/redact.js';
import type { Git } from '../git/types.js';
import type { GitHubApi } from '../github/types.js';
import type { LlmClient } from '../llm/types.js';
import type { Runtime, RuntimeFactory, RuntimeOptions } from '../runtime/types.js';
import { fetchIssueContext, type TriggerInfo } from './context.js';
import { judgeIssue, lastAgentMessage } from './judge.js';
import {
  appendRecord,
  ensureDir,
  findProcessed,
  outputPaths,
  removeCheckpoint,
  writeCheckpoint,
  writePatchFile,
  writeTrajectory,
} from './output.js';
import { applyPatchPolicy, describeDrops } from './patch-policy.js';
import { loadCustomTemplates, renderIssuePrompts } from './prompts.js';
import { createDelimiter } from './sanitize.js';
import type { IssueRecord, Metrics, OutputRecord } from './types.js';
import {
  copyWorkspace,
  hostPatch,
  initSandbox,
  installPreCommitHook,
  prepareRepo,
  readRepoInstructions,
  sandboxPatch,
  validateTargetBranch,
} from './workspace.js';

export type ResolvePhase = 'context' | 'clone' | 'sandbox' | 'agent' | 'patch' | 'judge' | 'record';

export interface ResolveProgress {
  phase: ResolvePhase;
  iteration?: number;
  maxIterations?: number;
  costUsd?: number;
  lastAction?: string | null;
}

export interface ResolveDeps {
  github: GitHubApi;
  git: Git;
  runtimeFactory: RuntimeFactory;
  llm: LlmClient;
  logger: Logger;
  redactor: Redactor;
  /** Injectable so tests skip the 10 s waits between patch attempts. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface ResolveIssueOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  commentId?: number | null;
  trigger?: TriggerInfo;
  outputDir: string;
  maxIterations: number;
  maxBudgetUsd: number | null;
  maxRuntimeSec: number | null;
  targetBranch?: string | null;
  promptFile?: string | null;
  repoInstructionFile?: string | null;
  /** Sandbox settings from the caller: kind, env (already filtered), image, network, plugins, server script. */
  runtime: Omit<RuntimeOptions, 'workspaceHostDir' | 'sessionId' | 'logger'>;
  allowWorkflowChanges?: boolean;
  /** Hard timeout of agent commands without their own timeout (resolver.md §9.1: 300 s). */
  commandTimeoutSec?: number;
  /** Extra values masked as <secret_hidden> in events (the redactor's secrets always are). */
  secrets?: string[];
  vision?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: ResolveProgress) => void;
}

export interface ResolveOutcome {
  record: OutputRecord;
  /** True when output.jsonl already had this issue and nothing ran. */
  skipped: boolean;
  outputFile: string;
  patchFile: string | null;
  trajectoryFile: string | null;
}

export const AGENT_FAILED_EXPLANATION = 'Agent failed to run';
export const AGENT_FAILED_ERROR = 'Agent failed to run or crashed';

export async function resolveIssue(deps: ResolveDeps, opts: ResolveIssueOptions): Promise<ResolveOutcome> {
  const { logger, redactor } = deps;
  const r = { owner: opts.owner, repo: opts.repo };
  const paths = outputPaths(opts.outputDir, 'issue', opts.issueNumber);
  const progress = (p: ResolveProgress) => opts.onProgress?.(p);

  // 1. validate before any spend
  if (!Number.isInteger(opts.issueNumber) || opts.issueNumber <= 0) {
    throw new ResolverError('config', `Invalid issue number ${opts.issueNumber}: expected a positive integer.`);
  }
  if (opts.targetBranch) await validateTargetBranch(deps.github, r, opts.targetBranch);
  const templates = opts.promptFile ? await loadCustomTemplates(opts.promptFile) : undefined;

  // 2. skip check
  await mkdir(opts.outputDir, { recursive: true });
  ensureDir(paths.inferLogsDir);
  const existing = findProcessed(paths.outputFile, { ...r, number: opts.issueNumber }, logger);
  if (existing) {
    logger.info(`Issue ${opts.issueNumber} was already processed. Skipping.`);
    return { record: existing, skipped: true, outputFile: paths.outputFile, patchFile: null, trajectoryFile: null };
  }

  // 3. context
  progress({ phase: 'context' });
  const ctx = await fetchIssueContext(
    deps.github,
    { ...r, number: opts.issueNumber, commentId: opts.commentId, trigger: opts.trigger },
    logger,
  );
  const issue: IssueRecord = { ...ctx.issue, base_branch: opts.targetBranch ?? null };
  const delimiter = createDelimiter();

  let baseCommit = '';
  let instruction = '';
  let runtime: Runtime | null = null;
  let agent: AgentResult | null = null;
  let failure: unknown = null;
  try {
    // 4-5. clone, base commit, instructions from the base commit
    progress({ phase: 'clone' });
    const repo = await prepareRepo(deps, { ...r, repoDir: paths.repoDir, targetBranch: opts.targetBranch });
    baseCommit = repo.baseCommit;
    const repoInstruction = await readRepoInstructions(deps.git, paths.repoDir, baseCommit, {
      instructionFile: opts.repoInstructionFile,
    });

    // 6. workspace copy + sandbox
    progress({ phase: 'sandbox' });
    await copyWorkspace(paths.repoDir, paths.workspaceDir);
    const preCommit = await deps.git.show(paths.repoDir, baseCommit, '.openhands/pre-commit.sh');
    if (preCommit !== null) await installPreCommitHook(paths.workspaceDir, preCommit);
    runtime = await deps.runtimeFactory.create({
      ...opts.runtime,
      workspaceHostDir: paths.workspaceDir,
      sessionId: `${opts.owner}-${opts.repo}-issue-${opts.issueNumber}-${randomBytes(3).toString('hex')}`.replace(
        /[^A-Za-z0-9_.-]/g,
        '_',
      ),
      logger,
    });
    const setupScript = await deps.git.show(paths.repoDir, baseCommit, '.openhands/setup.sh');
    await initSandbox(runtime, { setupScript, workspaceHostDir: paths.workspaceDir, logger, signal: opts.signal });
    if (opts.runtime.network === 'setup-only') await runtime.dropNetwork?.();

    // 7. prompts + agent
    const prompts = renderIssuePrompts({
      issue,
      workspacePath: runtime.workspacePath,
      repoInstruction,
      delimiter,
      templates,
      imageUrls: ctx.imageUrls,
      vision: opts.vision,
    });
    instruction = prompts.instruction;
    progress({ phase: 'agent', iteration: 0, maxIterations: opts.maxIterations, costUsd: 0, lastAction: null });
    const checkpointBase = { issue, issue_type: 'issue' as const, instruction, base_commit: baseCommit };
    agent = await runAgent(
      {
        llm: deps.llm,
        runtime,
        tools: createToolRegistry(
          defaultTools({
            commandTimeoutSec: opts.commandTimeoutSec ?? 300,
            shortDescriptions: wantsShortDescriptions(deps.llm.model),
            jupyter: opts.runtime.plugins?.includes('jupyter') ?? false,
          }),
        ),
        logger,
        now: deps.now,
      },
      {
        systemPrompt: prompts.system,
        userMessage: prompts.instruction,
        imageUrls: ctx.imageUrls,
        vision: opts.vision,
        maxIterations: opts.maxIterations,
        maxBudgetUsd: opts.maxBudgetUsd,
        maxRuntimeSec: opts.maxRuntimeSec,
        secrets: [...redactor.secrets, ...(opts.secrets ?? [])],
        signal: opts.signal,
        onProgress: (p) => progress({ phase: 'agent', ...p }),
        onCheckpoint: (s) =>
          writeCheckpoint(
            paths.inflightFile,
            { ...checkpointBase, history: [...s.history], metrics: s.metrics, iteration: s.iteration },
            redactor,
          ),
      },
    );
  } catch (err) {
    failure = err;
    logger.error(`The agent failed to run: ${redactor.redact(errorMessage(err))}`);
  }

  // 8. patch, even after a failure; the host path when the sandbox is gone or never came up
  progress({ phase: 'patch' });
  let rawPatch: string | null = null;
  if (baseCommit) {
    rawPatch = await computePatch(deps, runtime, {
      baseCommit,
      repoDir: paths.repoDir,
      workspaceDir: paths.workspaceDir,
      signal: opts.signal,
    });
  }
  if (runtime) {
    await runtime.close().catch((e: unknown) => logger.warn(`Closing the sandbox failed: ${errorMessage(e)}`));
  }
  const policy = applyPatchPolicy(rawPatch, { allowWorkflowChanges: opts.allowWorkflowChanges });
  const drops = describeDrops(policy);
  if (drops) logger.warn(drops);

  // 9. judgement
  let record: OutputRecord;
  const cancelled =
    opts.signal?.aborted === true ||
    agent?.state === 'cancelled' ||
    (failure instanceof ResolverError && failure.code === 'cancelled');
  if (!agent || failure) {
    record = buildRecord({
      issue,
      instruction,
      baseCommit,
      gitPatch: policy.patch,
      history: [],
      metrics: null,
      success: false,
      explanation: joinExplanation(AGENT_FAILED_EXPLANATION, drops),
      error: cancelled ? 'cancelled' : AGENT_FAILED_ERROR,
      extra: failure ? { error_detail: errorMessage(failure) } : {},
    });
  } else if (cancelled) {
    record = buildRecord({
      issue,
      instruction,
      baseCommit,
      gitPatch: policy.patch,
      history: agent.history,
      metrics: agent.metrics,
      success: false,
      explanation: joinExplanation('The run was cancelled before it finished.', drops),
      error: 'cancelled',
    });
  } else {
    progress({ phase: 'judge' });
    let metrics: Metrics = agent.metrics;
    let success = false;
    let explanation: string;
    try {
      const j = await judgeIssue(deps.llm, {
        issue,
        gitPatch: policy.patch,
        lastMessage: lastAgentMessage(agent.history),
        delimiter,
        signal: opts.signal,
      });
      metrics = addCompletion(metrics, j.completion, deps.now);
      success = j.success;
      explanation = j.explanation;
    } catch (err) {
      explanation = `The success judgement failed: ${errorMessage(err)}`;
      logger.warn(explanation);
    }
    record = buildRecord({
      issue,
      instruction,
      baseCommit,
      gitPatch: policy.patch,
      history: agent.history,
      metrics,
      success,
      explanation: joinExplanation(explanation, drops),
      error: agent.lastError,
    });
  }

  // 10. record, patch and trajectory files
  progress({ phase: 'record' });
  await writePatchFile(paths.patchFile, policy.patch, redactor);
  await writeTrajectory(paths.trajectoryFile, record.history, redactor);
  await appendRecord(paths.outputFile, record, redactor);
  await removeCheckpoint(paths.inflightFile);
  logger.info(
    `Issue ${opts.issueNumber}: success=${record.success}${record.error ? `, error: ${redactor.redact(record.error)}` : ''}.`,
  );
  return {
    record: redactor.redactDeep(record),
    skipped: false,
    outputFile: paths.outputFile,
    patchFile: paths.patchFile,
    trajectoryFile: paths.trajectoryFile,
  };
}

async function computePatch(
  deps: ResolveDeps,
  runtime: Runtime | null,
  o: { baseCommit: string; repoDir: string; workspaceDir: string; signal?: AbortSignal },
): Promise<string | null> {
  if (runtime) {
    try {
      // A cancelled run still gets its patch: the sandbox call is not tied to the aborted signal.
      return await sandboxPatch(runtime, {
        baseCommit: o.baseCommit,
        sleep: deps.sleep,
        logger: deps.logger,
        attempts: o.signal?.aborted ? 1 : 5,
      });
    } catch (err) {
      deps.logger.warn(`Computing the patch in the sandbox failed (${errorMessage(err)}); computing it on the host.`);
    }
  }
  try {
    return await hostPatch(deps.git, o);
  } catch (err) {
    deps.logger.error(`Computing the patch on the host failed: ${errorMessage(err)}`);
    return null;
  }
}

function joinExplanation(text: string, drops: string): string {
  return drops ? (text ? `${text}\n\n${drops}` : drops) : text;
}

function buildRecord(p: {
  issue: IssueRecord;
  instruction: string;
  baseCommit: string;
  gitPatch: string | null;
  history: Event[];
  metrics: Metrics | null;
  success: boolean;
  explanation: string;
  error: string | null;
  extra?: Record<string, unknown>;
}): OutputRecord {
  return {
    issue: p.issue,
    issue_type: 'issue',
    instruction: p.instruction,
    base_commit: p.baseCommit,
    git_patch: p.gitPatch,
    history: p.history,
    metrics: p.metrics,
    success: p.success,
    comment_success: null,
    result_explanation: p.explanation,
    error: p.error,
    ...p.extra,
  };
}
