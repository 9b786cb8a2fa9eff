// The fixture repository of the token benchmark: a small Python package (modules of a few KB each) with a
// unittest suite that has two failing tests, generated deterministically so every run sees the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const MODULES = ['models', 'store', 'pricing', 'reports', 'validation', 'io_utils', 'search', 'cli'] as const;

/** mulberry32: a tiny seeded PRNG, so the fixture is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['item', 'order', 'price', 'stock', 'record', 'entry', 'batch', 'report', 'total', 'vendor'];
const VERBS = ['compute', 'normalise', 'summarise', 'adjust', 'collect', 'merge', 'format', 'estimate'];

interface Fn {
  name: string;
  a: number;
  b: number;
}

function moduleSource(mod: string, fns: Fn[], rnd: () => number): string {
  const out: string[] = [
    `"""${mod}: part of the inventory package.`,
    '',
    'This module is generated for the token benchmark; it reads like ordinary application code so that',
    'the outputs the agent sees (cat, grep, test runs) have realistic sizes.',
    '"""',
    '',
    'from __future__ import annotations',
    '',
    'import math',
    'from dataclasses import dataclass, field',
    '',
    '',
    '@dataclass',
    `class ${mod[0]!.toUpperCase()}${mod.slice(1).replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())}Config:`,
    '    """Settings shared by the helpers below."""',
    '',
    '    scale: int = 1',
    '    offset: int = 0',
    '    labels: list[str] = field(default_factory=list)',
    '',
  ];
  for (const f of fns) {
    const noun = NOUNS[Math.floor(rnd() * NOUNS.length)]!;
    out.push(
      '',
      `def ${f.name}(quantity: int, rate: int) -> int:`,
      `    """Return the ${noun} value for \`quantity\` units at \`rate\`.`,
      '',
      `    The result is \`quantity * rate + ${f.a}\`, reduced by ${f.b} when the quantity is large.`,
      '    Negative quantities are treated as zero, the way the legacy importer did.',
      '    """',
      '    if quantity < 0:',
      '        quantity = 0',
      `    value = quantity * rate + ${f.a}`,
      '    if quantity > 100:',
      `        value -= ${f.b}`,
      '    # keep integer arithmetic: reports compare these values exactly',
      '    return int(math.floor(value))',
    );
  }
  return `${out.join('\n')}\n`;
}

function testSource(mod: string, fns: Fn[], broken: Set<string>): string {
  const cls = `Test${mod.replace(/(^|_)(\w)/g, (_m, _u: string, c: string) => c.toUpperCase())}`;
  const out = ['import unittest', '', `from inventory import ${mod}`, '', '', `class ${cls}(unittest.TestCase):`];
  for (const f of fns) {
    const q = 3;
    const r = 7;
    const expected = q * r + f.a + (broken.has(f.name) ? 1 : 0);
    out.push(
      `    def test_${f.name}_small(self):`,
      `        self.assertEqual(${mod}.${f.name}(${q}, ${r}), ${expected})`,
      '',
      `    def test_${f.name}_negative(self):`,
      `        self.assertEqual(${mod}.${f.name}(-4, ${r}), ${f.a})`,
      '',
    );
  }
  out.push('', "if __name__ == '__main__':", '    unittest.main()');
  return `${out.join('\n')}\n`;
}

export interface Fixture {
  dir: string;
  /** The two functions whose tests fail (their expected value is off by one), with their modules. */
  broken: { module: string; name: string; wrong: number; right: number }[];
}

/** Writes the fixture repository into dir and commits it. */
export function createFixture(dir: string): Fixture {
  const rnd = prng(20250101);
  mkdirSync(path.join(dir, 'inventory'), { recursive: true });
  mkdirSync(path.join(dir, 'tests'), { recursive: true });
  const all: Record<string, Fn[]> = {};
  for (const mod of MODULES) {
    const n = 8 + Math.floor(rnd() * 8);
    all[mod] = Array.from({ length: n }, (_, i) => ({
      name: `${VERBS[Math.floor(rnd() * VERBS.length)]}_${NOUNS[Math.floor(rnd() * NOUNS.length)]}_${i}`,
      a: 1 + Math.floor(rnd() * 50),
      b: 1 + Math.floor(rnd() * 9),
    }));
  }
  const pick = (module: string, i: number) => {
    const f = all[module]![i]!;
    return { module, name: f.name, wrong: 3 * 7 + f.a + 1, right: 3 * 7 + f.a };
  };
  const broken = [pick('pricing', 2), pick('reports', 1)];
  const brokenNames = new Set(broken.map((b) => b.name));
  for (const mod of MODULES) {
    writeFileSync(path.join(dir, 'inventory', `${mod}.py`), moduleSource(mod, all[mod]!, rnd));
    writeFileSync(path.join(dir, 'tests', `test_${mod}.py`), testSource(mod, all[mod]!, brokenNames));
  }
  writeFileSync(path.join(dir, 'inventory', '__init__.py'), '"""Inventory helpers."""\n');
  writeFileSync(path.join(dir, 'tests', '__init__.py'), '');
  writeFileSync(
    path.join(dir, 'README.md'),
    [
      '# inventory',
      '',
      'Helpers for stock, pricing and reports. Run the tests with `python3 -m unittest discover -v tests`.',
      '',
      ...MODULES.map((m) => `- \`inventory/${m}.py\`: ${all[m]!.length} helpers`),
      '',
    ].join('\n'),
  );
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'fixture');
  return { dir, broken };
}
