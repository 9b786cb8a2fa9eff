// Delivery of a fork PR's result (DESIGN.md §8.22, docs/fork-prs.md). A fork-based commit is never pushed into
// the base repository: its `push` workflows would run fork-authored code (including the fork's own
// `.github/workflows/`) with the base's secrets. Instead:
//   1. with `maintainer_can_modify`, the token's push rights on the fork and a head that did not move since the
//      trigger: our single commit is pushed to the fork's head branch, fast-forward only, leased on the pinned head;
//   2. otherwise (or when that push is refused): a review on the PR (event COMMENT) with one GitHub suggested-change
//      block per hunk GitHub can anchor; the rest goes in the review body as a bounded ```text block (quoted as untrusted text), and the
//      whole patch stays in the run's artifact.
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Redactor } from '../core/redact.js';
import type { Git } from '../git/types.js';
import { finalizeBody, fitBody } from '../github/comments.js';
import { hasRunMarker, marker } from '../github/marker.js';
import type { GitHubApi, PullData, PullFileData, RepoRef, ReviewCommentInput } from '../github/types.js';

export interface ForkDeliveryDeps {
  api: GitHubApi;
  git: Git;
  logger: Logger;
  redactor: Redactor;
}

export interface ForkDeliveryOptions {
  /** The base repository (where the PR lives). */
  repo: RepoRef;
  /** The PR as read at send time (its `headSha` is the current head). */
  pull: PullData;
  /** A git dir holding `base` and `commit`. */
  gitDir: string;
  /** The pinned head the run worked on (the record's base_commit). */
  base: string;
  /** Our commit on top of `base`. */
  commit: string;
  runId: string;
  macro?: string;
  /** Where the whole patch is, for the review body (e.g. "the `resolver-output` artifact, `patches/pr_7.patch`"). */
  patchHint?: string;
}

export type ForkDeliveryResult =
  | { kind: 'pushed'; fork: RepoRef; branch: string; url: string; warnings: string[] }
  | {
      kind: 'review';
      /** Why the fork head was not pushed to. */
      reason: string;
      reviewId: number | null;
      url: string | null;
      suggestions: number;
      /** Paths whose changes could not be anchored (in the review body instead). */
      unanchored: string[];
      warnings: string[];
    };

/** At most this much of the unanchorable diff goes into the review body. */
export const REVIEW_DIFF_CAP = 30_000;

const REFUSED = /\b403\b|permission|denied|protected|not allowed|stale info|\[rejected\]|non-fast-forward|fetch first/i;

