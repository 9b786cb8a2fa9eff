// finish {message, task_completed?}: ends the run; task_completed is legacy, accepted and ignored.
import type { AgentTool } from './types.js';

export function createFinishTool(): AgentTool {
  return {
    spec: {
      name: 'finish',
      description:
        'Call this when the task is done, or when you cannot go further. The message summarises what you changed and how you verified it, or why you stopped.',
      parameters: {
        type: 'object',
        properties: {
          message: { type: 'string', description: 'Summary of what was done and what remains, if anything.' },
          task_completed: {
            type: 'string',
            enum: ['true', 'false', 'partial'],
            description: 'Optional; accepted for compatibility and not used.',
          },
        },
        required: ['message'],
      },
    },
    terminal: true,
    toAction(args, thought) {
      if (typeof args.message !== 'string')
        return { ok: false, error: `Parameter 'message' of finish must be a string.` };
      return {
        ok: true,
        action: {
          action: 'finish',
          args: { final_thought: args.message, outputs: {}, thought },
          message: args.message,
        },
      };
    },
  };
}
