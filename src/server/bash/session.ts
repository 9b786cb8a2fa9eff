// The persistent bash session (runtime.md §5, DESIGN.md §8.6).
//
// Why a non-interactive `bash -s` over pipes, with `set -m` and `trap : INT` (measured on bash 5.2):
// - Job control (`set -m`) works without a terminal in a non-interactive shell, so every pipeline the
//   agent runs gets its own process group that can be signalled without touching the shell. An
//   interactive `bash -i` on pipes refuses job control ("no job control in this shell").
// - With SIGINT trapped, a foreground job killed by SIGINT aborts the rest of the command line and the
//   loop it is in (`sleep 100; echo after` does not print `after`; `while true; do sleep 1; done` ends),
//   and the shell itself survives: the terminal-like Ctrl-C the agent expects. Untrapped, the shell exits.
// - Each command's stdin is a per-session FIFO (not the shell's control pipe), so a command that reads
//   stdin cannot swallow the next command, `is_input` text reaches it, and C-d is "close the FIFO".
// - The command text travels as one `eval $'…'` line and the metadata marker comes from a function run on
//   the next line, so a syntax error cannot desynchronise the protocol, the command is never echoed, and
//   the marker is printed even when SIGINT aborted the command line.
// The metadata marker is the reference's `###PS1JSON###` block, with a per-shell nonce inside the JSON so
// command output that happens to look like a marker is never taken for one.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, mkdirSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { CmdOutputMetadata } from '../../core/events.js';
import type { Logger } from '../../core/log.js';
import { shellQuote } from '../../core/shell.js';
import { truncateMiddle } from '../../core/truncate.js';
import { cleanOutput, OutputBuffer } from './output.js';
import {
  allDead,
  commandJobs,
  commandProcesses,
  listProcesses,
  markNow,
  sessionMembers,
  signalProcesses,
  trySignal,
  type ProcInfo,
  type ProcMark,
} from './procs.js';
import { splitBashCommands } from './split.js';

export const PS1_BEGIN = '\n###PS1JSON###\n';
export const PS1_END = '\n###PS1END###\n';

const TIMEOUT_GUIDANCE =
  "You may wait longer to see additional output by sending empty command '', send other commands to interact " +
  'with the current process, send keys ("C-c", "C-z", "C-d") to interrupt/kill the previous command before ' +
  'sending your new command, or use the timeout parameter in execute_bash for future commands.';
/** How long a stopped command's processes may take to die (only a process stuck in the kernel takes long). */
const STOP_WAIT_MS = 5000;
/** How long the shell may take to answer a built-in round trip (only a wedged shell takes long). */
const SETTLE_TIMEOUT_MS = 10_000;
const CONTINUE_PREFIX = '[Below is the output of the previous command.]\n';

export interface RunRequest {
  command: string;
  isInput: boolean;
  /** No soft (no-change) timeout when true. */
  blocking: boolean;
  /** Hidden commands are never truncated. */
  hidden: boolean;
  /** Hard timeout in seconds. */
  timeoutSec: number;
  /** Aborted when nobody waits for the answer any more: the command is stopped as on a hard timeout. */
  signal?: AbortSignal;
}

export type RunResult =
  | { kind: 'run'; command: string; content: string; metadata: CmdOutputMetadata; hidden: boolean }
  | { kind: 'error'; content: string };

export interface BashSessionOptions {
  workingDir: string;
  /** Holds the shell's HOME, rc file, git config and stdin FIFO. Must exist. */
  sessionDir: string;
  env: Record<string, string>;
  noChangeTimeoutSec: number;
  logger: Logger;
  /** Grace between SIGINT and SIGKILL on a hard timeout. */
  killGraceMs?: number;
  bashPath?: string;
}

export interface BashSession {
  /** Starts the shell and runs the init (rc file, `cd <working dir>`); rejects when the init fails. */
  start(): Promise<void>;
  run(req: RunRequest): Promise<RunResult>;
  /** A one-off command in a fresh shell (`is_static`), killed as a process group on timeout or abort. */
  runStatic(command: string, cwd: string | null, timeoutSec: number, signal?: AbortSignal): Promise<RunResult>;
  /** Moves the shell to another directory (POST /workspace); rejects while a command runs. */
  chdir(dir: string): Promise<void>;
  readonly cwd: string;
  readonly busy: boolean;
  readonly pid: number | undefined;
  close(): void;
}

