// What a record's `error_code` means to the callers (CLI exit status, the Action's conclusion).
import type { StopInfo } from '../core/cancel.js';
import type { ErrorCode } from '../core/errors.js';
import { PHASE_WHILE, type OutputRecord, type RunPhase } from './types.js';

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

/**
 * The record of a run a stop ended (core/cancel.ts): `error` and `error_code` say which stop, `stopped_in` the
 * phase it came in, and an earlier error of the record moves to `error_detail`. Idempotent.
 */
export function markStopped(record: OutputRecord, stop: StopInfo, phase: RunPhase): OutputRecord {
  const earlier = record.error && record.error !== stop.error ? record.error : null;
  // The first stop's phase stays (a record marked once is not moved to a later phase).
  const where = record.stopped_in !== undefined && record.stopped_in in PHASE_WHILE ? record.stopped_in : phase;
  const sentence = `The run stopped while ${PHASE_WHILE[where]} (${stop.message}).`;
  const text = record.result_explanation ?? '';
  // A PR record's explanation is a JSON list aligned with its threads: left as it is.
  const explanation =
    record.issue_type === 'pr' || text.includes(sentence) ? text : text.trim() ? `${sentence}\n\n${text}` : sentence;
  return {
    ...record,
    result_explanation: explanation,
    error: stop.error,
    error_code: stop.code,
    stopped_in: where,
    ...(earlier && record.error_detail === undefined ? { error_detail: earlier } : {}),
  };
}

/** True when the record says a stop (signal or crash) ended its run. */
export function isStoppedRecord(record: Pick<OutputRecord, 'stopped_in' | 'error_code'>): boolean {
  return typeof record.stopped_in === 'string' || record.error_code === 'cancelled';
}
