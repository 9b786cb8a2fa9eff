// Comments the action posts (resolver.md §13, DESIGN.md §8.11): one progress comment edited as the run goes,
// one final comment per run (a re-run edits it), an eyes reaction. Every body is redacted, never carries the
// macro outside inline code, and fits GitHub's 65,536-character limit (security.md §8).
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Redactor } from '../core/redact.js';
import type { TriggerTarget } from './event.js';
import { stripInvisible } from './invisible.js';
import { neutralizeMacro } from './macro.js';
import { hasRunMarker, marker, type MarkerKind } from './marker.js';
import { defuseHtmlComments, quoteUntrusted, quoteUntrustedInline } from './untrusted.js';
import type { CommentData, GitHubApi, RepoRef } from './types.js';

/** GitHub's hard limit for comment, PR body and review-reply bodies. */
export const BODY_LIMIT = 65_536;
/** What we aim for, leaving room for the marker and small fixed parts. */
export const BODY_BUDGET = 60_000;
export const TRUNCATED = '[truncated]';

export type FinalKind = 'success' | 'branch' | 'failure' | 'no-changes' | 'error' | 'pr-update';
export const FINAL_KINDS: readonly FinalKind[] = ['success', 'branch', 'failure', 'no-changes', 'error', 'pr-update'];

/**
 * Joins head + the untrusted text as a quoted block (untrusted.ts) + tail: the one way a body builder adds text
 * it did not write. The block is cut so the whole stays within the budget (the text, never its fences); a cut is
 * followed by `[truncated]` and, when given, a pointer to where the full text is. The head should end, and the
 * tail start, with a blank line.
 */
export function fitBody(
  parts: { head?: string; untrusted: string; tail?: string },
  opts: { budget?: number; pointer?: string } = {},
): string {
  const head = parts.head ?? '';
  const tail = parts.tail ?? '';
  const budget = opts.budget ?? BODY_BUDGET;
  const whole = head + quoteUntrusted(parts.untrusted) + tail;
  if (whole.length <= budget) return whole;
  const note = `\n\n${TRUNCATED}${opts.pointer ? ` ${opts.pointer}` : ''}`;
  const room = Math.max(0, budget - head.length - tail.length - note.length);
  const out = head + quoteUntrusted(parts.untrusted, room) + note + tail;
  return out.length <= budget ? out : hardCap(out, budget);
}

/** Last-resort cap for anything (fixed parts included). */
export function hardCap(text: string, limit = BODY_LIMIT): string {
  if (text.length <= limit) return text;
  const note = `\n\n${TRUNCATED}`;
  let cut = text.slice(0, limit - note.length);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + note;
}

/**
 * Strips invisible characters, redacts, neutralises the macro, defuses every HTML comment opener, and caps; the
 * marker (if any) is appended after the cap so it survives, and is the only HTML comment in the body (so the
 * only marker marker.ts can find). Stripping comes first: a secret or the macro split by a zero-width character would
 * otherwise slip past the redactor and the macro check, and then be joined again for the reader.
 */
export function finalizeBody(body: string, o: { redactor: Redactor; macro?: string; marker?: string }): string {
  let text = o.redactor.redact(stripInvisible(body));
  if (o.macro) text = neutralizeMacro(text, o.macro);
  text = defuseHtmlComments(text);
  const suffix = o.marker ? `\n\n${o.marker}` : '';
  return hardCap(text, BODY_LIMIT - suffix.length) + suffix;
}

// ---- Bodies (wording ours, content per resolver.md §13) ----

const noun = (t: 'issue' | 'pr') => (t === 'pr' ? 'pull request' : 'issue');

export type PhaseState = 'pending' | 'running' | 'done' | 'failed' | 'skipped';
/** The progress comment's last phase. */
export const FINISHED_PHASE = 'Finished';
export interface Phase {
  name: string;
  state: PhaseState;
  detail?: string;
}

const PHASE_ICON: Record<PhaseState, string> = {
  pending: '⏳',
  running: '🔄',
  done: '✅',
  failed: '❌',
  skipped: '⏭️',
};

