// str_replace_editor → `read` (view, impl_source oh_aci) or `edit` (runtime.md §6.3, §7).
import type { ObservationEvent } from '../../core/events.js';
import { truncateMiddle } from '../../core/truncate.js';
import { SECURITY_RISK_PROPERTY, securityRisk, type AgentTool } from './types.js';

const COMMANDS = ['view', 'create', 'str_replace', 'insert', 'undo_edit'] as const;
type EditorCommand = (typeof COMMANDS)[number];

const DESCRIPTION = `View, create and edit files.
* Paths must be absolute, e.g. /workspace/src/app.py.
* view: a file shows its lines numbered like \`cat -n\`; a directory lists files up to 2 levels deep. view_range [start, end] (1-based, end -1 = to the end) limits a file view.
* create: writes file_text to a new file; it cannot overwrite an existing file.
* str_replace: replaces old_str with new_str. old_str must match exactly one place in the file, whitespace included: add surrounding lines until it is unique.
* insert: inserts new_str after line insert_line (0 inserts at the top).
* undo_edit: reverts the last edit of the file.
* Keep the file's indentation correct in new_str. Long output is clipped: narrow it with view_range or search with grep.`;

function isEditorCommand(v: unknown): v is EditorCommand {
  return typeof v === 'string' && (COMMANDS as readonly string[]).includes(v);
}

function optString(args: Record<string, unknown>, key: string): string | null | { error: string } {
  const v = args[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return { error: `Parameter '${key}' of str_replace_editor must be a string.` };
  return v;
}

function parseViewRange(v: unknown): [number, number] | null | { error: string } {
  if (v === undefined || v === null) return null;
  let arr = v;
  if (typeof v === 'string') {
    try {
      arr = JSON.parse(v);
    } catch {
      arr = v;
    }
  }
  if (Array.isArray(arr) && arr.length === 2 && arr.every((x) => Number.isInteger(Number(x)))) {
    return [Number(arr[0]), Number(arr[1])];
  }
  return {
    error: `Parameter 'view_range' of str_replace_editor must be two integers [start, end]; got ${JSON.stringify(v)}.`,
  };
}

export function createStrReplaceEditorTool(): AgentTool {
  return {
    spec: {
      name: 'str_replace_editor',
      description: DESCRIPTION,
      parameters: {
        type: 'object',
        properties: {
          command: {
            type: 'string',
            enum: [...COMMANDS],
            description: 'One of view, create, str_replace, insert, undo_edit.',
          },
          path: { type: 'string', description: 'Absolute path of the file or directory.' },
          file_text: { type: 'string', description: 'create: the content of the new file.' },
          old_str: {
            type: 'string',
            description: 'str_replace: the exact text to replace (must be unique in the file).',
          },
          new_str: {
            type: 'string',
            description: 'str_replace: the replacement (default empty); insert: the text to insert.',
          },
          insert_line: { type: 'integer', description: 'insert: new_str goes after this line (0 = top of the file).' },
          view_range: {
            type: 'array',
            items: { type: 'integer' },
            description: 'view: [start, end] line range, 1-based; end -1 means to the end of the file.',
          },
          security_risk: SECURITY_RISK_PROPERTY,
        },
        required: ['command', 'path'],
      },
    },
    toAction(args, thought) {
      const command = args.command;
      if (!isEditorCommand(command)) {
        return {
          ok: false,
          error: `Invalid command ${JSON.stringify(command)} for str_replace_editor. Allowed commands: ${COMMANDS.join(', ')}.`,
        };
      }
      if (typeof args.path !== 'string' || args.path === '') {
        return {
          ok: false,
          error: `Parameter 'path' of str_replace_editor must be a non-empty string (an absolute path).`,
        };
      }
      const risk = securityRisk(args.security_risk);
      if (command === 'view') {
        const range = parseViewRange(args.view_range);
        if (range && !Array.isArray(range)) return { ok: false, error: range.error };
        return {
          ok: true,
          action: {
            action: 'read',
            args: {
              path: args.path,
              start: 0,
              end: -1,
              thought,
              impl_source: 'oh_aci',
              view_range: range,
              security_risk: risk,
            },
            message: `Reading file: ${args.path}`,
          },
        };
      }
      const fields: Record<string, string | null> = {};
      for (const key of ['file_text', 'old_str', 'new_str']) {
        const v = optString(args, key);
        if (v !== null && typeof v === 'object') return { ok: false, error: v.error };
        fields[key] = v;
      }
      let insertLine: number | null = null;
      if (args.insert_line !== undefined && args.insert_line !== null) {
        const n = typeof args.insert_line === 'number' ? args.insert_line : Number(args.insert_line);
        if (!Number.isInteger(n)) {
          return {
            ok: false,
            error: `ERROR:\nInvalid insert_line value: '${String(args.insert_line)}'. Expected an integer.`,
          };
        }
        insertLine = n;
      }
      return {
        ok: true,
        action: {
          action: 'edit',
          args: {
            path: args.path,
            command,
            file_text: fields.file_text ?? null,
            old_str: fields.old_str ?? null,
            new_str: fields.new_str ?? null,
            insert_line: insertLine,
            thought,
            impl_source: 'oh_aci',
            security_risk: risk,
          },
          message: `Editing file: ${args.path} (${command})`,
        },
      };
    },
    render(obs: ObservationEvent) {
      return truncateMiddle(obs.content);
    },
  };
}
