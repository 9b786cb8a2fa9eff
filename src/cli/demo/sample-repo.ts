// The sample repository and issue the offline demo resolves. A Node project, because Node is the one
// runtime a machine that can run this CLI is sure to have.

export const DEMO_OWNER = 'octo-demo';
export const DEMO_REPO = 'calculator';
export const DEMO_ISSUE_NUMBER = 1;
export const DEMO_ISSUE_TITLE = 'divide() returns Infinity when the divisor is zero';
export const DEMO_ISSUE_BODY = [
  'Calling `divide(1, 0)` returns `Infinity`, which then shows up as "Infinity" on invoices.',
  '',
  'It should throw a `RangeError` with the message `Division by zero` instead.',
].join('\n');

export const DEMO_FILES: Record<string, string> = {
  'package.json':
    JSON.stringify(
      { name: 'calculator', version: '1.0.0', type: 'module', scripts: { test: 'node --test' } },
      null,
      2,
    ) + '\n',
  'README.md': '# calculator\n\nTiny arithmetic helpers. Run the tests with `node --test`.\n',
  'src/calc.js': [
    'export function add(a, b) {',
    '  return a + b;',
    '}',
    '',
    'export function divide(a, b) {',
    '  return a / b;',
    '}',
    '',
  ].join('\n'),
  'test/calc.test.js': [
    "import assert from 'node:assert/strict';",
    "import { test } from 'node:test';",
    "import { add, divide } from '../src/calc.js';",
    '',
    "test('add', () => {",
    '  assert.equal(add(2, 3), 5);',
    '});',
    '',
    "test('divide', () => {",
    '  assert.equal(divide(6, 3), 2);',
    '});',
    '',
  ].join('\n'),
};
