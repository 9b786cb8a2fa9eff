// File-upload security rules (runtime.md §6.4) as table tests of the pure functions.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exceedsMaxSize,
  filterListing,
  getUniqueFilename,
  isExtensionAllowed,
  isSafeZipEntry,
  normalizeUploadPolicy,
  sanitizeFilename,
  splitExt,
  type UploadPolicy,
} from '../../src/server/uploads.js';

describe('splitExt (os.path.splitext)', () => {
  it.each([
    ['a.txt', ['a', '.txt']],
    ['archive.tar.gz', ['archive.tar', '.gz']],
    ['.bashrc', ['.bashrc', '']],
    ['..hidden', ['..hidden', '']],
    ['...a.b', ['...a', '.b']],
    ['file', ['file', '']],
    ['name.', ['name', '.']],
    ['', ['', '']],
  ])('%j', (name, parts) => expect(splitExt(name)).toEqual(parts));
});

describe('sanitizeFilename', () => {
  const long = 'a'.repeat(300);
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['dir/sub/name.txt', 'name.txt'],
    ['dir/', ''],
    ['my file (1).txt', 'myfile1.txt'],
    ['naïve-résumé_v2.md', 'naïve-résumé_v2.md'],
    ['日本語.txt', '日本語.txt'],
    ['٣٤.txt', '٣٤.txt'],
    ['a<b>c:d"e|f?g*h.txt', 'abcdefgh.txt'],
    ['emoji😀.png', 'emoji.png'],
    ['tab\tnew\nline.txt', 'tabnewline.txt'],
    [`${long}.txt`, `${'a'.repeat(251)}.txt`],
    [`.${long}`, `.${'a'.repeat(254)}`],
    ['x'.repeat(255), 'x'.repeat(255)],
  ])('%j -> %j', (input, expected) => {
    expect(sanitizeFilename(input)).toBe(expected);
    expect(Array.from(sanitizeFilename(input)).length).toBeLessThanOrEqual(255);
  });
});

describe('normalizeUploadPolicy', () => {
  it.each([
    [{}, { maxFileSizeMb: 0, restrictFileTypes: false, allowedExtensions: ['.*'] }, 0],
    [{ maxFileSizeMb: 5 }, { maxFileSizeMb: 5, restrictFileTypes: false, allowedExtensions: ['.*'] }, 0],
    [{ maxFileSizeMb: '7' }, { maxFileSizeMb: 7, restrictFileTypes: false, allowedExtensions: ['.*'] }, 0],
    [{ maxFileSizeMb: -1 }, { maxFileSizeMb: 0, restrictFileTypes: false, allowedExtensions: ['.*'] }, 1],
    [{ maxFileSizeMb: 2.5 }, { maxFileSizeMb: 0, restrictFileTypes: false, allowedExtensions: ['.*'] }, 1],
    [{ maxFileSizeMb: 'big' }, { maxFileSizeMb: 0, restrictFileTypes: false, allowedExtensions: ['.*'] }, 1],
    [
      { restrictFileTypes: true, allowedExtensions: ['txt', '.PDF', 'Md'] },
      { maxFileSizeMb: 0, restrictFileTypes: true, allowedExtensions: ['.txt', '.pdf', '.md'] },
      0,
    ],
    [
      { restrictFileTypes: true, allowedExtensions: [] },
      { maxFileSizeMb: 0, restrictFileTypes: true, allowedExtensions: ['.*'] },
      0,
    ],
    [
      { restrictFileTypes: true, allowedExtensions: '.txt' },
      { maxFileSizeMb: 0, restrictFileTypes: true, allowedExtensions: ['.*'] },
      0,
    ],
    [
      { restrictFileTypes: false, allowedExtensions: ['.txt'] },
      { maxFileSizeMb: 0, restrictFileTypes: false, allowedExtensions: ['.*'] },
      0,
    ],
  ])('%j', (input, policy, warnings) => {
    const r = normalizeUploadPolicy(input);
    expect(r.policy).toEqual(policy);
    expect(r.warnings).toHaveLength(warnings);
  });
});

