// Fails when the committed dist/ differs from a fresh build of src/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function listFiles(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'check-dist-'));
try {
  execFileSync(process.execPath, ['scripts/build.mjs', tmp], { stdio: 'inherit' });
  const fresh = listFiles(tmp).sort();
  const committed = listFiles('dist').sort();
  const problems = [];
  for (const f of new Set([...fresh, ...committed])) {
    if (!fresh.includes(f)) problems.push(`dist/${f} is not produced by the build (delete it)`);
    else if (!committed.includes(f)) problems.push(`dist/${f} is missing`);
    else if (!readFileSync(path.join(tmp, f)).equals(readFileSync(path.join('dist', f))))
      problems.push(`dist/${f} differs from a fresh build`);
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error('dist/ is stale: run `npm run build` and commit dist/.');
    process.exit(1);
  }
  console.log(`dist/ is up to date (${fresh.length} files).`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
