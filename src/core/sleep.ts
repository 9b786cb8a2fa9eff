// A timer that an AbortSignal can cut short. No imports, so every layer (the server included) can use it.

/** Resolves after `ms`; rejects with `onAbort()` as soon as `signal` aborts (at once if it already has). */
export function abortableSleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(onAbort());
      return;
    }
    const abort = () => {
      clearTimeout(t);
      reject(onAbort());
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}
