// The resolver job (resolver.md §4.1): trigger -> authorise -> react + progress comment -> resolve ->
// send -> final comment. Used by the action's main step and by the offline demo, with the same config.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { stopInfo } from '../core/cancel.js';
import { supportsVision } from '../llm/capabilities.js';
import { ResolverError, errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Redactor } from '../core/redact.js';
import { createOctokit, type GitHubTiming } from '../github/client.js';
import { createGitHubApi } from '../github/api.js';
import {
  branchBody,
  createCommenter,
  errorBody,
  failureBody,
  noChangesBody,
  startBody,
  stoppedPhases,
  successBody,
  type Commenter,
  type Phase,
} from '../github/comments.js';
import { parseEvent, type TriggerTarget } from '../github/event.js';
import { authorize, selfLogins } from '../github/permissions.js';
import type { GitHubApi } from '../github/types.js';
import { quoteUntrustedInline } from '../github/untrusted.js';
import { webUrls } from '../github/urls.js';
import { createGit } from '../git/git.js';
import { gitBaseEnv } from '../git/run.js';
import { createLlmClient } from '../llm/client.js';
import type { LlmClient } from '../llm/types.js';
import { buildSandboxEnv, describeDenials } from '../runtime/env.js';
import { createRuntimeFactory, type RuntimeFactoryOptions } from '../runtime/index.js';
import { isFatalRecordError, recordErrorCode } from '../resolver/record-error.js';
import { resolveIssue, type ResolveProgress } from '../resolver/resolve-issue.js';
import { createPrOverview, parseExplanations } from '../resolver/send-pr-update.js';
import { sendPullRequest, type SendResult } from '../resolver/send-pull-request.js';
import type { OutputRecord, RunPhase } from '../resolver/types.js';
import type { Git } from '../git/types.js';
import { salvage, sendOptions, type Delivered, type SalvageInput } from './salvage.js';
import type { ActionConfig } from './config.js';
import type { RunOutcome } from './report.js';

export interface JobIO {
  logger: Logger;
  redactor: Redactor;
  /** The host environment the sandbox env is filtered from. */
  hostEnv: Readonly<Record<string, string | undefined>>;
  /** Persists a value for the post step. */
  saveState?: (name: string, value: string) => void;
  /** Extra runtime factory settings (the demo asks for the unisolated local runtime). */
  runtime?: Partial<RuntimeFactoryOptions>;
  /** GitHub client timing (tests scale the waits down). */
  githubTiming?: GitHubTiming;
  /** Replaces the model client (the demo's replay). */
  llm?: LlmClient;
  /** Aborted at the first stop (core/cancel.ts): the work stops; what was done is saved. */
  signal?: AbortSignal;
  /** Aborted when saving must end too (a second stop, the end of the grace period). */
  grace?: AbortSignal;
  now?: () => number;
}

const PROGRESS_INTERVAL_MS = 15_000;

function outcome(
  partial: Partial<RunOutcome> & Pick<RunOutcome, 'conclusion'>,
  started: number,
  now: () => number,
): RunOutcome {
  return {
    success: false,
    outputFile: null,
    prUrl: null,
    prNumber: null,
    branch: null,
    record: null,
    reason: null,
    ...partial,
    durationSec: (now() - started) / 1000,
  };
}

