// The event JSON of spec/runtime.md §4: the wire format between agent, runtime and server, and the
// shape stored in output.jsonl `history`. Kept free of imports so every layer (the server included) can use it.

export type EventSource = 'agent' | 'user' | 'environment';

export interface ToolCallMetadata {
  tool_call_id: string;
  function_name: string;
  model_response?: unknown;
  total_calls_in_response: number;
}

export interface LlmMetricsSnapshot {
  accumulated_cost: number;
  accumulated_token_usage?: unknown;
  max_budget_per_task?: number | null;
}

interface EventBase {
  id?: number;
  timestamp?: string;
  source?: EventSource;
  message?: string;
  tool_call_metadata?: ToolCallMetadata;
  llm_metrics?: LlmMetricsSnapshot;
}

export interface RunArgs {
  command: string;
  is_input?: boolean;
  thought?: string;
  blocking?: boolean;
  is_static?: boolean;
  cwd?: string | null;
  hidden?: boolean;
  confirmation_state?: 'confirmed' | 'rejected' | 'awaiting_confirmation';
  security_risk?: number;
}

export interface ReadArgs {
  path: string;
  start?: number;
  end?: number;
  thought?: string;
  impl_source?: 'default' | 'oh_aci';
  view_range?: [number, number] | null;
  security_risk?: number;
}

export interface EditArgs {
  path: string;
  command: 'create' | 'str_replace' | 'insert' | 'undo_edit';
  file_text?: string | null;
  old_str?: string | null;
  new_str?: string | null;
  insert_line?: number | null;
  thought?: string;
  impl_source?: 'default' | 'oh_aci';
  security_risk?: number;
}

export interface WriteArgs {
  path: string;
  content: string;
  start?: number;
  end?: number;
  thought?: string;
}

export interface IPythonArgs {
  code: string;
  thought?: string;
  include_extra?: boolean;
  security_risk?: number;
}

export type ActionEvent = EventBase & { timeout?: number } & (
    | { action: 'run'; args: RunArgs }
    | { action: 'read'; args: ReadArgs }
    | { action: 'edit'; args: EditArgs }
    | { action: 'write'; args: WriteArgs }
    | { action: 'run_ipython'; args: IPythonArgs }
    | { action: 'think'; args: { thought: string } }
    | { action: 'finish'; args: { final_thought: string; outputs?: Record<string, unknown>; thought?: string } }
    | { action: 'message'; args: { content: string; image_urls?: string[] | null; wait_for_response?: boolean } }
    | { action: 'system'; args: { content: string; tools?: unknown[] } }
    | { action: 'condensation'; args: Record<string, unknown> }
  );

export type ActionType = ActionEvent['action'];

/** The content of the observation a `think` action gets (runtime.md §3: logged, never executed). */
export const THINK_OBSERVATION_CONTENT = 'Your thought has been logged.';

export interface CmdOutputMetadata {
  exit_code: number;
  pid: number;
  username: string | null;
  hostname: string | null;
  working_dir: string | null;
  py_interpreter_path: string | null;
  prefix: string;
  suffix: string;
}

export type ObservationEvent = EventBase & {
  cause?: number;
  content: string;
  success?: boolean;
} & (
    | { observation: 'run'; extras: { command: string; metadata: CmdOutputMetadata; hidden?: boolean } }
    | { observation: 'read'; extras: { path: string; impl_source?: string } }
    | { observation: 'write'; extras: { path: string } }
    | {
        observation: 'edit';
        extras: {
          path: string;
          prev_exist: boolean;
          old_content: string | null;
          new_content: string | null;
          impl_source: string;
          diff: string | null;
        };
      }
    | { observation: 'run_ipython'; extras: { code: string; image_urls?: string[] | null } }
    | { observation: 'think'; extras: Record<string, never> }
    | { observation: 'error'; extras: { error_id?: string } }
    | { observation: 'null'; extras: Record<string, never> }
    | { observation: 'agent_state_changed'; extras: { agent_state: string; reason?: string } }
    | { observation: 'condense'; extras: Record<string, unknown> }
  );

export type ObservationType = ObservationEvent['observation'];

export type Event = ActionEvent | ObservationEvent;

export function isAction(e: Event): e is ActionEvent {
  return 'action' in e;
}

export function isObservation(e: Event): e is ObservationEvent {
  return 'observation' in e;
}

/** ISO-8601 with microseconds and no zone, in UTC (runtime.md §4). */
export function eventTimestamp(date = new Date()): string {
  return date
    .toISOString()
    .replace('Z', '')
    .replace(/\.(\d{3})$/, '.$1000');
}
