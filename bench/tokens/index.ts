// Token benchmark (issue 4): the same scripted 50-step run on a fixture repository, once with the default
// condensation and once with condensation off (every tool output sent in full every time), through the real
// agent loop, LLM client and prompts. Prints ONE JSON object: total and peak prompt tokens each way, their
// ratio, and the per-step prompt sizes. Tokens are measured the same way for both runs: the prompt_tokens the
// scripted LLM reports, i.e. its estimateTokens() of each request's messages and tools (about four bytes of
// JSON per token). Run through `npm run bench:tokens` (bench/tokens/run.mjs bundles this file first).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAgent, type AgentResult } from '../../src/agent/loop.js';
import { createToolRegistry, defaultTools } from '../../src/agent/tools/registry.js';
import type { ActionEvent, ObservationEvent } from '../../src/core/events.js';
import { createRecordingLogger } from '../../src/core/log.js';
import { createLlmClient } from '../../src/llm/client.js';
import { renderIssuePrompts } from '../../src/resolver/prompts.js';
import { createDelimiter } from '../../src/resolver/sanitize.js';
import { issueRecord } from '../../src/resolver/types.js';
import type { Runtime } from '../../src/runtime/types.js';
import { startScriptedLlm, toolCall, type LlmStep } from '../../src/testing/scripted-llm.js';
import { createFixture, MODULES, type Fixture } from './fixture.js';

const STEPS = 50;
const GOALS = { ratio_max: 0.4, peak_max_tokens: 32_000 };
const log = (m: string) => process.stderr.write(`[bench:tokens] ${m}\n`);

/** The agent's 50 tool calls: exploring, running tests, fixing the two failing tests, checking again. */
function script(f: Fixture): { name: string; args: Record<string, unknown> }[] {
  const bash = (command: string) => ({ name: 'execute_bash', args: { command } });
  const think = (thought: string) => ({ name: 'think', args: { thought } });
  const [b0, b1] = f.broken as [Fixture['broken'][number], Fixture['broken'][number]];
  const fix = (b: typeof b0) =>
    bash(
      `sed -i 's/${b.module}.${b.name}(3, 7), ${b.wrong})/${b.module}.${b.name}(3, 7), ${b.right})/' tests/test_${b.module}.py && git diff tests/test_${b.module}.py`,
    );
  const steps = [
    bash('ls -la && git log --oneline | head -n 5'),
    bash("find . -name '*.py' -not -path './.git/*' | sort"),
    bash('cat README.md'),
    bash('python3 -m unittest discover -v tests 2>&1 | tail -n 80'),
    think(`Two tests fail: ${b0.name} in ${b0.module} and ${b1.name} in ${b1.module}. Read the code first.`),
    ...MODULES.map((m) => bash(`cat inventory/${m}.py`)),
    bash(`grep -n "def " inventory/${b0.module}.py`),
    bash(`cat tests/test_${b0.module}.py`),
    bash(`grep -rn "${b0.name}" .`),
    bash(`python3 -m unittest tests.test_${b0.module} -v 2>&1 | tail -n 40`),
    bash(`python3 -c "from inventory import ${b0.module}; print(${b0.module}.${b0.name}(3, 7))"`),
    think('The function matches its docstring; the expected value in the test is off by one.'),
    fix(b0),
    bash(`python3 -m unittest tests.test_${b0.module} -v 2>&1 | tail -n 40`),
    bash(`cat tests/test_${b1.module}.py`),
    bash(`grep -rn "${b1.name}" .`),
    bash(`sed -n '1,80p' inventory/${b1.module}.py`),
    fix(b1),
    bash('python3 -m unittest discover -v tests 2>&1 | tail -n 80'),
    bash('git status && git diff --stat'),
    bash('wc -l inventory/*.py tests/*.py'),
    bash('grep -rn "import" inventory tests | sort'),
    bash('nl -ba inventory/models.py | head -n 120'),
    bash('nl -ba inventory/store.py | tail -n 100'),
    bash(`grep -rn "quantity > 100" inventory | head -n 40`),
    think('Check that no other test hard-codes a value that depends on the large-quantity branch.'),
    bash('grep -rn "assertEqual" tests | head -n 60'),
    bash('python3 -m unittest discover tests 2>&1 | tail -n 5'),
    bash('cat tests/test_store.py'),
    bash('cat tests/test_search.py'),
    bash('sed -n 1,60p inventory/search.py'),
    bash('git diff'),
    bash('grep -c "def test" tests/*.py'),
    bash('python3 -m unittest tests.test_validation tests.test_cli -v 2>&1 | tail -n 60'),
    bash('cat inventory/validation.py | head -n 150'),
    bash('grep -rn "legacy" inventory | head -n 30'),
    bash('cat tests/test_io_utils.py'),
    bash('nl -ba inventory/cli.py | sed -n 20,140p'),
    bash('git log -p --stat | head -n 60'),
    bash('sed -n 1,120p tests/test_models.py'),
    bash('python3 -m unittest discover -v tests 2>&1 | grep -c ok'),
    think('All tests pass; the fix only touched the two expected values.'),
    bash('git diff --stat && git status --short'),
  ];
  if (steps.length !== STEPS) throw new Error(`the benchmark script has ${steps.length} steps, not ${STEPS}`);
  return steps;
}

