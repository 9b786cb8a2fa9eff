// Bundles the action, the CLI and the action-execution server into dist/.
// The server is bundled alone (no shared chunks) because DockerRuntime mounts that one file into containers.
import { build } from 'esbuild';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const outdir = process.argv[2] ?? 'dist';
// CommonJS dependencies bundled into ESM still expect require, __filename and __dirname.
const banner = {
  js: [
    "import { createRequire as __ohCreateRequire } from 'node:module';",
    "import { fileURLToPath as __ohFileURLToPath } from 'node:url';",
    "import { dirname as __ohDirname } from 'node:path';",
    'const require = __ohCreateRequire(import.meta.url);',
    'const __filename = __ohFileURLToPath(import.meta.url);',
    'const __dirname = __ohDirname(__filename);',
  ].join(' '),
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  banner,
  loader: { '.md': 'text', '.jinja': 'text' },
  legalComments: 'none',
  // dockerode -> ssh2 loads these native add-ons inside try/catch and falls back to pure JS; we only
  // talk to Docker over its unix socket, so they stay out of the bundle.
  external: ['cpu-features', '*.node'],
  logLevel: 'warning',
  sourcemap: false,
};

await rm(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { index: 'src/action/index.ts', post: 'src/action/post.ts', cli: 'src/cli/main.ts' },
  outdir,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
await build({ ...common, entryPoints: { server: 'src/server/main.ts' }, outdir });

const cli = path.join(outdir, 'cli.js');
await writeFile(cli, '#!/usr/bin/env node\n' + (await readFile(cli, 'utf8')));
await chmod(cli, 0o755);
await writeFile(path.join(outdir, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
