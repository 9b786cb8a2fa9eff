// The sandbox seam. The agent and the resolver see only this interface; LocalRuntime and DockerRuntime
// implement it with the same HTTP client to the action-execution server (dist/server.js).
import type { ActionEvent, ObservationEvent } from '../core/events.js';
import type { Logger } from '../core/log.js';

export type RuntimeKind = 'auto' | 'local' | 'docker';
export type SandboxNetwork = 'full' | 'setup-only' | 'none';

export interface CommandResult {
  exitCode: number;
  output: string;
}

export interface Runtime {
  readonly kind: 'local' | 'docker';
  /** The workspace path as the sandbox sees it (/workspace under bwrap and docker, the host path otherwise). */
  readonly workspacePath: string;
  /** Executes one action event and returns its observation (runtime.md §3). */
  execute(action: ActionEvent, opts?: { signal?: AbortSignal }): Promise<ObservationEvent>;
  /**
   * Runs one command in the persistent shell with a hard timeout (seconds), for the resolver's own steps
   * (init, setup script, git patch). Never soft-times-out.
   */
  run(command: string, opts?: { timeoutSec?: number; signal?: AbortSignal }): Promise<CommandResult>;
  /** Drops network access for the agent phase (sandbox-network: setup-only). */
  dropNetwork?(): Promise<void>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  kind: RuntimeKind;
  /** Host directory holding the repository copy the agent works in. */
  workspaceHostDir: string;
  /** Environment for the sandbox shell, already filtered by buildSandboxEnv(). */
  env: Record<string, string>;
  sessionId: string;
  logger: Logger;
  /** Path to dist/server.js; defaults to the one beside the running bundle. */
  serverScript?: string;
  /** Docker only. */
  image?: string;
  network?: SandboxNetwork;
  plugins?: string[];
  /**
   * `local` only: `auto` (default) = bubblewrap when it works, else unisolated with a warning; `none` asks for
   * no isolation (dev/tests; logs the warning); `bwrap` fails when bubblewrap does not work.
   */
  localIsolation?: 'auto' | 'bwrap' | 'none';
  /** Sandbox limits; each one not given takes its DEFAULT_SANDBOX_LIMITS value. */
  limits?: SandboxLimits;
}

export interface SandboxLimits {
  /** Memory of the whole sandbox, in bytes; no swap beyond it. */
  memoryBytes?: number;
  /** CPUs × 1e9. */
  nanoCpus?: number;
  /** Processes and threads of the whole sandbox (a fork bomb stops there). */
  pidsLimit?: number;
}

/** Defaults for both runtimes (DESIGN §8.21): 4 GiB memory, 1024 processes and threads, no CPU cap. */
export const DEFAULT_SANDBOX_LIMITS: Readonly<Required<Pick<SandboxLimits, 'memoryBytes' | 'pidsLimit'>>> = {
  memoryBytes: 4 * 1024 ** 3,
  pidsLimit: 1024,
};

export interface RuntimeFactory {
  create(opts: RuntimeOptions): Promise<Runtime>;
  /** Starts INITIAL_NUM_WARM_SERVERS warm servers and waits for them; call early (e.g. while cloning). */
  setup?(): Promise<void>;
  /** Kills warm servers and anything still running (Action post step, process exit). */
  teardown(): Promise<void>;
}
