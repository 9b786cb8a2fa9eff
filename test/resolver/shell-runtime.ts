// An in-test RuntimeFactory: one persistent real bash per sandbox, working in the host workspace folder,
// with its own HOME. It stands in for LocalRuntime in these tests (no isolation, no action server).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionEvent, ObservationEvent } from '../../src/core/events.js';
import type { CommandResult, Runtime, RuntimeFactory, RuntimeOptions } from '../../src/runtime/types.js';

export interface ShellRuntimeFactory extends RuntimeFactory {
  readonly created: RuntimeOptions[];
  readonly commands: string[];
  /** Make every sandbox die (run and execute throw) after this many run() calls. */
  dieAfterRuns?: number;
}

function startShell(cwd: string, env: Record<string, string>): ChildProcessWithoutNullStreams {
  const home = mkdtempSync(path.join(os.tmpdir(), 'oh-shell-home-'));
  return spawn('bash', ['--noprofile', '--norc'], {
    cwd,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, GIT_CONFIG_NOSYSTEM: '1', ...env },
  });
}

export function createShellRuntimeFactory(): ShellRuntimeFactory {
  const created: RuntimeOptions[] = [];
  const commands: string[] = [];
  const factory: ShellRuntimeFactory = {
    created,
    commands,
    async create(opts) {
      created.push(opts);
      const sh = startShell(opts.workspaceHostDir, opts.env);
      let buf = '';
      let waiter: (() => void) | null = null;
      sh.stdout.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        waiter?.();
      });
      sh.stderr.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        waiter?.();
      });
      let runs = 0;
      let closed = false;
      const run = async (command: string): Promise<CommandResult> => {
        runs += 1;
        commands.push(command);
        if (closed || (factory.dieAfterRuns !== undefined && runs > factory.dieAfterRuns))
          throw new Error('sandbox died');
        const tag = `__END_${Math.random().toString(36).slice(2)}__`;
        buf = '';
        sh.stdin.write(`${command}\nprintf '\\n${tag}%s\\n' "$?"\n`);
        for (;;) {
          const m = new RegExp(`\\n?${tag}(\\d+)\\n`).exec(buf);
          if (m) return { exitCode: Number(m[1]), output: buf.slice(0, m.index) };
          await new Promise<void>((resolve) => {
            waiter = resolve;
          });
        }
      };
      const runtime: Runtime = {
        kind: 'local',
        workspacePath: opts.workspaceHostDir,
        run: (command) => run(command),
        async execute(action: ActionEvent): Promise<ObservationEvent> {
          if (action.action !== 'run')
            return { observation: 'error', content: `ERROR: ${action.action} is not supported here`, extras: {} };
          const r = await run(action.args.command);
          return {
            observation: 'run',
            content: r.output,
            extras: {
              command: action.args.command,
              metadata: {
                exit_code: r.exitCode,
                pid: -1,
                username: null,
                hostname: null,
                working_dir: opts.workspaceHostDir,
                py_interpreter_path: null,
                prefix: '',
                suffix: `\n[The command completed with exit code ${r.exitCode}.]`,
              },
            },
            success: r.exitCode === 0,
          };
        },
        async close() {
          closed = true;
          sh.kill('SIGKILL');
        },
      };
      return runtime;
    },
    async teardown() {},
  };
  return factory;
}
