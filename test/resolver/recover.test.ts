import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { createGit } from '../../src/git/git.js';
import { outputPaths, readRecords, writeCheckpoint } from '../../src/resolver/output.js';
import { recoverInflight } from '../../src/resolver/recover.js';
import { issueRecord } from '../../src/resolver/types.js';
import { git } from '../../src/testing/git.js';

describe('recoverInflight (post step, security.md §9)', () => {
  it('turns a checkpoint into a record with the host-side patch, once', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'oh-recover-'));
    const p = outputPaths(out, 'issue', 5);
    await git(['init', '-q', '-b', 'main', p.repoDir]);
    writeFileSync(path.join(p.repoDir, 'a.txt'), 'a\n');
    await git(['add', '.'], { cwd: p.repoDir });
    await git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'init'], { cwd: p.repoDir });
    const base = (await git(['rev-parse', 'HEAD'], { cwd: p.repoDir })).trim();
    cpSync(p.repoDir, p.workspaceDir, { recursive: true });
    writeFileSync(path.join(p.workspaceDir, 'a.txt'), 'a\nchanged by the agent\n');
    writeFileSync(path.join(p.workspaceDir, 'new.txt'), 'new\n');
    const issue = issueRecord({ owner: 'o', repo: 'r', number: 5, title: 't' });
    await writeCheckpoint(p.inflightFile, {
      issue,
      issue_type: 'issue',
      instruction: 'fix',
      base_commit: base,
      history: [],
      metrics: null,
      iteration: 3,
    });

    const logger = createRecordingLogger();
    const g = createGit({ serverUrl: 'http://127.0.0.1:9', authDir: path.join(out, 'auth'), logger });
    const written = await recoverInflight({ outputDir: out, reason: 'timeout', logger, git: g });
    expect(written).toHaveLength(1);
    const recs = readRecords(p.outputFile);
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ success: false, error: 'timeout', instruction: 'fix', base_commit: base });
    expect(recs[0]?.git_patch).toContain('+changed by the agent');
    expect(recs[0]?.git_patch).toContain('diff --git a/new.txt b/new.txt');
    expect(existsSync(p.inflightFile)).toBe(false);
    expect(existsSync(p.patchFile)).toBe(true);
    // the pristine repo/ was not touched: no index change, no new objects needed there
    expect((await git(['status', '--porcelain'], { cwd: p.repoDir })).trim()).toBe('');

    expect(await recoverInflight({ outputDir: out, reason: 'timeout', logger, git: g })).toHaveLength(0);
    expect(readRecords(p.outputFile)).toHaveLength(1);
  });

  it('no checkpoint folder → nothing to do', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'oh-recover-empty-'));
    expect(await recoverInflight({ outputDir: out, reason: 'x', logger: createRecordingLogger() })).toEqual([]);
  });
});
