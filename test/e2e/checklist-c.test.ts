// security.md §10 group C (repository and git faults), the rows the other e2e files left open: a repository
// with submodules (also a hostile ext:: URL), a Git LFS repository, an empty repository, a renamed default
// branch, and an issue deleted before the job starts. runJob in process (harness.ts), real git over the fake
// GitHub's smart HTTP.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGitHub } from '../../src/testing/fake-github/index.js';
import { startScriptedLlm, toolCall, type LlmStep } from '../../src/testing/scripted-llm.js';
import {
  fixingScript,
  FIXED_HELLO,
  labeledPayload,
  LLM_KEY,
  MAINTAINER,
  OWNER,
  REPO,
  REPO_FILES,
  startWorld,
  type World,
} from './fixtures.js';
import { runJobInProcess } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();

function bareDir(w: World, fullName = `${OWNER}/${REPO}`): string {
  const dir = w.fake.state.repos.find((r) => r.fullName === fullName)?.dir;
  if (!dir) throw new Error(`no repository ${fullName}`);
  return dir;
}

/** Commits on main of the world's repository with plain git (no HTTP: the fake records nothing of it). */
function commitOnMain(w: World, change: (work: string) => void): string {
  const work = mkdtempSync(path.join(os.tmpdir(), 'oh-c-work-'));
  git(work, 'clone', '-q', bareDir(w), '.');
  change(work);
  git(work, 'commit', '-q', '-m', 'test set-up');
  git(work, 'push', '-q', 'origin', 'HEAD:main');
  return git(work, 'rev-parse', 'HEAD');
}

/** A script that shows the model the state of the workspace, then fixes hello.py and finishes. */
function lookThenFix(command: string): LlmStep[] {
  return [toolCall('execute_bash', { command }), ...fixingScript().slice(2)];
}

/** The observation the model got for its first command. */
function firstObservation(w: World): string {
  const msgs = w.llm.requests[1]?.body?.messages ?? [];
  const tool = msgs.find((m) => m.role === 'tool');
  return typeof tool?.content === 'string' ? tool.content : JSON.stringify(tool?.content ?? '');
}

describe('C2: a repository with submodules', () => {
  it('no recursive init, on the host or in the sandbox; the gitlink arrives unchanged; even an ext:: URL runs nothing', async () => {
    const canaryDir = mkdtempSync(path.join(os.tmpdir(), 'oh-c2-'));
    const canary = path.join(canaryDir, 'ext-ran');
    world = await startWorld(lookThenFix('cat .gitmodules; ls -A vendor/lib | wc -l; ls -A vendor/evil | wc -l'));
    // A second repository on the same server: a clone of it would show up in the fake's git log.
    await world.fake.addRepo({ owner: OWNER, repo: 'lib', files: { 'lib.txt': 'library\n' } });
    const libSha = execFileSync('git', ['-C', bareDir(world, `${OWNER}/lib`), 'rev-parse', 'main'], {
      encoding: 'utf8',
    }).trim();
    commitOnMain(world, (work) => {
      writeFileSync(
        path.join(work, '.gitmodules'),
        [
          '[submodule "vendor/lib"]',
          '\tpath = vendor/lib',
          `\turl = ${world?.fake.cloneUrl(OWNER, 'lib')}`,
          '[submodule "vendor/evil"]',
          '\tpath = vendor/evil',
          `\turl = ext::sh -c touch% ${canary}`,
          '',
        ].join('\n'),
      );
      git(work, 'add', '.gitmodules');
      git(work, 'update-index', '--add', '--cacheinfo', `160000,${libSha},vendor/lib`);
      git(work, 'update-index', '--add', '--cacheinfo', `160000,${libSha},vendor/evil`);
    });

    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    expect(run.outcome.conclusion, run.log).toBe('success');
    expect(existsSync(canary)).toBe(false);
    // Only the world's repository was fetched and pushed: the submodule URL was never followed.
    expect(world.fake.git.requests.length).toBeGreaterThan(0);
    for (const r of world.fake.git.requests) expect(r.path).toContain(`/${OWNER}/${REPO}.git/`);
    // The model saw empty submodule folders.
    expect(firstObservation(world)).toMatch(/vendor\/evil[\s\S]*\b0\s+0\b/);
    const branch = run.outcome.branch ?? '';
    const tree = git(bareDir(world), 'ls-tree', '-r', branch);
    expect(tree).toContain(`160000 commit ${libSha}\tvendor/lib`);
    expect(tree).toContain(`160000 commit ${libSha}\tvendor/evil`);
    expect(await world.fake.readFile(OWNER, REPO, branch, 'hello.py')).toBe(FIXED_HELLO);
  });
});

