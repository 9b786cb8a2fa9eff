// The PR path of send-pull-request (resolver.md §12.5): push the fix to the PR head (fast-forward only, one
// rebase on a moved head), or to `openhands-fix-pr-{N}` in the base repository when the head is a fork, the
// rebase conflicts, or the record was not successful; then a summary comment and per-thread replies.
import { ResolverError, errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Redactor } from '../core/redact.js';
import type { Git, GitIdentity } from '../git/types.js';
import type { LlmClient } from '../llm/types.js';
import { createCommenter, fitBody, finalizeBody } from '../github/comments.js';
import { hasRunMarker, marker } from '../github/marker.js';
import { webUrls } from '../github/urls.js';
import type { GitHubApi, PullData, RepoRef } from '../github/types.js';
import { baseBranchName, chooseBranch } from './branch-choice.js';
import { recordFlagged } from './output.js';
import { flaggedNote } from './send-body.js';
import type { OutputRecord } from './types.js';

/** The fixed header of every thread reply (kept from the reference). */
export const THREAD_REPLY_HEADER = 'Openhands fix success summary\n\n\n';

export interface PrUpdateDeps {
  api: GitHubApi;
  git: Git;
  logger: Logger;
  redactor: Redactor;
  /** Optional LLM overview of the per-feedback explanations; null/empty or a throw → the plain list. */
  summarize?: (explanations: string[]) => Promise<string | null>;
}

export interface PrUpdateOptions {
  record: OutputRecord;
  workDir: string;
  identity: GitIdentity;
  pull: PullData;
  branchCollision: 'reuse' | 'new';
  runId: string;
  resolveThreads: boolean;
  macro?: string;
}

export interface PrUpdateResult {
  url: string;
  /** The branch that received the commit: the PR head, or the fallback `openhands-fix-pr-N`. */
  branch: string;
  /** True when the commit went to the PR head (or was already there). */
  pushedToHead: boolean;
  /**
   * The PR head already held a commit with exactly our tree (an earlier send of this record): its SHA. Nothing
   * was pushed.
   */
  alreadyOnHead: string | null;
  /** Why the fallback branch was used, when it was. */
  fallbackReason: string | null;
  compareUrl: string | null;
  warnings: string[];
  /** The `pr-update` summary was posted (it is this run's final comment: resolver.md §13). */
  commented: boolean;
}

/** `result_explanation` of a PR record: an inline JSON list of strings, or null when it is not one. */
export function parseExplanations(text: string): string[] | null {
  try {
    const v: unknown = JSON.parse(text);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  } catch {
    // Not JSON: the caller reports it as unparsable.
  }
  return null;
}

/** The request for the LLM overview (the reference's pr-changes-summary prompt). */
export function overviewPrompt(explanations: readonly string[]): string {
  return (
    'Please create a concise overview of the following changes, commenting on whether all issues have been ' +
    'successfully resolved or if there are still issues remaining:\n\n' +
    'OpenHands made the following changes to resolve the issues:\n\n' +
    explanations.map((e) => `- ${e}`).join('\n')
  );
}

/**
 * The `summarize` dependency over a model (resolver.md §12.5.3): the model's trimmed reply to overviewPrompt,
 * or null for an empty reply. A failing model throws; postSummary then posts the plain list.
 */
export function createPrOverview(
  llm: LlmClient,
  o: { logger: Logger; signal?: AbortSignal },
): (explanations: string[]) => Promise<string | null> {
  return async (explanations) => {
    const reply = await llm.complete({
      messages: [{ role: 'user', content: overviewPrompt(explanations) }],
      signal: o.signal,
    });
    const cost = reply.cost === null ? 'unknown cost' : `$${reply.cost.toFixed(4)}`;
    o.logger.debug(
      `PR overview: ${reply.usage.prompt_tokens} prompt + ${reply.usage.completion_tokens} completion tokens, ${cost}.`,
    );
    return reply.content?.trim() || null;
  };
}

const NON_FAST_FORWARD = /non-fast-forward|fetch first|\[rejected\]|tip of your current branch is behind|stale info/i;

type HeadPush = { ok: true; already: string | null } | { ok: false; reason: string };

/**
 * A commit after our base on the fetched PR head whose tree is exactly our commit's: the same fix was pushed
 * before (a second send of the same record), so there is nothing to push.
 */
async function findOurTreeOnHead(deps: PrUpdateDeps, o: PrUpdateOptions): Promise<string | null> {
  const ours = (await deps.git.raw(o.workDir, ['rev-parse', 'HEAD^{tree}'])).trim();
  const log = await deps.git.raw(o.workDir, ['log', '--format=%H %T', 'HEAD~1..refs/openhands/pr-head']);
  for (const line of log.split('\n')) {
    const [sha, tree] = line.trim().split(' ');
    if (sha && tree === ours) return sha;
  }
  return null;
}

