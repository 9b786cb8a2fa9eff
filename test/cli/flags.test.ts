import { describe, expect, it } from 'vitest';
import { resolveIssueOptions, resolveUrls, sendPullRequestOptions } from '../../src/cli/flags.js';

const base = ['--selected-repo', 'octo/hello', '--issue-number', '7'];
const env = { GITHUB_TOKEN: 'ghs_env', LLM_MODEL: 'openai/gpt-4o', LLM_API_KEY: 'sk-env' };

describe('resolve-issue flags', () => {
  it.each([
    [
      [],
      {
        owner: 'octo',
        repo: 'hello',
        issueNumber: 7,
        issueType: 'issue',
        commentId: null,
        maxIterations: 50,
        maxBudgetUsd: 4,
        outputDir: 'output',
        runtime: 'auto',
      },
    ],
    [['--selected-repo', 'deep/group/repo'], { owner: 'deep/group', repo: 'repo' }],
    [['--comment-id', 'None'], { commentId: null }],
    [['--comment-id', '123'], { commentId: 123 }],
    [
      ['--issue-type', 'pr', '--max-iterations', '5', '--max-budget', '0.5'],
      { issueType: 'pr', maxIterations: 5, maxBudgetUsd: 0.5 },
    ],
    [['--is-experimental', 'TRUE'], { experimental: true }],
    [['--token', 'ghs_flag'], { token: 'ghs_flag' }],
    [[], { llm: expect.objectContaining({ nativeToolCalling: true }) }],
    [['--native-tool-calling', 'false'], { llm: expect.objectContaining({ nativeToolCalling: false }) }],
  ])('%j', (extra, expected) => {
    expect(resolveIssueOptions([...base, ...extra], env)).toMatchObject(expected);
  });

  it('flags win over the environment for the model settings (the reference ignored them)', () => {
    const o = resolveIssueOptions(
      [...base, '--llm-model', 'anthropic/claude-x', '--llm-api-key', 'k2', '--llm-base-url', 'http://127.0.0.1:9/v1'],
      env,
    );
    expect(o.llm).toMatchObject({ model: 'anthropic/claude-x', apiKey: 'k2', baseUrl: 'http://127.0.0.1:9/v1' });
  });

  it.each([
    [['--selected-repo', 'noslash', '--issue-number', '1'], env, 'Invalid repository format. Expected owner/repo'],
    [base, { LLM_MODEL: 'openai/x' }, 'Token is required.'],
    [
      [...base, '--base-container-image', 'a', '--runtime-container-image', 'b'],
      env,
      'Cannot provide both runtime and base container images.',
    ],
    [[...base, '--comment-id', 'abc'], env, '--comment-id must be a whole number'],
    [[...base, '--runtime', 'vm'], env, '--runtime must be one of auto, local, docker'],
    [[...base, '--bogus'], env, "Unknown option '--bogus'"],
  ])('rejects %j', (args, e, message) => {
    expect(() => resolveIssueOptions(args, e)).toThrow(message);
  });
});

describe('send-pull-request flags', () => {
  it.each([
    [['--issue-number', '12'], { issueNumber: 12, prType: 'draft', sendOnFailure: false, branchCollision: 'reuse' }],
    [['--issue-number', '12', '--pr-type', 'branch', '--send-on-failure'], { prType: 'branch', sendOnFailure: true }],
    [['--all-successful'], { issueNumber: null, allSuccessful: true }],
  ])('%j', (args, expected) => {
    expect(sendPullRequestOptions(args, env)).toMatchObject(expected);
  });
  it('the model is optional for send', () => {
    expect(sendPullRequestOptions(['--issue-number', '1'], { GITHUB_TOKEN: 't' }).llm).toBeNull();
  });
});

describe('GitHub URLs (DESIGN.md §8.2)', () => {
  it.each([
    [
      undefined,
      {},
      {
        apiUrl: 'https://api.github.com',
        graphqlUrl: 'https://api.github.com/graphql',
        serverUrl: 'https://github.com',
      },
    ],
    [
      'ghe.example.com',
      {},
      {
        apiUrl: 'https://ghe.example.com/api/v3',
        graphqlUrl: 'https://ghe.example.com/api/graphql',
        serverUrl: 'https://ghe.example.com',
      },
    ],
    // A server URL alone derives the API and GraphQL URLs, so the token never goes to api.github.com by mistake.
    [
      undefined,
      { GITHUB_SERVER_URL: 'http://127.0.0.1:8080' },
      { apiUrl: 'http://127.0.0.1:8080/api/v3', graphqlUrl: 'http://127.0.0.1:8080/api/graphql' },
    ],
    [
      undefined,
      { GITHUB_API_URL: 'https://ghe.corp/api/v3' },
      { graphqlUrl: 'https://ghe.corp/api/graphql', serverUrl: 'https://ghe.corp' },
    ],
    ['ghe.flag', { GITHUB_API_URL: 'https://ghe.env/api/v3' }, { serverUrl: 'https://ghe.flag' }],
  ])('%s %j', (domain, e, expected) => {
    expect(resolveUrls(domain, e)).toMatchObject(expected);
  });
  it.each([
    [{ GITHUB_SERVER_URL: 'git://127.0.0.1:9418' }, 'must use http or https'],
    [{ GITHUB_API_URL: 'https://user:pw@ghe.corp/api/v3' }, 'must not contain credentials'],
  ])('rejects %j', (e, message) => {
    expect(() => resolveUrls(undefined, e)).toThrow(message);
  });
});
