// Stuck detection (runtime.md §8): five loop rules over the history, checked before each step.
import { isAction, isObservation, type Event } from '../core/events.js';

export type LoopType =
  | 'repeating_action_observation'
  | 'repeating_action_error'
  | 'monologue'
  | 'repeating_action_observation_pattern'
  | 'context_window_error';

export interface StuckInfo {
  loop_type: LoopType;
  loop_repeat_times: number;
  loop_start_idx: number;
}

function isUserMessage(e: Event): boolean {
  return isAction(e) && e.action === 'message' && e.source === 'user';
}

function isNull(e: Event): boolean {
  return isObservation(e) && e.observation === 'null';
}

/** The part of an event that counts for equality: everything but id, timestamp, source, cause and metadata. */
function key(e: Event): string {
  if (isAction(e)) {
    if (e.action === 'run_ipython' && e.args.code.includes('edit_file_by_replace(')) {
      const lines = e.args.code.split('\n');
      if (lines.length > 2) return JSON.stringify(['run_ipython-edit', lines.slice(0, 3)]);
    }
    return JSON.stringify([e.action, e.args, e.timeout ?? null]);
  }
  if (e.observation === 'run') return JSON.stringify(['run', e.extras.command, e.extras.metadata?.exit_code ?? null]);
  return JSON.stringify([e.observation, e.content, e.extras]);
}

function allEqual(events: Event[]): boolean {
  if (events.length === 0) return false;
  const k = key(events[0] as Event);
  return events.every((e) => key(e) === k);
}

/** IPython cells that keep failing with the same syntax error (the second half of rule 2). */
function sameSyntaxErrors(observations: Event[]): boolean {
  const contents = observations.map((o) => (isObservation(o) && o.observation === 'run_ipython' ? o.content : null));
  if (contents.some((c) => c === null)) return false;
  const lines = (contents as string[]).map((c) => c.trimEnd().split('\n'));
  const first = lines[0] ?? [];
  const hasUnterminated = (contents as string[]).every((c) =>
    c.includes('SyntaxError: unterminated string literal (detected at line'),
  );
  if (hasUnterminated) {
    const third = (l: string[]) => l[l.length - 3] ?? '';
    return lines.every((l) => third(l) === third(first));
  }
  const markers = ['SyntaxError: invalid syntax. Perhaps you forgot a comma?', 'SyntaxError: incomplete input'];
  for (const m of markers) {
    if ((contents as string[]).every((c) => c.includes(m)) && lines.every((l) => l.length >= 6)) {
      const head = (l: string[]) => l.find((x) => x.startsWith('Cell In[1], line')) ?? '';
      const errLine = (l: string[]) => l[l.length - 2] ?? '';
      if (lines.every((l) => head(l) === head(first) && head(l) !== '' && errLine(l) === errLine(first))) return true;
    }
  }
  return false;
}

export function detectStuck(history: readonly Event[], opts: { headless?: boolean } = {}): StuckInfo | null {
  let events: Event[];
  if (opts.headless !== false) {
    events = history.filter((e) => !isUserMessage(e) && !isNull(e));
  } else {
    let lastUser = -1;
    history.forEach((e, i) => {
      if (isUserMessage(e)) lastUser = i;
    });
    events = history.slice(lastUser + 1).filter((e) => !isNull(e));
  }
  if (events.length < 3) return null;
  const indexOf = (e: Event) => events.indexOf(e);

  const actions = events.filter(isAction);
  const observations = events.filter(isObservation);
  const last4a = actions.slice(-4);
  const last4o = observations.slice(-4);

  // 1. the same action and the same observation four times in a row
  if (last4a.length === 4 && last4o.length === 4 && allEqual(last4a) && allEqual(last4o)) {
    return {
      loop_type: 'repeating_action_observation',
      loop_repeat_times: 4,
      loop_start_idx: indexOf(last4a[0] as Event),
    };
  }
  // 2. the same action three times, each answered by an error
  const last3a = actions.slice(-3);
  const last3o = observations.slice(-3);
  if (last3a.length === 3 && last3o.length === 3 && allEqual(last3a)) {
    const allErrors = last3o.every((o) => isObservation(o) && o.observation === 'error');
    if (allErrors || sameSyntaxErrors(last3o)) {
      return { loop_type: 'repeating_action_error', loop_repeat_times: 3, loop_start_idx: indexOf(last3a[0] as Event) };
    }
  }
  // 3. the agent says the same thing three times with nothing happening in between
  const agentMessages = events.filter((e) => isAction(e) && e.action === 'message' && e.source === 'agent');
  const last3m = agentMessages.slice(-3);
  if (last3m.length === 3 && allEqual(last3m)) {
    const start = indexOf(last3m[0] as Event);
    const end = indexOf(last3m[2] as Event);
    if (!events.slice(start + 1, end).some(isObservation)) {
      return { loop_type: 'monologue', loop_repeat_times: 3, loop_start_idx: start };
    }
  }
  // 4. an A-B-A-B-A-B alternation of actions and of observations
  if (events.length >= 6) {
    const a6 = actions.slice(-6);
    const o6 = observations.slice(-6);
    const alternates = (xs: Event[]) =>
      xs.length === 6 && allEqual([xs[0], xs[2], xs[4]] as Event[]) && allEqual([xs[1], xs[3], xs[5]] as Event[]);
    if (alternates(a6) && alternates(o6)) {
      return {
        loop_type: 'repeating_action_observation_pattern',
        loop_repeat_times: 3,
        loop_start_idx: indexOf(a6[0] as Event),
      };
    }
  }
  // 5. condensation right after condensation: the context keeps overflowing
  if (events.length >= 10) {
    const last10 = events.slice(-10);
    const isCondensation = (e: Event | undefined) => !!e && isAction(e) && e.action === 'condensation';
    for (let i = 0; i + 1 < last10.length; i++) {
      if (isCondensation(last10[i]) && isCondensation(last10[i + 1])) {
        return { loop_type: 'context_window_error', loop_repeat_times: 2, loop_start_idx: indexOf(last10[i] as Event) };
      }
    }
  }
  return null;
}
