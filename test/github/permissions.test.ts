import { describe, expect, it } from 'vitest';
import { ResolverError } from '../../src/core/errors.js';
import type { EventActor } from '../../src/github/event.js';
import {
  authorize,
  permissionAllows,
  selfLogins,
  validateAllowedBots,
  type ActorPolicy,
} from '../../src/github/permissions.js';
import type { Permission } from '../../src/github/types.js';

const repo = { owner: 'octo', repo: 'hello' };
const user = (login: string | null, type: string | null = 'User'): EventActor => ({ login, type, id: 1 });
const policy: ActorPolicy = {
  allowedBots: ['renovate[bot]'],
  selfLogins: selfLogins({ patUsername: 'openhands-agent' }),
};

/** The permission API as GitHub answers it: a permission per login, 404 for non-users, or an outage. */
function permissionApi(table: Record<string, Permission | 'not-a-user' | 'error'>) {
  const calls: string[] = [];
  return {
    calls,
    async getPermission(_r: typeof repo, login: string): Promise<Permission> {
      calls.push(login);
      const v = table[login];
      if (v === 'not-a-user' || v === undefined) throw new ResolverError('not-found', `${login} is not a user`);
      if (v === 'error') throw new ResolverError('internal', 'HTTP 502');
      return v;
    },
  };
}

const api = () =>
  permissionApi({
    admin: 'admin',
    maint: 'maintain',
    writer: 'write',
    triager: 'triage',
    reader: 'read',
    nobody: 'none',
    'some-app': 'not-a-user',
    flaky: 'error',
  });

describe('authorize (security.md §2, checklist A)', () => {
  const cases: {
    name: string;
    sender: EventActor;
    author?: EventActor | null;
    allowed: boolean;
    reason?: RegExp;
    apiCalled: boolean;
  }[] = [
    { name: 'admin label', sender: user('admin'), allowed: true, apiCalled: true },
    { name: 'maintain role', sender: user('maint'), allowed: true, apiCalled: true },
    {
      name: 'write comment by its author',
      sender: user('writer'),
      author: user('writer'),
      allowed: true,
      apiCalled: true,
    },
    {
      name: 'author login in another case',
      sender: user('writer'),
      author: user('Writer'),
      allowed: true,
      apiCalled: true,
    },
    {
      name: 'triage denied (A3)',
      sender: user('triager'),
      allowed: false,
      reason: /has triage permission/,
      apiCalled: true,
    },
    {
      name: 'read denied (A1)',
      sender: user('reader'),
      allowed: false,
      reason: /has read permission/,
      apiCalled: true,
    },
    { name: 'none denied', sender: user('nobody'), allowed: false, reason: /has none permission/, apiCalled: true },
    {
      name: 'not a user (App without suffix, A4)',
      sender: user('some-app'),
      allowed: false,
      reason: /not a user/,
      apiCalled: true,
    },
    {
      name: 'API error fails closed',
      sender: user('flaky'),
      allowed: false,
      reason: /Could not check/,
      apiCalled: true,
    },
    { name: 'ghost sender', sender: user(null, null), allowed: false, reason: /ghost/, apiCalled: false },
    {
      name: 'ghost comment author',
      sender: user('writer'),
      author: user(null, null),
      allowed: false,
      reason: /no author/,
      apiCalled: false,
    },
    {
      name: 'sender is not the comment author',
      sender: user('writer'),
      author: user('reader'),
      allowed: false,
      reason: /not the author/,
      apiCalled: false,
    },
    {
      name: 'workflow bot is ourselves (A5)',
      sender: user('github-actions[bot]', 'Bot'),
      allowed: false,
      reason: /own identity/,
      apiCalled: false,
    },
    {
      name: 'pat-username is ourselves',
      sender: user('OpenHands-Agent'),
      allowed: false,
      reason: /own identity/,
      apiCalled: false,
    },
    {
      name: 'unlisted bot by type',
      sender: user('dependabot', 'Bot'),
      allowed: false,
      reason: /not listed in allowed-bots/,
      apiCalled: false,
    },
    {
      name: 'unlisted bot by suffix',
      sender: user('dependabot[bot]', 'User'),
      allowed: false,
      reason: /not listed/,
      apiCalled: false,
    },
    {
      name: 'listed bot skips the permission call',
      sender: user('renovate[bot]', 'Bot'),
      allowed: true,
      apiCalled: false,
    },
    {
      name: 'listing is exact (case)',
      sender: user('Renovate[bot]', 'Bot'),
      allowed: false,
      reason: /not listed/,
      apiCalled: false,
    },
  ];
  it.each(cases)('$name', async (c) => {
    const a = api();
    const d = await authorize(a, repo, { sender: c.sender, author: c.author ?? null, eventName: 'issues' }, policy);
    expect(d.allowed).toBe(c.allowed);
    if (!d.allowed && c.reason) expect(d.reason).toMatch(c.reason);
    expect(a.calls.length > 0).toBe(c.apiCalled);
  });

  it('the self guard uses the authenticated login of a PAT', async () => {
    const p: ActorPolicy = { allowedBots: [], selfLogins: selfLogins({ authenticatedLogin: 'my-pat-user' }) };
    const d = await authorize(api(), repo, { sender: user('my-pat-user'), author: null, eventName: 'issues' }, p);
    expect(d).toMatchObject({ allowed: false, reason: expect.stringMatching(/own identity/) });
  });
});

describe('pure rules', () => {
  it('permissionAllows', () => {
    const all: Permission[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];
    expect(all.filter(permissionAllows)).toEqual(['admin', 'maintain', 'write']);
  });

  it('allowed-bots rejects wildcards', () => {
    expect(validateAllowedBots([' renovate[bot] ', ''])).toEqual(['renovate[bot]']);
    expect(() => validateAllowedBots(['*'])).toThrow(/wildcard/);
    expect(() => validateAllowedBots(['dep*[bot]'])).toThrow(/wildcard/);
  });

  it('selfLogins always holds the workflow bot', () => {
    expect(selfLogins()).toEqual(['github-actions[bot]']);
    expect(selfLogins({ authenticatedLogin: 'me', patUsername: ' ' })).toEqual(['github-actions[bot]', 'me']);
  });
});
