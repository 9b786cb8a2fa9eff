// The client's wire rules (runtime.md §3) against scripted answers on loopback: the real server never
// answers 429, resets a connection or uses the reference's error envelope, so those cases need a
// scripted peer. The happy path against the real server is covered in local.test.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import type { ActionEvent } from '../../src/core/events.js';
import { ActionClient, ActionServerError, parseErrorBody, THINK_RESPONSE } from '../../src/runtime/client.js';
import type { ServerAddress } from '../../src/runtime/server-process.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}
type Reply = (req: Seen, res: http.ServerResponse) => void;

const servers: http.Server[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Answers requests with the scripted replies in order (the last one repeats). */
async function scripted(replies: Reply[], listen: 'tcp' | 'unix' = 'tcp') {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const s: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      };
      seen.push(s);
      const reply = replies[Math.min(seen.length - 1, replies.length - 1)]!;
      reply(s, res);
    });
  });
  servers.push(server);
  let address: ServerAddress;
  if (listen === 'unix') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-client-'));
    dirs.push(dir);
    const sock = path.join(dir, 's.sock');
    await new Promise<void>((r) => server.listen(sock, r));
    address = { transport: 'unix', path: sock };
  } else {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    address = { transport: 'tcp', host: '127.0.0.1', port: (server.address() as AddressInfo).port };
  }
  return { seen, address };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
const reset: Reply = (_req, res) => res.socket?.destroy();
const never: Reply = () => {};

const runObs = (command: string, exitCode: number, content = '', suffix = '') => ({
  observation: 'run',
  content,
  extras: {
    command,
    metadata: {
      exit_code: exitCode,
      pid: -1,
      username: 'u',
      hostname: 'h',
      working_dir: '/w',
      py_interpreter_path: null,
      prefix: '',
      suffix,
    },
  },
  success: exitCode === 0,
});

const fastRetry = { transportMinWaitMs: 1, transportMaxWaitMs: 5, rateLimitMinWaitMs: 1, rateLimitMaxWaitMs: 5 };

function client(address: ServerAddress, extra: Partial<ConstructorParameters<typeof ActionClient>[0]> = {}) {
  return new ActionClient({ address, apiKey: 'key-123', logger: createRecordingLogger(), retry: fastRetry, ...extra });
}

const runAction = (command: string, extra: Partial<ActionEvent> = {}): ActionEvent =>
  ({
    id: 7,
    action: 'run',
    args: { command, is_input: false, blocking: false, hidden: false },
    ...extra,
  }) as ActionEvent;

