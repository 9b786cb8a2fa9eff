// The one chokepoint for git. Every git process runs through this interface with argv arrays,
// hardened config, and the token only in a temporary include file (security.md §3-4).

export interface GitIdentity {
  name: string;
  email: string;
}

export interface ApplyResult {
  applied: boolean;
  /** How it was applied: 'git-apply' (strict) or 'fallback' (tolerant per-file rules, resolver.md §12.1). */
  method: 'git-apply' | 'fallback' | 'none';
  /** File diffs that were skipped, with the reason (reported in the PR body). */
  skipped: { path: string; reason: string }[];
  error?: string;
}

export interface Git {
  /** Clones {serverUrl}/{owner}/{repo}.git into dir with the token in a temporary extraheader include. */
  clone(owner: string, repo: string, dir: string): Promise<void>;
  /** Fetches from `origin`, or from {serverUrl}/{owner}/{repo}.git when `from` is given (e.g. a fork). */
  fetch(dir: string, refspecs: string[], from?: { owner: string; repo: string }): Promise<void>;
  /** Checks out a ref (detached unless newBranch is given); returns the HEAD sha. */
  checkout(dir: string, ref: string, opts?: { newBranch?: string }): Promise<string>;
  revParse(dir: string, rev: string): Promise<string>;
  /** Contents of path at rev, or null when it does not exist there. */
  show(dir: string, rev: string, path: string): Promise<string | null>;
  applyPatch(dir: string, patch: string): Promise<ApplyResult>;
  /** `git add .` then commit with the identity; committed=false when there is nothing to commit. */
  commitAll(dir: string, message: string, identity: GitIdentity): Promise<{ committed: boolean; sha: string | null }>;
  /**
   * Pushes HEAD (or `source`, a full commit SHA) to refs/heads/{branch} of {serverUrl}/{owner}/{repo}.git.
   * `forceWithLease` is the SHA the remote branch must still have (`''` = must not exist); errors have code 'push'.
   */
  push(
    dir: string,
    target: { owner: string; repo: string; branch: string; forceWithLease?: string; source?: string },
  ): Promise<void>;
  /** Any other read-only git command, argv only. Returns stdout. */
  raw(dir: string, args: string[]): Promise<string>;
}
