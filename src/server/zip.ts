// Zip archives for /upload_file (recursive) and /download_files, with fflate. Unix modes travel in the
// entries' external attributes (fflate writes them but does not report them on unzip, so the central
// directory is read here for them).
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { isInside } from './paths.js';
import { isSafeZipEntry } from './uploads.js';

const UNIX = 3;
const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

export class ZipError extends Error {}

/**
 * Zips a directory (entries relative to it) or a single file (one entry, its basename). Symlinks to
 * files inside `target` are stored as the file they point to; other symlinks are skipped.
 */
export function zipPath(target: string): Uint8Array {
  const files: Zippable = {};
  const st = statSync(target);
  if (!st.isDirectory()) {
    files[path.basename(target)] = [readFileSync(target), { os: UNIX, attrs: (st.mode & 0o7777) << 16 }];
    return zipSync(files, { level: 6 });
  }
  const root = realpathSync(target);
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const entry = rel ? `${rel}/${name}` : name;
      const l = lstatSync(full);
      if (l.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(full);
        } catch {
          continue;
        }
        if (!isInside(root, real) || !statSync(real).isFile()) continue;
        files[entry] = [readFileSync(real), { os: UNIX, attrs: (statSync(real).mode & 0o7777) << 16 }];
      } else if (l.isDirectory()) {
        files[`${entry}/`] = [new Uint8Array(0), { os: UNIX, attrs: ((S_IFDIR | (l.mode & 0o7777)) << 16) >>> 0 }];
        walk(full, entry);
      } else if (l.isFile()) {
        files[entry] = [readFileSync(full), { os: UNIX, attrs: (l.mode & 0o7777) << 16 }];
      }
    }
  };
  walk(target, '');
  return zipSync(files, { level: 6 });
}

/** Unix modes by entry name, from the central directory (entries made on other systems are absent). */
export function readZipModes(data: Uint8Array): Map<string, number> {
  const modes = new Map<string, number>();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // End of central directory: scan back over a possible comment (at most 64 KiB).
  let eocd = -1;
  for (let i = data.length - 22; i >= 0 && i >= data.length - 22 - 65_535; i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return modes;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count && offset + 46 <= data.length; n += 1) {
    if (view.getUint32(offset, true) !== 0x02014b50) break;
    const madeBy = view.getUint16(offset + 4, true) >> 8;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const external = view.getUint32(offset + 38, true);
    const name = decoder.decode(data.subarray(offset + 46, offset + 46 + nameLength));
    if (madeBy === UNIX && external >>> 16) modes.set(name, external >>> 16);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return modes;
}

/**
 * Unpacks a zip under `dest`. Every entry is checked before anything is written: one that would land
 * outside `dest` (zip-slip) rejects the whole archive. Symlink entries are not recreated.
 * Returns the number of files written.
 */
export function unzipInto(data: Uint8Array, dest: string): number {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data);
  } catch (err) {
    throw new ZipError(`The upload is not a valid zip archive: ${(err as Error).message}`);
  }
  const names = Object.keys(entries);
  const unsafe = names.filter((n) => !isSafeZipEntry(dest, n));
  if (unsafe.length) {
    throw new ZipError(
      `The zip archive has entries outside the destination, nothing was extracted: ${unsafe.join(', ')}`,
    );
  }
  const modes = readZipModes(data);
  mkdirSync(dest, { recursive: true });
  const realDest = realpathSync(dest);
  let written = 0;
  for (const name of names) {
    const normal = name.replace(/\\/g, '/');
    const mode = modes.get(name) ?? 0;
    const target = path.resolve(dest, normal);
    if ((mode & S_IFMT) === S_IFLNK) continue;
    if (normal.endsWith('/') || (mode & S_IFMT) === S_IFDIR) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    // A directory inside dest may itself be a symlink leading out; check the real parent too.
    if (!isInside(realDest, realpathSync(path.dirname(target)))) {
      throw new ZipError(`The zip entry ${name} would be written outside the destination through a symlink`);
    }
    const content = entries[name] ?? new Uint8Array(0);
    writeFileSync(target, content);
    if (mode & 0o777) chmodSync(target, mode & 0o7777);
    written += 1;
  }
  return written;
}
