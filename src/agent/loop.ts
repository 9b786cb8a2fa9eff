// The agent loop: ask the model, validate its tool calls, run them in the sandbox, record events, stop.
// It knows no wire format and no concrete tool; tools, the model and the sandbox are injected.
import { ResolverError, errorMessage, type ErrorCode } from '../core/errors.js';
import type { ActionEvent, ObservationEvent, ToolCallMetadata } from '../core/events.js';
import { joinSentences } from '../llm/sentences.js';
import type { Completion, ToolCall } from '../llm/types.js';
import { condensationAction, planCondensation, summarize } from './condense.js';
import { createDeadline } from './deadline.js';
import { createEventLog, type EventLog } from './history.js';
import { applyCondensation, buildMessages, modelResponseJson, RECENT_OUTPUT_BUDGET_CHARS } from './messages.js';
import { createMetrics } from './metrics.js';
import {
  composeStops,
  finishedStop,
  maxBudgetStop,
  maxIterationsStop,
  stuckStop,
  wallClockStop,
  type StopDecision,
} from './stop.js';
import {
  MAX_CONSECUTIVE_INVALID_CALLS,
  defaultAutoReply,
  type AgentDeps,
  type AgentOptions,
  type AgentResult,
} from './types.js';

export { MAX_CONSECUTIVE_INVALID_CALLS, defaultAutoReply } from './types.js';
export type { AgentDeps, AgentOptions, AgentProgress, AgentResult, AgentSnapshot } from './types.js';

interface QueuedCall {
  call: ToolCall;
  meta: ToolCallMetadata;
  thought: string;
}

