// security.md §10 group B (malformed or hostile input), the rows the other e2e files left partly open:
// B1 a missing, unreadable or non-JSON event file through the bundled action; B2 payload fields missing or
// null; B6 workflow-command look-alikes in event text and model text, read back the way the runner reads the
// step's stdout; B7 shell metacharacters in titles, labels and comments; B11 file names git usually mangles.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { text, toolCall } from '../../src/testing/scripted-llm.js';
import { runAction } from '../helpers/action-runner.js';
import {
  commentPayload,
  fixingScript,
  FIXED_HELLO,
  githubEnv,
  labeledPayload,
  OWNER,
  REPO,
  startWorld,
  type World,
} from './fixtures.js';
import { llmInputs, runJobInProcess, type JobRun } from './harness.js';

type Json = Record<string, unknown>;

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const MACRO = '@openhands-agent';

/** Neither the model, nor git, nor a GitHub write: what every refusal and every fail-closed error must show. */
function expectNothingDone(w: World, run?: JobRun) {
  expect(w.llm.requests).toEqual([]);
  expect(w.fake.git.requests).toEqual([]);
  expect(w.fake.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
  expect(w.fake.state.comments.filter((c) => c.body.includes('openhands-resolver:'))).toEqual([]);
  expect(w.fake.state.reactions).toEqual([]);
  if (run) expect(run.writes).toEqual([]);
}

describe('B1: the event file cannot be used (the bundled action)', () => {
  const cases: { name: string; eventPath: (dir: string) => string; says: RegExp }[] = [
    { name: 'GITHUB_EVENT_PATH is empty', eventPath: () => '', says: /GITHUB_EVENT_PATH/ },
    {
      name: 'the file does not exist',
      eventPath: (d) => path.join(d, 'missing.json'),
      says: /Cannot read the event payload at GITHUB_EVENT_PATH/,
    },
    {
      name: 'the file is JSON but not an object',
      eventPath: (d) => {
        writeFileSync(path.join(d, 'array.json'), '[1, 2, 3]');
        return path.join(d, 'array.json');
      },
      says: /not a JSON object/,
    },
  ];
  it.each(cases)('$name: exit 1 with one clear error, no model call, no GitHub request', async (c) => {
    world = await startWorld();
    const run = await actionWithEventPath(world, c.eventPath(mkdtempSync(path.join(os.tmpdir(), 'oh-b1-'))));
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors, run.stdout + run.stderr).toHaveLength(1);
    expect(errors[0]).toMatch(c.says);
    expect(run.outputs.conclusion).toBe('error');
    expect(world.fake.requests).toEqual([]);
    expectNothingDone(world);
  });

  // Open (docs/reliability.md, B1): for these two the step fails closed, but with a Node stack trace from
  // @actions/github reading the file at import time, not with the product's one-line error. What holds today:
  const crashing: { name: string; eventPath: (dir: string) => string }[] = [
    {
      name: 'the path is a directory (unreadable as a file)',
      eventPath: (d) => {
        mkdirSync(path.join(d, 'a-directory'));
        return path.join(d, 'a-directory');
      },
    },
    {
      name: 'the file is not JSON',
      eventPath: (d) => {
        writeFileSync(path.join(d, 'broken.json'), '{"action": "labeled", "issue": {');
        return path.join(d, 'broken.json');
      },
    },
  ];
  it.each(crashing)('$name: the step fails (exit 1) before any model call or GitHub request', async (c) => {
    world = await startWorld();
    const run = await actionWithEventPath(world, c.eventPath(mkdtempSync(path.join(os.tmpdir(), 'oh-b1-'))));
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.conclusion ?? '').not.toBe('success');
    expect(world.fake.requests).toEqual([]);
    expectNothingDone(world);
  });
});

function actionWithEventPath(w: World, eventPath: string) {
  return runAction({
    eventName: 'issues',
    payload: {},
    repository: `${OWNER}/${REPO}`,
    inputs: { 'github-token': w.fake.token, ...llmInputs(w) },
    env: { ...githubEnv(w.fake), GITHUB_EVENT_PATH: eventPath },
  });
}