/** Fast-forward push to the PR head; on a moved head, rebase our single commit once and try again. */
async function pushToHead(deps: PrUpdateDeps, o: PrUpdateOptions, repo: RepoRef): Promise<HeadPush> {
  const target = { ...repo, branch: o.pull.headRef };
  // A send within the same second as an earlier one of the same record makes the very same commit.
  const ours = await deps.git.revParse(o.workDir, 'HEAD');
  if (ours === o.pull.headSha) return { ok: true, already: ours };
  try {
    await deps.git.push(o.workDir, target);
    return { ok: true, already: null };
  } catch (err) {
    if (!NON_FAST_FORWARD.test(errorMessage(err))) throw err;
  }
  await deps.git.fetch(o.workDir, [`+refs/heads/${o.pull.headRef}:refs/openhands/pr-head`]);
  const already = await findOurTreeOnHead(deps, o).catch(() => null);
  if (already) return { ok: true, already };
  deps.logger.info(`The head of pull request #${o.pull.number} moved; rebasing our commit once.`);
  const identity = ['-c', `user.name=${o.identity.name}`, '-c', `user.email=${o.identity.email}`];
  try {
    await deps.git.raw(o.workDir, [...identity, 'rebase', '--no-autostash', 'refs/openhands/pr-head']);
  } catch {
    await deps.git.raw(o.workDir, ['rebase', '--abort']).catch(() => undefined);
    return { ok: false, reason: 'our commit conflicts with changes pushed to the pull request after the run started' };
  }
  try {
    await deps.git.push(o.workDir, target);
    return { ok: true, already: null };
  } catch (err) {
    if (!NON_FAST_FORWARD.test(errorMessage(err))) throw err;
    return { ok: false, reason: 'the pull request head kept moving while we pushed' };
  }
}

export async function sendPrUpdate(deps: PrUpdateDeps, o: PrUpdateOptions): Promise<PrUpdateResult> {
  const r = o.record;
  const n = r.issue.number;
  const repo: RepoRef = { owner: r.issue.owner, repo: r.issue.repo };
  const prUrl = webUrls.pull(deps.api.urls, repo.owner, repo.repo, n);
  const warnings: string[] = [];
  const headRepo = o.pull.headRepoFullName?.toLowerCase() ?? null;
  const isFork = headRepo !== `${repo.owner}/${repo.repo}`.toLowerCase();

  let fallbackReason: string | null = null;
  let alreadyOnHead: string | null = null;
  if (!r.success) fallbackReason = 'the attempt was not judged successful, so the pull request branch was left alone';
  else if (isFork) fallbackReason = 'the pull request comes from a fork, and we never push to forks';
  else {
    const pushed = await pushToHead(deps, o, repo);
    if (!pushed.ok) fallbackReason = pushed.reason;
    else alreadyOnHead = pushed.already;
  }

  let branch = o.pull.headRef;
  let compareUrl: string | null = null;
  if (fallbackReason !== null) {
    const choice = await chooseBranch(deps, {
      workDir: o.workDir,
      baseRepo: repo,
      pushRepo: repo,
      baseName: baseBranchName('pr', n),
      targetBranch: o.pull.baseRef,
      identity: o.identity,
      mode: o.branchCollision,
      successPath: r.success,
    });
    branch = choice.branch;
    try {
      await deps.git.checkout(o.workDir, 'HEAD', { newBranch: branch });
    } catch (err) {
      throw new ResolverError('git', `Failed to create a new branch ${branch} in ${o.workDir}: ${errorMessage(err)}`);
    }
    await deps.git.push(o.workDir, { ...repo, branch, forceWithLease: choice.lease });
    compareUrl = webUrls.compare(deps.api.urls, repo.owner, repo.repo, branch);
    deps.logger.info(`Pushed the changes to ${branch} instead of the pull request branch: ${fallbackReason}.`);
    if (!r.success) {
      return {
        url: prUrl,
        branch,
        pushedToHead: false,
        alreadyOnHead: null,
        fallbackReason,
        compareUrl,
        warnings,
        commented: false,
      };
    }
  } else if (alreadyOnHead) {
    deps.logger.info(
      `Pull request ${prUrl} already has these changes (commit ${alreadyOnHead.slice(0, 12)} on ${o.pull.headRef}); nothing was pushed.`,
    );
  } else {
    deps.logger.info(`Updated pull request ${prUrl} with new patches.`);
  }

  const commented = await postSummary(deps, o, repo, { branch, compareUrl, fallbackReason }, warnings);
  await replyToThreads(deps, o, repo, warnings);
  return {
    url: prUrl,
    branch,
    pushedToHead: fallbackReason === null,
    alreadyOnHead,
    fallbackReason,
    compareUrl,
    warnings,
    commented,
  };
}

