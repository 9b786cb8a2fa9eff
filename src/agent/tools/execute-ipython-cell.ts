// execute_ipython_cell {code, security_risk?} → `run_ipython` (runtime.md §7, §12), offered only when the
// sandbox runs the Jupyter plugin.
import { truncateMiddle } from '../../core/truncate.js';
import { SECURITY_RISK_PROPERTY, securityRisk, type AgentTool } from './types.js';

const DESCRIPTION = `Run Python code in a persistent IPython kernel inside the sandbox.
* Variables, imports and the working directory persist between calls.
* IPython magics work, e.g. %pip install <package>.
* Print what you need to see: only printed output and the value of the last expression are returned.
* Long output is truncated in the middle.`;

export function createExecuteIpythonCellTool(): AgentTool {
  return {
    spec: {
      name: 'execute_ipython_cell',
      description: DESCRIPTION,
      parameters: {
        type: 'object',
        properties: {
          code: { type: 'string', description: 'The Python code to run in the IPython kernel.' },
          security_risk: SECURITY_RISK_PROPERTY,
        },
        required: ['code'],
      },
    },
    toAction(args, thought) {
      if (typeof args.code !== 'string')
        return { ok: false, error: `Parameter 'code' of execute_ipython_cell must be a string.` };
      return {
        ok: true,
        action: {
          action: 'run_ipython',
          args: { code: args.code, thought, include_extra: true, security_risk: securityRisk(args.security_risk) },
          message: `Running Python code interactively: ${args.code}`,
        },
      };
    },
    render: (obs) => truncateMiddle(obs.content),
  };
}
