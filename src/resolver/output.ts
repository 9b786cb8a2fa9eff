// output.jsonl (resolver.md §11): one compact, redacted JSON object per line, keys in the contract's
// order, appended with a newline and fsynced. Plus the side files: patch, trajectory, in-flight checkpoint.
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ResolverError } from '../core/errors.js';
import type { Event } from '../core/events.js';
import type { Logger } from '../core/log.js';
import { findTokenShapes, type Redactor } from '../core/redact.js';
import { issueRecord, type IssueType, type OutputRecord, type RunPhase } from './types.js';

const RECORD_KEYS = [
  'issue',
  'issue_type',
  'instruction',
  'base_commit',
  'git_patch',
  'history',
  'metrics',
  'success',
  'comment_success',
  'result_explanation',
  'error',
] as const;

/** The record with its keys in contract order; extra keys follow `error` in their own order. */
export function orderRecord(r: OutputRecord): OutputRecord {
  const out: Record<string, unknown> = {};
  for (const k of RECORD_KEYS) out[k] = k === 'issue' ? issueRecord(r.issue) : (r[k] ?? null);
  for (const [k, v] of Object.entries(r)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as OutputRecord;
}

/** A token-shaped string the patch adds (core/redact.ts findTokenShapes): where, and what it looks like. */
export interface FlaggedToken {
  path: string;
  /** Line in the new file, when the hunk headers tell. */
  line: number | null;
  kind: string;
}

function patchPath(header: string): string {
  const raw = header.replace(/\t.*$/, '').trim();
  const unquoted = raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  return unquoted.replace(/^[ab]\//, '');
}

/** Token-shaped strings on the lines a patch adds, with file and line. */
export function flagPatch(patch: string): FlaggedToken[] {
  const out: FlaggedToken[] = [];
  let file = '';
  let line = 0;
  // Lines left in the current hunk (old side, new side); headers are only read outside a hunk.
  let oldLeft = 0;
  let newLeft = 0;
  for (const l of patch.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      if (l.startsWith('+')) {
        for (const t of findTokenShapes(l.slice(1))) out.push({ path: file, line, kind: t.kind });
        line++;
        newLeft--;
      } else if (l.startsWith('-')) oldLeft--;
      else if (l.startsWith(' ') || l === '') {
        line++;
        oldLeft--;
        newLeft--;
      }
      continue;
    }
    const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(l);
    if (hunk) {
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      line = Number(hunk[2]);
      newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
    } else if (l.startsWith('+++ ')) file = patchPath(l.slice(4));
    else if (l.startsWith('diff --git ')) file = '';
  }
  return out;
}

/** The record's `flagged` list as written by redactRecord (empty when absent or not one). */
export function recordFlagged(r: OutputRecord): FlaggedToken[] {
  const v: unknown = r.flagged;
  if (!Array.isArray(v)) return [];
  return v.filter(
    (x): x is FlaggedToken =>
      typeof x === 'object' &&
      x !== null &&
      typeof (x as FlaggedToken).path === 'string' &&
      typeof (x as FlaggedToken).kind === 'string',
  );
}

export const SECRET_IN_PATCH =
  'The patch contained a secret of this run (the GitHub token or the model API key, or an encoding of one), so ' +
  'it was dropped: it would have been committed and pushed. Nothing was sent; look for how the secret reached ' +
  'the workspace.';
export const FLAGGED_NOTE =
  'Please check: the patch adds strings shaped like credentials; they were kept as written, since none is a ' +
  'secret of this run.';

/**
 * The record as it may leave the process: every string redacted (registered secrets and token-shaped strings),
 * except `git_patch`, which is code to be committed and keeps token-shaped strings byte for byte; they are listed
 * in `flagged` (and, for issue records, named in `result_explanation`). A patch holding a registered secret is
 * dropped (git_patch null, success false, error and `error_code: patch`): replacing the secret would commit
 * changed code, keeping it would publish the secret. Idempotent.
 */
export function redactRecord(r: OutputRecord, redactor: Redactor): OutputRecord {
  const patch = r.git_patch;
  const out: OutputRecord = redactor.redactDeep({ ...r, git_patch: null });
  if (!patch) return { ...out, git_patch: patch };
  const note = (text: string, add: string) =>
    out.issue_type === 'pr' || text.includes(add) ? text : text.trim() === '' ? add : `${text}\n\n${add}`;
  if (redactor.hasSecret(patch)) {
    return {
      ...out,
      git_patch: null,
      success: false,
      result_explanation: note(out.result_explanation, SECRET_IN_PATCH),
      error: out.error ?? SECRET_IN_PATCH,
      error_code: out.error_code ?? 'patch',
    };
  }
  const flagged = flagPatch(patch);
  if (flagged.length === 0) return { ...out, git_patch: patch };
  return { ...out, git_patch: patch, result_explanation: note(out.result_explanation, FLAGGED_NOTE), flagged };
}

/** One line: compact JSON of the ordered, redacted record (redactRecord), newline-terminated. */
export function serializeRecord(r: OutputRecord, redactor?: Redactor): string {
  return `${JSON.stringify(orderRecord(redactor ? redactRecord(r, redactor) : r))}\n`;
}

/** Appends a record and fsyncs, so a crash right after still leaves it on disk. */
export async function appendRecord(file: string, record: OutputRecord, redactor?: Redactor): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const line = serializeRecord(record, redactor);
  const fh = await open(file, 'a');
  try {
    await fh.write(line);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Rewrites the first record of `ref` in place (the file is replaced atomically): the action's way to mark a record
 * whose send or final comment a stop cut short. Returns the record as written, or null when the file has none.
 */
export async function updateRecord(
  file: string,
  ref: { owner: string; repo: string; number: number },
  change: (r: OutputRecord) => OutputRecord,
  redactor?: Redactor,
): Promise<OutputRecord | null> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const i = lines.findIndex((line) => {
    try {
      const r = JSON.parse(line) as Partial<OutputRecord>;
      return r.issue?.owner === ref.owner && r.issue?.repo === ref.repo && r.issue?.number === ref.number;
    } catch {
      return false;
    }
  });
  if (i < 0) return null;
  const line = serializeRecord(change(JSON.parse(lines[i] ?? '') as OutputRecord), redactor);
  lines[i] = line.replace(/\n$/, '');
  await writeAtomic(file, lines.join('\n'));
  return JSON.parse(line) as OutputRecord;
}

/** Every parsable record in order; unparsable lines are skipped with a warning. A missing file has none. */
export function readRecords(file: string, logger?: Logger): OutputRecord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: OutputRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const v: unknown = JSON.parse(line);
      if (v && typeof v === 'object' && 'issue' in v) out.push(v as OutputRecord);
      else logger?.warn(`${file}:${i + 1} is not an output record; skipping it.`);
    } catch {
      logger?.warn(`${file}:${i + 1} is not valid JSON; skipping it.`);
    }
  });
  return out;
}

