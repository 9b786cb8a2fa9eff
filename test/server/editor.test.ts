// str_replace_editor semantics (runtime.md §6.3) and the workspace boundary, through the real server.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, startServer, tempDir, type RunningServer } from './helpers.js';

let server: RunningServer;
let ws: string;

beforeAll(async () => {
  server = await startServer();
  ws = server.workspace;
});
afterAll(async () => {
  await server?.stop();
  removeTempDirs();
});

type Obs = { observation: string; content: string; extras: Record<string, unknown> };

const edit = (args: Record<string, unknown>) =>
  server.act({ action: 'edit', args: { impl_source: 'oh_aci', ...args } }) as Promise<Obs>;
const view = (p: string, viewRange?: number[]) =>
  server.act({
    action: 'read',
    args: { path: p, impl_source: 'oh_aci', view_range: viewRange ?? null },
  }) as Promise<Obs>;

function file(name: string, content: string | Buffer): string {
  const p = path.join(ws, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

const FIVE = 'one\ntwo\nthree\nfour\nfive\n';

describe('view', () => {
  it.each([
    [undefined, '     1\tone\n     2\ttwo\n     3\tthree\n     4\tfour\n     5\tfive\n'],
    [[2, 3], '     2\ttwo\n     3\tthree\n'],
    [[4, -1], '     4\tfour\n     5\tfive\n'],
  ])('a file with view_range %j', async (range, body) => {
    const p = file('view.txt', FIVE);
    const obs = await view(p, range);
    expect(obs.observation).toBe('read');
    expect(obs.content).toBe(`Here's the result of running \`cat -n\` on ${p}:\n${body}`);
  });

  it('clamps an end past the file with a note', async () => {
    const p = file('view.txt', FIVE);
    const obs = await view(p, [4, 99]);
    expect(obs.content).toMatch(/only 5 lines/);
    expect(obs.content).toContain('     5\tfive');
  });

  it.each([
    [[0, 2], 'Its first element `0` should be within the range of lines of the file: [1, 5].'],
    [[6, 7], 'Its first element `6` should be within the range of lines of the file: [1, 5].'],
    [[3, 2], 'Its second element `2` should be greater than or equal to the first element `3`.'],
    [[1, 2, 3], 'It should be a list of two integers.'],
  ])('refuses view_range %j', async (range, hint) => {
    const p = file('view.txt', FIVE);
    const obs = await view(p, range);
    expect(obs.content).toBe(`ERROR:\nInvalid \`view_range\` parameter: [${range.join(', ')}]. ${hint}`);
  });

  it('lists a directory two levels deep without hidden entries, with the hidden count', async () => {
    const dir = path.join(ws, 'tree');
    file('tree/a.txt', 'a');
    file('tree/sub/b.txt', 'b');
    file('tree/sub/deeper/c.txt', 'c');
    file('tree/.hidden', 'h');
    file('tree/.hdir/x', 'x');
    file('tree/sub/.inner', 'i');
    const obs = await view(dir);
    expect(obs.content).toBe(
      `Here's the files and directories up to 2 levels deep in ${dir}, excluding hidden items:\n` +
        `${dir}/\n${dir}/a.txt\n${dir}/sub/\n${dir}/sub/b.txt\n${dir}/sub/deeper/\n\n` +
        `2 hidden files/directories in this directory are excluded. You can use 'ls -la ${dir}' to see them.`,
    );
    expect((await view(dir, [1, 2])).content).toMatch(/not allowed when `path` points to a directory/);
  });

  it('clips output over 16,000 characters', async () => {
    const p = file('big.txt', 'x'.repeat(100) + '\n'.repeat(1) + 'y\n'.repeat(20_000));
    const obs = await view(p);
    expect(obs.content.length).toBeLessThan(16_500);
    expect(obs.content).toContain('<response clipped>');
  });

  it.each([
    [
      'relative path',
      () => 'view.txt',
      /^ERROR:\nInvalid `path` parameter: view\.txt\. The path should be an absolute path, starting with `\/`\. Maybe you meant .*view\.txt\?$/,
    ],
    ['missing path', () => path.join(ws, 'nope.txt'), /does not exist\. Please provide a valid path\./],
    ['binary file', () => file('bin.dat', 'ab\0cd'), /File appears to be binary/],
    ['non-UTF-8 file', () => file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9])), /only supports UTF-8/],
    [
      'file over 10 MB',
      () => file('huge.txt', 'a'.repeat(10 * 1024 * 1024 + 10)),
      /File is too large \(10\.0MB\)\. Maximum allowed size is 10MB\./,
    ],
    ['path outside the workspace', () => '/etc/hostname', /outside the workspace/],
  ])('refuses a %s', async (_name, makePath, message) => {
    file('view.txt', FIVE);
    const p = makePath();
    const obs = await view(p);
    expect(obs.content).toMatch(message);
  });
});

