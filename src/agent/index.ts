export { runAgent } from './loop.js';
export { defaultAutoReply, MAX_CONSECUTIVE_INVALID_CALLS } from './types.js';
export type { AgentDeps, AgentOptions, AgentResult, AgentSnapshot, AgentProgress } from './types.js';
export {
  createToolRegistry,
  defaultTools,
  wantsShortDescriptions,
  type ToolRegistry,
  type DefaultToolOptions,
} from './tools/registry.js';
export type { AgentTool } from './tools/types.js';
export { detectStuck, type StuckInfo, type LoopType } from './stuck.js';
export * from './stop.js';
export { createEventLog, maskSecrets, SECRET_HIDDEN } from './history.js';
export { createMetrics } from './metrics.js';
export { buildMessages, applyCondensation, modelResponseJson } from './messages.js';
