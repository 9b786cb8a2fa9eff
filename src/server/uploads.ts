// File-upload security rules and listing filters (runtime.md §6.4). Pure functions, table-tested.
import { existsSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';

export const FILES_TO_IGNORE = ['.git/', '.DS_Store', 'node_modules/', '__pycache__/', 'lost+found/', '.vscode/'];

const MAX_FILENAME_LENGTH = 255;

/** Python's os.path.splitext: the last dot-suffix; leading dots do not start an extension. */
export function splitExt(name: string): [stem: string, ext: string] {
  const dot = name.lastIndexOf('.');
  let firstNonDot = 0;
  while (firstNonDot < name.length && name[firstNonDot] === '.') firstNonDot += 1;
  if (dot <= 0 || dot < firstNonDot) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

/** Basename, only letters, digits, `_`, `-` and `.`; at most 255 characters, keeping the extension. */
export function sanitizeFilename(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const clean = base.replace(/[^\p{L}\p{N}_\-.]/gu, '');
  const chars = Array.from(clean);
  if (chars.length <= MAX_FILENAME_LENGTH) return clean;
  const [stem, ext] = splitExt(clean);
  const extChars = Array.from(ext);
  return Array.from(stem)
    .slice(0, Math.max(0, MAX_FILENAME_LENGTH - extChars.length))
    .join('')
    .concat(ext);
}

export interface UploadPolicy {
  /** 0 = unlimited. */
  maxFileSizeMb: number;
  restrictFileTypes: boolean;
  /** Normalised: lower case with a leading dot; `.*` allows everything. */
  allowedExtensions: string[];
}

export interface UploadPolicyInput {
  maxFileSizeMb?: unknown;
  restrictFileTypes?: unknown;
  allowedExtensions?: unknown;
}

/** Normalises raw configuration; `warnings` says what was replaced by a default. */
export function normalizeUploadPolicy(input: UploadPolicyInput): { policy: UploadPolicy; warnings: string[] } {
  const warnings: string[] = [];
  let maxFileSizeMb = 0;
  const rawMax = input.maxFileSizeMb;
  if (rawMax !== undefined && rawMax !== null && rawMax !== '') {
    const n = typeof rawMax === 'number' ? rawMax : typeof rawMax === 'string' ? Number(rawMax) : NaN;
    if (Number.isInteger(n) && n >= 0) maxFileSizeMb = n;
    else
      warnings.push(
        `file_uploads_max_file_size_mb must be a non-negative integer, got ${String(rawMax)}; using 0 (unlimited)`,
      );
  }
  const restrictFileTypes = input.restrictFileTypes === true || input.restrictFileTypes === 'true';
  let allowedExtensions = ['.*'];
  if (restrictFileTypes) {
    const raw = input.allowedExtensions;
    if (Array.isArray(raw) && raw.length > 0) {
      allowedExtensions = raw.map((e) => {
        const lower = String(e).trim().toLowerCase();
        return lower.startsWith('.') ? lower : `.${lower}`;
      });
    }
  }
  return { policy: { maxFileSizeMb, restrictFileTypes, allowedExtensions }, warnings };
}

export function isExtensionAllowed(name: string, policy: UploadPolicy): boolean {
  if (!policy.restrictFileTypes) return true;
  const ext = splitExt(name)[1].toLowerCase();
  const allowed = policy.allowedExtensions;
  return allowed.includes('.*') || allowed.includes(ext) || (ext === '' && allowed.includes('.'));
}

/** `name`, else `<stem> copy<ext>`, then `<stem> copy(1)<ext>`, `<stem> copy(2)<ext>`, … */
export function getUniqueFilename(name: string, folder: string, exists: (p: string) => boolean = existsSync): string {
  const [stem, ext] = splitExt(name);
  let candidate = name;
  for (let i = 0; exists(path.join(folder, candidate)); i += 1) {
    candidate = i === 0 ? `${stem} copy${ext}` : `${stem} copy(${i})${ext}`;
  }
  return candidate;
}

export function exceedsMaxSize(bytes: number, policy: UploadPolicy): boolean {
  return policy.maxFileSizeMb > 0 && bytes > policy.maxFileSizeMb * 1024 * 1024;
}

/**
 * A user-facing listing: drops entries whose path joined with the requested path is one of
 * FILES_TO_IGNORE, then entries the root `.gitignore` ignores. `requestPath` is relative to the
 * workspace root ('' for the root); directory entries end with '/'.
 */
export function filterListing(entries: string[], requestPath: string, gitignore: string | null): string[] {
  const joined = (e: string) => (requestPath ? path.posix.join(requestPath, e) : e);
  let kept = entries.filter((e) => !FILES_TO_IGNORE.includes(joined(e)));
  if (gitignore !== null) {
    const ig = ignore().add(gitignore);
    kept = kept.filter((e) => {
      const rel = joined(e).replace(/^\.\/+/, '');
      return !rel || rel.startsWith('../') || !ig.ignores(rel);
    });
  }
  return kept;
}

/** A zip entry name is safe when it is relative and stays inside `dest` once resolved. */
export function isSafeZipEntry(dest: string, name: string): boolean {
  if (!name || name.includes('\0')) return false;
  const normal = name.replace(/\\/g, '/');
  if (normal.startsWith('/') || /^[A-Za-z]:/.test(normal)) return false;
  const target = path.resolve(dest, normal);
  const rel = path.relative(path.resolve(dest), target);
  return rel !== '' ? !rel.startsWith('..') && !path.isAbsolute(rel) : normal.endsWith('/');
}
