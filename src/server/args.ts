// Command-line and environment configuration of the server (pure: main.ts passes argv and env).
import path from 'node:path';
import { normalizeUploadPolicy, type UploadPolicy } from './uploads.js';

export type ListenSpec = { transport: 'tcp'; host: string; port: number } | { transport: 'unix'; path: string };

export interface ServerConfig {
  listen: ListenSpec;
  /** Null with --await-workspace and no --working-dir. */
  workingDir: string | null;
  awaitWorkspace: boolean;
  plugins: string[];
  noChangeTimeoutSec: number;
  initPluginTimeoutSec: number;
  sessionDir: string | null;
  username: string | null;
  apiKey: string | null;
  userFacing: boolean;
  uploadPolicy: UploadPolicy;
  warnings: string[];
}

export class ArgsError extends Error {}

export const USAGE = `usage: node server.js --listen tcp:127.0.0.1:0|tcp:HOST:PORT|unix:/abs/path.sock
                      (--working-dir /abs/dir | --await-workspace)
                      [--plugins name,name] [--no-change-timeout SECONDS] [--session-dir DIR]
                      [--user-facing] [--file-uploads-max-file-size-mb N]
                      [--file-uploads-restrict-file-types] [--file-uploads-allowed-extensions .txt,.md]`;

export function parseListen(spec: string): ListenSpec {
  if (/^\d+$/.test(spec)) return { transport: 'tcp', host: '127.0.0.1', port: Number(spec) };
  if (spec.startsWith('unix:')) {
    const p = spec.slice('unix:'.length);
    if (!path.isAbsolute(p)) throw new ArgsError(`--listen unix: needs an absolute socket path, got "${p}"`);
    return { transport: 'unix', path: p };
  }
  const m = /^tcp:(.+):(\d+)$/.exec(spec);
  if (m?.[1] && m[2] !== undefined) {
    const port = Number(m[2]);
    if (port > 65535) throw new ArgsError(`--listen: port ${port} is out of range`);
    return { transport: 'tcp', host: m[1].replace(/^\[(.*)\]$/, '$1'), port };
  }
  throw new ArgsError(`--listen must be tcp:HOST:PORT or unix:/abs/path.sock, got "${spec}"`);
}

function positiveNumber(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new ArgsError(`${name} must be a positive number of seconds, got "${raw}"`);
  return n;
}

export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ServerConfig {
  let listen: ListenSpec | undefined;
  let workingDir: string | null = null;
  let awaitWorkspace = false;
  const plugins: string[] = [];
  let noChange: number | undefined;
  let sessionDir: string | null = null;
  let username: string | null = null;
  let userFacing = false;
  let maxFileSizeMb: string | undefined;
  let restrictFileTypes = false;
  let allowedExtensions: string[] | undefined;

  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new ArgsError(`${flag} needs a value`);
      i += 1;
      return v;
    };
    switch (flag) {
      case '--listen':
        listen = parseListen(value());
        break;
      case '--working-dir': {
        const d = value();
        if (!path.isAbsolute(d)) throw new ArgsError(`--working-dir must be an absolute path, got "${d}"`);
        workingDir = d;
        break;
      }
      case '--await-workspace':
        awaitWorkspace = true;
        break;
      case '--plugins':
        plugins.push(
          ...value()
            .split(/[,\s]+/)
            .filter(Boolean),
        );
        break;
      case '--no-change-timeout':
        noChange = positiveNumber('--no-change-timeout', value());
        break;
      case '--session-dir': {
        const d = value();
        if (!path.isAbsolute(d)) throw new ArgsError(`--session-dir must be an absolute path, got "${d}"`);
        sessionDir = d;
        break;
      }
      case '--username':
        username = value();
        break;
      case '--user-id':
        value(); // the reference's flag; the server runs as the user that started it
        break;
      case '--no-enable-browser':
        break;
      case '--user-facing':
        userFacing = true;
        break;
      case '--file-uploads-max-file-size-mb':
        maxFileSizeMb = value();
        break;
      case '--file-uploads-restrict-file-types':
        restrictFileTypes = true;
        break;
      case '--file-uploads-allowed-extensions':
        allowedExtensions = value().split(',').filter(Boolean);
        break;
      default:
        if (/^\d+$/.test(arg) && !listen) {
          listen = parseListen(arg); // the reference's positional port
          break;
        }
        throw new ArgsError(`unknown argument "${arg}"\n${USAGE}`);
    }
  }
  if (!listen) throw new ArgsError(`--listen is required\n${USAGE}`);
  if (!workingDir && !awaitWorkspace) throw new ArgsError(`--working-dir (or --await-workspace) is required\n${USAGE}`);

  const envNoChange = env.NO_CHANGE_TIMEOUT_SECONDS;
  const noChangeTimeoutSec = noChange ?? (envNoChange ? positiveNumber('NO_CHANGE_TIMEOUT_SECONDS', envNoChange) : 10);
  const envInit = env.INIT_PLUGIN_TIMEOUT;
  const initPluginTimeoutSec = envInit ? positiveNumber('INIT_PLUGIN_TIMEOUT', envInit) : 120;
  const { policy, warnings } = normalizeUploadPolicy({ maxFileSizeMb, restrictFileTypes, allowedExtensions });

  return {
    listen,
    workingDir,
    awaitWorkspace,
    plugins,
    noChangeTimeoutSec,
    initPluginTimeoutSec,
    sessionDir,
    username: username ?? env.RUNTIME_USERNAME ?? null,
    apiKey: env.SESSION_API_KEY || null,
    userFacing,
    uploadPolicy: policy,
    warnings,
  };
}
