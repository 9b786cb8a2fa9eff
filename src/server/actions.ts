// POST /execute_action: validates an action event (runtime.md §4) and executes it.
import { z } from 'zod';
import { THINK_OBSERVATION_CONTENT, eventTimestamp, type ActionEvent, type ObservationEvent } from '../core/events.js';
import type { BashSession } from './bash/session.js';
import type { Editor } from './editor.js';
import { readFileAction, resolveActionPath, writeFileAction } from './files.js';
import { PathError, type WorkspacePolicy } from './paths.js';
import type { Plugin, PluginContext } from './plugins.js';

export const DEFAULT_HARD_TIMEOUT_SEC = 120;

/** Every action type of runtime.md §4; anything else is not an action. */
export const ACTION_TYPES = new Set([
  'message',
  'system',
  'start',
  'read',
  'write',
  'edit',
  'run',
  'run_ipython',
  'browse',
  'browse_interactive',
  'call_tool_mcp',
  'delegate',
  'think',
  'finish',
  'reject',
  'null',
  'pause',
  'resume',
  'stop',
  'change_agent_state',
  'push',
  'send_pr',
  'recall',
  'condensation',
  'condensation_request',
  'task_tracking',
  'loop_recovery',
]);

export class HttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(status: number, detail: string, extra: Record<string, unknown> = {}) {
    super(detail);
    this.status = status;
    this.body = { detail, ...extra };
  }
}

export function validationError(err: z.ZodError): HttpError {
  return new HttpError(422, 'Invalid request parameters', { errors: z.prettifyError(err) });
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error);
  return r.data;
}

const bodySchema = z.object({ action: z.looseObject({ action: z.unknown() }) });

const runArgs = z.looseObject({
  command: z.string(),
  is_input: z.boolean().default(false),
  blocking: z.boolean().default(false),
  is_static: z.boolean().default(false),
  cwd: z.string().nullish(),
  hidden: z.boolean().default(false),
});
const readArgs = z.looseObject({
  path: z.string(),
  start: z.number().int().default(0),
  end: z.number().int().default(-1),
  impl_source: z.enum(['default', 'oh_aci']).default('default'),
  view_range: z.array(z.number().int()).nullish(),
});
const writeArgs = z.looseObject({
  path: z.string(),
  content: z.string(),
  start: z.number().int().default(0),
  end: z.number().int().default(-1),
});
const editArgs = z.looseObject({
  path: z.string(),
  command: z.enum(['view', 'create', 'str_replace', 'insert', 'undo_edit']),
  file_text: z.string().nullish(),
  old_str: z.string().nullish(),
  new_str: z.string().nullish(),
  insert_line: z.union([z.number().int(), z.string()]).nullish(),
  view_range: z.array(z.number().int()).nullish(),
  impl_source: z.string().default('oh_aci'),
});
const timeoutSchema = z.number().positive().nullish();

export interface ActionContext {
  bash: BashSession;
  editor: Editor;
  policy(): WorkspacePolicy;
  plugins: readonly Plugin[];
  pluginContext: PluginContext;
}

function observation<T extends ObservationEvent>(o: Omit<T, 'timestamp'>): T {
  return { ...o, timestamp: eventTimestamp() } as T;
}

export function errorObservation(content: string, errorId?: string): ObservationEvent {
  return observation({
    observation: 'error',
    content,
    message: content,
    extras: errorId ? { error_id: errorId } : {},
  });
}

export interface ExecuteOptions {
  /** Aborted when the client is gone: a running command is interrupted as on a hard timeout. */
  signal?: AbortSignal;
}

