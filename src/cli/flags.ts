// Flag parsing for the CLI subcommands: the reference's flag names (spec/resolver.md §5, §12, §15),
// env fallbacks, and one typed options object per command. The only CLI code that reads process.env.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { llmSettingsFrom } from '../llm/config.js';
import { resolveGitHubUrls } from '../github/urls.js';
import {
  parseBoolSetting,
  parseCommentId,
  parseEnumSetting,
  parseIntSetting,
  parseNumberSetting,
  parseRepo,
} from '../core/settings.js';
import { ResolverError } from '../core/errors.js';
import type { GitHubUrls } from '../github/types.js';
import type { LlmConfig } from '../llm/types.js';
import type { RuntimeKind, SandboxNetwork } from '../runtime/types.js';

type Env = Record<string, string | undefined>;
type Options = NonNullable<ParseArgsConfig['options']>;

const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;

const githubFlags: Options = { token: str, username: str, 'base-domain': str };
const llmFlags: Options = {
  'llm-model': str,
  'llm-api-key': str,
  'llm-base-url': str,
  'llm-api-version': str,
  'llm-replay': str,
  'native-tool-calling': str,
};

export const resolveIssueFlags: Options = {
  ...githubFlags,
  ...llmFlags,
  'selected-repo': str,
  'issue-number': str,
  'issue-type': str,
  'comment-id': str,
  'max-iterations': str,
  'max-budget': str,
  'max-runtime-minutes': str,
  'output-dir': str,
  'prompt-file': str,
  'repo-instruction-file': str,
  'base-container-image': str,
  'runtime-container-image': str,
  runtime: str,
  'sandbox-network': str,
  'is-experimental': str,
  'target-branch': str,
  'replay-trajectory-path': str,
  'allow-workflow-changes': bool,
  verbose: bool,
  help: bool,
};

export const sendPullRequestFlags: Options = {
  ...githubFlags,
  ...llmFlags,
  'issue-number': str,
  'output-dir': str,
  'pr-type': str,
  'fork-owner': str,
  'send-on-failure': bool,
  'target-branch': str,
  reviewer: str,
  'pr-title': str,
  'git-user-name': str,
  'git-user-email': str,
  'selected-repo': str,
  'all-successful': bool,
  'branch-collision': str,
  'co-author': str,
  'allow-workflow-changes': bool,
  verbose: bool,
  help: bool,
};

export function parseFlags(args: string[], options: Options): Record<string, string | boolean | undefined> {
  try {
    const { values } = parseArgs({ args, options, allowPositionals: false, strict: true });
    return values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new ResolverError('config', err instanceof Error ? err.message : String(err));
  }
}

function s(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** DESIGN.md §8.2: --base-domain > GITHUB_*_URL > github.com. */
export function resolveUrls(baseDomain: string | undefined, env: Env): GitHubUrls {
  return resolveGitHubUrls({
    baseDomain: baseDomain === 'github.com' ? undefined : baseDomain,
    apiUrl: env.GITHUB_API_URL,
    graphqlUrl: env.GITHUB_GRAPHQL_URL,
    serverUrl: env.GITHUB_SERVER_URL,
  });
}

export interface CommonGitHubOptions {
  token: string;
  username: string | undefined;
  urls: GitHubUrls;
}

function githubOptions(f: Record<string, string | boolean | undefined>, env: Env, missingTokenMessage: string) {
  const token = s(f.token) ?? env.GITHUB_TOKEN ?? '';
  if (token === '') throw new ResolverError('config', missingTokenMessage);
  return { token, username: s(f.username) ?? env.GIT_USERNAME, urls: resolveUrls(s(f['base-domain']), env) };
}

export function llmOptions(
  f: Record<string, string | boolean | undefined>,
  env: Env,
  required: boolean,
): LlmConfig | null {
  const replay = s(f['llm-replay']);
  const model = s(f['llm-model']) ?? env.LLM_MODEL ?? (replay ? `replay/${replay}` : undefined);
  const apiKey = s(f['llm-api-key']) ?? env.LLM_API_KEY;
  if (model === undefined || model === '') {
    if (!required) return null;
    throw new ResolverError(
      'config',
      'No model configured: set --llm-model or LLM_MODEL (e.g. anthropic/claude-sonnet-4-20250514).',
    );
  }
  return {
    model,
    apiKey,
    baseUrl: s(f['llm-base-url']) ?? env.LLM_BASE_URL,
    apiVersion: s(f['llm-api-version']) ?? env.LLM_API_VERSION,
    replayFile: replay,
    nativeToolCalling: parseBoolSetting(
      '--native-tool-calling',
      s(f['native-tool-calling']) ?? env.LLM_NATIVE_TOOL_CALLING ?? 'true',
    ),
    ...llmSettingsFrom(env),
  };
}

export interface ResolveIssueOptions extends CommonGitHubOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  issueType: 'issue' | 'pr';
  commentId: number | null;
  maxIterations: number;
  maxBudgetUsd: number;
  maxRuntimeMinutes: number;
  outputDir: string;
  promptFile: string | undefined;
  repoInstructionFile: string | undefined;
  baseImage: string | undefined;
  runtimeImage: string | undefined;
  runtime: RuntimeKind;
  network: SandboxNetwork;
  experimental: boolean;
  targetBranch: string | undefined;
  replayTrajectoryPath: string | undefined;
  allowWorkflowChanges: boolean;
  llm: LlmConfig;
  verbose: boolean;
}

