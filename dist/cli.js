#!/usr/bin/env node
import { createRequire as __ohCreateRequire } from 'node:module'; import { fileURLToPath as __ohFileURLToPath } from 'node:url'; import { dirname as __ohDirname } from 'node:path'; const require = __ohCreateRequire(import.meta.url); const __filename = __ohFileURLToPath(import.meta.url); const __dirname = __ohDirname(__filename);
import {
  llmSettingsFrom,
  parseBoolSetting,
  parseCommentId,
  parseEnumSetting,
  parseIntSetting,
  parseNumberSetting,
  parseRepo
} from "./chunks/chunk-53E6IQI7.js";
import {
  ResolverError,
  buildSandboxEnv,
  bundledFile,
  createCancellation,
  createGit,
  createGitHubApi,
  createLlmClient,
  createOctokit,
  createPrOverview,
  createRedactor,
  createRuntimeFactory,
  describeDenials,
  errorMessage,
  findRecord,
  gitBaseEnv,
  isFatalRecordError,
  isStoppedRecord,
  readRecords,
  recordErrorCode,
  recordRunId,
  resolveGitHubUrls,
  resolveIssue,
  sendPullRequest,
  supportsVision,
  watchProcess
} from "./chunks/chunk-F3YP4XZU.js";
import "./chunks/chunk-KZBIBZJS.js";
import "./chunks/chunk-2BAW3GFJ.js";

// src/core/log.ts
function createConsoleLogger(opts = {}) {
  const out = opts.stream ?? process.stderr;
  const redact = opts.redact ?? ((t) => t);
  const write = (prefix, message) => out.write(`${prefix}${redact(message)}
`);
  return {
    debug: (m) => {
      if (opts.verbose) write("[debug] ", m);
    },
    info: (m) => write("", m),
    warn: (m) => write("warning: ", m),
    error: (m) => write("error: ", m),
    group: async (name, fn) => {
      write("== ", name);
      return fn();
    }
  };
}

