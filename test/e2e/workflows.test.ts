// Issue 5 point 7: the reusable workflow keeps the reference's input and secret names and defaults, asks
// for no more than it needs, serialises runs per issue, never puts event text into a script, and passes
// only inputs action.yml declares; the example caller matches it; action.yml documents everything the
// code reads and writes. (actionlint is not packaged for Debian, so it is not run here.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.join(import.meta.dirname, '../..');
const load = (file: string) => parse(readFileSync(path.join(root, file), 'utf8')) as Workflow;
const source = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  if?: string;
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  'runs-on'?: string;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}
interface ActionYml {
  inputs: Record<string, { description?: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description?: string }>;
  runs: Record<string, string>;
}

const reusable = load('.github/workflows/openhands-resolver.yml');
const example = load('examples/openhands-resolver.yml');
const action = parse(source('action.yml')) as ActionYml;
const call = reusable.on.workflow_call as {
  inputs: Record<string, { type: string; default?: unknown; required?: boolean }>;
  secrets: Record<string, { required?: boolean }>;
};

const LEAST_PRIVILEGE = { contents: 'write', 'pull-requests': 'write', issues: 'write' };

function allSteps(w: Workflow): Step[] {
  return Object.values(w.jobs).flatMap((j) => j.steps ?? []);
}

describe('the reusable workflow (workflow_call)', () => {
  it("accepts the reference's inputs with the reference's types and defaults (target_branch empty)", () => {
    const expected: Record<string, { type: string; default: unknown }> = {
      max_iterations: { type: 'number', default: 50 },
      macro: { type: 'string', default: '@openhands-agent' },
      target_branch: { type: 'string', default: '' },
      pr_type: { type: 'string', default: 'draft' },
      LLM_MODEL: { type: 'string', default: 'anthropic/claude-sonnet-4-20250514' },
      LLM_API_VERSION: { type: 'string', default: '' },
      base_container_image: { type: 'string', default: '' },
      runner: { type: 'string', default: 'ubuntu-latest' },
    };
    expect(Object.keys(call.inputs).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, e] of Object.entries(expected)) {
      expect(call.inputs[name], name).toMatchObject({ type: e.type, default: e.default });
      expect(call.inputs[name]?.required ?? false, name).toBe(false);
    }
  });

  it("accepts the reference's secrets: LLM_API_KEY required, the rest optional", () => {
    expect(Object.keys(call.secrets).sort()).toEqual(
      ['LLM_API_KEY', 'LLM_BASE_URL', 'LLM_MODEL', 'PAT_TOKEN', 'PAT_USERNAME'].sort(),
    );
    expect(call.secrets.LLM_API_KEY?.required).toBe(true);
    for (const s of ['LLM_BASE_URL', 'LLM_MODEL', 'PAT_TOKEN', 'PAT_USERNAME']) {
      expect(call.secrets[s]?.required ?? false, s).toBe(false);
    }
  });

  it('asks for contents, pull-requests and issues write, nothing more, at workflow and job level', () => {
    expect(reusable.permissions).toEqual(LEAST_PRIVILEGE);
    for (const [name, job] of Object.entries(reusable.jobs)) expect(job.permissions, name).toEqual(LEAST_PRIVILEGE);
  });

  it('serialises runs per issue or PR without cancelling the one in progress', () => {
    const job = reusable.jobs.resolve;
    expect(job?.concurrency?.['cancel-in-progress']).toBe(false);
    const group = job?.concurrency?.group ?? '';
    for (const key of [
      'github.event.issue.number',
      'github.event.pull_request.number',
      'github.event.inputs.issue_number',
    ]) {
      expect(group).toContain(key);
    }
    expect(group).toContain('github.repository');
    // The group is taken after the pre-filter, so a comment that is not for us never displaces a pending run.
    expect(job?.if).toContain('inputs.macro');
    expect(reusable.concurrency).toBeUndefined();
  });

  it('runs on the runner input and passes every reference input to the action under its action.yml name', () => {
    const job = reusable.jobs.resolve;
    expect(job?.['runs-on']).toBe('${{ inputs.runner }}');
    const step = job?.steps?.find((s) => s.uses?.startsWith('openhands-resolver/openhands-resolver@'));
    expect(step).toBeDefined();
    const w = step?.with ?? {};
    expect(w).toMatchObject({
      'max-iterations': '${{ inputs.max_iterations }}',
      macro: '${{ inputs.macro }}',
      'target-branch': '${{ inputs.target_branch }}',
      'pr-type': '${{ inputs.pr_type }}',
      'llm-api-version': '${{ inputs.LLM_API_VERSION }}',
      'base-container-image': '${{ inputs.base_container_image }}',
      'llm-api-key': '${{ secrets.LLM_API_KEY }}',
      'llm-base-url': '${{ secrets.LLM_BASE_URL }}',
    });
    // The LLM_MODEL secret wins over the input; a PAT (and its user name) over the workflow token.
    expect(w['llm-model']).toBe('${{ secrets.LLM_MODEL || inputs.LLM_MODEL }}');
    expect(w['github-token']).toBe('${{ secrets.PAT_TOKEN || github.token }}');
    expect(w['pat-username']).toBe("${{ secrets.PAT_USERNAME || 'openhands-agent' }}");
  });

  it('passes only inputs that action.yml declares', () => {
    for (const step of allSteps(reusable).filter((s) => s.uses?.startsWith('openhands-resolver/'))) {
      for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), key).toContain(key);
    }
  });

  it('never interpolates expressions, let alone event text, into a run: script', () => {
    const runs = [...allSteps(reusable), ...allSteps(example)].filter((s) => s.run !== undefined);
    expect(runs.length).toBeGreaterThan(0);
    for (const s of runs) {
      expect(s.run, s.name).not.toMatch(/\$\{\{/);
    }
    // Event text may appear only in expressions GitHub evaluates itself (if:, concurrency), never in env or with.
    for (const s of [...allSteps(reusable), ...allSteps(example)]) {
      expect(JSON.stringify({ env: s.env, with: s.with }), s.name).not.toMatch(/github\.event\./);
    }
  });
});

