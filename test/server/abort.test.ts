// A client that gives up on POST /execute_action (its AbortSignal, a wall-clock cut) closes the connection:
// the server stops the command as on a hard timeout and frees the shell and the action lock at once.
import { existsSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { occurrences, waitUntil } from '../helpers/wait.js';
import {
  eventually,
  processesMatching,
  removeTempDirs,
  serverLogged,
  startServer,
  type RunningServer,
} from './helpers.js';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});
afterAll(() => removeTempDirs());

// The server's debug log says when it saw an event (LOG_LEVEL=debug).
const DEBUG = { env: { LOG_LEVEL: 'debug' } };
const STARTED = 'execute_action started';
const QUEUED = 'execute_action waits for the action lock';
const CLIENT_LEFT = 'POST /execute_action: the client closed the connection before the answer';
const NOT_RUN = 'execute_action not run: its client closed the request before it started';

/** Sends an action without waiting for it; `abort()` closes the connection as an aborted fetch does. */
function sendAction(srv: RunningServer, action: Record<string, unknown>) {
  const body = Buffer.from(JSON.stringify({ action }));
  const target =
    srv.ready.transport === 'unix' ? { socketPath: srv.ready.path } : { host: srv.ready.host, port: srv.ready.port };
  const ac = new AbortController();
  const settled = new Promise<'answered' | 'aborted'>((resolve) => {
    const req = http.request(
      {
        ...target,
        method: 'POST',
        path: '/execute_action',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
        signal: ac.signal,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve('answered'));
      },
    );
    req.on('error', () => resolve('aborted'));
    req.end(body);
  });
  return { abort: () => ac.abort(), settled };
}

const run = (command: string, extra: Record<string, unknown> = {}) => ({
  action: 'run',
  args: { command, ...extra },
});

describe('an aborted execute_action', () => {
  it.each([
    { name: 'a plain sleep', command: 'sleep 300.0417', needle: 'sleep 300.0417', extra: {} },
    { name: 'a pipeline', command: 'sleep 300.0418 | cat', needle: 'sleep 300.0418', extra: {} },
    { name: 'a blocking command', command: 'sleep 300.0419', needle: 'sleep 300.0419', extra: { blocking: true } },
    {
      name: 'a command that ignores SIGINT (killed after the grace)',
      command: 'bash -c "trap \'\' INT; sleep 300.0420; echo survived"',
      needle: 'sleep 300.0420',
      extra: {},
    },
    { name: 'a static command', command: 'sleep 300.0421', needle: 'sleep 300.0421', extra: { is_static: true } },
    {
      name: 'a background job it started',
      command: '(sleep 300.0422 &) ; sleep 300.0423',
      needle: 'sleep 300.042',
      extra: {},
    },
  ])('$name: its processes are gone and the next command runs', async ({ command, needle, extra }) => {
    server = await startServer();
    const first = sendAction(server, { ...run(command, extra), timeout: 250 });
    expect(await eventually(() => processesMatching(needle).length > 0)).toBe(true);
    first.abort();
    expect(await first.settled).toBe('aborted');

    const next = await server.run('echo second');
    expect(next.content.trim()).toBe('second');
    expect(next.extras.metadata.exit_code).toBe(0);
    expect(next.extras.metadata.suffix).not.toMatch(/NOT executed/);
    // Stopped before the lock was handed on, not left for a soft or hard timeout.
    expect(processesMatching(needle)).toEqual([]);
    // The shell is the same one: its state survived.
    await server.run('export KEPT=yes');
    expect((await server.run('echo $KEPT')).content.trim()).toBe('yes');
  });

  it('a follow-up read of a command left running (soft timeout) stops it when aborted', async () => {
    server = await startServer({ args: ['--no-change-timeout', '0.3'], ...DEBUG });
    const soft = await server.run('sleep 300.0431');
    expect(soft.extras.metadata.suffix).toMatch(/no new output/);
    expect(await eventually(() => processesMatching('sleep 300.0431').length > 0)).toBe(true);
    const before = occurrences(server.stderr(), STARTED);
    const follow = sendAction(server, { ...run('', { is_input: true, blocking: true }), timeout: 250 });
    // the follow-up waits on the command; once it holds the lock, closing it stops the command
    await serverLogged(server, STARTED, before);
    follow.abort();
    expect(await follow.settled).toBe('aborted');
    const next = await server.run('echo after');
    expect(next.content.trim()).toBe('after');
    expect(processesMatching('sleep 300.0431')).toEqual([]);
  });

  it('an action still queued behind another when its client gives up never runs', async () => {
    server = await startServer(DEBUG);
    const gate = path.join(server.workspace, 'go');
    const marker = path.join(server.workspace, 'queued-ran.txt');
    const holder = sendAction(server, {
      ...run(`bash -c 'while [ ! -e "$1" ]; do sleep 0.05; done; echo held' holder-4242 ${gate}`, { blocking: true }),
      timeout: 250,
    });
    expect(await eventually(() => processesMatching('holder-4242').length > 0)).toBe(true);
    const queued = sendAction(server, { ...run(`touch ${marker}`), timeout: 250 });
    await serverLogged(server, QUEUED);
    queued.abort();
    expect(await queued.settled).toBe('aborted');
    // The gate opens only once the server itself has seen the client leave.
    await serverLogged(server, CLIENT_LEFT);
    writeFileSync(gate, '');
    expect(await holder.settled).toBe('answered');
    expect((await server.run('echo done')).content.trim()).toBe('done');
    expect(existsSync(marker)).toBe(false);
    expect(occurrences(server.stderr(), NOT_RUN)).toBe(1);
  });

  it('an action whose client sent it and left at once (both arrive together) never runs', async () => {
    server = await startServer(DEBUG);
    if (server.ready.transport !== 'tcp') throw new Error('expected a TCP server');
    const { host, port } = server.ready;
    const marker = path.join(server.workspace, 'abandoned-ran.txt');
    const body = JSON.stringify({ action: run(`touch ${marker}`) });
    // Stopped, the server reads nothing: the request and the client's FIN wait in the kernel together.
    server.proc.kill('SIGSTOP');
    try {
      await new Promise<void>((resolve, reject) => {
        const sock = net.connect(port, host, () => {
          sock.end(
            `POST /execute_action HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
              `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
            () => {
              sock.destroy();
              resolve();
            },
          );
        });
        sock.on('error', reject);
      });
    } finally {
      server.proc.kill('SIGCONT');
    }
    await waitUntil(() => server!.stderr().includes(NOT_RUN) || server!.stderr().includes(STARTED), {
      what: 'the server to decide about the abandoned action',
    });
    expect(server.stderr()).toContain(CLIENT_LEFT);
    expect(server.stderr()).not.toContain(STARTED);
    expect((await server.run('echo still-serving')).content).toBe('still-serving');
    expect(existsSync(marker)).toBe(false);
  });
});
