// Repository, workspace and sandbox steps of resolve (resolver.md §7, §9.2): clone or reuse repo/,
// check out the base, read repository instructions from the base commit, copy a fresh workspace,
// initialise the sandbox, and compute the patch (in the sandbox, or on the host if the sandbox died).
import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ResolverError, errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { shellQuote } from '../core/shell.js';
import type { Git, PatchTreeResult } from '../git/types.js';
import type { GitHubApi } from '../github/types.js';
import type { Runtime } from '../runtime/types.js';
import { capText } from './sanitize.js';

export const INSTRUCTION_FILES = ['.openhands_instructions', '.openhands/microagents/repo.md', 'AGENTS.md'] as const;
export const INSTRUCTIONS_CAP = 20_000;
export const SETUP_TIMEOUT_SEC = 600;

/** `git check-ref-format --branch` rules, enough to refuse anything odd before any git or API call. */
export function isValidBranchName(name: string): boolean {
  if (!name || name.length > 255 || name.startsWith('-') || name.startsWith('/') || name.endsWith('/')) return false;
  if (
    name === '@' ||
    name.endsWith('.') ||
    name.endsWith('.lock') ||
    name.includes('..') ||
    name.includes('@{') ||
    name.includes('//')
  )
    return false;
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return false;
  return !name.split('/').some((c) => c.startsWith('.') || c.endsWith('.lock'));
}

