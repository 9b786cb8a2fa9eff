import { createRequire as __ohCreateRequire } from 'node:module'; import { fileURLToPath as __ohFileURLToPath } from 'node:url'; import { dirname as __ohDirname } from 'node:path'; const require = __ohCreateRequire(import.meta.url); const __filename = __ohFileURLToPath(import.meta.url); const __dirname = __ohDirname(__filename);
import {
  createActionLogger,
  readActionConfig,
  registerSecrets,
  uploadIfAny
} from "./chunks/chunk-QHFHNITD.js";
import "./chunks/chunk-53E6IQI7.js";
import {
  getState,
  warning
} from "./chunks/chunk-5LVJ7XEU.js";
import {
  salvage
} from "./chunks/chunk-KJS3KLSQ.js";
import {
  PHASE_WHILE,
  appendRecord,
  createCommenter,
  createGit,
  createGitHubApi,
  createOctokit,
  createRedactor,
  describePolicy,
  errorMessage,
  findProcessed,
  gitBaseEnv,
  hostPatch,
  killProcessesNaming,
  outputPaths,
  policyResult,
  readRecords,
  removeCheckpoint,
  removePatchFile,
  startBody,
  stoppedPhases,
  sweepLeftovers,
  writePatchFile,
  writeTrajectory
} from "./chunks/chunk-F3YP4XZU.js";
import "./chunks/chunk-KZBIBZJS.js";
import "./chunks/chunk-2BAW3GFJ.js";

// src/action/post.ts
import { rm } from "node:fs/promises";
import path2 from "node:path";

// src/resolver/recover.ts
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
var RECOVER_TIMEOUT_MS = 5 * 60 * 1e3;
async function recoverInflight(opts) {
  const dir = path.join(opts.outputDir, ".inflight");
  let names;
  try {
    names = (await readdir(dir)).filter((n) => /^(issue|pr)_\d+\.json$/.test(n));
  } catch {
    return [];
  }
  const written = [];
  const deadline = Date.now() + (opts.timeoutMs ?? RECOVER_TIMEOUT_MS);
  for (const name of names) {
    const [type, num] = name.replace(/\.json$/, "").split("_");
    const paths = outputPaths(opts.outputDir, type, Number(num));
    let cp;
    try {
      cp = JSON.parse(await readFile(path.join(dir, name), "utf8"));
    } catch (err) {
      opts.logger.warn(`Checkpoint ${name} is unreadable (${errorMessage(err)}); leaving it.`);
      continue;
    }
    if (!cp.issue) continue;
    if (findProcessed(paths.outputFile, cp.issue, opts.logger)) {
      await removeCheckpoint(paths.inflightFile);
      continue;
    }
    let policy = { patch: null, dropped: [], flagged: [] };
    if (opts.git && cp.base_commit) {
      try {
        policy = policyResult(
          await hostPatch(opts.git, {
            repoDir: paths.repoDir,
            workspaceDir: paths.workspaceDir,
            baseCommit: cp.base_commit,
            allowWorkflowChanges: opts.allowWorkflowChanges,
            timeoutMs: Math.max(1e3, deadline - Date.now())
          })
        );
      } catch (err) {
        opts.logger.warn(`Recovering the patch of ${name} failed: ${errorMessage(err)}`);
        policy = { patch: null, dropped: [], flagged: [], error: `Recovering the patch failed: ${errorMessage(err)}` };
      }
    }
    const drops = describePolicy(policy);
    const phase = typeof cp.phase === "string" && cp.phase in PHASE_WHILE ? cp.phase : "agent";
    const record = {
      issue: cp.issue,
      issue_type: type,
      instruction: cp.instruction ?? "",
      base_commit: cp.base_commit ?? "",
      git_patch: policy.patch,
      history: cp.history ?? [],
      metrics: cp.metrics ?? null,
      success: false,
      comment_success: null,
      result_explanation: `The run stopped while ${PHASE_WHILE[phase]} (${opts.reason}); this record was rebuilt from its last checkpoint.${drops ? `

${drops}` : ""}`,
      error: opts.reason,
      error_code: "cancelled",
      stopped_in: phase
    };
    if ((policy.patch ?? "").trim() !== "") await writePatchFile(paths.patchFile, policy.patch, opts.redactor);
    else await removePatchFile(paths.patchFile);
    await writeTrajectory(paths.trajectoryFile, record.history, opts.redactor);
    await appendRecord(paths.outputFile, record, opts.redactor);
    await removeCheckpoint(paths.inflightFile);
    opts.logger.info(`Wrote the record of ${type} ${num} from its checkpoint.`);
    written.push(record);
  }
  return written;
}

