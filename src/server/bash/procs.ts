// Process bookkeeping for the bash session, read from /proc (Linux only: the server runs on Linux hosts,
// in containers and under bubblewrap).
//
// Every process the session starts shares the session id of the bash process (bash is spawned as a
// session leader), even after its parent dies and it is re-parented. That makes "everything the shell
// started" and "everything the current command started" (session member, started at or after the
// command began) exact sets to signal, without a subreaper.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  /** Clock ticks since boot. */
  startTicks: number;
  state: string;
}

/** USER_HZ: 100 on every Linux architecture the server runs on. */
const TICKS_PER_SECOND = 100;

export function parseProcStat(text: string): ProcInfo | undefined {
  // comm (field 2) may hold spaces and parentheses: everything after the last ')' is positional.
  const close = text.lastIndexOf(')');
  const open = text.indexOf('(');
  if (close < 0 || open < 0) return undefined;
  const pid = Number(text.slice(0, open).trim());
  const rest = text
    .slice(close + 2)
    .trim()
    .split(' ');
  // rest[0] = state (field 3), rest[1] = ppid, rest[2] = pgrp, rest[3] = session, rest[19] = starttime (field 22)
  const [state, ppid, pgid, sid] = rest;
  const start = rest[19];
  if (state === undefined || start === undefined) return undefined;
  return { pid, ppid: Number(ppid), pgid: Number(pgid), sid: Number(sid), startTicks: Number(start), state };
}

export function listProcesses(): ProcInfo[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const out: ProcInfo[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const info = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (info) out.push(info);
    } catch {
      // The process exited between readdir and read.
    }
  }
  return out;
}

/** A point in time for "started after": clock ticks since boot and the last PID the kernel handed out. */
export interface ProcMark {
  ticks: number;
  lastPid: number;
}

/**
 * /proc/uptime's first field ("405.16") in clock ticks, read as the two integers it is printed from.
 * Through floating point, `Math.floor(405.16 * 100)` can be one tick short (0.29 * 100 = 28.999…, about
 * one value in twenty below 2,000 s of uptime): the mark then falls a tick early and a job an earlier
 * command started in the mark's tick counts as the running command's, to be killed and disowned.
 */
export function parseUptimeTicks(text: string): number | undefined {
  const m = /^(\d+)\.(\d{2})\b/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * TICKS_PER_SECOND + Number(m[2]) * (TICKS_PER_SECOND / 100);
}

/** Marks now, on the same clock as /proc/<pid>/stat's starttime. */
export function markNow(): ProcMark {
  let ticks = 0;
  let lastPid = Number.MAX_SAFE_INTEGER;
  try {
    ticks = parseUptimeTicks(readFileSync('/proc/uptime', 'utf8')) ?? 0;
  } catch {
    ticks = 0;
  }
  try {
    // The last field of /proc/loadavg is the most recently allocated PID (of the reader's PID namespace).
    const last = Number(readFileSync('/proc/loadavg', 'utf8').trim().split(' ').pop());
    if (Number.isInteger(last)) lastPid = last;
  } catch {
    // ticks alone then
  }
  return { ticks, lastPid };
}

/**
 * Whether a process started after the mark. Ticks are 10 ms coarse, so within the mark's tick the PID
 * decides (PIDs grow until they wrap around, and a wrapped one is a tick later anyway).
 */
export function startedAfter(p: ProcInfo, mark: ProcMark): boolean {
  if (p.startTicks > mark.ticks) return true;
  if (p.startTicks < mark.ticks) return false;
  return p.pid > mark.lastPid;
}

/** Live (non-zombie) members of a session, the leader excluded. */
export function sessionMembers(sid: number, procs = listProcesses()): ProcInfo[] {
  return procs.filter((p) => p.sid === sid && p.pid !== sid && p.state !== 'Z');
}

/**
 * The processes a command started: session members started after `since`, minus any process group that
 * also holds an older process (a background job of an earlier command that spawned again).
 */
export function commandProcesses(sid: number, since: ProcMark, procs = listProcesses()): ProcInfo[] {
  const members = sessionMembers(sid, procs);
  const fresh = members.filter((p) => startedAfter(p, since));
  const oldGroups = new Set(members.filter((p) => !startedAfter(p, since)).map((p) => p.pgid));
  return fresh.filter((p) => !oldGroups.has(p.pgid));
}

/**
 * The shell's own children the command started, zombies included: its jobs (one per pipeline member).
 * A killed job stays in the shell's job table until the shell reports it ("[1]+ Interrupt ..."), so the
 * session disowns these after stopping a command.
 */
export function commandJobs(sid: number, since: ProcMark, procs = listProcesses()): number[] {
  return procs.filter((p) => p.ppid === sid && p.pid !== sid && startedAfter(p, since)).map((p) => p.pid);
}

/** Whether every given process is gone or a zombie (dead, only not yet reaped); a reused PID is not it. */
export function allDead(targets: readonly ProcInfo[], procs = listProcesses()): boolean {
  const alive = new Set(procs.filter((p) => p.state !== 'Z').map((p) => `${p.pid}@${p.startTicks}`));
  return targets.every((t) => !alive.has(`${t.pid}@${t.startTicks}`));
}

/**
 * Signals the given processes: each process group once (never the shell's own group, which would hit
 * the shell), and every process individually too, so members that left their group are reached.
 */
export function signalProcesses(procs: ProcInfo[], signal: NodeJS.Signals, shellPgid: number): void {
  const groups = new Set<number>();
  for (const p of procs) if (p.pgid !== shellPgid && p.pgid > 1) groups.add(p.pgid);
  for (const g of groups) trySignal(-g, signal);
  for (const p of procs) trySignal(p.pid, signal);
}

export function trySignal(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}
