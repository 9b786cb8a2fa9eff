import { readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResolverError } from '../../src/core/errors.js';
import { createRecordingLogger } from '../../src/core/log.js';
import { createRedactor, secretForms } from '../../src/core/redact.js';
import { createGit, type CreateGitOptions } from '../../src/git/git.js';
import { authConfigText } from '../../src/git/run.js';
import { startGitHttpServer, type GitHttpServer } from '../../src/testing/git-http-server.js';
import { git as tgit } from '../../src/testing/git.js';
import { AUTHOR, diffOf, initRepo, tempDir, writeFiles } from './helpers.js';

const TOKEN = 'ghs_0123456789abcdefghijklmnopqrstuvwxyzAB';
const IDENTITY = { name: 'openhands', email: 'openhands@all-hands.dev' };

let server: GitHttpServer;
let root: string;
let cleanup: () => Promise<void>;
let seedSha: string;

beforeAll(async () => {
  const t = await tempDir('oh-gitsrv-');
  root = t.dir;
  cleanup = t.cleanup;
  const repos = path.join(root, 'repos');
  for (const name of ['octo/hello.git', 'fork-owner/hello.git']) {
    await mkdir(path.join(repos, name), { recursive: true });
    await tgit(['init', '-q', '--bare', '-b', 'main', path.join(repos, name)]);
    await tgit(['config', 'http.receivepack', 'true'], { cwd: path.join(repos, name) });
  }
  const seed = path.join(root, 'seed');
  seedSha = await initRepo(seed, { 'README.md': '# hello\n', 'src/app.txt': 'v1\n' });
  await tgit(['push', '-q', path.join(repos, 'octo/hello.git'), 'main'], { cwd: seed });
  await tgit(['push', '-q', path.join(repos, 'octo/hello.git'), 'main:refs/heads/feature'], { cwd: seed });
  await tgit(['push', '-q', path.join(repos, 'fork-owner/hello.git'), 'main:refs/heads/fork-branch'], { cwd: seed });
  server = await startGitHttpServer({ root: repos, token: TOKEN });
});

afterAll(async () => {
  await server?.close();
  await cleanup?.();
});

async function makeGit(over: Partial<CreateGitOptions> = {}) {
  const t = await tempDir('oh-gitc-');
  const argvs: string[][] = [];
  const logger = createRecordingLogger();
  const authDir = path.join(t.dir, 'auth');
  const git = createGit({
    serverUrl: server.url,
    token: TOKEN,
    authDir,
    logger,
    onCommand: (a) => argvs.push([...a]),
    ...over,
  });
  return { git, argvs, authDir, dir: t.dir, cleanup: t.cleanup, logger };
}

/** Every encoding of the token that must never appear in argv or on disk. */
const tokenForms = [...secretForms(TOKEN), TOKEN];