describe('isExtensionAllowed', () => {
  const restricted = (allowed: string[]): UploadPolicy => ({
    maxFileSizeMb: 0,
    restrictFileTypes: true,
    allowedExtensions: allowed,
  });
  const open: UploadPolicy = { maxFileSizeMb: 0, restrictFileTypes: false, allowedExtensions: ['.*'] };
  it.each([
    ['anything.exe', open, true],
    ['notes.TXT', restricted(['.txt']), true],
    ['notes.md', restricted(['.txt']), false],
    ['Makefile', restricted(['.txt']), false],
    ['Makefile', restricted(['.txt', '.']), true],
    ['.bashrc', restricted(['.']), true],
    ['.bashrc', restricted(['.bashrc']), false],
    ['archive.tar.gz', restricted(['.gz']), true],
    ['archive.tar.gz', restricted(['.tar']), false],
    ['whatever.bin', restricted(['.*']), true],
  ])('%j', (name, policy, allowed) => expect(isExtensionAllowed(name, policy)).toBe(allowed));
});

describe('getUniqueFilename', () => {
  it.each([
    [[], 'doc.txt', 'doc.txt'],
    [['doc.txt'], 'doc.txt', 'doc copy.txt'],
    [['doc.txt', 'doc copy.txt'], 'doc.txt', 'doc copy(1).txt'],
    [['doc.txt', 'doc copy.txt', 'doc copy(1).txt', 'doc copy(2).txt'], 'doc.txt', 'doc copy(3).txt'],
    [['Makefile'], 'Makefile', 'Makefile copy'],
    [['.env'], '.env', '.env copy'],
    [['a.tar.gz'], 'a.tar.gz', 'a.tar copy.gz'],
  ])('taken %j, %j -> %j', (taken, name, expected) => {
    const folder = '/uploads';
    const existing = new Set(taken.map((t) => path.join(folder, t)));
    expect(getUniqueFilename(name, folder, (p) => existing.has(p))).toBe(expected);
  });
});

describe('exceedsMaxSize', () => {
  const mb = 1024 * 1024;
  it.each([
    [0, 10 * mb * 1024, false],
    [1, mb, false],
    [1, mb + 1, true],
    [2, mb + 1, false],
  ])('limit %j MB, %j bytes', (limit, bytes, exceeds) => {
    expect(exceedsMaxSize(bytes, { maxFileSizeMb: limit, restrictFileTypes: false, allowedExtensions: ['.*'] })).toBe(
      exceeds,
    );
  });
});

describe('filterListing', () => {
  const root = [
    '.git/',
    '.vscode/',
    'node_modules/',
    '__pycache__/',
    'lost+found/',
    'build/',
    'src/',
    '.DS_Store',
    '.env',
    'debug.log',
    'README.md',
  ];
  it.each([
    ['ignore list only', root, '', null, ['build/', 'src/', '.env', 'debug.log', 'README.md']],
    ['plus .gitignore', root, '', 'build/\n*.log\n', ['src/', '.env', 'README.md']],
    ['negation', root, '', '*.log\n!debug.log\n', ['build/', 'src/', '.env', 'debug.log', 'README.md']],
    ['comments and blanks', root, '', '# build/\n\n', ['build/', 'src/', '.env', 'debug.log', 'README.md']],
    // The ignore list matches the joined path exactly, so it only applies at the root (as the reference).
    [
      'sub directory',
      ['.git/', 'node_modules/', 'a.log', 'keep.ts'],
      'src',
      null,
      ['.git/', 'node_modules/', 'a.log', 'keep.ts'],
    ],
    ['gitignore in a sub directory', ['gen/', 'a.log', 'keep.ts'], 'src', 'src/gen/\n*.log\n', ['keep.ts']],
    ['anchored pattern', ['out/', 'x.txt'], 'pkg', '/out/\n', ['out/', 'x.txt']],
  ])('%s', (_name, entries, requestPath, gitignore, expected) => {
    expect(filterListing(entries, requestPath, gitignore)).toEqual(expected);
  });
});

describe('isSafeZipEntry', () => {
  const dest = '/srv/dest';
  it.each([
    ['file.txt', true],
    ['dir/', true],
    ['dir/sub/file.txt', true],
    ['./file.txt', true],
    ['a/../b.txt', true],
    ['../escape.txt', false],
    ['dir/../../escape.txt', false],
    ['/etc/passwd', false],
    ['..\\escape.txt', false],
    ['C:/windows/x', false],
    ['', false],
    ['nul\0byte', false],
    ['a/..', false],
  ])('%j -> %j', (name, safe) => expect(isSafeZipEntry(dest, name)).toBe(safe));
});
