import { createRequire as __ohCreateRequire } from 'node:module'; import { fileURLToPath as __ohFileURLToPath } from 'node:url'; import { dirname as __ohDirname } from 'node:path'; const require = __ohCreateRequire(import.meta.url); const __filename = __ohFileURLToPath(import.meta.url); const __dirname = __ohDirname(__filename);
import {
  ResolverError
} from "./chunk-F3YP4XZU.js";

// src/core/settings.ts
function parseIntSetting(name, raw, opts = {}) {
  const value = raw.trim();
  if (!/^-?\d+$/.test(value)) throw new ResolverError("config", `${name} must be a whole number; got '${raw}'.`);
  const n = Number(value);
  if (opts.min !== void 0 && n < opts.min)
    throw new ResolverError("config", `${name} must be at least ${opts.min}; got ${n}.`);
  if (opts.max !== void 0 && n > opts.max)
    throw new ResolverError("config", `${name} must be at most ${opts.max}; got ${n}.`);
  return n;
}
function parseNumberSetting(name, raw, opts = {}) {
  const n = Number(raw.trim());
  if (raw.trim() === "" || !Number.isFinite(n))
    throw new ResolverError("config", `${name} must be a number; got '${raw}'.`);
  if (opts.min !== void 0 && n < opts.min)
    throw new ResolverError("config", `${name} must be at least ${opts.min}; got ${n}.`);
  return n;
}
function parseEnumSetting(name, raw, allowed) {
  const value = raw.trim().toLowerCase();
  const hit = allowed.find((a) => a === value);
  if (hit === void 0)
    throw new ResolverError("config", `${name} must be one of ${allowed.join(", ")}; got '${raw}'.`);
  return hit;
}
function parseBoolSetting(name, raw) {
  const value = raw.trim().toLowerCase();
  if (["true", "yes", "1", "on"].includes(value)) return true;
  if (["false", "no", "0", "off", ""].includes(value)) return false;
  throw new ResolverError("config", `${name} must be true or false; got '${raw}'.`);
}
function parseCommentId(name, raw) {
  if (raw === void 0 || raw.trim() === "" || raw.trim().toLowerCase() === "none") return null;
  return parseIntSetting(name, raw, { min: 1 });
}
function parseRepo(raw) {
  const i = raw.lastIndexOf("/");
  if (i <= 0 || i === raw.length - 1)
    throw new ResolverError("config", "Invalid repository format. Expected owner/repo");
  return { owner: raw.slice(0, i), repo: raw.slice(i + 1) };
}
function parseList(raw) {
  return raw.split(/[,\n]/).map((s) => s.trim()).filter((s) => s.length > 0);
}

// src/llm/config.ts
var LLM_DEFAULTS = {
  model: "anthropic/claude-sonnet-4-20250514",
  numRetries: 5,
  retryMinWaitSec: 8,
  retryMaxWaitSec: 64,
  retryMultiplier: 8,
  timeoutSec: 300
};
function num(name, v, fallback, opts = {}) {
  if (v === void 0 || v.trim() === "") return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || opts.integer && !Number.isInteger(n) || n < (opts.min ?? 0)) {
    throw new ResolverError(
      "config",
      `${name} must be a ${opts.integer ? "whole " : ""}number \u2265 ${opts.min ?? 0}; got ${JSON.stringify(v)}.`
    );
  }
  return n;
}
function priceOverride(vars) {
  const input = vars.LLM_INPUT_COST_PER_TOKEN;
  const output = vars.LLM_OUTPUT_COST_PER_TOKEN;
  if (!input && !output) return {};
  if (!input || !output)
    throw new ResolverError(
      "config",
      "Set both LLM_INPUT_COST_PER_TOKEN and LLM_OUTPUT_COST_PER_TOKEN (USD per token), or neither."
    );
  return {
    price: {
      inputPerMTok: num("LLM_INPUT_COST_PER_TOKEN", input, 0) * 1e6,
      outputPerMTok: num("LLM_OUTPUT_COST_PER_TOKEN", output, 0) * 1e6
    }
  };
}
function llmSettingsFrom(vars) {
  const minWait = num("LLM_RETRY_MIN_WAIT", vars.LLM_RETRY_MIN_WAIT, LLM_DEFAULTS.retryMinWaitSec);
  const maxWait = num("LLM_RETRY_MAX_WAIT", vars.LLM_RETRY_MAX_WAIT, LLM_DEFAULTS.retryMaxWaitSec);
  if (maxWait < minWait)
    throw new ResolverError(
      "config",
      `LLM_RETRY_MAX_WAIT (${maxWait}) must not be below LLM_RETRY_MIN_WAIT (${minWait}).`
    );
  return {
    numRetries: num("LLM_NUM_RETRIES", vars.LLM_NUM_RETRIES, LLM_DEFAULTS.numRetries, { integer: true }),
    retryMinWaitSec: minWait,
    retryMaxWaitSec: maxWait,
    retryMultiplier: num("LLM_RETRY_MULTIPLIER", vars.LLM_RETRY_MULTIPLIER, LLM_DEFAULTS.retryMultiplier),
    timeoutSec: num("LLM_TIMEOUT", vars.LLM_TIMEOUT, LLM_DEFAULTS.timeoutSec, { min: 1 }),
    ...priceOverride(vars)
  };
}

export {
  LLM_DEFAULTS,
  llmSettingsFrom,
  parseIntSetting,
  parseNumberSetting,
  parseEnumSetting,
  parseBoolSetting,
  parseCommentId,
  parseRepo,
  parseList
};