describe('B1: an unknown event or activity is not for us', () => {
  const cases: { name: string; eventName: string; payload: (w: World) => Json }[] = [
    {
      name: 'repository_dispatch',
      eventName: 'repository_dispatch',
      payload: () => ({ action: 'fix-me', client_payload: { issue: 1 } }),
    },
    {
      name: 'issues.transferred',
      eventName: 'issues',
      payload: (w) => ({ ...labeledPayload(w), action: 'transferred' }),
    },
    {
      name: 'an event name GitHub does not have',
      eventName: 'made_up_event',
      payload: (w) => labeledPayload(w),
    },
    {
      name: 'issues.labeled with an action field of another type',
      eventName: 'issues',
      payload: (w) => ({ ...labeledPayload(w), action: 42 }),
    },
  ];
  it.each(cases)('$name: skipped with one log line and no request', async (c) => {
    world = await startWorld();
    const run = await runJobInProcess(world, { eventName: c.eventName, payload: c.payload(world) });
    expect(run.outcome.conclusion).toBe('skipped');
    expect(run.logger.lines.filter((l) => l.message.startsWith('Nothing to do:'))).toHaveLength(1);
    expect(world.fake.requests).toEqual([]);
    expectNothingDone(world, run);
  });
});

describe('B2: payload fields missing or null', () => {
  const failClosed: { name: string; eventName: string; payload: (w: World) => Json; message: RegExp }[] = [
    {
      name: 'issues.labeled with issue null',
      eventName: 'issues',
      payload: (w) => ({ ...labeledPayload(w), issue: null }),
      message: /Malformed issues\.labeled event payload/,
    },
    {
      name: 'issues.labeled without a label',
      eventName: 'issues',
      payload: (w) => {
        const p = labeledPayload(w);
        delete p.label;
        return p;
      },
      message: /Malformed issues\.labeled event payload/,
    },
    {
      name: 'issue_comment.created without the issue',
      eventName: 'issue_comment',
      payload: (w) => {
        const p = commentPayload(w, { body: `${MACRO} fix it` });
        delete p.issue;
        return p;
      },
      message: /Malformed issue_comment\.created event payload/,
    },
    {
      name: 'issue_comment.created with comment null',
      eventName: 'issue_comment',
      payload: (w) => ({ ...commentPayload(w, { body: `${MACRO} fix it` }), comment: null }),
      message: /Malformed issue_comment\.created event payload/,
    },
    {
      name: 'comment.user missing',
      eventName: 'issue_comment',
      payload: (w) => {
        const p = commentPayload(w, { body: `${MACRO} fix it` });
        delete (p.comment as Json).user;
        return p;
      },
      message: /comment\.user/,
    },
    {
      name: 'sender without a login',
      eventName: 'issue_comment',
      payload: (w) => ({ ...commentPayload(w, { body: `${MACRO} fix it` }), sender: { id: 7, type: 'User' } }),
      message: /sender\.login/,
    },
  ];
  it.each(failClosed)('$name: an event error before any request', async (c) => {
    world = await startWorld();
    const payload = c.payload(world);
    await expect(runJobInProcess(world, { eventName: c.eventName, payload })).rejects.toThrow(c.message);
    expect(world.fake.requests).toEqual([]);
    expectNothingDone(world);
  });

  const denied: { name: string; payload: (w: World) => Json; says: RegExp }[] = [
    {
      name: 'sender null (a ghost)',
      payload: (w) => ({ ...commentPayload(w, { body: `${MACRO} fix it` }), sender: null }),
      says: /ghost/,
    },
  ];
  it.each(denied)('$name: denied (unknown actor), nothing done', async (c) => {
    world = await startWorld();
    const run = await runJobInProcess(world, { eventName: 'issue_comment', payload: c.payload(world) });
    expect(run.outcome.conclusion).toBe('denied');
    expect(run.logger.lines.filter((l) => l.message.startsWith('Not running:'))).toHaveLength(1);
    expect(run.log).toMatch(c.says);
    expectNothingDone(world, run);
  });
});