describe('createGit: clone, fetch and push through the token-checking git bridge', () => {
  it('clones with the token only in a temporary extraheader include', async () => {
    const h = await makeGit();
    const dir = path.join(h.dir, 'repo');
    const before = server.requests.length;
    await h.git.clone('octo', 'hello', dir);

    expect(await readFile(path.join(dir, 'src/app.txt'), 'utf8')).toBe('v1\n');
    // The token in no argv; an include.path argument instead.
    const flat = h.argvs.flat().join('\n');
    for (const f of tokenForms) expect(flat).not.toContain(f);
    expect(h.argvs[0]).toContain('core.hooksPath=/dev/null');
    expect(h.argvs[0]?.some((a) => a.startsWith('include.path='))).toBe(true);
    // Not in the clone's config either; the remote URL is plain.
    const config = await readFile(path.join(dir, '.git/config'), 'utf8');
    for (const f of tokenForms) expect(config).not.toContain(f);
    expect(config).not.toMatch(/extraheader/i);
    expect(config).toContain(`url = ${server.url}/octo/hello.git`);
    // The auth file is gone, and the bridge saw the Basic header.
    expect(await readdir(h.authDir)).toEqual([]);
    const seen = server.requests.slice(before);
    expect(seen.length).toBeGreaterThan(0);
    const basic = `basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;
    expect(seen.every((r) => r.authorization?.toLowerCase() === basic.toLowerCase())).toBe(true);
    expect(seen.every((r) => !r.path.includes(TOKEN) && !r.query.includes(TOKEN))).toBe(true);
    await h.cleanup();
  });

  it('writes the include file with mode 0600 and the configured user name', async () => {
    const text = authConfigText('http://127.0.0.1:1/', 'pat-user', 's3cr3t');
    expect(text).toBe(
      `[http "http://127.0.0.1:1/"]\n\textraheader = AUTHORIZATION: basic ${Buffer.from('pat-user:s3cr3t').toString('base64')}\n`,
    );
    const h = await makeGit();
    const modes: number[] = [];
    const git = createGit({
      serverUrl: server.url,
      token: TOKEN,
      username: 'pat-user',
      authDir: h.authDir,
      logger: h.logger,
      // Runs synchronously just before git starts, while the include file exists.
      onCommand: () => {
        for (const n of readdirSync(h.authDir)) modes.push(statSync(path.join(h.authDir, n)).mode & 0o777);
      },
    });
    const before = server.requests.length;
    await git.clone('octo', 'hello', path.join(h.dir, 'repo'));
    const basic = `basic ${Buffer.from(`pat-user:${TOKEN}`).toString('base64')}`;
    expect(server.requests.slice(before)[0]?.authorization?.toLowerCase()).toBe(basic.toLowerCase());
    expect(modes).toEqual([0o600]);
    expect(statSync(h.authDir).mode & 0o077).toBe(0);
    expect(readdirSync(h.authDir)).toEqual([]);
    await h.cleanup();
  });

  it('a wrong token fails with a git error that names the repository and not the token', async () => {
    const h = await makeGit({ token: 'ghs_WRONGwrongWRONGwrongWRONGwrongWRONG12' });
    const err = await h.git.clone('octo', 'hello', path.join(h.dir, 'repo')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolverError);
    expect((err as ResolverError).code).toBe('git');
    expect((err as ResolverError).message).toMatch(/^Failed to clone octo\/hello/);
    expect((err as ResolverError).message).not.toContain('WRONG');
    expect(await readdir(h.authDir)).toEqual([]);
    await h.cleanup();
  });

  it('commits with the configured identity and a verbatim message, and pushes a new branch', async () => {
    const h = await makeGit();
    const dir = path.join(h.dir, 'repo');
    await h.git.clone('octo', 'hello', dir);
    expect(await h.git.checkout(dir, seedSha)).toBe(seedSha);
    const none = await h.git.commitPatch(dir, { base: seedSha, patch: '', message: 'nothing', identity: IDENTITY });
    expect(none.sha).toBeNull();

    const patch = await diffOf(dir, (d) => writeFiles(d, { 'src/app.txt': 'v2\n', 'new file.txt': 'x\n' }));
    const message =
      'Fix issue #7: "quotes" $(rm -rf /) `tick` <b>\n\nCo-authored-by: alice <alice@users.noreply.github.com>';
    const c = await h.git.commitPatch(dir, { base: seedSha, patch, message, identity: IDENTITY });
    expect(c.sha).toMatch(/^[0-9a-f]{40}$/);
    const show = await h.git.raw(dir, ['log', '-1', '--format=%an <%ae>|%cn <%ce>|%B', c.sha ?? '']);
    expect(show.trimEnd()).toBe(`openhands <openhands@all-hands.dev>|openhands <openhands@all-hands.dev>|${message}`);
    // Nothing was checked out: HEAD and the work tree are as they were.
    expect(await h.git.revParse(dir, 'HEAD')).toBe(seedSha);

    const pushesBefore = server.pushes.length;
    await h.git.push(dir, { owner: 'octo', repo: 'hello', branch: 'openhands-fix-issue-7', source: c.sha ?? '' });
    expect(server.pushes.slice(pushesBefore)).toMatchObject([
      { repo: 'octo/hello.git', ref: 'refs/heads/openhands-fix-issue-7', before: null, after: c.sha },
    ]);
    const flat = h.argvs.flat().join('\n');
    for (const f of tokenForms) expect(flat).not.toContain(f);
    expect(await readdir(h.authDir)).toEqual([]);
    await h.cleanup();
  });

  it('force-with-lease: the observed SHA wins, a stale one is refused with the push error', async () => {
    const h = await makeGit();
    const dir = path.join(h.dir, 'repo');
    await h.git.clone('octo', 'hello', dir);
    await h.git.fetch(dir, ['+refs/heads/feature:refs/remotes/origin/feature']);
    const featureSha = await h.git.revParse(dir, 'origin/feature');
    const lease = (text: string) => diffOf(dir, (d) => writeFiles(d, { 'lease.txt': text }));
    const one = await h.git.commitPatch(dir, {
      base: seedSha,
      patch: await lease('one\n'),
      message: 'one',
      identity: IDENTITY,
    });

    // Not a fast-forward: a plain push is refused...
    const two = await h.git.commitPatch(dir, {
      base: seedSha,
      patch: await lease('two\n'),
      message: 'two',
      identity: IDENTITY,
    });
    await h.git.push(dir, {
      owner: 'octo',
      repo: 'hello',
      branch: 'feature',
      forceWithLease: featureSha,
      source: two.sha ?? '',
    });
    const stale = await h.git
      .push(dir, { owner: 'octo', repo: 'hello', branch: 'feature', forceWithLease: featureSha, source: one.sha ?? '' })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ResolverError);
    expect((stale as ResolverError).code).toBe('push');
    expect((stale as ResolverError).message).toMatch(/^Failed to push changes to the remote repository/);
    const remote = await tgit(['rev-parse', 'refs/heads/feature'], { cwd: path.join(root, 'repos/octo/hello.git') });
    expect(remote.trim()).toBe(two.sha);
    // '' means "must not exist yet".
    await expect(
      h.git.push(dir, { owner: 'octo', repo: 'hello', branch: 'feature', forceWithLease: '' }),
    ).rejects.toThrow(/Failed to push/);
    await expect(
      h.git.push(dir, { owner: 'octo', repo: 'hello', branch: 'x', forceWithLease: 'HEAD' }),
    ).rejects.toThrow(/full commit SHA/);
    await h.cleanup();
  });

  it('push source: a given commit SHA (not HEAD) is pushed; anything but a full SHA is refused', async () => {
    const h = await makeGit();
    const dir = path.join(h.dir, 'repo');
    await h.git.clone('octo', 'hello', dir);
    const add = (text: string) =>
      `diff --git a/source.txt b/source.txt\nnew file mode 100644\n--- /dev/null\n+++ b/source.txt\n@@ -0,0 +1 @@\n+${text}\n`;
    const ours = await h.git.commitPatch(dir, {
      base: seedSha,
      patch: add('ours'),
      message: 'ours',
      identity: IDENTITY,
    });
    // Another commit exists too; the commit pushed is still the named one.
    await h.git.commitPatch(dir, { base: seedSha, patch: add('later'), message: 'later', identity: IDENTITY });
    const before = server.pushes.length;
    await h.git.push(dir, {
      owner: 'octo',
      repo: 'hello',
      branch: 'by-sha',
      forceWithLease: '',
      source: ours.sha ?? '',
    });
    expect(server.pushes.slice(before)).toMatchObject([{ ref: 'refs/heads/by-sha', before: null, after: ours.sha }]);
    for (const bad of ['HEAD~1', 'refs/heads/main', '--all', `${ours.sha}:refs/heads/x`]) {
      await expect(h.git.push(dir, { owner: 'octo', repo: 'hello', branch: 'y', source: bad })).rejects.toThrow(
        /full commit SHA/,
      );
    }
    await h.cleanup();
  });

  it('fetches from another repository (a fork) on the same server', async () => {
    const h = await makeGit();
    const dir = path.join(h.dir, 'repo');
    await h.git.clone('octo', 'hello', dir);
    await h.git.fetch(dir, ['+refs/heads/fork-branch:refs/openhands/fork'], { owner: 'fork-owner', repo: 'hello' });
    expect(await h.git.revParse(dir, 'refs/openhands/fork')).toBe(seedSha);
    expect(await h.git.show(dir, 'refs/openhands/fork', 'README.md')).toBe('# hello\n');
    expect(await h.git.show(dir, 'refs/openhands/fork', 'missing.md')).toBeNull();
    await h.cleanup();
  });
});

describe('createGit: host hardening', () => {
  it('never runs repository hooks or fsmonitor, whatever the repository config says', async () => {
    const t = await tempDir('oh-hooks-');
    const repo = path.join(t.dir, 'repo');
    await initRepo(repo, { 'a.txt': 'a\n' });
    // Made with the test double's git before the hooks exist.
    const patch = await diffOf(repo, (d) => writeFiles(d, { 'a.txt': 'b\n' }));
    const marker = path.join(t.dir, 'hook-ran');
    const script = path.join(t.dir, 'evil.sh');
    await writeFile(script, `#!/bin/sh\necho ran >> "${marker}"\n`);
    await chmod(script, 0o755);
    for (const hook of ['pre-commit', 'commit-msg', 'post-commit', 'post-checkout', 'reference-transaction']) {
      await writeFile(path.join(repo, '.git/hooks', hook), `#!/bin/sh\necho ${hook} >> "${marker}"\n`);
      await chmod(path.join(repo, '.git/hooks', hook), 0o755);
    }
    await tgit(['config', 'core.fsmonitor', script], { cwd: repo });
    const { git } = await makeGit();
    const base = await git.revParse(repo, 'HEAD');
    const c = await git.commitPatch(repo, { base, patch, message: 'change', identity: IDENTITY });
    expect(c.sha).not.toBeNull();
    await git.checkout(repo, c.sha ?? '');
    await git.checkout(repo, base);
    await git.raw(repo, ['status']);
    await expect(readFile(marker, 'utf8')).rejects.toThrow();
    await t.cleanup();
  });

  it('gives git an allowlisted environment only', async () => {
    const t = await tempDir('oh-env-');
    const repo = path.join(t.dir, 'repo');
    await initRepo(repo, { 'a.txt': 'a\n' });
    const git = createGit({
      serverUrl: server.url,
      token: TOKEN,
      authDir: path.join(t.dir, 'auth'),
      logger: createRecordingLogger(),
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: t.dir },
    });
    const env = await git.raw(repo, ['-c', 'alias.showenv=!env', 'showenv']);
    expect(env).toContain('GIT_CONFIG_NOSYSTEM=1');
    expect(env).toContain('GIT_TERMINAL_PROMPT=0');
    expect(env).not.toContain(TOKEN);
    expect(env).not.toMatch(/LLM_API_KEY|INPUT_|GITHUB_TOKEN/);
    await t.cleanup();
  });

  it('redacts secrets in error messages', async () => {
    const t = await tempDir('oh-red-');
    const redactor = createRedactor(['hunter2-secret-value']);
    const git = createGit({ serverUrl: server.url, authDir: t.dir, logger: createRecordingLogger(), redactor });
    await initRepo(path.join(t.dir, 'repo'), { 'a.txt': 'a\n' });
    const err = await git.raw(path.join(t.dir, 'repo'), ['show', 'hunter2-secret-value']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolverError);
    expect((err as Error).message).not.toContain('hunter2');
    expect((err as Error).message).toContain('***');
    await t.cleanup();
  });
});

