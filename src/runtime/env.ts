// The sandbox environment (security.md §3): built from an allowlist, never copied from process.env.
// This is the one file under src/runtime allowed to read process.env (hostEnvironment()).

/** Host variables that reach the sandbox as they are: locale, terminal, paths and identity, nothing secret. */
export const SANDBOX_ENV_ALLOWLIST: readonly string[] = [
  'PATH',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TERM',
  'COLORTERM',
  'NO_COLOR',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'TMPDIR',
  'CI',
];

/**
 * Defaults every sandbox starts with (a SANDBOX_ENV_ value or `extra` overrides them): Python bytecode
 * caches would otherwise land in every patch, and a stale .pyc written in the same second as an edit can
 * make the agent's re-run of the tests see old code.
 */
export const SANDBOX_ENV_DEFAULTS: Readonly<Record<string, string>> = { PYTHONDONTWRITEBYTECODE: '1' };

/** Variables forwarded by prefix, with the prefix stripped (runtime.md §2.5). */
export const SANDBOX_ENV_PREFIX = 'SANDBOX_ENV_';

/** Names that never enter a sandbox, whichever way they arrive (allowlist, prefix, extra). */
export const DENIED_NAMES: readonly string[] = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'PAT_TOKEN',
  'LLM_API_KEY',
  'SESSION_API_KEY',
];
export const DENIED_PREFIXES: readonly string[] = ['ACTIONS_', 'INPUT_'];

export type DenialReason = 'denied-name' | 'denied-prefix' | 'secret-value';

export interface EnvDenial {
  /** The name as it would have appeared in the sandbox (prefix already stripped). */
  name: string;
  /** The host variable it came from (e.g. SANDBOX_ENV_GITHUB_TOKEN). Never the value. */
  source: string;
  reason: DenialReason;
}

export interface SandboxEnvOptions {
  /** Values that must never reach the sandbox: any variable holding one of them is dropped. */
  secrets?: readonly (string | undefined | null)[];
  /** More host names to pass through as they are (still subject to the deny rules). */
  allow?: readonly string[];
  /** Extra variables set by configuration (runtime_startup_env_vars); subject to the deny rules too. */
  extra?: Readonly<Record<string, string>>;
}

export interface SandboxEnv {
  env: Record<string, string>;
  denied: EnvDenial[];
}

function isLocaleName(name: string): boolean {
  return name === 'LC_ALL' || /^LC_[A-Z]+$/.test(name);
}

export function deniedReason(name: string): DenialReason | undefined {
  const upper = name.toUpperCase();
  if (DENIED_NAMES.includes(upper)) return 'denied-name';
  if (DENIED_PREFIXES.some((p) => upper.startsWith(p))) return 'denied-prefix';
  return undefined;
}

/**
 * Builds the environment a sandbox server and its shell receive. Order of precedence: allowlisted host
 * variables < `SANDBOX_ENV_<NAME>` (prefix stripped, name upper-cased) < `opts.extra`. Every candidate is
 * checked against the denied names and prefixes and against the secret values; each drop is reported in
 * `denied` (names only) so the caller can log it.
 */
export function buildSandboxEnv(
  hostEnv: Readonly<Record<string, string | undefined>>,
  opts: SandboxEnvOptions = {},
): SandboxEnv {
  const secretValues = new Set((opts.secrets ?? []).filter((s): s is string => typeof s === 'string' && s !== ''));
  const allow = new Set([...SANDBOX_ENV_ALLOWLIST, ...(opts.allow ?? [])]);
  const env: Record<string, string> = { ...SANDBOX_ENV_DEFAULTS };
  const denied: EnvDenial[] = [];

  const consider = (name: string, source: string, value: string) => {
    const reason = deniedReason(name) ?? deniedReason(source) ?? (secretValues.has(value) ? 'secret-value' : undefined);
    if (reason) {
      denied.push({ name, source, reason });
      delete env[name];
      return;
    }
    env[name] = value;
  };

  const entries = Object.entries(hostEnv).filter((e): e is [string, string] => typeof e[1] === 'string');
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, value] of entries) {
    if (allow.has(name) || isLocaleName(name)) consider(name, name, value);
  }
  for (const [name, value] of entries) {
    if (!name.startsWith(SANDBOX_ENV_PREFIX)) continue;
    const stripped = name.slice(SANDBOX_ENV_PREFIX.length).toUpperCase();
    if (stripped === '') continue;
    // The source name is checked only for its stripped form: SANDBOX_ENV_* itself is not a denied prefix.
    const reason = deniedReason(stripped) ?? (secretValues.has(value) ? 'secret-value' : undefined);
    if (reason) {
      denied.push({ name: stripped, source: name, reason });
      delete env[stripped];
      continue;
    }
    env[stripped] = value;
  }
  for (const [name, value] of Object.entries(opts.extra ?? {})) consider(name, `extra:${name}`, value);
  return { env, denied };
}

/** Log lines for the denials: names and reasons only, never values. */
export function describeDenials(denied: readonly EnvDenial[]): string[] {
  return denied.map((d) => {
    const from = d.source === d.name ? '' : ` (from ${d.source})`;
    const why =
      d.reason === 'secret-value'
        ? 'its value is a registered secret'
        : d.reason === 'denied-prefix'
          ? 'runner and action-input variables never enter the sandbox'
          : 'credentials never enter the sandbox';
    return `sandbox env: dropped ${d.name}${from}: ${why}`;
  });
}

export interface WarmPoolConfig {
  /** Servers started synchronously by setup() when the pool is empty. */
  initial: number;
  /** Pool size kept up in the background after every acquire. */
  desired: number;
}

function nonNegativeInt(value: string | undefined, name: string): number {
  if (value === undefined || value.trim() === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** INITIAL_NUM_WARM_SERVERS / DESIRED_NUM_WARM_SERVERS (runtime.md §2.1), default 0 each. */
export function readWarmPoolConfig(hostEnv: Readonly<Record<string, string | undefined>>): WarmPoolConfig {
  return {
    initial: nonNegativeInt(hostEnv['INITIAL_NUM_WARM_SERVERS'], 'INITIAL_NUM_WARM_SERVERS'),
    desired: nonNegativeInt(hostEnv['DESIRED_NUM_WARM_SERVERS'], 'DESIRED_NUM_WARM_SERVERS'),
  };
}

/** The directory for per-run sandbox folders: $RUNNER_TEMP when the runner provides it. */
export function readRuntimeTempRoot(hostEnv: Readonly<Record<string, string | undefined>>): string | undefined {
  const v = hostEnv['RUNNER_TEMP'];
  return v && v.startsWith('/') ? v : undefined;
}

/** The process environment, for entry points and defaults; everything else takes an env object. */
export function hostEnvironment(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
