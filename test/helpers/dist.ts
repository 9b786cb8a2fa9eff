import path from 'node:path';
import { inject } from 'vitest';

/** Path of a bundle built from the current source for this test run (see test/global-setup.ts). */
export function distFile(name: 'index.js' | 'post.js' | 'cli.js' | 'server.js'): string {
  return path.join(inject('distDir'), name);
}

/** The Node 24 binary the tests run on; children use the same one. */
export const NODE = process.execPath;
