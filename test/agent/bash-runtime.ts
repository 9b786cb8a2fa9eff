// A small in-test Runtime: `run` actions execute in real bash in a temp dir (one process group per command,
// killed when the signal aborts, as the sandbox stops a command); other actions get an error observation.
import { spawn } from 'node:child_process';
import { ResolverError } from '../../src/core/errors.js';
import type { ActionEvent, ObservationEvent } from '../../src/core/events.js';
import type { Runtime } from '../../src/runtime/types.js';

export interface BashRuntime extends Pick<Runtime, 'execute'> {
  readonly actions: ActionEvent[];
  /** Commands stopped by an aborted signal. */
  readonly aborted: string[];
}

export function createBashRuntime(cwd: string): BashRuntime {
  const actions: ActionEvent[] = [];
  const aborted: string[] = [];
  return {
    actions,
    aborted,
    async execute(action, opts = {}): Promise<ObservationEvent> {
      actions.push(action);
      if (action.action !== 'run') {
        return { observation: 'error', content: `ERROR: this test runtime does not run ${action.action}`, extras: {} };
      }
      const command = action.args.command;
      const child = spawn('bash', ['-c', command], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
      const exit = await new Promise<number>((resolve, reject) => {
        const onAbort = () => {
          aborted.push(command);
          try {
            if (child.pid) process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
          reject(new ResolverError('cancelled', 'The command was cancelled.'));
        };
        if (opts.signal?.aborted) onAbort();
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        child.on('close', (code) => {
          opts.signal?.removeEventListener('abort', onAbort);
          resolve(code ?? -1);
        });
      });
      return {
        observation: 'run',
        content: output,
        extras: {
          command,
          metadata: {
            exit_code: exit,
            pid: -1,
            username: null,
            hostname: null,
            working_dir: cwd,
            py_interpreter_path: null,
            prefix: '',
            suffix: `\n[The command completed with exit code ${exit}.]`,
          },
        },
        success: exit === 0,
        message: `Command \`${command}\` executed with exit code ${exit}.`,
      };
    },
  };
}
