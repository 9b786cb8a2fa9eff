// The event stream of one run (runtime.md §4): ids from 0, UTC timestamps with microseconds, and every
// known secret value replaced by <secret_hidden> before an event is stored.
import { eventTimestamp, type Event, type EventSource } from '../core/events.js';

export const SECRET_HIDDEN = '<secret_hidden>';

export interface EventLog {
  readonly events: readonly Event[];
  /** Stores a copy of `e` with id, timestamp and source set, secrets masked; returns the stored event. */
  add<E extends Event>(e: E, source: EventSource): E;
}

export function maskSecrets<T>(value: T, secrets: readonly string[]): T {
  const list = secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  if (list.length === 0) return value;
  const mask = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let out = v;
      for (const s of list) if (out.includes(s)) out = out.split(s).join(SECRET_HIDDEN);
      return out;
    }
    if (Array.isArray(v)) return v.map(mask);
    if (v !== null && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = mask(x);
      return o;
    }
    return v;
  };
  return mask(value) as T;
}

export function createEventLog(opts: { secrets?: readonly string[]; now?: () => Date } = {}): EventLog {
  const events: Event[] = [];
  const secrets = opts.secrets ?? [];
  const now = opts.now ?? (() => new Date());
  return {
    events,
    add(e, source) {
      const { id: _id, timestamp: _ts, source: _src, ...rest } = e;
      // Keys in the order of the wire format: id, timestamp, source first.
      const stored = maskSecrets(
        { id: events.length, timestamp: eventTimestamp(now()), source, ...rest },
        secrets,
      ) as typeof e;
      events.push(stored);
      return stored;
    },
  };
}
