// Branch naming and collisions (resolver.md §12.3). `new` reproduces the reference: the first candidate that
// does not exist on the push target. `reuse` (default) is idempotent: a branch only we committed to is reused
// (force-with-lease on the observed SHA) and its open PR updated, so re-runs converge on one branch and one PR.
import { ResolverError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Git, GitIdentity } from '../git/types.js';
import type { GitHubApi, PullData, RepoRef } from '../github/types.js';
import type { IssueType } from './types.js';

export const BRANCH_CANDIDATE_CAP = 50;

export function baseBranchName(issueType: IssueType, number: number): string {
  return `openhands-fix-${issueType}-${number}`;
}

/** `base`, `base-try2`, … `base-try{cap}`. */
export function branchCandidates(base: string, cap = BRANCH_CANDIDATE_CAP): string[] {
  return Array.from({ length: cap }, (_, i) => (i === 0 ? base : `${base}-try${i + 1}`));
}

export interface BranchChoice {
  branch: string;
  /** For the push: '' = the branch must not exist yet; a SHA = the tip we verified and overwrite. */
  lease: string;
  /** Our open PR on the reused branch: update it instead of creating one. */
  pull: PullData | null;
  /** An open PR on one of our branch names that holds foreign commits: left alone (push in branch mode). */
  foreignPull: PullData | null;
}

export interface ChooseBranchOptions {
  workDir: string;
  /** Where PRs live (the issue's repository). */
  baseRepo: RepoRef;
  /** Where the branch is pushed (the fork when --fork-owner is given). */
  pushRepo: RepoRef;
  baseName: string;
  /** The PR base branch: `target..candidate` decides ownership. */
  targetBranch: string;
  identity: GitIdentity;
  mode: 'reuse' | 'new';
  /** The failure path never reuses a branch that has an open PR. */
  successPath: boolean;
}

export async function chooseBranch(
  deps: { api: Pick<GitHubApi, 'getBranch' | 'findOpenPulls'>; git: Git; logger: Logger },
  o: ChooseBranchOptions,
): Promise<BranchChoice> {
  const samePushRepo =
    o.pushRepo.owner.toLowerCase() === o.baseRepo.owner.toLowerCase() &&
    o.pushRepo.repo.toLowerCase() === o.baseRepo.repo.toLowerCase();
  let baseFetched = false;
  let foreignPull: PullData | null = null;

  async function ownedByUs(candidate: string): Promise<{ owned: boolean; sha: string }> {
    if (!baseFetched) {
      await deps.git.fetch(o.workDir, [`+refs/heads/${o.targetBranch}:refs/openhands/base`]);
      baseFetched = true;
    }
    await deps.git.fetch(
      o.workDir,
      [`+refs/heads/${candidate}:refs/openhands/candidate`],
      samePushRepo ? undefined : o.pushRepo,
    );
    const sha = await deps.git.revParse(o.workDir, 'refs/openhands/candidate');
    const log = await deps.git.raw(o.workDir, [
      'log',
      '--format=%cn%x00%ce',
      'refs/openhands/base..refs/openhands/candidate',
    ]);
    const committers = log.split('\n').filter((l) => l !== '');
    const ours = `${o.identity.name}\0${o.identity.email}`;
    return { owned: committers.every((c) => c === ours), sha };
  }

  // One check covers every candidate: appending `-tryN` to a valid branch name keeps it valid.
  try {
    await deps.git.raw(o.workDir, ['check-ref-format', '--branch', o.baseName]);
  } catch {
    throw new ResolverError('git', `Branch name ${o.baseName} does not pass git check-ref-format.`);
  }
  for (const candidate of branchCandidates(o.baseName)) {
    const remote = await deps.api.getBranch(o.pushRepo, candidate);
    if (!remote) return { branch: candidate, lease: '', pull: null, foreignPull };
    if (o.mode === 'new') continue;

    const pulls = await deps.api.findOpenPulls(o.baseRepo, `${o.pushRepo.owner}:${candidate}`);
    const pull = pulls[0] ?? null;
    const { owned, sha } = await ownedByUs(candidate);
    if (!owned) {
      deps.logger.info(`Branch ${candidate} has commits by others; leaving it alone.`);
      if (pull && !foreignPull) foreignPull = pull;
      continue;
    }
    if (pull && !o.successPath) {
      deps.logger.info(
        `Branch ${candidate} has open pull request #${pull.number}; the failure path does not reuse it.`,
      );
      continue;
    }
    deps.logger.info(`Reusing branch ${candidate} (only our commits on it).`);
    return { branch: candidate, lease: sha, pull, foreignPull };
  }
  throw new ResolverError(
    'git',
    `No free branch name: ${o.baseName} and its -try2…-try${BRANCH_CANDIDATE_CAP} variants are all taken on ` +
      `${o.pushRepo.owner}/${o.pushRepo.repo}. Delete stale ones and run again.`,
  );
}
