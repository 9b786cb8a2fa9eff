// Issue 8 items 1 and 2, end to end through runJob (DESIGN.md §8.20): the agent controls the patch text fully
// (here through `diff.external` in the workspace's own git config, whose output `git diff` in the sandbox prints),
// and the host never writes it through a work tree, never runs a filter on it, and pushes only the judged tree.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { text, toolCall, type LlmStep } from '../../src/testing/scripted-llm.js';
import { FIXED_HELLO, labeledPayload, OWNER, REPO, startWorld, type World } from './fixtures.js';
import { runJobInProcess } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const BRANCH = 'openhands-fix-issue-1';

/** Agent steps that make `git diff` in the sandbox print `patch`, then finish; judged successful. */
function forgedPatchScript(patch: string): LlmStep[] {
  const b64 = Buffer.from(patch).toString('base64');
  const shim = '#!/bin/sh\ncat "$(dirname "$0")/patch"\n';
  return [
    toolCall('execute_bash', {
      command:
        `mkdir -p .git/evil && printf '%s' '${b64}' | base64 -d > .git/evil/patch && ` +
        `printf '%s' '${Buffer.from(shim).toString('base64')}' | base64 -d > .git/evil/ext && chmod +x .git/evil/ext && ` +
        'git config diff.external "$PWD/.git/evil/ext" && echo "# touched" >> README.md && git diff --cached HEAD | head -3',
    }),
    toolCall('finish', { message: 'Done.' }),
    text('--- success\ntrue\n\n--- explanation\ngreet() now uses the name it is given.'),
  ];
}

const newFile = (p: string, lines: string[]) =>
  [
    `diff --git a/${p} b/${p}`,
    'new file mode 100644',
    '--- /dev/null',
    `+++ b/${p}`,
    `@@ -0,0 +1,${lines.length} @@`,
    ...lines.map((l) => `+${l}`),
  ].join('\n');
const newLink = (p: string, target: string) =>
  [
    `diff --git a/${p} b/${p}`,
    'new file mode 120000',
    '--- /dev/null',
    `+++ b/${p}`,
    '@@ -0,0 +1 @@',
    `+${target}`,
    '\\ No newline at end of file',
  ].join('\n');
const HELLO_FIX = [
  'diff --git a/hello.py b/hello.py',
  '--- a/hello.py',
  '+++ b/hello.py',
  '@@ -1,2 +1,2 @@',
  ' def greet(name):',
  '-    return "Hello, world!"',
  '+    return f"Hello, {name}!"',
].join('\n');

describe('forged patches end to end', () => {
  it('links written through in the same patch plus a .gitattributes filter: no file written, no filter run', async () => {
    const marker = path.join(os.tmpdir(), `oh-filter-ran-${process.pid}-${Date.now()}`);
    const filter = `sh -c 'touch ${marker}; cat'`;
    // The shapes of the reported attack: a link target line starting with `++` (the old policy skipped it),
    // chained relative links, then files written through them into the send clone's .git/config.
    const patch = [
      HELLO_FIX,
      newFile('++/keep', ['x']),
      newLink('c', '++/../.git'),
      newLink('s/x', '..'),
      newLink('s/y', 'x/..'),
      newFile('c/config', ['[filter "pwn"]', `\tclean = ${filter}`, `\tsmudge = ${filter}`]),
      newFile('s/y/patches/issue_1/.git/config', ['[filter "pwn"]', `\tclean = ${filter}`]),
      newFile('.gitattributes', ['* filter=pwn']),
      '',
    ].join('\n');
    world = await startWorld(forgedPatchScript(patch));
    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    const repoConfig = path.join(run.config.outputDir, 'repo', '.git', 'config');
    expect(readFileSync(repoConfig, 'utf8')).not.toContain('pwn');
    expect(existsSync(marker), run.log).toBe(false);
    expect(existsSync(path.join(run.config.outputDir, 'patches', 'issue_1', '.git'))).toBe(false);
    // Whatever was pushed holds no link and no config.
    const pushed = world.fake.git.pushes.filter((p) => p.ref === `refs/heads/${BRANCH}`);
    if (pushed.length > 0) {
      const files = await world.fake.listFiles(OWNER, REPO, BRANCH);
      expect(files.filter((f) => /(^|\/)(c|s\/x|s\/y)(\/|$)|config$/.test(f))).toEqual([]);
    }
    expect(run.outcome.record?.git_patch ?? '').not.toMatch(/^\+\+\+ b\/c\/config/m);
    // The build refused the patch as a whole (a file below a link of the same patch): nothing to push.
    expect(run.outcome.record?.git_patch).toBeNull();
    expect(run.outcome.record?.result_explanation).toMatch(
      /The patch does not apply: c is both a file and a directory/,
    );
  });

  it('workflow changes before the first header, via ./, // and another case: the PR holds the fix only, and says so', async () => {
    const wf = (p: string) => newFile(p, ['on: push', 'jobs: {}']);
    const patch = [
      '--- a/README.md',
      '+++ b/.github/workflows/pre.yml',
      '@@ -0,0 +1 @@',
      '+on: push',
      HELLO_FIX,
      wf('./.github/workflows/dot.yml'),
      wf('.github//workflows/slash.yml'),
      wf('.GitHub/Workflows/case.yml'),
      newFile('.GIT/config', ['[core]']),
      '',
    ].join('\n');
    world = await startWorld(forgedPatchScript(patch));
    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    expect(run.outcome.conclusion, run.log).toBe('success');
    const files = await world.fake.listFiles(OWNER, REPO, BRANCH);
    expect(files.filter((f) => /workflows|\.git\//i.test(f))).toEqual([]);
    expect(await world.fake.readFile(OWNER, REPO, BRANCH, 'hello.py')).toBe(FIXED_HELLO);
    const record = run.outcome.record;
    // The record holds only what was judged: the canonical diff of the kept tree.
    expect(record?.git_patch).toBe(
      [
        'diff --git a/hello.py b/hello.py',
        `index ${blobSha('def greet(name):\n    return "Hello, world!"\n')}..${blobSha(FIXED_HELLO)} 100644`,
        '--- a/hello.py',
        '+++ b/hello.py',
        '@@ -1,2 +1,2 @@',
        ' def greet(name):',
        '-    return "Hello, world!"',
        '+    return f"Hello, {name}!"',
      ].join('\n'),
    );
    const body = world.fake.state.pulls[0]?.body ?? '';
    expect(body).toMatch(/text before the first diff --git header/);
    expect(body).toMatch(/\.GitHub\/Workflows\/case\.yml/);
    expect(record?.result_explanation).toMatch(/Changes dropped from the patch by policy/);
  });
});

function blobSha(content: string): string {
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(content)}\0`)
    .update(content)
    .digest('hex');
}