export function startBody(o: { issueType: 'issue' | 'pr'; number: number; runUrl: string; phases?: Phase[] }): string {
  const lines = [
    `OpenHands started working on ${noun(o.issueType)} #${o.number}. [Follow the workflow run](${o.runUrl}).`,
  ];
  if (o.phases && o.phases.length > 0) {
    lines.push('');
    for (const p of o.phases) lines.push(`- ${PHASE_ICON[p.state]} ${p.name}${p.detail ? `: ${p.detail}` : ''}`);
  }
  return lines.join('\n');
}

/**
 * The phases of a run a stop ended: the phase that was running failed, and a last `Finished` line says why. The
 * same rendering serves the main step and the post step (which gets the phases from the saved state).
 */
export function stoppedPhases(phases: readonly Phase[], detail: string): Phase[] {
  const out = phases
    .filter((p) => p.name !== FINISHED_PHASE)
    .map((p) => (p.state === 'running' ? { ...p, state: 'failed' as const } : p));
  return [...out, { name: FINISHED_PHASE, state: 'failed', detail }];
}

/** Our sentence, then the untrusted explanation quoted inside a collapsed `Additional details` section. */
function withDetails(head: string, explanation: string | undefined, pointer?: string): string {
  if (!explanation || explanation.trim() === '') return head;
  return fitBody(
    {
      head: `${head}\n\n<details><summary>Additional details</summary>\n\n`,
      untrusted: explanation.trim(),
      tail: '\n\n</details>',
    },
    { pointer },
  );
}

export function successBody(o: {
  prNumber: number;
  prUrl: string;
  draft: boolean;
  updated?: boolean;
  note?: string;
}): string {
  const kind = o.draft ? 'draft pull request' : 'pull request';
  const verb = o.updated ? 'updated' : 'opened';
  const note = o.note ? `\n\n${o.note}` : '';
  return `A potential fix has been generated and ${kind} #${o.prNumber} was ${verb}: ${o.prUrl}\nPlease review the changes.${note}`;
}

export function branchBody(o: { branch: string; compareUrl: string; note?: string }): string {
  const note = o.note ? `\n\n${o.note}` : '';
  return `A potential fix has been generated. The changes are on branch \`${o.branch}\`: [compare and open a pull request](${o.compareUrl}).${note}`;
}

export function failureBody(o: {
  branch: string | null;
  treeUrl: string | null;
  explanation?: string;
  artifactHint?: string;
}): string {
  const where =
    o.branch && o.treeUrl
      ? ` The changes it made are on branch [\`${o.branch}\`](${o.treeUrl}).`
      : o.artifactHint
        ? ` ${o.artifactHint}`
        : '';
  const head = `The attempt to resolve this did not succeed.${where} Manual follow-up may be needed.`;
  return withDetails(head, o.explanation, o.artifactHint);
}

export function noChangesBody(o: { explanation?: string }): string {
  return withDetails('The run produced no code changes, so no branch or pull request was created.', o.explanation);
}

/**
 * A run a stop ended (a cancel, a timeout, a crash, a killed step): what stopped it, in which phase, and where the
 * work done so far is (a branch when one was pushed, and the artifact).
 */
export function stoppedBody(o: {
  /** The stop's text (`cancelled by SIGTERM`, `crashed: …`): quoted, it may carry an error message. */
  why: string;
  phase: string;
  runUrl: string;
  branch?: string | null;
  treeUrl?: string | null;
  artifactHint: string;
  /** What the run had delivered before the stop (e.g. the pull request it opened). */
  delivered?: string | null;
}): string {
  const where = o.branch && o.treeUrl ? ` The work done so far is on branch [\`${o.branch}\`](${o.treeUrl}).` : '';
  const delivered = o.delivered ? ` ${o.delivered}` : '';
  return (
    `The run was stopped while ${o.phase} (${quoteUntrustedInline(o.why)}).${delivered}${where} ${o.artifactHint} ` +
    `See the [workflow run logs](${o.runUrl}) for details.`
  );
}

