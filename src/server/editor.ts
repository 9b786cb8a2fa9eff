// The str_replace_editor of runtime.md §6.3 (the reference's `oh_aci` editor), with the workspace
// boundary of DESIGN.md §8.7. Unlike the reference it never expands tabs, so `old_str` copied from a
// view matches the file byte for byte.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unifiedDiff } from './diff.js';
import { PathError, type WorkspacePolicy } from './paths.js';

export const MAX_EDITOR_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_RESPONSE_CHARS = 16_000;
const SNIPPET_CONTEXT = 4;
const HISTORY_LIMIT = 10;

export const FILE_CONTENT_TRUNCATED_NOTICE =
  '<response clipped><NOTE>To save on context only part of this file has been shown to you. You should retry this ' +
  'tool after you have searched inside the file with `grep -n` in order to find the line numbers of what you are ' +
  'looking for, or view a narrower `view_range`.</NOTE>';
export const DIRECTORY_CONTENT_TRUNCATED_NOTICE =
  '<response clipped><NOTE>To save on context only part of this directory has been shown to you. You should use ' +
  '`ls -la` instead to view large directories incrementally.</NOTE>';

export type EditorCommand = 'view' | 'create' | 'str_replace' | 'insert' | 'undo_edit';

export interface EditorRequest {
  command: EditorCommand;
  path: string;
  file_text?: string | null;
  old_str?: string | null;
  new_str?: string | null;
  insert_line?: number | string | null;
  view_range?: number[] | null;
}

export interface EditorResult {
  /** Editor output, or `ERROR:\n<msg>`. */
  content: string;
  ok: boolean;
  prevExist: boolean;
  /** Unified diff of the file before and after (null when nothing was written). */
  diff: string | null;
}

export class ToolError extends Error {}

export interface Editor {
  run(req: EditorRequest): EditorResult;
}

/** Reads a text file as the editor does: refuses big, binary and non-UTF-8 files. */
export function readTextFile(file: string, maxBytes = MAX_EDITOR_FILE_BYTES): string {
  const size = statSync(file).size;
  if (size > maxBytes) {
    throw new ToolError(
      `File validation failed for ${file}: File is too large (${(size / 1024 / 1024).toFixed(1)}MB). ` +
        `Maximum allowed size is ${Math.floor(maxBytes / 1024 / 1024)}MB.`,
    );
  }
  const buf = readFileSync(file);
  if (isBinary(buf)) {
    throw new ToolError(
      `File validation failed for ${file}: File appears to be binary. Only text files can be edited.`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new ToolError(
      `The editor only supports UTF-8 encoding files, please use bash commands for files with other encoding: ${file}`,
    );
  }
}

/** A NUL byte in the first 8 KB marks a binary file (what git and grep use too). */
export function isBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i += 1) if (buf[i] === 0) return true;
  return false;
}

export function clip(text: string, notice: string, max = MAX_RESPONSE_CHARS): string {
  return text.length <= max ? text : text.slice(0, max) + notice;
}