describe('C3: a Git LFS repository', () => {
  it('pointer files stay pointers: no LFS request, no smudge by a host filter driver, the pointer committed as is', async () => {
    const pointer =
      'version https://git-lfs.github.com/spec/v1\n' +
      'oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n' +
      'size 12345\n';
    world = await startWorld(lookThenFix('cat data.bin; cat .gitattributes'));
    commitOnMain(world, (work) => {
      writeFileSync(path.join(work, '.gitattributes'), '*.bin filter=lfs diff=lfs merge=lfs -text\n');
      writeFileSync(path.join(work, 'data.bin'), pointer);
      git(work, 'add', '.gitattributes', 'data.bin');
    });
    // The runner's global git config, as `git lfs install` writes it, with a stand-in for git-lfs that behaves
    // like it: it leaves the pointer alone only when GIT_LFS_SKIP_SMUDGE=1, else it "downloads" the object.
    const home = mkdtempSync(path.join(os.tmpdir(), 'oh-c3-home-'));
    const smudged = path.join(home, 'smudge-ran');
    const driver = path.join(home, 'fake-git-lfs');
    const calls = path.join(home, 'driver-calls');
    writeFileSync(
      driver,
      `#!/bin/sh\necho "$1" >> '${calls}'\nif [ "$1" = smudge ] && [ "$GIT_LFS_SKIP_SMUDGE" != 1 ]; then touch '${smudged}'; echo SMUDGED-CONTENT; exit 0; fi\ncat\n`,
      { mode: 0o755 },
    );
    writeFileSync(
      path.join(home, '.gitconfig'),
      `[filter "lfs"]\n\tsmudge = ${driver} smudge %f\n\tclean = ${driver} clean %f\n\trequired = true\n`,
    );

    const run = await runJobInProcess(world, {
      eventName: 'issues',
      payload: labeledPayload(world),
      env: { HOME: home },
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    expect(existsSync(smudged)).toBe(false);
    // The host's driver did run at checkout (so the set-up is live): it was told to skip the download.
    expect(readFileSync(calls, 'utf8')).toContain('smudge');
    expect(firstObservation(world)).toContain('oid sha256:4d7a2146');
    expect(firstObservation(world)).not.toContain('SMUDGED-CONTENT');
    for (const r of [...world.fake.requests.map((x) => x.path), ...world.fake.git.requests.map((x) => x.path)]) {
      expect(r).not.toMatch(/info\/lfs|objects\/batch/);
    }
    const branch = run.outcome.branch ?? '';
    expect(await world.fake.readFile(OWNER, REPO, branch, 'data.bin')).toBe(pointer);
    expect(run.outcome.record?.git_patch ?? '').not.toContain('data.bin');
  });
});

describe('C4: repositories the run cannot work on', () => {
  it('an empty repository: a failure before any model call, nothing pushed', async () => {
    world = await startWorld();
    git(bareDir(world), 'update-ref', '-d', 'refs/heads/main');
    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    expect(run.outcome.conclusion, run.log).toBe('error');
    // Open (docs/reliability.md, C4): the message names the missing branch but then blames the token or the URL.
    expect(run.outcome.reason ?? '', run.log).toMatch(/Failed to check out commit refs\/remotes\/origin\/main/);
    expect(world.llm.requests).toEqual([]);
    expect(world.fake.git.pushes).toEqual([]);
    expect(world.fake.state.pulls).toEqual([]);
  });

  it('a renamed default branch: the run works from it and the PR targets it', async () => {
    const fake = await startFakeGitHub();
    await fake.addRepo({ owner: OWNER, repo: REPO, files: REPO_FILES, defaultBranch: 'trunk' });
    fake.addUser(MAINTAINER);
    fake.setPermission(OWNER, REPO, MAINTAINER, 'write');
    const issue = fake.addIssue({
      owner: OWNER,
      repo: REPO,
      title: 'greet() should greet by name',
      body: 'x',
      author: 'someone',
    });
    const llm = await startScriptedLlm(fixingScript(), { apiKey: LLM_KEY });
    world = {
      fake,
      llm,
      issueNumber: issue.number,
      close: async () => {
        await llm.close();
        await fake.close();
      },
    };
    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    expect(run.outcome.conclusion, run.log).toBe('success');
    const pr = fake.state.pulls.find((p) => p.headRef === run.outcome.branch);
    expect(pr?.baseRef).toBe('trunk');
    expect(await fake.branches(OWNER, REPO)).not.toContainEqual(expect.objectContaining({ name: 'main' }));
  });
});

describe('C9: the item is gone before the job starts', () => {
  it('an issue deleted (410) after the trigger: no model call, no clone, no PR, a clear reason', async () => {
    world = await startWorld();
    const payload = labeledPayload(world);
    world.fake.deleteIssue(OWNER, REPO, world.issueNumber);
    const run = await runJobInProcess(world, { eventName: 'issues', payload });
    // Open (docs/reliability.md, C9): the end is an error (a failed step), not a neutral one.
    expect(run.outcome.conclusion, run.log).toBe('error');
    expect(run.outcome.reason).toMatch(/No issues found for issue number 1/);
    expect(world.llm.requests).toEqual([]);
    expect(world.fake.git.requests).toEqual([]);
    expect(world.fake.state.pulls).toEqual([]);
  });
});