/** The first record for issue number N. */
export function findRecord(file: string, number: number, logger?: Logger): OutputRecord {
  const r = readRecords(file, logger).find((x) => x.issue?.number === number);
  if (!r) throw new ResolverError('not-found', `Issue number ${number} not found in ${file}`);
  return r;
}

/** A record for the same owner/repo/number (resolver.md §5 step 2). */
export function findProcessed(
  file: string,
  ref: { owner: string; repo: string; number: number },
  logger?: Logger,
): OutputRecord | null {
  return (
    readRecords(file, logger).find(
      (x) => x.issue?.owner === ref.owner && x.issue?.repo === ref.repo && x.issue?.number === ref.number,
    ) ?? null
  );
}

export interface OutputPaths {
  outputFile: string;
  repoDir: string;
  workspaceDir: string;
  patchFile: string;
  trajectoryFile: string;
  inflightFile: string;
  inferLogsDir: string;
}

export function outputPaths(outputDir: string, type: IssueType, number: number): OutputPaths {
  const name = `${type}_${number}`;
  return {
    outputFile: path.join(outputDir, 'output.jsonl'),
    repoDir: path.join(outputDir, 'repo'),
    workspaceDir: path.join(outputDir, 'workspace', name),
    patchFile: path.join(outputDir, 'patches', `${name}.patch`),
    trajectoryFile: path.join(outputDir, 'trajectories', `${name}.json`),
    inflightFile: path.join(outputDir, '.inflight', `${name}.json`),
    inferLogsDir: path.join(outputDir, 'infer_logs'),
  };
}

async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  // Synced before the rename: a run killed right after still finds the whole file, old or new.
  const fh = await open(tmp, 'w');
  try {
    await fh.write(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, file);
}

/**
 * The patch file: byte-identical to the patch that gets committed; only registered secrets are replaced (a patch
 * holding one is dropped from the record, see redactRecord, so this copy with `***` is never applied).
 */
export async function writePatchFile(file: string, patch: string | null, redactor?: Redactor): Promise<void> {
  const text = patch ? `${patch}\n` : '';
  await writeAtomic(file, redactor ? redactor.redactSecrets(text) : text);
}

export async function removePatchFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** The trajectory as a pretty-printed JSON array of events (runtime.md §11). */
export async function writeTrajectory(file: string, history: readonly Event[], redactor?: Redactor): Promise<void> {
  const h = redactor ? redactor.redactDeep([...history]) : [...history];
  await writeAtomic(file, `${JSON.stringify(h, null, 2)}\n`);
}

/** The in-flight checkpoint the post step turns into a record if the run dies (security.md §9). */
export async function writeCheckpoint(
  file: string,
  data: Partial<OutputRecord> & { iteration?: number; phase?: RunPhase },
  redactor?: Redactor,
): Promise<void> {
  const patch = data.git_patch;
  const safe = redactor
    ? { ...redactor.redactDeep(data), ...(patch ? { git_patch: redactor.redactSecrets(patch) } : {}) }
    : data;
  await writeAtomic(file, JSON.stringify(safe));
}

export async function removeCheckpoint(file: string): Promise<void> {
  await rm(file, { force: true });
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}
