import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAgent, TIME_LIMIT_MESSAGE, type AgentOptions, type AgentSnapshot } from '../../src/agent/loop.js';
import { maskStub } from '../../src/agent/messages.js';
import { createToolRegistry, defaultTools } from '../../src/agent/tools/registry.js';
import { ResolverError } from '../../src/core/errors.js';
import { isAction, isObservation, type Event } from '../../src/core/events.js';
import { createRecordingLogger } from '../../src/core/log.js';
import { createLlmClient } from '../../src/llm/client.js';
import { createRecordingClient } from '../../src/llm/replay.js';
import type { LlmClient, LlmConfig } from '../../src/llm/types.js';
import {
  contextLengthExceeded,
  httpError,
  insufficientQuota,
  malformedToolCall,
  serverError,
  slow,
  startScriptedLlm,
  text,
  toolCall,
  toolCalls,
  type ChatRequestMessage,
  type LlmStep,
  type ScriptedLlm,
} from '../../src/testing/scripted-llm.js';
import { createBashRuntime } from './bash-runtime.js';

let llm: ScriptedLlm | undefined;
afterEach(async () => {
  await llm?.close();
  llm = undefined;
});

function llmConfig(baseUrl: string, over: Partial<LlmConfig> = {}): LlmConfig {
  return {
    model: 'openai/gpt-4o',
    apiKey: 'k',
    baseUrl,
    numRetries: 0,
    retryMinWaitSec: 0,
    retryMaxWaitSec: 0,
    retryMultiplier: 1,
    timeoutSec: 30,
    ...over,
  };
}

async function run(
  script: LlmStep[],
  opts: Partial<AgentOptions> = {},
  extra: { now?: () => number; client?: (c: LlmClient) => LlmClient; fallback?: LlmStep } = {},
) {
  llm = await startScriptedLlm(script, extra.fallback ? { fallback: extra.fallback } : {});
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-agent-'));
  const logger = createRecordingLogger();
  const base = createLlmClient(llmConfig(llm.baseUrl), { logger });
  const client = extra.client ? extra.client(base) : base;
  const runtime = createBashRuntime(dir);
  const checkpoints: AgentSnapshot[] = [];
  const result = await runAgent(
    { llm: client, runtime, tools: createToolRegistry(defaultTools()), logger, now: extra.now },
    {
      systemPrompt: 'You are a test agent.',
      userMessage: 'Create hello.txt',
      maxIterations: 10,
      maxBudgetUsd: null,
      maxRuntimeSec: null,
      onCheckpoint: (s) => {
        checkpoints.push({ ...s, history: [...s.history] });
      },
      ...opts,
    },
  );
  return { result, dir, runtime, logger, checkpoints, llm };
}

const lastMessages = (s: ScriptedLlm): ChatRequestMessage[] => s.requests[s.requests.length - 1]?.body?.messages ?? [];