/** Runs the whole job for one event payload. Throws only for configuration and event errors before any write. */
export async function runJob(config: ActionConfig, payload: unknown, io: JobIO): Promise<RunOutcome> {
  const { logger, redactor } = io;
  const now = io.now ?? Date.now;
  const started = now();
  const save = io.saveState ?? (() => undefined);

  const decision = parseEvent(config.eventName, payload, {
    macro: config.trigger.macro,
    label: config.trigger.label,
    experimentalLabel: config.trigger.experimentalLabel,
    dispatch: config.dispatch,
  });
  if (decision.kind === 'ignore') {
    logger.info(`Nothing to do: ${decision.reason}`);
    return outcome({ conclusion: 'skipped', reason: decision.reason }, started, now);
  }
  const target = decision.target;
  const repo = { owner: target.owner, repo: target.repo };

  // Two clients: the work's requests stop with the run; the reports (reaction, comments, the salvage push's API
  // calls) still go out after a stop, until the grace period ends.
  const clientFor = (signal: AbortSignal | undefined) =>
    createGitHubApi(
      createOctokit({ token: config.token, urls: config.urls, logger, timing: io.githubTiming, signal }),
      config.urls,
    );
  const api = clientFor(io.grace);
  const workApi = clientFor(io.signal);
  const authenticatedLogin = await api.getAuthenticatedLogin().catch(() => null);
  const auth = await authorize(api, repo, target, {
    allowedBots: config.trigger.allowedBots,
    selfLogins: selfLogins({ authenticatedLogin, patUsername: config.send.patUsername }),
  });
  if (!auth.allowed) {
    logger.info(`Not running: ${auth.reason}`);
    return outcome({ conclusion: 'denied', reason: auth.reason }, started, now);
  }
  logger.info(
    `${target.issueType === 'pr' ? 'Pull request' : 'Issue'} #${target.issueNumber} in ${repo.owner}/${repo.repo}, triggered by ${auth.actor}` +
      (auth.via === 'permission' ? ` (${auth.permission} permission).` : ' (listed in allowed-bots).'),
  );

  if (decision.experimental) {
    const why = target.label ?? `${config.trigger.macro}-exp`;
    logger.info(
      config.sandbox.experimentalImage
        ? `Experimental run (${why}): sandbox image ${config.sandbox.experimentalImage}.`
        : `Experimental run (${why}), but experimental-sandbox-image is empty: the usual sandbox is used.`,
    );
  }

  // The key is checked only now, so events that are not for us never need it (DESIGN.md §8.12).
  const llm =
    io.llm ??
    (() => {
      if (!config.llm.apiKey && !config.llm.replayFile && !config.llm.model.startsWith('replay/'))
        throw new ResolverError(
          'config',
          'llm-api-key is empty: add an LLM_API_KEY repository secret and pass it as llm-api-key.',
        );
      return createLlmClient(config.llm, { logger });
    })();

  const commenter = createCommenter({
    api,
    repo,
    number: target.issueNumber,
    runId: config.run.id,
    redactor,
    logger,
    macro: config.trigger.macro,
  });
  // "Re-run job" of a run that already delivered (a PR, a branch, a PR update) keeps that end state instead of
  // spending on the model again and overwriting it (security.md §7). A failed or errored run is tried again.
  if (config.run.attempt !== '1') {
    const delivered = await commenter.finalKind().catch(() => null);
    if (delivered === 'success' || delivered === 'branch' || delivered === 'pr-update') {
      const reason = `run ${config.run.id} already delivered its result (its ${delivered} comment); re-running changes nothing`;
      logger.info(`Nothing to do: ${reason}.`);
      return outcome({ conclusion: 'skipped', reason }, started, now);
    }
  }
  save('authorized', 'true');
  save('issue_number', String(target.issueNumber));
  save('issue_type', target.issueType);
  save('output_dir', config.outputDir);

  await commenter.react(target);
  const progress = createProgress(commenter, target, config, { logger, redactor, now, save, signal: io.signal });
  await progress.start();

  try {
    const result = await resolveAndSend(config, target, decision.experimental, {
      api,
      workApi,
      llm,
      commenter,
      progress,
      io,
    });
    save('final_posted', 'true');
    return outcome({ ...result }, started, now);
  } catch (err) {
    const message = redactor.redact(errorMessage(err));
    logger.error(message);
    await progress.phase('Finished', 'failed', 'error');
    await commenter
      .postFinal('error', errorBody({ runUrl: config.run.url, message }))
      .then(() => save('final_posted', 'true'))
      .catch((e: unknown) => logger.warn(`Could not post the error comment: ${errorMessage(e)}`));
    return outcome({ conclusion: 'error', reason: message }, started, now);
  }
}

interface JobParts {
  /** Reports: still usable after a stop, until the grace period ends. */
  api: GitHubApi;
  /** The work's requests (context, send): they stop with the run. */
  workApi: GitHubApi;
  llm: LlmClient;
  commenter: Commenter;
  progress: Progress;
  io: JobIO;
}