// src/cli/commands.ts
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
async function resolveIssueCommand(o, env, logger) {
  const redactor2 = createRedactor([o.token, o.llm.apiKey]);
  const cancel = createCancellation();
  const api = createGitHubApi(createOctokit({ token: o.token, urls: o.urls, logger, signal: cancel.signal }), o.urls);
  const stateDir = path.join(path.resolve(o.outputDir), ".state");
  const git = createGit({
    serverUrl: o.urls.serverUrl,
    token: o.token,
    username: o.username,
    authDir: stateDir,
    logger,
    redactor: redactor2,
    env: gitBaseEnv(env),
    signal: cancel.signal
  });
  const llm = createLlmClient(o.llm, { logger });
  const sandboxEnv = buildSandboxEnv(env, { secrets: [o.token, o.llm.apiKey] });
  for (const line of describeDenials(sandboxEnv.denied)) logger.info(line);
  const runtimeFactory = createRuntimeFactory({
    logger,
    hostEnv: env,
    warmEnv: sandboxEnv.env,
    // Warm servers are only taken when they match the run's sandbox, network included.
    warmNetwork: o.network
  });
  const unwatch = watchProcess(cancel, logger);
  try {
    if (o.runtime !== "docker") await runtimeFactory.setup();
    const result = await resolveIssue(
      { github: api, git, runtimeFactory, llm, logger, redactor: redactor2 },
      {
        owner: o.owner,
        repo: o.repo,
        issueNumber: o.issueNumber,
        issueType: o.issueType,
        commentId: o.commentId,
        outputDir: path.resolve(o.outputDir),
        maxIterations: o.maxIterations,
        maxBudgetUsd: o.maxBudgetUsd,
        maxRuntimeSec: o.maxRuntimeMinutes * 60,
        targetBranch: o.targetBranch,
        promptFile: o.promptFile,
        repoInstructionFile: o.repoInstructionFile,
        runtime: { kind: o.runtime, env: sandboxEnv.env, image: o.runtimeImage ?? o.baseImage, network: o.network },
        allowWorkflowChanges: o.allowWorkflowChanges,
        vision: supportsVision(o.llm.model),
        secrets: [o.token, o.llm.apiKey ?? ""].filter((s2) => s2 !== ""),
        signal: cancel.signal,
        onProgress: (p) => {
          if (p.phase === "agent" && p.iteration !== void 0)
            logger.info(
              `[agent] iteration ${p.iteration}/${p.maxIterations ?? "?"}${p.lastAction ? `: ${p.lastAction}` : ""}`
            );
          else if (p.phase !== "agent") logger.info(`[${p.phase}]`);
        }
      }
    );
    const record = result.record;
    if (!result.skipped) {
      logger.info(`Resolved: success=${record.success}. Record appended to ${result.outputFile}.`);
      if (result.patchFile) logger.info(`Patch: ${result.patchFile}`);
    }
    if (!result.skipped && isStoppedRecord(record)) return 130;
    if (isFatalRecordError(record)) {
      const earlier = result.skipped ? ` (an earlier run's record; remove its line from ${result.outputFile} to run it again)` : "";
      logger.error(`resolve-issue failed [${recordErrorCode(record)}]${earlier}: ${record.error ?? "no error text"}`);
      return 1;
    }
    return 0;
  } finally {
    unwatch();
    await runtimeFactory.teardown();
  }
}
async function sendPullRequestCommand(o, env, logger) {
  const outputDir = path.resolve(o.outputDir);
  if (!existsSync(outputDir) || !statSync(outputDir).isDirectory())
    throw new ResolverError("config", `Output directory ${o.outputDir} does not exist.`);
  const outputFile = path.join(outputDir, "output.jsonl");
  const records = o.issueNumber !== null ? [findRecord(outputFile, o.issueNumber, logger)] : readRecords(outputFile, logger).filter((r) => r.success);
  const redactor2 = createRedactor([o.token, o.llm?.apiKey]);
  const api = createGitHubApi(createOctokit({ token: o.token, urls: o.urls, logger }), o.urls);
  const git = createGit({
    serverUrl: o.urls.serverUrl,
    token: o.token,
    username: o.username,
    authDir: path.join(outputDir, ".state"),
    logger,
    redactor: redactor2,
    env: gitBaseEnv(env)
  });
  let summarize;
  if (o.llm) {
    try {
      summarize = createPrOverview(createLlmClient(o.llm, { logger }), { logger });
    } catch (err) {
      logger.warn(`No LLM overview of PR updates: ${redactor2.redact(errorMessage(err))}`);
    }
  }
  for (const record of records) {
    const result = await sendPullRequest(
      { api, git, logger, redactor: redactor2, ...summarize ? { summarize } : {} },
      {
        outputDir,
        record,
        prType: o.prType,
        sendOnFailure: o.sendOnFailure,
        targetBranch: o.targetBranch,
        forkOwner: o.forkOwner,
        reviewer: o.reviewer,
        prTitle: o.prTitle,
        identity: o.gitUser,
        coAuthor: o.coAuthor,
        branchCollision: o.branchCollision,
        allowWorkflowChanges: o.allowWorkflowChanges,
        // The same for every send of this record: a second send edits its comments instead of adding more.
        runId: recordRunId(record)
      }
    );
    for (const w of result.warnings) logger.warn(w);
    if (result.conclusion === "no-changes") {
      logger.error("ERROR: Openhands failed to make code changes.");
      return 1;
    }
  }
  return 0;
}
function visualizeCommand(args, logger, out) {
  if (args.method !== "json") throw new ResolverError("config", `Invalid visualization method: ${args.method}`);
  const record = findRecord(path.join(args.outputDir, "output.jsonl"), args.issueNumber, logger);
  out(
    JSON.stringify(record, null, 4).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
    ) + "\n"
  );
  return 0;
}
function serveCommand(args) {
  const server = bundledFile(import.meta.url, "server.js");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [server, ...args], { stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

// src/cli/flags.ts
import { parseArgs } from "node:util";
var str = { type: "string" };
var bool = { type: "boolean" };
var githubFlags = { token: str, username: str, "base-domain": str };
var llmFlags = {
  "llm-model": str,
  "llm-api-key": str,
  "llm-base-url": str,
  "llm-api-version": str,
  "llm-replay": str,
  "native-tool-calling": str
};
var resolveIssueFlags = {
  ...githubFlags,
  ...llmFlags,
  "selected-repo": str,
  "issue-number": str,
  "issue-type": str,
  "comment-id": str,
  "max-iterations": str,
  "max-budget": str,
  "max-runtime-minutes": str,
  "output-dir": str,
  "prompt-file": str,
  "repo-instruction-file": str,
  "base-container-image": str,
  "runtime-container-image": str,
  runtime: str,
  "sandbox-network": str,
  "is-experimental": str,
  "target-branch": str,
  "replay-trajectory-path": str,
  "allow-workflow-changes": bool,
  verbose: bool,
  help: bool
};
var sendPullRequestFlags = {
  ...githubFlags,
  ...llmFlags,
  "issue-number": str,
  "output-dir": str,
  "pr-type": str,
  "fork-owner": str,
  "send-on-failure": bool,
  "target-branch": str,
  reviewer: str,
  "pr-title": str,
  "git-user-name": str,
  "git-user-email": str,
  "selected-repo": str,
  "all-successful": bool,
  "branch-collision": str,
  "co-author": str,
  "allow-workflow-changes": bool,
  verbose: bool,
  help: bool
};
function parseFlags(args, options) {
  try {
    const { values } = parseArgs({ args, options, allowPositionals: false, strict: true });
    return values;
  } catch (err) {
    throw new ResolverError("config", err instanceof Error ? err.message : String(err));
  }
}
function s(v) {
  return typeof v === "string" ? v : void 0;
}
function resolveUrls(baseDomain, env) {
  return resolveGitHubUrls({
    baseDomain: baseDomain === "github.com" ? void 0 : baseDomain,
    apiUrl: env.GITHUB_API_URL,
    graphqlUrl: env.GITHUB_GRAPHQL_URL,
    serverUrl: env.GITHUB_SERVER_URL
  });
}
function githubOptions(f, env, missingTokenMessage) {
  const token = s(f.token) ?? env.GITHUB_TOKEN ?? "";
  if (token === "") throw new ResolverError("config", missingTokenMessage);
  return { token, username: s(f.username) ?? env.GIT_USERNAME, urls: resolveUrls(s(f["base-domain"]), env) };
}
function llmOptions(f, env, required) {
  const replay = s(f["llm-replay"]);
  const model = s(f["llm-model"]) ?? env.LLM_MODEL ?? (replay ? `replay/${replay}` : void 0);
  const apiKey = s(f["llm-api-key"]) ?? env.LLM_API_KEY;
  if (model === void 0 || model === "") {
    if (!required) return null;
    throw new ResolverError(
      "config",
      "No model configured: set --llm-model or LLM_MODEL (e.g. anthropic/claude-sonnet-4-20250514)."
    );
  }
  return {
    model,
    apiKey,
    baseUrl: s(f["llm-base-url"]) ?? env.LLM_BASE_URL,
    apiVersion: s(f["llm-api-version"]) ?? env.LLM_API_VERSION,
    replayFile: replay,
    nativeToolCalling: parseBoolSetting(
      "--native-tool-calling",
      s(f["native-tool-calling"]) ?? env.LLM_NATIVE_TOOL_CALLING ?? "true"
    ),
    ...llmSettingsFrom(env)
  };
}
function resolveIssueOptions(args, env) {
  const f = parseFlags(args, resolveIssueFlags);
  const repoFlag = s(f["selected-repo"]);
  if (repoFlag === void 0) throw new ResolverError("config", "--selected-repo is required (owner/repo).");
  const numberFlag = s(f["issue-number"]);
  if (numberFlag === void 0) throw new ResolverError("config", "--issue-number is required.");
  const { owner, repo } = parseRepo(repoFlag);
  const gh = githubOptions(f, env, "Token is required.");
  const baseImage = s(f["base-container-image"]);
  const runtimeImage = s(f["runtime-container-image"]);
  if (baseImage && runtimeImage)
    throw new ResolverError("config", "Cannot provide both runtime and base container images.");
  const llm = llmOptions(f, env, true);
  if (llm === null) throw new ResolverError("config", "No model configured.");
  return {
    ...gh,
    owner,
    repo,
    issueNumber: parseIntSetting("--issue-number", numberFlag, { min: 1 }),
    issueType: parseEnumSetting("--issue-type", s(f["issue-type"]) ?? "issue", ["issue", "pr"]),
    commentId: parseCommentId("--comment-id", s(f["comment-id"])),
    maxIterations: parseIntSetting("--max-iterations", s(f["max-iterations"]) ?? "50", { min: 1 }),
    maxBudgetUsd: parseNumberSetting("--max-budget", s(f["max-budget"]) ?? "4", { min: 0 }),
    maxRuntimeMinutes: parseNumberSetting("--max-runtime-minutes", s(f["max-runtime-minutes"]) ?? "45", { min: 1 }),
    outputDir: s(f["output-dir"]) ?? "output",
    promptFile: s(f["prompt-file"]),
    repoInstructionFile: s(f["repo-instruction-file"]),
    baseImage,
    runtimeImage,
    runtime: parseEnumSetting("--runtime", s(f.runtime) ?? env.RUNTIME ?? "auto", ["auto", "local", "docker"]),
    network: parseEnumSetting("--sandbox-network", s(f["sandbox-network"]) ?? "full", [
      "full",
      "setup-only",
      "none"
    ]),
    experimental: parseBoolSetting("--is-experimental", s(f["is-experimental"]) ?? "false"),
    targetBranch: s(f["target-branch"]),
    replayTrajectoryPath: s(f["replay-trajectory-path"]),
    allowWorkflowChanges: f["allow-workflow-changes"] === true,
    llm,
    verbose: f.verbose === true
  };
}
function sendPullRequestOptions(args, env) {
  const f = parseFlags(args, sendPullRequestFlags);
  const numberFlag = s(f["issue-number"]);
  const allSuccessful = f["all-successful"] === true;
  if (numberFlag === void 0 && !allSuccessful)
    throw new ResolverError("config", "--issue-number is required (or --all-successful).");
  if (numberFlag !== void 0 && !/^\d+$/.test(numberFlag))
    throw new ResolverError("config", `Issue number ${numberFlag} is not a number.`);
  const prTypeRaw = s(f["pr-type"]) ?? "draft";
  if (!["draft", "ready", "branch"].includes(prTypeRaw))
    throw new ResolverError("config", `Invalid pr_type: ${prTypeRaw}`);
  const gh = githubOptions(f, env, "GitHub token is not set: pass --token or set GITHUB_TOKEN.");
  return {
    ...gh,
    issueNumber: numberFlag === void 0 ? null : Number(numberFlag),
    allSuccessful,
    outputDir: s(f["output-dir"]) ?? "output",
    prType: prTypeRaw,
    forkOwner: s(f["fork-owner"]),
    sendOnFailure: f["send-on-failure"] === true,
    targetBranch: s(f["target-branch"]),
    reviewer: s(f.reviewer),
    prTitle: s(f["pr-title"]),
    gitUser: { name: s(f["git-user-name"]) ?? "openhands", email: s(f["git-user-email"]) ?? "openhands@all-hands.dev" },
    branchCollision: parseEnumSetting("--branch-collision", s(f["branch-collision"]) ?? "reuse", [
      "reuse",
      "new"
    ]),
    coAuthor: s(f["co-author"]),
    allowWorkflowChanges: f["allow-workflow-changes"] === true,
    llm: llmOptions(f, env, false),
    verbose: f.verbose === true
  };
}

// src/cli/usage.ts
var USAGE = `openhands-resolver <command> [flags]

Commands:
  resolve-issue       Run the agent on one issue or PR and append a record to output.jsonl
  send-pull-request   Push a resolved record's patch and open a draft PR (or a branch)
  visualize           Print one record of output.jsonl as indented JSON
  serve               Run the action-execution server (same as node dist/server.js)
  demo                The whole pipeline offline: a local stand-in for GitHub, a recorded model, the real sandbox

Run 'openhands-resolver <command> --help' for a command's flags.
Environment: GITHUB_TOKEN, GIT_USERNAME, LLM_MODEL, LLM_API_KEY, LLM_BASE_URL, GITHUB_API_URL,
GITHUB_GRAPHQL_URL, GITHUB_SERVER_URL.
`;
var RESOLVE_ISSUE_USAGE = `openhands-resolver resolve-issue --selected-repo OWNER/REPO --issue-number N [flags]

  --selected-repo OWNER/REPO     repository (required)
  --issue-number N               issue or PR number (required)
  --issue-type issue|pr          default issue
  --comment-id ID|none           only this comment's feedback
  --token T                      default $GITHUB_TOKEN
  --username U                   git HTTP user name (default x-access-token; $GIT_USERNAME)
  --base-domain DOMAIN           GitHub Enterprise Server host (default: $GITHUB_*_URL, else github.com)
  --llm-model M                  provider/model (default $LLM_MODEL)
  --llm-api-key K                default $LLM_API_KEY
  --llm-base-url URL             OpenAI-compatible endpoint (default $LLM_BASE_URL)
  --llm-api-version V            Azure API version
  --llm-replay FILE              answer model calls from a recorded file instead of a model
  --native-tool-calling BOOL     false: tools in the prompt, calls read from the reply text
  --max-iterations N             default 50
  --max-budget USD               default 4
  --max-runtime-minutes M        default 45
  --output-dir DIR               default output
  --target-branch B              work from this branch (default: the repository default branch)
  --prompt-file F                custom instruction template (.jinja)
  --repo-instruction-file F      use this file instead of the repository's instructions
  --runtime auto|local|docker    default $RUNTIME, else auto
  --sandbox-network full|setup-only|none
  --base-container-image IMG     docker image for the sandbox
  --runtime-container-image IMG  a prepared runtime image
  --is-experimental true|false
  --replay-trajectory-path F     replay a recorded trajectory's actions
  --allow-workflow-changes       keep .github/workflows changes in the patch
  --verbose
`;
var SEND_PULL_REQUEST_USAGE = `openhands-resolver send-pull-request --issue-number N [flags]

  --issue-number N               the record to send (required unless --all-successful)
  --all-successful               send every successful record
  --output-dir DIR               default output (must exist)
  --pr-type draft|ready|branch   default draft
  --target-branch B              PR base (default: the repository default branch)
  --send-on-failure              also send unsuccessful records (as a branch)
  --allow-workflow-changes       keep .github/workflows changes (the patch is judged again)
  --fork-owner OWNER             push to OWNER's fork
  --reviewer LOGIN               request a review
  --pr-title TITLE               default "Fix issue #N: <title>"
  --git-user-name NAME           default openhands
  --git-user-email EMAIL         default openhands@all-hands.dev
  --branch-collision reuse|new   default reuse
  --co-author LOGIN              add a Co-authored-by trailer
  --token T / --username U / --base-domain D / --llm-model M / --llm-api-key K / --llm-base-url URL
  --verbose
`;

// src/cli/main.ts
function cliSecrets(argv, env) {
  const secrets = [env.GITHUB_TOKEN, env.LLM_API_KEY];
  argv.forEach((arg, i) => {
    const [flag, inline] = arg.split(/=(.*)/s);
    if (flag === "--token" || flag === "--llm-api-key") secrets.push(inline ?? argv[i + 1]);
  });
  return secrets.filter((s2) => typeof s2 === "string" && s2 !== "");
}
var redactor = createRedactor(cliSecrets(process.argv.slice(2), process.env));
async function run(argv) {
  const [command, ...rest] = argv;
  const verbose = rest.includes("--verbose");
  const logger = createConsoleLogger({ verbose, redact: (t) => redactor.redact(t) });
  const wantsHelp = rest.includes("--help") || rest.includes("-h");
  const print = (s2) => process.stdout.write(s2.endsWith("\n") ? s2 : s2 + "\n");
  switch (command) {
    case "resolve-issue":
      if (wantsHelp) return print(RESOLVE_ISSUE_USAGE), 0;
      return resolveIssueCommand(resolveIssueOptions(rest, process.env), process.env, logger);
    case "send-pull-request":
      if (wantsHelp) return print(SEND_PULL_REQUEST_USAGE), 0;
      return sendPullRequestCommand(sendPullRequestOptions(rest, process.env), process.env, logger);
    case "visualize": {
      const f = parseFlags(rest, {
        "issue-number": { type: "string" },
        "output-dir": { type: "string" },
        "vis-method": { type: "string" },
        help: { type: "boolean" }
      });
      if (f.help)
        return print("openhands-resolver visualize --issue-number N [--output-dir output] [--vis-method json]"), 0;
      if (typeof f["issue-number"] !== "string") throw new ResolverError("config", "--issue-number is required.");
      return visualizeCommand(
        {
          issueNumber: parseIntSetting("--issue-number", f["issue-number"], { min: 1 }),
          outputDir: typeof f["output-dir"] === "string" ? f["output-dir"] : "output",
          method: typeof f["vis-method"] === "string" ? f["vis-method"] : "json"
        },
        logger,
        (s2) => process.stdout.write(s2)
      );
    }
    case "serve":
      return serveCommand(rest);
    case "demo": {
      const { runDemo } = await import("./chunks/demo-GROFULCQ.js");
      return runDemo(
        createConsoleLogger({ verbose, stream: process.stderr, redact: (t) => redactor.redact(t) }),
        print
      );
    }
    case void 0:
    case "--help":
    case "-h":
    case "help":
      print(USAGE);
      return command === void 0 ? 1 : 0;
    default:
      process.stderr.write(`Unknown command '${command}'.

${USAGE}`);
      return 1;
  }
}
try {
  process.exitCode = await run(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`error: ${redactor.redact(errorMessage(err))}
`);
  process.exitCode = err instanceof ResolverError && err.code === "cancelled" ? 130 : 1;
}
process.exit(process.exitCode);
