// send-pull-request for one output.jsonl record (resolver.md §12): trusted host code builds the commit from the
// patch without a work tree (DESIGN.md §8.20: temporary index, judged tree, commit-tree), pushes that commit, and
// opens or updates the PR (or leaves a branch with a compare link).
import { createHash } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ResolverError, errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Redactor } from '../core/redact.js';
import type { CommitPatchResult, Git, GitIdentity } from '../git/types.js';
import { GitHubApiError } from '../github/api.js';
import { isBot } from '../github/permissions.js';
import { webUrls } from '../github/urls.js';
import type { GitHubApi, PullData, RepoRef } from '../github/types.js';
import { baseBranchName, chooseBranch } from './branch-choice.js';
import { commitMessage, prBody, prTitle, type CoAuthor } from './send-body.js';
import { recordFlagged } from './output.js';
import { sendPrUpdate } from './send-pr-update.js';
import type { OutputRecord } from './types.js';

export type PrType = 'draft' | 'ready' | 'branch';
export type SendConclusion = 'success' | 'failure' | 'no-changes' | 'skipped';

export interface SendDeps {
  api: GitHubApi;
  git: Git;
  logger: Logger;
  redactor: Redactor;
  /** PR records: an optional LLM overview of the per-feedback explanations (resolver.md §12.5.3). */
  summarize?: (explanations: string[]) => Promise<string | null>;
}

export interface SendOptions {
  /** The resolver's output directory (holds `repo/`; `patches/` is written here). */
  outputDir: string;
  record: OutputRecord;
  prType: PrType;
  /** Process a record with `success: false` too (the action forces `branch` mode for it). */
  sendOnFailure?: boolean;
  /** PR base; must exist. Default: the repository's default branch. */
  targetBranch?: string | null;
  /** Push the branch to {forkOwner}/{repo} and open the PR from there. */
  forkOwner?: string | null;
  reviewer?: string | null;
  prTitle?: string | null;
  /** Commit identity (DESIGN.md §8.13): always used, via `-c user.name/-c user.email`. */
  identity: GitIdentity;
  /** The triggering user, credited with a `Co-authored-by:` trailer. */
  coAuthor?: CoAuthor | string | null;
  branchCollision?: 'reuse' | 'new';
  /**
   * The run id in the hidden markers (PR body, PR summary comment, thread replies). Default: recordRunId(record),
   * so sending the same record again finds and edits what the first send posted.
   */
  runId?: string | null;
  /** The trigger macro, kept out of our output (resolver.md §2.2). */
  macro?: string;
  /** PR records: resolve each review thread whose feedback was judged addressed. */
  resolveThreads?: boolean;
  /** The patch is judged again on the tree it makes: keep .github/workflows changes. */
  allowWorkflowChanges?: boolean;
}

export interface SendResult {
  conclusion: SendConclusion;
  /** PR URL, or the compare link in branch mode (or when PR creation failed after the push). */
  url: string | null;
  number: number | null;
  branch: string | null;
  /** Changes left out by the tolerant rules or the patch policy (also listed in the PR body). */
  skipped: { path: string; reason: string }[];
  /** What was actually done: `branch` when a draft/ready request fell back to a pushed branch. */
  prType: PrType;
  /** An existing PR was updated instead of created. */
  updated: boolean;
  commitSha: string | null;
  /** Non-fatal problems (reviewer request, PR creation fallback, foreign PR left alone). */
  warnings: string[];
  /** For `no-changes` and `skipped`: the reference's message. */
  message?: string;
  /**
   * PR records: the `pr-update` summary comment was posted; it is this run's final comment, so callers post
   * no other success comment (resolver.md §13).
   */
  commented: boolean;
}

/**
 * A run id that is the same for every send of one record and differs between records: `cli-` and a short hash
 * of its base commit and patch. The CLI has no workflow run id; a clock-based one made a second send of the same
 * record post a second summary and a second reply in every thread.
 */
