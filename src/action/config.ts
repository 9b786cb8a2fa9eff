// Reads every action input and runner variable exactly once into a typed config (the only place,
// with the CLI's flag parser, that touches core.getInput and process.env).
import * as core from '@actions/core';
import path from 'node:path';
import os from 'node:os';
import { ResolverError } from '../core/errors.js';
import type { GitHubUrls } from '../github/types.js';
import { urlsFromEnv } from '../github/urls.js';
import { LLM_DEFAULTS, llmSettingsFrom } from '../llm/config.js';
import type { LlmConfig } from '../llm/types.js';
import type { RuntimeKind, SandboxNetwork } from '../runtime/types.js';
import {
  parseBoolSetting,
  parseCommentId,
  parseEnumSetting,
  parseIntSetting,
  parseList,
  parseNumberSetting,
  parseRepo,
} from '../core/settings.js';

export type PrType = 'draft' | 'ready' | 'branch';

export interface ActionConfig {
  token: string;
  repository: { owner: string; repo: string };
  eventName: string;
  eventPath: string;
  actor: string;
  urls: GitHubUrls;
  run: { id: string; attempt: string; url: string };
  outputDir: string;
  /** Private dir for the git auth file and other host-only state; never mounted into a sandbox. */
  stateDir: string;
  /** LLM settings; apiKey may be empty until an event is known to be for us. */
  llm: LlmConfig;
  limits: { maxIterations: number; maxBudgetUsd: number; maxRuntimeMinutes: number };
  trigger: { macro: string; label: string; experimentalLabel: string; allowedBots: string[] };
  send: {
    targetBranch: string | null;
    prType: PrType;
    prTitle: string | null;
    sendOnFailure: boolean;
    reviewer: string | null;
    forkOwner: string | null;
    gitUser: { name: string; email: string };
    patUsername: string;
    branchCollision: 'reuse' | 'new';
    allowWorkflowChanges: boolean;
    resolveThreads: boolean;
  };
  sandbox: {
    runtime: RuntimeKind;
    baseImage: string | null;
    runtimeImage: string | null;
    experimentalImage: string | null;
    network: SandboxNetwork;
  };
  /** workflow_dispatch inputs given to the action; null = take them from the payload's `inputs`. */
  dispatch: { issueNumber: number | null; issueType: 'issue' | 'pr' | null; commentId: number | null };
}

type Env = Record<string, string | undefined>;

export function readActionConfig(env: Env = process.env): ActionConfig {
  const input = (name: string) => core.getInput(name);
  const optional = (name: string) => {
    const v = input(name).trim();
    return v === '' ? null : v;
  };

  const repository = parseRepo(env.GITHUB_REPOSITORY ?? '');
  const eventPath = env.GITHUB_EVENT_PATH ?? '';
  if (eventPath === '')
    throw new ResolverError('event', 'GITHUB_EVENT_PATH is not set; run this action from a workflow.');
  const urls = urlsFromEnv(env);
  const runId = env.GITHUB_RUN_ID ?? 'local';
  const runnerTemp = env.RUNNER_TEMP || os.tmpdir();
  const outputDir = optional('output-dir') ?? path.join(runnerTemp, 'openhands', 'output');

  const baseImage = optional('base-container-image');
  const runtimeImage = optional('runtime-container-image');
  if (baseImage !== null && runtimeImage !== null)
    throw new ResolverError('config', 'Cannot provide both runtime and base container images.');

  const macro = input('macro').trim();
  if (macro === '')
    throw new ResolverError('config', "Input 'macro' must not be empty; the default is @openhands-agent.");
  const allowedBots = parseList(input('allowed-bots'));
  if (allowedBots.some((b) => b.includes('*')))
    throw new ResolverError(
      'config',
      "Input 'allowed-bots' lists exact bot logins; wildcards like '*' are not allowed.",
    );

  const llmEnv = llmSettingsFrom(env);
  const llm: LlmConfig = {
    model: input('llm-model').trim() || LLM_DEFAULTS.model,
    apiKey: input('llm-api-key'),
    baseUrl: optional('llm-base-url') ?? undefined,
    apiVersion: optional('llm-api-version') ?? undefined,
    nativeToolCalling: parseBoolSetting('native-tool-calling', input('native-tool-calling') || 'true'),
    ...llmEnv,
  };

  const dispatchNumber = optional('issue-number');
  return {
    token: input('github-token'),
    repository,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath,
    actor: env.GITHUB_ACTOR ?? '',
    urls,
    run: {
      id: runId,
      attempt: env.GITHUB_RUN_ATTEMPT ?? '1',
      url: `${urls.serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${runId}`,
    },
    outputDir,
    stateDir: path.join(runnerTemp, 'openhands', 'state'),
    llm,
    limits: {
      maxIterations: parseIntSetting('max-iterations', input('max-iterations'), { min: 1 }),
      maxBudgetUsd: parseNumberSetting('max-budget', input('max-budget'), { min: 0 }),
      maxRuntimeMinutes: parseNumberSetting('max-runtime-minutes', input('max-runtime-minutes'), { min: 1 }),
    },
    trigger: {
      macro,
      label: input('label').trim() || 'fix-me',
      experimentalLabel: input('experimental-label').trim() || 'fix-me-experimental',
      allowedBots,
    },
    send: {
      targetBranch: optional('target-branch'),
      prType: parseEnumSetting('pr-type', input('pr-type'), ['draft', 'ready', 'branch'] as const),
      prTitle: optional('pr-title'),
      sendOnFailure: parseBoolSetting('send-on-failure', input('send-on-failure')),
      reviewer: optional('reviewer'),
      forkOwner: optional('fork-owner'),
      gitUser: {
        name: input('git-user-name') || 'openhands',
        email: input('git-user-email') || 'openhands@all-hands.dev',
      },
      patUsername: input('pat-username') || 'openhands-agent',
      branchCollision: parseEnumSetting('branch-collision', input('branch-collision'), ['reuse', 'new'] as const),
      allowWorkflowChanges: parseBoolSetting('allow-workflow-changes', input('allow-workflow-changes')),
      resolveThreads: parseBoolSetting('resolve-threads', input('resolve-threads')),
    },
    sandbox: {
      runtime: parseEnumSetting('runtime', input('runtime') || 'auto', ['auto', 'local', 'docker'] as const),
      baseImage,
      runtimeImage,
      experimentalImage: optional('experimental-sandbox-image'),
      network: parseEnumSetting('sandbox-network', input('sandbox-network') || 'full', [
        'full',
        'setup-only',
        'none',
      ] as const),
    },
    dispatch: {
      issueNumber: dispatchNumber === null ? null : parseIntSetting('issue-number', dispatchNumber, { min: 1 }),
      issueType:
        optional('issue-type') === null
          ? null
          : parseEnumSetting('issue-type', input('issue-type'), ['issue', 'pr'] as const),
      commentId: parseCommentId('comment-id', input('comment-id')),
    },
  };
}
