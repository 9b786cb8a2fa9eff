// The workspace boundary for file and editor actions (DESIGN.md §8.7): a path is allowed when, after
// resolving every symlink of its longest existing prefix, it lies inside the workspace's real path.
import { realpathSync } from 'node:fs';
import path from 'node:path';

export class PathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathError';
  }
}

/** Resolves symlinks of the longest existing prefix of an absolute path; the rest is appended as is. */
export function realpathLenient(abs: string): string {
  let current = path.resolve(abs);
  const rest: string[] = [];
  for (;;) {
    try {
      const real = realpathSync(current);
      return rest.length ? path.join(real, ...rest.reverse()) : real;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...rest.reverse());
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export interface WorkspacePolicy {
  readonly root: string;
  /** Throws PathError when `abs` (absolute) leaves the workspace; returns the resolved real path. */
  check(abs: string): string;
}

export function createWorkspacePolicy(root: string): WorkspacePolicy {
  const realRoot = realpathLenient(root);
  return {
    root,
    check(abs: string): string {
      const normal = path.resolve(abs);
      const real = realpathLenient(normal);
      if (isInside(realRoot, real)) return real;
      if (!isInside(realRoot, normal) && !isInside(root, normal)) {
        throw new PathError(
          `The path ${abs} is outside the workspace ${root}. Only files inside the workspace can be read or edited.`,
        );
      }
      throw new PathError(
        `The path ${abs} resolves through a symlink to ${real}, which is outside the workspace ${root}. ` +
          'Only files inside the workspace can be read or edited.',
      );
    },
  };
}
