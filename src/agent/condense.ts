// Summarising condensation, used only after a context-window overflow (DESIGN.md §8.8): keep the system
// message, the task and about the newer half of the view; summarise what falls out with the model.
import { isAction, isObservation, type ActionEvent, type Event } from '../core/events.js';
import type { Completion, LlmClient } from '../llm/types.js';
import { applyCondensation } from './messages.js';

const MAX_EVENT_CHARS = 1_500;

export interface CondensationPlan {
  startId: number;
  endId: number;
  forgotten: Event[];
  previousSummary: string | null;
}

/** Starts a step: an agent action or message, never an observation, so no call loses its answer. */
function startsStep(e: Event): boolean {
  return isAction(e) && e.source === 'agent';
}

export function planCondensation(history: readonly Event[]): CondensationPlan | null {
  const view = applyCondensation(history);
  const events = view.events;
  const firstUser = events.findIndex((e) => isAction(e) && e.action === 'message' && e.source === 'user');
  const head = firstUser + 1;
  const body = events.slice(head);
  if (body.length < 2) return null;
  let cut = head + Math.floor(body.length / 2);
  while (cut < events.length && !startsStep(events[cut] as Event)) cut++;
  if (cut >= events.length) {
    cut = head + Math.floor(body.length / 2);
    while (cut > head && !startsStep(events[cut] as Event)) cut--;
  }
  if (cut <= head) return null;
  const forgotten = events.slice(head, cut);
  const ids = forgotten.map((e) => e.id).filter((id): id is number => typeof id === 'number');
  if (ids.length === 0) return null;
  return { startId: Math.min(...ids), endId: Math.max(...ids), forgotten, previousSummary: view.summary };
}

function eventLine(e: Event): string {
  let text: string;
  if (isAction(e)) {
    const args = JSON.stringify(e.args);
    text = `ACTION ${e.action}: ${args}`;
  } else if (isObservation(e)) {
    text = `OBSERVATION ${e.observation}: ${e.content}`;
  } else text = '';
  return text.length > MAX_EVENT_CHARS ? `${text.slice(0, MAX_EVENT_CHARS)} [...]` : text;
}

export async function summarize(
  llm: LlmClient,
  plan: CondensationPlan,
  signal?: AbortSignal,
): Promise<{ summary: string; completion: Completion }> {
  const prior = plan.previousSummary ? `Summary of even earlier steps:\n${plan.previousSummary}\n\n` : '';
  const prompt =
    'You are condensing the history of a coding agent working on a repository, because it no longer fits the context window. ' +
    'Write a concise summary the agent can continue from: the task, what it learned about the code (files, functions, causes), ' +
    'the changes it made (files and what changed), commands that verified them and their results, and what remains to do.\n\n' +
    `${prior}Steps to summarise:\n${plan.forgotten.map(eventLine).join('\n')}`;
  const completion = await llm.complete({ messages: [{ role: 'user', content: prompt }], signal });
  return { summary: (completion.content ?? '').trim() || '(no summary)', completion };
}

export function condensationAction(plan: CondensationPlan, summary: string): ActionEvent {
  return {
    action: 'condensation',
    args: {
      forgotten_events_start_id: plan.startId,
      forgotten_events_end_id: plan.endId,
      summary,
      summary_offset: 2,
    },
    message: `Condensed ${plan.forgotten.length} events into a summary.`,
  };
}