async function resolveAndSend(
  config: ActionConfig,
  target: TriggerTarget,
  experimental: boolean,
  { api, workApi, llm, commenter, progress, io }: JobParts,
): Promise<Omit<RunOutcome, 'durationSec'>> {
  const { logger, redactor } = io;
  const repo = { owner: target.owner, repo: target.repo };
  const gitFor = (signal: AbortSignal | undefined) =>
    createGit({
      serverUrl: config.urls.serverUrl,
      token: config.token,
      authDir: config.stateDir,
      logger,
      redactor,
      env: gitBaseEnv(io.hostEnv),
      signal,
    });
  const git = gitFor(io.signal);
  const coAuthor =
    target.sender.login && target.sender.id !== null
      ? { login: target.sender.login, id: target.sender.id }
      : target.sender.login;
  // A stop: the work done so far is saved (salvage.ts) with the clients that outlive it.
  const stopped = (record: OutputRecord | null, delivered: Delivered | null, finalPosted: boolean) =>
    saveStopped(
      config,
      { record, delivered, finalPosted, coAuthor },
      { api, git: gitFor(io.grace), commenter, progress, io },
    );
  const sandboxEnv = buildSandboxEnv(io.hostEnv, { secrets: [config.token, config.llm.apiKey] });
  for (const line of describeDenials(sandboxEnv.denied)) logger.info(line);
  const runtimeFactory = createRuntimeFactory({
    logger,
    hostEnv: io.hostEnv,
    warmEnv: sandboxEnv.env,
    // Warm servers are only taken when they match the run's sandbox, network included.
    warmNetwork: config.sandbox.network,
    ...io.runtime,
  });
  const image =
    (experimental ? config.sandbox.experimentalImage : null) ?? config.sandbox.runtimeImage ?? config.sandbox.baseImage;

  try {
    // INITIAL_NUM_WARM_SERVERS: started (and waited for) before the run, as the reference's setup() does. The
    // pool holds local servers only, so a docker run does not start any.
    if (config.sandbox.runtime !== 'docker') await runtimeFactory.setup();
    let resolved: Awaited<ReturnType<typeof resolveIssue>>;
    try {
      resolved = await resolveIssue(
        { github: workApi, git, runtimeFactory, llm, logger, redactor },
        {
          owner: repo.owner,
          repo: repo.repo,
          issueNumber: target.issueNumber,
          issueType: target.issueType,
          commentId: target.commentId,
          trigger: {
            time: target.triggerTime,
            title: target.title,
            body: target.body,
            commentBody: target.triggerBody,
            headSha: target.headSha,
          },
          outputDir: config.outputDir,
          maxIterations: config.limits.maxIterations,
          maxBudgetUsd: config.limits.maxBudgetUsd,
          maxRuntimeSec: config.limits.maxRuntimeMinutes * 60,
          targetBranch: config.send.targetBranch,
          runtime: {
            kind: config.sandbox.runtime,
            env: sandboxEnv.env,
            image: image ?? undefined,
            network: config.sandbox.network,
          },
          allowWorkflowChanges: config.send.allowWorkflowChanges,
          vision: supportsVision(llm.model),
          secrets: [config.token, config.llm.apiKey ?? ''].filter((s) => s !== ''),
          signal: io.signal,
          onProgress: (p) => void progress.update(p),
        },
      );
    } catch (err) {
      // A stop before resolve had a record to write (e.g. while it checked the target branch).
      if (io.signal?.aborted) return await stopped(null, null, false);
      throw err;
    }
    io.saveState?.('record_written', 'true');
    const record = resolved.record;
    const base = { outputFile: resolved.outputFile, record, reason: null };
    if (resolved.skipped) {
      await progress.phase('Finished', 'skipped', 'already processed');
      return {
        ...base,
        conclusion: 'skipped',
        success: record.success,
        prUrl: null,
        prNumber: null,
        branch: null,
        reason: 'already processed',
      };
    }
    if (io.signal?.aborted) return await stopped(record, null, false);

    // The run could not work at all (no clone, a model that cannot be used): an error of the run that someone
    // has to fix in the settings, not an unresolved issue or "no changes". Nothing is sent.
    if (isFatalRecordError(record)) {
      // Logged once, by the caller (main.ts fails the step with it).
      const message = redactor.redact(record.error ?? `The run failed (${recordErrorCode(record) ?? 'error'}).`);
      await progress.phase('Finished', 'failed', 'error');
      await commenter
        .postFinal('error', errorBody({ runUrl: config.run.url, message }))
        .catch((e: unknown) => logger.warn(`Could not post the error comment: ${redactor.redact(errorMessage(e))}`));
      return {
        ...base,
        conclusion: 'error',
        success: false,
        prUrl: null,
        prNumber: null,
        branch: null,
        reason: message,
      };
    }

    // Nothing to send: not asked to send a failure, or the run stopped before it had a patch (a refused PR
    // head, a crash) and says why in its record.
    const stoppedWithoutPatch = record.error !== null && !record.git_patch?.trim();
    if (!record.success && (!config.send.sendOnFailure || stoppedWithoutPatch)) {
      await progress.phase('Finished', 'done', 'not resolved');
      await commenter.postFinal(
        'failure',
        failureBody({
          branch: null,
          treeUrl: null,
          explanation: explainRecord(record),
          artifactHint: artifactHint(config),
        }),
      );
      return { ...base, conclusion: 'failure', success: false, prUrl: null, prNumber: null, branch: null };
    }

    progress.enter('send');
    await progress.phase('Push', 'running');
    let sent: SendResult;
    try {
      sent = await sendPullRequest(
        {
          api: workApi,
          git,
          logger,
          redactor,
          summarize: createPrOverview(llm, { logger, signal: io.signal }),
        },
        sendOptions(config, record, { reviewer: config.send.reviewer ?? target.sender.login, coAuthor }),
      );
    } catch (err) {
      if (io.signal?.aborted) return await stopped(record, null, false);
      throw err;
    }
    const delivered: Delivered = {
      conclusion: sent.conclusion,
      url: sent.url,
      number: sent.number,
      branch: sent.branch,
      prType: sent.prType,
    };
    io.saveState?.('delivered', JSON.stringify(delivered));
    for (const w of sent.warnings) logger.warn(w);
    if (io.signal?.aborted) return await stopped(record, delivered, false);
    // The final phase follows at once: one edit shows both.
    if (sent.conclusion === 'no-changes') progress.mark('Push', 'skipped', 'nothing to push');
    else progress.mark('Push', 'done', sent.branch ?? undefined);
    progress.enter('final');
    const final = await finalComment(config, record, sent, commenter, progress);
    // A stop while the final comment went out: it stays up; the record and the progress comment tell of the stop.
    if (io.signal?.aborted) return await stopped(record, delivered, true);
    return { ...base, ...final };
  } finally {
    await runtimeFactory.teardown().catch((e: unknown) => logger.warn(`Sandbox teardown: ${errorMessage(e)}`));
  }
}

