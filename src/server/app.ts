// The action-execution server's HTTP API (runtime.md §3) on node:http.
import { timingSafeEqual } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../core/log.js';
import { executeAction, HttpError, parseWith, type ActionContext } from './actions.js';
import type { ServerConfig } from './args.js';
import { createBashSession, type BashSession } from './bash/session.js';
import { createEditor } from './editor.js';
import { createWorkspacePolicy, isInside, type WorkspacePolicy } from './paths.js';
import { initializePlugins, type Plugin, type PluginContext } from './plugins.js';
import type { ReadyLine } from './protocol.js';
import { exceedsMaxSize, filterListing, getUniqueFilename, isExtensionAllowed, sanitizeFilename } from './uploads.js';
import { unzipInto, zipPath, ZipError } from './zip.js';

const MAX_JSON_BODY = 128 * 1024 * 1024;
const MAX_UPLOAD_BODY = 2 * 1024 * 1024 * 1024 - 1;
const REQUEST_ID_CACHE = 256;

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function json(status: number, value: unknown): Reply {
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(value)) };
}

export interface AppOptions {
  config: ServerConfig;
  /** Private directory for the shell's HOME, rc file, git config and FIFO. */
  sessionDir: string;
  /** Environment for the shell (already free of the runtime's secrets). */
  shellEnv: Record<string, string>;
  plugins: Plugin[];
  logger: Logger;
  /** Kill grace of the shell's hard timeout (tests shorten it). */
  killGraceMs?: number;
}

export interface ActionServer {
  /** Binds the listener and returns the ready line to print. */
  listen(): Promise<ReadyLine>;
  /** Starts the shell and the plugins; /alive says ok afterwards. */
  initialize(): Promise<void>;
  close(): Promise<void>;
}

/** A promise-chain mutex: every action runs alone (runtime.md §3). `waiting` counts holders and waiters. */
function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  const lock = <T>(fn: () => Promise<T>): Promise<T> => {
    waiting += 1;
    const run = tail.then(fn, fn).finally(() => {
      waiting -= 1;
    });
    tail = run.catch(() => undefined);
    return run;
  };
  return Object.defineProperty(lock, 'waiting', { get: () => waiting }) as typeof lock & { readonly waiting: number };
}

/**
 * Two turns of the event loop, so one full poll phase runs: a close that the kernel already holds for a
 * connection (a client that sent its request and left at once) is seen before an action starts. One turn
 * is not enough: libuv stops reading a socket after a short read, and reads its end on the next poll.
 */
const ioTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