// src/action/post.ts
function parseJson(text, fallback) {
  try {
    return text ? JSON.parse(text) : fallback;
  } catch {
    return fallback;
  }
}
async function post() {
  const redactor = createRedactor();
  const config = readActionConfig();
  registerSecrets(redactor, [config.token, config.llm.apiKey]);
  const logger = createActionLogger(redactor);
  try {
    if (getState("authorized") !== "true" || getState("finished") === "true") return;
    const issueNumber = Number(getState("issue_number"));
    const outputDir = getState("output_dir") || config.outputDir;
    const saved = getState("phase");
    const phase = saved in PHASE_WHILE ? saved : "context";
    const killed = "the main step was killed";
    const stop = { error: killed, code: "cancelled", message: killed };
    logger.warn(`Post step: the main step did not finish (it was killed while ${PHASE_WHILE[phase]}).`);
    const gits = killProcessesNaming(config.stateDir);
    if (gits.length > 0) logger.info(`Post step: stopped ${gits.length} git process(es) the main step left.`);
    const left = await sweepLeftovers({ logger, docker: config.sandbox.runtime !== "local" });
    if (left.dirs.length + left.containers.length > 0)
      logger.info(
        `Post step: removed ${left.dirs.length} sandbox folder(s) and ${left.containers.length} container(s) the main step left.`
      );
    const git = createGit({
      serverUrl: config.urls.serverUrl,
      token: config.token,
      authDir: config.stateDir,
      logger,
      redactor,
      env: gitBaseEnv(process.env)
    });
    const outputFile = path2.join(outputDir, "output.jsonl");
    if (getState("record_written") !== "true") {
      const written = await recoverInflight({
        outputDir,
        reason: killed,
        logger,
        redactor,
        git,
        allowWorkflowChanges: config.send.allowWorkflowChanges
      });
      logger.info(`Post step: rebuilt ${written.length} record(s) from checkpoints.`);
    }
    if (!Number.isInteger(issueNumber) || issueNumber <= 0) return;
    const record = readRecords(outputFile, logger).find((r) => r.issue?.number === issueNumber) ?? null;
    const api = createGitHubApi(createOctokit({ token: config.token, urls: config.urls, logger }), config.urls);
    const commenter = createCommenter({
      api,
      repo: config.repository,
      number: issueNumber,
      runId: config.run.id,
      redactor,
      logger,
      macro: config.trigger.macro
    });
    const phases = parseJson(getState("progress"), []);
    const issueType = getState("issue_type") === "pr" ? "pr" : "issue";
    await salvage(
      {
        api,
        git,
        commenter,
        logger,
        redactor,
        showStopped: async (detail) => {
          await commenter.progress(
            startBody({
              issueType,
              number: issueNumber,
              runUrl: config.run.url,
              phases: stoppedPhases(phases, detail)
            })
          );
        }
      },
      {
        config: { ...config, outputDir },
        record,
        stop,
        phase,
        delivered: parseJson(getState("delivered"), null),
        // This attempt's final comment; an earlier attempt's is replaced (postFinal edits it).
        finalPosted: getState("final_posted") === "true"
      }
    );
    if (getState("artifact_uploaded") !== "true") await uploadIfAny(outputDir, logger);
  } finally {
    await rm(config.stateDir, { recursive: true, force: true });
  }
}
try {
  await post();
} catch (err) {
  warning(`Post step: ${errorMessage(err)}`);
}
process.exit(0);
