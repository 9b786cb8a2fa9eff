// `npm run bench:tokens`: bundles the token benchmark (the real agent loop, LLM client and prompts, the scripted
// LLM as the model) into a temp dir, runs it on this Node, and passes its single JSON line through.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-bench-tokens-build-'));
try {
  const bench = path.join(dir, 'bench-tokens.mjs');
  await build({
    entryPoints: [path.join(root, 'bench', 'tokens', 'index.ts')],
    outfile: bench,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    loader: { '.md': 'text', '.jinja': 'text' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  const r = spawnSync(process.execPath, [bench, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
