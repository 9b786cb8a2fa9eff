// Upload, download and listing routes of the real server (runtime.md §3, §6.4).
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipModes } from '../../src/server/zip.js';
import { removeTempDirs, startServer, tempDir, type RunningServer } from './helpers.js';

let server: RunningServer;
let base: string;

beforeAll(async () => {
  server = await startServer();
  base = server.ready.transport === 'tcp' ? `http://${server.ready.host}:${server.ready.port}` : '';
});
afterAll(async () => {
  await server?.stop();
  removeTempDirs();
});

async function upload(
  srv: { base: string },
  destination: string,
  name: string,
  data: Uint8Array | string,
  recursive = false,
) {
  const form = new FormData();
  form.append('file', new Blob([typeof data === 'string' ? data : Buffer.from(data)]), name);
  const q = new URLSearchParams({ destination, recursive: String(recursive) });
  const res = await fetch(`${srv.base}/upload_file?${q}`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('upload_file', () => {
  it('stores a file (a .zip too) under the destination, overwriting, without extracting', async () => {
    const dest = path.join(server.workspace, 'up/nested');
    const r = await upload({ base }, dest, 'hello.txt', 'hi there');
    expect(r).toEqual({ status: 200, body: { filename: 'hello.txt', destination: dest, recursive: false } });
    expect(readFileSync(path.join(dest, 'hello.txt'), 'utf8')).toBe('hi there');
    await upload({ base }, dest, 'hello.txt', 'replaced');
    expect(readFileSync(path.join(dest, 'hello.txt'), 'utf8')).toBe('replaced');

    const zip = zipSync({ 'inner.txt': new TextEncoder().encode('x') });
    await upload({ base }, dest, 'bundle.zip', zip);
    expect(existsSync(path.join(dest, 'bundle.zip'))).toBe(true);
    expect(existsSync(path.join(dest, 'inner.txt'))).toBe(false);
  });

  it('unpacks a zip with recursive=true, keeping unix modes', async () => {
    const src = tempDir('oh-zip-src-');
    mkdirSync(path.join(src, 'pkg/bin'), { recursive: true });
    writeFileSync(path.join(src, 'pkg/bin/run.sh'), '#!/bin/sh\necho run\n');
    chmodSync(path.join(src, 'pkg/bin/run.sh'), 0o755);
    writeFileSync(path.join(src, 'pkg/readme.md'), '# r\n');
    const zip = zipSync({
      'pkg/bin/run.sh': [readFileSync(path.join(src, 'pkg/bin/run.sh')), { os: 3, attrs: 0o755 << 16 }],
      'pkg/readme.md': [readFileSync(path.join(src, 'pkg/readme.md')), { os: 3, attrs: 0o644 << 16 }],
      'pkg/empty/': new Uint8Array(0),
    });
    const dest = path.join(server.workspace, 'unpacked');
    const r = await upload({ base }, dest, 'pkg.zip', zip, true);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ destination: dest, recursive: true });
    expect(readFileSync(path.join(dest, 'pkg/readme.md'), 'utf8')).toBe('# r\n');
    expect(statSync(path.join(dest, 'pkg/bin/run.sh')).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(dest, 'pkg/empty')).isDirectory()).toBe(true);
    expect(existsSync(path.join(dest, 'pkg.zip'))).toBe(false);
    expect((await server.run(`${dest}/pkg/bin/run.sh`)).content).toBe('run');
  });

  it.each([
    ['a ../ entry', { 'ok.txt': new Uint8Array([1]), '../evil.txt': new Uint8Array([2]) }, /outside the destination/],
    ['an absolute entry', { '/tmp/evil-abs.txt': new Uint8Array([2]) }, /outside the destination/],
  ])('refuses a zip with %s and writes nothing (zip-slip)', async (_name, entries, message) => {
    const dest = path.join(server.workspace, `slip-${Math.random().toString(36).slice(2)}`);
    const r = await upload({ base }, dest, 'evil.zip', zipSync(entries), true);
    expect(r.status).toBe(400);
    expect(String(r.body.detail)).toMatch(message);
    expect(existsSync(path.join(dest, 'ok.txt'))).toBe(false);
    expect(existsSync(path.join(path.dirname(dest), 'evil.txt'))).toBe(false);
  });

  it('refuses a zip entry that would escape through a symlinked directory', async () => {
    const outside = tempDir('oh-outside-');
    const dest = path.join(server.workspace, 'linkdest');
    mkdirSync(dest, { recursive: true });
    symlinkSync(outside, path.join(dest, 'link'));
    const r = await upload({ base }, dest, 'l.zip', zipSync({ 'link/pwned.txt': new Uint8Array([1]) }), true);
    expect(r.status).toBe(400);
    expect(existsSync(path.join(outside, 'pwned.txt'))).toBe(false);
  });

  it.each([
    ['a relative destination', 'relative/dir', 'a.txt', 'x', false, 400],
    ['a non-zip with recursive=true', '/ABS', 'a.txt', 'not a zip', true, 400],
    ['a name that is only a directory', '/ABS', 'dir/', 'x', false, 400],
  ])('answers 400 for %s', async (_name, dest, name, data, recursive, status) => {
    const d = dest === '/ABS' ? path.join(server.workspace, 'bad') : dest;
    expect((await upload({ base }, d, name, data, recursive)).status).toBe(status);
  });

  it('answers 400 for a body without a file field', async () => {
    const form = new FormData();
    form.append('other', 'x');
    const res = await fetch(`${base}/upload_file?destination=${encodeURIComponent(server.workspace)}`, {
      method: 'POST',
      body: form,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/no file field named "file"/);
  });
});

