// resolveIssue: the resolve half for one issue or pull request (resolver.md §5 order of work). Every run that gets past
// the context fetch appends exactly one output.jsonl record: on success, failure, limit, crash or
// cancellation (security.md §9).
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { runAgent, type AgentResult } from '../agent/loop.js';
import { addCompletion } from '../agent/metrics.js';
import { createToolRegistry, defaultTools, wantsShortDescriptions } from '../agent/tools/registry.js';
import { stopInfo } from '../core/cancel.js';
import { ResolverError, errorMessage, type ErrorCode } from '../core/errors.js';
import type { Event } from '../core/events.js';
import type { Logger } from '../core/log.js';
import type { Redactor } from '../core/redact.js';
import type { Git } from '../git/types.js';
import type { GitHubApi } from '../github/types.js';
import { endSentence, joinSentences } from '../llm/sentences.js';
import type { LlmClient } from '../llm/types.js';
import type { Runtime, RuntimeFactory, RuntimeOptions } from '../runtime/types.js';
import { fetchIssueContext, type TriggerInfo } from './context.js';
import { judgeIssue, judgePr, lastAgentMessage } from './judge.js';
import {
  appendRecord,
  ensureDir,
  findProcessed,
  outputPaths,
  redactRecord,
  removeCheckpoint,
  removePatchFile,
  SECRET_IN_PATCH,
  writeCheckpoint,
  writePatchFile,
  writeTrajectory,
} from './output.js';
import { describePolicy, judgePatch, policyResult, type PolicyResult } from './patch-policy.js';
import { fetchPrContext, type PullInfo } from './pr-context.js';
import { loadCustomTemplates, renderIssuePrompts, renderPrPrompts } from './prompts.js';
import { jsonInline } from './prompt-render.js';
import { createDelimiter } from './sanitize.js';
import { markStopped } from './record-error.js';
import {
  issueRecord,
  type IssueRecord,
  type IssueType,
  type Metrics,
  type OutputRecord,
  type RunPhase,
} from './types.js';
import {
  copyWorkspace,
  HOST_PATCH_TIMEOUT_SEC,
  hostPatch,
  initSandbox,
  installPreCommitHook,
  PrHeadMovedError,
  prepareRepo,
  preparePrRepo,
  readRepoInstructions,
  sandboxPatch,
  validateTargetBranch,
} from './workspace.js';

export type ResolvePhase = Exclude<RunPhase, 'send' | 'final'>;

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
  /** `issue` (default) or `pr` (resolver.md §6.2: review feedback on an open pull request). */
  issueType?: IssueType;
  commentId?: number | null;
  trigger?: TriggerInfo;
  outputDir: string;
  maxIterations: number;
  maxBudgetUsd: number | null;
  /**
   * Wall-clock limit of the whole resolve (max-runtime-minutes): clone and sandbox set-up count against it, and
   * the agent gets what is left, so the run ends before the job timeout however long the set-up took.
   */
  maxRuntimeSec: number | null;
  /** Issues: the branch to work from (validated). PR runs work from the PR head and ignore it. */
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
  /** The patch file; null when nothing ran or the run changed nothing (no empty file is left to point at). */
  patchFile: string | null;
  trajectoryFile: string | null;
}

export const AGENT_FAILED_EXPLANATION = 'Agent failed to run';
export const AGENT_FAILED_ERROR = 'Agent failed to run or crashed';
export const CLONE_FAILED_EXPLANATION = 'The repository could not be cloned or checked out, so the agent did not run.';

/**
 * Model failures after which the success judgement is not asked: it would call the same model, which just
 * rejected the key, hit its quota, cannot be configured, or failed through all its retries.
 */
const JUDGE_SKIP_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['llm-auth', 'llm-quota', 'config', 'llm']);

const MODEL_FAILURE_REASONS: Partial<Record<ErrorCode, string>> = {
  'llm-auth': 'the provider rejected the API key',
  'llm-quota': 'the provider reports an exhausted quota or spend limit',
  config: 'the model settings are invalid',
  llm: 'its calls kept failing',
};

