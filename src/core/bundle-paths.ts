import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file that ships beside the bundles (e.g. dist/server.js). Code that ends up in a shared chunk
 * (dist/chunks/x.js) must look one folder up, so both places are tried.
 */
export function bundledFile(fromUrl: string, name: string): string {
  const dir = path.dirname(fileURLToPath(fromUrl));
  for (const d of [dir, path.dirname(dir)]) {
    const candidate = path.join(d, name);
    if (existsSync(candidate)) return candidate;
  }
  return path.join(dir, name);
}
