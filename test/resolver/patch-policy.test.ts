import { describe, expect, it } from 'vitest';
import { applyPatchPolicy, describeDrops, splitPatch, unquoteGitPath } from '../../src/resolver/patch-policy.js';

const fileDiff = (p: string, body = '@@ -0,0 +1 @@\n+x') =>
  `diff --git a/${p} b/${p}\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/${p}\n${body}`;
const ok = fileDiff('src/ok.py');

describe('applyPatchPolicy', () => {
  it.each([
    ['workflow', fileDiff('.github/workflows/ci.yml'), /workflow changes are not allowed/],
    ['.git/ hook', fileDiff('.git/hooks/pre-commit'), /under \.git\//],
    ['nested .git', fileDiff('vendor/lib/.git/config'), /under \.git\//],
    ['parent escape', fileDiff('../outside.txt'), /escapes the repository/],
    [
      'absolute',
      'diff --git a//etc/passwd b//etc/passwd\n--- a//etc/passwd\n+++ b//etc/passwd\n@@ -1 +1 @@\n-a\n+b',
      /absolute path|escapes|\.git/,
    ],
    [
      'gitlink',
      'diff --git a/sub b/sub\nnew file mode 160000\nindex 0000000..abc\n--- /dev/null\n+++ b/sub\n@@ -0,0 +1 @@\n+Subproject commit abc',
      /submodule/,
    ],
    [
      'escaping symlink',
      'diff --git a/link b/link\nnew file mode 120000\nindex 0000000..abc\n--- /dev/null\n+++ b/link\n@@ -0,0 +1 @@\n+../../etc/passwd\n\\ No newline at end of file',
      /symlink pointing outside/,
    ],
    [
      'absolute symlink',
      'diff --git a/link b/link\nnew file mode 120000\n--- /dev/null\n+++ b/link\n@@ -0,0 +1 @@\n+/etc/passwd',
      /symlink to an absolute path/,
    ],
    [
      'rename into .git',
      'diff --git a/a.txt b/.git/x\nsimilarity index 100%\nrename from a.txt\nrename to .git/x',
      /\.git/,
    ],
  ])('drops %s and keeps the rest', (_n, bad, reason) => {
    const r = applyPatchPolicy(`${ok}\n${bad}`);
    expect(r.dropped).toHaveLength(1);
    expect(r.dropped[0]?.reason).toMatch(reason);
    expect(r.patch).toBe(ok);
    expect(describeDrops(r)).toContain('Changes dropped from the patch by policy:');
  });

  it('keeps workflow changes when allowed; an inside symlink is fine', () => {
    const wf = fileDiff('.github/workflows/ci.yml');
    const link =
      'diff --git a/docs/l b/docs/l\nnew file mode 120000\n--- /dev/null\n+++ b/docs/l\n@@ -0,0 +1 @@\n+../README.md';
    const patch = `${wf}\n${link}`;
    const r = applyPatchPolicy(patch, { allowWorkflowChanges: true });
    expect(r.dropped).toEqual([]);
    expect(r.patch).toBe(patch);
  });

  it('flags .gitmodules edits without dropping them', () => {
    const r = applyPatchPolicy(fileDiff('.gitmodules'));
    expect(r.dropped).toEqual([]);
    expect(r.flagged[0]?.path).toBe('.gitmodules');
  });

  it('over the size limit, the largest binaries are dropped first', () => {
    const bin = (p: string, n: number) =>
      `diff --git a/${p} b/${p}\nnew file mode 100644\nindex 0000000..1111111\nGIT binary patch\nliteral ${n}\n${'z'.repeat(n)}\n\nliteral 0\nHcmV?d00001\n`;
    const patch = [ok, bin('big.bin', 600), bin('small.bin', 200)].join('\n');
    const r = applyPatchPolicy(patch, { maxPatchBytes: 1000 });
    expect(r.dropped.map((d) => d.path)).toEqual(['big.bin']);
    expect(r.patch).toContain('small.bin');
    expect(r.patch).toContain('src/ok.py');
  });

  it('a single file over the per-file cap is rejected', () => {
    const r = applyPatchPolicy(`diff --git a/huge b/huge\nGIT binary patch\nliteral 999999999\nabc`, {
      maxFileBytes: 1000,
    });
    expect(r.dropped[0]?.reason).toMatch(/file over/);
    expect(r.patch).toBeNull();
  });

  it('null and empty patches pass through; nothing dropped leaves the patch byte-identical', () => {
    expect(applyPatchPolicy(null).patch).toBeNull();
    expect(applyPatchPolicy('').patch).toBe('');
    const p = `${ok}\n${fileDiff('a b.txt')}\n`;
    expect(applyPatchPolicy(p).patch).toBe(p);
  });

  it('splits at diff headers and unquotes C-quoted paths', () => {
    expect(splitPatch(`junk\n${ok}\n${ok}`)).toHaveLength(2);
    expect(unquoteGitPath('"a/t\\303\\251st\\ttab"')).toBe('a/tést\ttab');
    const quoted =
      'diff --git "a/.git/hooks/x\\303\\251" "b/.git/hooks/x\\303\\251"\nnew file mode 100755\n--- /dev/null\n+++ "b/.git/hooks/x\\303\\251"\n@@ -0,0 +1 @@\n+x';
    expect(applyPatchPolicy(quoted).dropped[0]?.path).toBe('.git/hooks/xé');
  });
});
