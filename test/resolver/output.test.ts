import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { createRedactor } from '../../src/core/redact.js';
import { appendRecord, findRecord, orderRecord, readRecords, serializeRecord } from '../../src/resolver/output.js';
import { issueRecord, type OutputRecord } from '../../src/resolver/types.js';

function record(n: number, over: Partial<OutputRecord> = {}): OutputRecord {
  return {
    issue: issueRecord({ owner: 'o', repo: 'r', number: n, title: `t${n}` }),
    issue_type: 'issue',
    instruction: 'do it',
    base_commit: 'abc',
    git_patch: null,
    history: [],
    metrics: null,
    success: true,
    comment_success: null,
    result_explanation: 'ok',
    error: null,
    ...over,
  };
}

describe('output.jsonl', () => {
  it('one compact line, keys in contract order, extras after error, issue keys complete and ordered', () => {
    const { error, success, ...rest } = record(1);
    const scrambled = { error, extra_field: 1, success, ...rest } as OutputRecord;
    const line = serializeRecord({
      ...scrambled,
      issue: { number: 1, title: 't', owner: 'o', repo: 'r' } as OutputRecord['issue'],
    });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.split('\n')).toHaveLength(2);
    expect(line).not.toMatch(/": |", "/);
    expect(line).toContain('"success":true');
    const parsed = JSON.parse(line);
    expect(Object.keys(parsed)).toEqual([
      'issue',
      'issue_type',
      'instruction',
      'base_commit',
      'git_patch',
      'history',
      'metrics',
      'success',
      'comment_success',
      'result_explanation',
      'error',
      'extra_field',
    ]);
    expect(Object.keys(parsed.issue)).toEqual([
      'owner',
      'repo',
      'number',
      'title',
      'body',
      'thread_comments',
      'closing_issues',
      'review_comments',
      'review_threads',
      'thread_ids',
      'head_branch',
      'base_branch',
    ]);
    expect(parsed.issue.body).toBe('');
    expect(parsed.issue.thread_comments).toBeNull();
  });

  it('redacts every string on the way out', () => {
    const red = createRedactor(['my-secret-token-value']);
    const line = serializeRecord(
      record(1, { result_explanation: 'leaked my-secret-token-value and ghp_' + 'x'.repeat(36) }),
      red,
    );
    expect(line).not.toContain('my-secret-token-value');
    expect(line).not.toContain('ghp_');
  });

  it('appends, reads back, skips unparsable lines with a warning, and finds by number', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-out-'));
    const file = path.join(dir, 'sub', 'output.jsonl');
    await appendRecord(file, record(1));
    writeFileSync(file, readFileSync(file, 'utf8') + 'not json\n{"no":"issue"}\n');
    await appendRecord(file, record(2, { success: false }));
    const logger = createRecordingLogger();
    const all = readRecords(file, logger);
    expect(all.map((r) => r.issue.number)).toEqual([1, 2]);
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(2);
    expect(findRecord(file, 2).success).toBe(false);
    expect(() => findRecord(file, 3)).toThrow(`Issue number 3 not found in ${file}`);
    expect(readRecords(path.join(dir, 'missing.jsonl'))).toEqual([]);
  });

  it('orderRecord fills missing contract keys with null', () => {
    const partial = { issue: record(1).issue, issue_type: 'issue', success: false } as unknown as OutputRecord;
    const o = orderRecord(partial);
    expect(o.git_patch).toBeNull();
    expect(o.error).toBeNull();
    expect(o.metrics).toBeNull();
  });
});
