// The PR path of send-pull-request (resolver.md §12.5): push the fix to the PR head (fast-forward only, one
// rebase on a moved head), or to `openhands-fix-pr-{N}` in the base repository when the head is a fork, the
// rebase conflicts, or the record was not successful; then a summary comment and per-thread replies.
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Redactor } from '../core/redact.js';
import type { CommitPatchResult, Git, GitIdentity } from '../git/types.js';
import type { LlmClient } from '../llm/types.js';
import { createCommenter, fitBody, finalizeBody } from '../github/comments.js';
import { hasRunMarker, marker } from '../github/marker.js';
import { webUrls } from '../github/urls.js';
import type { GitHubApi, PullData, RepoRef } from '../github/types.js';
import { baseBranchName, chooseBranch } from './branch-choice.js';
import { deliverForkPr } from './fork-delivery.js';
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
  /** The repository that holds `commit` (pushes and fetches run here; it has no work tree we use). */
  workDir: string;
  /** Our commit (parent: the record's base_commit), built from the patch without a work tree. */
  commit: string;
  /** Builds the patch again as a commit on another base, judged again (the rebase on a moved PR head). */
  rebuildOn: (base: string) => Promise<CommitPatchResult>;
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
  /** The commit that was pushed (ours, or ours built again on the moved head). */
  commit: string;
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
  const ours = (await deps.git.raw(o.workDir, ['rev-parse', `${o.commit}^{tree}`])).trim();
  const log = await deps.git.raw(o.workDir, ['log', '--format=%H %T', `${o.commit}~1..refs/openhands/pr-head`]);
  for (const line of log.split('\n')) {
    const [sha, tree] = line.trim().split(' ');
    if (sha && tree === ours) return sha;
  }
  return null;
}

/**
 * Fast-forward push of our commit to the PR head; on a moved head, build the commit again from the patch on the
 * new head (the tolerant rules apply, the tree is judged again) and push once more.
 */
async function pushToHead(
  deps: PrUpdateDeps,
  o: PrUpdateOptions,
  repo: RepoRef,
  ctx: { commit: string },
): Promise<HeadPush> {
  const target = { ...repo, branch: o.pull.headRef };
  // A send within the same second as an earlier one of the same record makes the very same commit.
  if (o.commit === o.pull.headSha) return { ok: true, already: o.commit };
  try {
    await deps.git.push(o.workDir, { ...target, source: o.commit });
    return { ok: true, already: null };
  } catch (err) {
    if (!NON_FAST_FORWARD.test(errorMessage(err))) throw err;
  }
  await deps.git.fetch(o.workDir, [`+refs/heads/${o.pull.headRef}:refs/openhands/pr-head`]);
  const already = await findOurTreeOnHead(deps, o).catch(() => null);
  if (already) return { ok: true, already };
  deps.logger.info(`The head of pull request #${o.pull.number} moved; building our commit again on the new head.`);
  const head = await deps.git.revParse(o.workDir, 'refs/openhands/pr-head');
  const again = await o.rebuildOn(head);
  if (again.tree === null) {
    return { ok: false, reason: 'our commit conflicts with changes pushed to the pull request after the run started' };
  }
  if (again.sha === null) return { ok: true, already: head };
  try {
    await deps.git.push(o.workDir, { ...target, source: again.sha });
    ctx.commit = again.sha;
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

  if (isFork) {
    // DESIGN.md §8.22: a fork-based commit never goes into the base repository, in any path. An unsuccessful
    // attempt is not delivered at all (its patch is in the artifact); a successful one goes to the fork head when
    // allowed, else into a review with suggested changes (src/resolver/fork-delivery.ts).
    const none = {
      url: prUrl,
      branch: '',
      pushedToHead: false,
      alreadyOnHead: null,
      compareUrl: null,
      warnings,
      commit: o.commit,
    };
    if (!r.success) {
      return {
        ...none,
        fallbackReason: 'the attempt was not judged successful; nothing was delivered to a fork pull request',
        commented: false,
      };
    }
    const d = await deliverForkPr(deps, {
      repo,
      pull: o.pull,
      gitDir: o.workDir,
      base: r.base_commit,
      commit: o.commit,
      runId: o.runId,
      ...(o.macro ? { macro: o.macro } : {}),
      patchHint: `the \`resolver-output\` artifact of this run (\`patches/pr_${n}.patch\`)`,
    });
    warnings.push(...d.warnings);
    if (d.kind === 'review') warnings.push(`Delivered as a review with suggested changes: ${d.reason}.`);
    const where =
      d.kind === 'pushed'
        ? { branch: d.branch, compareUrl: null, fallbackReason: null }
        : {
            branch: '',
            compareUrl: d.url,
            fallbackReason: null,
            note: d.url ? `\n\nThe changes are [suggested in a review](${d.url}), not pushed: ${d.reason}.` : '',
          };
    const commented = await postSummary(deps, o, repo, where, warnings);
    await replyToThreads(deps, o, repo, warnings);
    return {
      ...none,
      branch: where.branch,
      pushedToHead: d.kind === 'pushed',
      fallbackReason: where.fallbackReason,
      compareUrl: where.compareUrl,
      commented,
    };
  }

  let fallbackReason: string | null = null;
  let alreadyOnHead: string | null = null;
  const ctx = { commit: o.commit };
  if (!r.success) fallbackReason = 'the attempt was not judged successful, so the pull request branch was left alone';
  else {
    const pushed = await pushToHead(deps, o, repo, ctx);
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
    await deps.git.push(o.workDir, { ...repo, branch, forceWithLease: choice.lease, source: o.commit });
    compareUrl = webUrls.compare(deps.api.urls, repo.owner, repo.repo, branch);
    deps.logger.info(`Pushed the changes to ${branch} instead of the pull request branch: ${fallbackReason}.`);
    if (!r.success) {
      return {
        url: prUrl,
        branch,
        pushedToHead: false,
        alreadyOnHead: null,
        fallbackReason,
        commit: o.commit,
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
    commit: fallbackReason === null ? ctx.commit : o.commit,
    compareUrl,
    warnings,
    commented,
  };
}

async function postSummary(
  deps: PrUpdateDeps,
  o: PrUpdateOptions,
  repo: RepoRef,
  where: { branch: string; compareUrl: string | null; fallbackReason: string | null; note?: string },
  warnings: string[],
): Promise<boolean> {
  const r = o.record;
  const explanations = parseExplanations(r.result_explanation);
  const note =
    where.note !== undefined
      ? where.note
      : where.fallbackReason && where.compareUrl
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
