// The agent's public types and its automatic reply (resolver.md §8.5), apart from the loop itself.
import type { ErrorCode } from '../core/errors.js';
import type { Event } from '../core/events.js';
import type { Logger } from '../core/log.js';
import type { LlmClient, Metrics } from '../llm/types.js';
import type { Runtime } from '../runtime/types.js';
import type { StopDecision, StopReason } from './stop.js';
import type { ToolRegistry } from './tools/registry.js';

export const MAX_CONSECUTIVE_INVALID_CALLS = 5;

export interface AgentDeps {
  llm: LlmClient;
  runtime: Pick<Runtime, 'execute'>;
  tools: ToolRegistry;
  logger: Logger;
  now?: () => number;
}

export interface AgentProgress {
  iteration: number;
  maxIterations: number;
  costUsd: number;
  lastAction: string | null;
}

export interface AgentSnapshot {
  history: readonly Event[];
  metrics: Metrics;
  iteration: number;
}

export interface AgentOptions {
  systemPrompt: string;
  userMessage: string;
  imageUrls?: string[];
  vision?: boolean;
  maxIterations: number;
  maxBudgetUsd: number | null;
  maxRuntimeSec: number | null;
  /** Values replaced by <secret_hidden> in every stored event. */
  secrets?: readonly string[];
  /** Tool outputs older than this many steps are masked (default 10; Infinity: never). */
  keepRecentSteps?: number;
  /**
   * Size budget (characters) of the recent outputs shown in full, newest first; the newest always is (default
   * 20,000; Infinity: no budget). With both at Infinity the whole raw history is sent every time.
   */
  recentOutputChars?: number;
  signal?: AbortSignal;
  autoReply?: (userMessagesSoFar: number) => string;
  onCheckpoint?: (s: AgentSnapshot) => void | Promise<void>;
  onProgress?: (p: AgentProgress) => void;
}

export interface AgentResult {
  state: 'finished' | 'error' | 'cancelled';
  stopReason: StopReason | 'invalid_calls' | 'exception' | 'cancelled';
  lastError: string | null;
  finishMessage: string | null;
  history: Event[];
  metrics: Metrics;
  iterations: number;
  loop?: StopDecision['loop'];
  /** The code of the error that stopped the run (stopReason `exception`): a ResolverError's code, else `agent`. */
  errorCode?: ErrorCode;
  /**
   * A failed model call that ended the run (the exception) or its wrap-up turn, so the caller knows the model
   * itself failed (a rejected key, a quota, retries used up) before it asks the same model anything else.
   */
  modelError?: { code: ErrorCode; message: string };
}

export function defaultAutoReply(userMessagesSoFar: number): string {
  let text =
    'Please continue with whatever approach you think is suitable.\n' +
    'If you have solved the task, state your answer and then call the finish tool.\n' +
    'Never ask a human for help: nobody will answer.';
  if (userMessagesSoFar >= 2)
    text += '\nIf you want to give up, call the finish tool with an explanation of what you tried.';
  return text;
}