export function errorBody(o: { runUrl: string; message?: string }): string {
  const head = `Something went wrong while working on this. See the [workflow run logs](${o.runUrl}) for details.`;
  if (!o.message) return head;
  return fitBody({ head: `${head}\n\n`, untrusted: o.message });
}

// ---- Posting ----

export interface Commenter {
  /** Creates or edits this run's comment of `kind` (found by its marker). */
  upsert(kind: MarkerKind, body: string): Promise<CommentData>;
  /** The progress comment (`start`), created once and then edited. */
  progress(body: string): Promise<CommentData | null>;
  /** The one final comment of this run: edits an existing final comment of this run, whatever its kind. */
  postFinal(kind: FinalKind, body: string): Promise<CommentData>;
  /** True when this run already posted a final comment (the post step uses it). */
  hasFinal(): Promise<boolean>;
  /** The kind of this run's final comment, if an earlier attempt posted one. */
  finalKind(): Promise<FinalKind | null>;
  /** Eyes reaction on the triggering comment, review, or the issue/PR; failures only warn. */
  react(target: Pick<TriggerTarget, 'issueNumber' | 'commentId' | 'commentKind' | 'commentNodeId'>): Promise<void>;
}

export interface CommenterOptions {
  api: Pick<GitHubApi, 'listIssueComments' | 'createComment' | 'updateComment' | 'addReaction'>;
  repo: RepoRef;
  number: number;
  runId: string;
  redactor: Redactor;
  logger: Logger;
  macro?: string;
}

export function createCommenter(o: CommenterOptions): Commenter {
  const known = new Map<string, number>();
  let listed: CommentData[] | null = null;

  async function ours(): Promise<CommentData[]> {
    listed ??= await o.api.listIssueComments(o.repo, o.number);
    return listed;
  }

  async function findId(kinds: readonly MarkerKind[]): Promise<{ id: number; kind: MarkerKind } | null> {
    for (const k of kinds) {
      const id = known.get(k);
      if (id !== undefined) return { id, kind: k };
    }
    for (const c of await ours()) {
      const k = kinds.find((kind) => hasRunMarker(c.body, kind, o.runId));
      if (k) return { id: c.id, kind: k };
    }
    return null;
  }

  async function write(kind: MarkerKind, body: string, searchKinds: readonly MarkerKind[]): Promise<CommentData> {
    const text = finalizeBody(body, { redactor: o.redactor, macro: o.macro, marker: marker(kind, o.runId) });
    const existing = await findId(searchKinds);
    let saved: CommentData;
    if (existing) {
      saved = await o.api.updateComment(o.repo, existing.id, text);
      known.delete(existing.kind);
    } else {
      saved = await o.api.createComment(o.repo, o.number, text);
    }
    known.set(kind, saved.id);
    return saved;
  }

  return {
    upsert: (kind, body) => write(kind, body, [kind]),
    async progress(body) {
      try {
        return await write('start', body, ['start']);
      } catch (err) {
        o.logger.warn(`Could not update the progress comment: ${o.redactor.redact(errorMessage(err))}`);
        return null;
      }
    },
    postFinal: (kind, body) => write(kind, body, FINAL_KINDS),
    async hasFinal() {
      return (await findId(FINAL_KINDS)) !== null;
    },
    async finalKind() {
      const found = await findId(FINAL_KINDS);
      return FINAL_KINDS.find((k) => k === found?.kind) ?? null;
    },
    async react(t) {
      const target =
        t.commentKind === 'review' && t.commentNodeId
          ? ({ kind: 'review', nodeId: t.commentNodeId } as const)
          : t.commentId !== null && (t.commentKind === 'issue_comment' || t.commentKind === 'review_comment')
            ? ({ kind: t.commentKind, id: t.commentId } as const)
            : ({ kind: 'issue', number: t.issueNumber } as const);
      try {
        await o.api.addReaction(o.repo, target, 'eyes');
      } catch (err) {
        o.logger.warn(`Could not add the eyes reaction: ${o.redactor.redact(errorMessage(err))}`);
      }
    },
  };
}