export async function executeAction(
  body: unknown,
  ctx: ActionContext,
  opts: ExecuteOptions = {},
): Promise<ObservationEvent> {
  const { action } = parseWith(bodySchema, body);
  const type = action.action;
  if (typeof type !== 'string' || !ACTION_TYPES.has(type)) throw new HttpError(400, 'Invalid action type');
  const timeout = parseWith(timeoutSchema, action.timeout);
  const args = action.args ?? {};

  switch (type) {
    case 'run':
      return runAction(parseWith(runArgs, args), timeout ?? DEFAULT_HARD_TIMEOUT_SEC, ctx, opts.signal);
    case 'read':
      return readAction(parseWith(readArgs, args), ctx);
    case 'write':
      return writeAction(parseWith(writeArgs, args), ctx);
    case 'edit':
      return editAction(parseWith(editArgs, args), ctx);
    case 'think':
      return observation({ observation: 'think', content: THINK_OBSERVATION_CONTENT, extras: {} });
    default: {
      const plugin = ctx.plugins.find((p) => p.actions.includes(type));
      if (plugin) return plugin.run(action as unknown as ActionEvent, ctx.pluginContext);
      if (type === 'run_ipython') {
        return errorObservation(
          'The Jupyter plugin is not enabled on this runtime, so IPython cells cannot run. ' +
            'Use execute_bash (e.g. `python3 -c ...` or a script file) instead.',
        );
      }
      throw new HttpError(400, `Action type '${type}' is not executed by this server`);
    }
  }
}

async function runAction(
  args: z.infer<typeof runArgs>,
  timeoutSec: number,
  ctx: ActionContext,
  signal: AbortSignal | undefined,
): Promise<ObservationEvent> {
  const result = args.is_static
    ? await ctx.bash.runStatic(args.command, args.cwd ?? null, timeoutSec, signal)
    : await ctx.bash.run({
        command: args.command,
        isInput: args.is_input,
        blocking: args.blocking,
        hidden: args.hidden,
        timeoutSec,
        signal,
      });
  if (result.kind === 'error') return errorObservation(result.content);
  const exit = result.metadata.exit_code;
  return observation({
    observation: 'run',
    content: result.content,
    extras: { command: result.command, metadata: result.metadata, hidden: result.hidden },
    success: exit === 0,
    message: `Command \`${result.command}\` executed with exit code ${exit}.`,
  });
}

function readAction(args: z.infer<typeof readArgs>, ctx: ActionContext): ObservationEvent {
  if (args.impl_source === 'oh_aci') {
    const r = ctx.editor.run({ command: 'view', path: args.path, view_range: args.view_range ?? null });
    return observation({
      observation: 'read',
      content: r.content,
      extras: { path: args.path, impl_source: 'oh_aci' },
      message: `I read the file ${args.path}.`,
    });
  }
  const cwd = ctx.bash.cwd;
  let file: string;
  try {
    file = resolveActionPath(args.path, cwd, ctx.policy());
  } catch (err) {
    if (err instanceof PathError) return errorObservation(err.message);
    throw err;
  }
  const r = readFileAction(file, cwd, args.start, args.end);
  if (!r.ok) return errorObservation(r.error);
  return observation({
    observation: 'read',
    content: r.content,
    extras: { path: r.path, impl_source: 'default' },
    message: `I read the file ${r.path}.`,
  });
}

function writeAction(args: z.infer<typeof writeArgs>, ctx: ActionContext): ObservationEvent {
  let file: string;
  try {
    file = resolveActionPath(args.path, ctx.bash.cwd, ctx.policy());
  } catch (err) {
    if (err instanceof PathError) return errorObservation(err.message);
    throw err;
  }
  const r = writeFileAction(file, args.content, args.start, args.end);
  if (!r.ok) return errorObservation(r.error);
  return observation({
    observation: 'write',
    content: '',
    extras: { path: file },
    message: `I wrote to the file ${file}.`,
  });
}

function editAction(args: z.infer<typeof editArgs>, ctx: ActionContext): ObservationEvent {
  if (args.impl_source !== 'oh_aci') {
    return errorObservation(
      `The '${args.impl_source}' editor is not supported by this runtime; use str_replace_editor (impl_source oh_aci).`,
    );
  }
  const r = ctx.editor.run({
    command: args.command,
    path: args.path,
    file_text: args.file_text ?? null,
    old_str: args.old_str ?? null,
    new_str: args.new_str ?? null,
    insert_line: args.insert_line ?? null,
    view_range: args.view_range ?? null,
  });
  return observation({
    observation: 'edit',
    content: r.content,
    extras: {
      path: args.path,
      prev_exist: r.prevExist,
      old_content: args.old_str ?? null,
      new_content: args.new_str ?? null,
      impl_source: 'oh_aci',
      diff: r.diff,
    },
    message: `I edited the file ${args.path}.`,
  });
}
