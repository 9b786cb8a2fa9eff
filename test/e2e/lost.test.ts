// Issue 9, "nothing lost": a stop in any phase of the action's main step leaves nothing half done. One row per
// phase × stop, through the bundled dist/index.js run as the runner runs it, then dist/post.js:
//   SIGTERM, SIGINT  the runner's cancel and timeout;
//   crash            an exception nothing catches, thrown by a preloaded fixture (fixtures/crash-on-sigusr2.mjs)
//                    when the test sends SIGUSR2;
//   SIGKILL          the runner's last resort: the main step dies at once and the post step finishes the job.
// The stop comes when the phase is under way, never after a timer: a request held at the fake GitHub or at the
// scripted model until the step has acknowledged the stop (its log line), or the setup script's process appearing.
// Each row checks: one record with `error` and `stopped_in`; nothing left running (processes naming the run's
// folder, the setup script's process, containers of the step); the progress comment says what happened and one
// final comment; the work done so far in the patch file the artifact takes and on a branch; no git auth file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactFiles } from '../../src/action/artifact.js';
import { OWNER_LABEL, connectDocker } from '../../src/runtime/docker.js';
import { readRecords } from '../../src/resolver/output.js';
import { PHASE_WHILE, type RunPhase } from '../../src/resolver/types.js';
import { text, toolCall, type LlmReply, type LlmStep } from '../../src/testing/scripted-llm.js';
import { processesNaming, runPost, startAction, type StartedAction } from '../helpers/action-runner.js';
import { waitUntil } from '../helpers/wait.js';
import { BOOKWORM_IMAGE, bwrapGate, dockerGate } from '../runtime/helpers.js';
import { githubEnv, labeledPayload, OWNER, REPO, startWorld, type World } from './fixtures.js';
import { llmInputs } from './harness.js';

type Stop = 'SIGTERM' | 'SIGINT' | 'crash' | 'SIGKILL';
type Kind = 'local' | 'docker';
interface Row {
  phase: RunPhase;
  stop: Stop;
  runtime: Kind;
}

const PHASES: RunPhase[] = ['context', 'clone', 'sandbox', 'agent', 'judge', 'send', 'final'];
const STOPS: Stop[] = ['SIGTERM', 'SIGINT', 'crash', 'SIGKILL'];
/** Phases after the agent changed a file: their rows must keep that work. */
const WITH_WORK = new Set<RunPhase>(['agent', 'judge', 'send', 'final']);
const BRANCH = 'openhands-fix-issue-1';
const CRASH_FIXTURE = path.join(import.meta.dirname, 'fixtures', 'crash-on-sigusr2.mjs');
const STOP_SIGNAL: Record<Stop, NodeJS.Signals> = {
  SIGTERM: 'SIGTERM',
  SIGINT: 'SIGINT',
  crash: 'SIGUSR2',
  SIGKILL: 'SIGKILL',
};
/** The main step's log line that says it took the stop in. */
const ACK: Record<Exclude<Stop, 'SIGKILL'>, string> = {
  SIGTERM: 'Received SIGTERM: stopping the agent',
  SIGINT: 'Received SIGINT: stopping the agent',
  crash: 'crashed: injected crash (SIGUSR2); stopping and saving',
};
const EXPECTED_ERROR: Record<Stop, RegExp> = {
  SIGTERM: /^cancelled$/,
  SIGINT: /^cancelled$/,
  crash: /^crashed: injected crash \(SIGUSR2\)$/,
  SIGKILL: /^the main step was killed$/,
};

const bw = await bwrapGate();
const dk = await dockerGate();

const rows: Row[] = [
  ...PHASES.flatMap((phase) => STOPS.map((stop) => ({ phase, stop, runtime: 'local' as const }))),
  // The phases with a live container, on Docker.
  ...(['sandbox', 'agent'] as const).flatMap((phase) =>
    (['SIGTERM', 'crash', 'SIGKILL'] as const).map((stop) => ({ phase, stop, runtime: 'docker' as const })),
  ),
];