/** A stopped run's end (salvage.ts): the record marked, the work on a branch where allowed, the comments. */
async function saveStopped(
  config: ActionConfig,
  input: Pick<SalvageInput, 'record' | 'delivered' | 'finalPosted' | 'coAuthor'>,
  parts: { api: GitHubApi; git: Git; commenter: Commenter; progress: Progress; io: JobIO },
): Promise<Omit<RunOutcome, 'durationSec'>> {
  const { io, progress } = parts;
  const stop = stopInfo(io.signal) ?? { error: 'cancelled', code: 'cancelled', message: 'cancelled' };
  const saved = await salvage(
    {
      api: parts.api,
      git: parts.git,
      commenter: parts.commenter,
      logger: io.logger,
      redactor: io.redactor,
      showStopped: (detail) => progress.stopped(detail),
    },
    { ...input, config, stop, phase: progress.stoppedIn() },
  );
  const outputFile = path.join(config.outputDir, 'output.jsonl');
  const pr = input.delivered?.prType !== 'branch' ? input.delivered : null;
  return {
    conclusion: 'error',
    success: false,
    outputFile: existsSync(outputFile) ? outputFile : null,
    record: saved.record,
    prUrl: pr?.url ?? null,
    prNumber: pr?.number ?? null,
    branch: saved.branch,
    reason: saved.message,
  };
}

