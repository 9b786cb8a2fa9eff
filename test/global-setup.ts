// Builds the bundles once per test run into a private temp dir, so tests always exercise the current
// source (and parallel runs never race on dist/). A separate test checks that the committed dist/ matches.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-dist-'));
  execFileSync(process.execPath, ['scripts/build.mjs', dir], { stdio: 'inherit' });
  project.provide('distDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
