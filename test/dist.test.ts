// dist/ is committed (the action runs it as is): it must be exactly what the build makes from src/.
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NODE } from './helpers/dist.js';

describe('dist/', () => {
  it('matches a fresh build of src/ (run `npm run build` and commit dist/ when this fails)', async () => {
    const result = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(NODE, ['scripts/check-dist.mjs'], { timeout: 120_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? 1 : 0, out: stdout + stderr }),
      );
    });
    expect(result.out).toContain('dist/ is up to date');
    expect(result.code).toBe(0);
  });
});
