import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

// Prompt templates are imported as text, as the esbuild bundle does.
const textTemplates: Plugin = {
  name: 'text-templates',
  transform(_code, id) {
    if (id.endsWith('.md') || id.endsWith('.jinja')) {
      return { code: `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`, map: null };
    }
    return undefined;
  },
};

export default defineConfig({
  plugins: [textTemplates],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most tests wait on subprocesses, sockets and GitHub write spacing, not on the CPU.
    maxWorkers: 3,
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
