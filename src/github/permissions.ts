// Who may trigger a run (resolver.md §2.2, security.md §2). Pure rules first; the permission API decides the
// rest and every failure of it denies (fail closed).
import { ResolverError, errorMessage } from '../core/errors.js';
import type { EventActor, TriggerTarget } from './event.js';
import type { GitHubApi, Permission, RepoRef } from './types.js';

/** The workflow token's identity: always treated as ourselves. */
export const WORKFLOW_BOT = 'github-actions[bot]';

export interface ActorPolicy {
  /** Exact bot logins allowed to trigger (no wildcards). A listed bot skips the permission call. */
  allowedBots: readonly string[];
  /** Our own identities: the workflow bot, the PAT's `GET /user` login, `pat-username`. */
  selfLogins: readonly string[];
}

export type AuthDecision =
  | { allowed: true; actor: string; via: 'permission'; permission: Permission }
  | { allowed: true; actor: string; via: 'allowed-bot' }
  | { allowed: false; actor: string | null; reason: string };

export type PreAuthorization =
  | { kind: 'deny'; reason: string }
  | { kind: 'allow-bot'; login: string }
  | { kind: 'check'; login: string };

/** `*` or any wildcard in allowed-bots is a configuration error (security.md §2). */
export function validateAllowedBots(list: readonly string[]): string[] {
  const out = list.map((b) => b.trim()).filter((b) => b !== '');
  const bad = out.find((b) => b.includes('*') || b.includes('?'));
  if (bad !== undefined) {
    throw new ResolverError(
      'config',
      `allowed-bots lists exact bot logins (e.g. renovate[bot]); the wildcard ${JSON.stringify(bad)} is not allowed.`,
    );
  }
  return out;
}

/** Our identities for the self-loop guard; empty values are dropped. */
export function selfLogins(opts: { authenticatedLogin?: string | null; patUsername?: string | null } = {}): string[] {
  const out = [WORKFLOW_BOT];
  for (const v of [opts.authenticatedLogin, opts.patUsername]) if (v && v.trim() !== '') out.push(v.trim());
  return out;
}

export function isBot(actor: Pick<EventActor, 'login' | 'type'>): boolean {
  return actor.type === 'Bot' || (actor.login ?? '').toLowerCase().endsWith('[bot]');
}

const sameLogin = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The pure part of authorisation: ghosts, actor ≠ author, ourselves, bots. */
export function preAuthorize(
  target: Pick<TriggerTarget, 'sender' | 'author' | 'eventName'>,
  policy: ActorPolicy,
): PreAuthorization {
  const login = target.sender.login;
  if (!login) return { kind: 'deny', reason: 'The event has no sender (a deleted "ghost" account); denied.' };
  if (target.author !== null) {
    if (!target.author.login) return { kind: 'deny', reason: 'The comment has no author (a deleted account); denied.' };
    if (!sameLogin(target.author.login, login)) {
      return {
        kind: 'deny',
        reason: `The sender ${login} is not the author ${target.author.login} of the triggering comment; denied.`,
      };
    }
  }
  if (policy.selfLogins.some((s) => sameLogin(s, login))) {
    return { kind: 'deny', reason: `The sender ${login} is this resolver's own identity; ignoring to avoid a loop.` };
  }
  if (isBot({ login, type: target.sender.type })) {
    if (policy.allowedBots.includes(login)) return { kind: 'allow-bot', login };
    return { kind: 'deny', reason: `The sender ${login} is a bot not listed in allowed-bots; denied.` };
  }
  return { kind: 'check', login };
}

/** admin, maintain and write may trigger; triage, read and none may not. */
export function permissionAllows(p: Permission): boolean {
  return p === 'admin' || p === 'maintain' || p === 'write';
}

/** Full authorisation: the pure rules, then `GET …/collaborators/{login}/permission` (errors deny). */
export async function authorize(
  api: Pick<GitHubApi, 'getPermission'>,
  repo: RepoRef,
  target: Pick<TriggerTarget, 'sender' | 'author' | 'eventName'>,
  policy: ActorPolicy,
): Promise<AuthDecision> {
  const pre = preAuthorize(target, policy);
  if (pre.kind === 'deny') return { allowed: false, actor: target.sender.login, reason: pre.reason };
  if (pre.kind === 'allow-bot') return { allowed: true, actor: pre.login, via: 'allowed-bot' };
  let permission: Permission;
  try {
    permission = await api.getPermission(repo, pre.login);
  } catch (err) {
    const notUser = err instanceof ResolverError && err.code === 'not-found';
    return {
      allowed: false,
      actor: pre.login,
      reason: notUser
        ? `${pre.login} is not a user with access to ${repo.owner}/${repo.repo} (an App without the [bot] suffix?); denied.`
        : `Could not check the permission of ${pre.login} (${errorMessage(err)}); denied.`,
    };
  }
  if (!permissionAllows(permission)) {
    return {
      allowed: false,
      actor: pre.login,
      reason: `${pre.login} has ${permission} permission on ${repo.owner}/${repo.repo}; write, maintain or admin is needed.`,
    };
  }
  return { allowed: true, actor: pre.login, via: 'permission', permission };
}
