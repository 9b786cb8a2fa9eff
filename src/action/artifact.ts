// Uploads output.jsonl, the patches and the trajectories as the `resolver-output` artifact
// (DESIGN.md §8.14). Without the runner's artifact service (tests, local runs) it is skipped with a line.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../core/log.js';

export const ARTIFACT_NAME = 'resolver-output';

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const full = path.join(dir, name);
    const s = await stat(full).catch(() => null);
    if (s?.isDirectory()) out.push(...(await listFiles(full)));
    else if (s?.isFile()) out.push(full);
  }
  return out;
}

/** The files of the artifact: output.jsonl, every patch and every trajectory of the output folder. */
export async function artifactFiles(outputDir: string): Promise<string[]> {
  return [
    path.join(outputDir, 'output.jsonl'),
    ...(await listFiles(path.join(outputDir, 'patches'))).filter((f) => f.endsWith('.patch')),
    ...(await listFiles(path.join(outputDir, 'trajectories'))),
  ];
}

export async function uploadResults(
  outputDir: string,
  logger: Logger,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<void> {
  const files = await artifactFiles(outputDir);
  const runtimeUrl = env.ACTIONS_RESULTS_URL ?? env.ACTIONS_RUNTIME_URL;
  if (!runtimeUrl) {
    logger.info(
      `No artifact service on this runner; skipping the ${ARTIFACT_NAME} upload (${files.length} files are in ${outputDir}).`,
    );
    return;
  }
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const { id, size } = await client.uploadArtifact(ARTIFACT_NAME, files, outputDir, { retentionDays: 30 });
  logger.info(`Uploaded artifact ${ARTIFACT_NAME} (id ${id}, ${size} bytes).`);
}
