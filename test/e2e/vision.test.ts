// Images in the issue reach a model that reads images as image parts of the first user message, and a
// text-only model as plain URLs (resolver.md §6.5; the model's capability comes from its name).
import { afterEach, describe, expect, it } from 'vitest';
import { labeledPayload, startWorld, type World } from './fixtures.js';
import { runJobInProcess } from './harness.js';

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const SCREENSHOT = 'https://user-images.example/shot-1.png';

describe('issue images', () => {
  it.each([
    ['openai/gpt-4o', true],
    ['deepseek/deepseek-chat', false],
  ])('%s gets them as image parts: %s', async (model, asParts) => {
    const w = await startWorld();
    world = w;
    const issue = w.fake.state.issues.find((i) => i.number === w.issueNumber);
    if (!issue) throw new Error('no issue');
    issue.body = `It ignores the name argument, see:\n\n![screenshot](${SCREENSHOT})`;
    const run = await runJobInProcess(w, {
      eventName: 'issues',
      payload: labeledPayload(w),
      inputs: { 'llm-model': model },
    });
    expect(run.outcome.conclusion, run.log).toBe('success');
    const first = w.llm.requests[0]?.body?.messages?.find((m) => m.role === 'user');
    const content: unknown = first?.content;
    const parts = Array.isArray(content) ? (content as { type: string; image_url?: { url: string } }[]) : [];
    const imageParts = parts.filter((p) => p.type === 'image_url').map((p) => p.image_url?.url);
    if (asParts) {
      expect(imageParts).toEqual([SCREENSHOT]);
    } else {
      expect(imageParts).toEqual([]);
      expect(JSON.stringify(content)).toContain(SCREENSHOT);
    }
  });
});
