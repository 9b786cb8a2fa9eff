import { describe, expect, it } from 'vitest';
import { detectStuck, type LoopType } from '../../src/agent/stuck.js';
import type { ActionEvent, Event, ObservationEvent } from '../../src/core/events.js';

let id = 0;
const run = (command: string, thought = ''): ActionEvent => ({
  id: id++,
  source: 'agent',
  action: 'run',
  args: { command, thought },
});
const out = (command: string, content: string, exit = 0): ObservationEvent => ({
  id: id++,
  source: 'agent',
  observation: 'run',
  content,
  extras: {
    command,
    metadata: {
      exit_code: exit,
      pid: 1,
      username: null,
      hostname: null,
      working_dir: '/w',
      py_interpreter_path: null,
      prefix: '',
      suffix: '',
    },
  },
});
const err = (content: string): ObservationEvent => ({
  id: id++,
  source: 'agent',
  observation: 'error',
  content,
  extras: {},
});
const say = (content: string): ActionEvent => ({
  id: id++,
  source: 'agent',
  action: 'message',
  args: { content, wait_for_response: true },
});
const user = (content: string): ActionEvent => ({ id: id++, source: 'user', action: 'message', args: { content } });
const condense = (): ActionEvent => ({ id: id++, source: 'agent', action: 'condensation', args: {} });
const start = (): Event[] => [user('task')];
const times = <T>(n: number, f: (i: number) => T[]): T[] => Array.from({ length: n }, (_, i) => f(i)).flat();

const table: [string, Event[], LoopType | null][] = [
  ['fewer than 3 events', [run('ls'), out('ls', 'a')], null],
  [
    'same action + observation 4 times',
    [...start(), ...times(4, () => [run('ls'), out('ls', 'a')])],
    'repeating_action_observation',
  ],
  ['same action + observation only 3 times', [...start(), ...times(3, () => [run('ls'), out('ls', 'a')])], null],
  [
    'run output differs but command and exit code match',
    [...start(), ...times(4, (i) => [run('date'), out('date', `t${i}`)])],
    'repeating_action_observation',
  ],
  ['exit codes differ', [...start(), ...times(4, (i) => [run('x'), out('x', 'a', i)])], null],
  [
    'a different thought makes actions different',
    [...start(), ...times(4, (i) => [run('ls', `t${i}`), out('ls', 'a')])],
    null,
  ],
  ['same action, 3 errors', [...start(), ...times(3, () => [run('bad'), err('boom')])], 'repeating_action_error'],
  ['same action, 2 errors', [...start(), ...times(2, () => [run('bad'), err('boom')])], null],
  [
    'monologue: 3 equal agent messages, user replies between',
    [...start(), say('hm'), user('go on'), say('hm'), user('go on'), say('hm')],
    'monologue',
  ],
  [
    'messages with an observation between',
    [...start(), say('hm'), run('ls'), out('ls', 'a'), say('hm'), say('hm')],
    null,
  ],
  [
    'A-B-A-B-A-B pattern',
    [...start(), ...times(3, () => [run('a'), out('a', '1'), run('b'), out('b', '2')])],
    'repeating_action_observation_pattern',
  ],
  ['A-B-A-B only twice', [...start(), ...times(2, () => [run('a'), out('a', '1'), run('b'), out('b', '2')])], null],
  [
    'two condensations back to back in the last 10 events',
    [...start(), ...times(4, (i) => [run(`c${i}`), out(`c${i}`, `${i}`)]), condense(), condense()],
    'context_window_error',
  ],
  [
    'condensations apart',
    [...start(), ...times(3, (i) => [run(`c${i}`), out(`c${i}`, `${i}`)]), condense(), run('z'), condense()],
    null,
  ],
];

describe('detectStuck (runtime.md §8)', () => {
  it.each(table)('%s', (_name, events, expected) => {
    expect(detectStuck(events)?.loop_type ?? null).toBe(expected);
  });

  it('records where the loop starts and how often it repeats', () => {
    const events = [...start(), run('x'), out('x', 'y'), ...times(4, () => [run('ls'), out('ls', 'a')])];
    const s = detectStuck(events);
    expect(s).toEqual({ loop_type: 'repeating_action_observation', loop_repeat_times: 4, loop_start_idx: 2 });
  });
});
