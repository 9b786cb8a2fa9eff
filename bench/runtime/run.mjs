// `npm run bench:runtime`: builds the server bundle from the current source and the benchmark itself into a
// temp dir (the same way the tests do), runs it on this Node, and passes its single JSON line through.
// Extra arguments go to the benchmark, e.g. `npm run bench:runtime -- --commands 1000`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-bench-build-'));
try {
  const dist = path.join(dir, 'dist');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), dist], { cwd: root, stdio: 'inherit' });
  const bench = path.join(dir, 'bench-runtime.mjs');
  await build({
    entryPoints: [path.join(root, 'bench', 'runtime', 'index.ts')],
    outfile: bench,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    // dockerode's ssh2 dependency has optional native parts and uses __dirname.
    external: ['*.node', 'cpu-features'],
    banner: {
      js: [
        "import { createRequire as __cr } from 'node:module';",
        "import { fileURLToPath as __fu } from 'node:url';",
        "import { dirname as __dn } from 'node:path';",
        'const require = __cr(import.meta.url);',
        'const __filename = __fu(import.meta.url);',
        'const __dirname = __dn(__filename);',
      ].join(' '),
    },
    logLevel: 'error',
  });
  const r = spawnSync(process.execPath, [bench, '--server', path.join(dist, 'server.js'), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