export function recordRunId(record: Pick<OutputRecord, 'base_commit' | 'git_patch'>): string {
  const hash = createHash('sha256')
    .update(record.base_commit ?? '')
    .update('\0')
    .update(record.git_patch ?? '')
    .digest('hex');
  return `cli-${hash.slice(0, 12)}`;
}

const MISSING_PERMISSION_HINT =
  'Check that the token can push and open pull requests, and, for the workflow token, that the repository setting ' +
  '"Allow GitHub Actions to create and approve pull requests" is on.';

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/**
 * The repository whose object store receives the commit: the pristine `repo/` of the resolve step, or a fresh
 * clone when it is absent (separate jobs). Nothing is checked out for the patch; `base_commit` only has to exist.
 */
async function prepareRepoDir(deps: SendDeps, o: SendOptions, repo: RepoRef): Promise<string> {
  const source = path.join(o.outputDir, 'repo');
  let dir = source;
  if (!(await exists(path.join(source, '.git')))) {
    dir = path.join(o.outputDir, 'patches', `${o.record.issue_type}_${o.record.issue.number}`);
    await rm(dir, { recursive: true, force: true });
    deps.logger.info(`${source} is absent; cloning ${repo.owner}/${repo.repo} afresh.`);
    await deps.git.clone(repo.owner, repo.repo, dir);
  }
  const base = o.record.base_commit;
  try {
    await deps.git.revParse(dir, base);
  } catch {
    // The copy may predate base_commit, or base_commit is a PR head (possibly from a fork) that only
    // refs/pull/N/head of the base repository holds: fetch once, then try again.
    const refspec =
      o.record.issue_type === 'pr' ? `+refs/pull/${o.record.issue.number}/head:refs/openhands/pr-head` : base;
    try {
      await deps.git.fetch(dir, [refspec]);
      await deps.git.revParse(dir, base);
    } catch (err) {
      throw new ResolverError('git', `Failed to find commit ${base}: ${errorMessage(err)}`);
    }
  }
  return dir;
}

function normaliseCoAuthor(c: SendOptions['coAuthor']): CoAuthor | null {
  if (!c) return null;
  if (typeof c === 'string') return c.trim() === '' ? null : { login: c.trim() };
  return c;
}

export interface PreparedCommit {
  /** The repository holding the commit (push from here). */
  dir: string;
  commit: CommitPatchResult;
  /** Builds the same patch as a commit on another base (a moved PR head), judged again. */
  rebuildOn: (base: string) => Promise<CommitPatchResult>;
  skipped: { path: string; reason: string }[];
}

/** Builds the commit from the patch on base_commit (no work tree), judged again by the patch policy. */
async function prepareCommit(deps: SendDeps, o: SendOptions, repo: RepoRef): Promise<PreparedCommit> {
  const r = o.record;
  const n = r.issue.number;
  const dir = await prepareRepoDir(deps, o, repo);
  const message = commitMessage(
    {
      issueType: r.issue_type,
      number: n,
      title: r.issue.title,
      coAuthor: normaliseCoAuthor(o.coAuthor),
      serverUrl: deps.api.urls.serverUrl,
    },
    deps.redactor,
  );
  const build = (base: string) =>
    deps.git.commitPatch(dir, {
      base,
      patch: r.git_patch ?? '',
      message,
      identity: o.identity,
      allowWorkflowChanges: o.allowWorkflowChanges ?? false,
    });
  const commit = await build(r.base_commit);
  if (commit.tree === null) {
    throw new ResolverError('patch', commit.error ?? `The patch for #${n} could not be applied.`);
  }
  return { dir, commit, rebuildOn: build, skipped: [...commit.skipped, ...commit.dropped] };
}

function noChanges(deps: SendDeps, n: number): Pick<SendResult, 'conclusion' | 'message'> {
  deps.logger.info(`No changes to commit for issue #${n}. Skipping commit.`);
  return { conclusion: 'no-changes', message: 'ERROR: Openhands failed to make code changes.' };
}

