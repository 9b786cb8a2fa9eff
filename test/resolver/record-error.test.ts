import { describe, expect, it } from 'vitest';
import type { OutputRecord } from '../../src/resolver/types.js';
import { FATAL_RECORD_ERROR_CODES, isFatalRecordError, recordErrorCode } from '../../src/resolver/record-error.js';

describe('record error codes', () => {
  it.each([
    { error_code: 'git', code: 'git', fatal: true },
    { error_code: 'llm-auth', code: 'llm-auth', fatal: true },
    { error_code: 'llm-quota', code: 'llm-quota', fatal: true },
    { error_code: 'config', code: 'config', fatal: true },
    { error_code: 'llm', code: 'llm', fatal: false },
    { error_code: 'llm-context', code: 'llm-context', fatal: false },
    { error_code: 'runtime', code: 'runtime', fatal: false },
    { error_code: 'cancelled', code: 'cancelled', fatal: false },
    { error_code: undefined, code: null, fatal: false },
    { error_code: '', code: null, fatal: false },
    { error_code: 42, code: null, fatal: false },
    { error_code: null, code: null, fatal: false },
  ])('error_code $error_code → code $code, fatal $fatal', ({ error_code, code, fatal }) => {
    // records come back from output.jsonl untyped: anything may sit in the field
    const record = { error_code } as unknown as Pick<OutputRecord, 'error_code'>;
    expect(recordErrorCode(record)).toBe(code);
    expect(isFatalRecordError(record)).toBe(fatal);
  });

  it('the fatal codes are exactly the ones a user must fix a setting for', () => {
    expect([...FATAL_RECORD_ERROR_CODES].sort()).toEqual(['config', 'git', 'llm-auth', 'llm-quota']);
  });
});
