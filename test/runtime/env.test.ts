import { describe, expect, it } from 'vitest';
import {
  buildSandboxEnv,
  describeDenials,
  readRuntimeTempRoot,
  readWarmPoolConfig,
  SANDBOX_ENV_DEFAULTS,
  type DenialReason,
} from '../../src/runtime/env.js';

/** Every sandbox env also holds the fixed defaults. */
const D = SANDBOX_ENV_DEFAULTS;

const SECRET = 'sk-test-0123456789abcdefghij';

describe('buildSandboxEnv', () => {
  // [host variable, value, name in the sandbox (undefined = absent), denial reason if denied]
  const table: [string, string, string | undefined, DenialReason | undefined][] = [
    ['PATH', '/usr/bin:/bin', 'PATH', undefined],
    ['LANG', 'C.UTF-8', 'LANG', undefined],
    ['LC_ALL', 'C', 'LC_ALL', undefined],
    ['LC_CTYPE', 'C', 'LC_CTYPE', undefined],
    ['TZ', 'UTC', 'TZ', undefined],
    ['TERM', 'xterm', 'TERM', undefined],
    ['HOME', '/home/runner', 'HOME', undefined],
    ['CI', 'true', 'CI', undefined],
    // not on the allowlist: silently absent, not a denial
    ['GITHUB_WORKSPACE', '/home/runner/work/x', undefined, undefined],
    ['RUNNER_TEMP', '/home/runner/work/_temp', undefined, undefined],
    ['NODE_OPTIONS', '--inspect', undefined, undefined],
    ['AWS_SECRET_ACCESS_KEY', 'abc', undefined, undefined],
    // credentials and runner variables that are on no allowlist are simply not copied
    ['GITHUB_TOKEN', 'ghs_abcdefghijklmnopqrstuvwxyz0123456789', undefined, undefined],
    ['LLM_API_KEY', SECRET, undefined, undefined],
    ['ACTIONS_RUNTIME_TOKEN', 'eyJ0', undefined, undefined],
    ['INPUT_GITHUB-TOKEN', 'ghs_x', undefined, undefined],
    // SANDBOX_ENV_ forwarding strips the prefix and upper-cases the name
    ['SANDBOX_ENV_FOO', 'bar', 'FOO', undefined],
    ['SANDBOX_ENV_lower_name', 'v', 'LOWER_NAME', undefined],
    // ...but never forwards a denied name or prefix
    ['SANDBOX_ENV_GITHUB_TOKEN', 'ghs_1', undefined, 'denied-name'],
    ['SANDBOX_ENV_GH_TOKEN', 'ghs_2', undefined, 'denied-name'],
    ['SANDBOX_ENV_GH_ENTERPRISE_TOKEN', 'ghs_3', undefined, 'denied-name'],
    ['SANDBOX_ENV_PAT_TOKEN', 'ghp_4', undefined, 'denied-name'],
    ['SANDBOX_ENV_LLM_API_KEY', 'k', undefined, 'denied-name'],
    ['SANDBOX_ENV_llm_api_key', 'k2', undefined, 'denied-name'],
    ['SANDBOX_ENV_ACTIONS_ID_TOKEN_REQUEST_URL', 'https://x', undefined, 'denied-prefix'],
    ['SANDBOX_ENV_ACTIONS_CACHE_URL', 'https://x', undefined, 'denied-prefix'],
    ['SANDBOX_ENV_INPUT_LLM-API-KEY', 'k', undefined, 'denied-prefix'],
    // ...nor any value equal to a registered secret, whatever its name
    ['SANDBOX_ENV_HARMLESS_NAME', SECRET, undefined, 'secret-value'],
  ];

  it.each(table)('%s=%s -> %s', (name, value, expectedName, reason) => {
    const { env, denied } = buildSandboxEnv({ [name]: value }, { secrets: [SECRET] });
    if (expectedName === undefined) {
      expect(Object.values(env)).not.toContain(value);
      expect(env).toEqual(D);
    } else {
      expect(env).toEqual({ ...D, [expectedName]: value });
    }
    if (reason) expect(denied).toEqual([expect.objectContaining({ source: name, reason })]);
    else expect(denied).toEqual([]);
  });

  it('denies an allowlisted variable whose value is a secret (e.g. a token in TERM)', () => {
    const { env, denied } = buildSandboxEnv({ PATH: '/bin', TERM: SECRET }, { secrets: [SECRET] });
    expect(env).toEqual({ ...D, PATH: '/bin' });
    expect(denied).toEqual([{ name: 'TERM', source: 'TERM', reason: 'secret-value' }]);
  });

  it('applies the deny rules to extra allowlisted names and configured extras', () => {
    const { env, denied } = buildSandboxEnv(
      { GITHUB_TOKEN: 'ghs_y', MY_TOOL_HOME: '/opt/t', INPUT_X: 'y' },
      { allow: ['GITHUB_TOKEN', 'MY_TOOL_HOME', 'INPUT_X'], extra: { ACTIONS_RUNTIME_URL: 'u', DEBUG: '1' } },
    );
    expect(env).toEqual({ ...D, MY_TOOL_HOME: '/opt/t', DEBUG: '1' });
    expect(denied.map((d) => `${d.name}:${d.reason}`).sort()).toEqual([
      'ACTIONS_RUNTIME_URL:denied-prefix',
      'GITHUB_TOKEN:denied-name',
      'INPUT_X:denied-prefix',
    ]);
  });

  it('lets SANDBOX_ENV_ override an allowlisted host value, and extras override both', () => {
    const { env } = buildSandboxEnv({ TZ: 'UTC', SANDBOX_ENV_TZ: 'Europe/Paris' }, { extra: { LANG: 'C' } });
    expect(env).toEqual({ ...D, TZ: 'Europe/Paris', LANG: 'C' });
  });

  it('a denied SANDBOX_ENV_ name removes an allowlisted value of the same name too', () => {
    const { env } = buildSandboxEnv({ HOME: '/h', SANDBOX_ENV_HOME: SECRET }, { secrets: [SECRET] });
    expect(env).toEqual(D);
  });

  it('starts from defaults that keep Python bytecode out of the workspace, which SANDBOX_ENV_ can override', () => {
    expect(buildSandboxEnv({}).env).toEqual({ PYTHONDONTWRITEBYTECODE: '1' });
    expect(buildSandboxEnv({ SANDBOX_ENV_PYTHONDONTWRITEBYTECODE: '' }).env).toEqual({ PYTHONDONTWRITEBYTECODE: '' });
  });

  it('describes denials by name only', () => {
    const { denied } = buildSandboxEnv(
      { SANDBOX_ENV_GITHUB_TOKEN: 'ghs_value', SANDBOX_ENV_X: SECRET },
      { secrets: [SECRET] },
    );
    const lines = describeDenials(denied);
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l).not.toContain('ghs_value');
      expect(l).not.toContain(SECRET);
    }
    expect(lines.join('\n')).toContain('GITHUB_TOKEN (from SANDBOX_ENV_GITHUB_TOKEN)');
  });
});

