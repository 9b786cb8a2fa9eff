// Entry point of dist/server.js, the action-execution server (DESIGN.md §3, §8.7; protocol in ./protocol.ts).
// Reads argv and the environment once, binds, starts the shell, prints the ready line, and exits when
// stdin closes or on SIGTERM/SIGINT, taking every process of its shell with it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConsoleLogger } from '../core/log.js';
import { createActionServer } from './app.js';
import { ArgsError, parseArgs } from './args.js';
import { createPlugins, PluginError } from './plugins.js';

/** Variables the server reads for itself; the shell does not need them. */
const SERVER_ONLY_ENV = ['SESSION_API_KEY', 'NO_CHANGE_TIMEOUT_SECONDS', 'INIT_PLUGIN_TIMEOUT'];

async function main(): Promise<void> {
  // When the parent dies, our stdout/stderr pipes break: writes fail with EPIPE, which must neither crash
  // the server before it has cleaned up nor loop through the error handler.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const logger = createConsoleLogger({ verbose: process.env.LOG_LEVEL === 'debug', stream: process.stderr });
  let config;
  let plugins;
  try {
    config = parseArgs(process.argv.slice(2), process.env);
    plugins = createPlugins(config.plugins);
  } catch (err) {
    if (err instanceof ArgsError || err instanceof PluginError) {
      process.stderr.write(`server.js: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  for (const w of config.warnings) logger.warn(w);

  const base = config.sessionDir ?? os.tmpdir();
  mkdirSync(base, { recursive: true });
  const sessionDir = mkdtempSync(path.join(base, 'oh-session-'));
  const shellEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !SERVER_ONLY_ENV.includes(k)) shellEnv[k] = v;
  }

  const server = createActionServer({ config, sessionDir, shellEnv, plugins, logger });
  let stopping = false;
  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info(`action-execution server stopping: ${reason}`);
    try {
      await server.close();
    } finally {
      rmSync(sessionDir, { recursive: true, force: true });
      process.exit(code);
    }
  };
  // A crash must not leave the shell's processes behind either.
  process.on('uncaughtException', (err) => {
    if (stopping) return;
    process.stderr.write(`server.js: uncaught error: ${err.stack ?? String(err)}\n`);
    void stop('uncaught error', 1);
  });
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
  // The parent holds our stdin open; when it goes away (even killed), so do we.
  process.stdin.on('end', () => void stop('stdin closed'));
  process.stdin.on('close', () => void stop('stdin closed'));
  process.stdin.on('error', () => void stop('stdin error'));
  process.stdin.resume();

  try {
    const ready = await server.listen();
    await server.initialize();
    process.stdout.write(JSON.stringify(ready) + '\n');
    logger.info(
      `action-execution server ready (${ready.transport === 'tcp' ? `${ready.host}:${ready.port}` : ready.path}), ` +
        `workspace ${config.awaitWorkspace && !config.workingDir ? '(awaiting POST /workspace)' : config.workingDir}`,
    );
  } catch (err) {
    process.stderr.write(`server.js: start-up failed: ${(err as Error).message}\n`);
    await stop('start-up failed', 1);
  }
}

void main();
