// Waiting for an event in tests: poll its observable effect (a log line, a file, a process, a server
// state). The cap only matters when the event never comes; it must never be what a test waits for.

export interface WaitOptions {
  /** Fails after this long (generous: load must not be able to outrun it). */
  timeoutMs?: number;
  /** Named in the failure message. */
  what?: string;
  intervalMs?: number;
}

/** Resolves once `predicate` holds; rejects with `what` when the cap passes first. */
export async function waitUntil(
  predicate: () => boolean | Promise<boolean>,
  { timeoutMs = 30_000, what = 'a condition', intervalMs = 20 }: WaitOptions = {},
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** How often `needle` occurs in `text` (log lines the server printed so far). */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
