import { describe, expect, it } from 'vitest';
import { supportsVision } from '../../src/llm/capabilities.js';

describe('supportsVision', () => {
  it.each([
    ['anthropic/claude-sonnet-4-20250514', true],
    ['anthropic/claude-3-5-sonnet-20241022', true],
    ['openai/gpt-4o', true],
    ['openai/gpt-4o-mini', true],
    ['openai/o3', true],
    ['gemini/gemini-2.5-pro', true],
    ['openrouter/qwen/qwen2.5-vl-72b-instruct', true],
    ['openai/gpt-3.5-turbo', false],
    ['deepseek/deepseek-chat', false],
    ['mistral/codestral-latest', false],
    ['ollama/qwen2.5-coder:7b', false],
  ])('%s -> %s', (model, expected) => {
    expect(supportsVision(model)).toBe(expected);
  });
  it('a setting overrides the name', () => {
    expect(supportsVision('deepseek/deepseek-chat', true)).toBe(true);
    expect(supportsVision('openai/gpt-4o', false)).toBe(false);
  });
});
