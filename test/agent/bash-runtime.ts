// A small in-test Runtime: `run` actions execute in real bash in a temp dir; other actions get an error
// observation. Stands in until the sandbox runtime is wired into these loop tests.
import { spawnSync } from 'node:child_process';
import type { ActionEvent, ObservationEvent } from '../../src/core/events.js';
import type { Runtime } from '../../src/runtime/types.js';

export interface BashRuntime extends Pick<Runtime, 'execute'> {
  readonly actions: ActionEvent[];
}

export function createBashRuntime(cwd: string): BashRuntime {
  const actions: ActionEvent[] = [];
  return {
    actions,
    async execute(action): Promise<ObservationEvent> {
      actions.push(action);
      if (action.action !== 'run') {
        return { observation: 'error', content: `ERROR: this test runtime does not run ${action.action}`, extras: {} };
      }
      const r = spawnSync('bash', ['-c', action.args.command], { cwd, encoding: 'utf8' });
      const exit = r.status ?? -1;
      return {
        observation: 'run',
        content: (r.stdout ?? '') + (r.stderr ?? ''),
        extras: {
          command: action.args.command,
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
        message: `Command \`${action.args.command}\` executed with exit code ${exit}.`,
      };
    },
  };
}
