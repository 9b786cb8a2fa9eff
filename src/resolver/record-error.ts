// What a record's `error_code` means to the callers (CLI exit status, the Action's conclusion).
import type { ErrorCode } from '../core/errors.js';
import type { OutputRecord } from './types.js';

/**
 * Codes of runs that could not do their work at all, whatever the issue: the repository could not be cloned
 * or checked out (`git`), or the model could not be used (`llm-auth` a rejected key, `llm-quota` an exhausted
 * quota or spend limit, `config` invalid model settings). Someone has to change a setting before a new run can
 * help, so these are errors of the run, not an unresolved issue.
 */
export const FATAL_RECORD_ERROR_CODES: readonly ErrorCode[] = ['git', 'llm-auth', 'llm-quota', 'config'];

/** The record's error code, or null when it has none (no error, or a record written before the field existed). */
export function recordErrorCode(record: Pick<OutputRecord, 'error_code'>): ErrorCode | null {
  // Read back from output.jsonl the field may hold anything: only a non-empty string counts.
  const code: unknown = record.error_code;
  return typeof code === 'string' && code !== '' ? (code as ErrorCode) : null;
}

/** True when the record's error_code is one of FATAL_RECORD_ERROR_CODES. */
export function isFatalRecordError(record: Pick<OutputRecord, 'error_code'>): boolean {
  const code = recordErrorCode(record);
  return code !== null && FATAL_RECORD_ERROR_CODES.includes(code);
}
