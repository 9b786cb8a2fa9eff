// The hidden marker on everything we post (resolver.md §13, DESIGN.md §8.11): the kind and the run id (not
// the attempt), so a re-run finds and edits its own comments, and the trigger ignores our own output.

export type MarkerKind =
  | 'start'
  | 'success'
  | 'branch'
  | 'failure'
  | 'no-changes'
  | 'pr-update'
  | 'error'
  | 'pull-request'
  | 'thread-reply'
  | 'suggestions'
  | 'denied';

const PREFIX = '<!-- openhands-resolver:';

/** `<!-- openhands-resolver:{kind} run={runId} -->` */
export function marker(kind: MarkerKind, runId: string): string {
  const safeRun = runId.replace(/[^A-Za-z0-9_.-]/g, '_');
  return `${PREFIX}${kind} run=${safeRun} -->`;
}

export function hasMarker(body: string | null | undefined): boolean {
  return typeof body === 'string' && body.includes(PREFIX);
}

const MARKER_RE = /<!-- openhands-resolver:([a-z-]+) run=([A-Za-z0-9_.-]+) -->/g;

/** Every marker in a body, in order. */
export function parseMarkers(body: string): { kind: string; runId: string }[] {
  return [...body.matchAll(MARKER_RE)].map((m) => ({ kind: m[1] ?? '', runId: m[2] ?? '' }));
}

/** True when the body carries our marker of this kind for this run. */
export function hasRunMarker(body: string | null | undefined, kind: MarkerKind, runId: string): boolean {
  return typeof body === 'string' && body.includes(marker(kind, runId));
}
