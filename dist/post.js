import { createRequire as __ohCreateRequire } from 'node:module'; import { fileURLToPath as __ohFileURLToPath } from 'node:url'; import { dirname as __ohDirname } from 'node:path'; const require = __ohCreateRequire(import.meta.url); const __filename = __ohFileURLToPath(import.meta.url); const __dirname = __ohDirname(__filename);
import {
  createActionLogger,
  readActionConfig,
  registerSecrets
} from "./chunks/chunk-J76KZ5KT.js";
import "./chunks/chunk-5NQ2LZ4Y.js";
import {
  getState,
  warning
} from "./chunks/chunk-5LVJ7XEU.js";
import "./chunks/chunk-VZXAEF6X.js";
import {
  appendRecord,
  createCommenter,
  createGit,
  createGitHubApi,
  createOctokit,
  createRedactor,
  describePolicy,
  errorBody,
  errorMessage,
  findProcessed,
  gitBaseEnv,
  hostPatch,
  outputPaths,
  policyResult,
  removeCheckpoint,
  writePatchFile,
  writeTrajectory
} from "./chunks/chunk-3MLTW2AV.js";
import "./chunks/chunk-KZBIBZJS.js";
import "./chunks/chunk-2BAW3GFJ.js";

// src/action/post.ts
import { rm } from "node:fs/promises";

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
      result_explanation: `The run stopped before it finished (${opts.reason}); this record was rebuilt from its last checkpoint.${drops ? `

${drops}` : ""}`,
      error: opts.reason
    };
    await writePatchFile(paths.patchFile, policy.patch, opts.redactor);
    await writeTrajectory(paths.trajectoryFile, record.history, opts.redactor);
    await appendRecord(paths.outputFile, record, opts.redactor);
    await removeCheckpoint(paths.inflightFile);
    opts.logger.info(`Wrote the record of ${type} ${num} from its checkpoint.`);
    written.push(record);
  }
  return written;
}

// src/action/post.ts
async function post() {
  const redactor = createRedactor();
  const config = readActionConfig();
  registerSecrets(redactor, [config.token, config.llm.apiKey]);
  const logger = createActionLogger(redactor);
  try {
    if (getState("authorized") !== "true") return;
    const issueNumber = Number(getState("issue_number"));
    const outputDir = getState("output_dir") || config.outputDir;
    if (getState("record_written") !== "true") {
      const git = createGit({
        serverUrl: config.urls.serverUrl,
        token: config.token,
        authDir: config.stateDir,
        logger,
        redactor,
        env: gitBaseEnv(process.env)
      });
      const written = await recoverInflight({
        outputDir,
        reason: "the main step stopped before it wrote its record (cancelled or crashed)",
        logger,
        redactor,
        git,
        allowWorkflowChanges: config.send.allowWorkflowChanges
      });
      logger.info(`Post step: rebuilt ${written.length} record(s) from checkpoints.`);
    }
    if (getState("final_posted") !== "true" && Number.isInteger(issueNumber) && issueNumber > 0) {
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
      if (!await commenter.hasFinal()) {
        await commenter.postFinal(
          "error",
          errorBody({
            runUrl: config.run.url,
            message: "The run stopped before it could report a result (it was cancelled or crashed). Any partial work is in the resolver-output artifact."
          })
        );
        logger.info("Post step: posted the error comment the main step could not.");
      }
    }
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