describe('user-facing uploads', () => {
  it('sanitises names, never overwrites, enforces the extension allowlist and the size limit (413)', async () => {
    const srv = await startServer({
      args: [
        '--user-facing',
        '--file-uploads-max-file-size-mb',
        '1',
        '--file-uploads-restrict-file-types',
        '--file-uploads-allowed-extensions',
        'txt,.MD',
      ],
    });
    const b = { base: srv.ready.transport === 'tcp' ? `http://127.0.0.1:${srv.ready.port}` : '' };
    const dest = path.join(srv.workspace, 'inbox');
    expect((await upload(b, dest, 'my notes (draft).txt', 'one')).body.filename).toBe('mynotesdraft.txt');
    expect((await upload(b, dest, 'my notes (draft).txt', 'two')).body.filename).toBe('mynotesdraft copy.txt');
    expect((await upload(b, dest, 'mynotesdraft.txt', 'three')).body.filename).toBe('mynotesdraft copy(1).txt');
    expect(readFileSync(path.join(dest, 'mynotesdraft.txt'), 'utf8')).toBe('one');
    expect((await upload(b, dest, 'README.md', '# hi')).status).toBe(200);
    const exe = await upload(b, dest, 'tool.exe', 'MZ');
    expect(exe.status).toBe(400);
    expect(String(exe.body.detail)).toMatch(/File type not allowed/);
    const big = await upload(b, dest, 'big.txt', 'x'.repeat(1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(existsSync(path.join(dest, 'big.txt'))).toBe(false);
    const huge = await upload(b, dest, 'huge.txt', 'x'.repeat(3 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect((await srv.request('GET', '/alive')).status).toBe(200);
    await srv.stop();
  });
});

describe('download_files', () => {
  it('zips a directory with entries relative to it, and a single file as a one-entry zip', async () => {
    const dir = path.join(server.workspace, 'dl');
    mkdirSync(path.join(dir, 'sub/empty'), { recursive: true });
    writeFileSync(path.join(dir, 'a.txt'), 'A');
    writeFileSync(path.join(dir, 'sub/b.sh'), 'B');
    chmodSync(path.join(dir, 'sub/b.sh'), 0o750);
    symlinkSync('/etc/hostname', path.join(dir, 'outside-link'));
    const r = await server.request('GET', `/download_files?path=${encodeURIComponent(dir)}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.headers['content-disposition']).toBe('attachment; filename="dl.zip"');
    const files = unzipSync(new Uint8Array(r.body));
    expect(Object.keys(files).sort()).toEqual(['a.txt', 'sub/', 'sub/b.sh', 'sub/empty/']);
    expect(Buffer.from(files['sub/b.sh']!).toString()).toBe('B');
    expect((readZipModes(new Uint8Array(r.body)).get('sub/b.sh') ?? 0) & 0o777).toBe(0o750);

    const one = await server.request('GET', `/download_files?path=${encodeURIComponent(path.join(dir, 'a.txt'))}`);
    expect(one.headers['content-disposition']).toBe('attachment; filename="a.txt.zip"');
    expect(Object.keys(unzipSync(new Uint8Array(one.body)))).toEqual(['a.txt']);
  });

  it('answers 400 for a relative path and 404 for a missing one', async () => {
    expect((await server.request('GET', '/download_files?path=rel')).status).toBe(400);
    const missing = await server.request(
      'GET',
      `/download_files?path=${encodeURIComponent(path.join(server.workspace, 'nope'))}`,
    );
    expect(missing.status).toBe(404);
    expect(missing.json<{ detail: string }>().detail).toMatch(/not found/);
  });

  it('round-trips a directory: download, then upload with recursive=true elsewhere', async () => {
    const dir = path.join(server.workspace, 'dl');
    const r = await server.request('GET', `/download_files?path=${encodeURIComponent(dir)}`);
    const dest = path.join(server.workspace, 'roundtrip');
    expect((await upload({ base }, dest, 'dl.zip', new Uint8Array(r.body), true)).status).toBe(200);
    expect(readFileSync(path.join(dest, 'sub/b.sh'), 'utf8')).toBe('B');
    expect(statSync(path.join(dest, 'sub/b.sh')).mode & 0o777).toBe(0o750);
  });
});

describe('list_files', () => {
  it('lists directories first then files, each sorted case-insensitively, hidden entries included', async () => {
    const root = server.workspace;
    const dir = path.join(root, 'listing');
    for (const d of ['Zeta', 'alpha', '.git', 'node_modules', 'build'])
      mkdirSync(path.join(dir, d), { recursive: true });
    for (const f of ['b.txt', 'A.txt', '.env', 'c.log']) writeFileSync(path.join(dir, f), '');
    const list = (json: unknown) => server.request('POST', '/list_files', { json }).then((r) => r.json<string[]>());
    expect(await list({ path: dir })).toEqual([
      '.git/',
      'alpha/',
      'build/',
      'node_modules/',
      'Zeta/',
      '.env',
      'A.txt',
      'b.txt',
      'c.log',
    ]);
    // A relative path joins the workspace root.
    expect(await list({ path: 'listing' })).toEqual(await list({ path: dir }));
    expect(await list({ path: 'listing/b.txt' })).toEqual([]);
    expect(await list({ path: 'missing-dir' })).toEqual([]);
    const top = await list({});
    expect(top).toContain('listing/');
    expect((await server.request('POST', '/list_files', { body: '' })).status).toBe(200);
  });

  it('applies the ignore list and the root .gitignore when asked (user-facing listings)', async () => {
    const root = server.workspace;
    mkdirSync(path.join(root, '.git'), { recursive: true });
    mkdirSync(path.join(root, 'node_modules'), { recursive: true });
    mkdirSync(path.join(root, 'listing/build'), { recursive: true });
    writeFileSync(path.join(root, '.gitignore'), '*.log\nlisting/build/\n');
    writeFileSync(path.join(root, 'kept.log'), '');
    const list = (json: unknown) => server.request('POST', '/list_files', { json }).then((r) => r.json<string[]>());
    const top = await list({ apply_ignore_rules: true });
    expect(top).not.toContain('.git/');
    expect(top).not.toContain('node_modules/');
    expect(top).not.toContain('kept.log');
    expect(top).toContain('.gitignore');
    const sub = await list({ path: 'listing', apply_ignore_rules: true });
    expect(sub).not.toContain('build/');
    expect(sub).not.toContain('c.log');
    expect(sub).toContain('Zeta/');
    // Without the flag (the runtime's own listings) nothing is hidden.
    expect(await list({})).toEqual(expect.arrayContaining(['.git/', 'node_modules/', 'kept.log']));
  });
});