describe('createGit: local operations', () => {
  it('check-ref-format guards new branch names', async () => {
    const t = await tempDir('oh-ref-');
    const repo = path.join(t.dir, 'repo');
    await initRepo(repo, { 'a.txt': 'a\n' });
    const { git } = await makeGit();
    await expect(git.checkout(repo, 'HEAD', { newBranch: 'bad..name' })).rejects.toThrow(/Invalid branch name/);
    await expect(git.checkout(repo, 'HEAD', { newBranch: '-x' })).rejects.toThrow(/Invalid branch name/);
    await expect(git.checkout(repo, 'does-not-exist')).rejects.toThrow(/Failed to check out commit does-not-exist/);
    await tgit([...AUTHOR, 'commit', '-q', '--allow-empty', '-m', 'second'], { cwd: repo });
    await t.cleanup();
  });
});

describe('createGit: network timeout', () => {
  it('a stalled server cannot hang a clone', async () => {
    const { startFakeGitHub } = await import('../../src/testing/fake-github/index.js');
    const fake = await startFakeGitHub({ repos: [{ owner: 'o', repo: 'slow' }] });
    const t = await tempDir('oh-slow-');
    try {
      fake.failNext({ path: /\/o\/slow\.git\/info\/refs$/, status: 500, delayMs: 5_000 });
      const git = createGit({
        serverUrl: fake.serverUrl,
        token: fake.token,
        authDir: path.join(t.dir, 'auth'),
        logger: createRecordingLogger(),
        networkTimeoutMs: 300,
      });
      const err = await git.clone('o', 'slow', path.join(t.dir, 'repo')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ResolverError);
      expect((err as Error).message).toMatch(/^Failed to clone o\/slow: [\s\S]*git timed out after 0.3 s/);
      expect(await readdir(path.join(t.dir, 'auth'))).toEqual([]);
    } finally {
      await fake.close();
      await t.cleanup();
    }
  });
});

describe('a stop signal', () => {
  it('stops network commands (none starts once it aborted); local commands still run, so work can be saved', async () => {
    const stop = new AbortController();
    const g = await makeGit({ signal: stop.signal });
    try {
      const repo = path.join(g.dir, 'repo');
      await g.git.clone('octo', 'hello', repo);
      stop.abort(new ResolverError('cancelled', 'cancelled by SIGTERM'));
      const before = g.argvs.length;
      await expect(g.git.fetch(repo, ['main'])).rejects.toMatchObject({ code: 'cancelled' });
      await expect(g.git.push(repo, { owner: 'octo', repo: 'hello', branch: 'x' })).rejects.toMatchObject({
        code: 'cancelled',
      });
      // Neither was started.
      expect(g.argvs.length).toBe(before);
      expect(await g.git.revParse(repo, 'HEAD')).toBe(seedSha);
      expect(readdirSync(g.authDir)).toEqual([]);
    } finally {
      await g.cleanup();
    }
  });
});
