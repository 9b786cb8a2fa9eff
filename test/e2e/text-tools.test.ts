// `native-tool-calling: false`: a model without tool calling gets the tools described in its prompt and
// answers with <function=...> blocks in plain text (DESIGN.md §8.9); the run still ends in a PR.
import { afterEach, describe, expect, it } from 'vitest';
import { text } from '../../src/testing/scripted-llm.js';
import { FIXED_HELLO, labeledPayload, OWNER, REPO, startWorld, type World } from './fixtures.js';
import { runJobInProcess } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const call = (name: string, params: Record<string, string>) =>
  text(
    `Next step.\n<function=${name}>\n` +
      Object.entries(params)
        .map(([k, v]) => `<parameter=${k}>${v}</parameter>`)
        .join('\n') +
      '\n</function>',
  );

describe('native-tool-calling: false', () => {
  it('drives the agent through text tool calls and opens the PR', async () => {
    const w = await startWorld([
      call('execute_bash', { command: `printf '%s' '${FIXED_HELLO}' > hello.py && cat hello.py` }),
      call('finish', { message: 'greet() uses the name now.' }),
      text('--- success\ntrue\n\n--- explanation\nFixed.'),
    ]);
    world = w;
    const run = await runJobInProcess(w, {
      eventName: 'issues',
      payload: labeledPayload(w),
      inputs: { 'native-tool-calling': 'false' },
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    expect(await w.fake.readFile(OWNER, REPO, `openhands-fix-issue-${w.issueNumber}`, 'hello.py')).toBe(FIXED_HELLO);
    const agentRequests = w.llm.requests.slice(0, 2);
    for (const r of agentRequests) {
      expect(r.body?.tools ?? []).toEqual([]);
      expect(JSON.stringify(r.body?.messages)).toContain('<function=');
    }
  });
});