/** Runs `run` actions in real bash in the fixture (no sandbox: the benchmark measures prompts, not isolation). */
function bashRuntime(cwd: string): Pick<Runtime, 'execute'> {
  return {
    async execute(action: ActionEvent): Promise<ObservationEvent> {
      if (action.action !== 'run') {
        return { observation: 'error', content: `ERROR: ${action.action} is not run in this benchmark`, extras: {} };
      }
      const command = action.args.command;
      const { output, exit } = await new Promise<{ output: string; exit: number }>((resolve, reject) => {
        const c = spawn('bash', ['-c', command], { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
        let out = '';
        c.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
        c.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
        c.on('error', reject);
        c.on('close', (code) => resolve({ output: out, exit: code ?? -1 }));
      });
      return {
        observation: 'run',
        content: output,
        extras: {
          command,
          metadata: {
            exit_code: exit,
            pid: -1,
            username: null,
            hostname: null,
            working_dir: cwd,
            py_interpreter_path: null,
            prefix: '',
            suffix: `\n[The command completed with exit code ${exit}.]`,
          },
        },
        success: exit === 0,
        message: `Command \`${command}\` executed with exit code ${exit}.`,
      };
    },
  };
}

interface RunSummary {
  total_prompt_tokens: number;
  peak_prompt_tokens: number;
  steps: number;
  per_step: number[];
  tool_output_chars: number;
}

/** `default`: the agent's default condensation; `off`: no masking at all (the naive full history). */
async function runOnce(scratch: string, condensation: 'default' | 'off'): Promise<RunSummary> {
  const dir = mkdtempSync(path.join(scratch, 'repo-'));
  const fixture = createFixture(dir);
  const calls = script(fixture);
  let i = 0;
  const next: LlmStep = () => {
    const c = calls[i++];
    return c ? toolCall(c.name, c.args) : toolCall('finish', { message: 'Fixed the two wrong expected values.' });
  };
  const llm = await startScriptedLlm([], { fallback: next });
  try {
    const logger = createRecordingLogger();
    const issue = issueRecord({
      owner: 'bench',
      repo: 'inventory',
      number: 1,
      title: 'Two unit tests fail',
      body: 'Running `python3 -m unittest discover -v tests` shows two failures. Please fix them.',
    });
    const prompts = renderIssuePrompts({
      issue,
      workspacePath: dir,
      repoInstruction: '',
      delimiter: createDelimiter('0123456789ab'),
    });
    const result: AgentResult = await runAgent(
      {
        llm: createLlmClient(
          {
            model: 'openai/gpt-4o',
            apiKey: 'bench',
            baseUrl: llm.baseUrl,
            numRetries: 0,
            retryMinWaitSec: 0,
            retryMaxWaitSec: 0,
            retryMultiplier: 1,
            timeoutSec: 60,
          },
          { logger },
        ),
        runtime: bashRuntime(dir),
        tools: createToolRegistry(defaultTools()),
        logger,
      },
      {
        systemPrompt: prompts.system,
        userMessage: prompts.instruction,
        maxIterations: STEPS + 10,
        maxBudgetUsd: null,
        maxRuntimeSec: null,
        ...(condensation === 'off'
          ? { keepRecentSteps: Number.POSITIVE_INFINITY, recentOutputChars: Number.POSITIVE_INFINITY }
          : {}),
      },
    );
    if (result.state !== 'finished' || result.iterations !== STEPS + 1) {
      throw new Error(`the scripted run did not finish as scripted: ${result.stopReason} after ${result.iterations}`);
    }
    const perStep = result.metrics.prompt_tokens_per_step ?? [];
    const outputs = result.history.filter((e) => 'observation' in e && e.observation === 'run');
    return {
      total_prompt_tokens: perStep.reduce((a, b) => a + b, 0),
      peak_prompt_tokens: Math.max(...perStep),
      steps: perStep.length,
      per_step: perStep,
      tool_output_chars: outputs.reduce((a, e) => a + ('content' in e ? e.content.length : 0), 0),
    };
  } finally {
    await llm.close();
  }
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'oh-bench-tokens-'));
try {
  log('condensed run (default condensation)...');
  const condensed = await runOnce(scratch, 'default');
  log('naive run (condensation off: every output in full every time)...');
  const naive = await runOnce(scratch, 'off');
  if (condensed.tool_output_chars !== naive.tool_output_chars) {
    throw new Error('the two runs saw different tool outputs; the comparison would be unfair');
  }
  const ratio = Math.round((condensed.total_prompt_tokens / naive.total_prompt_tokens) * 1000) / 1000;
  const outputs = condensed.tool_output_chars;
  process.stdout.write(
    `${JSON.stringify({
      bench: 'tokens',
      scripted_tool_steps: STEPS,
      model_calls: condensed.steps,
      measure: 'scripted LLM prompt_tokens = estimateTokens(request messages + tools), ~4 bytes of JSON per token',
      tool_output_chars_total: outputs,
      tool_output_chars_mean: Math.round(outputs / STEPS),
      condensed: {
        total_prompt_tokens: condensed.total_prompt_tokens,
        peak_prompt_tokens: condensed.peak_prompt_tokens,
        per_step: condensed.per_step,
      },
      naive: {
        total_prompt_tokens: naive.total_prompt_tokens,
        peak_prompt_tokens: naive.peak_prompt_tokens,
        per_step: naive.per_step,
      },
      ratio,
      goals: GOALS,
      met: {
        ratio: ratio <= GOALS.ratio_max,
        peak: condensed.peak_prompt_tokens < GOALS.peak_max_tokens,
      },
    })}\n`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
