// Errors that cross layers carry a stable `code` so callers branch on it, never on message text.
export type ErrorCode =
  | 'config'
  | 'event'
  | 'not-found'
  | 'not-open'
  | 'auth'
  | 'permission'
  | 'git'
  | 'push'
  | 'runtime'
  | 'llm'
  | 'llm-auth'
  | 'llm-quota'
  | 'llm-context'
  | 'agent'
  | 'patch'
  | 'cancelled'
  | 'internal';

export class ResolverError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ResolverError';
    this.code = code;
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
