// TEST DOUBLE: stands in for GitHub / the LLM in tests and the offline demo; not used by the product.
// Runs git for the fake GitHub and the git HTTP bridge (bare repositories on disk), hermetically: no system or
// global config, no terminal prompts, and none of the caller's GIT_* variables (a test run inside a git hook
// would otherwise point every command at the wrong repository).
import { spawn } from 'node:child_process';

/** The environment for every git process of the test doubles. */
export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  // eslint-disable-next-line no-restricted-properties -- test double: the child git only needs to find itself.
  const inherited = process.env;
  const env: Record<string, string> = {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LANG: 'C',
    LC_ALL: 'C',
  };
  if (inherited.PATH) env.PATH = inherited.PATH;
  if (inherited.HOME) env.HOME = inherited.HOME;
  return { ...env, ...extra };
}

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs git and returns its output; never throws for a non-zero exit (see `git` for that). */
export function tryGit(
  args: string[],
  opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: opts.cwd,
      env: gitEnv(opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code: code ?? -1,
      }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs git and returns stdout; throws with git's stderr on a non-zero exit. */
export async function git(
  args: string[],
  opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {},
): Promise<string> {
  const r = await tryGit(args, opts);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed (exit ${r.code}): ${r.stderr.trim()}`);
  return r.stdout;
}