describe('create, str_replace, insert, undo_edit', () => {
  it('creates a file verbatim and refuses to overwrite it', async () => {
    const p = path.join(ws, 'new/dir/created.py');
    const obs = await edit({ command: 'create', path: p, file_text: 'print(1)\n\tindented\n' });
    expect(obs.observation).toBe('edit');
    expect(obs.content).toBe(`File created successfully at: ${p}`);
    expect(obs.extras).toMatchObject({
      path: p,
      prev_exist: false,
      impl_source: 'oh_aci',
      old_content: null,
      new_content: null,
    });
    expect(obs.extras.diff).toContain('+\tindented');
    expect(readFileSync(p, 'utf8')).toBe('print(1)\n\tindented\n');
    const again = await edit({ command: 'create', path: p, file_text: 'x' });
    expect(again.content).toBe(
      `ERROR:\nInvalid \`path\` parameter: ${p}. File already exists at: ${p}. Cannot overwrite files using command \`create\`.`,
    );
    expect((await edit({ command: 'create', path: path.join(ws, 'no-text.txt') })).content).toBe(
      'ERROR:\nParameter `file_text` is required for command: create.',
    );
  });

  it('replaces a unique string, keeps tabs, and shows a snippet of ±4 lines', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    lines[9] = '\tif x:\n\t\treturn 1';
    const p = file('replace.py', lines.join('\n') + '\n');
    const obs = await edit({ command: 'str_replace', path: p, old_str: '\t\treturn 1', new_str: '\t\treturn 2' });
    expect(obs.content).toBe(
      `The file ${p} has been edited. Here's the result of running \`cat -n\` on a snippet of ${p}:\n` +
        '     7\tline 7\n     8\tline 8\n     9\tline 9\n    10\t\tif x:\n    11\t\t\treturn 2\n' +
        '    12\tline 11\n    13\tline 12\n    14\tline 13\n    15\tline 14\n' +
        'Review the changes and make sure they are as expected. Edit the file again if necessary.',
    );
    expect(obs.extras).toMatchObject({ prev_exist: true, old_content: '\t\treturn 1', new_content: '\t\treturn 2' });
    expect(obs.extras.diff).toBe(
      `--- ${p}\n+++ ${p}\n@@ -8,7 +8,7 @@\n line 8\n line 9\n \tif x:\n-\t\treturn 1\n+\t\treturn 2\n line 11\n line 12\n line 13`,
    );
    expect(readFileSync(p, 'utf8')).toContain('\t\treturn 2\n');
  });

  it.each([
    [
      'no match',
      { old_str: 'absent', new_str: 'x' },
      (p: string) => `ERROR:\nNo replacement was performed, old_str \`absent\` did not appear verbatim in ${p}.`,
    ],
    [
      'two matches',
      { old_str: 'dup', new_str: 'x' },
      () =>
        'ERROR:\nNo replacement was performed. Multiple occurrences of old_str `dup` in lines [1, 3]. Please ensure it is unique.',
    ],
    [
      'equal strings',
      { old_str: 'dup', new_str: 'dup' },
      () =>
        'ERROR:\nInvalid `new_str` parameter: dup. No replacement was performed. `new_str` and `old_str` must be different.',
    ],
    ['missing old_str', { new_str: 'x' }, () => 'ERROR:\nParameter `old_str` is required for command: str_replace.'],
  ])('str_replace refuses %s', async (_name, args, message) => {
    const p = file('dups.txt', 'dup\nmiddle\ndup\n');
    const obs = await edit({ command: 'str_replace', path: p, ...args });
    expect(obs.content).toBe(message(p));
    expect(obs.extras.diff).toBeNull();
    expect(readFileSync(p, 'utf8')).toBe('dup\nmiddle\ndup\n');
  });

  it.each([
    [0, 'new\none\ntwo\nthree\nfour\nfive\n'],
    [2, 'one\ntwo\nnew\nthree\nfour\nfive\n'],
    [5, 'one\ntwo\nthree\nfour\nfive\nnew\n'],
    ['3', 'one\ntwo\nthree\nnew\nfour\nfive\n'],
  ])('inserts after line %j', async (line, expected) => {
    const p = file('insert.txt', FIVE);
    const obs = await edit({ command: 'insert', path: p, insert_line: line, new_str: 'new' });
    expect(obs.content).toMatch(
      /^The file .* has been edited\. Here's the result of running `cat -n` on a snippet of the edited file:\n/,
    );
    expect(obs.content).toMatch(/correct indentation, no duplicate lines/);
    expect(readFileSync(p, 'utf8')).toBe(expected);
  });

  it.each([
    [6, 'ERROR:\nInvalid `insert_line` parameter: 6. It should be within the range of lines of the file: [0, 5]'],
    [-1, 'ERROR:\nInvalid `insert_line` parameter: -1. It should be within the range of lines of the file: [0, 5]'],
    ['two', "ERROR:\nInvalid insert_line value: 'two'. Expected an integer."],
  ])('insert refuses insert_line %j', async (line, message) => {
    const p = file('insert.txt', FIVE);
    expect((await edit({ command: 'insert', path: p, insert_line: line, new_str: 'x' })).content).toBe(message);
    expect(readFileSync(p, 'utf8')).toBe(FIVE);
  });

  it('undoes edits one by one, then says there is no history', async () => {
    const p = file('undo.txt', 'v1\n');
    await edit({ command: 'str_replace', path: p, old_str: 'v1', new_str: 'v2' });
    await edit({ command: 'insert', path: p, insert_line: 1, new_str: 'tail' });
    expect(readFileSync(p, 'utf8')).toBe('v2\ntail\n');
    const u1 = await edit({ command: 'undo_edit', path: p });
    expect(u1.content).toBe(
      `Last edit to ${p} undone successfully. Here's the result of running \`cat -n\` on ${p}:\n     1\tv2\n`,
    );
    expect(readFileSync(p, 'utf8')).toBe('v2\n');
    await edit({ command: 'undo_edit', path: p });
    expect(readFileSync(p, 'utf8')).toBe('v1\n');
    expect((await edit({ command: 'undo_edit', path: p })).content).toBe(`ERROR:\nNo edit history found for ${p}.`);
  });

  it('keeps at most 10 earlier versions per file', async () => {
    const p = file('many.txt', 'n0\n');
    for (let i = 0; i < 12; i += 1)
      await edit({ command: 'str_replace', path: p, old_str: `n${i}`, new_str: `n${i + 1}` });
    let undone = 0;
    while (!(await edit({ command: 'undo_edit', path: p })).content.startsWith('ERROR')) undone += 1;
    expect(undone).toBe(10);
    expect(readFileSync(p, 'utf8')).toBe('n2\n');
  });

  it('refuses edits on a directory and with an unknown editor', async () => {
    const obs = await edit({ command: 'str_replace', path: ws, old_str: 'a', new_str: 'b' });
    expect(obs.content).toMatch(/is a directory and only the `view` command can be used on directories/);
    const llm = await server.act({
      action: 'edit',
      args: { path: path.join(ws, 'x'), command: 'create', impl_source: 'llm_based_edit' },
    });
    expect(llm.observation).toBe('error');
  });
});

