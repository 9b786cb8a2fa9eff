// output.jsonl (resolver.md §11): one compact, redacted JSON object per line, keys in the contract's
// order, appended with a newline and fsynced. Plus the side files: patch, trajectory, in-flight checkpoint.
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ResolverError } from '../core/errors.js';
import type { Event } from '../core/events.js';
import type { Logger } from '../core/log.js';
import type { Redactor } from '../core/redact.js';
import { issueRecord, type IssueType, type OutputRecord } from './types.js';

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

/** One line: compact JSON of the ordered, redacted record, newline-terminated. */
export function serializeRecord(r: OutputRecord, redactor?: Redactor): string {
  const ordered = orderRecord(r);
  return `${JSON.stringify(redactor ? redactor.redactDeep(ordered) : ordered)}\n`;
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
  await writeFile(tmp, text);
  await rename(tmp, file);
}

export async function writePatchFile(file: string, patch: string | null, redactor?: Redactor): Promise<void> {
  const text = patch ? `${patch}\n` : '';
  await writeAtomic(file, redactor ? redactor.redact(text) : text);
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
  data: Partial<OutputRecord> & { iteration?: number },
  redactor?: Redactor,
): Promise<void> {
  await writeAtomic(file, JSON.stringify(redactor ? redactor.redactDeep(data) : data));
}

export async function removeCheckpoint(file: string): Promise<void> {
  await rm(file, { force: true });
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}
