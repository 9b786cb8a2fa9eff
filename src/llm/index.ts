export { LLM_DEFAULTS, llmConfigFrom } from './config.js';
export { createLlmClient, createOpenAiClient, defaultSleep, type LlmDeps, type SleepFn } from './client.js';
export { PROVIDERS, resolveEndpoint, inferProvider, shortModelName, type Endpoint } from './providers.js';
export { PRICES, findPrice, computeCost, type Price } from './pricing.js';
export { classifyError, parseRetryAfter, backoffSec, isContextOverflow, type RetryPolicy } from './retry.js';
export { endSentence, joinSentences, withoutSentenceEnd } from './sentences.js';
export {
  createReplayClient,
  createRecordingClient,
  loadReplayFile,
  type ReplayFile,
  type RecordedResponse,
} from './replay.js';
export { createTrajectoryReplayClient, loadTrajectory } from './trajectory-replay.js';
export { describeToolsForPrompt, parseTextToolCalls, toTextMessages } from './text-tools.js';
export type * from './types.js';
