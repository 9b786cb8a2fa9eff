// What the action reports at the end of a run: step outputs and the job summary (resolver.md §4, §4.1).
import * as core from '@actions/core';
import type { Event } from '../core/events.js';
import type { Redactor } from '../core/redact.js';
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

/** One line per event, for the collapsible transcript. */
export function transcriptLine(e: Event): string {
  if ('action' in e) {
    const a = e;
    switch (a.action) {
      case 'run':
        return `**${a.source ?? 'agent'}** ran \`${a.args.command.split('\n')[0]}\``;
      case 'message':
        return `**${a.source ?? 'agent'}**: ${a.args.content.slice(0, 300)}`;
      case 'finish':
        return `**agent** finished: ${a.args.final_thought.slice(0, 500)}`;
      case 'think':
        return `**agent** thought: ${a.args.thought.slice(0, 300)}`;
      case 'read':
      case 'edit':
        return `**agent** ${a.action === 'read' ? 'viewed' : `edited (${a.args.command})`} \`${a.args.path}\``;
      default:
        return `**${a.source ?? 'agent'}** ${a.action}`;
    }
  }
  const firstLine = e.content.split('\n').find((l) => l.trim() !== '') ?? '';
  return `&nbsp;&nbsp;→ ${e.observation}: ${firstLine.slice(0, 200)}`;
}

export function summaryMarkdown(o: RunOutcome, redactor: Redactor): string {
  const m = o.record?.metrics ?? null;
  const usage = m?.accumulated_token_usage;
  const rows: [string, string][] = [
    ['Outcome', o.conclusion + (o.reason ? ` (${o.reason})` : '')],
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
  if (o.record?.result_explanation) {
    lines.push('', '### Explanation', '', o.record.result_explanation);
  }
  if (o.record && o.record.history.length > 0) {
    let transcript = o.record.history.map(transcriptLine).join('  \n');
    if (transcript.length > MAX_SUMMARY_TRANSCRIPT)
      transcript = transcript.slice(0, MAX_SUMMARY_TRANSCRIPT) + '\n\n[truncated]';
    lines.push('', '<details><summary>Transcript</summary>', '', transcript, '', '</details>');
  }
  return redactor.redact(lines.join('\n') + '\n');
}