describe('workspace boundary', () => {
  it('refuses paths outside the workspace and symlinks that lead out, for the editor and for read/write', async () => {
    const outside = tempDir('oh-outside-');
    writeFileSync(path.join(outside, 'secret.txt'), 'secret\n');
    symlinkSync(outside, path.join(ws, 'escape'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'secret-link.txt'));
    const viaDir = path.join(ws, 'escape/secret.txt');
    const viaFile = path.join(ws, 'secret-link.txt');

    for (const p of [viaDir, viaFile]) {
      const v = await view(p);
      expect(v.content).toMatch(
        /^ERROR:\nThe path .* resolves through a symlink to .*secret\.txt, which is outside the workspace/,
      );
      const r = await server.act({ action: 'read', args: { path: p } });
      expect(r.observation).toBe('error');
      expect(r.content).toMatch(/symlink/);
      const w = await server.act({ action: 'write', args: { path: p, content: 'owned' } });
      expect(w.observation).toBe('error');
      const e = await edit({ command: 'str_replace', path: p, old_str: 'secret', new_str: 'owned' });
      expect(e.content).toMatch(/^ERROR:\n.*outside the workspace/);
    }
    const created = await edit({ command: 'create', path: path.join(ws, 'escape/new.txt'), file_text: 'x' });
    expect(created.content).toMatch(/outside the workspace/);
    expect(readFileSync(path.join(outside, 'secret.txt'), 'utf8')).toBe('secret\n');
    const dotdot = await server.act({ action: 'read', args: { path: `${ws}/../../etc/passwd` } });
    expect(dotdot.content).toMatch(/outside the workspace/);
    // A symlink that stays inside is fine.
    symlinkSync(path.join(ws, 'view.txt'), path.join(ws, 'inner-link.txt'));
    file('view.txt', FIVE);
    expect((await view(path.join(ws, 'inner-link.txt'))).content).toContain('     1\tone');
  });
});

