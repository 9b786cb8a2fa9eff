import { mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, tryGit } from '../../src/testing/git.js';
import { basicAuthMatches, startGitHttpServer, type GitHttpServer } from '../../src/testing/git-http-server.js';

const TOKEN = 's3cr3t';
const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
const ID = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com'];

let tmp: string;
let server: GitHttpServer;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'git-http-test-'));
  const root = path.join(tmp, 'repos');
  mkdirSync(path.join(root, 'octo'), { recursive: true });
  const bare = path.join(root, 'octo', 'hello.git');
  await git(['init', '-q', '--bare', '-b', 'main', bare]);
  await git(['config', 'http.receivepack', 'true'], { cwd: bare });
  const seed = path.join(tmp, 'seed');
  await git(['init', '-q', '-b', 'main', seed]);
  writeFileSync(path.join(seed, 'README.md'), 'hello\n');
  await git(['add', '.'], { cwd: seed });
  await git([...ID, 'commit', '-q', '-m', 'initial'], { cwd: seed });
  await git(['push', '-q', bare, 'main'], { cwd: seed });
  server = await startGitHttpServer({ root, token: TOKEN });
});

afterAll(async () => {
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('basicAuthMatches', () => {
  it.each([
    ['token as password', basic(`x-access-token:${TOKEN}`), true],
    ['token as bare user', basic(TOKEN), true],
    ['token as user with empty password', basic(`${TOKEN}:`), true],
    ['wrong password', basic('x-access-token:WRONG'), false],
    ['token as user but another password', basic(`${TOKEN}:other`), false],
    ['bearer is not basic', `Bearer ${TOKEN}`, false],
    ['missing', undefined, false],
  ])('%s', (_name, header, expected) => {
    expect(basicAuthMatches(header, [TOKEN])).toBe(expected);
  });
});

describe('git http bridge', () => {
  it('clones with the token in an extraheader, over protocol v2, and records the header', async () => {
    const before = server.requests.length;
    const dir = path.join(tmp, 'clone-ok');
    await git([
      '-c',
      `http.extraHeader=Authorization: ${basic(`x-access-token:${TOKEN}`)}`,
      '-c',
      'protocol.version=2',
      'clone',
      '-q',
      `${server.url}/octo/hello.git`,
      dir,
    ]);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('hello\n');
    const mine = server.requests.slice(before);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((r) => r.authorization === basic(`x-access-token:${TOKEN}`))).toBe(true);
    expect(mine.map((r) => r.service)).toContain('git-upload-pack');
    expect(mine.every((r) => r.status === 200)).toBe(true);
    // The remote URL in the clone carries no credential.
    expect(readFileSync(path.join(dir, '.git', 'config'), 'utf8')).not.toContain(TOKEN);
  });

  it('refuses a wrong token with "Authentication failed" and a 401 Basic challenge', async () => {
    const before = server.requests.length;
    const r = await tryGit([
      'clone',
      '-q',
      `http://x-access-token:WRONG@127.0.0.1:${server.port}/octo/hello.git`,
      path.join(tmp, 'clone-bad'),
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Authentication failed');
    const mine = server.requests.slice(before);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x) => x.status === 401)).toBe(true);

    const res = await fetch(`${server.url}/octo/hello.git/info/refs?service=git-upload-pack`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('answers 404 for a repository that does not exist', async () => {
    const res = await fetch(`${server.url}/octo/missing.git/info/refs?service=git-upload-pack`, {
      headers: { authorization: basic(`x-access-token:${TOKEN}`) },
    });
    expect(res.status).toBe(404);
  });

  it('passes the CGI status line through (http-backend refuses a bad service)', async () => {
    const res = await fetch(`${server.url}/octo/hello.git/info/refs?service=git-bogus`, {
      headers: { authorization: basic(`x-access-token:${TOKEN}`) },
    });
    expect(res.status).toBe(403);
  });

  it('speaks protocol v2 and accepts a gzip-compressed request body', async () => {
    const pkt = (s: string) => (s.length + 4).toString(16).padStart(4, '0') + s;
    const body = gzipSync(Buffer.from(pkt('command=ls-refs\n') + '0001' + pkt('peel\n') + '0000'));
    const res = await fetch(`${server.url}/octo/hello.git/git-upload-pack`, {
      method: 'POST',
      headers: {
        authorization: basic(`x-access-token:${TOKEN}`),
        'content-type': 'application/x-git-upload-pack-request',
        'content-encoding': 'gzip',
        'git-protocol': 'version=2',
      },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-git-upload-pack-result');
    const text = await res.text();
    expect(text).toMatch(/[0-9a-f]{40} refs\/heads\/main/);
    expect(server.requests.at(-1)?.contentEncoding).toBe('gzip');
  });

  it('accepts a push and records the refs it changed', async () => {
    const dir = path.join(tmp, 'clone-push');
    const header = `http.extraHeader=Authorization: ${basic(`x-access-token:${TOKEN}`)}`;
    await git(['-c', header, 'clone', '-q', `${server.url}/octo/hello.git`, dir]);
    await git(['checkout', '-q', '-b', 'feature'], { cwd: dir });
    // Big enough that git sends the pack gzip-compressed and chunked.
    writeFileSync(
      path.join(dir, 'big.txt'),
      Array.from({ length: 40000 }, (_, i) => `line ${i} ${i * 7919}`).join('\n'),
    );
    await git(['add', '.'], { cwd: dir });
    await git([...ID, 'commit', '-q', '-m', 'feature'], { cwd: dir });
    const sha = (await git(['rev-parse', 'HEAD'], { cwd: dir })).trim();
    const pushesBefore = server.pushes.length;
    await git(['-c', header, '-c', 'http.postBuffer=65536', 'push', '-q', 'origin', 'feature'], { cwd: dir });
    const pushed = server.pushes.slice(pushesBefore);
    expect(pushed).toEqual([
      {
        repo: 'octo/hello.git',
        ref: 'refs/heads/feature',
        before: null,
        after: sha,
        authorization: basic(`x-access-token:${TOKEN}`),
      },
    ]);
    const bare = path.join(tmp, 'repos', 'octo', 'hello.git');
    expect((await git(['rev-parse', 'refs/heads/feature'], { cwd: bare })).trim()).toBe(sha);
  });
});
