import { createRequire as __ohCreateRequire } from 'node:module'; import { fileURLToPath as __ohFileURLToPath } from 'node:url'; import { dirname as __ohDirname } from 'node:path'; const require = __ohCreateRequire(import.meta.url); const __filename = __ohFileURLToPath(import.meta.url); const __dirname = __ohDirname(__filename);
import {
  LLM_DEFAULTS,
  llmSettingsFrom,
  parseBoolSetting,
  parseCommentId,
  parseEnumSetting,
  parseIntSetting,
  parseList,
  parseNumberSetting,
  parseRepo
} from "./chunk-53E6IQI7.js";
import {
  debug,
  error,
  getInput,
  group,
  info,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-5LVJ7XEU.js";
import {
  runJob
} from "./chunk-KJS3KLSQ.js";
import {
  ResolverError,
  createCancellation,
  createRedactor,
  errorMessage,
  quoteUntrusted,
  quoteUntrustedInline,
  urlsFromEnv,
  watchProcess
} from "./chunk-F3YP4XZU.js";

// src/action/config.ts
import path from "node:path";
import os from "node:os";
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
  const llmEnv = llmSettingsFrom(env);
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

// src/action/logger.ts
import { randomUUID } from "node:crypto";
function createActionLogger(redactor, write = (l) => process.stdout.write(l + "\n")) {
  const stopToken = `oh-${randomUUID()}`;
  const fenced = (emit) => (message) => {
    const text = redactor.redact(message);
    if (!text.includes("::")) return emit(text);
    write(`::stop-commands::${stopToken}`);
    emit(text);
    write(`::${stopToken}::`);
  };
  return {
    // core escapes newlines inside ::debug/::warning/::error data, so only plain lines need the fence.
    debug: (m) => debug(redactor.redact(m)),
    info: fenced((m) => info(m)),
    warn: (m) => warning(redactor.redact(m)),
    error: (m) => error(redactor.redact(m)),
    group: (name, fn) => group(redactor.redact(name), fn)
  };
}

// src/action/main.ts
import { existsSync, readFileSync } from "node:fs";
import path3 from "node:path";

// src/action/artifact.ts
import { readdir, stat } from "node:fs/promises";
import path2 from "node:path";
var ARTIFACT_NAME = "resolver-output";
async function listFiles(dir) {
  const out = [];
  for (const name of await readdir(dir).catch(() => [])) {
    const full = path2.join(dir, name);
    const s = await stat(full).catch(() => null);
    if (s?.isDirectory()) out.push(...await listFiles(full));
    else if (s?.isFile()) out.push(full);
  }
  return out;
}
async function artifactFiles(outputDir) {
  return [
    path2.join(outputDir, "output.jsonl"),
    ...(await listFiles(path2.join(outputDir, "patches"))).filter((f) => f.endsWith(".patch")),
    ...await listFiles(path2.join(outputDir, "trajectories"))
  ];
}
async function uploadResults(outputDir, logger, env = {}) {
  const files = await artifactFiles(outputDir);
  const runtimeUrl = env.ACTIONS_RESULTS_URL ?? env.ACTIONS_RUNTIME_URL;
  if (!runtimeUrl) {
    logger.info(
      `No artifact service on this runner; skipping the ${ARTIFACT_NAME} upload (${files.length} files are in ${outputDir}).`
    );
    return;
  }
  const { DefaultArtifactClient } = await import("./artifact-2VJWIKJF.js");
  const client = new DefaultArtifactClient();
  const { id, size } = await client.uploadArtifact(ARTIFACT_NAME, files, outputDir, { retentionDays: 30 });
  logger.info(`Uploaded artifact ${ARTIFACT_NAME} (id ${id}, ${size} bytes).`);
}

// src/action/report.ts
function setOutputs(o) {
  const metrics = o.record?.metrics ?? null;
  setOutput("success", o.success ? "true" : "false");
  setOutput("conclusion", o.conclusion);
  setOutput("output-file", o.outputFile ?? "");
  setOutput("pr-url", o.prUrl ?? "");
  setOutput("pr-number", o.prNumber === null ? "" : String(o.prNumber));
  setOutput("branch", o.branch ?? "");
  setOutput("cost", metrics ? metrics.accumulated_cost.toFixed(4) : "");
  setOutput("iterations", metrics?.iterations === void 0 ? "" : String(metrics.iterations));
}
var MAX_SUMMARY_TRANSCRIPT = 2e5;
function escapeCell(text) {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function transcriptLine(e) {
  const one = (t, max) => t.replace(/\s+/g, " ").trim().slice(0, max);
  if ("action" in e) {
    const a = e;
    switch (a.action) {
      case "run":
        return `${a.source ?? "agent"} ran: ${one(a.args.command.split("\n")[0] ?? "", 300)}`;
      case "message":
        return `${a.source ?? "agent"}: ${one(a.args.content, 300)}`;
      case "finish":
        return `agent finished: ${one(a.args.final_thought, 500)}`;
      case "think":
        return `agent thought: ${one(a.args.thought, 300)}`;
      case "read":
      case "edit":
        return `agent ${a.action === "read" ? "viewed" : `edited (${a.args.command})`} ${one(a.args.path, 300)}`;
      default:
        return `${a.source ?? "agent"} ${a.action}`;
    }
  }
  const firstLine = e.content.split("\n").find((l) => l.trim() !== "") ?? "";
  return `    \u2192 ${e.observation}: ${one(firstLine, 200)}`;
}
function summaryMarkdown(o, redactor) {
  const m = o.record?.metrics ?? null;
  const usage = m?.accumulated_token_usage;
  const rows = [
    // The reason can echo error text from the model or the issue: inline code, no Markdown of its own.
    ["Outcome", o.conclusion + (o.reason ? ` ${quoteUntrustedInline(o.reason, 300)}` : "")],
    ["Pull request", o.prUrl ?? "\u2014"],
    ["Branch", o.branch ?? "\u2014"],
    ["Iterations", m?.iterations === void 0 ? "\u2014" : String(m.iterations)],
    ["Tokens (prompt / completion)", usage ? `${usage.prompt_tokens} / ${usage.completion_tokens}` : "\u2014"],
    [
      "Cost (USD)",
      m ? m.cost_known === false ? "unknown (price not in the table)" : m.accumulated_cost.toFixed(4) : "\u2014"
    ],
    ["Duration", `${o.durationSec.toFixed(1)} s`]
  ];
  const lines = [
    "## OpenHands resolver",
    "",
    "| | |",
    "|---|---|",
    ...rows.map(([k, v]) => `| ${k} | ${escapeCell(v)} |`)
  ];
  if (o.record?.result_explanation) {
    lines.push("", "### Explanation", "", quoteUntrusted(o.record.result_explanation));
  }
  if (o.record && o.record.history.length > 0) {
    const transcript = quoteUntrusted(o.record.history.map(transcriptLine).join("\n"), MAX_SUMMARY_TRANSCRIPT);
    lines.push("", "<details><summary>Transcript</summary>", "", transcript, "", "</details>");
  }
  return redactor.redact(lines.join("\n") + "\n");
}

// src/action/main.ts
function registerSecrets(redactor, secrets) {
  for (const s of secrets) for (const form of redactor.add(s)) setSecret(form);
}
function readPayload(eventPath) {
  let text;
  try {
    text = readFileSync(eventPath, "utf8");
  } catch (err) {
    throw new ResolverError("event", `Cannot read the event payload at GITHUB_EVENT_PATH (${errorMessage(err)}).`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ResolverError("event", "The event payload at GITHUB_EVENT_PATH is not valid JSON.");
  }
}
async function main() {
  const redactor = createRedactor();
  let config;
  try {
    config = readActionConfig();
  } catch (err) {
    setOutput("conclusion", "error");
    setFailed(errorMessage(err));
    return;
  }
  registerSecrets(redactor, [config.token, config.llm.apiKey]);
  const logger = createActionLogger(redactor);
  const cancel = createCancellation();
  watchProcess(cancel, logger);
  cancel.grace.addEventListener("abort", () => setTimeout(() => process.exit(1), HARD_EXIT_MS).unref(), {
    once: true
  });
  let result;
  try {
    const payload = readPayload(config.eventPath);
    result = await runJob(config, payload, {
      logger,
      redactor,
      hostEnv: process.env,
      saveState: (name, value) => saveState(name, value),
      signal: cancel.signal,
      grace: cancel.grace
    });
  } catch (err) {
    setOutput("conclusion", "error");
    setFailed(redactor.redact(errorMessage(err)));
    await uploadIfAny(config.outputDir, logger);
    saveState("finished", "true");
    return;
  }
  setOutputs(result);
  await summary.addRaw(summaryMarkdown(result, redactor)).write();
  await uploadIfAny(config.outputDir, logger);
  saveState("finished", "true");
  if (result.conclusion === "error") setFailed(result.reason ?? "The run failed.");
  else logger.info(`Conclusion: ${result.conclusion}${result.prUrl ? ` (${result.prUrl})` : ""}.`);
}
var HARD_EXIT_MS = 5e3;
async function uploadIfAny(outputDir, logger) {
  if (!existsSync(path3.join(outputDir, "output.jsonl"))) return;
  try {
    await uploadResults(outputDir, logger, process.env);
    saveState("artifact_uploaded", "true");
  } catch (err) {
    logger.warn(`Artifact upload failed: ${errorMessage(err)}`);
  }
}

export {
  readActionConfig,
  createActionLogger,
  registerSecrets,
  main,
  uploadIfAny
};
