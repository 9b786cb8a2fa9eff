// think {thought}: logged, never executed (runtime.md §3 client rules).
import { THINK_OBSERVATION_CONTENT } from '../../core/events.js';
import type { AgentTool } from './types.js';

export const THINK_OBSERVATION = THINK_OBSERVATION_CONTENT;

export function createThinkTool(): AgentTool {
  return {
    spec: {
      name: 'think',
      description:
        'Write down your reasoning: plan the next steps, weigh possible causes of a bug, or list what to verify. It changes nothing and returns no new information.',
      parameters: {
        type: 'object',
        properties: { thought: { type: 'string', description: 'Your thought.' } },
        required: ['thought'],
      },
    },
    toAction(args) {
      if (typeof args.thought !== 'string')
        return { ok: false, error: `Parameter 'thought' of think must be a string.` };
      return { ok: true, action: { action: 'think', args: { thought: args.thought }, message: args.thought } };
    },
    executeLocally() {
      return { observation: 'think', content: THINK_OBSERVATION, extras: {} };
    },
  };
}
