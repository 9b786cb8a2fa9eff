import { describe, expect, it } from 'vitest';
import { parseTextToolCalls } from '../../src/llm/text-tools.js';
import type { ToolSpec } from '../../src/llm/types.js';

const tools: ToolSpec[] = [
  {
    name: 'str_replace_editor',
    description: '',
    parameters: {
      type: 'object',
      properties: {
        command: { type: 'string' },
        path: { type: 'string' },
        insert_line: { type: 'integer' },
        view_range: { type: 'array' },
        new_str: { type: 'string' },
      },
    },
  },
];

describe('parseTextToolCalls', () => {
  let n = 0;
  const id = () => `t${++n}`;
  it.each([
    ['no call', 'just text', 'just text', []],
    [
      'one call with typed parameters',
      'Let me look.\n<function=str_replace_editor>\n<parameter=command>view</parameter>\n<parameter=path>/w/a.py</parameter>\n<parameter=view_range>[1, 5]</parameter>\n</function>',
      'Let me look.',
      [{ name: 'str_replace_editor', args: { command: 'view', path: '/w/a.py', view_range: [1, 5] } }],
    ],
    [
      'multi-line value keeps inner newlines, drops the framing ones',
      '<function=str_replace_editor>\n<parameter=command>insert</parameter>\n<parameter=insert_line>3</parameter>\n<parameter=new_str>\n  a\n  b\n</parameter>\n</function>',
      null,
      [{ name: 'str_replace_editor', args: { command: 'insert', insert_line: 3, new_str: '  a\n  b' } }],
    ],
    [
      'unclosed function at the end (stop sequence) still parses',
      '<function=finish>\n<parameter=message>done</parameter>\n',
      null,
      [{ name: 'finish', args: { message: 'done' } }],
    ],
  ])('%s', (_name, input, content, calls) => {
    const r = parseTextToolCalls(input, tools, id);
    expect(r.content).toBe(content);
    expect(r.toolCalls.map((c) => ({ name: c.name, args: JSON.parse(c.arguments) }))).toEqual(calls);
  });
});
