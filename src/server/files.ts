// `read` and `write` actions (runtime.md §6.1, §6.2). Relative paths resolve against the shell's current
// directory; every path must stay inside the workspace after symlinks are resolved.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isBinary } from './editor.js';
import type { WorkspacePolicy } from './paths.js';

const MEDIA_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.bmp': 'image/bmp',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogg': 'video/ogg',
};

export type FileResult = { ok: true; path: string; content: string } | { ok: false; error: string };

/** Resolves `p` against `cwd` and applies the workspace policy. */
export function resolveActionPath(p: string, cwd: string, policy: WorkspacePolicy): string {
  const abs = path.isAbsolute(p) ? path.normalize(p) : path.resolve(cwd, p);
  policy.check(abs);
  return abs;
}

/** Lines [start, end) of a text (0-based; end -1 = to the end), each keeping its newline. */
export function sliceLines(text: string, start: number, end: number): string {
  const all = text.split(/(?<=\n)/);
  if (start === 0 && end === -1) return text;
  return all.slice(start, end === -1 ? undefined : end).join('');
}

export function readFileAction(file: string, cwd: string, start: number, end: number): FileResult {
  const ext = path.extname(file).toLowerCase();
  try {
    if (statSync(file).isDirectory())
      return { ok: false, error: `Path is a directory: ${file}. You can only read files` };
  } catch {
    return { ok: false, error: `File not found: ${file}. Your current working directory is ${cwd}.` };
  }
  const media = MEDIA_TYPES[ext];
  if (media) {
    return { ok: true, path: file, content: `data:${media};base64,${readFileSync(file).toString('base64')}` };
  }
  const buf = readFileSync(file);
  if (isBinary(buf)) return { ok: false, error: 'ERROR_BINARY_FILE' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { ok: false, error: `File could not be decoded as utf-8: ${file}.` };
  }
  return { ok: true, path: file, content: sliceLines(text, start, end) };
}

/** New file: exactly `content`. Existing file: lines [start, end) replaced by `content`, the rest kept. */
export function writeFileAction(file: string, content: string, start: number, end: number): FileResult {
  try {
    if (existsSync(file)) {
      if (statSync(file).isDirectory())
        return { ok: false, error: `Path is a directory: ${file}. You can only write files` };
      let next = content;
      if (!(start === 0 && end === -1)) {
        const old = readFileSync(file, 'utf8').split(/(?<=\n)/);
        const head = old.slice(0, start).join('');
        const tail = end === -1 ? '' : old.slice(end).join('');
        const middle = tail && content && !content.endsWith('\n') ? content + '\n' : content;
        next = head + middle + tail;
      }
      // Writing in place keeps the file's mode and owner.
      writeFileSync(file, next);
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content, { mode: 0o664 });
      chmodSync(file, 0o664);
    }
    return { ok: true, path: file, content: '' };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EACCES' || e.code === 'EPERM') return { ok: false, error: `Permission denied: ${file}` };
    return { ok: false, error: `Could not write ${file}: ${e.message}` };
  }
}