/** A fence longer than any backtick run in `content` (at least three). */
export function fenceFor(content: string): string {
  let longest = 0;
  for (const m of content.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** `text` as one inline code span (paths are agent-made): one line, delimited by a longer backtick run. */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  let longest = 0;
  for (const m of flat.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const tick = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || longest > 0 ? ' ' : '';
  return `${tick}${pad}${flat}${pad}${tick}`;
}

export function suggestionBlock(lines: readonly string[]): string {
  const content = lines.join('\n');
  const fence = fenceFor(content);
  return lines.length === 0 ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${content}\n${fence}`;
}

// ---- diff parsing -------------------------------------------------------------------------------------------

export interface FileDiff {
  /** Path on the new side (old side for deletions); null when quoted or unparsable. */
  path: string | null;
  raw: string;
  /** Why it can never be a suggestion (binary, rename, new or deleted file, mode change), or null. */
  special: string | null;
  hunks: Hunk[];
}

export interface Hunk {
  /** The `@@ … @@` line. */
  header: string;
  oldStart: number;
  oldCount: number;
  lines: string[];
}

export function parseFileDiffs(text: string): FileDiff[] {
  const out: FileDiff[] = [];
  for (const chunk of text.split(/^(?=diff --git )/m)) {
    if (!chunk.startsWith('diff --git ')) continue;
    const lines = chunk.replace(/\n$/, '').split('\n');
    const first = lines.findIndex((l) => l.startsWith('@@'));
    const header = first === -1 ? lines : lines.slice(0, first);
    let special: string | null = null;
    let path: string | null = null;
    for (const l of header) {
      if (l.startsWith('new file mode')) special = 'a new file';
      else if (l.startsWith('deleted file mode')) special = 'a deleted file';
      else if (l.startsWith('rename from') || l.startsWith('copy from')) special = 'a rename';
      else if (l.startsWith('old mode') || l.startsWith('new mode')) special ??= 'a mode change';
      else if (l.startsWith('Binary files') || l === 'GIT binary patch') special = 'a binary file';
      // git ends the name with a TAB when it contains a space.
      else if (l.startsWith('+++ b/')) path = l.slice(6).replace(/\t$/, '');
    }
    if (path === null) {
      const m = /^diff --git a\/(\S+) b\/(\S+)$/.exec(lines[0] ?? '');
      path = m?.[2] ?? null;
    }
    const hunks: Hunk[] = [];
    if (first !== -1) {
      let cur: Hunk | null = null;
      for (const l of lines.slice(first)) {
        const h = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/.exec(l);
        if (h) {
          cur = { header: l, oldStart: Number(h[1]), oldCount: h[2] === undefined ? 1 : Number(h[2]), lines: [] };
          hunks.push(cur);
        } else if (cur) cur.lines.push(l);
      }
    }
    if (first === -1 && special === null) special = 'a change without text hunks';
    out.push({ path, raw: chunk.endsWith('\n') ? chunk : `${chunk}\n`, special, hunks });
  }
  return out;
}

/** The RIGHT-side line ranges [start, end] of each hunk of a PR file's `patch`. */
export function rightRanges(patch: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of patch.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count > 0) out.push([start, start + count - 1]);
  }
  return out;
}

export interface Suggestion {
  /** First and last line (1-based, on the head) replaced. */
  start: number;
  end: number;
  /** The replacement lines. */
  lines: string[];
}

/**
 * One suggestion per hunk: the span from its first to its last changed line (context between changes included),
 * replaced by the new text. A pure insertion takes the line before (or, at the top, after) as its anchor. Null
 * when the hunk cannot be a suggestion (final-newline changes, CR characters, an insertion into an empty file).
 */
export function suggestionOf(h: Hunk): Suggestion | null {
  if (h.lines.some((l) => l.startsWith('\\') || l.includes('\r'))) return null;
  const body = h.lines.filter((l) => l === '' || ' -+'.includes(l[0] ?? ''));
  const firstChange = body.findIndex((l) => l.startsWith('-') || l.startsWith('+'));
  let lastChange = -1;
  for (let i = body.length - 1; i >= 0; i--) {
    const l = body[i] ?? '';
    if (l.startsWith('-') || l.startsWith('+')) {
      lastChange = i;
      break;
    }
  }
  if (firstChange === -1) return null;
  let oldLine = h.oldCount === 0 ? h.oldStart + 1 : h.oldStart;
  const before: string[] = [];
  for (const l of body.slice(0, firstChange)) {
    if (!l.startsWith('+')) {
      before.push(l.slice(1));
      oldLine++;
    }
  }
  const span = body.slice(firstChange, lastChange + 1);
  const oldSpan = span.filter((l) => !l.startsWith('+')).length;
  const replacement = span.filter((l) => !l.startsWith('-')).map((l) => l.slice(1));
  if (oldSpan > 0) return { start: oldLine, end: oldLine + oldSpan - 1, lines: replacement };
  // A pure insertion before head line `oldLine`: anchor on the line above it, else the line below.
  if (oldLine > 1) {
    const above = before.at(-1);
    if (above === undefined) return null;
    return { start: oldLine - 1, end: oldLine - 1, lines: [above, ...replacement] };
  }
  const after = body.slice(lastChange + 1).find((l) => !l.startsWith('+'));
  if (after === undefined) return null;
  return { start: 1, end: 1, lines: [...replacement, after.slice(1)] };
}

// ---- delivery ---------------------------------------------------------------------------------------------

function sameRepo(a: RepoRef, b: RepoRef): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}

/** Our commit must be exactly one commit on top of the pinned head: nothing else of the fork goes anywhere. */
async function singleCommitOn(deps: ForkDeliveryDeps, o: ForkDeliveryOptions): Promise<boolean> {
  const line = (await deps.git.raw(o.gitDir, ['rev-list', '--parents', '-n', '1', o.commit])).trim();
  return line.toLowerCase() === `${o.commit} ${o.base}`.toLowerCase();
}

/**
 * A second send of the same record: the head moved by exactly our commit (same parent, same tree), pushed by an
 * earlier send. Returns that commit, or null.
 */
async function ourTreeOnHead(deps: ForkDeliveryDeps, o: ForkDeliveryOptions): Promise<string | null> {
  try {
    await deps.git.fetch(o.gitDir, [`+refs/pull/${o.pull.number}/head:refs/openhands/fork-delivery/head`]);
    const head = await deps.git.revParse(o.gitDir, 'refs/openhands/fork-delivery/head');
    const ours = (await deps.git.raw(o.gitDir, ['rev-parse', `${o.commit}^{tree}`])).trim();
    const line = (await deps.git.raw(o.gitDir, ['rev-list', '--parents', '-n', '1', head])).trim();
    const theirs = (await deps.git.raw(o.gitDir, ['rev-parse', `${head}^{tree}`])).trim();
    return line.toLowerCase() === `${head} ${o.base}`.toLowerCase() && theirs === ours ? head : null;
  } catch {
    return null;
  }
}

async function tryPushToForkHead(
  deps: ForkDeliveryDeps,
  o: ForkDeliveryOptions,
  fork: RepoRef,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await deps.git.push(o.gitDir, { ...fork, branch: o.pull.headRef, forceWithLease: o.base, source: o.commit });
    return { ok: true };
  } catch (err) {
    const msg = deps.redactor.redact(errorMessage(err));
    deps.logger.info(`The push to ${fork.owner}/${fork.repo} ${o.pull.headRef} was refused: ${msg}`);
    if (/stale info|\[rejected\]|non-fast-forward|fetch first/i.test(msg)) {
      return { ok: false, reason: 'the fork head moved while we pushed' };
    }
    if (REFUSED.test(msg)) return { ok: false, reason: 'the token may not push to the fork head branch' };
    return { ok: false, reason: 'the push to the fork head branch failed' };
  }
}

/** Delivers our commit for a fork PR: the fork head when allowed, else a review with suggestions. */
export async function deliverForkPr(deps: ForkDeliveryDeps, o: ForkDeliveryOptions): Promise<ForkDeliveryResult> {
  const warnings: string[] = [];
  const fork = o.pull.headRepo ?? null;
  let reason: string;
  if (!(await singleCommitOn(deps, o))) {
    reason = 'our commit is not a single commit on the pinned head';
  } else if (!fork || sameRepo(fork, o.repo)) {
    reason = 'the head repository of the pull request is unknown';
  } else if (o.pull.maintainerCanModify !== true) {
    reason = 'the pull request does not allow edits from maintainers';
  } else if (o.pull.headSha.toLowerCase() !== o.base.toLowerCase()) {
    const already = await ourTreeOnHead(deps, o);
    if (already) {
      deps.logger.info(
        `Pull request #${o.pull.number} already has these changes (commit ${already.slice(0, 12)} on the fork head); nothing was pushed.`,
      );
      const url = `${deps.api.urls.serverUrl}/${fork.owner}/${fork.repo}/commit/${already}`;
      return { kind: 'pushed', fork, branch: o.pull.headRef, url, warnings };
    }
    reason = 'the fork head moved after the trigger';
  } else {
    const pushed = await tryPushToForkHead(deps, o, fork);
    if (pushed.ok) {
      const url = `${deps.api.urls.serverUrl}/${fork.owner}/${fork.repo}/commit/${o.commit}`;
      deps.logger.info(`Pushed commit ${o.commit.slice(0, 12)} to ${fork.owner}/${fork.repo} ${o.pull.headRef}.`);
      return { kind: 'pushed', fork, branch: o.pull.headRef, url, warnings };
    }
    reason = pushed.reason;
  }
  deps.logger.info(`Delivering the changes as suggestions in a review: ${reason}.`);
  return { ...(await createSuggestionReview(deps, o, reason, warnings)), warnings };
}