/** Where the set-up before the agent was when it failed: tells a clone failure from a sandbox failure. */
type SetupStep = 'clone' | 'instructions' | 'sandbox' | 'agent';

export async function resolveIssue(deps: ResolveDeps, opts: ResolveIssueOptions): Promise<ResolveOutcome> {
  const { logger, redactor } = deps;
  const now = deps.now ?? Date.now;
  const started = now();
  const r = { owner: opts.owner, repo: opts.repo };
  const issueType: IssueType = opts.issueType ?? 'issue';
  const isPr = issueType === 'pr';
  const paths = outputPaths(opts.outputDir, issueType, opts.issueNumber);
  // A stop's phase is the one running when the signal aborted, not the one the unwinding reaches.
  let phase: ResolvePhase = 'context';
  let stoppedIn: ResolvePhase | null = opts.signal?.aborted ? 'context' : null;
  opts.signal?.addEventListener('abort', () => (stoppedIn ??= phase), { once: true });
  const progress = (p: ResolveProgress) => {
    phase = p.phase;
    opts.onProgress?.(p);
  };

  // 1. validate before any spend
  if (!Number.isInteger(opts.issueNumber) || opts.issueNumber <= 0) {
    throw new ResolverError('config', `Invalid issue number ${opts.issueNumber}: expected a positive integer.`);
  }
  if (issueType !== 'issue' && issueType !== 'pr') {
    throw new ResolverError('config', `Invalid issue type ${JSON.stringify(issueType)}: expected issue or pr.`);
  }
  if (opts.targetBranch && !isPr) await validateTargetBranch(deps.github, r, opts.targetBranch);
  if (opts.targetBranch && isPr) {
    logger.info(
      `Pull request runs work from the pull request's head; the target branch ${opts.targetBranch} is not used.`,
    );
  }
  const templates = opts.promptFile ? await loadCustomTemplates(opts.promptFile) : undefined;

  // 2. skip check
  await mkdir(opts.outputDir, { recursive: true });
  ensureDir(paths.inferLogsDir);
  const existing = findProcessed(paths.outputFile, { ...r, number: opts.issueNumber }, logger);
  if (existing) {
    logger.info(`Issue ${opts.issueNumber} was already processed. Skipping.`);
    return { record: existing, skipped: true, outputFile: paths.outputFile, patchFile: null, trajectoryFile: null };
  }

  // 3. context. From here on every stop leaves a record: one seen in this process writes it, and the checkpoint
  // (updated as the run goes) lets the post step write it when the process was killed.
  progress({ phase: 'context' });
  const checkpointBase: Partial<OutputRecord> & { issue: IssueRecord; iteration?: number; phase?: RunPhase } = {
    issue: issueRecord({ ...r, number: opts.issueNumber, title: '' }),
    issue_type: issueType,
  };
  // Each write keeps what earlier ones added (the base commit, the agent's history) and says the current phase.
  const checkpoint = (more: Partial<OutputRecord> & { iteration?: number } = {}) =>
    writeCheckpoint(paths.inflightFile, Object.assign(checkpointBase, more, { phase }), redactor);
  await checkpoint();
  const contextOpts = { ...r, number: opts.issueNumber, commentId: opts.commentId, trigger: opts.trigger };
  let pull: PullInfo | null = null;
  let issue: IssueRecord;
  let imageUrls: string[];
  try {
    ({ pull, issue, imageUrls } = await fetchContext());
  } catch (err) {
    const stop = stopInfo(opts.signal);
    if (!stop) {
      // Not a stop: the caller reports the failure (a missing issue is no run of this issue).
      await removeCheckpoint(paths.inflightFile);
      throw err;
    }
    const empty = buildRecord({
      issue: checkpointBase.issue,
      issueType,
      instruction: '',
      baseCommit: '',
      gitPatch: null,
      history: [],
      metrics: null,
      success: false,
      explanation: '',
      error: null,
    });
    return save(markStopped(empty, stop, stoppedIn ?? 'context'), { patch: null, dropped: [], flagged: [] });
  }
  checkpointBase.issue = issue;
  const delimiter = createDelimiter();

  let baseCommit = '';
  let instruction = '';
  let runtime: Runtime | null = null;
  let agent: AgentResult | null = null;
  let failure: unknown = null;
  let step: SetupStep = 'clone';
  try {
    // 4-5. clone, base commit (a PR's pinned head), instructions from the trusted ref (a PR's base)
    progress({ phase: 'clone' });
    await checkpoint();
    let trustedRef: string;
    if (pull) {
      const repo = await preparePrRepo(deps, {
        ...r,
        repoDir: paths.repoDir,
        number: opts.issueNumber,
        headSha: pull.headSha,
        committedNotAfter: pull.headFromApi ? (opts.trigger?.time ?? null) : null,
        baseRef: pull.baseRef,
        baseSha: pull.baseSha,
      });
      baseCommit = repo.baseCommit;
      trustedRef = repo.trustedRef;
      if (pull.isFork)
        logger.info(`Pull request #${opts.issueNumber} comes from ${pull.headRepoFullName ?? 'a deleted fork'}.`);
    } else {
      const repo = await prepareRepo(deps, { ...r, repoDir: paths.repoDir, targetBranch: opts.targetBranch });
      baseCommit = repo.baseCommit;
      trustedRef = baseCommit;
    }
    checkpointBase.base_commit = baseCommit;
    await checkpoint();
    step = 'instructions';
    const repoInstruction = await readRepoInstructions(deps.git, paths.repoDir, trustedRef, {
      instructionFile: opts.repoInstructionFile,
    });

    // 6. workspace copy + sandbox
    step = 'sandbox';
    progress({ phase: 'sandbox' });
    await checkpoint();
    await copyWorkspace(paths.repoDir, paths.workspaceDir);
    const preCommit = await deps.git.show(paths.repoDir, trustedRef, '.openhands/pre-commit.sh');
    if (preCommit !== null) await installPreCommitHook(paths.workspaceDir, preCommit);
    runtime = await deps.runtimeFactory.create({
      ...opts.runtime,
      workspaceHostDir: paths.workspaceDir,
      sessionId:
        `${opts.owner}-${opts.repo}-${issueType}-${opts.issueNumber}-${randomBytes(3).toString('hex')}`.replace(
          /[^A-Za-z0-9_.-]/g,
          '_',
        ),
      logger,
    });
    const setupScript = await deps.git.show(paths.repoDir, trustedRef, '.openhands/setup.sh');
    await initSandbox(runtime, { setupScript, workspaceHostDir: paths.workspaceDir, logger, signal: opts.signal });
    if (opts.runtime.network === 'setup-only') await runtime.dropNetwork?.();

    // 7. prompts + agent
    const prompts = (isPr ? renderPrPrompts : renderIssuePrompts)({
      issue,
      workspacePath: runtime.workspacePath,
      repoInstruction,
      delimiter,
      templates,
      imageUrls,
      vision: opts.vision,
    });
    instruction = prompts.instruction;
    checkpointBase.instruction = instruction;
    step = 'agent';
    progress({ phase: 'agent', iteration: 0, maxIterations: opts.maxIterations, costUsd: 0, lastAction: null });
    await checkpoint();
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
        imageUrls,
        vision: opts.vision,
        maxIterations: opts.maxIterations,
        maxBudgetUsd: opts.maxBudgetUsd,
        maxRuntimeSec: remainingSec(opts.maxRuntimeSec, (now() - started) / 1000),
        secrets: [...redactor.secrets, ...(opts.secrets ?? [])],
        signal: opts.signal,
        onProgress: (p) => progress({ phase: 'agent', ...p }),
        onCheckpoint: (s) => checkpoint({ history: [...s.history], metrics: s.metrics, iteration: s.iteration }),
      },
    );
  } catch (err) {
    failure = err;
    const what = step === 'clone' ? 'Cloning or checking out the repository failed' : 'The agent failed to run';
    logger.error(`${what}: ${redactor.redact(errorMessage(err))}`);
  }

  // 8. patch, even after a failure; the host path when the sandbox is gone or never came up
  progress({ phase: 'patch' });
  // The patch is judged on the tree it makes in repo/'s object store; the record holds only what was judged. The
  // whole step counts against max-runtime (at least PATCH_FLOOR_SEC, so a run at its limit still gets a record).
  const patchBudgetMs =
    1000 *
    Math.max(PATCH_FLOOR_SEC, remainingSec(opts.maxRuntimeSec, (now() - started) / 1000) ?? HOST_PATCH_TIMEOUT_SEC);
  let policy: PolicyResult = { patch: null, dropped: [], flagged: [] };
  if (baseCommit) {
    policy = await computePatch(deps, runtime, {
      baseCommit,
      repoDir: paths.repoDir,
      workspaceDir: paths.workspaceDir,
      signal: opts.signal,
      allowWorkflowChanges: opts.allowWorkflowChanges,
      timeoutMs: patchBudgetMs,
    });
    runtime = null;
  }
  if (runtime) {
    await runtime.close().catch((e: unknown) => logger.warn(`Closing the sandbox failed: ${errorMessage(e)}`));
  }
  const drops = describePolicy(policy);
  if (drops) logger.warn(drops);

  // 9. judgement
  let record: OutputRecord;
  const cancelled =
    opts.signal?.aborted === true ||
    agent?.state === 'cancelled' ||
    (failure instanceof ResolverError && failure.code === 'cancelled');
  const stopped = stopInfo(opts.signal);
  const common = { issue, issueType, instruction, baseCommit, gitPatch: policy.patch };
  const modelError = agent?.modelError && JUDGE_SKIP_CODES.has(agent.modelError.code) ? agent.modelError : null;
  if (!agent || failure) {
    // A moved PR head is a refusal, not a crash: say so where people read it.
    const refused = failure instanceof PrHeadMovedError ? failure.message : null;
    const code: ErrorCode = cancelled ? (stopped?.code ?? 'cancelled') : setupFailureCode(failure, step);
    const cloneFailed = !cancelled && !refused && step === 'clone';
    const detail = failure ? errorMessage(failure) : null;
    record = buildRecord({
      ...common,
      history: [],
      metrics: null,
      success: false,
      explanation: joinExplanation(
        refused ?? (cloneFailed ? CLONE_FAILED_EXPLANATION : AGENT_FAILED_EXPLANATION),
        drops,
      ),
      error: cancelled
        ? (stopped?.error ?? 'cancelled')
        : (refused ?? (cloneFailed ? cloneFailureText(failure, r, code) : AGENT_FAILED_ERROR)),
      extra: { error_code: code, ...(detail !== null && !cloneFailed ? { error_detail: detail } : {}) },
    });
  } else if (cancelled) {
    record = buildRecord({
      ...common,
      history: agent.history,
      metrics: agent.metrics,
      success: false,
      explanation: joinExplanation(
        stopped && stopped.code !== 'cancelled' ? '' : 'The run was cancelled before it finished.',
        drops,
      ),
      error: stopped?.error ?? 'cancelled',
      extra: { error_code: stopped?.code ?? 'cancelled' },
    });
  } else if (modelError) {
    // The model itself failed: the judgement would ask it again (minutes of retries for nothing) and only
    // report that it failed too, hiding why the run stopped.
    const reason = MODEL_FAILURE_REASONS[modelError.code] ?? 'it failed';
    const explanation = joinSentences(
      `The model could not be used (${reason}), so the run stopped without a success judgement`,
      modelError.message,
    );
    logger.warn(`Not judging the result: ${redactor.redact(explanation)}`);
    record = buildRecord({
      ...common,
      history: agent.history,
      metrics: agent.metrics,
      success: false,
      explanation: isPr ? joinPrExplanation(explanation, drops) : joinExplanation(explanation, drops),
      error: agent.lastError ?? modelError.message,
      extra: { error_code: agent.errorCode ?? modelError.code },
    });
  } else {
    progress({ phase: 'judge' });
    await checkpoint();
    let metrics: Metrics = agent.metrics;
    let success = false;
    let commentSuccess: boolean[] | null = null;
    let explanation: string;
    const judgeInput = {
      issue,
      gitPatch: policy.patch,
      lastMessage: lastAgentMessage(agent.history),
      delimiter,
      signal: opts.signal,
    };
    try {
      if (isPr) {
        const j = await judgePr(deps.llm, judgeInput);
        for (const c of j.completions) metrics = addCompletion(metrics, c, deps.now);
        success = j.success;
        commentSuccess = j.commentSuccess;
        explanation = j.explanation;
        if (j.commentSuccess) {
          logger.info(
            `Feedback addressed:\n${j.commentSuccess.map((ok, i) => `- [${ok ? 'x' : ' '}] item ${i + 1}`).join('\n')}`,
          );
        }
      } else {
        const j = await judgeIssue(deps.llm, judgeInput);
        metrics = addCompletion(metrics, j.completion, deps.now);
        success = j.success;
        explanation = j.explanation;
      }
    } catch (err) {
      explanation = `The success judgement failed: ${errorMessage(err)}`;
      logger.warn(explanation);
    }
    record = buildRecord({
      ...common,
      history: agent.history,
      metrics,
      success,
      commentSuccess,
      explanation: isPr ? joinPrExplanation(explanation, drops) : joinExplanation(explanation, drops),
      error: agent.lastError,
      extra: agent.errorCode ? { error_code: agent.errorCode } : {},
    });
  }

  // A stop during the judgement (or in any phase) ends the run even when that phase had no error of its own.
  const stop = stopInfo(opts.signal);
  if (stop) record = markStopped(record, stop, stoppedIn ?? phase);
  return save(record, policy);

  async function fetchContext(): Promise<{ pull: PullInfo | null; issue: IssueRecord; imageUrls: string[] }> {
    if (isPr) return fetchPrContext(deps.github, contextOpts, logger);
    const ctx = await fetchIssueContext(deps.github, contextOpts, logger);
    return { pull: null, issue: { ...ctx.issue, base_branch: opts.targetBranch ?? null }, imageUrls: ctx.imageUrls };
  }

  /** 10. The record, patch and trajectory files; the checkpoint goes once the record is on disk. */
  async function save(record: OutputRecord, policy: PolicyResult): Promise<ResolveOutcome> {
    progress({ phase: 'record' });
    // Only a patch with content gets a file: an empty one would be a path that points at nothing.
    const hasPatch = (policy.patch ?? '').trim() !== '';
    if (redactor.hasSecret(policy.patch ?? '')) logger.warn(SECRET_IN_PATCH);
    if (hasPatch) await writePatchFile(paths.patchFile, policy.patch, redactor);
    else await removePatchFile(paths.patchFile);
    await writeTrajectory(paths.trajectoryFile, record.history, redactor);
    await appendRecord(paths.outputFile, record, redactor);
    await removeCheckpoint(paths.inflightFile);
    logger.info(
      endSentence(
        `${isPr ? 'Pull request' : 'Issue'} ${opts.issueNumber}: success=${record.success}${record.error ? `, error: ${redactor.redact(record.error)}` : ''}`,
      ),
    );
    return {
      record: redactRecord(record, redactor),
      skipped: false,
      outputFile: paths.outputFile,
      patchFile: hasPatch ? paths.patchFile : null,
      trajectoryFile: paths.trajectoryFile,
    };
  }
}

