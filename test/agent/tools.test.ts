import { describe, expect, it } from 'vitest';
import { createToolRegistry, defaultTools } from '../../src/agent/tools/registry.js';
import type { ObservationEvent } from '../../src/core/events.js';

const reg = createToolRegistry(defaultTools({ commandTimeoutSec: 300 }));
const prep = (name: string, args: unknown) => reg.prepare({ id: 'c', name, arguments: JSON.stringify(args) }, 'why');

describe('tool schemas', () => {
  it('offers the CodeAct tools in the reference order with the reference parameter names', () => {
    expect(reg.specs.map((s) => s.name)).toEqual(['execute_bash', 'think', 'finish', 'str_replace_editor']);
    const props = (n: string) =>
      Object.keys((reg.specs.find((s) => s.name === n)?.parameters.properties ?? {}) as object);
    expect(props('execute_bash')).toEqual(['command', 'is_input', 'timeout', 'security_risk']);
    expect(props('str_replace_editor')).toEqual([
      'command',
      'path',
      'file_text',
      'old_str',
      'new_str',
      'insert_line',
      'view_range',
      'security_risk',
    ]);
    expect(props('think')).toEqual(['thought']);
    expect(props('finish')).toEqual(['message', 'task_completed']);
  });
});

describe('execute_ipython_cell', () => {
  it('is offered only with the Jupyter plugin, before the editor, and maps to run_ipython', () => {
    const withJupyter = createToolRegistry(defaultTools({ jupyter: true }));
    expect(withJupyter.specs.map((s) => s.name)).toEqual([
      'execute_bash',
      'think',
      'finish',
      'execute_ipython_cell',
      'str_replace_editor',
    ]);
    const p = withJupyter.prepare({ id: 'c', name: 'execute_ipython_cell', arguments: '{"code":"print(1)"}' }, '');
    if (!p.ok) throw new Error(p.error);
    expect(p.action).toMatchObject({ action: 'run_ipython', args: { code: 'print(1)', include_extra: true } });
    expect(reg.prepare({ id: 'c', name: 'execute_ipython_cell', arguments: '{"code":"x"}' }, '').ok).toBe(false);
  });
});

describe('calls → actions', () => {
  it.each([
    [
      'plain command: non-blocking with the default hard timeout',
      { command: 'ls' },
      { is_input: false, blocking: false },
      300,
    ],
    ['timeout given: blocking', { command: 'make', timeout: 50 }, { is_input: false, blocking: true }, 50],
    ['numeric-string timeout', { command: 'make', timeout: '7.5' }, { blocking: true }, 7.5],
    ['is_input "true"', { command: 'C-c', is_input: 'true' }, { is_input: true }, 300],
    ['security_risk mapped, never acted on', { command: 'ls', security_risk: 'MEDIUM' }, { security_risk: 1 }, 300],
  ])('execute_bash: %s', (_n, args, expected, timeout) => {
    const p = prep('execute_bash', args);
    expect(p.ok).toBe(true);
    if (!p.ok || p.action.action !== 'run') throw new Error('expected a run action');
    expect(p.action.args).toMatchObject({ thought: 'why', ...expected });
    expect(p.action.timeout).toBe(timeout);
  });

  it('editor view → read with impl_source oh_aci and view_range', () => {
    const p = prep('str_replace_editor', { command: 'view', path: '/w/a.py', view_range: [1, 10] });
    if (!p.ok) throw new Error(p.error);
    expect(p.action).toMatchObject({
      action: 'read',
      args: { path: '/w/a.py', impl_source: 'oh_aci', view_range: [1, 10] },
    });
  });

  it.each(['create', 'str_replace', 'insert', 'undo_edit'])('editor %s → edit (view_range dropped)', (command) => {
    const p = prep('str_replace_editor', {
      command,
      path: '/w/a.py',
      old_str: 'a',
      new_str: 'b',
      insert_line: 2,
      file_text: 'x',
      view_range: [1, 2],
    });
    if (!p.ok) throw new Error(p.error);
    expect(p.action.action).toBe('edit');
    expect(p.action.args).toMatchObject({ command, impl_source: 'oh_aci' });
    expect('view_range' in p.action.args).toBe(false);
  });

  it('editor insert_line that is not an integer is refused with the reference message', () => {
    const p = prep('str_replace_editor', { command: 'insert', path: '/w/a', insert_line: 'two', new_str: 'x' });
    expect(p.ok).toBe(false);
    expect(!p.ok && p.error).toMatch(/^ERROR:\nInvalid insert_line value: 'two'\. Expected an integer\./);
  });

  it('finish keeps the message as final_thought and ignores task_completed', () => {
    const p = prep('finish', { message: 'done', task_completed: 'true' });
    if (!p.ok) throw new Error(p.error);
    expect(p.action).toMatchObject({ action: 'finish', args: { final_thought: 'done' } });
  });
});

describe('observations shown to the model', () => {
  const runObs = (
    content: string,
    exit: number,
    extra: Partial<{ prefix: string; suffix: string; py: string | null }> = {},
  ): ObservationEvent => ({
    observation: 'run',
    content,
    extras: {
      command: 'x',
      metadata: {
        exit_code: exit,
        pid: 1,
        username: 'u',
        hostname: 'h',
        working_dir: '/workspace',
        py_interpreter_path: extra.py ?? null,
        prefix: extra.prefix ?? '',
        suffix: extra.suffix ?? '',
      },
    },
  });
  it('prefix + content + suffix, cwd, interpreter, and the exit code unless -1', () => {
    expect(reg.render(runObs('out', 0, { suffix: '\n[done]', py: '/usr/bin/python3' }), 'execute_bash')).toBe(
      'out\n[done]\n[Current working directory: /workspace]\n[Python interpreter: /usr/bin/python3]\n[Command finished with exit code 0]',
    );
    expect(
      reg.render(runObs('more', -1, { prefix: '[Below is the output of the previous command.]\n' }), 'execute_bash'),
    ).toBe('[Below is the output of the previous command.]\nmore\n[Current working directory: /workspace]');
  });
  it('output over 30,000 characters is cut in the middle', () => {
    const text = reg.render(runObs('a'.repeat(20_000) + 'b'.repeat(20_000), 0), 'execute_bash');
    expect(text).toContain(
      'a'.repeat(15_000) + '\n[... Observation truncated due to length ...]\n' + 'b'.repeat(15_000),
    );
    expect(text).not.toContain('a'.repeat(15_001));
  });
});