describe('readWarmPoolConfig', () => {
  const table: [Record<string, string>, { initial: number; desired: number } | string][] = [
    [{}, { initial: 0, desired: 0 }],
    [{ INITIAL_NUM_WARM_SERVERS: '1' }, { initial: 1, desired: 0 }],
    [
      { INITIAL_NUM_WARM_SERVERS: '2', DESIRED_NUM_WARM_SERVERS: '3' },
      { initial: 2, desired: 3 },
    ],
    [{ DESIRED_NUM_WARM_SERVERS: ' ' }, { initial: 0, desired: 0 }],
    [{ DESIRED_NUM_WARM_SERVERS: '-1' }, 'DESIRED_NUM_WARM_SERVERS must be a non-negative integer'],
    [{ INITIAL_NUM_WARM_SERVERS: 'two' }, 'INITIAL_NUM_WARM_SERVERS must be a non-negative integer'],
  ];
  it.each(table)('%j -> %j', (env, expected) => {
    if (typeof expected === 'string') expect(() => readWarmPoolConfig(env)).toThrow(expected);
    else expect(readWarmPoolConfig(env)).toEqual(expected);
  });
});

describe('readRuntimeTempRoot', () => {
  it.each([
    [{ RUNNER_TEMP: '/home/runner/work/_temp' }, '/home/runner/work/_temp'],
    [{ RUNNER_TEMP: 'relative' }, undefined],
    [{}, undefined],
  ])('%j -> %s', (env, expected) => {
    expect(readRuntimeTempRoot(env)).toBe(expected);
  });
});