/** PR records (resolver.md §12.5): update the existing PR, or a fallback branch. */
async function sendPr(
  deps: SendDeps,
  o: SendOptions,
  repo: RepoRef,
  base: Omit<SendResult, 'conclusion'>,
): Promise<SendResult> {
  const r = o.record;
  const n = r.issue.number;
  const pull = await deps.api.getPull(repo, n);
  if (pull.state !== 'open') {
    throw new ResolverError(
      'not-open',
      `Pull request #${n} in ${repo.owner}/${repo.repo} is not open; nothing was pushed.`,
    );
  }
  const prepared = await prepareCommit(deps, o, repo);
  const sha = prepared.commit.sha;
  if (sha === null) return { ...base, skipped: prepared.skipped, ...noChanges(deps, n) };
  const res = await sendPrUpdate(deps, {
    record: r,
    workDir: prepared.dir,
    commit: sha,
    rebuildOn: prepared.rebuildOn,
    identity: o.identity,
    pull,
    branchCollision: o.branchCollision ?? 'reuse',
    runId: o.runId ?? recordRunId(r),
    resolveThreads: o.resolveThreads ?? false,
    macro: o.macro,
  });
  const warnings = res.fallbackReason
    ? [`Pushed to ${res.branch}: ${res.fallbackReason}.`, ...res.warnings]
    : res.warnings;
  return {
    ...base,
    conclusion: r.success ? 'success' : 'failure',
    url: r.success ? res.url : (res.compareUrl ?? res.url),
    number: n,
    branch: res.branch,
    skipped: prepared.skipped,
    prType: res.pushedToHead ? o.prType : 'branch',
    updated: res.pushedToHead,
    commitSha: res.alreadyOnHead ?? res.commit,
    warnings,
    commented: res.commented,
  };
}

