// The action's Logger over @actions/core. Every line is redacted; a line that could be read as a
// workflow command (`::name::`) is fenced with a per-run stop-commands token (security.md §3, B6).
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../core/log.js';
import type { Redactor } from '../core/redact.js';

export function createActionLogger(
  redactor: Redactor,
  write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
): Logger {
  const stopToken = `oh-${randomUUID()}`;
  const fenced = (emit: (m: string) => void) => (message: string) => {
    const text = redactor.redact(message);
    if (!text.includes('::')) return emit(text);
    write(`::stop-commands::${stopToken}`);
    emit(text);
    write(`::${stopToken}::`);
  };
  return {
    // core escapes newlines inside ::debug/::warning/::error data, so only plain lines need the fence.
    debug: (m) => core.debug(redactor.redact(m)),
    info: fenced((m) => core.info(m)),
    warn: (m) => core.warning(redactor.redact(m)),
    error: (m) => core.error(redactor.redact(m)),
    group: (name, fn) => core.group(redactor.redact(name), fn),
  };
}