describe('runAgent', () => {
  it('runs tool calls in the sandbox and stops on finish, with event JSON per runtime.md §4', async () => {
    const { result, dir, checkpoints } = await run([
      toolCall('execute_bash', { command: 'echo hello > hello.txt' }, { content: 'Creating the file.' }),
      toolCall('finish', { message: 'Created hello.txt' }),
    ]);
    expect(result.state).toBe('finished');
    expect(result.finishMessage).toBe('Created hello.txt');
    expect(readFileSync(path.join(dir, 'hello.txt'), 'utf8')).toBe('hello\n');
    const h = result.history;
    expect(h.map((e) => e.id)).toEqual(h.map((_, i) => i));
    expect(h.map((e) => (isAction(e) ? `${e.source}:${e.action}` : `${e.source}:obs:${e.observation}`))).toEqual([
      'agent:system',
      'user:message',
      'agent:run',
      'agent:obs:run',
      'agent:finish',
    ]);
    for (const e of h) expect(e.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    const runAction = h[2];
    const obs = h[3];
    expect(isAction(runAction!) && runAction.action === 'run' && runAction.args.thought).toBe('Creating the file.');
    expect(runAction?.tool_call_metadata?.function_name).toBe('execute_bash');
    expect(runAction?.llm_metrics?.accumulated_cost).toBeGreaterThan(0);
    expect(isObservation(obs!) && obs.cause).toBe(2);
    expect(obs?.tool_call_metadata?.tool_call_id).toBe(runAction?.tool_call_metadata?.tool_call_id);
    expect(result.iterations).toBe(2);
    expect(result.metrics.token_usages).toHaveLength(2);
    expect(result.metrics.prompt_tokens_per_step).toHaveLength(2);
    expect(checkpoints).toHaveLength(2);
  });

  it('shows the observation as content + suffix + working directory + exit code', async () => {
    const { llm: s } = await run([
      toolCall('execute_bash', { command: 'echo out' }),
      toolCall('finish', { message: 'x' }),
    ]);
    const tool = lastMessages(s).find((m) => m.role === 'tool');
    expect(tool?.content).toMatch(
      /^out\n\n\[The command completed with exit code 0\.\]\n\[Current working directory: .+\]\n\[Command finished with exit code 0\]$/,
    );
  });

  const malformed: [string, LlmStep, RegExp][] = [
    ['bad JSON', malformedToolCall('execute_bash'), /not valid JSON/],
    [
      'unknown tool',
      toolCall('browse', { url: 'x' }),
      /Tool "browse" is not registered\. Available tools: execute_bash, think, finish, str_replace_editor/,
    ],
    ['missing argument', toolCall('execute_bash', {}), /Missing required argument\(s\) for execute_bash: command/],
    [
      'extra argument',
      toolCall('execute_bash', { command: 'touch nope', shell: 'zsh' }),
      /Unexpected argument\(s\) for execute_bash: shell\. Allowed arguments: command, is_input, timeout, security_risk/,
    ],
    [
      'wrong type',
      toolCall('execute_bash', { command: 'touch nope', timeout: 'soon' }),
      /Invalid float passed to 'timeout'/,
    ],
    [
      'bad editor command',
      toolCall('str_replace_editor', { command: 'delete', path: '/x' }),
      /Allowed commands: view, create, str_replace, insert, undo_edit/,
    ],
    ['arguments not an object', toolCall('execute_bash', '["ls"]'), /must be a JSON object/],
  ];
  it.each(malformed)('a malformed call (%s) becomes an error observation and runs nothing', async (_n, step, re) => {
    const { result, runtime, dir, llm: s } = await run([step, toolCall('finish', { message: 'ok' })]);
    expect(runtime.actions).toHaveLength(0);
    expect(existsSync(path.join(dir, 'nope'))).toBe(false);
    const err = result.history.find((e) => isObservation(e) && e.observation === 'error');
    expect(err?.message ?? '').toMatch(re);
    const toolMsg = (s.requests[1]?.body?.messages ?? []).find((m) => m.role === 'tool');
    expect(String(toolMsg?.content)).toMatch(re);
    expect(result.state).toBe('finished');
  });

  it('security_risk is accepted and does not change what runs', async () => {
    const { runtime } = await run([
      toolCall('execute_bash', { command: 'true', security_risk: 'HIGH' }),
      toolCall('finish', { message: 'x' }),
    ]);
    expect(runtime.actions).toHaveLength(1);
  });

  it('stops after 5 consecutive invalid calls', async () => {
    const { result, runtime } = await run(Array.from({ length: 5 }, () => malformedToolCall('execute_bash')));
    expect(result.state).toBe('error');
    expect(result.stopReason).toBe('invalid_calls');
    expect(result.lastError).toMatch(/5 invalid tool calls in a row/);
    expect(runtime.actions).toHaveLength(0);
  });

  it('queues several calls of one response, one per step; the text is the thought of the first only', async () => {
    const { result, runtime } = await run([
      toolCalls(
        [
          { name: 'execute_bash', arguments: { command: 'echo a' } },
          { name: 'execute_bash', arguments: { command: 'echo b' } },
        ],
        { content: 'two things' },
      ),
      toolCall('finish', { message: 'x' }),
    ]);
    expect(runtime.actions.map((a) => (a.action === 'run' ? [a.args.command, a.args.thought] : null))).toEqual([
      ['echo a', 'two things'],
      ['echo b', ''],
    ]);
    expect(result.iterations).toBe(3);
    expect(
      result.history.filter(isAction).find((a) => a.action === 'run')?.tool_call_metadata?.total_calls_in_response,
    ).toBe(2);
  });

  it('answers a reply without a tool call automatically; the second reply adds how to give up', async () => {
    const { result, llm: s } = await run([
      text('Should I proceed?'),
      text('Still asking'),
      toolCall('finish', { message: 'x' }),
    ]);
    const userMsgs = result.history.filter((e) => isAction(e) && e.action === 'message' && e.source === 'user');
    expect(userMsgs).toHaveLength(3);
    const r1 = userMsgs[1];
    const r2 = userMsgs[2];
    expect(r1 && isAction(r1) && r1.action === 'message' ? r1.args.content : '').toMatch(/Never ask a human for help/);
    expect(r1 && isAction(r1) && r1.action === 'message' ? r1.args.content : '').not.toMatch(/give up/);
    expect(r2 && isAction(r2) && r2.action === 'message' ? r2.args.content : '').toMatch(/give up/);
    const agentMsg = result.history.find((e) => isAction(e) && e.action === 'message' && e.source === 'agent');
    expect(agentMsg && isAction(agentMsg) && agentMsg.action === 'message' && agentMsg.args.wait_for_response).toBe(
      true,
    );
    expect(lastMessages(s).map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
  });

  it('iteration limit: a wrap-up turn offers only finish, is not counted, and its finish is kept', async () => {
    const { result, llm: s } = await run(
      [
        toolCall('execute_bash', { command: 'echo 1' }),
        toolCall('execute_bash', { command: 'echo 2' }),
        toolCall('finish', { message: 'partial work' }),
      ],
      { maxIterations: 2 },
    );
    expect(result.iterations).toBe(2);
    expect(result.lastError).toBe('Agent reached maximum iteration. Current iteration: 2, max iteration: 2');
    expect(result.state).toBe('finished');
    expect(result.finishMessage).toBe('partial work');
    const last = s.requests[2]?.body;
    expect((last?.tools as { function: { name: string } }[]).map((t) => t.function.name)).toEqual(['finish']);
    expect(last?.tool_choice).toBe('required');
    expect(result.metrics.token_usages).toHaveLength(3);
  });

  it('iteration limit: no finish in the wrap-up leaves the error state', async () => {
    const { result } = await run([toolCall('execute_bash', { command: 'echo 1' }), text('I refuse')], {
      maxIterations: 1,
    });
    expect(result.state).toBe('error');
    expect(result.stopReason).toBe('max_iterations');
  });

  it('budget: stops before the next step, without a wrap-up turn', async () => {
    const { result, llm: s } = await run(
      [
        toolCall('execute_bash', { command: 'echo 1' }, { usage: { prompt_tokens: 10_000, completion_tokens: 1_000 } }),
        toolCall('finish', { message: 'x' }),
      ],
      { maxBudgetUsd: 0.01 },
    );
    expect(s.requests).toHaveLength(1);
    expect(result.state).toBe('error');
    expect(result.lastError).toBe(
      'Agent reached maximum budget for conversation. Current budget: 0.04, max budget: 0.01',
    );
  });

  it('wall clock: stops with a wrap-up turn', async () => {
    let t = 0;
    const now = () => {
      t += 40_000;
      return t;
    };
    const { result, llm: s } = await run(
      [
        toolCall('execute_bash', { command: 'echo 1' }),
        toolCall('execute_bash', { command: 'echo 2' }),
        toolCall('finish', { message: 'out of time' }),
      ],
      { maxRuntimeSec: 200 },
      { now },
    );
    expect(result.stopReason).toBe('max_runtime');
    expect(result.lastError).toMatch(/^Agent reached maximum runtime/);
    expect(result.finishMessage).toBe('out of time');
    const lastBody = s.requests[s.requests.length - 1]?.body;
    expect((lastBody?.tools as unknown[]).length).toBe(1);
  });

  it('wall clock: a model call in flight is cut at the deadline, then the wrap-up turn runs', async () => {
    const {
      result,
      dir,
      llm: s,
      logger,
    } = await run(
      [
        slow(20_000, toolCall('execute_bash', { command: 'touch late.txt' })),
        toolCall('finish', { message: 'stopped by the clock' }),
      ],
      { maxRuntimeSec: 1 },
    );
    expect(result.stopReason).toBe('max_runtime');
    expect(result.state).toBe('finished');
    expect(result.finishMessage).toBe('stopped by the clock');
    // the slow answer never arrived, so its command never ran
    expect(existsSync(path.join(dir, 'late.txt'))).toBe(false);
    expect(s.requests).toHaveLength(2);
    expect((s.requests[1]?.body?.tools as { function: { name: string } }[]).map((t) => t.function.name)).toEqual([
      'finish',
    ]);
    expect(logger.lines.map((l) => l.message)).toContain('The time limit cut the model call in flight.');
  });

  it('wall clock: a command in flight is stopped at the deadline; the model is told so in the wrap-up turn', async () => {
    const {
      result,
      dir,
      runtime,
      llm: s,
    } = await run(
      [
        toolCall('execute_bash', { command: 'sleep 20; touch late.txt' }),
        toolCall('finish', { message: 'the sleep was cut' }),
      ],
      // Long enough that the first model call and the command's start always come before the deadline.
      { maxRuntimeSec: 3 },
    );
    expect(runtime.aborted).toEqual(['sleep 20; touch late.txt']);
    expect(result).toMatchObject({ stopReason: 'max_runtime', state: 'finished', finishMessage: 'the sleep was cut' });
    const obs = result.history.find((e) => isObservation(e) && e.observation === 'error');
    expect(obs?.message).toBe(TIME_LIMIT_MESSAGE);
    expect(isObservation(obs!) && obs.cause).toBe(2);
    const toolMsg = (s.requests[1]?.body?.messages ?? []).find((m) => m.role === 'tool');
    expect(toolMsg?.content).toBe(TIME_LIMIT_MESSAGE);
    expect(existsSync(path.join(dir, 'late.txt'))).toBe(false);
  });

  it('wall clock: a slow wrap-up turn is cut at the limit itself', async () => {
    const { result, llm: s } = await run(
      [
        slow(20_000, toolCall('execute_bash', { command: 'true' })),
        slow(20_000, toolCall('finish', { message: 'too late' })),
      ],
      { maxRuntimeSec: 1 },
    );
    expect(s.requests).toHaveLength(2);
    expect(result).toMatchObject({ stopReason: 'max_runtime', state: 'error', finishMessage: null });
    expect(result.lastError).toMatch(/^Agent reached maximum runtime/);
  });

  it('an abort of the caller is still a cancellation, not a time limit', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const { result } = await run([slow(20_000, toolCall('finish', { message: 'x' }))], {
      maxRuntimeSec: 600,
      signal: ac.signal,
    });
    expect(result).toMatchObject({ state: 'cancelled', stopReason: 'cancelled' });
  });

  it('stuck: the same command and output four times stops the run', async () => {
    const same = () => toolCall('execute_bash', { command: 'echo same' });
    const { result } = await run([same(), same(), same(), same(), same()]);
    expect(result.stopReason).toBe('stuck');
    expect(result.lastError).toBe('AgentStuckInLoopError: Agent got stuck in a loop');
    expect(result.loop?.loop_type).toBe('repeating_action_observation');
    expect(result.iterations).toBe(4);
  });

  it('replaces secret values with <secret_hidden> in every stored event', async () => {
    const { result } = await run(
      [toolCall('execute_bash', { command: 'echo s3cr3t-value-123' }), toolCall('finish', { message: 'x' })],
      {
        secrets: ['s3cr3t-value-123'],
      },
    );
    const json = JSON.stringify(result.history);
    expect(json).not.toContain('s3cr3t-value-123');
    expect(json).toContain('<secret_hidden>');
  });

  it('an abort signal ends the run as cancelled', async () => {
    const ac = new AbortController();
    const { result } = await run(
      [toolCall('execute_bash', { command: 'echo 1' }), toolCall('execute_bash', { command: 'echo 2' })],
      {
        signal: ac.signal,
        onProgress: (p) => {
          if (p.iteration === 1) ac.abort();
        },
      },
    );
    expect(result.state).toBe('cancelled');
    expect(result.lastError).toBe('cancelled');
    expect(result.iterations).toBe(1);
  });

  it('a context overflow condenses once with a model summary, then the call is retried', async () => {
    const { result, llm: s } = await run([
      toolCall('execute_bash', { command: 'echo FIRST-OUTPUT' }),
      toolCall('execute_bash', { command: 'echo second' }),
      toolCall('execute_bash', { command: 'echo third' }),
      contextLengthExceeded(),
      text('SUMMARY: ran echo FIRST-OUTPUT'),
      toolCall('finish', { message: 'done' }),
    ]);
    expect(result.state).toBe('finished');
    const cond = result.history.find((e) => isAction(e) && e.action === 'condensation');
    expect(cond).toBeDefined();
    const retried = JSON.stringify(s.requests[5]?.body?.messages);
    expect(retried).toContain('SUMMARY: ran echo FIRST-OUTPUT');
    expect(retried).not.toContain('FIRST-OUTPUT\\n');
    expect(retried).toContain('third');
    // the summary call is counted in the metrics but not as an agent step
    expect(result.metrics.token_usages).toHaveLength(5);
    expect(result.metrics.prompt_tokens_per_step).toHaveLength(4);
  });

  const fiftyBigSteps = (): LlmStep => {
    let n = 0;
    return () => {
      n += 1;
      return n > 50
        ? toolCall('finish', { message: 'x' })
        : toolCall('execute_bash', { command: `head -c 6000 /dev/zero | tr '\\0' 'x'; echo ${n}` });
    };
  };
  const stubs = (m: ChatRequestMessage[]) =>
    m.filter((x) => x.role === 'tool' && String(x.content).startsWith('[Output of an older step omitted'));

  it('masking: outputs older than the last 10 steps become stubs, so 50 steps stay bounded', async () => {
    const { result, llm: s } = await run(
      [],
      { maxIterations: 60, recentOutputChars: Number.POSITIVE_INFINITY },
      { fallback: fiftyBigSteps() },
    );
    expect(result.state).toBe('finished');
    const sizes = s.requests.map((r) => r.rawBody.length);
    const at15 = sizes[15] ?? 0;
    const at50 = sizes[50] ?? 0;
    // 10 full outputs (~60 KB) plus one-line stubs: growth from step 15 to 50 is stubs and calls only
    expect(at50).toBeLessThan(90_000);
    expect(at50 - at15).toBeLessThan(15_000);
    expect(result.metrics.prompt_tokens_per_step).toHaveLength(51);
    expect(stubs(s.requests[50]?.body?.messages ?? [])).toHaveLength(40);
    expect(stubs(s.requests[50]?.body?.messages ?? [])[0]?.content).toBe(maskStub(6002));
  });

  it('masking: by default the recent outputs also share a size budget (newest first)', async () => {
    const { result, llm: s } = await run([], { maxIterations: 60 }, { fallback: fiftyBigSteps() });
    expect(result.state).toBe('finished');
    const last = s.requests[50]?.body?.messages ?? [];
    // 6,002-character outputs: three fit the 20,000-character budget
    expect(stubs(last)).toHaveLength(47);
    expect(last.filter((m) => m.role === 'tool' && String(m.content).startsWith('xxx'))).toHaveLength(3);
    expect(Math.max(...(result.metrics.prompt_tokens_per_step ?? []))).toBeLessThan(12_000);
    await s.close();
    // condensation off: the whole raw history every time, for comparison
    const { llm: naive } = await run(
      [],
      { maxIterations: 60, keepRecentSteps: Number.POSITIVE_INFINITY, recentOutputChars: Number.POSITIVE_INFINITY },
      { fallback: fiftyBigSteps() },
    );
    expect(stubs(naive.requests[50]?.body?.messages ?? [])).toHaveLength(0);
    expect(naive.requests[50]?.rawBody.length ?? 0).toBeGreaterThan(300_000);
  });

  it('replay reproduces a recorded run', async () => {
    const recFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'oh-rec-')), 'run.json');
    const first = await run(
      [
        toolCall('execute_bash', { command: 'echo hello > hello.txt' }),
        toolCall('think', { thought: 'check' }),
        toolCall('finish', { message: 'done' }),
      ],
      {},
      { client: (c) => createRecordingClient(c, recFile) },
    );
    await llm?.close();
    llm = undefined;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-replay-run-'));
    const logger = createRecordingLogger();
    const replay = createLlmClient(llmConfig('', { model: `replay/${recFile}` }), { logger });
    const second = await runAgent(
      { llm: replay, runtime: createBashRuntime(dir), tools: createToolRegistry(defaultTools()), logger },
      {
        systemPrompt: 'You are a test agent.',
        userMessage: 'Create hello.txt',
        maxIterations: 10,
        maxBudgetUsd: null,
        maxRuntimeSec: null,
      },
    );
    const shape = (h: Event[]) => h.map((e) => (isAction(e) ? [e.action, e.args] : [e.observation, e.content]));
    expect(shape(second.history)).toEqual(shape(first.result.history));
    expect(readFileSync(path.join(dir, 'hello.txt'), 'utf8')).toBe('hello\n');
  });

  describe('which error stopped the run', () => {
    it.each([
      {
        name: 'a rejected key',
        script: [httpError(401, { error: { message: 'Incorrect API key provided.' } })],
        code: 'llm-auth',
      },
      { name: 'an exhausted quota', script: [insufficientQuota()], code: 'llm-quota' },
      { name: 'a server error after the retries', script: [serverError(503)], code: 'llm' },
      {
        name: 'a context overflow with nothing to condense',
        script: [toolCall('execute_bash', { command: 'echo 1' }), contextLengthExceeded()],
        code: 'llm-context',
      },
    ])('$name: errorCode and modelError carry the code', async ({ script, code }) => {
      const { result } = await run(script);
      expect(result.state).toBe('error');
      expect(result.stopReason).toBe('exception');
      expect(result.errorCode).toBe(code);
      expect(result.modelError).toEqual({ code, message: result.lastError });
    });

    it('a sandbox failure is no model error', async () => {
      llm = await startScriptedLlm([toolCall('execute_bash', { command: 'echo 1' })]);
      const logger = createRecordingLogger();
      const result = await runAgent(
        {
          llm: createLlmClient(llmConfig(llm.baseUrl), { logger }),
          runtime: {
            execute: async () => {
              throw new ResolverError('runtime', 'The sandbox died.');
            },
          },
          tools: createToolRegistry(defaultTools()),
          logger,
        },
        { systemPrompt: 's', userMessage: 'u', maxIterations: 5, maxBudgetUsd: null, maxRuntimeSec: null },
      );
      expect(result.errorCode).toBe('runtime');
      expect(result.lastError).toBe('The sandbox died.');
      expect(result.modelError).toBeUndefined();
    });

    it('a plain error from the sandbox has code runtime', async () => {
      llm = await startScriptedLlm([toolCall('execute_bash', { command: 'echo 1' })]);
      const logger = createRecordingLogger();
      const result = await runAgent(
        {
          llm: createLlmClient(llmConfig(llm.baseUrl), { logger }),
          runtime: {
            execute: async () => {
              throw new Error('socket hang up');
            },
          },
          tools: createToolRegistry(defaultTools()),
          logger,
        },
        { systemPrompt: 's', userMessage: 'u', maxIterations: 5, maxBudgetUsd: null, maxRuntimeSec: null },
      );
      expect(result.errorCode).toBe('runtime');
      expect(result.lastError).toBe('Error: socket hang up');
      expect(result.modelError).toBeUndefined();
    });

    it('a crash outside ResolverError and the sandbox has code agent', async () => {
      const { result } = await run([toolCall('execute_bash', { command: 'echo 1' })], {
        onCheckpoint: () => {
          throw new TypeError('boom');
        },
      });
      expect(result.errorCode).toBe('agent');
      expect(result.lastError).toBe('TypeError: boom');
      expect(result.modelError).toBeUndefined();
    });

    it('a wrap-up turn the model rejects is reported as a model error of a limit stop', async () => {
      const { result } = await run([toolCall('execute_bash', { command: 'echo 1' }), insufficientQuota()], {
        maxIterations: 1,
      });
      expect(result.stopReason).toBe('max_iterations');
      expect(result.errorCode).toBeUndefined();
      expect(result.modelError?.code).toBe('llm-quota');
      expect(result.modelError?.message).toMatch(/quota/);
    });

    it('a normal finish and a limit stop with a working model carry no error code', async () => {
      const finished = await run([toolCall('finish', { message: 'done' })]);
      expect(finished.result.errorCode).toBeUndefined();
      expect(finished.result.modelError).toBeUndefined();
      await llm?.close();
      const limited = await run([toolCall('execute_bash', { command: 'echo 1' }), text('I refuse')], {
        maxIterations: 1,
      });
      expect(limited.result.errorCode).toBeUndefined();
      expect(limited.result.modelError).toBeUndefined();
    });

    it('the wrap-up message joins the stop reason as a sentence', async () => {
      const { llm: s } = await run([toolCall('execute_bash', { command: 'echo 1' }), toolCall('finish', {})], {
        maxIterations: 1,
      });
      const wrap = lastMessages(s).find((m) => m.role === 'user' && String(m.content).includes('last turn'));
      expect(String(wrap?.content)).toMatch(
        /^Agent reached maximum iteration\. Current iteration: 1, max iteration: 1\. This is your last turn/,
      );
    });
  });
});