describe('ActionClient transport', () => {
  it.each(['tcp', 'unix'] as const)(
    'sends the session key and a request id over %s, not the key on /alive',
    async (t) => {
      const { seen, address } = await scripted([json(200, { status: 'ok' }), json(200, runObs('ls', 0, 'a'))], t);
      const c = client(address);
      expect(await c.alive()).toBe(true);
      const obs = await c.execute(runAction('ls'));
      c.close();
      expect(obs).toMatchObject({ observation: 'run', content: 'a', cause: 7 });
      expect(seen[0]!.headers['x-session-api-key']).toBeUndefined();
      expect(seen[1]!.headers['x-session-api-key']).toBe('key-123');
      expect(seen[1]!.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(seen[1]!.url).toBe('/execute_action');
    },
  );

  it('retries a reset connection with the same request id', async () => {
    const { seen, address } = await scripted([reset, reset, json(200, runObs('ls', 0))]);
    const c = client(address);
    const obs = await c.execute(runAction('ls'));
    c.close();
    expect(obs.observation).toBe('run');
    expect(seen).toHaveLength(3);
    const ids = new Set(seen.map((s) => s.headers['x-request-id']));
    expect(ids.size).toBe(1);
  });

  it('gives up on transport errors after the configured attempts, marked disconnected', async () => {
    const { seen, address } = await scripted([reset]);
    const c = client(address, { retry: { ...fastRetry, transportAttempts: 3 } });
    const err = await c.execute(runAction('ls')).catch((e: unknown) => e);
    c.close();
    expect(err).toBeInstanceOf(ActionServerError);
    expect((err as ActionServerError).disconnected).toBe(true);
    expect((err as ActionServerError).code).toBe('runtime');
    expect(seen).toHaveLength(3);
  });

  it('retries 429 up to three attempts, then reports it', async () => {
    const tooMany = json(429, { detail: 'slow down' }, { 'retry-after': '0' });
    const ok = await scripted([tooMany, json(200, runObs('ls', 0))]);
    const c1 = client(ok.address);
    expect((await c1.execute(runAction('ls'))).observation).toBe('run');
    c1.close();
    expect(ok.seen).toHaveLength(2);

    const bad = await scripted([tooMany]);
    const c2 = client(bad.address);
    const err = await c2.execute(runAction('ls')).catch((e: unknown) => e);
    c2.close();
    expect(bad.seen).toHaveLength(3);
    expect(err).toMatchObject({ status: 429, detail: 'slow down' });
  });

  it.each([
    [404, { detail: 'File not found' }, 404, 'File not found'],
    [403, { detail: 'Invalid API Key' }, 403, 'Invalid API Key'],
    [409, { detail: 'waiting for POST /workspace' }, 409, 'waiting for POST /workspace'],
    // the reference's envelope: a client error raised in a handler came back as 500 "<status>: <msg>"
    [500, { detail: '400: Invalid action type' }, 400, 'Invalid action type'],
    [500, { detail: 'Internal server error: boom' }, 500, 'Internal server error: boom'],
    [
      422,
      { detail: 'Invalid request parameters', errors: 'path: required' },
      422,
      'Invalid request parameters: path: required',
    ],
  ])('HTTP %i %j -> status %i, detail %s', async (status, body, wantStatus, wantDetail) => {
    const { address } = await scripted([json(status, body)]);
    const c = client(address);
    const err = await c.execute(runAction('ls')).catch((e: unknown) => e);
    c.close();
    expect(err).toBeInstanceOf(ActionServerError);
    expect(err).toMatchObject({ status: wantStatus, detail: wantDetail, disconnected: false });
  });

  it('parses a non-JSON error body as text', () => {
    expect(parseErrorBody(502, 'Bad gateway\n')).toEqual({ status: 502, detail: 'Bad gateway' });
    expect(parseErrorBody(503, '')).toEqual({ status: 503, detail: 'Service Unavailable' });
  });

  it('times execute_action out after the action timeout plus the slack, with the reference message', async () => {
    const { address } = await scripted([never]);
    const c = client(address, { executeSlackSec: 0.2 });
    const err = await c.execute(runAction('sleep 100', { timeout: 0.1 })).catch((e: unknown) => e);
    c.close();
    expect((err as Error).message).toBe('Runtime failed to return execute_action before the requested timeout of 0.1s');
  });

  it('cancels a request when the signal aborts', async () => {
    const { address } = await scripted([never]);
    const c = client(address);
    const ac = new AbortController();
    const p = c.execute(runAction('sleep 100'), { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    const err = await p.catch((e: unknown) => e);
    c.close();
    expect(err).toMatchObject({ code: 'cancelled' });
  });
});

describe('ActionClient.execute client-side rules', () => {
  it('answers think without any HTTP call', async () => {
    const { seen, address } = await scripted([json(500, { detail: 'should not be called' })]);
    const c = client(address);
    const obs = await c.execute({ id: 3, action: 'think', args: { thought: 'hmm' } });
    c.close();
    expect(obs).toMatchObject({ observation: 'think', content: THINK_RESPONSE, cause: 3 });
    expect(seen).toHaveLength(0);
  });

  it.each([
    [{ action: 'finish', args: { final_thought: 'done' } }, 'null', ''],
    [{ action: 'message', args: { content: 'hi' } }, 'null', ''],
    [
      { action: 'browse', args: { url: 'http://x' } },
      'error',
      'Action browse is not supported in the current runtime.',
    ],
    [{ action: 'made_up', args: {} }, 'error', 'Action made_up is not supported in the current runtime.'],
    [
      { action: 'run', args: { command: 'rm -rf /', confirmation_state: 'rejected' } },
      'error',
      'Action has been rejected by the user! Waiting for further user input.',
    ],
    [{ action: 'run', args: { command: 'ls', blocking: true } }, 'error', 'Blocking command with no timeout set'],
  ])('%j -> %s observation, no HTTP call', async (raw, observation, content) => {
    const { seen, address } = await scripted([json(500, { detail: 'should not be called' })]);
    const c = client(address);
    const action: ActionEvent = JSON.parse(JSON.stringify({ id: 9, ...raw }));
    const obs = await c.execute(action);
    c.close();
    expect(obs).toMatchObject({ observation, content, cause: 9 });
    if (raw.action === 'browse' || raw.action === 'made_up') {
      expect(obs.extras).toEqual({ error_id: 'AGENT_ERROR$BAD_ACTION' });
    }
    expect(seen).toHaveLength(0);
  });

  it('fills in the sandbox timeout for an action without one, and marks hidden runs', async () => {
    const { seen, address } = await scripted([json(200, runObs('ls', 0))]);
    const c = client(address, { defaultActionTimeoutSec: 42 });
    const obs = await c.execute(runAction('ls', { args: { command: 'ls', hidden: true } }));
    c.close();
    expect((seen[0]!.body as { action: ActionEvent }).action.timeout).toBe(42);
    expect(obs.observation === 'run' && obs.extras.hidden).toBe(true);
  });

  it('rejects an answer that is not an observation', async () => {
    const { address } = await scripted([json(200, { hello: 'world' })]);
    const c = client(address);
    await expect(c.execute(runAction('ls'))).rejects.toThrow('not an observation');
    c.close();
  });
});

describe('ActionClient.run', () => {
  it('sends a blocking hidden command with the hard timeout and returns exit code and output', async () => {
    const { seen, address } = await scripted([json(200, runObs('make', 2, 'boom'))]);
    const c = client(address);
    const r = await c.run('make', { timeoutSec: 33 });
    c.close();
    expect(r).toEqual({ exitCode: 2, output: 'boom' });
    const sent = (seen[0]!.body as { action: ActionEvent & { action: 'run' } }).action;
    expect(sent.timeout).toBe(33);
    expect(sent.args).toMatchObject({ command: 'make', blocking: true, hidden: true, is_input: false });
  });

  it('runs a multi-line script as one eval so the server sees one command', async () => {
    const { seen, address } = await scripted([json(200, runObs('x', 0))]);
    const c = client(address);
    await c.run("cd sub\necho 'it''s'");
    c.close();
    const sent = (seen[0]!.body as { action: ActionEvent & { action: 'run' } }).action;
    expect(sent.args.command).toBe(`eval 'cd sub\necho '\\''it'\\'''\\''s'\\'''`);
  });

  it('interrupts a command the agent left running, then runs its own', async () => {
    const notRun = runObs('git diff', -1, 'still going', '\n[Your command "git diff" is NOT executed. ...]');
    const { seen, address } = await scripted([
      json(200, notRun),
      json(200, runObs('C-c', 130)),
      json(200, runObs('git diff', 0, 'diff')),
    ]);
    const c = client(address);
    const r = await c.run('git diff');
    c.close();
    expect(r).toEqual({ exitCode: 0, output: 'diff' });
    const cmds = seen.map((s) => (s.body as { action: ActionEvent & { action: 'run' } }).action.args);
    expect(cmds.map((a) => [a.command, a.is_input])).toEqual([
      ['git diff', false],
      ['C-c', true],
      ['git diff', false],
    ]);
  });
});