describe('read and write (default)', () => {
  it('reads line ranges relative to the shell directory, and data URLs for media', async () => {
    file('sub/r.txt', 'a\nb\nc\nd\n');
    await server.run(`cd ${ws}/sub`);
    const all = await server.act({ action: 'read', args: { path: 'r.txt' } });
    expect(all).toMatchObject({
      observation: 'read',
      content: 'a\nb\nc\nd\n',
      extras: { path: path.join(ws, 'sub/r.txt') },
    });
    expect((await server.act({ action: 'read', args: { path: 'r.txt', start: 1, end: 3 } })).content).toBe('b\nc\n');
    expect((await server.act({ action: 'read', args: { path: 'r.txt', start: 2 } })).content).toBe('c\nd\n');
    const png = file('sub/pic.png', '\x89PNG\r\n');
    expect((await server.act({ action: 'read', args: { path: png } })).content).toBe(
      `data:image/png;base64,${Buffer.from('\x89PNG\r\n').toString('base64')}`,
    );
    const missing = await server.act({ action: 'read', args: { path: 'gone.txt' } });
    expect(missing).toMatchObject({
      observation: 'error',
      content: `File not found: ${ws}/sub/gone.txt. Your current working directory is ${ws}/sub.`,
    });
    expect((await server.act({ action: 'read', args: { path: ws } })).content).toMatch(/^Path is a directory/);
    file('sub/blob.bin', 'a\0b');
    expect((await server.act({ action: 'read', args: { path: 'blob.bin' } })).content).toBe('ERROR_BINARY_FILE');
    await server.run(`cd ${ws}`);
  });

  it('writes new files exactly (mode 0664) and replaces line ranges of existing ones', async () => {
    const w = await server.act({ action: 'write', args: { path: 'w/new.txt', content: 'exact\n' } });
    expect(w).toMatchObject({ observation: 'write', content: '', extras: { path: path.join(ws, 'w/new.txt') } });
    const p = path.join(ws, 'w/new.txt');
    expect(readFileSync(p, 'utf8')).toBe('exact\n');
    const ls = await server.run(`stat -c %a ${p}`);
    expect(ls.content).toBe('664');
    writeFileSync(p, 'l0\nl1\nl2\nl3\n');
    await server.act({ action: 'write', args: { path: p, content: 'X', start: 1, end: 3 } });
    expect(readFileSync(p, 'utf8')).toBe('l0\nX\nl3\n');
    await server.act({ action: 'write', args: { path: p, content: 'whole' } });
    expect(readFileSync(p, 'utf8')).toBe('whole');
  });
});