/** The code of a failure before or around the agent; a plain Error gets the code of the step it broke. */
function setupFailureCode(failure: unknown, step: SetupStep): ErrorCode {
  if (failure instanceof ResolverError) return failure.code;
  if (step === 'clone') return 'git';
  if (step === 'sandbox') return 'runtime';
  return 'agent';
}

/** What failed while cloning or checking out, and what to check. */
function cloneFailureText(failure: unknown, r: { owner: string; repo: string }, code: ErrorCode): string {
  const repo = `${r.owner}/${r.repo}`;
  // git's progress line ("Cloning into '…'...") says nothing about the failure; the rest goes on one line.
  const message = (failure === null ? 'unknown error' : errorMessage(failure))
    .replace(/Cloning into '[^'\n]*'\.\.\.\s*/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
  const what = code === 'git' ? message : `Preparing the clone of ${repo} failed: ${message}`;
  const check =
    code === 'config'
      ? null
      : `Check that the token can read ${repo} (contents: read) and that the GitHub server URL points at the server that hosts it`;
  return joinSentences(what, check);
}

/** The patch is computed and judged within this floor even when the run used up its max-runtime. */
const PATCH_FLOOR_SEC = 60;

/**
 * The judged patch: the sandbox's `git diff` built and judged on the host, or (sandbox gone or failing) the
 * workspace read on the host with bounds. The sandbox is closed before the host reads the workspace, so nothing
 * in it can still change files while they are read. Always closes the runtime.
 */
