// Tool calling for models without native function calling (DESIGN.md §8.9): the tools are described in
// the system prompt, calls are written as `<function=NAME><parameter=ARG>value</parameter></function>`
// blocks in plain text, and tool results come back as user messages.
import type { Message, ToolCall, ToolSpec } from './types.js';

interface SchemaProp {
  type?: string;
  description?: string;
  enum?: unknown[];
}

function props(tool: ToolSpec): [string, SchemaProp][] {
  const p = tool.parameters.properties;
  if (!p || typeof p !== 'object') return [];
  return Object.entries(p as Record<string, SchemaProp>);
}

function requiredSet(tool: ToolSpec): Set<string> {
  const r = tool.parameters.required;
  return new Set(Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : []);
}

export function describeToolsForPrompt(tools: ToolSpec[]): string {
  const lines: string[] = [
    'You have access to the following functions. To call one, write a block in exactly this format:',
    '',
    '<function=example_function_name>',
    '<parameter=example_parameter_1>value_1</parameter>',
    '<parameter=example_parameter_2>',
    'a value that spans',
    'several lines',
    '</parameter>',
    '</function>',
    '',
    'Rules: start the call with <function=NAME> and end it with </function>; give every required parameter;',
    'call at most one function per message, and write no text after </function>; the result of the call is',
    'returned to you in the next message. Plain text without a function call is sent to the user.',
    '',
  ];
  tools.forEach((tool, i) => {
    lines.push(`---- BEGIN FUNCTION #${i + 1}: ${tool.name} ----`);
    lines.push(`Description: ${tool.description}`);
    const req = requiredSet(tool);
    const ps = props(tool);
    if (ps.length > 0) {
      lines.push('Parameters:');
      ps.forEach(([name, p], j) => {
        const kind = p.type ?? 'string';
        const allowed = Array.isArray(p.enum)
          ? ` Allowed values: [${p.enum.map((v) => JSON.stringify(v)).join(', ')}]`
          : '';
        lines.push(
          `  (${j + 1}) ${name} (${kind}, ${req.has(name) ? 'required' : 'optional'}): ${p.description ?? ''}${allowed}`,
        );
      });
    } else {
      lines.push('No parameters are required for this function.');
    }
    lines.push(`---- END FUNCTION #${i + 1} ----`, '');
  });
  return lines.join('\n');
}

function renderCall(call: ToolCall): string {
  let args: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(call.arguments);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) args = parsed as Record<string, unknown>;
  } catch {
    // invalid JSON was already answered with an error; show the call with no parameters
  }
  const parts = [`<function=${call.name}>`];
  for (const [k, v] of Object.entries(args)) {
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    parts.push(`<parameter=${k}>${text}</parameter>`);
  }
  parts.push('</function>');
  return parts.join('\n');
}

/** Rewrites a native-tools conversation into plain messages for a model without tool calling. */
export function toTextMessages(messages: Message[], tools: ToolSpec[]): Message[] {
  const out: Message[] = [];
  const description = tools.length > 0 ? describeToolsForPrompt(tools) : '';
  let systemSeen = false;
  for (const m of messages) {
    if (m.role === 'system') {
      out.push({ role: 'system', content: description && !systemSeen ? `${m.content}\n\n${description}` : m.content });
      systemSeen = true;
    } else if (m.role === 'assistant') {
      const calls = (m.toolCalls ?? []).map(renderCall);
      const text = [m.content ?? '', ...calls].filter((s) => s.length > 0).join('\n\n');
      out.push({ role: 'assistant', content: text });
    } else if (m.role === 'tool') {
      out.push({ role: 'user', content: `EXECUTION RESULT of [${m.name}]:\n${m.content}` });
    } else {
      out.push(m);
    }
  }
  if (!systemSeen && description) out.unshift({ role: 'system', content: description });
  // Some providers reject two user messages in a row; merge them.
  const merged: Message[] = [];
  for (const m of out) {
    const prev = merged[merged.length - 1];
    if (
      prev &&
      prev.role === 'user' &&
      m.role === 'user' &&
      typeof prev.content === 'string' &&
      typeof m.content === 'string'
    ) {
      merged[merged.length - 1] = { role: 'user', content: `${prev.content}\n\n${m.content}` };
    } else {
      merged.push(m);
    }
  }
  return merged;
}

const FUNCTION_RE = /<function=([^>\s]+)>([\s\S]*?)(?:<\/function>|$)/g;
const PARAM_RE = /<parameter=([^>\s]+)>([\s\S]*?)(?:<\/parameter>|(?=<parameter=)|$)/g;

function coerce(value: string, prop: SchemaProp | undefined): unknown {
  const type = prop?.type;
  if (type === 'integer' || type === 'number') {
    const n = Number(value.trim());
    return value.trim() !== '' && Number.isFinite(n) ? n : value;
  }
  if (type === 'boolean') {
    if (value.trim() === 'true') return true;
    if (value.trim() === 'false') return false;
    return value;
  }
  if (type === 'array' || type === 'object') {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/** Strips the single newline the format puts after `>` and before `<` of a multi-line value. */
function trimValue(v: string): string {
  let out = v;
  if (out.startsWith('\n')) out = out.slice(1);
  if (out.endsWith('\n')) out = out.slice(0, -1);
  return out;
}

export interface ParsedText {
  content: string | null;
  toolCalls: ToolCall[];
}

/** Parses `<function=…>` blocks out of a model's text; `nextId` names the calls. */
export function parseTextToolCalls(text: string, tools: ToolSpec[], nextId: () => string): ParsedText {
  const calls: ToolCall[] = [];
  let first = -1;
  for (const m of text.matchAll(FUNCTION_RE)) {
    if (first < 0) first = m.index ?? 0;
    const name = m[1] ?? '';
    const body = m[2] ?? '';
    const tool = tools.find((t) => t.name === name);
    const propMap = new Map(tool ? props(tool) : []);
    const args: Record<string, unknown> = {};
    for (const p of body.matchAll(PARAM_RE)) {
      const key = p[1] ?? '';
      args[key] = coerce(trimValue(p[2] ?? ''), propMap.get(key));
    }
    calls.push({ id: nextId(), name, arguments: JSON.stringify(args) });
  }
  if (calls.length === 0) return { content: text, toolCalls: [] };
  const before = text.slice(0, first).trim();
  return { content: before.length > 0 ? before : null, toolCalls: calls };
}