export function createActionServer(opts: AppOptions): ActionServer {
  const { config, logger } = opts;
  const startedAt = Date.now();
  let lastActionAt = Date.now();
  let initialized = false;
  let workspace: string | null = config.awaitWorkspace ? null : config.workingDir;
  let policy: WorkspacePolicy | null = workspace ? createWorkspacePolicy(workspace) : null;
  const initialDir = config.workingDir ?? path.join(opts.sessionDir, 'home');
  const bash: BashSession = createBashSession({
    workingDir: initialDir,
    sessionDir: opts.sessionDir,
    env: opts.shellEnv,
    noChangeTimeoutSec: config.noChangeTimeoutSec,
    logger,
    killGraceMs: opts.killGraceMs,
  });
  const currentPolicy = (): WorkspacePolicy => {
    if (!policy) throw new HttpError(409, 'No workspace assigned yet: POST /workspace {"path": "/abs/dir"} first');
    return policy;
  };
  const editor = createEditor(currentPolicy);
  const pluginContext: PluginContext = {
    username: config.username ?? currentUsername(),
    logger,
    cwd: () => bash.cwd,
    workspace: () => workspace ?? initialDir,
  };
  const actionContext: ActionContext = { bash, editor, policy: currentPolicy, plugins: opts.plugins, pluginContext };
  const lock = createLock();
  const answered = new Map<string, Promise<Reply>>();
  let cpuMark = { usage: process.cpuUsage(), at: process.hrtime.bigint() };

  const requireWorkspace = () => {
    if (!workspace) throw new HttpError(409, 'No workspace assigned yet: POST /workspace {"path": "/abs/dir"} first');
    return workspace;
  };
  const requireInitialized = () => {
    if (!initialized) throw new HttpError(503, 'The server is still initialising; poll GET /alive until it says ok');
  };

  async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      throw new HttpError(413, `Request body too large (${declared} bytes; the limit is ${limit})`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > limit) throw new HttpError(413, `Request body too large (the limit is ${limit} bytes)`);
      chunks.push(b);
    }
    return Buffer.concat(chunks);
  }

  async function readJson(req: http.IncomingMessage, optional = false): Promise<unknown> {
    const buf = await readBody(req, MAX_JSON_BODY);
    if (buf.length === 0 && optional) return {};
    try {
      return JSON.parse(buf.toString('utf8'));
    } catch {
      throw new HttpError(400, 'The request body is not valid JSON');
    }
  }

  // --- handlers ---------------------------------------------------------------------------------------

  function alive(): Reply {
    return json(200, { status: initialized ? 'ok' : 'not initialized' });
  }

  function serverInfo(): Reply {
    const now = process.hrtime.bigint();
    const usage = process.cpuUsage(cpuMark.usage);
    const elapsedUs = Number(now - cpuMark.at) / 1000;
    cpuMark = { usage: process.cpuUsage(), at: now };
    const mem = process.memoryUsage();
    let vms = 0;
    try {
      const m = /VmSize:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
      vms = m?.[1] ? Number(m[1]) * 1024 : 0;
    } catch {
      vms = 0;
    }
    const io = { read_bytes: 0, write_bytes: 0 };
    try {
      const text = readFileSync('/proc/self/io', 'utf8');
      io.read_bytes = Number(/read_bytes: (\d+)/.exec(text)?.[1] ?? 0);
      io.write_bytes = Number(/write_bytes: (\d+)/.exec(text)?.[1] ?? 0);
    } catch {
      // not readable in some sandboxes
    }
    let disk = { total: 0, used: 0, free: 0, percent: 0 };
    try {
      const s = statfsSync(workspace ?? initialDir);
      const total = s.blocks * s.bsize;
      const free = s.bavail * s.bsize;
      const used = total - s.bfree * s.bsize;
      disk = { total, used, free, percent: total ? Math.round((used / total) * 1000) / 10 : 0 };
    } catch {
      // keep zeros
    }
    return json(200, {
      uptime: (Date.now() - startedAt) / 1000,
      idle_time: (Date.now() - lastActionAt) / 1000,
      resources: {
        cpu_percent: elapsedUs > 0 ? Math.round(((usage.user + usage.system) / elapsedUs) * 1000) / 10 : 0,
        memory: { rss: mem.rss, vms, percent: Math.round((mem.rss / os.totalmem()) * 1000) / 10 },
        disk,
        io,
      },
    });
  }

  /**
   * `closed` fires when the client went away before the answer (it aborted, or its timeout cut the call): the
   * command is interrupted as on a hard timeout, so it does not hold the shell and the lock for nobody.
   */
  async function executeActionHandler(req: http.IncomingMessage, closed: AbortSignal): Promise<Reply> {
    requireInitialized();
    const body = await readJson(req);
    requireWorkspace();
    if (lock.waiting > 0) logger.debug(`execute_action waits for the action lock (${lock.waiting} ahead)`);
    return lock(async () => {
      await ioTurn();
      // Queued behind another action, or sent and abandoned at once: nobody waits for this one.
      if (closed.aborted) {
        logger.debug('execute_action not run: its client closed the request before it started');
        throw new HttpError(499, 'The client closed the request before the action started');
      }
      logger.debug('execute_action started');
      lastActionAt = Date.now();
      try {
        const obs = await executeAction(body, actionContext, { signal: closed });
        return json(200, obs);
      } catch (err) {
        if (err instanceof HttpError) throw err;
        logger.error(`execute_action failed: ${(err as Error).stack ?? String(err)}`);
        throw new HttpError(500, `Internal server error: ${(err as Error).message}`);
      } finally {
        lastActionAt = Date.now();
      }
    });
  }

  const listFilesSchema = z.object({ path: z.string().nullish(), apply_ignore_rules: z.boolean().optional() });

  function listFiles(body: unknown): Reply {
    const root = requireWorkspace();
    const { path: p, apply_ignore_rules } = parseWith(listFilesSchema, body ?? {});
    const dir = p ? (path.isAbsolute(p) ? p : path.join(root, p)) : root;
    let names: string[];
    try {
      if (!statSync(dir).isDirectory()) return json(200, []);
      names = readdirSync(dir);
    } catch {
      return json(200, []);
    }
    const dirs: string[] = [];
    const files: string[] = [];
    for (const name of names) {
      let isDir = false;
      try {
        isDir = statSync(path.join(dir, name)).isDirectory();
      } catch {
        isDir = lstatSync(path.join(dir, name)).isDirectory();
      }
      (isDir ? dirs : files).push(isDir ? `${name}/` : name);
    }
    const byLower = (a: string, b: string) => {
      const x = a.toLowerCase();
      const y = b.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    };
    let entries = [...dirs.sort(byLower), ...files.sort(byLower)];
    if (apply_ignore_rules ?? config.userFacing) {
      const rel = isInside(root, dir) ? path.relative(root, dir) : null;
      let gitignore: string | null = null;
      try {
        gitignore = readFileSync(path.join(root, '.gitignore'), 'utf8');
      } catch {
        gitignore = null;
      }
      entries = filterListing(entries, rel ?? '', rel === null ? null : gitignore);
    }
    return json(200, entries);
  }

  async function uploadFile(req: http.IncomingMessage, url: URL): Promise<Reply> {
    requireWorkspace();
    const destination = url.searchParams.get('destination') ?? '';
    const recursive = ['true', '1', 'yes'].includes((url.searchParams.get('recursive') ?? '').toLowerCase());
    if (!path.isAbsolute(destination))
      throw new HttpError(400, `destination must be an absolute path, got "${destination}"`);
    const maxMb = config.uploadPolicy.maxFileSizeMb;
    // Multipart framing adds a little; the file itself is checked exactly below.
    const limit = maxMb > 0 ? maxMb * 1024 * 1024 + 64 * 1024 : MAX_UPLOAD_BODY;
    const raw = await readBody(req, limit);
    const contentType = req.headers['content-type'] ?? '';
    if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
      throw new HttpError(400, 'The upload must be multipart/form-data with a field named "file"');
    }
    let form: FormData;
    try {
      form = await new Request('http://localhost/upload_file', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: raw,
      }).formData();
    } catch (err) {
      throw new HttpError(400, `Cannot parse the multipart body: ${(err as Error).message}`);
    }
    const file = form.get('file');
    if (!file || typeof file === 'string')
      throw new HttpError(400, 'The multipart body has no file field named "file"');
    if (exceedsMaxSize(file.size, config.uploadPolicy)) {
      throw new HttpError(413, `File too large: ${file.size} bytes; the limit is ${maxMb} MB`);
    }
    const data = new Uint8Array(await file.arrayBuffer());
    mkdirSync(destination, { recursive: true });
    if (recursive) {
      const isZip = data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5);
      if (!isZip) throw new HttpError(400, 'recursive=true needs a zip archive');
      try {
        unzipInto(data, destination);
      } catch (err) {
        if (err instanceof ZipError) throw new HttpError(400, err.message);
        throw err;
      }
      return json(200, { filename: file.name, destination, recursive: true });
    }
    let name = file.name.slice(file.name.lastIndexOf('/') + 1);
    if (config.userFacing) {
      name = sanitizeFilename(name);
      if (!isExtensionAllowed(name, config.uploadPolicy)) {
        throw new HttpError(400, `File type not allowed: ${name}`);
      }
      if (name) name = getUniqueFilename(name, destination);
    }
    if (!name || name === '.' || name === '..') throw new HttpError(400, `Invalid file name "${file.name}"`);
    writeFileSync(path.join(destination, name), data);
    return json(200, { filename: name, destination, recursive: false });
  }

  function downloadFiles(url: URL): Reply {
    requireWorkspace();
    const p = url.searchParams.get('path') ?? '';
    if (!path.isAbsolute(p)) throw new HttpError(400, `path must be an absolute path, got "${p}"`);
    if (!existsSync(p)) throw new HttpError(404, `File or directory not found: ${p}`);
    const zip = zipPath(p);
    const name = path.basename(p) || 'root';
    return {
      status: 200,
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${name.replace(/["\\\r\n]/g, '_')}.zip"`,
      },
      body: Buffer.from(zip),
    };
  }

  const workspaceSchema = z.object({ path: z.string() });

  async function setWorkspace(req: http.IncomingMessage): Promise<Reply> {
    requireInitialized();
    const { path: p } = parseWith(workspaceSchema, await readJson(req));
    if (!path.isAbsolute(p)) throw new HttpError(400, `path must be an absolute path, got "${p}"`);
    return lock(async () => {
      mkdirSync(p, { recursive: true });
      if (bash.busy) throw new HttpError(409, 'A command is still running in the shell; cannot change the workspace');
      try {
        await bash.chdir(p);
      } catch (err) {
        throw new HttpError(400, `Cannot use ${p} as the workspace: ${(err as Error).message}`);
      }
      workspace = p;
      policy = createWorkspacePolicy(p);
      logger.info(`workspace is now ${p}`);
      return json(200, { path: p, working_dir: bash.cwd });
    });
  }

  // --- routing ----------------------------------------------------------------------------------------

  async function route(req: http.IncomingMessage, url: URL, closed: AbortSignal): Promise<Reply> {
    const key = `${req.method} ${url.pathname}`;
    switch (key) {
      case 'GET /vscode/connection_token':
        return json(200, { token: null });
      case 'POST /execute_action':
        return executeActionHandler(req, closed);
      case 'POST /list_files': {
        requireInitialized();
        const body = await readJson(req, true);
        return lock(async () => listFiles(body));
      }
      case 'POST /upload_file':
        requireInitialized();
        return lock(() => uploadFile(req, url));
      case 'GET /download_files':
        requireInitialized();
        return lock(async () => downloadFiles(url));
      case 'POST /update_mcp_server':
        req.resume();
        return json(501, { detail: 'MCP servers are not supported by this runtime' });
      case 'POST /workspace':
        return setWorkspace(req);
      default: {
        req.resume();
        const known = ['/alive', '/server_info', '/execute_action', '/list_files', '/upload_file', '/download_files'];
        if (known.includes(url.pathname))
          throw new HttpError(405, `Method ${req.method} not allowed on ${url.pathname}`);
        throw new HttpError(404, `Not found: ${req.method} ${url.pathname}`);
      }
    }
  }

  function authorised(req: http.IncomingMessage): boolean {
    if (!config.apiKey) return true;
    const given = req.headers['x-session-api-key'];
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given);
    const b = Buffer.from(config.apiKey);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async function handle(req: http.IncomingMessage, closed: AbortSignal): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/alive') return alive();
    if (req.method === 'GET' && url.pathname === '/server_info') return serverInfo();
    if (!authorised(req)) {
      req.resume();
      return json(403, { detail: 'Invalid API Key' });
    }
    const requestId = req.headers['x-request-id'];
    if (req.method === 'POST' && typeof requestId === 'string' && requestId) {
      const cacheKey = `${url.pathname} ${requestId}`;
      const earlier = answered.get(cacheKey);
      if (earlier) {
        logger.debug(`${url.pathname}: X-Request-Id seen before; answering with the first request's reply`);
        req.resume();
        // Least recently used goes first: a hit moves the id to the back.
        answered.delete(cacheKey);
        answered.set(cacheKey, earlier);
        return earlier;
      }
      const reply = safeRoute(req, url, closed);
      answered.set(cacheKey, reply);
      while (answered.size > REQUEST_ID_CACHE) {
        const oldest = answered.keys().next().value;
        if (oldest === undefined) break;
        answered.delete(oldest);
      }
      return reply;
    }
    return safeRoute(req, url, closed);
  }

  async function safeRoute(req: http.IncomingMessage, url: URL, closed: AbortSignal): Promise<Reply> {
    try {
      return await route(req, url, closed);
    } catch (err) {
      if (err instanceof HttpError) return json(err.status, err.body);
      logger.error(`${req.method} ${url.pathname} failed: ${(err as Error).stack ?? String(err)}`);
      return json(500, { detail: 'An unexpected error occurred. Please try again later.' });
    }
  }

  const server = http.createServer((req, res) => {
    // 'close' before the response finished: the connection went away, nobody reads the answer.
    // The socket's end is the earliest sign (the response's close follows a loop turn or two later).
    const gone = new AbortController();
    const leave = () => {
      if (res.writableFinished || gone.signal.aborted) return;
      gone.abort();
      logger.debug(
        `${req.method} ${(req.url ?? '/').split('?')[0]}: the client closed the connection before the answer`,
      );
    };
    req.socket.once('end', leave);
    res.once('close', () => {
      req.socket.off('end', leave);
      leave();
    });
    handle(req, gone.signal).then(
      (reply) => {
        res.writeHead(reply.status, { ...reply.headers, 'content-length': String(reply.body.length) });
        res.end(reply.body);
      },
      (err: unknown) => {
        logger.error(`request failed: ${String(err)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ detail: 'An unexpected error occurred. Please try again later.' }));
      },
    );
  });
  // Long commands hold a request open for minutes.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 30_000;

  let unixPath: string | null = null;

  return {
    async listen(): Promise<ReadyLine> {
      const spec = config.listen;
      if (spec.transport === 'unix') {
        mkdirSync(path.dirname(spec.path), { recursive: true });
        // A stale socket from a killed server would make listen fail with EADDRINUSE.
        try {
          if (lstatSync(spec.path).isSocket()) rmSync(spec.path);
        } catch {
          // absent
        }
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(spec.path, () => {
            server.off('error', reject);
            resolve();
          });
        });
        unixPath = spec.path;
        // Clients on the other side of a docker bind mount run under other uids; the API key guards it.
        chmodSync(spec.path, 0o666);
        return { ready: true, transport: 'unix', path: spec.path };
      }
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(spec.port, spec.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const addr = server.address() as AddressInfo;
      return { ready: true, transport: 'tcp', host: spec.host, port: addr.port };
    },

    async initialize(): Promise<void> {
      if (config.workingDir) mkdirSync(config.workingDir, { recursive: true });
      else mkdirSync(initialDir, { recursive: true });
      await Promise.all([
        bash.start(),
        initializePlugins(opts.plugins, pluginContext, config.initPluginTimeoutSec * 1000),
      ]);
      initialized = true;
    },

    async close(): Promise<void> {
      bash.close();
      await Promise.allSettled(opts.plugins.map((p) => p.close?.()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (unixPath) rmSync(unixPath, { force: true });
    },
  };
}

/** The user the server runs as; a container may run it under a uid that has no passwd entry. */
function currentUsername(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `uid-${process.getuid?.() ?? 'unknown'}`;
  }
}