interface Marker {
  exitCode: number;
  pid: number;
  username: string | null;
  hostname: string | null;
  workingDir: string | null;
  pyInterpreterPath: string | null;
}

type WaitOutcome = 'completed' | 'soft' | 'hard' | 'exited' | 'aborted';

/** `$'…'` quoting that round-trips any string through bash's reader (including newlines and quotes). */
export function ansiCQuote(text: string): string {
  let out = "$'";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + "'";
}

// The rc file, as bash source. `%{` stands for bash's `${` (a template literal cannot hold it raw).
const RC_TEMPLATE = String.raw`# Session rc file of the action-execution server (generated; never the user's ~/.bashrc).
exec 2>&1
set -m
trap : INT
shopt -s expand_aliases
alias git='git --no-pager'
__oh_esc() {
  local s=$1
  s=%{s//\\/\\\\}; s=%{s//\"/\\\"}; s=%{s//$'\n'/\\n}; s=%{s//$'\r'/\\r}; s=%{s//$'\t'/\\t}
  __oh_r=$s
}
# Jobs the server stopped leave the job table silently (see forgetStoppedJobs); one call per PID, as
# disown gives up at the first PID that is no (longer a) job.
__oh_disown() {
  local __j
  for __j; do builtin disown "$__j" 2>/dev/null; done
  return 0
}
__oh_ps1() {
  local __e=$? __p=%{!:-} __u='\u' __h='\h' __py= __d __w IFS=:
  __u=%{__u@P}; __h=%{__h@P}
  for __d in $PATH; do
    if [[ -n $__d && -x $__d/python && ! -d $__d/python ]]; then __py=$__d/python; break; fi
  done
  if [[ -z $__py ]]; then
    for __d in $PATH; do
      if [[ -n $__d && -x $__d/python3 && ! -d $__d/python3 ]]; then __py=$__d/python3; break; fi
    done
  fi
  __oh_esc "$PWD"; __w=$__oh_r; __oh_esc "$__u"; __u=$__oh_r; __oh_esc "$__h"; __h=$__oh_r; __oh_esc "$__py"; __py=$__oh_r
  [[ $- == *m* ]] || set -m
  trap : INT
  printf '\n###PS1JSON###\n{"pid":"%s","exit_code":"%s","username":"%s","hostname":"%s","working_dir":"%s","py_interpreter_path":"%s","nonce":"@NONCE@"}\n###PS1END###\n' "$__p" "$__e" "$__u" "$__h" "$__w" "$__py"
}
cd -- @WORKDIR@
`;

export function rcFile(nonce: string, workingDir: string): string {
  return RC_TEMPLATE.replaceAll('%{', '${')
    .replace('@NONCE@', nonce)
    .replace('@WORKDIR@', () => shellQuote(workingDir));
}

export function createBashSession(opts: BashSessionOptions): BashSession {
  return new PipeBashSession(opts);
}

class PipeBashSession implements BashSession {
  private readonly opts: BashSessionOptions;
  private readonly killGraceMs: number;
  private proc: ChildProcess | undefined;
  private nonce = '';
  private decoder = new TextDecoder('utf-8');
  private scanBuf = '';
  /** Output of the running command not yet shown in an observation. */
  private unreported = new OutputBuffer();
  /** Whether an earlier observation of the running command already showed output. */
  private reportedOutput = false;
  private running = false;
  private cmdStart: ProcMark = { ticks: 0, lastPid: 0 };
  private lastMarker: Marker | undefined;
  /** The running command's marker when it arrived while no call was waiting (after a timeout). */
  private completedMarker: Marker | undefined;
  private markerWaiters: ((m: Marker | undefined) => void)[] = [];
  private activityListeners = new Set<() => void>();
  private exitListeners = new Set<(code: number | null) => void>();
  private stdinFd: number | undefined;
  private pendingInput: Buffer[] = [];
  private inputTimer: NodeJS.Timeout | undefined;
  private fifoPath: string;
  private currentCwd: string;
  private closed = false;
  /** Jobs of the running command that the server signalled (hard timeout, abort, C-c): disowned after it. */
  private stoppedJobs = new Set<number>();

