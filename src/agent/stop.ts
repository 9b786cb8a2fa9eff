// Stop predicates (runtime.md §8-9, DESIGN.md §8.8), checked in order before each step.
import { isAction, type Event } from '../core/events.js';
import { detectStuck, type StuckInfo } from './stuck.js';

export type StopReason = 'finished' | 'max_iterations' | 'max_budget' | 'max_runtime' | 'stuck';

export interface StopContext {
  history: readonly Event[];
  /** Steps taken so far. */
  iteration: number;
  costUsd: number;
  elapsedSec: number;
  /** The wall-clock deadline timer fired (it may cut a call short before elapsedSec says so). */
  deadlineReached?: boolean;
}

export interface StopDecision {
  reason: StopReason;
  /** The agent's last_error (null for a normal finish). */
  message: string | null;
  /** Whether one extra finish-only model call is offered first (iterations and wall clock only). */
  wrapUp: boolean;
  loop?: StuckInfo;
}

export type StopPredicate = (ctx: StopContext) => StopDecision | null;

export function finishedStop(): StopPredicate {
  return ({ history }) => {
    const last = history.findLast(isAction);
    return last && last.action === 'finish' ? { reason: 'finished', message: null, wrapUp: false } : null;
  };
}

export function maxIterationsStop(max: number): StopPredicate {
  return ({ iteration }) =>
    iteration >= max
      ? {
          reason: 'max_iterations',
          message: `Agent reached maximum iteration. Current iteration: ${iteration}, max iteration: ${max}`,
          wrapUp: true,
        }
      : null;
}

export function maxBudgetStop(maxUsd: number | null): StopPredicate {
  return ({ costUsd }) =>
    maxUsd !== null && maxUsd > 0 && costUsd >= maxUsd
      ? {
          reason: 'max_budget',
          message: `Agent reached maximum budget for conversation. Current budget: ${costUsd.toFixed(2)}, max budget: ${maxUsd.toFixed(2)}`,
          wrapUp: false,
        }
      : null;
}

/** Time kept back for the wrap-up turn: a tenth of the limit, at most 60 s. */
export function wallClockReserveSec(maxSec: number): number {
  return Math.min(60, maxSec / 10);
}

/**
 * Stops `reserveSec` before the limit, so the wrap-up call still ends inside it. The reserve defaults to
 * wallClockReserveSec(maxSec).
 */
export function wallClockStop(maxSec: number | null, reserveSec?: number): StopPredicate {
  return ({ elapsedSec, deadlineReached }) => {
    if (maxSec === null || maxSec <= 0) return null;
    const reserve = reserveSec ?? wallClockReserveSec(maxSec);
    return deadlineReached || elapsedSec >= maxSec - reserve
      ? {
          reason: 'max_runtime',
          message: `Agent reached maximum runtime. Current runtime: ${Math.round(elapsedSec)} s, max runtime: ${Math.round(maxSec)} s`,
          wrapUp: true,
        }
      : null;
  };
}

export function stuckStop(opts: { headless?: boolean } = {}): StopPredicate {
  return ({ history }) => {
    const loop = detectStuck(history, opts);
    return loop
      ? { reason: 'stuck', message: 'AgentStuckInLoopError: Agent got stuck in a loop', wrapUp: false, loop }
      : null;
  };
}

export function composeStops(predicates: StopPredicate[]): StopPredicate {
  return (ctx) => {
    for (const p of predicates) {
      const d = p(ctx);
      if (d) return d;
    }
    return null;
  };
}
