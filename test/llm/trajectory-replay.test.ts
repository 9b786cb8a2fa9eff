import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAgent } from '../../src/agent/loop.js';
import { createToolRegistry, defaultTools } from '../../src/agent/tools/registry.js';
import { isAction, type Event } from '../../src/core/events.js';
import { createRecordingLogger } from '../../src/core/log.js';
import { createTrajectoryReplayClient } from '../../src/llm/trajectory-replay.js';
import type { LlmClient } from '../../src/llm/types.js';
import { createBashRuntime } from '../agent/bash-runtime.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'oh-traj-'));
const write = (name: string, data: unknown) => {
  const f = path.join(dir, name);
  writeFileSync(f, typeof data === 'string' ? data : JSON.stringify(data));
  return f;
};

const trajectory: Event[] = [
  { id: 0, source: 'user', action: 'message', args: { content: 'make a file', wait_for_response: false } },
  { id: 1, source: 'agent', action: 'run', args: { command: 'echo replayed > r.txt', thought: 'writing' } },
  {
    id: 2,
    source: 'agent',
    observation: 'run',
    content: 'OLD OUTPUT',
    extras: {
      command: 'x',
      metadata: {
        exit_code: 0,
        pid: 1,
        username: null,
        hostname: null,
        working_dir: null,
        py_interpreter_path: null,
        prefix: '',
        suffix: '',
      },
    },
  },
  { id: 3, source: 'environment', observation: 'agent_state_changed', content: '', extras: { agent_state: 'running' } },
  { id: 4, source: 'agent', action: 'think', args: { thought: 'done?' } },
  { id: 5, source: 'agent', action: 'finish', args: { final_thought: 'made r.txt' } },
];

describe('trajectory replay (runtime.md §11)', () => {
  it.each([
    ['missing', path.join(dir, 'nope.json'), /not found/],
    [
      'a directory',
      (() => {
        const d = path.join(dir, 'adir');
        mkdirSync(d, { recursive: true });
        return d;
      })(),
      /is a directory/,
    ],
    ['invalid JSON', write('bad.json', '[{'), /not valid JSON/],
    ['not a list', write('obj.json', { a: 1 }), /expected a list/],
    ['no leading message', write('nomsg.json', [trajectory[1]]), /first event must be a message action/],
  ])('rejects a file that is %s', (_n, file, re) => {
    expect(() => createTrajectoryReplayClient(file, null)).toThrow(re);
  });

  it('replays the actions with fresh observations, then the judgement needs a model', async () => {
    const file = write('t.json', trajectory);
    const client = createTrajectoryReplayClient(file, null);
    expect(client.task).toBe('make a file');
    const work = mkdtempSync(path.join(os.tmpdir(), 'oh-traj-run-'));
    const logger = createRecordingLogger();
    const res = await runAgent(
      { llm: client, runtime: createBashRuntime(work), tools: createToolRegistry(defaultTools()), logger },
      { systemPrompt: 's', userMessage: client.task, maxIterations: 10, maxBudgetUsd: null, maxRuntimeSec: null },
    );
    expect(res.state).toBe('finished');
    expect(res.finishMessage).toBe('made r.txt');
    expect(readFileSync(path.join(work, 'r.txt'), 'utf8')).toBe('replayed\n');
    expect(JSON.stringify(res.history)).not.toContain('OLD OUTPUT');
    expect(res.history.filter(isAction).map((a) => a.action)).toEqual(['system', 'message', 'run', 'think', 'finish']);
    await expect(client.complete({ messages: [{ role: 'user', content: 'judge' }] })).rejects.toThrow(/Not judged/);
  });

  it('hands over to the configured model when the actions run out', async () => {
    const calls: string[] = [];
    const fallback: LlmClient = {
      model: 'openai/gpt-4o',
      async complete() {
        calls.push('fallback');
        return {
          content: 'from model',
          toolCalls: [],
          usage: {
            model: 'm',
            prompt_tokens: 0,
            completion_tokens: 0,
            cache_read_tokens: 0,
            cache_write_tokens: 0,
            context_window: 0,
            per_turn_token: 0,
            response_id: 'x',
          },
          cost: 0,
          responseId: 'x',
          latencySec: 0,
          finishReason: 'stop',
        };
      },
    };
    const client = createTrajectoryReplayClient(write('short.json', trajectory.slice(0, 2)), fallback);
    const tools = createToolRegistry(defaultTools()).specs;
    const first = await client.complete({ messages: [], tools });
    expect(first.toolCalls[0]?.name).toBe('execute_bash');
    expect(JSON.parse(first.toolCalls[0]?.arguments ?? '{}')).toEqual({ command: 'echo replayed > r.txt' });
    expect(first.content).toBe('writing');
    const second = await client.complete({ messages: [], tools });
    expect(second.content).toBe('from model');
    expect(calls).toEqual(['fallback']);
  });
});