  constructor(opts: BashSessionOptions) {
    this.opts = opts;
    this.killGraceMs = opts.killGraceMs ?? 2000;
    this.fifoPath = path.join(opts.sessionDir, 'stdin.fifo');
    this.currentCwd = opts.workingDir;
  }

  get cwd(): string {
    return this.currentCwd;
  }

  get busy(): boolean {
    return this.running;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  async start(): Promise<void> {
    await this.spawnShell(this.opts.workingDir);
  }

  private async spawnShell(workingDir: string): Promise<void> {
    const { sessionDir } = this.opts;
    const home = path.join(sessionDir, 'home');
    mkdirSync(home, { recursive: true });
    const gitconfig = path.join(sessionDir, 'gitconfig');
    if (!existsSync(gitconfig)) {
      writeFileSync(
        gitconfig,
        '[core]\n\tpager =\n[user]\n\tname = openhands\n\temail = openhands@all-hands.dev\n[safe]\n\tdirectory = *\n',
      );
    }
    if (!existsSync(this.fifoPath)) {
      try {
        execFileSync('mkfifo', ['-m', '600', this.fifoPath]);
      } catch (err) {
        this.opts.logger.warn(`mkfifo failed (${String(err)}); commands will read stdin from /dev/null`);
      }
    }
    this.nonce = randomBytes(8).toString('hex');
    const rc = path.join(sessionDir, 'bashrc');
    writeFileSync(rc, rcFile(this.nonce, workingDir));

    const env: Record<string, string> = { ...this.opts.env, HOME: home, GIT_CONFIG_GLOBAL: gitconfig };
    env.PYTHONUNBUFFERED ??= '1';
    delete env.BASH_ENV;
    delete env.ENV;
    delete env.SESSION_API_KEY;

    this.decoder = new TextDecoder('utf-8');
    this.scanBuf = '';
    this.stoppedJobs.clear();
    const proc = spawn(this.opts.bashPath ?? 'bash', ['--noprofile', '--norc', '-s'], {
      cwd: existsSync(workingDir) ? workingDir : sessionDir,
      env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.proc = proc;
    proc.stdout?.on('data', (chunk: Buffer) => this.onData(chunk));
    proc.stderr?.on('data', (chunk: Buffer) => this.onData(chunk));
    proc.stdin?.on('error', (err) => this.opts.logger.debug(`bash stdin: ${err.message}`));
    proc.on('exit', (code, signal) => {
      if (this.proc !== proc) return;
      this.opts.logger.debug(`bash ${proc.pid} exited (code ${code}, signal ${signal})`);
      this.proc = undefined;
      for (const l of [...this.exitListeners]) l(code ?? (signal ? 128 : null));
      for (const w of this.markerWaiters.splice(0)) w(undefined);
    });
    const spawned = await new Promise<boolean>((resolve) => {
      proc.once('spawn', () => resolve(true));
      proc.once('error', (err) => {
        this.opts.logger.error(`cannot start bash: ${err.message}`);
        resolve(false);
      });
    });
    if (!spawned) throw new Error('cannot start bash: is it installed and on PATH?');

    const marker = this.nextMarker(60_000);
    this.writeControl(`source ${shellQuote(rc)}\n__oh_ps1\n`);
    const m = await marker;
    if (!m) throw new Error(`bash init failed: ${cleanOutput(this.unreported.text()) || 'no prompt marker'}`);
    const initOutput = cleanOutput(this.unreported.text());
    this.unreported.clear();
    if (m.exitCode !== 0) {
      throw new Error(`bash init failed with exit code ${m.exitCode}: cannot cd to ${workingDir}. ${initOutput}`);
    }
  }

  private writeControl(text: string): void {
    this.proc?.stdin?.write(text);
  }

  private onData(chunk: Buffer): void {
    this.scanBuf += this.decoder.decode(chunk, { stream: true });
    for (;;) {
      const begin = this.scanBuf.indexOf(PS1_BEGIN);
      if (begin < 0) {
        // Keep only a tail that may be the start of a marker split across chunks.
        const keep = markerPrefixLength(this.scanBuf);
        this.emit(this.scanBuf.slice(0, this.scanBuf.length - keep));
        this.scanBuf = this.scanBuf.slice(this.scanBuf.length - keep);
        return;
      }
      this.emit(this.scanBuf.slice(0, begin));
      this.scanBuf = this.scanBuf.slice(begin);
      const end = this.scanBuf.indexOf(PS1_END, PS1_BEGIN.length - 1);
      if (end < 0) {
        if (this.scanBuf.length > 65_536) {
          // Too long to be our marker: it is output that merely starts like one.
          this.emit(this.scanBuf.slice(0, PS1_BEGIN.length));
          this.scanBuf = this.scanBuf.slice(PS1_BEGIN.length);
          continue;
        }
        return;
      }
      const body = this.scanBuf.slice(PS1_BEGIN.length, end);
      const marker = this.parseMarker(body);
      if (marker) {
        this.scanBuf = this.scanBuf.slice(end + PS1_END.length);
        this.onMarker(marker);
      } else {
        this.emit(this.scanBuf.slice(0, PS1_BEGIN.length));
        this.scanBuf = this.scanBuf.slice(PS1_BEGIN.length);
      }
    }
  }

  private parseMarker(body: string): Marker | undefined {
    if (!body.includes(this.nonce)) return undefined;
    let data: unknown;
    try {
      // Control characters other than the escaped ones may come from odd directory names.
      data = JSON.parse(body.replace(/[\u0000-\u001f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')));
    } catch {
      return undefined;
    }
    if (typeof data !== 'object' || data === null) return undefined;
    const rec = data as Record<string, unknown>;
    if (rec.nonce !== this.nonce) return undefined;
    const num = (v: unknown) => {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isInteger(n) ? n : -1;
    };
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    return {
      exitCode: num(rec.exit_code),
      pid: num(rec.pid),
      username: str(rec.username),
      hostname: str(rec.hostname),
      workingDir: str(rec.working_dir),
      pyInterpreterPath: str(rec.py_interpreter_path),
    };
  }

  private emit(text: string): void {
    if (!text) return;
    this.unreported.append(text);
    for (const l of [...this.activityListeners]) l();
  }

  private onMarker(marker: Marker): void {
    this.lastMarker = marker;
    if (marker.workingDir) this.currentCwd = marker.workingDir;
    if (this.running && this.markerWaiters.length === 0) {
      this.completedMarker = marker;
      this.opts.logger.debug('the running command finished while no request waited for it');
    }
    for (const w of this.markerWaiters.splice(0)) w(marker);
  }

  /** Resolves with the next marker, or undefined on timeout or shell exit. */
  private nextMarker(timeoutMs: number): Promise<Marker | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.markerWaiters = this.markerWaiters.filter((w) => w !== done);
        resolve(undefined);
      }, timeoutMs);
      const done = (m: Marker | undefined) => {
        clearTimeout(timer);
        resolve(m);
      };
      this.markerWaiters.push(done);
    });
  }

  // --- stdin FIFO -----------------------------------------------------------------------------------

  private openStdin(): void {
    if (this.stdinFd !== undefined || !existsSync(this.fifoPath)) return;
    // O_RDWR: opening never blocks, and the FIFO never reports EOF to readers while we hold it,
    // like a terminal before C-d.
    this.stdinFd = openSync(this.fifoPath, constants.O_RDWR | constants.O_NONBLOCK);
  }

  private closeStdin(): void {
    if (this.inputTimer) clearTimeout(this.inputTimer);
    this.inputTimer = undefined;
    this.pendingInput = [];
    if (this.stdinFd !== undefined) {
      closeSync(this.stdinFd);
      this.stdinFd = undefined;
    }
  }

  /** Drops input a previous command left unread, so it cannot leak into the next one. */
  private drainStdin(): void {
    if (this.stdinFd === undefined) return;
    this.pendingInput = [];
    const buf = Buffer.alloc(65_536);
    for (;;) {
      try {
        if (readSync(this.stdinFd, buf, 0, buf.length, null) <= 0) return;
      } catch {
        return; // EAGAIN: empty
      }
    }
  }

  private sendInput(text: string): void {
    this.openStdin();
    this.pendingInput.push(Buffer.from(text, 'utf8'));
    this.flushInput();
  }

  private flushInput(): void {
    this.inputTimer = undefined;
    if (this.stdinFd === undefined) return;
    while (this.pendingInput.length) {
      const buf = this.pendingInput[0] ?? Buffer.alloc(0);
      let written = 0;
      try {
        written = writeSync(this.stdinFd, buf);
      } catch {
        written = 0; // EAGAIN: the pipe is full; the reader is slow
      }
      if (written < buf.length) {
        this.pendingInput[0] = buf.subarray(written);
        this.inputTimer = setTimeout(() => this.flushInput(), 20);
        return;
      }
      this.pendingInput.shift();
    }
  }

  // --- running commands -------------------------------------------------------------------------------

  async run(req: RunRequest): Promise<RunResult> {
    if (req.signal?.aborted) return { kind: 'error', content: 'ERROR: The request was closed before the command ran.' };
    if (!this.proc) await this.restart('the shell was not running');
    const command = req.command;
    const empty = command.trim() === '';
    if (!req.isInput && !empty) {
      const parts = splitBashCommands(command);
      if (parts.length > 1) {
        return {
          kind: 'error',
          content:
            'ERROR: Cannot execute multiple commands at once.\n' +
            'Please run each command separately OR chain them into a single command via && or ;\n' +
            'Provided commands:\n' +
            parts.map((p, i) => `(${i + 1}) ${p}`).join('\n'),
        };
      }
    }

    if (!this.running) {
      if (req.isInput) return this.plain(command, 'ERROR: No previous running command to interact with.');
      if (empty) return this.plain(command, 'ERROR: No previous running command to retrieve logs from.');
      this.startCommand(command);
      return this.observe(req, false);
    }

    if (this.completedMarker && !req.isInput && !empty) {
      // The command finished after its last observation: the shell is free for the new one.
      await this.forgetStoppedJobs();
      this.running = false;
      this.startCommand(command);
      return this.observe(req, false);
    }
    if (!req.isInput && !empty) {
      const meta = this.metadata(-1);
      meta.suffix =
        `\n[Your command "${command}" is NOT executed. The previous command is still running - You CANNOT send new ` +
        'commands until the previous command is completed. By setting `is_input` to `true`, you can interact with ' +
        `the current process: ${TIMEOUT_GUIDANCE}]`;
      return this.report(command, meta, req.hidden, true);
    }
    if (req.isInput && !empty && !this.completedMarker) this.sendKeysOrText(command);
    return this.observe(req, true);
  }

  private plain(command: string, content: string): RunResult {
    return { kind: 'run', command, content, metadata: this.metadata(-1), hidden: false };
  }

  private startCommand(command: string): void {
    this.unreported.clear();
    this.reportedOutput = false;
    this.completedMarker = undefined;
    this.stoppedJobs.clear();
    this.openStdin();
    this.drainStdin();
    this.cmdStart = markNow();
    this.running = true;
    const stdin = this.stdinFd !== undefined ? shellQuote(this.fifoPath) : '/dev/null';
    this.writeControl(`eval ${ansiCQuote(command)} <${stdin}\n__oh_ps1\n`);
  }

  private sendKeysOrText(command: string): void {
    if (isSpecialKey(command)) {
      const key = (command[2] ?? '').toLowerCase();
      const bashPid = this.proc?.pid ?? -1;
      const procs = commandProcesses(bashPid, this.cmdStart);
      if (key === 'c' || key === '\\') {
        const sig = key === 'c' ? 'SIGINT' : 'SIGQUIT';
        this.noteStoppedJobs(bashPid);
        if (procs.length) signalProcesses(procs, sig, bashPid);
        else {
          // Nothing but the shell itself is busy (a builtin such as `read`): interrupt it and close its input.
          trySignal(bashPid, sig);
          this.closeStdin();
        }
      } else if (key === 'z') {
        signalProcesses(procs, 'SIGTSTP', bashPid);
      } else if (key === 'd') {
        this.closeStdin();
      } else {
        // Any other control key is its control character, as a terminal would send it.
        const code = (command[2] ?? '@').toUpperCase().charCodeAt(0) & 0x1f;
        this.sendInput(String.fromCharCode(code));
      }
      return;
    }
    this.sendInput(command + '\n');
  }

  /** Waits for the running command and builds the observation. */
  private async observe(req: RunRequest, followUp: boolean): Promise<RunResult> {
    const outcome = await this.waitForCommand(
      req.blocking ? null : this.opts.noChangeTimeoutSec * 1000,
      req.timeoutSec * 1000,
      req.signal,
    );
    const special = req.isInput && isSpecialKey(req.command);
    if (outcome === 'completed') {
      const marker = this.completedMarker ?? this.lastMarker;
      this.completedMarker = undefined;
      const exitCode = marker?.exitCode ?? -1;
      const meta = this.metadata(exitCode, marker);
      meta.suffix = special
        ? `\n[The command completed with exit code ${exitCode}. CTRL+${(req.command[2] ?? '').toUpperCase()} was sent.]`
        : `\n[The command completed with exit code ${exitCode}.]`;
      await this.forgetStoppedJobs();
      this.running = false;
      return this.report(req.command, meta, req.hidden, followUp);
    }
    if (outcome === 'soft') {
      const meta = this.metadata(-1);
      meta.suffix = `\n[The command has no new output after ${this.opts.noChangeTimeoutSec} seconds. ${TIMEOUT_GUIDANCE}]`;
      return this.report(req.command, meta, req.hidden, followUp);
    }
    if (outcome === 'exited') {
      const code = this.lastExitCode ?? -1;
      this.running = false;
      const dir = this.currentCwd;
      await this.restart(`the shell exited with code ${code}`);
      const meta = this.metadata(code);
      meta.suffix =
        `\n[The shell exited with code ${code}. A new shell was started in ${this.currentCwd}` +
        `${dir !== this.currentCwd ? ` (${dir} no longer exists)` : ''}; variables, functions and aliases set earlier are gone.]`;
      return this.report(req.command, meta, req.hidden, followUp);
    }
    // Hard timeout or a closed request: interrupt, then kill everything the command started.
    const how = await this.interruptAndKill();
    const meta = this.metadata(-1);
    if (outcome === 'aborted') {
      this.opts.logger.info(`the request was closed before its command finished; the command was stopped (${how})`);
      meta.suffix = `\n[The request was closed before the command finished; the command was stopped (${how}).]`;
      return this.report(req.command, meta, req.hidden, followUp);
    }
    const seconds = Number.isInteger(req.timeoutSec) ? req.timeoutSec.toFixed(1) : String(req.timeoutSec);
    const action =
      how === 'interrupted'
        ? 'It was interrupted with SIGINT and every process it started was stopped.'
        : how === 'killed'
          ? 'It did not stop on SIGINT, so every process it started was killed (SIGKILL).'
          : 'It could not be stopped inside the shell, so the shell was restarted; variables, functions and aliases set earlier are gone.';
    meta.suffix =
      `\n[The command timed out after ${seconds} seconds. ${action} ` +
      'Set a larger timeout for long-running commands, or run them in the background with output redirected to a file.]';
    return this.report(req.command, meta, req.hidden, followUp);
  }

  private lastExitCode: number | null = null;

  private waitForCommand(softMs: number | null, hardMs: number, signal?: AbortSignal): Promise<WaitOutcome> {
    return new Promise((resolve) => {
      let softTimer: NodeJS.Timeout | undefined;
      const finish = (o: WaitOutcome) => {
        clearTimeout(hardTimer);
        if (softTimer) clearTimeout(softTimer);
        signal?.removeEventListener('abort', onAbort);
        this.activityListeners.delete(onActivity);
        this.exitListeners.delete(onExit);
        this.markerWaiters = this.markerWaiters.filter((w) => w !== onMarker);
        resolve(o);
      };
      const armSoft = () => {
        if (softMs === null) return;
        if (softTimer) clearTimeout(softTimer);
        softTimer = setTimeout(() => finish('soft'), softMs);
      };
      const onActivity = () => armSoft();
      const onMarker = (m: Marker | undefined) => finish(m ? 'completed' : 'exited');
      const onExit = (code: number | null) => {
        this.lastExitCode = code;
        finish('exited');
      };
      const onAbort = () => finish('aborted');
      const hardTimer = setTimeout(() => finish('hard'), Math.max(0, hardMs));
      if (this.completedMarker) {
        finish('completed');
        return;
      }
      if (!this.proc) {
        finish('exited');
        return;
      }
      if (signal?.aborted) {
        finish('aborted');
        return;
      }
      this.activityListeners.add(onActivity);
      this.exitListeners.add(onExit);
      this.markerWaiters.push(onMarker);
      signal?.addEventListener('abort', onAbort, { once: true });
      armSoft();
    });
  }

  private async interruptAndKill(): Promise<'interrupted' | 'killed' | 'restarted'> {
    const bashPid = this.proc?.pid ?? -1;
    const procs = commandProcesses(bashPid, this.cmdStart);
    this.noteStoppedJobs(bashPid);
    const marker = this.nextMarker(this.killGraceMs);
    if (procs.length) signalProcesses(procs, 'SIGINT', bashPid);
    else {
      trySignal(bashPid, 'SIGINT');
      this.closeStdin();
    }
    let how: 'interrupted' | 'killed' = 'interrupted';
    let m = await marker;
    // Whatever the command started and is still alive (background jobs included) goes now.
    const left = commandProcesses(bashPid, this.cmdStart);
    if (left.length) {
      if (!m) how = 'killed';
      this.noteStoppedJobs(bashPid);
      signalProcesses(left, 'SIGKILL', bashPid);
    }
    if (!m) m = await this.nextMarker(2000);
    if (!m) {
      await this.restart('a command could not be stopped');
      return 'restarted';
    }
    // Stopped means dead before the answer goes out (and before the next action takes the lock).
    await waitForDeath([...procs, ...left], STOP_WAIT_MS);
    await this.forgetStoppedJobs();
    this.running = false;
    return how;
  }

  /** Remembers the shell's jobs of the running command, before the server signals them. */
  private noteStoppedJobs(bashPid: number): void {
    for (const pid of commandJobs(bashPid, this.cmdStart)) this.stoppedJobs.add(pid);
  }

  /**
   * Disowns the jobs the server stopped, once the command's marker is in. Otherwise the shell reports a
   * killed job ("[1]+  Interrupt  sleep 9") at its next chance: when it is reaped after the marker, that is
   * inside whatever command runs next, so its output would start with another command's notice. Output
   * that arrives before this round trip's marker still belongs to the stopped command's observation.
   */
  private async forgetStoppedJobs(): Promise<void> {
    const pids = [...this.stoppedJobs];
    this.stoppedJobs.clear();
    if (pids.length === 0 || !this.proc) return;
    const marker = this.nextMarker(SETTLE_TIMEOUT_MS);
    this.writeControl(`__oh_disown ${pids.join(' ')}\n__oh_ps1\n`);
    if (!(await marker)) await this.restart('the shell did not answer after a command was stopped');
  }

  private metadata(exitCode: number, marker?: Marker): CmdOutputMetadata {
    const last = marker ?? this.lastMarker;
    return {
      exit_code: exitCode,
      pid: marker ? marker.pid : -1,
      username: last?.username ?? null,
      hostname: last?.hostname ?? null,
      working_dir: last?.workingDir ?? this.currentCwd,
      py_interpreter_path: last?.pyInterpreterPath ?? null,
      prefix: '',
      suffix: '',
    };
  }

  /** Takes the output not yet reported and builds the observation. */
  private report(command: string, meta: CmdOutputMetadata, hidden: boolean, followUp: boolean): RunResult {
    if (this.running && this.scanBuf) {
      // A held-back tail that might have started a marker: the marker is written in one go, so after a
      // timeout it is output (typically the final newline).
      this.unreported.append(this.scanBuf);
      this.scanBuf = '';
    }
    let content = cleanOutput(this.unreported.text());
    this.unreported.clear();
    if (followUp && this.reportedOutput) meta.prefix = CONTINUE_PREFIX;
    if (content) this.reportedOutput = true;
    if (!hidden) content = truncateMiddle(content);
    return { kind: 'run', command, content, metadata: meta, hidden };
  }

  async runStatic(command: string, cwd: string | null, timeoutSec: number, signal?: AbortSignal): Promise<RunResult> {
    const dir = cwd ?? this.currentCwd;
    const env: Record<string, string> = { ...this.opts.env, HOME: path.join(this.opts.sessionDir, 'home') };
    env.GIT_CONFIG_GLOBAL = path.join(this.opts.sessionDir, 'gitconfig');
    delete env.SESSION_API_KEY;
    return new Promise((resolve) => {
      const child = spawn(this.opts.bashPath ?? 'bash', ['--noprofile', '--norc', '-c', command], {
        cwd: dir,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const buf = new OutputBuffer();
      const decoder = new TextDecoder('utf-8');
      const onData = (chunk: Buffer) => buf.append(decoder.decode(chunk, { stream: true }));
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      let timedOut = false;
      const kill = () => {
        timedOut = true;
        if (child.pid) trySignal(-child.pid, 'SIGKILL');
      };
      const timer = setTimeout(kill, timeoutSec * 1000);
      signal?.addEventListener('abort', kill, { once: true });
      if (signal?.aborted) kill();
      const done = (code: number) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', kill);
        const meta = this.metadata(timedOut ? -1 : code);
        meta.working_dir = dir;
        meta.suffix = timedOut
          ? `\n[The command timed out after ${timeoutSec} seconds and was killed.]`
          : `\n[The command completed with exit code ${code}.]`;
        resolve({
          kind: 'run',
          command,
          content: truncateMiddle(cleanOutput(buf.text())),
          metadata: meta,
          hidden: false,
        });
      };
      child.on('error', (err) => {
        buf.append(`${err.message}\n`);
        done(-1);
      });
      child.on('close', (code, signal) => done(code ?? (signal ? 128 + 9 : -1)));
    });
  }

  async chdir(dir: string): Promise<void> {
    if (this.running) throw new Error('a command is still running in the shell');
    const result = await this.run({
      command: `cd -- ${shellQuote(dir)}`,
      isInput: false,
      blocking: true,
      hidden: true,
      timeoutSec: 30,
    });
    if (result.kind !== 'run' || result.metadata.exit_code !== 0) {
      throw new Error(`cannot cd to ${dir}: ${result.content}`);
    }
  }

  private async restart(reason: string): Promise<void> {
    this.opts.logger.warn(`restarting the bash session: ${reason}`);
    this.killAll();
    this.running = false;
    const dir = existsSync(this.currentCwd) ? this.currentCwd : this.opts.workingDir;
    this.currentCwd = dir;
    const leftover = this.unreported.text();
    await this.spawnShell(dir);
    this.unreported.clear();
    this.unreported.append(leftover);
  }

  /** SIGKILLs the shell and every process of its session. */
  private killAll(): void {
    const proc = this.proc;
    this.proc = undefined;
    this.closeStdin();
    if (!proc?.pid) return;
    const sid = proc.pid;
    const members = sessionMembers(sid, listProcesses());
    trySignal(-sid, 'SIGKILL');
    signalProcesses(members, 'SIGKILL', sid);
    trySignal(sid, 'SIGKILL');
    for (const w of this.markerWaiters.splice(0)) w(undefined);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.killAll();
  }
}

/** Polls /proc until every given process is dead (or the cap passes: a process stuck in the kernel). */
async function waitForDeath(procs: readonly ProcInfo[], capMs: number): Promise<void> {
  const end = Date.now() + capMs;
  while (!allDead(procs) && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

export function isSpecialKey(command: string): boolean {
  return command.length === 3 && command.startsWith('C-');
}

/** Length of the longest suffix of `text` that is a proper prefix of the marker's start. */
function markerPrefixLength(text: string): number {
  for (let n = Math.min(text.length, PS1_BEGIN.length - 1); n > 0; n -= 1) {
    if (PS1_BEGIN.startsWith(text.slice(text.length - n))) return n;
  }
  return 0;
}