export async function validateTargetBranch(
  github: GitHubApi,
  r: { owner: string; repo: string },
  branch: string,
): Promise<void> {
  if (!isValidBranchName(branch))
    throw new ResolverError('config', `Invalid target branch name: ${JSON.stringify(branch)}`);
  const b = await github.getBranch(r, branch);
  if (!b) throw new ResolverError('config', `Target branch ${branch} does not exist`);
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Clones into repoDir, or fetches every branch when it already is a clone (an existing repo/ is reused). */
export async function ensureClone(
  deps: { git: Git; logger: Logger },
  opts: { owner: string; repo: string; repoDir: string },
): Promise<void> {
  if (await exists(path.join(opts.repoDir, '.git'))) {
    deps.logger.info(`Reusing the clone in ${opts.repoDir}; fetching origin.`);
    await deps.git.fetch(opts.repoDir, ['+refs/heads/*:refs/remotes/origin/*']);
  } else {
    await mkdir(path.dirname(opts.repoDir), { recursive: true });
    await deps.git.clone(opts.owner, opts.repo, opts.repoDir);
  }
}

/**
 * Clones into repoDir (or fetches when it is already a clone) and checks out the target branch, or the
 * default branch, detached. Returns the base commit and the branch used.
 */
export async function prepareRepo(
  deps: { git: Git; github: GitHubApi; logger: Logger },
  opts: { owner: string; repo: string; repoDir: string; targetBranch?: string | null },
): Promise<{ baseCommit: string; branch: string }> {
  const { git, github } = deps;
  const branch = opts.targetBranch || (await github.getRepo({ owner: opts.owner, repo: opts.repo })).defaultBranch;
  if (!isValidBranchName(branch)) throw new ResolverError('config', `Invalid branch name: ${JSON.stringify(branch)}`);
  await ensureClone(deps, opts);
  const baseCommit = await git.checkout(opts.repoDir, `refs/remotes/origin/${branch}`);
  return { baseCommit, branch };
}

/** The PR head moved after the trigger (security.md §4 TOCTOU): the run refuses to work on unseen commits. */
export class PrHeadMovedError extends ResolverError {
  constructor(n: number, pinned: string, fetched: string) {
    super(
      'git',
      `The head of pull request #${n} moved after the trigger (from ${pinned.slice(0, 12)} to ${fetched.slice(0, 12)}); ` +
        'refusing to work on commits nobody has reviewed. Trigger the run again to work on the new head.',
    );
    this.name = 'PrHeadMovedError';
  }
}

/** issue_comment runs: the head read from the API was committed after the comment (docs/fork-prs.md). */
export class PrHeadCommittedAfterTriggerError extends PrHeadMovedError {
  constructor(n: number, head: string, triggerTime: string) {
    super(n, head, head);
    this.message =
      `The head of pull request #${n} (${head.slice(0, 12)}) was committed after the triggering comment (${triggerTime}); ` +
      'refusing to work on commits nobody has reviewed. Trigger the run again to work on the new head.';
    this.name = 'PrHeadCommittedAfterTriggerError';
  }
}

/**
 * PR checkout (§7.1): fetch `refs/pull/{N}/head` from the base repository (forks included), refuse if it is
 * not the pinned trigger-time SHA, and check that SHA out detached. `trustedRef` is the PR base, the only
 * place repository instructions, the setup script and the pre-commit hook are read from (§7.2).
 */
export async function preparePrRepo(
  deps: { git: Git; logger: Logger },
  opts: {
    owner: string;
    repo: string;
    repoDir: string;
    number: number;
    headSha: string;
    baseRef: string;
    baseSha: string | null;
    /**
     * When the head SHA came from the API rather than the event (issue_comment): the trigger time. A head whose
     * committer date is after it was pushed after the comment and is refused (docs/fork-prs.md).
     */
    committedNotAfter?: string | null;
  },
): Promise<{ baseCommit: string; trustedRef: string }> {
  const { git } = deps;
  await ensureClone(deps, opts);
  const ref = `refs/openhands/pull/${opts.number}/head`;
  await git.fetch(opts.repoDir, [`+refs/pull/${opts.number}/head:${ref}`]);
  const fetched = await git.revParse(opts.repoDir, ref);
  if (fetched.toLowerCase() !== opts.headSha.toLowerCase()) {
    throw new PrHeadMovedError(opts.number, opts.headSha, fetched);
  }
  const notAfter = opts.committedNotAfter ? Date.parse(opts.committedNotAfter) : Number.NaN;
  if (Number.isFinite(notAfter)) {
    const committed = Number((await git.raw(opts.repoDir, ['show', '-s', '--format=%ct', fetched])).trim()) * 1000;
    // A minute of slack for clock skew between the committer's machine and GitHub.
    if (Number.isFinite(committed) && committed > notAfter + 60_000) {
      throw new PrHeadCommittedAfterTriggerError(opts.number, fetched, opts.committedNotAfter ?? '');
    }
  }
  const baseCommit = await git.checkout(opts.repoDir, fetched);
  let trustedRef: string | null = null;
  if (opts.baseSha) trustedRef = await git.revParse(opts.repoDir, opts.baseSha).catch(() => null);
  if (trustedRef === null) {
    if (!isValidBranchName(opts.baseRef))
      throw new ResolverError('config', `Invalid base branch name: ${JSON.stringify(opts.baseRef)}`);
    trustedRef = await git.revParse(opts.repoDir, `refs/remotes/origin/${opts.baseRef}`);
  }
  return { baseCommit, trustedRef };
}

function stripFrontMatter(text: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** Repository instructions (§7.2), read from the base commit, never from a working tree. */
export async function readRepoInstructions(
  git: Git,
  repoDir: string,
  baseCommit: string,
  opts: { instructionFile?: string | null } = {},
): Promise<string> {
  if (opts.instructionFile) {
    try {
      return capText(await readFile(opts.instructionFile, 'utf8'), INSTRUCTIONS_CAP);
    } catch (err) {
      throw new ResolverError(
        'config',
        `Cannot read the repository instruction file ${opts.instructionFile}: ${errorMessage(err)}`,
      );
    }
  }
  const parts: string[] = [];
  for (const f of INSTRUCTION_FILES) {
    const text = await git.show(repoDir, baseCommit, f);
    if (text === null || text.trim() === '') continue;
    const body = f.endsWith('repo.md') ? stripFrontMatter(text) : text;
    parts.push(`# ${f}\n${body.trim()}`);
  }
  return capText(parts.join('\n\n'), INSTRUCTIONS_CAP);
}

/** A fresh copy of repo/ (the old one is deleted first). The clone holds no credential. */
export async function copyWorkspace(repoDir: string, workspaceDir: string): Promise<void> {
  await rm(workspaceDir, { recursive: true, force: true });
  await mkdir(path.dirname(workspaceDir), { recursive: true });
  await cp(repoDir, workspaceDir, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
}

/**
 * Installs the trusted `.openhands/pre-commit.sh` as the workspace's pre-commit hook, keeping an existing
 * hook as pre-commit.local. It only affects commits made inside the sandbox.
 */
export async function installPreCommitHook(workspaceDir: string, script: string): Promise<void> {
  const hooks = path.join(workspaceDir, '.git', 'hooks');
  await mkdir(hooks, { recursive: true });
  const hook = path.join(hooks, 'pre-commit');
  if (await exists(hook)) await rename(hook, path.join(hooks, 'pre-commit.local'));
  await writeFile(path.join(hooks, 'openhands-pre-commit.sh'), script, { mode: 0o755 });
  await writeFile(
    hook,
    '#!/bin/sh\n' +
      'hooks="$(git rev-parse --git-path hooks)"\n' +
      'if [ -x "$hooks/pre-commit.local" ]; then "$hooks/pre-commit.local" "$@" || exit 1; fi\n' +
      'exec sh "$hooks/openhands-pre-commit.sh" "$@"\n',
    { mode: 0o755 },
  );
}

async function mustRun(
  runtime: Runtime,
  command: string,
  failure: string,
  timeoutSec = 120,
  signal?: AbortSignal,
): Promise<string> {
  const r = await runtime.run(command, { timeoutSec, signal });
  if (r.exitCode !== 0)
    throw new ResolverError('runtime', `${failure} (exit ${r.exitCode}): ${r.output.trim().slice(0, 2000)}`);
  return r.output;
}

/**
 * §7.3: cd into the workspace, plain git pager, then the trusted setup script (failures only logged). The
 * script is the base commit's copy, written by the host into the workspace's .git folder (outside the
 * diff) just before it is sourced, so neither the working tree nor the agent can swap it.
 */
export async function initSandbox(
  runtime: Runtime,
  opts: {
    setupScript: string | null;
    workspaceHostDir: string;
    logger: Logger;
    signal?: AbortSignal;
    /** Hard timeout of the setup script (resolver.md §7.3: 600 s). */
    setupTimeoutSec?: number;
  },
): Promise<void> {
  const ws = runtime.workspacePath;
  await mustRun(runtime, `cd ${shellQuote(ws)}`, `Failed to change directory to ${ws}.`, 120, opts.signal);
  await mustRun(
    runtime,
    `git config --global core.pager ""`,
    'Failed to set the git pager in the sandbox',
    120,
    opts.signal,
  );
  if (opts.setupScript !== null) {
    const name = 'openhands-setup.sh';
    const hostFile = path.join(opts.workspaceHostDir, '.git', name);
    await writeFile(hostFile, opts.setupScript, { mode: 0o644 });
    try {
      const r = await runtime.run(`source ${shellQuote(`${ws}/.git/${name}`)}`, {
        timeoutSec: opts.setupTimeoutSec ?? SETUP_TIMEOUT_SEC,
        signal: opts.signal,
      });
      if (r.exitCode !== 0)
        opts.logger.warn(
          `.openhands/setup.sh failed (exit ${r.exitCode}); continuing. Output:\n${r.output.trim().slice(-2000)}`,
        );
      else opts.logger.info('.openhands/setup.sh finished.');
    } finally {
      await rm(hostFile, { force: true });
    }
    await mustRun(runtime, `cd ${shellQuote(ws)}`, `Failed to change directory to ${ws}.`, 120, opts.signal);
  }
}

export interface PatchOptions {
  baseCommit: string;
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  logger: Logger;
  signal?: AbortSignal;
}

/** §9.2 in the sandbox: stage everything, then `git diff --cached --binary <base>`, retried. */
export async function sandboxPatch(runtime: Runtime, opts: PatchOptions): Promise<string | null> {
  const ws = shellQuote(runtime.workspacePath);
  await mustRun(runtime, `cd ${ws}`, `Failed to change directory to ${runtime.workspacePath}.`);
  await mustRun(runtime, `git config --global core.pager ""`, 'Failed to set the git pager in the sandbox');
  await mustRun(
    runtime,
    `git config --global --add safe.directory ${ws}`,
    'Failed to mark the workspace as a safe git directory',
  );
  await mustRun(runtime, 'git add -A', 'Failed to stage the changes in the sandbox', 600);
  const attempts = opts.attempts ?? 5;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const r = await runtime.run(`git diff --no-color --cached --binary ${shellQuote(opts.baseCommit)} 2>/dev/null`, {
      timeoutSec: 600 + 100 * attempt,
      signal: opts.signal,
    });
    if (r.exitCode === 0) return r.output.trim();
    opts.logger.warn(`git diff in the sandbox failed (attempt ${attempt} of ${attempts}, exit ${r.exitCode}).`);
    if (attempt < attempts) await sleep(10_000);
  }
  return null;
}

/** Upper bound of the host-side patch when no max-runtime is set. */
export const HOST_PATCH_TIMEOUT_SEC = 600;

/**
 * Recovery when the sandbox is gone: the workspace is read on the host without `git add` (no filters, no
 * attributes, no work tree index): a bounded walk with lstat, files over the size limit and anything but regular
 * files and symlinks left out and listed, blobs written into the pristine repo/ object store, and the resulting
 * tree judged by the patch policy. The agent-writable `.git` of the workspace is never read.
 */
export async function hostPatch(
  git: Git,
  opts: {
    repoDir: string;
    workspaceDir: string;
    baseCommit: string;
    allowWorkflowChanges?: boolean;
    timeoutMs?: number;
  },
): Promise<PatchTreeResult> {
  return git.buildDirectoryTree(opts.repoDir, {
    base: opts.baseCommit,
    workspaceDir: opts.workspaceDir,
    allowWorkflowChanges: opts.allowWorkflowChanges,
    timeoutMs: opts.timeoutMs ?? HOST_PATCH_TIMEOUT_SEC * 1000,
  });
}
