// Shared helpers for the sandbox tests: temp workspaces, process-tree inspection, gating on bwrap/Docker
// (fail in CI, skip with the reason elsewhere: DESIGN §8.16), and bundling the child-process fixture.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll } from 'vitest';
import { probeBwrap } from '../../src/runtime/bwrap.js';
import { probeDocker } from '../../src/runtime/docker.js';
import { distFile } from '../helpers/dist.js';

export function serverScript(): string {
  return distFile('server.js');
}

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temp folder removed after the file's tests. */
export function tempDir(prefix = 'oh-rt-test-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Parent pid and state from /proc/<pid>/stat; undefined when the process is gone. */
function procStat(pid: number): { ppid: number; state: string } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name may contain spaces and parentheses: fields start after the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: rest[0] ?? '?', ppid: Number(rest[1]) };
}

/** Alive and not a zombie. */
export function pidAlive(pid: number): boolean {
  const s = procStat(pid);
  return s !== undefined && s.state !== 'Z' && s.state !== 'X';
}

/** Every live descendant of `pid` (children, grandchildren...). */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = procStat(Number(name));
    if (!s || s.state === 'Z') continue;
    const list = children.get(s.ppid) ?? [];
    list.push(Number(name));
    children.set(s.ppid, list);
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift()!;
    for (const c of children.get(p) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const inCi = Boolean(process.env['CI']);

/** Gate for sandbox kinds: in CI a missing facility fails the file; elsewhere the tests are skipped with the reason. */
async function gate(name: string, probe: () => Promise<{ ok: boolean; reason?: string }>) {
  const r = await probe();
  if (!r.ok && inCi) throw new Error(`${name} is required in CI but unavailable: ${r.reason}`);
  return { ok: r.ok, label: r.ok ? name : `${name} (skipped: ${r.reason})` };
}

export const bwrapGate = () => gate('bubblewrap', () => probeBwrap());
export const dockerGate = () => gate('Docker', () => probeDocker());

/** The sandbox images scripts/setup-sandbox.sh builds. */
export const BOOKWORM_IMAGE = 'openhands-sandbox:bookworm';
export const BUSYBOX_IMAGE = 'openhands-sandbox:busybox';

let fixtureBundle: Promise<string> | undefined;

/** Bundles test/runtime/fixtures/hold-runtime.ts into a runnable ESM file (once per test file). */
export function holdRuntimeScript(): Promise<string> {
  fixtureBundle ??= (async () => {
    const out = path.join(tempDir('oh-rt-fixture-'), 'hold-runtime.mjs');
    await build({
      entryPoints: [path.join(import.meta.dirname, 'fixtures', 'hold-runtime.ts')],
      outfile: out,
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
    return out;
  })();
  return fixtureBundle;
}
