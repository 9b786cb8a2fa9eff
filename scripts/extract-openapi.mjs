// Regenerates src/testing/fake-github/openapi-subset.json: the slice of GitHub's OpenAPI description that the
// fake GitHub (a TEST DOUBLE) validates requests and responses against. It installs @octokit/openapi into a temp
// dir (the package is ~385 MB, so it is never a dependency of this project), reads the single api.github.com
// description directly (the package main would load all ten descriptions) and keeps the listed operations plus
// the closure of every `$ref` they reach. Examples are dropped to keep the committed file small.
//
//   node scripts/extract-openapi.mjs [output-file]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PACKAGE = '@octokit/openapi@23.0.2';

/** [method, path template] of every REST operation the fake GitHub serves (one handler each in its rest.ts). */
export const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/issues'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/reactions'],
  ['get', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['post', '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'],
  ['get', '/repos/{owner}/{repo}/pulls'],
  ['post', '/repos/{owner}/{repo}/pulls'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['patch', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['post', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  ['post', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/comments'],
  ['get', '/repos/{owner}/{repo}/pulls/comments/{comment_id}'],
  ['post', '/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions'],
  ['get', '/repos/{owner}/{repo}/branches/{branch}'],
  ['get', '/repos/{owner}/{repo}/collaborators/{username}/permission'],
  ['get', '/user'],
];

// Keys whose values are documentation or examples only (operation `summary` stays); dropping them keeps the
// subset small and changes no validation result.
const DROP_KEYS = new Set([
  'description',
  'examples',
  'example',
  'x-github',
  'externalDocs',
  'x-githubEnterpriseOverlays',
]);

function strip(value, isNameMap = false) {
  if (Array.isArray(value)) return value.map((v) => strip(v));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      // Under `properties` the keys are field names (a field may be called `examples`), not keywords.
      if (isNameMap) out[k] = strip(v);
      else if (!DROP_KEYS.has(k)) out[k] = strip(v, k === 'properties' || k === 'patternProperties');
    }
    // Ajv only understands OpenAPI's `nullable` next to `type`; elsewhere (e.g. beside `oneOf`) spell it out.
    if (!isNameMap && out.nullable === true && out.type === undefined) {
      const { nullable: _nullable, ...rest } = out;
      return { anyOf: [rest, { type: 'null' }] };
    }
    // Ajv wants `null` listed in an enum of a nullable schema too.
    if (!isNameMap && out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) {
      out.enum = [...out.enum, null];
    }
    return out;
  }
  return value;
}

function resolvePointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node?.[key];
    if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return node;
}

function setPointer(target, ref, value) {
  const keys = ref
    .slice(2)
    .split('/')
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = target;
  for (const k of keys.slice(0, -1)) node = node[k] ??= {};
  node[keys.at(-1)] = value;
}

export function extract(spec) {
  const out = {
    openapi: spec.openapi,
    info: {
      title: spec.info.title,
      version: spec.info.version,
      'x-extracted-from': PACKAGE,
      'x-note':
        'TEST DOUBLE data: the fake GitHub validates against this subset in tests and the offline demo; not used by the product. Regenerate with scripts/extract-openapi.mjs.',
    },
    paths: {},
    components: {},
  };
  const pending = [];
  const seen = new Set();
  const collectRefs = (node) => {
    if (Array.isArray(node)) return node.forEach(collectRefs);
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string' && !seen.has(node.$ref)) {
      seen.add(node.$ref);
      pending.push(node.$ref);
    }
    for (const v of Object.values(node)) collectRefs(v);
  };
  for (const [method, template] of OPERATIONS) {
    const item = spec.paths[template];
    const op = item?.[method];
    if (!op) throw new Error(`operation ${method.toUpperCase()} ${template} is not in ${PACKAGE}`);
    const kept = strip(op);
    // Path-level parameters apply to every operation of the path.
    if (item.parameters) kept.parameters = [...strip(item.parameters), ...(kept.parameters ?? [])];
    (out.paths[template] ??= {})[method] = kept;
    collectRefs(kept);
  }
  while (pending.length > 0) {
    const ref = pending.pop();
    const value = strip(resolvePointer(spec, ref));
    setPointer(out, ref, value);
    collectRefs(value);
  }
  // Stable key order so regenerating gives a minimal diff.
  for (const group of Object.values(out.components)) {
    const sorted = Object.fromEntries(Object.entries(group).sort(([a], [b]) => a.localeCompare(b)));
    for (const k of Object.keys(group)) delete group[k];
    Object.assign(group, sorted);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outFile = path.resolve(process.argv[2] ?? 'src/testing/fake-github/openapi-subset.json');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'octokit-openapi-'));
  try {
    execFileSync(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', tmp, PACKAGE],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const file = path.join(tmp, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    const subset = extract(spec);
    // Formatted as the repository's prettier check expects, so `npm run lint` passes on the generated file.
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(outFile)) ?? {};
    writeFileSync(outFile, await prettier.format(JSON.stringify(subset), { ...options, parser: 'json' }));
    const counts = Object.entries(subset.components).map(([k, v]) => `${Object.keys(v).length} ${k}`);
    console.log(`wrote ${outFile}: ${OPERATIONS.length} operations, ${counts.join(', ')}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