export async function sendPullRequest(deps: SendDeps, o: SendOptions): Promise<SendResult> {
  const r = o.record;
  const n = r.issue.number;
  const base: Omit<SendResult, 'conclusion'> = {
    url: null,
    number: null,
    branch: null,
    skipped: [],
    prType: o.prType,
    updated: false,
    commitSha: null,
    warnings: [],
    commented: false,
  };
  if (!r.success && !o.sendOnFailure) {
    const message = `Issue ${n} was not successfully resolved. Skipping PR creation.`;
    deps.logger.info(message);
    return { ...base, conclusion: 'skipped', message };
  }
  if (!r.base_commit) throw new ResolverError('internal', `The record for #${n} has no base_commit.`);
  const repo: RepoRef = { owner: r.issue.owner, repo: r.issue.repo };
  if (r.issue_type === 'pr') return sendPr(deps, o, repo, base);

  const pushRepo: RepoRef = { owner: o.forkOwner?.trim() || repo.owner, repo: repo.repo };
  const isFork = pushRepo.owner.toLowerCase() !== repo.owner.toLowerCase();

  // 1. The PR base, validated before any work (runs for every PR type).
  let targetBranch: string;
  if (o.targetBranch && o.targetBranch.trim() !== '') {
    targetBranch = o.targetBranch.trim();
    if (!(await deps.api.getBranch(repo, targetBranch))) {
      throw new ResolverError('config', `Target branch ${targetBranch} does not exist`);
    }
  } else {
    targetBranch = (await deps.api.getRepo(repo)).defaultBranch;
  }

  // 2. The commit, built from the patch on base_commit without a work tree.
  const prepared = await prepareCommit(deps, o, repo);
  const sha = prepared.commit.sha;
  if (sha === null) return { ...base, skipped: prepared.skipped, ...noChanges(deps, n) };
  const { dir: workDir, skipped } = prepared;

  // 3. Branch (§12.3), then push.
  const choice = await chooseBranch(deps, {
    workDir,
    baseRepo: repo,
    pushRepo,
    baseName: baseBranchName(r.issue_type, n),
    targetBranch,
    identity: o.identity,
    mode: o.branchCollision ?? 'reuse',
    successPath: r.success,
  });
  const branch = choice.branch;
  const warnings: string[] = [];
  let prType = o.prType;
  if (choice.foreignPull && prType !== 'branch') {
    warnings.push(
      `Pull request #${choice.foreignPull.number} (${choice.foreignPull.htmlUrl}) already exists for this issue with ` +
        `commits by others; it was left alone and this attempt was pushed to branch ${branch} only.`,
    );
    prType = 'branch';
  }
  await deps.git.push(workDir, { ...pushRepo, branch, forceWithLease: choice.lease, source: sha });

  const compareUrl = webUrls.compare(deps.api.urls, pushRepo.owner, pushRepo.repo, branch);
  const conclusion: SendConclusion = r.success ? 'success' : 'failure';
  const done = { ...base, conclusion, branch, skipped, commitSha: sha, warnings };

  if (prType === 'branch') {
    deps.logger.info(`branch created: ${compareUrl}`);
    return { ...done, prType: 'branch', url: compareUrl };
  }

  // 4. Open (or update) the PR.
  const title = prTitle({ number: n, title: r.issue.title, override: o.prTitle }, deps.redactor);
  const body = prBody(
    {
      number: n,
      explanation: r.result_explanation ?? '',
      skipped,
      unsuccessful: !r.success,
      flagged: recordFlagged(r),
      runId: o.runId ?? recordRunId(r),
      notes: isFork ? [`The branch lives in the fork ${pushRepo.owner}/${pushRepo.repo}.`] : [],
    },
    deps.redactor,
    o.macro,
  );
  const head = isFork ? `${pushRepo.owner}:${branch}` : branch;
  let pull: PullData | null = null;
  let updated = false;
  if (choice.pull) {
    pull = await deps.api.updatePull(repo, choice.pull.number, { title, body });
    updated = true;
  } else {
    try {
      pull = await deps.api.createPull(repo, { title, body, head, base: targetBranch, draft: prType === 'draft' });
    } catch (err) {
      const e = err instanceof GitHubApiError ? err : null;
      if (e?.status === 422 && /already exists/i.test(e.detail)) {
        const existing = (await deps.api.findOpenPulls(repo, `${pushRepo.owner}:${branch}`))[0];
        if (existing) {
          pull = await deps.api.updatePull(repo, existing.number, { title, body });
          updated = true;
        }
      }
      if (!pull) {
        const why =
          e?.status === 403
            ? `Failed to create pull request due to missing permissions. ${MISSING_PERMISSION_HINT}`
            : `Failed to create the pull request: ${deps.redactor.redact(errorMessage(err))}`;
        deps.logger.info(`branch created: ${compareUrl}`);
        // Callers log `warnings` (the CLI and the action both do), so they are not logged here too.
        return {
          ...done,
          prType: 'branch',
          url: compareUrl,
          warnings: [...warnings, `${why} The branch is pushed: ${compareUrl}`],
        };
      }
    }
  }

  // 5. Reviewer: never a bot, never the PR's author; failures only warn.
  const reviewer = o.reviewer?.trim();
  if (
    reviewer &&
    !isBot({ login: reviewer, type: null }) &&
    reviewer.toLowerCase() !== (pull.author ?? '').toLowerCase()
  ) {
    try {
      await deps.api.requestReviewers(repo, pull.number, [reviewer]);
    } catch (err) {
      warnings.push(`Could not request a review from ${reviewer}: ${deps.redactor.redact(errorMessage(err))}`);
    }
  }

  if (updated) deps.logger.info(`Updated pull request ${pull.htmlUrl} with new patches.`);
  else deps.logger.info(`${prType} created: ${pull.htmlUrl}`);
  return { ...done, prType, url: pull.htmlUrl, number: pull.number, updated, warnings };
}