/** The runner's reading of a step's stdout: `::name args::data` lines, minus the stop-commands regions. */
function workflowCommands(stdout: string): { name: string; line: string }[] {
  const out: { name: string; line: string }[] = [];
  let stopToken: string | null = null;
  for (const line of stdout.split('\n')) {
    if (stopToken !== null) {
      if (line === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const m = /^::([A-Za-z-]+)(?:\s[^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    const [, name = '', data = ''] = m;
    if (name === 'stop-commands') stopToken = data;
    out.push({ name, line });
  }
  return out;
}

const INJECTED = 'INJECTED-CANARY';
const commandsIn = (s: string) => [
  `::add-mask::${INJECTED}-mask`,
  `::error::${INJECTED}-error`,
  `::warning file=x::${INJECTED}-warning`,
  `::set-output name=success::${INJECTED}-output`,
  `::stop-commands::${INJECTED}-stop`,
  `::save-state name=authorized::${INJECTED}-state`,
  `ghadelimiter_00000000-0000-0000-0000-000000000000`,
  `success<<EOF`,
  `${INJECTED}-delimiter`,
  `EOF`,
  s,
];

const PRODUCT_STATE_KEYS = [
  'artifact_uploaded',
  'authorized',
  'delivered',
  'final_posted',
  'finished',
  'issue_number',
  'issue_type',
  'output_dir',
  'phase',
  'progress',
  'record_written',
];

describe('B6: workflow-command look-alikes are never interpreted', () => {
  it('in a label name that is not for us: logged inside a stop-commands fence', async () => {
    world = await startWorld([]);
    const label = `bug\n${commandsIn('').join('\n')}`;
    const run = await runAction({
      eventName: 'issues',
      payload: labeledPayload(world, label),
      repository: `${OWNER}/${REPO}`,
      inputs: { 'github-token': world.fake.token, ...llmInputs(world) },
      env: githubEnv(world.fake),
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.conclusion).toBe('skipped');
    for (const v of Object.values(run.outputs)) expect(v).not.toContain(INJECTED);
    expect(run.stdout).toContain(`${INJECTED}-error`);
    for (const c of workflowCommands(run.stdout)) expect(c.line).not.toContain(INJECTED);
    // A refusal saves only that the main step finished; nothing injected became a state entry.
    expect(run.state).toEqual({ finished: 'true' });
    expectNothingDone(world);
  });

  it('in the issue, the triggering comment and the model text of a full run: outputs come from the core API only', async () => {
    const hostile = commandsIn('end').join('\n');
    world = await startWorld([
      toolCall('execute_bash', { command: `printf '%s\\n' ${JSON.stringify(hostile)}` }),
      ...fixingScript().slice(2, 3),
      toolCall('finish', { message: `Done.\n${hostile}` }),
      text(`--- success\ntrue\n\n--- explanation\ngreet() uses the name.\n${hostile}`),
    ]);
    const issue = world.fake.state.issues.find((i) => i.number === world?.issueNumber);
    if (issue) issue.title = `greet() ${hostile.replace(/\n/g, ' ')}`;
    const payload = commentPayload(world, { body: `${MACRO} fix it\n${hostile}` });
    const run = await runAction({
      eventName: 'issue_comment',
      payload,
      repository: `${OWNER}/${REPO}`,
      inputs: { 'github-token': world.fake.token, ...llmInputs(world), runtime: 'local' },
      env: githubEnv(world.fake),
      timeoutMs: 180_000,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const commands = workflowCommands(run.stdout);
    for (const c of commands) expect(c.line, c.line).not.toContain(INJECTED);
    // The outputs are exactly action.yml's, with the product's values, not the injected ones.
    expect(Object.keys(run.outputs).sort()).toEqual(
      ['branch', 'conclusion', 'cost', 'iterations', 'output-file', 'pr-number', 'pr-url', 'success'].sort(),
    );
    expect(run.outputs).toMatchObject({ success: 'true', conclusion: 'success' });
    for (const v of Object.values(run.outputs)) expect(v).not.toContain(INJECTED);
    // The state holds only the product's own entries: an injected `::save-state` never became one.
    for (const k of Object.keys(run.state)) expect(PRODUCT_STATE_KEYS).toContain(k);
    expect(run.state.authorized).toBe('true');
    // Progress quotes the model's last words as data (the post step re-renders them quoted); every
    // other entry is the product's own value.
    const phases: unknown = JSON.parse(run.state.progress ?? 'null');
    expect(Array.isArray(phases)).toBe(true);
    for (const [k, v] of Object.entries(run.state)) if (k !== 'progress') expect(v, k).not.toContain(INJECTED);
    expect(await world.fake.readFile(OWNER, REPO, run.outputs.branch ?? '', 'hello.py')).toBe(FIXED_HELLO);
  });
});

describe('B7: shell metacharacters in titles, labels and comments', () => {
  it('never reach a shell on the host: the canaries stay absent and the text arrives literally', async () => {
    // Short paths: the whole title must stay under the 256-character PR title cap.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'b7'));
    const canary = (n: string) => path.join(dir, n);
    const title = [
      `$(touch ${canary('subst')})`,
      `\`touch ${canary('backtick')}\``,
      `; touch ${canary('semicolon')}`,
      `| touch ${canary('pipe')}`,
      `' "; touch ${canary('quote')}; "'`,
      `\${IFS}touch\${IFS}${canary('ifs')}`,
      '--upload-pack=touch',
    ].join(' ');
    expect(title.length).toBeLessThan(240);
    world = await startWorld();
    const issue = world.fake.state.issues.find((i) => i.number === world?.issueNumber);
    if (issue) issue.title = `-${title}`;
    const payload = labeledPayload(world);
    (payload.issue as Json).title = `-${title}`;
    (payload.issue as Json).labels = [{ name: `$(touch ${canary('label')})` }, { name: 'fix-me' }];
    const run = await runJobInProcess(world, { eventName: 'issues', payload });
    expect(run.outcome.conclusion, run.log).toBe('success');
    for (const n of ['subst', 'backtick', 'semicolon', 'pipe', 'quote', 'ifs', 'label']) {
      expect(existsSync(canary(n)), n).toBe(false);
    }
    // The branch name is built from the number alone; the title reaches the PR and the commit verbatim.
    expect(run.outcome.branch).toBe(`openhands-fix-issue-${world.issueNumber}`);
    const pr = world.fake.state.pulls.find((p) => p.headRef === run.outcome.branch);
    expect(pr?.title).toBe(`Fix issue #${world.issueNumber}: -${title}`);
    const log = await world.fake.gitLog(OWNER, REPO, run.outcome.branch ?? '');
    expect(log[0]?.subject).toBe(`Fix issue #${world.issueNumber}: -${title}`);
  });

  it('a target branch that is not a valid ref name is refused before any model call', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-b7-'));
    for (const target of [`main;touch ${dir}/x`, '-main', 'main..x', `$(touch ${dir}/y)`]) {
      world = await startWorld();
      const run = await runJobInProcess(world, {
        eventName: 'issues',
        payload: labeledPayload(world),
        inputs: { 'target-branch': target },
      }).catch((e: unknown) => e);
      if (run instanceof Error) expect(run.message).toMatch(/branch/i);
      else expect((run as JobRun).outcome.conclusion, target).toBe('error');
      expect(world.llm.requests, target).toEqual([]);
      expect(world.fake.git.pushes, target).toEqual([]);
      expect(existsSync(path.join(dir, 'x')) || existsSync(path.join(dir, 'y'))).toBe(false);
      await world.close();
      world = null;
    }
  });
});

describe('B11: file names git usually mangles', () => {
  it('spaces, a newline, quotes, non-NFC Unicode and a case-only twin arrive in the pushed branch byte for byte', async () => {
    const names = [
      'docs/with space/a b.txt',
      'new\nline.txt',
      'quote"and\\back.txt',
      'tab\there.txt',
      'cafe\u0301-nfd.txt',
      'caf\u00e9-nfc.txt',
      'readme.md',
      '-leading-dash.txt',
    ];
    const script = names.map((n, i) =>
      toolCall('str_replace_editor', {
        command: 'create',
        path: `/workspace/${n}`,
        file_text: `file ${i}\n`,
      }),
    );
    world = await startWorld([...script, ...fixingScript().slice(2)]);
    const run = await runJobInProcess(world, { eventName: 'issues', payload: labeledPayload(world) });
    expect(run.outcome.conclusion, run.log).toBe('success');
    const branch = run.outcome.branch ?? '';
    const repoDir = world.fake.state.repos.find((r) => r.fullName === `${OWNER}/${REPO}`)?.dir ?? '';
    const tree = execFileSync('git', ['-C', repoDir, 'ls-tree', '-r', '-z', '--name-only', branch])
      .toString('utf8')
      .split('\0')
      .filter((n) => n !== '');
    for (const [i, n] of names.entries()) {
      expect(tree, JSON.stringify(n)).toContain(n);
      const blob = execFileSync('git', ['-C', repoDir, 'cat-file', 'blob', `${branch}:${n}`]).toString('utf8');
      expect(blob).toBe(`file ${i}\n`);
    }
    // The case-only twin did not replace the original README.md, and NFD and NFC stay two files.
    expect(tree).toContain('README.md');
    expect(await world.fake.readFile(OWNER, REPO, branch, 'README.md')).toBe('# hello-py\n');
    expect(names.filter((n) => tree.includes(n))).toHaveLength(names.length);
  });
});
