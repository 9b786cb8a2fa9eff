// createGit: the Git chokepoint (src/git/types.ts) over the hardened runner in run.ts.
import { ResolverError, type ErrorCode } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { createRedactor, type Redactor } from '../core/redact.js';
import { buildDirectoryTree, buildPatchTree, commitPatch } from './patch-tree.js';
import { createGitRunner, type GitRunOptions, type GitRunResult } from './run.js';
import type { Git } from './types.js';

export interface CreateGitOptions {
  /** Web and git base, e.g. https://github.com or http://127.0.0.1:PORT. */
  serverUrl: string;
  /** Sent only as an extraheader from a temporary include file; omitted → anonymous. */
  token?: string | null;
  /** HTTP Basic user name; default `x-access-token`. */
  username?: string;
  /** Private directory for the auth include file; keep it outside every sandbox mount. */
  authDir: string;
  logger: Logger;
  /** Redacts git's stderr before it reaches an error or a log line; the token is registered with it. */
  redactor?: Redactor;
  /** Base environment for git (build it with gitBaseEnv); defaults to a PATH only. */
  env?: Record<string, string>;
  /** Observes every argv (tests assert the token is in none). */
  onCommand?: (argv: readonly string[]) => void;
  /** Upper bound for clone, fetch and push (default 15 minutes). */
  networkTimeoutMs?: number;
  /** Stops clone, fetch and push (see GitRunnerOptions.signal). */
  signal?: AbortSignal;
}

/** `{serverUrl}/{owner}/{repo}.git`: the only remote URL form, never with a credential in it. */
export function gitRemoteUrl(serverUrl: string, owner: string, repo: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}.git`;
}

/** The subcommand of an argv that may start with `-c name=value` pairs. */
function subcommand(args: readonly string[]): string {
  let i = 0;
  while (args[i] === '-c') i += 2;
  return args[i] ?? '';
}

const SHA_RE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export function createGit(opts: CreateGitOptions): Git {
  const serverUrl = opts.serverUrl.replace(/\/+$/, '');
  const redactor = opts.redactor ?? createRedactor();
  const run = createGitRunner({
    serverUrl,
    token: opts.token,
    username: opts.username,
    authDir: opts.authDir,
    redactor,
    env: opts.env,
    onCommand: opts.onCommand,
    networkTimeoutMs: opts.networkTimeoutMs,
    signal: opts.signal,
  });
  const remoteUrl = (owner: string, repo: string) => gitRemoteUrl(serverUrl, owner, repo);

  const detail = (r: GitRunResult, withStdout = false) =>
    redactor.redact((withStdout ? `${r.stdout}\n${r.stderr}` : r.stderr || r.stdout).trim());

  async function must(
    dir: string | undefined,
    args: string[],
    fail: { code?: ErrorCode; message: string; withStdout?: boolean },
    runOpts?: GitRunOptions,
  ): Promise<string> {
    const r = await run(dir, args, runOpts);
    if (r.exitCode !== 0) {
      const why = detail(r, fail.withStdout);
      opts.logger.debug(`git ${subcommand(args)} failed (exit ${r.exitCode}): ${why}`);
      throw new ResolverError(fail.code ?? 'git', why ? `${fail.message}: ${why}` : fail.message);
    }
    return r.stdout;
  }

  async function revParse(dir: string, rev: string): Promise<string> {
    const out = await must(dir, ['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`], {
      message: `Cannot resolve ${rev}`,
    });
    return out.trim();
  }

  const git: Git = {
    async clone(owner, repo, dir) {
      await must(
        undefined,
        ['clone', '--no-recurse-submodules', '--', remoteUrl(owner, repo), dir],
        { message: `Failed to clone ${owner}/${repo}` },
        { network: true },
      );
    },

    async fetch(dir, refspecs, from) {
      const source = from ? remoteUrl(from.owner, from.repo) : 'origin';
      await must(
        dir,
        ['fetch', '--no-tags', '--no-recurse-submodules', '--no-write-fetch-head', source, ...refspecs],
        { message: `Failed to fetch ${refspecs.join(' ')}` },
        { network: true },
      );
    },

    async checkout(dir, ref, checkoutOpts) {
      if (checkoutOpts?.newBranch) {
        const b = checkoutOpts.newBranch;
        await must(dir, ['check-ref-format', '--branch', b], { message: `Invalid branch name ${b}` });
        await must(dir, ['checkout', '-q', '-B', b, ref, '--'], {
          message: `Failed to create a new branch ${b} in ${dir}`,
        });
      } else {
        await must(dir, ['checkout', '-q', '--detach', ref, '--'], { message: `Failed to check out commit ${ref}` });
      }
      return revParse(dir, 'HEAD');
    },

    revParse,

    async show(dir, rev, filePath) {
      const r = await run(dir, ['cat-file', 'blob', `${rev}:${filePath}`], { raw: true });
      return r.exitCode === 0 ? r.stdout : null;
    },

    buildPatchTree(dir, o) {
      return buildPatchTree(run, dir, o, opts.logger);
    },

    commitPatch(dir, o) {
      return commitPatch(run, dir, o, opts.logger);
    },

    buildDirectoryTree(dir, o) {
      return buildDirectoryTree(run, dir, o, opts.logger);
    },

    async push(dir, target) {
      const args = ['push', '--porcelain', '--no-verify', '--no-recurse-submodules'];
      if (target.forceWithLease !== undefined) {
        const lease = target.forceWithLease;
        if (lease !== '' && !SHA_RE.test(lease)) {
          throw new ResolverError('push', `Invalid --force-with-lease value ${lease}: expected a full commit SHA.`);
        }
        args.push(`--force-with-lease=refs/heads/${target.branch}:${lease}`);
      }
      const source = target.source ?? 'HEAD';
      if (source !== 'HEAD' && !SHA_RE.test(source)) {
        throw new ResolverError('push', `Invalid push source ${source}: expected a full commit SHA.`);
      }
      args.push(remoteUrl(target.owner, target.repo), `${source}:refs/heads/${target.branch}`);
      await must(
        dir,
        args,
        // --porcelain reports each ref's fate (e.g. `! HEAD:refs/heads/b [rejected] (non-fast-forward)`) on stdout.
        { code: 'push', message: 'Failed to push changes to the remote repository', withStdout: true },
        { network: true },
      );
    },

    async raw(dir, args) {
      return must(dir, args, { message: `git ${subcommand(args)} failed` });
    },
  };
  return git;
}
