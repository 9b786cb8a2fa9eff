// Host-side patch policy (security.md §4, resolver.md §9.2, DESIGN.md §8.20): the agent proposes, trusted code
// decides which changes may leave the sandbox. The rules are judged on the tree the patch produces (src/git/
// tree-policy.ts via Git.buildPatchTree / buildDirectoryTree), never on the patch text; this module turns a judged
// tree into the record's `git_patch` and lists every drop for the result explanation.
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Git, PatchTreeResult, PolicyDrop } from '../git/types.js';
import { describeDrops } from '../git/tree-policy.js';

export { MAX_FILE_BYTES, MAX_PATCH_BYTES, describeDrops, pathProblem } from '../git/tree-policy.js';
export type { PolicyDrop } from '../git/tree-policy.js';

export interface PolicyResult {
  /** The canonical `diff-tree --binary` of base..judged tree: only what was judged; null when nothing is left. */
  patch: string | null;
  dropped: PolicyDrop[];
  /** Kept, but worth a reviewer's attention (e.g. .gitmodules edits). */
  flagged: PolicyDrop[];
  /** Why no judged patch could be made (the raw patch did not apply, or the host build failed). */
  error?: string;
}

export interface PolicyOptions {
  allowWorkflowChanges?: boolean;
  timeoutMs?: number;
}

/**
 * A judged tree as a policy result; the tolerant rules' skips are listed with the drops. No change at all is `''`
 * (as the sandbox's empty diff); a patch whose every change was dropped, or that did not apply, is null.
 */
export function policyResult(t: PatchTreeResult): PolicyResult {
  const dropped = [...t.dropped, ...t.skipped];
  const nothing = t.tree === null || dropped.length > 0 ? null : '';
  return {
    patch: t.patch ?? nothing,
    dropped,
    flagged: t.flagged,
    ...(t.error ? { error: t.error } : {}),
  };
}

/**
 * Judges a sandbox-made patch: builds its tree on `baseCommit` in the pristine clone's object store (no work tree
 * is written) and returns the canonical diff of what was kept. A patch that does not apply yields no patch.
 */
export async function judgePatch(
  git: Git,
  repoDir: string,
  baseCommit: string,
  rawPatch: string | null,
  opts: PolicyOptions & { logger: Logger },
): Promise<PolicyResult> {
  if (rawPatch === null || rawPatch.trim() === '')
    return { patch: rawPatch === null ? null : '', dropped: [], flagged: [] };
  try {
    return policyResult(
      await git.buildPatchTree(repoDir, {
        base: baseCommit,
        patch: rawPatch,
        allowWorkflowChanges: opts.allowWorkflowChanges,
        timeoutMs: opts.timeoutMs,
      }),
    );
  } catch (err) {
    const error = `The patch could not be judged: ${errorMessage(err)}`;
    opts.logger.error(error);
    return { patch: null, dropped: [], flagged: [], error };
  }
}

/** describeDrops, plus the reason when no patch could be made. */
export function describePolicy(r: PolicyResult): string {
  const drops = describeDrops(r);
  return r.error ? (drops ? `${r.error}\n\n${drops}` : r.error) : drops;
}
