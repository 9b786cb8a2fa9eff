// The launch and wire protocol of dist/server.js, shared with its clients (src/runtime/). No imports, so
// any layer can use it.
//
// Launch: node server.js --listen tcp:127.0.0.1:0|tcp:127.0.0.1:PORT|unix:/abs/path.sock
//                        (--working-dir /abs/dir | --await-workspace) [--plugins a,b] [--no-change-timeout S]
//                        [--session-dir DIR]
// The server prints exactly one ReadyLine as JSON on stdout once it answers, then nothing more on stdout.
// It exits when its stdin closes and on SIGTERM/SIGINT, killing every process its shell started.

export type ReadyLine =
  | { ready: true; transport: 'tcp'; host: string; port: number }
  | { ready: true; transport: 'unix'; path: string };

/** Parses the first stdout line of the server; undefined when it is not a ready line. */
export function parseReadyLine(line: string): ReadyLine | undefined {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (d.ready !== true) return undefined;
  if (d.transport === 'tcp' && typeof d.host === 'string' && typeof d.port === 'number') {
    return { ready: true, transport: 'tcp', host: d.host, port: d.port };
  }
  if (d.transport === 'unix' && typeof d.path === 'string') return { ready: true, transport: 'unix', path: d.path };
  return undefined;
}

/** Error bodies: `{"detail": "..."}`; validation errors add `errors`. */
export interface ErrorBody {
  detail: string;
  errors?: string;
}
