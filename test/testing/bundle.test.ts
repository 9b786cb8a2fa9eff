// The doubles are bundled into the CLI for `openhands-resolver demo`, so they must run from an esbuild bundle
// (ESM with the createRequire banner, as scripts/build.mjs builds) away from node_modules.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { NODE } from '../helpers/dist.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'doubles-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('runs the fake GitHub and the scripted LLM from an ESM bundle', async () => {
  const src = path.resolve('src/testing');
  const entry = `
    import { startFakeGitHub } from ${JSON.stringify(path.join(src, 'fake-github/index.ts'))};
    import { startScriptedLlm, text } from ${JSON.stringify(path.join(src, 'scripted-llm.ts'))};
    const fake = await startFakeGitHub({ repos: [{ owner: 'o', repo: 'r' }] });
    const llm = await startScriptedLlm([text('hi')]);
    try {
      const repo = await fetch(fake.apiUrl + '/repos/o/r', { headers: { authorization: 'token ' + fake.token } });
      const chat = await fetch(llm.baseUrl + '/chat/completions', {
        method: 'POST',
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }] }),
      });
      console.log(JSON.stringify({
        repo: (await repo.json()).full_name,
        validationErrors: fake.validationErrors,
        reply: (await chat.json()).choices[0].message.content,
      }));
    } finally {
      await fake.close();
      await llm.close();
    }
  `;
  const outfile = path.join(tmp, 'doubles.mjs');
  await build({
    stdin: { contents: entry, resolveDir: path.resolve('.'), loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    outfile,
    logLevel: 'silent',
  });
  const out = execFileSync(NODE, [outfile], { cwd: tmp, encoding: 'utf8', timeout: 30_000 });
  expect(JSON.parse(out)).toEqual({ repo: 'o/r', validationErrors: [], reply: 'hi' });
});