export async function runAgent(deps: AgentDeps, opts: AgentOptions): Promise<AgentResult> {
  const now = deps.now ?? Date.now;
  const started = now();
  const log: EventLog = createEventLog({ secrets: opts.secrets });
  const metrics = createMetrics({ model: deps.llm.model, maxBudgetUsd: opts.maxBudgetUsd, now });
  const keepRecentSteps = opts.keepRecentSteps ?? 10;
  const recentOutputChars = opts.recentOutputChars ?? RECENT_OUTPUT_BUDGET_CHARS;
  const stop = composeStops([
    finishedStop(),
    maxBudgetStop(opts.maxBudgetUsd),
    maxIterationsStop(opts.maxIterations),
    wallClockStop(opts.maxRuntimeSec),
    stuckStop({ headless: true }),
  ]);
  const deadline = createDeadline(opts.maxRuntimeSec, opts.signal);
  // An abort that came from the wall clock, not from the caller: the run goes on to its wrap-up turn.
  const cutByDeadline = () => deadline.reached && !opts.signal?.aborted;
  const queue: QueuedCall[] = [];
  let iteration = 0;
  let invalidStreak = 0;
  let lastAction: string | null = null;
  let warnedUnknownCost = false;
  // The last error a model call threw (after the client's own retries), to tell model failures from others.
  let modelFailure: unknown = null;
  let wrapUpFailure: AgentResult['modelError'] = undefined;
  let sandboxFailure: unknown = null;

  log.add(
    { action: 'system', args: { content: opts.systemPrompt, tools: deps.tools.specs }, message: opts.systemPrompt },
    'agent',
  );
  log.add(
    {
      action: 'message',
      args: { content: opts.userMessage, image_urls: opts.imageUrls ?? null, wait_for_response: false },
      message: opts.userMessage,
    },
    'user',
  );

  const messages = () =>
    buildMessages(applyCondensation(log.events), deps.tools, {
      keepRecentSteps,
      recentOutputChars,
      vision: opts.vision,
    });
  const record = (c: Completion, agentStep: boolean) => {
    metrics.add(c, { agentStep });
    if (c.cost === null && !warnedUnknownCost) {
      warnedUnknownCost = true;
      deps.logger.warn(`The cost of ${deps.llm.model} is unknown; the budget counts it as 0.`);
    }
  };
  // One model call; a context overflow condenses the history once and tries again.
  const ask = async (
    tools = deps.tools.specs,
    toolChoice?: 'required',
    signal = deadline.stepSignal,
  ): Promise<Completion> => {
    for (let condensed = false; ; condensed = true) {
      try {
        return await deps.llm.complete({ messages: messages(), tools, toolChoice, signal });
      } catch (err) {
        modelFailure = err;
        if (!(err instanceof ResolverError && err.code === 'llm-context') || condensed) throw err;
        const plan = planCondensation(log.events);
        if (!plan) throw err;
        let summary = '(earlier steps were dropped without a summary)';
        try {
          const s = await summarize(deps.llm, plan, signal);
          record(s.completion, false);
          summary = s.summary;
        } catch (e) {
          if (signal?.aborted) throw e;
          deps.logger.warn(
            `Summarising the history failed (${errorMessage(e)}); dropping the older steps without a summary.`,
          );
        }
        log.add(condensationAction(plan, summary), 'agent');
      }
    }
  };
  const enqueue = (c: Completion) => {
    const total = c.toolCalls.length;
    c.toolCalls.forEach((call, i) =>
      queue.push({
        call,
        thought: i === 0 ? (c.content ?? '') : '',
        meta: {
          tool_call_id: call.id,
          function_name: call.name,
          model_response: modelResponseJson(c),
          total_calls_in_response: total,
        },
      }),
    );
  };
  const result = (
    state: AgentResult['state'],
    reason: AgentResult['stopReason'],
    lastError: string | null,
    loop?: StopDecision['loop'],
    failure?: { errorCode: ErrorCode; modelError?: AgentResult['modelError'] },
  ): AgentResult => {
    const finish = [...log.events].reverse().find((e): e is ActionEvent => 'action' in e && e.action === 'finish');
    return {
      state,
      stopReason: reason,
      lastError,
      finishMessage: finish && finish.action === 'finish' ? finish.args.final_thought : null,
      history: [...log.events],
      metrics: metrics.toJSON({ iterations: iteration, durationSec: (now() - started) / 1000 }),
      iterations: iteration,
      ...(loop ? { loop } : {}),
      ...(failure ? { errorCode: failure.errorCode } : {}),
      ...(failure?.modelError
        ? { modelError: failure.modelError }
        : wrapUpFailure
          ? { modelError: wrapUpFailure }
          : {}),
    };
  };

  try {
    for (;;) {
      if (opts.signal?.aborted) return result('cancelled', 'cancelled', 'cancelled');
      const decision = stop({
        history: log.events,
        iteration,
        costUsd: metrics.costUsd,
        elapsedSec: (now() - started) / 1000,
        deadlineReached: deadline.reached,
      });
      if (decision) {
        if (decision.reason === 'finished') return result('finished', 'finished', null);
        if (decision.wrapUp) await wrapUp(decision);
        deps.logger.warn(decision.message ?? decision.reason);
        const wrapped = log.events[log.events.length - 1];
        const state = wrapped && 'action' in wrapped && wrapped.action === 'finish' ? 'finished' : 'error';
        return result(state, decision.reason, decision.message, decision.loop);
      }
      iteration += 1;
      try {
        if (queue.length === 0) {
          const c = await ask();
          record(c, true);
          if (c.toolCalls.length === 0) {
            const text = c.content ?? '';
            log.add(
              {
                action: 'message',
                args: { content: text, image_urls: null, wait_for_response: true },
                message: text,
                llm_metrics: metrics.snapshot(),
              },
              'agent',
            );
            const users = log.events.filter(
              (e) => 'action' in e && e.action === 'message' && e.source === 'user',
            ).length;
            const reply = (opts.autoReply ?? defaultAutoReply)(users);
            log.add(
              {
                action: 'message',
                args: { content: reply, image_urls: null, wait_for_response: false },
                message: reply,
              },
              'user',
            );
            lastAction = 'message';
            await step();
            continue;
          }
          enqueue(c);
        }
        const next = queue.shift() as QueuedCall;
        const prepared = deps.tools.prepare(next.call, next.thought);
        if (!prepared.ok) {
          invalidStreak += 1;
          log.add(errorObservation(prepared.error, next.meta), 'agent');
          lastAction = `invalid call to ${next.call.name}`;
          await step();
          if (invalidStreak >= MAX_CONSECUTIVE_INVALID_CALLS) {
            const msg = `Agent made ${invalidStreak} invalid tool calls in a row; last error: ${prepared.error}`;
            deps.logger.warn(msg);
            return result('error', 'invalid_calls', msg);
          }
          continue;
        }
        invalidStreak = 0;
        const action = log.add(
          { ...prepared.action, tool_call_metadata: next.meta, llm_metrics: metrics.snapshot() },
          'agent',
        );
        lastAction = action.message ?? action.action;
        if (!prepared.tool.terminal) {
          let obs: ObservationEvent;
          try {
            obs = prepared.tool.executeLocally
              ? ({ ...prepared.tool.executeLocally(action) } as ObservationEvent)
              : await deps.runtime.execute(action, { signal: deadline.stepSignal });
          } catch (err) {
            sandboxFailure = err;
            if (!cutByDeadline()) throw err;
            obs = timeLimitObservation();
          }
          const { id: _i, timestamp: _t, source: _s, ...rest } = obs;
          log.add({ ...rest, cause: action.id, tool_call_metadata: next.meta } as ObservationEvent, 'agent');
        }
        await step();
      } catch (err) {
        if (!cutByDeadline()) throw err;
        deps.logger.warn('The time limit cut the model call in flight.');
      }
    }
  } catch (err) {
    if (opts.signal?.aborted || (err instanceof ResolverError && err.code === 'cancelled')) {
      return result('cancelled', 'cancelled', 'cancelled');
    }
    const msg =
      err instanceof ResolverError ? err.message : `${err instanceof Error ? err.name : 'Error'}: ${errorMessage(err)}`;
    deps.logger.error(`Agent stopped by an error: ${msg}`);
    const errorCode: ErrorCode = err instanceof ResolverError ? err.code : err === sandboxFailure ? 'runtime' : 'agent';
    return result('error', 'exception', msg, undefined, {
      errorCode,
      modelError: err === modelFailure ? { code: errorCode, message: msg } : undefined,
    });
  } finally {
    deadline.dispose();
  }

  async function step(): Promise<void> {
    opts.onProgress?.({ iteration, maxIterations: opts.maxIterations, costUsd: metrics.costUsd, lastAction });
    await opts.onCheckpoint?.({ history: log.events, metrics: metrics.toJSON({ iterations: iteration }), iteration });
  }

  // One extra model call with only `finish` offered, not counted as an iteration (DESIGN.md §8.8).
  async function wrapUp(decision: StopDecision): Promise<void> {
    const finishSpec = deps.tools.specs.find((s) => deps.tools.get(s.name)?.terminal);
    if (!finishSpec) return;
    const text = joinSentences(
      decision.message,
      `This is your last turn: no more commands will run. Call ${finishSpec.name} now with a summary ` +
        'of what you changed, how you verified it, and what remains to be done.',
    );
    log.add(
      { action: 'message', args: { content: text, image_urls: null, wait_for_response: false }, message: text },
      'user',
    );
    try {
      const c = await ask([finishSpec], 'required', deadline.wrapUpSignal);
      record(c, false);
      const call = c.toolCalls.find((t) => t.name === finishSpec.name);
      if (!call) return;
      const prepared = deps.tools.prepare(call, c.content ?? '');
      if (!prepared.ok) return;
      const meta = {
        tool_call_id: call.id,
        function_name: call.name,
        model_response: modelResponseJson({ ...c, toolCalls: [call] }),
        total_calls_in_response: 1,
      };
      log.add({ ...prepared.action, tool_call_metadata: meta, llm_metrics: metrics.snapshot() }, 'agent');
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      if (err === modelFailure && err instanceof ResolverError && err.code !== 'cancelled')
        wrapUpFailure = { code: err.code, message: err.message };
      deps.logger.warn(`The wrap-up turn failed: ${errorMessage(err)}`);
    }
  }
}

export const TIME_LIMIT_MESSAGE = 'The command was stopped before it finished: the run reached its time limit.';

/** What the model is told about a command the wall-clock limit stopped. */
function timeLimitObservation(): ObservationEvent {
  return {
    observation: 'error',
    content: TIME_LIMIT_MESSAGE,
    extras: { error_id: 'AGENT_ERROR$TIME_LIMIT' },
    success: false,
    message: TIME_LIMIT_MESSAGE,
  };
}

function errorObservation(content: string, meta: ToolCallMetadata): ObservationEvent {
  return {
    observation: 'error',
    content,
    extras: { error_id: 'AGENT_ERROR$BAD_ACTION' },
    tool_call_metadata: meta,
    success: false,
    message: content,
  };
}