function artifactHint(config: ActionConfig): string {
  return `The patch and the full transcript are in the \`resolver-output\` artifact of the [workflow run](${config.run.url}).`;
}

/**
 * The record's explanation for people: a PR record's per-feedback JSON list becomes a checklist (resolver.md
 * §12.5.3), and an error the explanation does not already carry is added.
 */
export function explainRecord(record: OutputRecord): string {
  const text = record.result_explanation ?? '';
  const list = record.issue_type === 'pr' ? parseExplanations(text) : null;
  let out = list
    ? list
        .map((e, i) => {
          const ok = record.comment_success?.[i];
          return `- ${ok === true ? '✅' : ok === false ? '❌' : '•'} ${e.trim().replace(/\s*\n\s*/g, ' ')}`;
        })
        .join('\n')
    : text;
  if (record.error && !text.includes(record.error)) out = out ? `${out}\n\nError: ${record.error}` : record.error;
  return out;
}

/** The final comment's note on files left out of the patch; the paths come from the patch, so they are quoted. */
export function skippedNote(skipped: readonly { path: string; reason: string }[]): string | undefined {
  if (skipped.length === 0) return undefined;
  return `Left out of the patch: ${skipped.map((s) => `${quoteUntrustedInline(s.path)} (${s.reason})`).join(', ')}.`;
}

async function finalComment(
  config: ActionConfig,
  record: OutputRecord,
  sent: SendResult,
  commenter: Commenter,
  progress: Progress,
): Promise<Pick<RunOutcome, 'conclusion' | 'success' | 'prUrl' | 'prNumber' | 'branch'>> {
  const success = record.success;
  const explanation = explainRecord(record);
  const links = { prUrl: sent.url, prNumber: sent.number, branch: sent.branch };
  if (sent.commented) {
    // The PR path posted its summary as this run's final comment (resolver.md §13 `pr-update`).
    await progress.phase('Finished', 'done', sent.url ?? undefined);
    return { conclusion: success ? 'success' : 'failure', success, ...links };
  }
  const note = skippedNote(sent.skipped);
  if (sent.conclusion === 'no-changes') {
    await progress.phase('Finished', 'done', 'no changes');
    await commenter.postFinal('no-changes', noChangesBody({ explanation }));
    return { conclusion: 'no-changes', success: false, ...links };
  }
  if (!success) {
    // Issue branches go to the fork when fork-owner is set; PR fallback branches always to the base repository.
    const owner = record.issue_type === 'issue' && config.send.forkOwner ? config.send.forkOwner : record.issue.owner;
    const treeUrl = sent.branch ? webUrls.tree(config.urls, owner, record.issue.repo, sent.branch) : null;
    await progress.phase('Finished', 'done', 'not resolved');
    await commenter.postFinal(
      'failure',
      failureBody({ branch: sent.branch, treeUrl, explanation, artifactHint: artifactHint(config) }),
    );
    return { conclusion: 'failure', success: false, ...links };
  }
  await progress.phase('Finished', 'done', sent.url ?? undefined);
  if (sent.prType === 'branch' || sent.number === null) {
    await commenter.postFinal('branch', branchBody({ branch: sent.branch ?? '', compareUrl: sent.url ?? '', note }));
  } else {
    await commenter.postFinal(
      'success',
      successBody({
        prNumber: sent.number,
        prUrl: sent.url ?? '',
        draft: sent.prType === 'draft',
        updated: sent.updated,
        note,
      }),
    );
  }
  return { conclusion: 'success', success: true, ...links };
}

interface Progress {
  /** Enters a phase of the action's own (send, final comment); resolve's phases come with update(). */
  enter(phase: RunPhase): void;
  /** The phase that was running when the stop came (the current one while none came). */
  stoppedIn(): RunPhase;
  /** Edits the comment to its stopped state: the running phase failed, `Finished` says why. */
  stopped(detail: string): Promise<void>;
  start(): Promise<void>;
  update(p: ResolveProgress): Promise<void>;
  phase(name: string, state: Phase['state'], detail?: string): Promise<void>;
  /** Records a phase's state without editing the comment (the next edit shows it). */
  mark(name: string, state: Phase['state'], detail?: string): void;
}

