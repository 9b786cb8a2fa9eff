// execute_bash {command, is_input?, timeout?, security_risk?} → a `run` action (runtime.md §5, §7).
import type { ObservationEvent } from '../../core/events.js';
import { truncateMiddle } from '../../core/truncate.js';
import { SECURITY_RISK_PROPERTY, securityRisk, type AgentTool } from './types.js';

const DESCRIPTION = `Run a bash command in a persistent shell session inside the sandbox.
* One command at a time: chain several with && or ; instead of separate lines. State (cwd, exported variables) persists between calls.
* Soft timeout: a command that prints nothing new for 10 seconds hands control back with exit code -1 while it keeps running. Then send an empty command to wait for more output, send input with is_input=true, or interrupt it with is_input=true and command C-c (also C-d, C-z).
* Set timeout (seconds) for commands you expect to run long; it turns off the soft timeout and sets a hard limit.
* Run long-lived jobs (servers, watchers) in the background with output redirected to a file, e.g. \`python3 app.py > server.log 2>&1 &\`.
* Avoid \`set -e\` and \`set -o pipefail\` in this shared shell: a failing command would end the session.
* Long output is truncated in the middle; redirect to a file and search it (grep, head, tail) when you expect a lot.`;

/** prefix + content + suffix, then the working directory, interpreter and exit code (runtime.md §5). */
export function renderRunObservation(obs: ObservationEvent): string {
  if (obs.observation !== 'run') return obs.content;
  const md = obs.extras.metadata;
  const hidden = obs.extras.hidden === true;
  const content = hidden ? obs.content : truncateMiddle(obs.content);
  let text = `${md?.prefix ?? ''}${content}${md?.suffix ?? ''}`;
  if (md?.working_dir) text += `\n[Current working directory: ${md.working_dir}]`;
  if (md?.py_interpreter_path) text += `\n[Python interpreter: ${md.py_interpreter_path}]`;
  if (md && md.exit_code !== -1) text += `\n[Command finished with exit code ${md.exit_code}]`;
  return text;
}

/**
 * `defaultTimeoutSec` is the hard timeout of a command the model gave no timeout (the resolver uses 300 s);
 * such a command stays non-blocking, so the 10 s soft timeout applies too.
 */
export function createExecuteBashTool(
  opts: { shortDescription?: boolean; defaultTimeoutSec?: number } = {},
): AgentTool {
  return {
    spec: {
      name: 'execute_bash',
      description: opts.shortDescription ? DESCRIPTION.slice(0, 1024) : DESCRIPTION,
      parameters: {
        type: 'object',
        properties: {
          command: {
            type: 'string',
            description:
              'The bash command to run. Empty string: show more output of the running command. With is_input=true: text or a key (C-c, C-d, C-z) sent to the running command.',
          },
          is_input: {
            type: 'string',
            enum: ['true', 'false'],
            description:
              'If "true", the command is input for the running process instead of a new command. Default "false".',
          },
          timeout: {
            type: 'number',
            description: 'Optional hard timeout in seconds; a command still running then returns with exit code -1.',
          },
          security_risk: SECURITY_RISK_PROPERTY,
        },
        required: ['command'],
      },
    },
    toAction(args, thought) {
      if (typeof args.command !== 'string')
        return { ok: false, error: `Parameter 'command' of execute_bash must be a string.` };
      let isInput = false;
      const rawInput = args.is_input;
      if (rawInput === true || rawInput === 'true') isInput = true;
      else if (rawInput === undefined || rawInput === null || rawInput === false || rawInput === 'false')
        isInput = false;
      else
        return {
          ok: false,
          error: `Invalid value for 'is_input' of execute_bash: ${JSON.stringify(rawInput)}. Use "true" or "false".`,
        };
      let timeout: number | undefined;
      if (args.timeout !== undefined && args.timeout !== null && args.timeout !== '') {
        const t =
          typeof args.timeout === 'number'
            ? args.timeout
            : typeof args.timeout === 'string'
              ? Number(args.timeout)
              : NaN;
        if (!Number.isFinite(t) || t <= 0) {
          return {
            ok: false,
            error: `Invalid float passed to 'timeout' argument: ${JSON.stringify(args.timeout)}. Give a positive number of seconds.`,
          };
        }
        timeout = t;
      }
      return {
        ok: true,
        action: {
          action: 'run',
          args: {
            command: args.command,
            is_input: isInput,
            thought,
            blocking: timeout !== undefined,
            is_static: false,
            cwd: null,
            hidden: false,
            confirmation_state: 'confirmed',
            security_risk: securityRisk(args.security_risk),
          },
          ...(timeout !== undefined ? { timeout } : opts.defaultTimeoutSec ? { timeout: opts.defaultTimeoutSec } : {}),
          message: `Running command: ${args.command}`,
        },
      };
    },
    render: renderRunObservation,
  };
}
