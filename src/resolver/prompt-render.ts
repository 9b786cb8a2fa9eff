// The small template language of prompts (resolver.md §8.4): `{{ name }}` and
// `{% if name %}…{% else %}…{% endif %}` (nestable), one trailing newline of the template dropped.
// Plus the JSON renderings of §8.6.
import { ResolverError } from '../core/errors.js';

export type TemplateVars = Record<string, string | number | boolean | null | undefined>;

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string }
  | { kind: 'if'; name: string; negate: boolean; then: Node[]; else: Node[] };

const TOKEN = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}|\{%-?\s*(if|else|endif)\s*(not\s+)?([A-Za-z_][\w]*)?\s*-?%\}/g;

function parse(template: string, where: string): Node[] {
  const root: Node[] = [];
  const stack: { node: Extract<Node, { kind: 'if' }>; inElse: boolean }[] = [];
  const target = () => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    return top.inElse ? top.node.else : top.node.then;
  };
  let last = 0;
  for (const m of template.matchAll(TOKEN)) {
    const idx = m.index ?? 0;
    if (idx > last) target().push({ kind: 'text', text: template.slice(last, idx) });
    last = idx + m[0].length;
    if (m[1]) {
      target().push({ kind: 'var', name: m[1] });
      continue;
    }
    const tag = m[2];
    if (tag === 'if') {
      if (!m[4]) throw new ResolverError('config', `Template ${where}: {% if %} needs a variable name.`);
      const node: Extract<Node, { kind: 'if' }> = { kind: 'if', name: m[4], negate: !!m[3], then: [], else: [] };
      target().push(node);
      stack.push({ node, inElse: false });
    } else if (tag === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.inElse)
        throw new ResolverError('config', `Template ${where}: {% else %} without a matching {% if %}.`);
      top.inElse = true;
    } else {
      if (!stack.pop())
        throw new ResolverError('config', `Template ${where}: {% endif %} without a matching {% if %}.`);
    }
  }
  if (stack.length > 0)
    throw new ResolverError(
      'config',
      `Template ${where}: {% if ${stack[0]?.node.name} %} is never closed with {% endif %}.`,
    );
  if (last < template.length) target().push({ kind: 'text', text: template.slice(last) });
  return root;
}

function truthy(v: TemplateVars[string]): boolean {
  return !(v === undefined || v === null || v === false || v === '' || v === 0);
}

function render(nodes: Node[], vars: TemplateVars): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'var') {
      const v = vars[n.name];
      out += v === undefined || v === null ? '' : String(v);
    } else {
      const cond = truthy(vars[n.name]) !== n.negate;
      out += render(cond ? n.then : n.else, vars);
    }
  }
  return out;
}

/** Renders a template; values are inserted verbatim (no escaping: prompts are plain text). */
export function renderTemplate(template: string, vars: TemplateVars, where = 'template'): string {
  const body = template.endsWith('\n') ? template.slice(0, -1) : template;
  return render(parse(body, where), vars);
}

function escapeNonAscii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `json.dumps(x, indent=4)`: 4-space indentation, non-ASCII as \uXXXX (prompts, visualize). */
export function jsonIndented(value: unknown): string {
  return escapeNonAscii(JSON.stringify(value, null, 4) ?? 'null');
}

/** `json.dumps(x)`: Python's inline style, `", "` and `": "` separators, non-ASCII escaped. */
export function jsonInline(value: unknown): string {
  const enc = (v: unknown): string => {
    if (v === null || v === undefined) return 'null';
    if (Array.isArray(v)) return `[${v.map(enc).join(', ')}]`;
    if (typeof v === 'object') {
      return `{${Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${escapeNonAscii(JSON.stringify(k))}: ${enc(x)}`)
        .join(', ')}}`;
    }
    return escapeNonAscii(JSON.stringify(v) ?? 'null');
  };
  return enc(value);
}
