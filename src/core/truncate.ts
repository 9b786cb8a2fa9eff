// The observation-size rule of runtime.md §5, applied by the server to command output and by the agent's
// tools when they render an observation for the model. No imports, so the server bundle can use it.

export const MAX_OBSERVATION_CHARS = 30_000;
export const TRUNCATION_MARKER = '\n[... Observation truncated due to length ...]\n';

/** Cuts text over `max` characters in the middle: first half + marker + last half. */
export function truncateMiddle(text: string, max = MAX_OBSERVATION_CHARS): string {
  if (text.length <= max) return text;
  const half = Math.floor(max / 2);
  return text.slice(0, half) + TRUNCATION_MARKER + text.slice(text.length - half);
}
