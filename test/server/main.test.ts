// Launch protocol, lifecycle, auth and request ids of dist/server.js, over real HTTP (TCP and unix socket).
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { distFile, NODE } from '../helpers/dist.js';
import { occurrences } from '../helpers/wait.js';
import {
  childrenOf,
  eventually,
  processesMatching,
  removeTempDirs,
  serverLogged,
  sessionProcesses,
  startServer,
  tempDir,
} from './helpers.js';

afterAll(() => removeTempDirs());

describe('launch protocol', () => {
  it('binds TCP on an ephemeral port, prints exactly the ready line, and exits with stdin, leaving no process behind', async () => {
    const server = await startServer();
    expect(server.ready).toEqual({ ready: true, transport: 'tcp', host: '127.0.0.1', port: expect.any(Number) });
    expect(server.stdout()).toBe(JSON.stringify(server.ready) + '\n');
    const alive = await server.request('GET', '/alive');
    expect(alive.status).toBe(200);
    expect(alive.json()).toEqual({ status: 'ok' });

    // A background job that would outlive a careless server.
    const bg = await server.run('sleep 987651 > /dev/null 2>&1 &');
    expect(bg.extras.metadata.exit_code).toBe(0);
    // The job is forked before the answer, but may exec `sleep` only a moment later.
    expect(await eventually(() => processesMatching('sleep 987651').length === 1)).toBe(true);
    const bashPid = childrenOf(server.proc.pid!).find((p) =>
      readFileSync(`/proc/${p}/cmdline`, 'utf8').startsWith('bash'),
    );
    expect(bashPid).toBeDefined();

    const exit = await server.stop();
    expect(exit.code).toBe(0);
    expect(await eventually(() => processesMatching('sleep 987651').length === 0)).toBe(true);
    expect(sessionProcesses(bashPid!)).toEqual([]);
    expect(server.stdout()).toBe(JSON.stringify(server.ready) + '\n');
  });

  it('exits, with its shell and background jobs, when its parent is killed with SIGKILL (broken stdio pipes)', async () => {
    const ws = tempDir('oh-orphan-');
    // A marker unique to this run, so another test run on the same machine cannot be counted.
    const marker = String(900_000_000 + Math.floor(Math.random() * 99_999_999));
    // A parent that holds all three pipes of the server, like the runtime does, then dies without a word.
    const parentScript = `
      const { spawn } = require('node:child_process');
      const c = spawn(process.execPath, [${JSON.stringify(distFile('server.js'))}, '--listen', 'tcp:127.0.0.1:0',
        '--working-dir', ${JSON.stringify(ws)}], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
      c.stdout.once('data', async (d) => {
        const { port } = JSON.parse(String(d));
        await fetch('http://127.0.0.1:' + port + '/execute_action', { method: 'POST',
          body: JSON.stringify({ action: { action: 'run', args: { command: 'sleep ' + ${JSON.stringify(marker)} + ' > /dev/null 2>&1 &' } } }) });
        console.log(c.pid);
      });
      setInterval(() => {}, 1000);`;
    const parent = spawn(NODE, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    onTestFinished(() => {
      parent.kill('SIGKILL');
    });
    const serverPid = Number(
      await new Promise<string>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(d.toString()))),
    );
    expect(await eventually(() => processesMatching(`sleep ${marker}`).length === 1)).toBe(true);
    parent.kill('SIGKILL');
    const gone = () => {
      try {
        process.kill(serverPid, 0);
        return readFileSync(`/proc/${serverPid}/stat`, 'utf8').includes(') Z ');
      } catch {
        return true;
      }
    };
    expect(await eventually(gone, 10_000)).toBe(true);
    expect(await eventually(() => processesMatching(`sleep ${marker}`).length === 0)).toBe(true);
  });

  it('serves over a unix socket (mode 0666) and removes it on SIGTERM', async () => {
    const server = await startServer({ transport: 'unix' });
    if (server.ready.transport !== 'unix') throw new Error('expected a unix ready line');
    const sock = server.ready.path;
    expect(path.isAbsolute(sock)).toBe(true);
    expect(statSync(sock).mode & 0o777).toBe(0o666);
    const obs = await server.run('echo over-unix');
    expect(obs.content).toBe('over-unix');
    await server.run('sleep 987652 > /dev/null 2>&1 &');
    server.proc.kill('SIGTERM');
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(existsSync(sock)).toBe(false);
    expect(await eventually(() => processesMatching('sleep 987652').length === 0)).toBe(true);
  });

  it.each([
    [
      ['--listen', 'tcp:127.0.0.1:0', '--working-dir', '/tmp', '--plugins', 'agent_skills,nosuch'],
      /Unknown plugin: nosuch.*agent_skills/,
    ],
    [['--listen', 'tcp:127.0.0.1:0', '--working-dir', '/tmp', '--plugins', 'jupyter'], /Unknown plugin: jupyter/],
    [['--working-dir', '/tmp'], /--listen is required/],
    [['--listen', 'tcp:127.0.0.1:0'], /--working-dir \(or --await-workspace\) is required/],
    [['--listen', 'unix:relative.sock', '--working-dir', '/tmp'], /absolute socket path/],
    [['--listen', 'tcp:127.0.0.1:0', '--working-dir', '/tmp', '--no-change-timeout', 'soon'], /positive number/],
  ])('refuses to start with %j', (args, message) => {
    const r = spawnSync(NODE, [distFile('server.js'), ...args], { input: '', encoding: 'utf8', timeout: 20_000 });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  // Containers run the server as the runner's uid, which usually has no passwd entry there.
  it.runIf(process.getuid?.() === 0)('runs under a uid that has no passwd entry', async () => {
    const ws = tempDir('oh-uid-');
    chownSync(ws, 54_321, 54_321);
    const proc = spawn(NODE, [distFile('server.js'), '--listen', 'tcp:127.0.0.1:0', '--working-dir', ws], {
      uid: 54_321,
      gid: 54_321,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    });
    const line = await new Promise<string>((resolve) => {
      proc.stdout.once('data', (d: Buffer) => resolve(d.toString()));
      proc.once('exit', (code) => resolve(`exited ${code} before ready`));
    });
    const ready = JSON.parse(line) as { port: number };
    const res = await fetch(`http://127.0.0.1:${ready.port}/execute_action`, {
      method: 'POST',
      body: JSON.stringify({ action: { action: 'run', args: { command: 'id -u && touch made && ls' } } }),
    });
    const obs = (await res.json()) as { content: string };
    expect(obs.content).toBe('54321\nmade');
    proc.stdin.end();
    expect(await new Promise((resolve) => proc.on('exit', resolve))).toBe(0);
  });

  it('starts with a registered plugin (agent_skills)', async () => {
    const server = await startServer({ args: ['--plugins', 'agent_skills'] });
    expect((await server.request('GET', '/alive')).json()).toEqual({ status: 'ok' });
    await server.stop();
  });

  it('keeps the host home and git config untouched: per-session HOME, rc file and GIT_CONFIG_GLOBAL', async () => {
    const server = await startServer({ env: { HOME: '/nonexistent-host-home' } });
    const home = await server.run('echo "$HOME"');
    expect(home.content).not.toBe('/nonexistent-host-home');
    expect(home.content).toMatch(/oh-session-/);
    const git = await server.run(
      'echo "$GIT_CONFIG_GLOBAL"; git config --global --get core.pager; echo "[$?]"; alias git',
    );
    const [configPath, ...rest] = git.content.split('\n');
    expect(configPath).toMatch(/oh-session-.*gitconfig$/);
    expect(rest.join('\n')).toContain("alias git='git --no-pager'");
    expect(rest.join('\n')).toMatch(/^\n?\[0\]/m);
    await server.run('git config --global user.name "Changed In Session"');
    expect(readFileSync(configPath!, 'utf8')).toContain('Changed In Session');
    await server.stop();
  });
});

describe('auth', () => {
  it('needs X-Session-API-Key everywhere but /alive and /server_info, and never leaks the key to the shell', async () => {
    const server = await startServer({ env: { SESSION_API_KEY: 'k3y-for-tests' } });
    const action = { action: { action: 'run', args: { command: 'echo ${SESSION_API_KEY:-unset}' } } };
    const attempts: Record<string, string>[] = [{}, { 'X-Session-API-Key': 'wrong' }];
    for (const headers of attempts) {
      const r = await server.request('POST', '/execute_action', { json: action, headers });
      expect(r.status).toBe(403);
      expect(r.json()).toEqual({ detail: 'Invalid API Key' });
    }
    expect((await server.request('POST', '/list_files', { json: {} })).status).toBe(403);
    expect((await server.request('GET', '/download_files?path=/tmp')).status).toBe(403);
    expect((await server.request('GET', '/alive')).status).toBe(200);
    expect((await server.request('GET', '/server_info')).status).toBe(200);
    const ok = await server.request('POST', '/execute_action', {
      json: action,
      headers: { 'X-Session-API-Key': 'k3y-for-tests' },
    });
    expect(ok.status).toBe(200);
    expect(ok.json<{ content: string }>().content).toBe('unset');
    await server.stop();
  });
});

describe('request ids', () => {
  it('runs a repeated X-Request-Id once and returns the first answer, also while the first is still running', async () => {
    const server = await startServer({ env: { LOG_LEVEL: 'debug' } });
    const file = path.join(server.workspace, 'appended.txt');
    const action = { action: { action: 'run', args: { command: `echo run >> ${file}; wc -l < ${file}` } } };
    const first = await server.request('POST', '/execute_action', {
      json: action,
      headers: { 'X-Request-Id': 'req-1' },
    });
    const again = await server.request('POST', '/execute_action', {
      json: action,
      headers: { 'X-Request-Id': 'req-1' },
    });
    expect(first.status).toBe(200);
    expect(again.body.equals(first.body)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('run\n');

    // The first holds on a gate until the server has answered the repeat from its cache.
    const gate = path.join(server.workspace, 'gate');
    const command = `until [ -e ${gate} ]; do sleep 0.05; done; echo slow >> ${file}`;
    const slow = { action: { action: 'run', args: { command } } };
    const started = occurrences(server.stderr(), 'execute_action started');
    const a = server.request('POST', '/execute_action', { json: slow, headers: { 'X-Request-Id': 'req-2' } });
    await serverLogged(server, 'execute_action started', started);
    const b = server.request('POST', '/execute_action', { json: slow, headers: { 'X-Request-Id': 'req-2' } });
    await serverLogged(server, "/execute_action: X-Request-Id seen before; answering with the first request's reply");
    writeFileSync(gate, '');
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.status).toBe(200);
    expect(ra.body.equals(rb.body)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('run\nslow\n');

    // A new id runs again.
    await server.request('POST', '/execute_action', { json: action, headers: { 'X-Request-Id': 'req-3' } });
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
    await server.stop();
  });
});

describe('API surface', () => {
  it('answers every route with the right status and error envelope', async () => {
    const server = await startServer();
    const post = (json: unknown) => server.request('POST', '/execute_action', { json });
    const cases: [Promise<{ status: number; json<T>(): T }>, number, RegExp | object][] = [
      [server.request('GET', '/nope'), 404, { detail: 'Not found: GET /nope' }],
      [server.request('GET', '/execute_action'), 405, /not allowed/],
      [
        server.request('POST', '/execute_action', { body: '{oops', headers: { 'content-type': 'application/json' } }),
        400,
        /not valid JSON/,
      ],
      [post({ nothing: true }), 422, /Invalid request parameters/],
      [post({ action: { action: 'fly', args: {} } }), 400, { detail: 'Invalid action type' }],
      [post({ action: { args: {} } }), 400, { detail: 'Invalid action type' }],
      [post({ action: { action: 'browse', args: { url: 'x' } } }), 400, /not executed by this server/],
      [post({ action: { action: 'run', args: { command: 5 } } }), 422, /Invalid request parameters/],
      [post({ action: { action: 'run', args: { command: 'true' }, timeout: -1 } }), 422, /Invalid request parameters/],
      [server.request('POST', '/update_mcp_server', { json: [] }), 501, /not supported/],
      [server.request('GET', '/vscode/connection_token'), 200, { token: null }],
    ];
    for (const [pending, status, body] of cases) {
      const r = await pending;
      expect(r.status).toBe(status);
      const j = r.json<{ detail?: string }>();
      if (body instanceof RegExp) expect(j.detail).toMatch(body);
      else expect(j).toEqual(body);
    }
    const invalid = await post({ action: { action: 'run', args: {} } });
    expect(invalid.json<{ errors: string }>().errors).toMatch(/command/);

    const think = await server.act({ action: 'think', args: { thought: 'hmm' } });
    expect(think).toMatchObject({ observation: 'think', content: 'Your thought has been logged.' });
    const ipy = await server.act({ action: 'run_ipython', args: { code: 'print(1)' } });
    expect(ipy.observation).toBe('error');
    expect(ipy.content).toMatch(/Jupyter plugin is not enabled/);

    const info = (await server.request('GET', '/server_info')).json<Record<string, unknown>>();
    expect(info).toMatchObject({
      uptime: expect.any(Number),
      idle_time: expect.any(Number),
      resources: {
        cpu_percent: expect.any(Number),
        memory: { rss: expect.any(Number), vms: expect.any(Number), percent: expect.any(Number) },
        disk: {
          total: expect.any(Number),
          used: expect.any(Number),
          free: expect.any(Number),
          percent: expect.any(Number),
        },
        io: { read_bytes: expect.any(Number), write_bytes: expect.any(Number) },
      },
    });
    await server.stop();
  });
});

describe('workspace', () => {
  it('with --await-workspace answers 409 to actions until POST /workspace retargets it', async () => {
    const target = tempDir('oh-target-');
    const server = await startServer({ noWorkingDir: true, args: ['--await-workspace'] });
    expect((await server.request('GET', '/alive')).json()).toEqual({ status: 'ok' });
    const run = { action: { action: 'run', args: { command: 'pwd' } } };
    for (const r of [
      await server.request('POST', '/execute_action', { json: run }),
      await server.request('POST', '/list_files', { json: {} }),
      await server.request('GET', `/download_files?path=${encodeURIComponent(target)}`),
    ]) {
      expect(r.status).toBe(409);
      expect(r.json<{ detail: string }>().detail).toMatch(/POST \/workspace/);
    }
    expect((await server.request('POST', '/workspace', { json: { path: 'relative' } })).status).toBe(400);
    expect((await server.request('POST', '/workspace', { json: {} })).status).toBe(422);
    const moved = await server.request('POST', '/workspace', { json: { path: target } });
    expect(moved.status).toBe(200);
    expect(moved.json()).toEqual({ path: target, working_dir: target });
    expect((await server.run('pwd')).content).toBe(target);
    const created = await server.act({ action: 'write', args: { path: 'made-here.txt', content: 'x' } });
    expect(created).toMatchObject({ observation: 'write', extras: { path: path.join(target, 'made-here.txt') } });
    await server.stop();
  });

  it('retargets a server that started with --working-dir; the old workspace is then outside', async () => {
    const server = await startServer();
    const old = server.workspace;
    const next = tempDir('oh-next-');
    expect((await server.request('POST', '/workspace', { json: { path: next } })).status).toBe(200);
    expect((await server.run('pwd')).extras.metadata.working_dir).toBe(next);
    const outside = await server.act({ action: 'write', args: { path: path.join(old, 'f.txt'), content: 'x' } });
    expect(outside.observation).toBe('error');
    expect(outside.content).toMatch(/outside the workspace/);
    await server.stop();
  });
});
