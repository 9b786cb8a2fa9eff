// Saving a stopped run (issue 9, "nothing lost"): after a stop in the main step (a signal, a crash: core/cancel.ts)
// and in the post step after a killed main step. Most important first, since the time left may be short: the
// record says the run stopped and where, the work done so far goes to a branch (send-on-failure, issue runs),
// then the progress comment and a final comment say what happened and where the work is. The caller uploads the
// artifact (the record, the patch, the trajectory) afterwards.
import path from 'node:path';
import type { StopInfo } from '../core/cancel.js';
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Redactor } from '../core/redact.js';
import type { Git } from '../git/types.js';
import { stoppedBody, type Commenter } from '../github/comments.js';
import type { GitHubApi } from '../github/types.js';
import { webUrls } from '../github/urls.js';
import { updateRecord } from '../resolver/output.js';
import { markStopped } from '../resolver/record-error.js';
import type { CoAuthor } from '../resolver/send-body.js';
import { sendPullRequest, type SendOptions, type SendResult } from '../resolver/send-pull-request.js';
import { PHASE_WHILE, type OutputRecord, type RunPhase } from '../resolver/types.js';
import type { ActionConfig } from './config.js';

/** What a send had delivered (also what the main step saves for the post step). */
export type Delivered = Pick<SendResult, 'conclusion' | 'url' | 'number' | 'branch' | 'prType'>;

/** sendPullRequest's options from the action's settings, for the main send and the salvage push alike. */
export function sendOptions(
  config: ActionConfig,
  record: OutputRecord,
  who: { reviewer: string | null; coAuthor: CoAuthor | string | null },
): SendOptions {
  return {
    outputDir: config.outputDir,
    record,
    prType: record.success ? config.send.prType : 'branch',
    sendOnFailure: config.send.sendOnFailure,
    targetBranch: config.send.targetBranch,
    forkOwner: config.send.forkOwner,
    reviewer: who.reviewer,
    prTitle: config.send.prTitle,
    identity: config.send.gitUser,
    coAuthor: who.coAuthor,
    branchCollision: config.send.branchCollision,
    allowWorkflowChanges: config.send.allowWorkflowChanges,
    runId: config.run.id,
    macro: config.trigger.macro,
    resolveThreads: config.send.resolveThreads,
  };
}

export interface SalvageDeps {
  /** GitHub and git clients that still work after the stop (bounded by the grace period). */
  api: GitHubApi;
  git: Git;
  commenter: Commenter;
  logger: Logger;
  redactor: Redactor;
  /** Edits the progress comment to its stopped state. */
  showStopped(detail: string): Promise<void>;
}

export interface SalvageInput {
  config: ActionConfig;
  /** The run's record as written (null: the run stopped before it could have one). */
  record: OutputRecord | null;
  stop: StopInfo;
  phase: RunPhase;
  /** What the send delivered before the stop, if it got that far. */
  delivered: Delivered | null;
  /** This run's final comment is already posted (it stays; the progress comment tells of the stop). */
  finalPosted: boolean;
  coAuthor?: CoAuthor | string | null;
}

export interface SalvageResult {
  record: OutputRecord | null;
  /** The branch holding the work: pushed now, or by the send before the stop. */
  branch: string | null;
  /** One sentence for the log and the step's failure. */
  message: string;
}

export async function salvage(deps: SalvageDeps, input: SalvageInput): Promise<SalvageResult> {
  const { config, stop } = input;
  // A record that says where its run stopped knows best (resolve saw the signal abort); else the caller's phase.
  const marked = input.record?.stopped_in;
  const phase: RunPhase = marked !== undefined && marked in PHASE_WHILE ? marked : input.phase;
  const { logger, redactor } = deps;
  const warn = (what: string) => (err: unknown) => logger.warn(`${what}: ${redactor.redact(errorMessage(err))}`);
  const outputFile = path.join(config.outputDir, 'output.jsonl');
  const sentence = `The run stopped while ${PHASE_WHILE[phase]} (${stop.message}).`;

  // 1. The record says so (resolve marks its own; a stop in the send or the final comment comes after it).
  let record = input.record;
  if (record && record.stopped_in === undefined) {
    const ref = { owner: record.issue.owner, repo: record.issue.repo, number: record.issue.number };
    record =
      (await updateRecord(outputFile, ref, (r) => markStopped(r, stop, phase), redactor).catch((err: unknown) => {
        warn('Could not mark the record as stopped')(err);
        return null;
      })) ?? record;
  }

  // 2. The work so far on a branch, where the settings allow: issue runs with send-on-failure and a patch. (A PR
  // run's partial work is not pushed onto someone's pull request; it stays in the artifact.)
  let branch = input.delivered?.branch ?? null;
  const patch = record?.git_patch?.trim() ?? '';
  if (!input.delivered && record && record.issue_type === 'issue' && config.send.sendOnFailure && patch !== '') {
    try {
      const sent = await sendPullRequest(
        { api: deps.api, git: deps.git, logger, redactor },
        { ...sendOptions(config, record, { reviewer: null, coAuthor: input.coAuthor ?? null }), prType: 'branch' },
      );
      branch = sent.branch;
      if (branch) logger.info(`Pushed the work done so far to branch ${branch}.`);
    } catch (err) {
      warn('Could not push the work done so far')(err);
    }
  }

  // 3. The comments: the progress comment in its stopped state, and a final comment unless one is up already.
  await deps.showStopped(sentence.replace(/^The run /, '').replace(/\.$/, '')).catch(warn('Progress comment'));
  if (!input.finalPosted) {
    const owner =
      config.send.forkOwner && record?.issue_type === 'issue' ? config.send.forkOwner : config.repository.owner;
    const d = input.delivered;
    await deps.commenter
      .postFinal(
        'error',
        stoppedBody({
          why: stop.message,
          phase: PHASE_WHILE[phase],
          runUrl: config.run.url,
          branch,
          treeUrl: branch ? webUrls.tree(config.urls, owner, config.repository.repo, branch) : null,
          delivered: d?.number && d.url ? `Pull request #${d.number} had been opened: ${d.url}.` : null,
          artifactHint: `The record, the patch and the transcript are in the \`resolver-output\` artifact of the [workflow run](${config.run.url}).`,
        }),
      )
      .catch(warn('Could not post the final comment'));
  }
  logger.error(sentence);
  return { record, branch, message: sentence };
}
