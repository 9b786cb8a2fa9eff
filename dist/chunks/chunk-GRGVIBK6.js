import { createRequire as __ohCreateRequire } from 'node:module'; import { fileURLToPath as __ohFileURLToPath } from 'node:url'; import { dirname as __ohDirname } from 'node:path'; const require = __ohCreateRequire(import.meta.url); const __filename = __ohFileURLToPath(import.meta.url); const __dirname = __ohDirname(__filename);
import {
  getInput
} from "./chunk-5LVJ7XEU.js";
import {
  ResolverError,
  resolveGitHubUrls
} from "./chunk-WKZJ5HY4.js";

// src/action/inputs.ts
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

// src/action/config.ts
import path from "node:path";
import os from "node:os";

// src/llm/config.ts
var LLM_DEFAULTS = {
  model: "anthropic/claude-sonnet-4-20250514",
  numRetries: 5,
  retryMinWaitSec: 8,
  retryMaxWaitSec: 64,
  retryMultiplier: 8,
  timeoutSec: 300
};

// src/action/config.ts
function readLlmEnvSettings(env) {
  const num = (name, fallback) => env[name] === void 0 || env[name] === "" ? fallback : parseNumberSetting(name, env[name] ?? "", { min: 0 });
  return {
    numRetries: num("LLM_NUM_RETRIES", LLM_DEFAULTS.numRetries),
    retryMinWaitSec: num("LLM_RETRY_MIN_WAIT", LLM_DEFAULTS.retryMinWaitSec),
    retryMaxWaitSec: num("LLM_RETRY_MAX_WAIT", LLM_DEFAULTS.retryMaxWaitSec),
    retryMultiplier: num("LLM_RETRY_MULTIPLIER", LLM_DEFAULTS.retryMultiplier),
    timeoutSec: num("LLM_TIMEOUT", LLM_DEFAULTS.timeoutSec),
    ...priceOverride(env)
  };
}
function priceOverride(env) {
  const input = env.LLM_INPUT_COST_PER_TOKEN;
  const output = env.LLM_OUTPUT_COST_PER_TOKEN;
  if (!input && !output) return {};
  if (!input || !output)
    throw new ResolverError(
      "config",
      "Set both LLM_INPUT_COST_PER_TOKEN and LLM_OUTPUT_COST_PER_TOKEN (USD per token), or neither."
    );
  const perM = (name, v) => parseNumberSetting(name, v, { min: 0 }) * 1e6;
  return {
    price: {
      inputPerMTok: perM("LLM_INPUT_COST_PER_TOKEN", input),
      outputPerMTok: perM("LLM_OUTPUT_COST_PER_TOKEN", output)
    }
  };
}
function urlsFromEnv(env) {
  return resolveGitHubUrls({
    apiUrl: env.GITHUB_API_URL,
    graphqlUrl: env.GITHUB_GRAPHQL_URL,
    serverUrl: env.GITHUB_SERVER_URL
  });
}
function readActionConfig(env = process.env) {
  const input = (name) => getInput(name);
  const optional = (name) => {
    const v = input(name).trim();
    return v === "" ? null : v;
  };
  const repository = parseRepo(env.GITHUB_REPOSITORY ?? "");
  const eventPath = env.GITHUB_EVENT_PATH ?? "";
  if (eventPath === "")
    throw new ResolverError("event", "GITHUB_EVENT_PATH is not set; run this action from a workflow.");
  const urls = urlsFromEnv(env);
  const runId = env.GITHUB_RUN_ID ?? "local";
  const runnerTemp = env.RUNNER_TEMP || os.tmpdir();
  const outputDir = optional("output-dir") ?? path.join(runnerTemp, "openhands", "output");
  const baseImage = optional("base-container-image");
  const runtimeImage = optional("runtime-container-image");
  if (baseImage !== null && runtimeImage !== null)
    throw new ResolverError("config", "Cannot provide both runtime and base container images.");
  const macro = input("macro").trim();
  if (macro === "")
    throw new ResolverError("config", "Input 'macro' must not be empty; the default is @openhands-agent.");
  const allowedBots = parseList(input("allowed-bots"));
  if (allowedBots.some((b) => b.includes("*")))
    throw new ResolverError(
      "config",
      "Input 'allowed-bots' lists exact bot logins; wildcards like '*' are not allowed."
    );
  const llmEnv = readLlmEnvSettings(env);
  const llm = {
    model: input("llm-model").trim() || LLM_DEFAULTS.model,
    apiKey: input("llm-api-key"),
    baseUrl: optional("llm-base-url") ?? void 0,
    apiVersion: optional("llm-api-version") ?? void 0,
    nativeToolCalling: parseBoolSetting("native-tool-calling", input("native-tool-calling") || "true"),
    ...llmEnv
  };
  const dispatchNumber = optional("issue-number");
  return {
    token: input("github-token"),
    repository,
    eventName: env.GITHUB_EVENT_NAME ?? "",
    eventPath,
    actor: env.GITHUB_ACTOR ?? "",
    urls,
    run: {
      id: runId,
      attempt: env.GITHUB_RUN_ATTEMPT ?? "1",
      url: `${urls.serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${runId}`
    },
    outputDir,
    stateDir: path.join(runnerTemp, "openhands", "state"),
    llm,
    limits: {
      maxIterations: parseIntSetting("max-iterations", input("max-iterations"), { min: 1 }),
      maxBudgetUsd: parseNumberSetting("max-budget", input("max-budget"), { min: 0 }),
      maxRuntimeMinutes: parseNumberSetting("max-runtime-minutes", input("max-runtime-minutes"), { min: 1 })
    },
    trigger: {
      macro,
      label: input("label").trim() || "fix-me",
      experimentalLabel: input("experimental-label").trim() || "fix-me-experimental",
      allowedBots
    },
    send: {
      targetBranch: optional("target-branch"),
      prType: parseEnumSetting("pr-type", input("pr-type"), ["draft", "ready", "branch"]),
      prTitle: optional("pr-title"),
      sendOnFailure: parseBoolSetting("send-on-failure", input("send-on-failure")),
      reviewer: optional("reviewer"),
      forkOwner: optional("fork-owner"),
      gitUser: {
        name: input("git-user-name") || "openhands",
        email: input("git-user-email") || "openhands@all-hands.dev"
      },
      patUsername: input("pat-username") || "openhands-agent",
      branchCollision: parseEnumSetting("branch-collision", input("branch-collision"), ["reuse", "new"]),
      allowWorkflowChanges: parseBoolSetting("allow-workflow-changes", input("allow-workflow-changes")),
      resolveThreads: parseBoolSetting("resolve-threads", input("resolve-threads"))
    },
    sandbox: {
      runtime: parseEnumSetting("runtime", input("runtime") || "auto", ["auto", "local", "docker"]),
      baseImage,
      runtimeImage,
      experimentalImage: optional("experimental-sandbox-image"),
      network: parseEnumSetting("sandbox-network", input("sandbox-network") || "full", [
        "full",
        "setup-only",
        "none"
      ])
    },
    dispatch: {
      issueNumber: dispatchNumber === null ? null : parseIntSetting("issue-number", dispatchNumber, { min: 1 }),
      issueType: optional("issue-type") === null ? null : parseEnumSetting("issue-type", input("issue-type"), ["issue", "pr"]),
      commentId: parseCommentId("comment-id", input("comment-id"))
    }
  };
}

export {
  parseIntSetting,
  parseNumberSetting,
  parseEnumSetting,
  parseBoolSetting,
  parseCommentId,
  parseRepo,
  readLlmEnvSettings,
  readActionConfig
};
