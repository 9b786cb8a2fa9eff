// One stop path for a run (issue 9, "nothing lost"): a signal (the runner's SIGINT/SIGTERM on cancel or timeout)
// and a crash (an exception nothing caught) both end up here. The first stop aborts `signal`: every phase stops
// its work (model calls, clone and push, sandbox commands, GitHub requests of the work). Saving what was done
// (the record, the patch, a branch, the comments) runs under `grace`, which aborts only at a second stop or when
// the grace period ends, so a run always ends, and ends with its record.
import { ResolverError, errorMessage, type ErrorCode } from './errors.js';
import type { Logger } from './log.js';

/** How long saving may take after the first stop when no second stop comes (the runner kills after ~10 s). */
export const DEFAULT_GRACE_MS = 30_000;

export interface Cancellation {
  /** Aborted at the first stop; its reason is the ResolverError of that stop. */
  readonly signal: AbortSignal;
  /** Aborted at a second stop or `graceMs` after the first: saving must end too. */
  readonly grace: AbortSignal;
  /** Stops the run; only the first reason counts, a second call ends the grace period. */
  stop(reason: ResolverError): void;
}

export function createCancellation(o: { graceMs?: number } = {}): Cancellation {
  const work = new AbortController();
  const grace = new AbortController();
  return {
    signal: work.signal,
    grace: grace.signal,
    stop(reason) {
      if (work.signal.aborted) {
        grace.abort(reason);
        return;
      }
      work.abort(reason);
      // unref: a run that finished saving must not wait for the grace period to pass.
      setTimeout(() => grace.abort(reason), o.graceMs ?? DEFAULT_GRACE_MS).unref();
    },
  };
}

/** The stop error for a signal: code `cancelled`. */
export function cancelledBy(signalName: string): ResolverError {
  return new ResolverError('cancelled', `cancelled by ${signalName}`);
}

/** The stop error for an exception nothing caught: code `internal`. */
export function crashed(err: unknown): ResolverError {
  return new ResolverError('internal', `crashed: ${errorMessage(err)}`, { cause: err });
}

/** What a stopped run's record says: `error` (the reference's field) and `error_code`. */
export interface StopInfo {
  /** `cancelled` for a signal (the reference's value), `crashed: …` for a crash. */
  error: string;
  code: ErrorCode;
  /** The stop's own text (`cancelled by SIGTERM`, `crashed: …`). */
  message: string;
}

/** The stop behind an aborted signal, or null while it runs. A reason that is not ours counts as a cancel. */
export function stopInfo(signal: AbortSignal | undefined): StopInfo | null {
  if (!signal?.aborted) return null;
  const r: unknown = signal.reason;
  if (r instanceof ResolverError && r.code !== 'cancelled')
    return { error: r.message, code: r.code, message: r.message };
  const message = r instanceof ResolverError ? r.message : 'cancelled';
  return { error: 'cancelled', code: 'cancelled', message };
}

/**
 * Routes the process's stops into `c`: SIGINT, SIGTERM, and exceptions or rejections nothing caught. Installed
 * once by an entry point (the action's main step, the CLI). A crash is not resumed from: the run stops and saves
 * what it has within the grace period, then the entry exits. Returns a function that uninstalls the handlers.
 */
export function watchProcess(c: Cancellation, logger: Pick<Logger, 'warn' | 'error'>): () => void {
  const onSignal = (name: NodeJS.Signals) => {
    logger.warn(
      c.signal.aborted
        ? `Received ${name} again: finishing now.`
        : `Received ${name}: stopping the agent and saving what was done.`,
    );
    c.stop(cancelledBy(name));
  };
  const onCrash = (err: unknown) => {
    const reason = crashed(err);
    logger.error(`The run ${reason.message}; stopping and saving what was done.`);
    c.stop(reason);
  };
  const sigint = () => onSignal('SIGINT');
  const sigterm = () => onSignal('SIGTERM');
  process.on('SIGINT', sigint);
  process.on('SIGTERM', sigterm);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return () => {
    process.off('SIGINT', sigint);
    process.off('SIGTERM', sigterm);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  };
}
