// The wall-clock limit as abort signals, so it also cuts a model call or a command that is in flight: without
// them a run could overshoot max-runtime by a whole LLM_TIMEOUT or command timeout. The soft deadline (the
// limit minus the wrap-up reserve) ends the step in flight; the hard one (the limit) bounds the wrap-up turn.
import { ResolverError } from '../core/errors.js';
import { wallClockReserveSec } from './stop.js';

export interface Deadline {
  /** Aborts at the soft deadline or with the caller's signal: for the agent's steps. */
  readonly stepSignal: AbortSignal | undefined;
  /** Aborts at the limit itself or with the caller's signal: for the wrap-up turn. */
  readonly wrapUpSignal: AbortSignal | undefined;
  /** The soft deadline fired. */
  readonly reached: boolean;
  /** Clears the timers. */
  dispose(): void;
}

function timer(ms: number, controller: AbortController, what: string): ReturnType<typeof setTimeout> {
  const t = setTimeout(() => controller.abort(new ResolverError('cancelled', what)), Math.max(0, ms));
  t.unref();
  return t;
}

export function createDeadline(maxSec: number | null, outer?: AbortSignal, reserveSec?: number): Deadline {
  if (maxSec === null || maxSec <= 0) {
    return { stepSignal: outer, wrapUpSignal: outer, reached: false, dispose() {} };
  }
  const soft = new AbortController();
  const hard = new AbortController();
  const reserve = reserveSec ?? wallClockReserveSec(maxSec);
  const timers = [
    timer((maxSec - reserve) * 1000, soft, 'The run reached its time limit.'),
    timer(maxSec * 1000, hard, 'The run reached its time limit during the wrap-up turn.'),
  ];
  const any = (s: AbortSignal) => (outer ? AbortSignal.any([outer, s]) : s);
  return {
    stepSignal: any(soft.signal),
    wrapUpSignal: any(hard.signal),
    get reached() {
      return soft.signal.aborted;
    },
    dispose() {
      for (const t of timers) clearTimeout(t);
    },
  };
}