/** The review path: suggestions for anchorable hunks, a bounded diff for the rest. */
export async function createSuggestionReview(
  deps: ForkDeliveryDeps,
  o: ForkDeliveryOptions,
  reason: string,
  warnings: string[] = [],
): Promise<Omit<Extract<ForkDeliveryResult, { kind: 'review' }>, 'warnings'>> {
  const n = o.pull.number;
  const diff = await deps.git.raw(o.gitDir, [
    'diff-tree',
    '-p',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '-M',
    '--full-index',
    o.base,
    o.commit,
  ]);
  const fileDiffs = parseFileDiffs(diff);

  // Anchors come from the PR's current diff; a file is anchorable on the current head only when its content
  // there is the pinned head's (so our line numbers hold).
  let prFiles: PullFileData[] = [];
  let headSha = o.pull.headSha;
  try {
    prFiles = await deps.api.listPullFiles(o.repo, n);
  } catch (err) {
    warnings.push(`Could not read the files of pull request #${n}: ${deps.redactor.redact(errorMessage(err))}`);
  }
  if (headSha.toLowerCase() !== o.base.toLowerCase()) {
    try {
      await deps.git.fetch(o.gitDir, [`+refs/pull/${n}/head:refs/openhands/fork-delivery/head`]);
      headSha = await deps.git.revParse(o.gitDir, 'refs/openhands/fork-delivery/head');
    } catch (err) {
      warnings.push(`Could not fetch the current head of #${n}: ${deps.redactor.redact(errorMessage(err))}`);
      prFiles = [];
    }
  }
  const blob = async (rev: string, p: string) =>
    deps.git.raw(o.gitDir, ['rev-parse', '--verify', '-q', `${rev}:${p}`]).then(
      (s) => s.trim(),
      () => null,
    );

  const comments: ReviewCommentInput[] = [];
  const unanchored: FileDiff[] = [];
  const macro = o.macro;
  for (const f of fileDiffs) {
    const prFile = f.path ? prFiles.find((x) => x.filename === f.path) : undefined;
    if (!f.path || f.special || !prFile?.patch || prFile.status === 'removed') {
      unanchored.push(f);
      continue;
    }
    const baseBlob = await blob(o.base, f.path);
    if (baseBlob === null || (headSha !== o.base && (await blob(headSha, f.path)) !== baseBlob)) {
      unanchored.push(f);
      continue;
    }
    const ranges = rightRanges(prFile.patch);
    const rest: Hunk[] = [];
    for (const h of f.hunks) {
      const s = suggestionOf(h);
      const inOne = s && ranges.some(([a, b]) => s.start >= a && s.end <= b);
      const body = s ? suggestionBlock(s.lines) : '';
      // A suggestion is offered only byte-exact: if redaction or neutralising would change it, it goes in the diff.
      const final = s ? finalizeBody(body, { redactor: deps.redactor, ...(macro ? { macro } : {}) }) : '';
      if (!s || !inOne || final !== body) {
        rest.push(h);
        continue;
      }
      comments.push({
        path: f.path,
        body: `${body}\n\n${marker('suggestions', o.runId)}`,
        line: s.end,
        side: 'RIGHT',
        ...(s.start < s.end ? { startLine: s.start, startSide: 'RIGHT' as const } : {}),
      });
    }
    if (rest.length > 0) unanchored.push({ ...f, raw: rawWithHunks(f, rest) });
  }

  const paths = unanchored.map((f) => f.path ?? '(unparsable path)');
  const lines = [
    `OpenHands could not push to this pull request's branch (${reason}), so its changes are offered here.`,
  ];
  if (comments.length > 0) {
    lines.push(
      `${comments.length} change(s) are suggestions on the lines they touch: use "Commit suggestion" (or add them to a batch) to apply them.`,
    );
  }
  const hint = o.patchHint ?? 'the run artifact';
  lines.push(`The whole patch is in ${hint}.`);
  let body: string;
  if (unanchored.length > 0) {
    const text = unanchored.map((f) => f.raw).join('');
    const shown = text.length > REVIEW_DIFF_CAP ? `${text.slice(0, REVIEW_DIFF_CAP)}\n… (cut; see the patch)\n` : text;
    const listed = paths.slice(0, 50).map((p) => codeSpan(p.slice(0, 300)));
    if (paths.length > 50) listed.push(`and ${paths.length - 50} more`);
    lines.push('', `Changes GitHub cannot show as suggestions (${listed.join(', ')}):`, '');
    body = fitBody({ head: `${lines.join('\n')}\n`, untrusted: shown });
  } else {
    body = lines.join('\n');
  }

  // Idempotency: a re-run of the same run does not post a second review.
  try {
    const data = await deps.api.getPullReviewData(o.repo, n);
    if (data.reviews.some((r) => hasRunMarker(r.body, 'suggestions', o.runId))) {
      deps.logger.info(`Pull request #${n} already has this run's review with suggestions; not posting another.`);
      return { kind: 'review', reason, reviewId: null, url: null, suggestions: comments.length, unanchored: paths };
    }
  } catch (err) {
    deps.logger.warn(`Could not read the reviews of #${n}: ${deps.redactor.redact(errorMessage(err))}`);
  }

  const final = finalizeBody(body, {
    redactor: deps.redactor,
    ...(macro ? { macro } : {}),
    marker: marker('suggestions', o.runId),
  });
  const commitId = headSha;
  try {
    const review = await deps.api.createReview(o.repo, n, { body: final, commitId, comments });
    deps.logger.info(`Posted a review with ${comments.length} suggestion(s) on pull request #${n}: ${review.htmlUrl}`);
    return {
      kind: 'review',
      reason,
      reviewId: review.id,
      url: review.htmlUrl,
      suggestions: comments.length,
      unanchored: paths,
    };
  } catch (err) {
    if (comments.length === 0) throw err;
    // GitHub refused an anchor: post everything as the diff instead.
    warnings.push(`GitHub refused the suggestions (${deps.redactor.redact(errorMessage(err))}); posting the diff.`);
    const all = fileDiffs.map((f) => f.raw).join('');
    const shown = all.length > REVIEW_DIFF_CAP ? `${all.slice(0, REVIEW_DIFF_CAP)}\n… (cut; see the patch)\n` : all;
    const fallback = fitBody({
      head: `OpenHands could not push to this pull request's branch (${reason}). Its changes (the whole patch is in ${hint}):\n\n`,
      untrusted: shown,
    });
    const review = await deps.api.createReview(o.repo, n, {
      body: finalizeBody(fallback, {
        redactor: deps.redactor,
        ...(macro ? { macro } : {}),
        marker: marker('suggestions', o.runId),
      }),
      commitId,
      comments: [],
    });
    return {
      kind: 'review',
      reason,
      reviewId: review.id,
      url: review.htmlUrl,
      suggestions: 0,
      unanchored: fileDiffs.map((f) => f.path ?? '(unparsable path)'),
    };
  }
}

function rawWithHunks(f: FileDiff, hunks: Hunk[]): string {
  const head = f.raw.split('\n');
  const first = head.findIndex((l) => l.startsWith('@@'));
  const header = (first === -1 ? head : head.slice(0, first)).join('\n');
  const parts = hunks.map((h) => [h.header, ...h.lines].join('\n'));
  return `${header}\n${parts.join('\n')}\n`;
}