const worlds: World[] = [];
afterAll(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

/** A gate for one phase: resolves `reached` while the phase is under way; release() lets the held request go. */
interface Gate {
  reached: Promise<unknown>;
  release(): void;
}

/** Holds the model's answer to one request (the step it is put in) until release(). */
function llmGate(): Gate & { step: (reply: LlmReply) => LlmStep } {
  let reach: () => void = () => undefined;
  let release: () => void = () => undefined;
  const reached = new Promise<void>((r) => (reach = r));
  const released = new Promise<void>((r) => (release = r));
  return {
    reached,
    release,
    step: (reply) => async () => {
      reach();
      await released;
      return reply;
    },
  };
}

/** The setup script's process (`sleep <mark>`), by its exact command line. */
function sleepers(mark: number): string[] {
  const want = `sleep\0${mark}\0`;
  return readdirSync('/proc').filter((p) => {
    try {
      return /^\d+$/.test(p) && readFileSync(`/proc/${p}/cmdline`, 'utf8') === want;
    } catch {
      return false;
    }
  });
}

/** Containers this main step created (their owner label names its pid), running or not. */
async function containersOf(pid: number): Promise<string[]> {
  const docker = await connectDocker();
  const list = await docker.listContainers({ all: true, filters: { label: [OWNER_LABEL] } });
  return list.filter((c) => (c.Labels[OWNER_LABEL] ?? '').split(' ')[0] === String(pid)).map((c) => c.Id);
}

/** The moment each phase is under way. */
function gateFor(phase: RunPhase, world: World, llm: Gate, mark: number): Gate {
  const { fake } = world;
  const gitRefs = (service: string) =>
    fake.hold({ method: 'GET', path: `/${OWNER}/${REPO}.git/info/refs`, query: { service } });
  switch (phase) {
    case 'context':
      // The context fetch's first request (the permission check and the comments come before it).
      return fake.hold({ method: 'GET', path: `/repos/${OWNER}/${REPO}/issues/${world.issueNumber}` });
    case 'clone':
      return gitRefs('git-upload-pack');
    case 'sandbox':
      // The repository's setup script runs in the sandbox as its last step of set-up.
      return {
        reached: waitUntil(() => sleepers(mark).length > 0, { timeoutMs: 90_000, what: `the process sleep ${mark}` }),
        release: () => undefined,
      };
    case 'agent':
    case 'judge':
      return llm;
    case 'send':
      return gitRefs('git-receive-pack');
    case 'final':
      return fake.hold({
        method: 'POST',
        path: `/repos/${OWNER}/${REPO}/issues/${world.issueNumber}/comments`,
        body: (b) => String((b as { body?: unknown } | null)?.body).includes('openhands-resolver:success'),
      });
    default:
      throw new Error(`no gate for ${phase}`);
  }
}

let nextMark = 424_200 + (process.pid % 1000) * 10;

async function runRow(row: Row) {
  const mark = nextMark++;
  // The model's second answer is the agent at work; its third, the success judgement.
  const llm = llmGate();
  const finish = toolCall('finish', { message: 'partial.txt written.' });
  const verdict = text('--- success\ntrue\n\n--- explanation\nDone.');
  const world = await startWorld([
    toolCall('execute_bash', { command: 'echo partial work > partial.txt && cat partial.txt' }),
    row.phase === 'agent' ? llm.step(finish) : finish,
    row.phase === 'judge' ? llm.step(verdict) : verdict,
  ]);
  worlds.push(world);
  const { fake } = world;
  if (row.phase === 'sandbox') {
    await fake.pushFiles(OWNER, REPO, { branch: 'main', files: { '.openhands/setup.sh': `sleep ${mark}\n` } });
  }
  const gate = gateFor(row.phase, world, llm, mark);

  const main: StartedAction = startAction({
    eventName: 'issues',
    payload: labeledPayload(world),
    repository: `${OWNER}/${REPO}`,
    nodeArgs: row.stop === 'crash' ? ['--import', CRASH_FIXTURE] : [],
    env: { ...githubEnv(fake), LLM_NUM_RETRIES: '0', GITHUB_RUN_ID: String(5000 + mark) },
    inputs: {
      'github-token': fake.token,
      ...llmInputs(world),
      runtime: row.runtime,
      ...(row.runtime === 'docker' ? { 'base-container-image': BOOKWORM_IMAGE, 'sandbox-network': 'none' } : {}),
    },
    timeoutMs: 180_000,
  });
  const exited = main.done;
  await Promise.race([gate.reached, exited.then((r) => Promise.reject(new Error(`exited early:\n${r.stdout}`)))]);

  // The sandbox is live in the phases that have one: the checks below are not vacuous.
  let liveSandbox: boolean | null = null;
  if (row.phase === 'sandbox' || row.phase === 'agent') {
    liveSandbox =
      row.runtime === 'docker'
        ? (await containersOf(main.child.pid ?? -1)).length > 0
        : processesNaming(main.runnerTemp).length > 0;
  }

  main.child.kill(STOP_SIGNAL[row.stop]);
  if (row.stop === 'SIGKILL') {
    // Killed: what it had in flight stays held until the post step has run (a git push it started must not land
    // behind the post step's back; the post step stops it).
    const run = await exited;
    const commentsAfterMain = fake.state.comments.length;
    const post = await runPost(run, 120_000);
    gate.release();
    return { world, main, run, post, commentsAfterMain, liveSandbox, mark };
  }
  const ack = ACK[row.stop];
  await waitUntil(() => main.stdout().includes(ack), { timeoutMs: 60_000, what: `"${ack}" in the step's log` });
  gate.release();
  const run = await exited;
  const commentsAfterMain = fake.state.comments.length;
  const post = await runPost(run, 120_000);
  return { world, main, run, post, commentsAfterMain, liveSandbox, mark };
}

describe('nothing lost: a stop in each phase of the main step', () => {
  const table = rows
    .filter((r) => (r.runtime === 'docker' ? dk.ok : bw.ok))
    .map((r) => [`${r.stop} while ${r.phase} (${r.runtime})`, r] as const);
  it.concurrent.each(table)(
    '%s: record with error, nothing running, comments say so, work kept',
    async (_name, row) => {
      const { world, main, run, post, commentsAfterMain, liveSandbox, mark } = await runRow(row);
      const { fake } = world;
      const log = `${run.stdout}\n${run.stderr}\n--- post ---\n${post.stdout}\n${post.stderr}`;
      if (liveSandbox !== null) expect(liveSandbox, log).toBe(true);

      // The main step ends by itself and fails; the post step never fails the job.
      if (row.stop !== 'SIGKILL') {
        expect(run.code, log).toBe(1);
        expect(run.outputs.conclusion, log).toBe('error');
      }
      expect(post.code, log).toBe(0);

      // One record, saying which stop ended the run and where.
      const outputDir = path.join(main.runnerTemp, 'openhands', 'output');
      const records = readRecords(path.join(outputDir, 'output.jsonl'));
      expect(records, log).toHaveLength(1);
      const record = records[0]!;
      expect(record.error, log).toMatch(EXPECTED_ERROR[row.stop]);
      expect(record.stopped_in, log).toBe(row.phase);
      expect(record.issue.number).toBe(world.issueNumber);

      // Nothing left running, no credential file left behind.
      expect(processesNaming(main.runnerTemp), log).toEqual([]);
      expect(sleepers(mark)).toEqual([]);
      if (row.runtime === 'docker') expect(await containersOf(main.child.pid ?? -1)).toEqual([]);
      const files = readdirSync(main.runnerTemp, { recursive: true, encoding: 'utf8' });
      expect(files.filter((f) => /git-auth-.*\.cfg$/.test(f))).toEqual([]);

      // The comments say what happened: the progress comment's last line, and exactly one final comment.
      const ours = fake.state.comments.filter((c) => c.body.includes('openhands-resolver:'));
      const progress = ours.find((c) => c.body.includes('openhands-resolver:start'));
      expect(progress?.body, log).toContain(`Finished: stopped while ${PHASE_WHILE[row.phase]}`);
      const finals = ours.filter((c) => /openhands-resolver:(success|branch|failure|no-changes|error) /.test(c.body));
      expect(finals, log).toHaveLength(1);
      const final = finals[0]!.body;
      if (row.phase === 'final' && row.stop !== 'SIGKILL') {
        // The final comment was on its way when the stop came: it stays, the progress comment tells of the stop.
        expect(final).toContain('openhands-resolver:success');
      } else {
        expect(final, log).toContain('openhands-resolver:error');
        expect(final).toContain(`The run was stopped while ${PHASE_WHILE[row.phase]}`);
      }

      // The work done so far: in the patch file the artifact takes, and on a branch.
      const patchFile = path.join(outputDir, 'patches', 'issue_1.patch');
      if (WITH_WORK.has(row.phase)) {
        expect(readFileSync(patchFile, 'utf8'), log).toContain('+partial work');
        expect(await artifactFiles(outputDir)).toContain(patchFile);
        expect(record.git_patch).toContain('+partial work');
        expect(await fake.readFile(OWNER, REPO, BRANCH, 'partial.txt'), log).toBe('partial work\n');
        if (row.phase !== 'final') expect(final).toContain(BRANCH);
      } else {
        expect(existsSync(patchFile)).toBe(false);
        expect(fake.git.pushes, log).toEqual([]);
      }
      // The artifact upload was attempted by one of the steps (no artifact service here: it says so and skips).
      expect(log).toContain('skipping the resolver-output upload');

      // After a main step that finished, the post step adds nothing.
      if (row.stop !== 'SIGKILL') expect(fake.state.comments.length).toBe(commentsAfterMain);
      expect(fake.validationErrors).toEqual([]);
    },
    240_000,
  );
});
