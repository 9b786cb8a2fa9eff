// What the action reports at the end of a run: step outputs and the job summary (resolver.md §4, §4.1).
import * as core from '@actions/core';
import type { Event } from '../core/events.js';
import type { Redactor } from '../core/redact.js';
import { quoteUntrusted, quoteUntrustedInline } from '../github/untrusted.js';
import type { OutputRecord } from '../resolver/types.js';

export type Conclusion = 'success' | 'failure' | 'no-changes' | 'skipped' | 'denied' | 'error';

export interface RunOutcome {
  conclusion: Conclusion;
  success: boolean;
  outputFile: string | null;
  prUrl: string | null;
  prNumber: number | null;
  branch: string | null;
  record: OutputRecord | null;
  /** A one-line reason for skipped/denied/error. */
  reason: string | null;
  durationSec: number;
}

export function setOutputs(o: RunOutcome): void {
  const metrics = o.record?.metrics ?? null;
  core.setOutput('success', o.success ? 'true' : 'false');
  core.setOutput('conclusion', o.conclusion);
  core.setOutput('output-file', o.outputFile ?? '');
  core.setOutput('pr-url', o.prUrl ?? '');
  core.setOutput('pr-number', o.prNumber === null ? '' : String(o.prNumber));
  core.setOutput('branch', o.branch ?? '');
  core.setOutput('cost', metrics ? metrics.accumulated_cost.toFixed(4) : '');
  core.setOutput('iterations', metrics?.iterations === undefined ? '' : String(metrics.iterations));
}

const MAX_SUMMARY_TRANSCRIPT = 200_000;

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** One plain-text line per event, for the collapsible transcript (it is quoted as a whole: untrusted.ts). */
export function transcriptLine(e: Event): string {
  const one = (t: string, max: number) => t.replace(/\s+/g, ' ').trim().slice(0, max);
  if ('action' in e) {
    const a = e;
    switch (a.action) {
      case 'run':
        return `${a.source ?? 'agent'} ran: ${one(a.args.command.split('\n')[0] ?? '', 300)}`;
      case 'message':
        return `${a.source ?? 'agent'}: ${one(a.args.content, 300)}`;
      case 'finish':
        return `agent finished: ${one(a.args.final_thought, 500)}`;
      case 'think':
        return `agent thought: ${one(a.args.thought, 300)}`;
      case 'read':
      case 'edit':
        return `agent ${a.action === 'read' ? 'viewed' : `edited (${a.args.command})`} ${one(a.args.path, 300)}`;
      default:
        return `${a.source ?? 'agent'} ${a.action}`;
    }
  }
  const firstLine = e.content.split('\n').find((l) => l.trim() !== '') ?? '';
  return `    → ${e.observation}: ${one(firstLine, 200)}`;
}

export function summaryMarkdown(o: RunOutcome, redactor: Redactor): string {
  const m = o.record?.metrics ?? null;
  const usage = m?.accumulated_token_usage;
  const rows: [string, string][] = [
    // The reason can echo error text from the model or the issue: inline code, no Markdown of its own.
    ['Outcome', o.conclusion + (o.reason ? ` ${quoteUntrustedInline(o.reason, 300)}` : '')],
    ['Pull request', o.prUrl ?? '—'],
    ['Branch', o.branch ?? '—'],
    ['Iterations', m?.iterations === undefined ? '—' : String(m.iterations)],
    ['Tokens (prompt / completion)', usage ? `${usage.prompt_tokens} / ${usage.completion_tokens}` : '—'],
    [
      'Cost (USD)',
      m ? (m.cost_known === false ? 'unknown (price not in the table)' : m.accumulated_cost.toFixed(4)) : '—',
    ],
    ['Duration', `${o.durationSec.toFixed(1)} s`],
  ];
  const lines = [
    '## OpenHands resolver',
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${escapeCell(v)} |`),
  ];
  // The explanation and the transcript are the model's words: quoted blocks (DESIGN.md §8.23).
  if (o.record?.result_explanation) {
    lines.push('', '### Explanation', '', quoteUntrusted(o.record.result_explanation));
  }
  if (o.record && o.record.history.length > 0) {
    const transcript = quoteUntrusted(o.record.history.map(transcriptLine).join('\n'), MAX_SUMMARY_TRANSCRIPT);
    lines.push('', '<details><summary>Transcript</summary>', '', transcript, '', '</details>');
  }
  return redactor.redact(lines.join('\n') + '\n');
}
