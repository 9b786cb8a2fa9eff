// The logging seam. The action wires it to @actions/core, the CLI to stderr, tests to a recorder.
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export function createConsoleLogger(
  opts: { verbose?: boolean; stream?: NodeJS.WritableStream; redact?: (text: string) => string } = {},
): Logger {
  const out = opts.stream ?? process.stderr;
  const redact = opts.redact ?? ((t: string) => t);
  const write = (prefix: string, message: string) => out.write(`${prefix}${redact(message)}\n`);
  return {
    debug: (m) => {
      if (opts.verbose) write('[debug] ', m);
    },
    info: (m) => write('', m),
    warn: (m) => write('warning: ', m),
    error: (m) => write('error: ', m),
    group: async (name, fn) => {
      write('== ', name);
      return fn();
    },
  };
}

export interface RecordingLogger extends Logger {
  readonly lines: { level: 'debug' | 'info' | 'warn' | 'error'; message: string }[];
}

export function createRecordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  return {
    lines,
    debug: (message) => lines.push({ level: 'debug', message }),
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
    group: (_name, fn) => fn(),
  };
}
