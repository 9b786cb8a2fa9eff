// A tool owns its JSON schema, how a call becomes an action event, and how that action's observation is
// shown to the model. The loop knows none of the concrete tools.
import type { ActionEvent, ObservationEvent } from '../../core/events.js';
import type { ToolSpec } from '../../llm/types.js';

export type ToAction = { ok: true; action: ActionEvent } | { ok: false; error: string };

export interface AgentTool {
  readonly spec: ToolSpec;
  /**
   * Turns validated arguments (required present, no unknown keys) into an action event without id,
   * timestamp or source. Type problems come back as `{ok: false}` and are shown to the model.
   */
  toAction(args: Record<string, unknown>, thought: string): ToAction;
  /** Answers the action on the host, without the sandbox (think). */
  executeLocally?(
    action: ActionEvent,
  ): Pick<ObservationEvent, 'observation' | 'content' | 'extras'> & { success?: boolean };
  /** Ends the run (finish): the loop stops after recording the action. */
  readonly terminal?: boolean;
  /** The text the model sees for an observation of this tool's action; default: the content. */
  render?(obs: ObservationEvent): string;
}

/** security_risk: LOW 0, MEDIUM 1, HIGH 2, anything else UNKNOWN -1 (runtime.md §4). Accepted, never acted on. */
export function securityRisk(v: unknown): number {
  if (v === 'LOW') return 0;
  if (v === 'MEDIUM') return 1;
  if (v === 'HIGH') return 2;
  return -1;
}

export const SECURITY_RISK_PROPERTY = {
  type: 'string',
  enum: ['LOW', 'MEDIUM', 'HIGH'],
  description:
    'Optional: your estimate of the risk of this action (LOW, MEDIUM or HIGH). It is recorded and does not change what runs.',
} as const;