function lines(text: string): string[] {
  if (text === '') return [];
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

/** `cat -n` style: number right-aligned in 6 columns, a TAB, the text. */
export function numbered(fileLines: string[], firstLine: number): string {
  return fileLines.map((l, i) => `${String(i + firstLine).padStart(6)}\t${l}`).join('\n');
}

function catN(fileLines: string[], description: string, firstLine: number): string {
  return `Here's the result of running \`cat -n\` on ${description}:\n${numbered(fileLines, firstLine)}\n`;
}

function invalid(parameter: string, value: unknown, hint: string): ToolError {
  const shown = Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
  return new ToolError(`Invalid \`${parameter}\` parameter: ${shown}. ${hint}`);
}

function missing(command: string, parameter: string): ToolError {
  return new ToolError(`Parameter \`${parameter}\` is required for command: ${command}.`);
}

export function createEditor(getPolicy: () => WorkspacePolicy): Editor {
  const history = new Map<string, string[]>();

  const pushHistory = (file: string, content: string) => {
    const list = history.get(file) ?? [];
    list.push(content);
    while (list.length > HISTORY_LIMIT) list.shift();
    history.set(file, list);
  };

  const write = (file: string, content: string) => {
    try {
      writeFileSync(file, content);
    } catch (err) {
      throw new ToolError(`Ran into ${(err as Error).message} while trying to write to ${file}`);
    }
  };

  const validatePath = (command: EditorCommand, p: string): { file: string; exists: boolean } => {
    const policy = getPolicy();
    if (!path.isAbsolute(p)) {
      let hint = 'The path should be an absolute path, starting with `/`.';
      const suggestion = path.join(policy.root, p);
      if (existsSync(suggestion)) hint += ` Maybe you meant ${suggestion}?`;
      throw invalid('path', p, hint);
    }
    try {
      policy.check(p);
    } catch (err) {
      if (err instanceof PathError) throw new ToolError(err.message);
      throw err;
    }
    const exists = existsSync(p);
    if (command === 'create' && exists) {
      throw invalid('path', p, `File already exists at: ${p}. Cannot overwrite files using command \`create\`.`);
    }
    if (command !== 'create' && !exists) {
      throw invalid('path', p, `The path ${p} does not exist. Please provide a valid path.`);
    }
    if (command !== 'view' && exists && statSync(p).isDirectory()) {
      throw invalid(
        'path',
        p,
        `The path ${p} is a directory and only the \`view\` command can be used on directories.`,
      );
    }
    return { file: p, exists };
  };

  const viewDirectory = (dir: string, viewRange: number[] | null | undefined): string => {
    if (viewRange && viewRange.length) {
      throw invalid(
        'view_range',
        viewRange,
        'The `view_range` parameter is not allowed when `path` points to a directory.',
      );
    }
    const entries: string[] = [dir];
    let hidden = 0;
    const walk = (d: string, depth: number) => {
      let names: string[];
      try {
        names = readdirSync(d);
      } catch {
        return;
      }
      for (const name of names) {
        if (name.startsWith('.')) {
          if (depth === 1) hidden += 1;
          continue;
        }
        const full = path.join(d, name);
        entries.push(full);
        if (depth < 2) {
          let isDir = false;
          try {
            isDir = statSync(full).isDirectory();
          } catch {
            isDir = false;
          }
          if (isDir) walk(full, depth + 1);
        }
      }
    };
    walk(dir, 1);
    entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const shown = entries.map((e) => {
      try {
        return statSync(e).isDirectory() ? `${e}/` : e;
      } catch {
        return e;
      }
    });
    let out = `Here's the files and directories up to 2 levels deep in ${dir}, excluding hidden items:\n${shown.join('\n')}`;
    if (hidden > 0) {
      out += `\n\n${hidden} hidden files/directories in this directory are excluded. You can use 'ls -la ${dir}' to see them.`;
    }
    return clip(out, DIRECTORY_CONTENT_TRUNCATED_NOTICE);
  };

  const viewFile = (file: string, viewRange: number[] | null | undefined): string => {
    const all = lines(readTextFile(file));
    const n = all.length;
    if (!viewRange || viewRange.length === 0) return clip(catN(all, file, 1), FILE_CONTENT_TRUNCATED_NOTICE);
    if (viewRange.length !== 2 || !viewRange.every((v) => Number.isInteger(v))) {
      throw invalid('view_range', viewRange, 'It should be a list of two integers.');
    }
    const [start = 1, endRaw = -1] = viewRange;
    if (start < 1 || start > n) {
      throw invalid(
        'view_range',
        viewRange,
        `Its first element \`${start}\` should be within the range of lines of the file: [1, ${n}].`,
      );
    }
    if (endRaw !== -1 && endRaw < start) {
      throw invalid(
        'view_range',
        viewRange,
        `Its second element \`${endRaw}\` should be greater than or equal to the first element \`${start}\`.`,
      );
    }
    let note = '';
    let end = endRaw === -1 ? n : endRaw;
    if (end > n) {
      note = `NOTE: We only show up to ${n} since there're only ${n} lines in this file.\n`;
      end = n;
    }
    return clip(note + catN(all.slice(start - 1, end), file, start), FILE_CONTENT_TRUNCATED_NOTICE);
  };

  const strReplace = (file: string, oldStr: string, newStr: string): { out: string; before: string; after: string } => {
    const before = readTextFile(file);
    if (oldStr === '') {
      throw invalid('old_str', "''", 'It must not be empty: quote the exact text to replace, or use `insert`.');
    }
    const hits: number[] = [];
    for (let at = before.indexOf(oldStr); at >= 0; at = before.indexOf(oldStr, at + 1)) hits.push(at);
    if (hits.length === 0) {
      throw new ToolError(`No replacement was performed, old_str \`${oldStr}\` did not appear verbatim in ${file}.`);
    }
    const lineOf = (offset: number) => before.slice(0, offset).split('\n').length;
    if (hits.length > 1) {
      const lineNumbers = [...new Set(hits.map(lineOf))];
      throw new ToolError(
        `No replacement was performed. Multiple occurrences of old_str \`${oldStr}\` in lines [${lineNumbers.join(', ')}]. ` +
          'Please ensure it is unique.',
      );
    }
    const at = hits[0] ?? 0;
    const after = before.slice(0, at) + newStr + before.slice(at + oldStr.length);
    write(file, after);
    pushHistory(file, before);
    const replacementLine = lineOf(at);
    const all = lines(after);
    const first = Math.max(1, replacementLine - SNIPPET_CONTEXT);
    const last = Math.min(all.length, replacementLine + SNIPPET_CONTEXT + (newStr.match(/\n/g)?.length ?? 0));
    const snippet = catN(all.slice(first - 1, last), `a snippet of ${file}`, first);
    const out =
      `The file ${file} has been edited. ${snippet}` +
      'Review the changes and make sure they are as expected. Edit the file again if necessary.';
    return { out: clip(out, FILE_CONTENT_TRUNCATED_NOTICE), before, after };
  };

  const insert = (file: string, insertLine: number, newStr: string): { out: string; before: string; after: string } => {
    const before = readTextFile(file);
    const old = lines(before);
    const n = old.length;
    if (insertLine < 0 || insertLine > n) {
      throw invalid('insert_line', insertLine, `It should be within the range of lines of the file: [0, ${n}]`);
    }
    const added = newStr.endsWith('\n') ? newStr.slice(0, -1).split('\n') : newStr.split('\n');
    const merged = [...old.slice(0, insertLine), ...added, ...old.slice(insertLine)];
    const trailingNewline = before === '' || before.endsWith('\n');
    const after = merged.join('\n') + (trailingNewline ? '\n' : '');
    write(file, after);
    pushHistory(file, before);
    const first = Math.max(1, insertLine - SNIPPET_CONTEXT + 1);
    const last = Math.min(merged.length, insertLine + added.length + SNIPPET_CONTEXT);
    const snippet = catN(merged.slice(first - 1, last), 'a snippet of the edited file', first);
    const out =
      `The file ${file} has been edited. ${snippet}` +
      'Review the changes and make sure they are as expected (correct indentation, no duplicate lines, etc). ' +
      'Edit the file again if necessary.';
    return { out: clip(out, FILE_CONTENT_TRUNCATED_NOTICE), before, after };
  };

  return {
    run(req: EditorRequest): EditorResult {
      let prevExist = false;
      try {
        if (req.command === 'insert' && req.insert_line !== undefined && req.insert_line !== null) {
          const v = req.insert_line;
          if (typeof v === 'string' && !/^\s*-?\d+\s*$/.test(v)) {
            return {
              content: `ERROR:\nInvalid insert_line value: '${v}'. Expected an integer.`,
              ok: false,
              prevExist,
              diff: null,
            };
          }
        }
        const { file, exists } = validatePath(req.command, req.path);
        prevExist = exists;
        switch (req.command) {
          case 'view': {
            const content = statSync(file).isDirectory()
              ? viewDirectory(file, req.view_range)
              : viewFile(file, req.view_range);
            return { content, ok: true, prevExist, diff: null };
          }
          case 'create': {
            if (req.file_text === undefined || req.file_text === null) throw missing('create', 'file_text');
            mkdirSync(path.dirname(file), { recursive: true });
            write(file, req.file_text);
            return {
              content: `File created successfully at: ${file}`,
              ok: true,
              prevExist,
              diff: unifiedDiff('', req.file_text, file),
            };
          }
          case 'str_replace': {
            if (req.old_str === undefined || req.old_str === null) throw missing('str_replace', 'old_str');
            const newStr = req.new_str ?? '';
            if (newStr === req.old_str) {
              throw invalid(
                'new_str',
                newStr,
                'No replacement was performed. `new_str` and `old_str` must be different.',
              );
            }
            const r = strReplace(file, req.old_str, newStr);
            return { content: r.out, ok: true, prevExist, diff: unifiedDiff(r.before, r.after, file) };
          }
          case 'insert': {
            if (req.insert_line === undefined || req.insert_line === null) throw missing('insert', 'insert_line');
            if (req.new_str === undefined || req.new_str === null) throw missing('insert', 'new_str');
            const r = insert(file, Number(req.insert_line), req.new_str);
            return { content: r.out, ok: true, prevExist, diff: unifiedDiff(r.before, r.after, file) };
          }
          case 'undo_edit': {
            const current = readTextFile(file);
            const list = history.get(file);
            const previous = list?.pop();
            if (previous === undefined) throw new ToolError(`No edit history found for ${file}.`);
            write(file, previous);
            const out = `Last edit to ${file} undone successfully. ${catN(lines(previous), file, 1)}`;
            return {
              content: clip(out, FILE_CONTENT_TRUNCATED_NOTICE),
              ok: true,
              prevExist,
              diff: unifiedDiff(current, previous, file),
            };
          }
          default: {
            const unknown: string = req.command;
            throw new ToolError(
              `Unrecognized command ${unknown}. The allowed commands for the str_replace_editor tool are: view, create, str_replace, insert, undo_edit`,
            );
          }
        }
      } catch (err) {
        if (err instanceof ToolError) return { content: `ERROR:\n${err.message}`, ok: false, prevExist, diff: null };
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'EACCES' || e.code === 'EPERM') {
          return { content: `ERROR:\nPermission denied: ${req.path}`, ok: false, prevExist, diff: null };
        }
        throw err;
      }
    },
  };
}
