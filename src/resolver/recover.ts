// Turns in-flight checkpoints into records for runs that died before appending one (security.md §9):
// the Action's post step calls this, so every authorised run leaves exactly one output.jsonl record.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Redactor } from '../core/redact.js';
import type { Git } from '../git/types.js';
import {
  appendRecord,
  findProcessed,
  outputPaths,
  removeCheckpoint,
  removePatchFile,
  writePatchFile,
  writeTrajectory,
} from './output.js';
import { describePolicy, policyResult, type PolicyResult } from './patch-policy.js';
import { PHASE_WHILE, type IssueType, type OutputRecord, type RunPhase } from './types.js';
import { hostPatch } from './workspace.js';

export interface RecoverOptions {
  outputDir: string;
  /** What the record's `error` says: `timeout`, `cancelled`, or a crash text. */
  reason: string;
  logger: Logger;
  redactor?: Redactor;
  /** With git, the patch is computed on the host from the workspace left behind. */
  git?: Git;
  allowWorkflowChanges?: boolean;
  /** Upper bound for rebuilding every patch of this call (the post step must end); default 5 minutes. */
  timeoutMs?: number;
}

export const RECOVER_TIMEOUT_MS = 5 * 60 * 1000;

/** Appends a record for every checkpoint without one; returns the records written. */
export async function recoverInflight(opts: RecoverOptions): Promise<OutputRecord[]> {
  const dir = path.join(opts.outputDir, '.inflight');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /^(issue|pr)_\d+\.json$/.test(n));
  } catch {
    return [];
  }
  const written: OutputRecord[] = [];
  const deadline = Date.now() + (opts.timeoutMs ?? RECOVER_TIMEOUT_MS);
  for (const name of names) {
    const [type, num] = name.replace(/\.json$/, '').split('_') as [IssueType, string];
    const paths = outputPaths(opts.outputDir, type, Number(num));
    let cp: Partial<OutputRecord> & { phase?: unknown };
    try {
      cp = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Partial<OutputRecord> & { phase?: unknown };
    } catch (err) {
      opts.logger.warn(`Checkpoint ${name} is unreadable (${errorMessage(err)}); leaving it.`);
      continue;
    }
    if (!cp.issue) continue;
    if (findProcessed(paths.outputFile, cp.issue, opts.logger)) {
      await removeCheckpoint(paths.inflightFile);
      continue;
    }
    // The workspace is read with bounds and judged (never `git add`): a record is written even when this fails.
    let policy: PolicyResult = { patch: null, dropped: [], flagged: [] };
    if (opts.git && cp.base_commit) {
      try {
        policy = policyResult(
          await hostPatch(opts.git, {
            repoDir: paths.repoDir,
            workspaceDir: paths.workspaceDir,
            baseCommit: cp.base_commit,
            allowWorkflowChanges: opts.allowWorkflowChanges,
            timeoutMs: Math.max(1000, deadline - Date.now()),
          }),
        );
      } catch (err) {
        opts.logger.warn(`Recovering the patch of ${name} failed: ${errorMessage(err)}`);
        policy = { patch: null, dropped: [], flagged: [], error: `Recovering the patch failed: ${errorMessage(err)}` };
      }
    }
    const drops = describePolicy(policy);
    // Checkpoints written before the phase was kept in them come from the agent loop.
    const phase: RunPhase = typeof cp.phase === 'string' && cp.phase in PHASE_WHILE ? (cp.phase as RunPhase) : 'agent';
    const record: OutputRecord = {
      issue: cp.issue,
      issue_type: type,
      instruction: cp.instruction ?? '',
      base_commit: cp.base_commit ?? '',
      git_patch: policy.patch,
      history: cp.history ?? [],
      metrics: cp.metrics ?? null,
      success: false,
      comment_success: null,
      result_explanation: `The run stopped while ${PHASE_WHILE[phase]} (${opts.reason}); this record was rebuilt from its last checkpoint.${drops ? `\n\n${drops}` : ''}`,
      error: opts.reason,
      error_code: 'cancelled',
      stopped_in: phase,
    };
    // As resolve does: only a patch with content gets a file.
    if ((policy.patch ?? '').trim() !== '') await writePatchFile(paths.patchFile, policy.patch, opts.redactor);
    else await removePatchFile(paths.patchFile);
    await writeTrajectory(paths.trajectoryFile, record.history, opts.redactor);
    await appendRecord(paths.outputFile, record, opts.redactor);
    await removeCheckpoint(paths.inflightFile);
    opts.logger.info(`Wrote the record of ${type} ${num} from its checkpoint.`);
    written.push(record);
  }
  return written;
}