const PHASE_NAMES: Record<Exclude<ResolveProgress['phase'], 'context'>, string> = {
  clone: 'Clone the repository',
  sandbox: 'Start the sandbox',
  agent: 'Agent at work',
  patch: 'Collect the changes',
  judge: 'Judge the result',
  record: 'Save the result',
};

function phaseName(phase: ResolveProgress['phase'], issueType: 'issue' | 'pr'): string {
  if (phase === 'context') return issueType === 'pr' ? 'Read the pull request' : 'Read the issue';
  return PHASE_NAMES[phase];
}

/**
 * The model's last action as one short line of inline code (untrusted.ts): redacted before it is cut (a cut
 * secret would no longer look like one), no Markdown, links, mentions or closing phrases of its own.
 */
export function lastActionLine(action: string, redactor: Redactor, max = 80): string {
  return quoteUntrustedInline(redactor.redact(action), max);
}

/** The progress comment: phases with states, edited at most every 15 s during the agent phase (rate limits). */
function createProgress(
  commenter: Commenter,
  target: TriggerTarget,
  config: ActionConfig,
  {
    logger,
    redactor,
    now,
    save,
    signal,
  }: {
    logger: Logger;
    redactor: Redactor;
    now: () => number;
    save: (name: string, value: string) => void;
    signal?: AbortSignal;
  },
): Progress {
  let phases: Phase[] = [];
  // The post step reads both after a killed main step: which phase it died in, and the phases to show.
  let current: RunPhase = 'context';
  let stoppedIn: RunPhase | null = signal?.aborted ? current : null;
  signal?.addEventListener('abort', () => (stoppedIn ??= current), { once: true });
  const enter = (phase: RunPhase) => {
    if (phase === current) return;
    current = phase;
    save('phase', phase);
  };
  let lastWrite = 0;
  let pending: Promise<void> = Promise.resolve();
  // A write that is queued but not started renders the state as it is when it starts, so further changes
  // meanwhile ride on it: phases that pass quicker than the write spacing cost no extra request.
  let queued = false;
  const render = () =>
    startBody({ issueType: target.issueType, number: target.issueNumber, runUrl: config.run.url, phases });
  const write = (force: boolean) => {
    if (queued) return pending;
    if (!force && now() - lastWrite < PROGRESS_INTERVAL_MS) return pending;
    lastWrite = now();
    queued = true;
    pending = pending
      .then(() => {
        queued = false;
        save('progress', JSON.stringify(phases));
        return commenter.progress(render());
      })
      .then(() => undefined)
      .catch((e: unknown) => logger.warn(`Could not update the progress comment: ${errorMessage(e)}`));
    return pending;
  };
  const set = (name: string, state: Phase['state'], detail?: string) => {
    for (const p of phases) if (p.state === 'running' && p.name !== name) p.state = 'done';
    const existing = phases.find((p) => p.name === name);
    if (existing) {
      existing.state = state;
      existing.detail = detail;
    } else phases.push({ name, state, detail });
  };
  return {
    enter,
    stoppedIn: () => stoppedIn ?? current,
    async stopped(detail) {
      phases = stoppedPhases(phases, detail);
      await write(true);
    },
    start: () => write(true),
    async update(p) {
      enter(p.phase);
      const name = phaseName(p.phase, target.issueType);
      const detail =
        p.phase === 'agent' && p.iteration !== undefined
          ? `iteration ${p.iteration} of ${p.maxIterations ?? '?'}` +
            (p.costUsd !== undefined ? `, $${p.costUsd.toFixed(2)} so far` : '') +
            (p.lastAction ? `; last: ${lastActionLine(p.lastAction, redactor)}` : '')
          : undefined;
      const isNewPhase = !phases.some((x) => x.name === name);
      set(name, 'running', detail);
      await write(isNewPhase);
    },
    async phase(name, state, detail) {
      set(name, state, detail);
      await write(true);
    },
    mark: set,
  };
}