describe('the example caller', () => {
  it('triggers on the activities the action acts on, plus workflow_dispatch with its inputs', () => {
    expect(example.on).toMatchObject({
      issues: { types: ['labeled'] },
      pull_request: { types: ['labeled'] },
      issue_comment: { types: ['created'] },
      pull_request_review_comment: { types: ['created'] },
      pull_request_review: { types: ['submitted'] },
    });
    const dispatch = example.on.workflow_dispatch as { inputs: Record<string, unknown> };
    expect(Object.keys(dispatch.inputs).sort()).toEqual(['comment_id', 'issue_number', 'issue_type']);
    // pull_request_target would hand fork code our secrets: never.
    expect(Object.keys(example.on)).not.toContain('pull_request_target');
  });

  it('calls the reusable workflow with its inputs and secrets, reading the repository variables', () => {
    const job = Object.values(example.jobs)[0];
    expect(job?.uses).toMatch(/\/\.github\/workflows\/openhands-resolver\.yml@/);
    for (const key of Object.keys(job?.with ?? {})) expect(Object.keys(call.inputs), key).toContain(key);
    for (const key of Object.keys(job?.secrets ?? {})) expect(Object.keys(call.secrets), key).toContain(key);
    expect(job?.secrets?.LLM_API_KEY).toBe('${{ secrets.LLM_API_KEY }}');
    const text = JSON.stringify(job?.with);
    for (const v of [
      'vars.LLM_MODEL',
      'vars.OPENHANDS_MAX_ITER',
      'vars.OPENHANDS_MACRO',
      'vars.OPENHANDS_BASE_CONTAINER_IMAGE',
      'vars.TARGET_BRANCH',
      'vars.TARGET_RUNNER',
    ]) {
      expect(text).toContain(v);
    }
  });

  it('asks for least privilege too', () => {
    expect(example.permissions).toEqual(LEAST_PRIVILEGE);
  });
});

describe('action.yml', () => {
  it('documents every input and output', () => {
    for (const [name, spec] of Object.entries({ ...action.inputs, ...action.outputs })) {
      expect(spec.description?.trim().length ?? 0, name).toBeGreaterThan(10);
    }
    for (const name of Object.keys(action.inputs)) expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(action.runs).toMatchObject({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post.js',
      'post-if': 'always()',
    });
  });

  it('declares every input the config reads and every output the main step sets', () => {
    const read = [...source('src/action/config.ts').matchAll(/\b(?:input|optional)\('([a-z-]+)'\)/g)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(25);
    for (const name of read) expect(Object.keys(action.inputs), name).toContain(name);
    // And nothing declared goes unread.
    for (const name of Object.keys(action.inputs)) expect(read, name).toContain(name);

    const set = [...source('src/action/report.ts').matchAll(/core\.setOutput\('([a-z-]+)'/g)].map((m) => m[1]);
    expect(set.sort()).toEqual(Object.keys(action.outputs).sort());
    for (const o of ['success', 'conclusion', 'output-file', 'pr-url', 'pr-number', 'branch', 'cost', 'iterations']) {
      expect(Object.keys(action.outputs)).toContain(o);
    }
  });

  it('defaults match the spec where the reference had them', () => {
    const d = (n: string) => action.inputs[n]?.default;
    expect(d('max-iterations')).toBe('50');
    expect(d('macro')).toBe('@openhands-agent');
    expect(d('target-branch')).toBe('');
    expect(d('pr-type')).toBe('draft');
    expect(d('llm-model')).toBe('anthropic/claude-sonnet-4-20250514');
    expect(d('max-budget')).toBe('4');
    expect(d('label')).toBe('fix-me');
    expect(d('experimental-label')).toBe('fix-me-experimental');
    expect(d('send-on-failure')).toBe('true');
    expect(d('branch-collision')).toBe('reuse');
    expect(d('runtime')).toBe('auto');
    expect(d('sandbox-network')).toBe('full');
    expect(d('github-token')).toBe('${{ github.token }}');
  });
});