async function postSummary(
  deps: PrUpdateDeps,
  o: PrUpdateOptions,
  repo: RepoRef,
  where: { branch: string; compareUrl: string | null; fallbackReason: string | null },
  warnings: string[],
): Promise<boolean> {
  const r = o.record;
  const explanations = parseExplanations(r.result_explanation);
  const note =
    where.fallbackReason && where.compareUrl
      ? `\n\nThe changes are on branch [\`${where.branch}\`](${where.compareUrl}), not on this pull request's branch: ${where.fallbackReason}.`
      : '';
  const flagged = flaggedNote(recordFlagged(r));
  const check = flagged ? `\n\n${flagged}` : '';
  let body: string;
  if (explanations === null) {
    body = fitBody({
      head: 'OpenHands pushed an update to this pull request, but its result could not be summarised:\n\n',
      untrusted: r.result_explanation,
      tail: note + check,
    });
  } else if (explanations.length === 0) {
    if (note === '' && check === '') return false;
    body = `OpenHands pushed an update.${note}${check}`;
  } else {
    let overview: string | null = null;
    if (deps.summarize) {
      try {
        overview = (await deps.summarize(explanations))?.trim() || null;
      } catch (err) {
        deps.logger.warn(`Could not summarise the update with the LLM: ${deps.redactor.redact(errorMessage(err))}`);
      }
    }
    const list = overview ?? explanations.map((e) => `- ${e}`).join('\n');
    body = fitBody({
      head: overview
        ? 'OpenHands pushed an update to this pull request. Overview:\n\n'
        : 'OpenHands pushed an update to this pull request. Feedback addressed:\n\n',
      untrusted: list,
      tail: note + check,
    });
  }
  try {
    const commenter = createCommenter({
      api: deps.api,
      repo,
      number: r.issue.number,
      runId: o.runId,
      redactor: deps.redactor,
      logger: deps.logger,
      macro: o.macro,
    });
    await commenter.postFinal('pr-update', body);
    return true;
  } catch (err) {
    warnings.push(`Could not post the summary comment: ${deps.redactor.redact(errorMessage(err))}`);
    return false;
  }
}

async function replyToThreads(
  deps: PrUpdateDeps,
  o: PrUpdateOptions,
  repo: RepoRef,
  warnings: string[],
): Promise<void> {
  const r = o.record;
  const threadIds = r.issue.thread_ids ?? [];
  // Replies belong to per-thread judgements only.
  if ((r.issue.review_threads ?? []).length === 0 || threadIds.length === 0) return;
  const explanations = parseExplanations(r.result_explanation);
  if (explanations === null) {
    const body = fitBody({
      head: 'OpenHands could not reply to the review threads because the explanations were not a list:\n\n',
      untrusted: r.result_explanation,
    });
    try {
      await deps.api.createComment(
        repo,
        r.issue.number,
        finalizeBody(body, { redactor: deps.redactor, macro: o.macro, marker: marker('thread-reply', o.runId) }),
      );
    } catch (err) {
      warnings.push(`Could not post the thread-reply failure comment: ${deps.redactor.redact(errorMessage(err))}`);
    }
    return;
  }
  // Idempotency: skip threads whose last comment already carries this run's reply (security.md §7).
  let alreadyReplied = new Set<string>();
  try {
    const data = await deps.api.getPullReviewData(repo, r.issue.number);
    alreadyReplied = new Set(
      data.threads.filter((t) => hasRunMarker(t.comments.at(-1)?.body, 'thread-reply', o.runId)).map((t) => t.id),
    );
  } catch (err) {
    deps.logger.warn(`Could not read the review threads before replying: ${deps.redactor.redact(errorMessage(err))}`);
  }
  const count = Math.min(threadIds.length, explanations.length);
  for (let i = 0; i < count; i++) {
    const id = threadIds[i] as string;
    if (alreadyReplied.has(id)) continue;
    const body = finalizeBody(fitBody({ head: THREAD_REPLY_HEADER, untrusted: explanations[i] as string }), {
      redactor: deps.redactor,
      macro: o.macro,
      marker: marker('thread-reply', o.runId),
    });
    try {
      await deps.api.replyToReviewThread(id, body);
    } catch (err) {
      warnings.push(`Could not reply to review thread ${id}: ${deps.redactor.redact(errorMessage(err))}`);
      continue;
    }
    if (o.resolveThreads && r.comment_success?.[i] === true) {
      try {
        await deps.api.resolveReviewThread(id);
      } catch (err) {
        warnings.push(`Could not resolve review thread ${id}: ${deps.redactor.redact(errorMessage(err))}`);
      }
    }
  }
}