async function computePatch(
  deps: ResolveDeps,
  runtime: Runtime | null,
  o: {
    baseCommit: string;
    repoDir: string;
    workspaceDir: string;
    signal?: AbortSignal;
    allowWorkflowChanges?: boolean;
    timeoutMs: number;
  },
): Promise<PolicyResult> {
  const deadline = Date.now() + o.timeoutMs;
  const close = async () => {
    await runtime?.close().catch((e: unknown) => deps.logger.warn(`Closing the sandbox failed: ${errorMessage(e)}`));
  };
  if (runtime) {
    let raw: string | null = null;
    let ok = false;
    try {
      // A cancelled run still gets its patch: the sandbox call is not tied to the aborted signal.
      raw = await sandboxPatch(runtime, {
        baseCommit: o.baseCommit,
        sleep: deps.sleep,
        logger: deps.logger,
        attempts: o.signal?.aborted ? 1 : 5,
      });
      ok = raw !== null;
    } catch (err) {
      deps.logger.warn(`Computing the patch in the sandbox failed (${errorMessage(err)}); computing it on the host.`);
    }
    await close();
    if (ok) {
      return judgePatch(deps.git, o.repoDir, o.baseCommit, raw, {
        allowWorkflowChanges: o.allowWorkflowChanges,
        timeoutMs: Math.max(1000, deadline - Date.now()),
        logger: deps.logger,
      });
    }
  }
  try {
    return policyResult(
      await hostPatch(deps.git, {
        repoDir: o.repoDir,
        workspaceDir: o.workspaceDir,
        baseCommit: o.baseCommit,
        allowWorkflowChanges: o.allowWorkflowChanges,
        timeoutMs: Math.max(1000, deadline - Date.now()),
      }),
    );
  } catch (err) {
    const error = `Computing the patch on the host failed: ${errorMessage(err)}`;
    deps.logger.error(error);
    return { patch: null, dropped: [], flagged: [], error };
  }
}