export function resolveIssueOptions(args: string[], env: Env): ResolveIssueOptions {
  const f = parseFlags(args, resolveIssueFlags);
  const repoFlag = s(f['selected-repo']);
  if (repoFlag === undefined) throw new ResolverError('config', '--selected-repo is required (owner/repo).');
  const numberFlag = s(f['issue-number']);
  if (numberFlag === undefined) throw new ResolverError('config', '--issue-number is required.');
  const { owner, repo } = parseRepo(repoFlag);
  const gh = githubOptions(f, env, 'Token is required.');
  const baseImage = s(f['base-container-image']);
  const runtimeImage = s(f['runtime-container-image']);
  if (baseImage && runtimeImage)
    throw new ResolverError('config', 'Cannot provide both runtime and base container images.');
  const llm = llmOptions(f, env, true);
  if (llm === null) throw new ResolverError('config', 'No model configured.');
  return {
    ...gh,
    owner,
    repo,
    issueNumber: parseIntSetting('--issue-number', numberFlag, { min: 1 }),
    issueType: parseEnumSetting('--issue-type', s(f['issue-type']) ?? 'issue', ['issue', 'pr'] as const),
    commentId: parseCommentId('--comment-id', s(f['comment-id'])),
    maxIterations: parseIntSetting('--max-iterations', s(f['max-iterations']) ?? '50', { min: 1 }),
    maxBudgetUsd: parseNumberSetting('--max-budget', s(f['max-budget']) ?? '4', { min: 0 }),
    maxRuntimeMinutes: parseNumberSetting('--max-runtime-minutes', s(f['max-runtime-minutes']) ?? '45', { min: 1 }),
    outputDir: s(f['output-dir']) ?? 'output',
    promptFile: s(f['prompt-file']),
    repoInstructionFile: s(f['repo-instruction-file']),
    baseImage,
    runtimeImage,
    runtime: parseEnumSetting('--runtime', s(f.runtime) ?? env.RUNTIME ?? 'auto', ['auto', 'local', 'docker'] as const),
    network: parseEnumSetting('--sandbox-network', s(f['sandbox-network']) ?? 'full', [
      'full',
      'setup-only',
      'none',
    ] as const),
    experimental: parseBoolSetting('--is-experimental', s(f['is-experimental']) ?? 'false'),
    targetBranch: s(f['target-branch']),
    replayTrajectoryPath: s(f['replay-trajectory-path']),
    allowWorkflowChanges: f['allow-workflow-changes'] === true,
    llm,
    verbose: f.verbose === true,
  };
}

export interface SendPullRequestOptions extends CommonGitHubOptions {
  issueNumber: number | null;
  allSuccessful: boolean;
  outputDir: string;
  prType: 'draft' | 'ready' | 'branch';
  forkOwner: string | undefined;
  sendOnFailure: boolean;
  targetBranch: string | undefined;
  reviewer: string | undefined;
  prTitle: string | undefined;
  gitUser: { name: string; email: string };
  branchCollision: 'reuse' | 'new';
  coAuthor: string | undefined;
  /** The patch is judged again before the push: keep .github/workflows changes. */
  allowWorkflowChanges: boolean;
  llm: LlmConfig | null;
  verbose: boolean;
}

export function sendPullRequestOptions(args: string[], env: Env): SendPullRequestOptions {
  const f = parseFlags(args, sendPullRequestFlags);
  const numberFlag = s(f['issue-number']);
  const allSuccessful = f['all-successful'] === true;
  if (numberFlag === undefined && !allSuccessful)
    throw new ResolverError('config', '--issue-number is required (or --all-successful).');
  if (numberFlag !== undefined && !/^\d+$/.test(numberFlag))
    throw new ResolverError('config', `Issue number ${numberFlag} is not a number.`);
  const prTypeRaw = s(f['pr-type']) ?? 'draft';
  if (!['draft', 'ready', 'branch'].includes(prTypeRaw))
    throw new ResolverError('config', `Invalid pr_type: ${prTypeRaw}`);
  const gh = githubOptions(f, env, 'GitHub token is not set: pass --token or set GITHUB_TOKEN.');
  return {
    ...gh,
    issueNumber: numberFlag === undefined ? null : Number(numberFlag),
    allSuccessful,
    outputDir: s(f['output-dir']) ?? 'output',
    prType: prTypeRaw as 'draft' | 'ready' | 'branch',
    forkOwner: s(f['fork-owner']),
    sendOnFailure: f['send-on-failure'] === true,
    targetBranch: s(f['target-branch']),
    reviewer: s(f.reviewer),
    prTitle: s(f['pr-title']),
    gitUser: { name: s(f['git-user-name']) ?? 'openhands', email: s(f['git-user-email']) ?? 'openhands@all-hands.dev' },
    branchCollision: parseEnumSetting('--branch-collision', s(f['branch-collision']) ?? 'reuse', [
      'reuse',
      'new',
    ] as const),
    coAuthor: s(f['co-author']),
    allowWorkflowChanges: f['allow-workflow-changes'] === true,
    llm: llmOptions(f, env, false),
    verbose: f.verbose === true,
  };
}
