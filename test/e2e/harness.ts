// In-process runs of the job (src/action/job.ts) with the config read exactly as the action reads it
// (readActionConfig over INPUT_* variables with action.yml's defaults), GitHub writes spaced by
// 1/1000 of the real throttle so a run takes about a second. The spawned dist/index.js runs live in
// action.test.ts and visible.test.ts; this is for the many rule checks where the bundle is not the point.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { readActionConfig, type ActionConfig } from '../../src/action/config.js';
import { runJob } from '../../src/action/job.js';
import { summaryMarkdown, type RunOutcome } from '../../src/action/report.js';
import { createRecordingLogger, type RecordingLogger } from '../../src/core/log.js';
import { createRedactor } from '../../src/core/redact.js';
import type { RecordedRequest } from '../../src/testing/fake-github/index.js';
import { distFile, NODE } from '../helpers/dist.js';
import { githubEnv, LLM_KEY, OWNER, REPO, type World } from './fixtures.js';

interface ActionYml {
  inputs: Record<string, { default?: string }>;
}

const actionYml = parse(readFileSync(path.join(import.meta.dirname, '../../action.yml'), 'utf8')) as ActionYml;

/** INPUT_<NAME> for every input of action.yml, defaults filled in, as the runner exports them. */
export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  for (const name of Object.keys(inputs)) {
    if (!(name in actionYml.inputs)) throw new Error(`action.yml has no input named ${name}`);
  }
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    let value = inputs[name] ?? spec.default ?? '';
    if (value.includes('${{')) value = inputs[name] ?? '';
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}

/** The model inputs every run needs: the scripted LLM at its loopback URL. */
export function llmInputs(w: World): Record<string, string> {
  return { 'llm-model': 'openai/gpt-4o', 'llm-api-key': LLM_KEY, 'llm-base-url': w.llm.baseUrl };
}

export interface JobRun {
  outcome: RunOutcome;
  config: ActionConfig;
  logger: RecordingLogger;
  /** The job summary the main step would write. */
  summary: string;
  /** Every log line, joined. */
  log: string;
  /** GitHub requests made by this run (the fake's log from the start of the run). */
  requests: RecordedRequest[];
  /** Requests that change something (anything but GET/HEAD; GraphQL mutations included). */
  writes: RecordedRequest[];
}

export interface JobRunOptions {
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  /** Runner variables on top of the defaults (GITHUB_RUN_ID...). */
  env?: Record<string, string>;
  /** Default: the scripted LLM and the fake's token. */
  withoutDefaults?: boolean;
}

export function isWrite(r: RecordedRequest): boolean {
  if (r.kind === 'graphql') return /^\s*mutation\b/.test(String((r.body as { query?: unknown } | null)?.query ?? ''));
  return r.method !== 'GET' && r.method !== 'HEAD';
}

/** Runs runJob in this process the way main.ts does, and returns what it did. */
export async function runJobInProcess(world: World, o: JobRunOptions): Promise<JobRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-job-'));
  const runnerTemp = path.join(dir, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    GIT_TERMINAL_PROMPT: '0',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_RUN_ID: '2002',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: runnerTemp,
    LLM_NUM_RETRIES: '0',
    ...githubEnv(world.fake),
    ...o.env,
  };
  const inputs = o.withoutDefaults
    ? (o.inputs ?? {})
    : { 'github-token': world.fake.token, ...llmInputs(world), runtime: 'local', ...o.inputs };
  // core.getInput reads process.env: set the inputs only for the synchronous read, as the runner would.
  const vars = inputEnv(inputs);
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  let config: ActionConfig;
  try {
    config = readActionConfig(env);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const logger = createRecordingLogger();
  const redactor = createRedactor([config.token, config.llm.apiKey]);
  const first = world.fake.requests.length;
  const outcome = await runJob(config, o.payload, {
    logger,
    redactor,
    hostEnv: env,
    githubTiming: { scale: 0.001 },
    runtime: { serverScript: distFile('server.js'), nodePath: NODE },
  });
  const requests = world.fake.requests.slice(first);
  return {
    outcome,
    config,
    logger,
    summary: summaryMarkdown(outcome, redactor),
    log: logger.lines.map((l) => `${l.level}: ${l.message}`).join('\n'),
    requests,
    writes: requests.filter(isWrite),
  };
}