/** What is left of the limit for the agent; at least one second, so it still gets its wrap-up turn. */
function remainingSec(maxSec: number | null, elapsedSec: number): number | null {
  if (maxSec === null || maxSec <= 0) return maxSec;
  return Math.max(1, maxSec - elapsedSec);
}

function joinExplanation(text: string, drops: string): string {
  return drops ? (text ? `${text}\n\n${drops}` : drops) : text;
}

/**
 * A PR's explanation is a JSON list (send-pull-request replies to thread i with item i): patch-policy drops go
 * in one more item after the per-thread ones, so every reply stays aligned and the summary still lists them.
 */
function joinPrExplanation(text: string, drops: string): string {
  if (!drops) return text;
  try {
    const list: unknown = JSON.parse(text);
    if (Array.isArray(list)) return jsonInline([...list, drops]);
  } catch {
    // not a list (no feedback, or a failed judgement): plain text
  }
  return joinExplanation(text, drops);
}

function buildRecord(p: {
  issue: IssueRecord;
  issueType: IssueType;
  instruction: string;
  baseCommit: string;
  gitPatch: string | null;
  history: Event[];
  metrics: Metrics | null;
  success: boolean;
  commentSuccess?: boolean[] | null;
  explanation: string;
  error: string | null;
  extra?: Record<string, unknown>;
}): OutputRecord {
  return {
    issue: p.issue,
    issue_type: p.issueType,
    instruction: p.instruction,
    base_commit: p.baseCommit,
    git_patch: p.gitPatch,
    history: p.history,
    metrics: p.metrics,
    success: p.success,
    comment_success: p.commentSuccess ?? null,
    result_explanation: p.explanation,
    error: p.error,
    ...p.extra,
  };
}
