// The one chokepoint for git. Every git process runs through this interface with argv arrays,
// hardened config, and the token only in a temporary include file (security.md §3-4).

export interface GitIdentity {
  name: string;
  email: string;
}

export type {
  CommitPatchOptions,
  CommitPatchResult,
  DirectoryTreeOptions,
  PatchTreeOptions,
  PatchTreeResult,
} from './patch-tree.js';
export type { PolicyDrop, TreePolicyOptions } from './tree-policy.js';
import type {
  CommitPatchOptions,
  CommitPatchResult,
  DirectoryTreeOptions,
  PatchTreeOptions,
  PatchTreeResult,
} from './patch-tree.js';

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
  /**
   * Builds the tree of an untrusted patch on `base` in the repository at `dir` without a work tree (temporary
   * index, `git apply --cached`, tolerant rules on blobs in memory), judges the tree with the patch policy and
   * returns it with the canonical `diff-tree --binary` of what was kept (DESIGN.md §8.20).
   */
  buildPatchTree(dir: string, opts: PatchTreeOptions): Promise<PatchTreeResult>;
  /** buildPatchTree, then `commit-tree` with the identity (parent: base); sha=null when nothing changed. */
  commitPatch(dir: string, opts: CommitPatchOptions): Promise<CommitPatchResult>;
  /**
   * The judged tree of a workspace directory against `base` (host-side patch when the sandbox is gone): walked
   * with lstat, never through links, files over the size limit never read, ignored files left out.
   */
  buildDirectoryTree(dir: string, opts: DirectoryTreeOptions): Promise<PatchTreeResult>;
  /**
   * Pushes `source` (a full commit SHA; default HEAD) to refs/heads/{branch} of {serverUrl}/{owner}/{repo}.git.
   * `forceWithLease` is the SHA the remote branch must still have (`''` = must not exist); errors have code 'push'.
   */
  push(
    dir: string,
    target: { owner: string; repo: string; branch: string; forceWithLease?: string; source?: string },
  ): Promise<void>;
  /** Any other read-only git command, argv only. Returns stdout. */
  raw(dir: string, args: string[]): Promise<string>;
}
