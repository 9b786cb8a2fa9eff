// The model seam. The agent speaks these neutral types; src/llm turns them into a wire format.

export interface ToolCall {
  id: string;
  name: string;
  /** Raw JSON text exactly as the model produced it (may be invalid). */
  arguments: string;
}

export type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; url: string };

export type Message =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | ContentPart[] }
  | { role: 'assistant'; content: string | null; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
}

export interface TokenUsage {
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  context_window: number;
  per_turn_token: number;
  response_id: string;
}

/** Accumulated cost and token metrics of a run (runtime.md §11), as stored in output.jsonl `metrics`. */
export interface Metrics {
  accumulated_cost: number;
  max_budget_per_task: number | null;
  accumulated_token_usage: TokenUsage;
  costs: { model: string; cost: number; timestamp: number }[];
  response_latencies: { model: string; latency: number; response_id: string }[];
  token_usages: TokenUsage[];
  // Ours, appended: iterations run, wall-clock duration, prompt tokens per step.
  iterations?: number;
  duration_sec?: number;
  prompt_tokens_per_step?: number[];
  cost_known?: boolean;
}

export interface Completion {
  content: string | null;
  toolCalls: ToolCall[];
  usage: TokenUsage;
  /** USD, or null when the model's price is unknown. */
  cost: number | null;
  responseId: string;
  latencySec: number;
  finishReason: string | null;
}

export interface CompletionRequest {
  messages: Message[];
  tools?: ToolSpec[];
  /** 'required' forces a tool call (used for the wrap-up turn). */
  toolChoice?: 'auto' | 'required' | 'none';
  signal?: AbortSignal;
}

export interface LlmClient {
  /** The model name as configured (provider/model). */
  readonly model: string;
  complete(req: CompletionRequest): Promise<Completion>;
}

export interface LlmConfig {
  model: string;
  apiKey?: string;
  baseUrl?: string;
  apiVersion?: string;
  numRetries: number;
  retryMinWaitSec: number;
  retryMaxWaitSec: number;
  retryMultiplier: number;
  timeoutSec: number;
  nativeToolCalling?: boolean;
  /** A recorded file of model responses that stands in for the model (DESIGN.md §8.10). */
  replayFile?: string;
  /** USD per million tokens, overriding the built-in price table for this model. */
  price?: { inputPerMTok: number; outputPerMTok: number; cacheReadPerMTok?: number };
}
