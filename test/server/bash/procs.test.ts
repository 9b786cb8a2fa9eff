// Process bookkeeping read from /proc: the "started after" mark must never place a process that was
// already running at the mark after it (that process would be killed and disowned with the command).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  listProcesses,
  markNow,
  parseProcStat,
  parseUptimeTicks,
  startedAfter,
} from '../../../src/server/bash/procs.js';

describe('parseUptimeTicks', () => {
  it.each([
    ['0.29 0.10\n', 29],
    ['405.16 224.06\n', 40516],
    ['1234.57 1.00', 123457],
    ['9.07 3.00', 907],
    ['100000.00 0.00', 10000000],
    ['garbage', undefined],
    ['', undefined],
  ])('%j → %s ticks', (text, ticks) => {
    expect(parseUptimeTicks(text)).toBe(ticks);
  });

  it('is exact for every centisecond where floating point is not', () => {
    let floatWrong = 0;
    const wrong: string[] = [];
    for (let s = 0; s < 2000; s += 1) {
      for (let c = 0; c < 100; c += 1) {
        const text = `${s}.${String(c).padStart(2, '0')} 0.00`;
        if (parseUptimeTicks(text) !== s * 100 + c) wrong.push(text);
        if (Math.floor(Number(text.split(' ')[0]) * 100) !== s * 100 + c) floatWrong += 1;
      }
    }
    expect(wrong).toEqual([]);
    // The reason for the integer parse: the naive formula is a tick short for thousands of these values.
    expect(floatWrong).toBeGreaterThan(1000);
  });
});

describe('startedAfter', () => {
  it('a process running before the mark is never after it, one started after always is', async () => {
    for (let i = 0; i < 50; i += 1) {
      const before = spawn('sleep', ['30'], { stdio: 'ignore' });
      const mark = markNow();
      const after = spawn('sleep', ['30'], { stdio: 'ignore' });
      try {
        const procs = listProcesses();
        const b = procs.find((p) => p.pid === before.pid);
        const a = procs.find((p) => p.pid === after.pid);
        expect(b && startedAfter(b, mark)).toBe(false);
        expect(a && startedAfter(a, mark)).toBe(true);
      } finally {
        before.kill('SIGKILL');
        after.kill('SIGKILL');
      }
    }
  });

  it('reads comm with spaces and parentheses', () => {
    const p = parseProcStat('42 (a (b) c) S 1 42 42 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 777 0 0');
    expect(p).toEqual({ pid: 42, ppid: 1, pgid: 42, sid: 42, startTicks: 777, state: 'S' });
  });
});
