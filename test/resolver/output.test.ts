import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { createRedactor } from '../../src/core/redact.js';
import {
  FLAGGED_NOTE,
  SECRET_IN_PATCH,
  appendRecord,
  findRecord,
  flagPatch,
  orderRecord,
  readRecords,
  redactRecord,
  serializeRecord,
  updateRecord,
  writePatchFile,
} from '../../src/resolver/output.js';
import { markStopped } from '../../src/resolver/record-error.js';
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

  it('updateRecord rewrites only the record of that issue, in place, and says when there is none', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-out-'));
    const file = path.join(dir, 'output.jsonl');
    await appendRecord(file, record(1));
    await appendRecord(file, record(2));
    const stop = { error: 'cancelled', code: 'cancelled' as const, message: 'cancelled by SIGTERM' };
    const ref = { owner: 'o', repo: 'r', number: 2 };
    const written = await updateRecord(file, ref, (r) => markStopped(r, stop, 'send'));
    expect(written).toMatchObject({ error: 'cancelled', error_code: 'cancelled', stopped_in: 'send' });
    expect(written?.result_explanation).toBe('The run stopped while pushing the changes (cancelled by SIGTERM).\n\nok');
    const all = readRecords(file);
    expect(all.map((r) => [r.issue.number, r.error])).toEqual([
      [1, null],
      [2, 'cancelled'],
    ]);
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
    // Marking again changes nothing; another issue and a missing file have no record.
    await updateRecord(file, ref, (r) => markStopped(r, stop, 'final'));
    expect(readRecords(file)[1]).toEqual(all[1]);
    expect(await updateRecord(file, { ...ref, number: 3 }, (r) => r)).toBeNull();
    expect(await updateRecord(path.join(dir, 'none.jsonl'), ref, (r) => r)).toBeNull();
  });

  it('markStopped keeps an earlier error as error_detail', () => {
    const stop = { error: 'crashed: boom', code: 'internal' as const, message: 'crashed: boom' };
    const r = markStopped(record(1, { error: 'Agent failed', result_explanation: '' }), stop, 'agent');
    expect(r).toMatchObject({ error: 'crashed: boom', error_code: 'internal', error_detail: 'Agent failed' });
    expect(r.result_explanation).toBe('The run stopped while the agent was at work (crashed: boom).');
  });

  it('orderRecord fills missing contract keys with null', () => {
    const partial = { issue: record(1).issue, issue_type: 'issue', success: false } as unknown as OutputRecord;
    const o = orderRecord(partial);
    expect(o.git_patch).toBeNull();
    expect(o.error).toBeNull();
    expect(o.metrics).toBeNull();
  });
});

describe('the patch is code: only registered secrets are replaced in it', () => {
  const SHAPED = [
    ['ghp_' + 'A1b2'.repeat(9), 'a GitHub token (gh?_…)'],
    ['github_pat_' + 'x'.repeat(30), 'a GitHub fine-grained token (github_pat_…)'],
    ['sk-' + 'k'.repeat(24), 'an API key (sk-…)'],
    ['AKIA' + 'ABCDEFGHIJKLMNOP', 'an AWS access key id (AKIA…)'],
    ['xoxb-' + '1234567890-abc', 'a Slack token (xox?-…)'],
    ['-----BEGIN RSA PRIVATE KEY-----', 'a private key block'],
  ] as const;
  const patchWith = (lines: string[]) =>
    [
      'diff --git a/src/t.ts b/src/t.ts',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/src/t.ts',
      `@@ -0,0 +1,${lines.length + 1} @@`,
      '+// fixtures',
      ...lines.map((l) => `+${l}`),
    ].join('\n');

  it.each(SHAPED)('%s is kept byte for byte and flagged', async (shape, kind) => {
    const patch = patchWith([`const t = "${shape}";`]);
    const red = createRedactor(['the-real-token-value-123']);
    const out = redactRecord(record(1, { git_patch: patch, result_explanation: `Added ${shape}.` }), red);
    expect(out.git_patch).toBe(patch);
    expect(out.flagged).toEqual([{ path: 'src/t.ts', line: 2, kind }]);
    // Everything else is still redacted, the explanation names the flag.
    expect(out.result_explanation).not.toContain(shape);
    expect(out.result_explanation).toContain(FLAGGED_NOTE);
    // Round trip through output.jsonl and the patch file: still byte-identical.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-flag-'));
    await appendRecord(path.join(dir, 'output.jsonl'), record(1, { git_patch: patch }), red);
    expect(findRecord(path.join(dir, 'output.jsonl'), 1).git_patch).toBe(patch);
    await writePatchFile(path.join(dir, 'p.patch'), patch, red);
    expect(readFileSync(path.join(dir, 'p.patch'), 'utf8')).toBe(`${patch}\n`);
    // Idempotent.
    expect(redactRecord(out, red)).toEqual(out);
  });

  it('a registered secret (or an encoding of it) in the patch drops the patch, loudly', async () => {
    const secret = 'ghs_realRegisteredSecret0123456789abcdef';
    const red = createRedactor([secret]);
    for (const form of [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(`${secret}/`)]) {
      const patch = patchWith([`const t = "${form}";`]);
      const out = redactRecord(record(1, { git_patch: patch, success: true }), red);
      expect(out.git_patch).toBeNull();
      expect(out.success).toBe(false);
      expect(out.error).toBe(SECRET_IN_PATCH);
      expect(out.error_code).toBe('patch');
      expect(JSON.stringify(out)).not.toContain(secret);
      const line = serializeRecord(record(1, { git_patch: patch, success: true }), red);
      expect(line).not.toContain(secret);
      expect(JSON.parse(line).git_patch).toBeNull();
      const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-secret-'));
      await writePatchFile(path.join(dir, 'p.patch'), patch, red);
      expect(readFileSync(path.join(dir, 'p.patch'), 'utf8')).not.toContain(secret);
    }
  });

  it('flags only added lines, with their line numbers, across files and hunks', () => {
    const patch = [
      'diff --git a/a.ts b/a.ts',
      '--- a/a.ts',
      '+++ b/a.ts',
      '@@ -10,3 +10,3 @@',
      ' keep',
      `-old ${'sk-' + 'o'.repeat(24)}`,
      `+new ${'sk-' + 'n'.repeat(24)}`,
      ' keep',
      'diff --git a/b.ts b/b.ts',
      '--- a/b.ts',
      '+++ b/b.ts',
      '@@ -1 +1,2 @@',
      ` ctx ${'AKIA' + 'Q'.repeat(16)}`,
      `+++${'AKIA' + 'Z'.repeat(16)}`,
    ].join('\n');
    expect(flagPatch(patch)).toEqual([
      { path: 'a.ts', line: 11, kind: 'an API key (sk-…)' },
      { path: 'b.ts', line: 2, kind: 'an AWS access key id (AKIA…)' },
    ]);
  });
});
