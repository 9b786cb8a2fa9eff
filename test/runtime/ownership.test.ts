// Who the sandbox runs as, and the workspace handed to that uid and back (DESIGN §8.21), on real folders.
import { chmodSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResolverError } from '../../src/core/errors.js';
import { leaseWorkspace, reclaimTree, SANDBOX_GID, SANDBOX_UID, sandboxUser } from '../../src/runtime/ownership.js';
import { tempDir } from './helpers.js';

const isRoot = process.geteuid!() === 0;

describe('sandboxUser', () => {
  it('is never root: SANDBOX_UID:GID for a root host, the host’s own ids otherwise', () => {
    expect(SANDBOX_UID).not.toBe(0);
    expect(SANDBOX_GID).not.toBe(0);
    expect(sandboxUser(undefined, { uid: 0, gid: 0 })).toEqual({ uid: SANDBOX_UID, gid: SANDBOX_GID });
    expect(sandboxUser(undefined, { uid: 1001, gid: 118 })).toEqual({ uid: 1001, gid: 118 });
    expect(sandboxUser('1000:1000', { uid: 0, gid: 0 })).toEqual({ uid: 1000, gid: 1000 });
  });

  it.each(['0:0', '0:5', '5:0', 'root', 'root:root', '1000', '1000:', ':1000', '-1:5', '1000:1000:1', '1e3:5', ''])(
    'refuses "%s"',
    (u) => {
      const err = (() => {
        try {
          sandboxUser(u, { uid: 0, gid: 0 });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(ResolverError);
      expect((err as ResolverError).code).toBe('config');
    },
  );
});

function tree(): { ws: string; outside: string } {
  const ws = tempDir();
  const outside = tempDir('oh-rt-outside-');
  writeFileSync(path.join(outside, 'host.txt'), 'host');
  mkdirSync(path.join(ws, 'a', 'b'), { recursive: true });
  writeFileSync(path.join(ws, 'a', 'b', 'f.txt'), 'f');
  writeFileSync(path.join(ws, 'tool'), '#!/bin/sh\n', { mode: 0o755 });
  symlinkSync(outside, path.join(ws, 'to-outside'));
  symlinkSync(path.join(outside, 'host.txt'), path.join(ws, 'a', 'to-host-file'));
  return { ws, outside };
}

describe.skipIf(!isRoot)('leaseWorkspace as root', () => {
  it('gives the whole tree to the sandbox uid (links themselves, not their targets) and back on release', () => {
    const { ws, outside } = tree();
    chmodSync(path.join(ws, 'tool'), 0o4755);
    const lease = leaseWorkspace(ws, { uid: 4321, gid: 4322 }, { uid: 0, gid: 0 });
    expect(lease.previousOwner).toEqual({ uid: 0, gid: 0 });
    for (const p of ['.', 'a', 'a/b', 'a/b/f.txt', 'tool', 'to-outside', 'a/to-host-file']) {
      const st = lstatSync(path.join(ws, p));
      expect(`${p} ${st.uid}:${st.gid}`).toBe(`${p} 4321:4322`);
    }
    // chown drops the setuid bit: nothing in the workspace can be a setuid-root helper.
    expect(statSync(path.join(ws, 'tool')).mode & 0o4000).toBe(0);
    for (const p of [outside, path.join(outside, 'host.txt')]) expect(lstatSync(p).uid).toBe(0);
    expect(lease.release()).toEqual([]);
    for (const p of ['.', 'a', 'a/b', 'a/b/f.txt', 'tool', 'to-outside', 'a/to-host-file']) {
      const st = lstatSync(path.join(ws, p));
      expect(`${p} ${st.uid}:${st.gid}`).toBe(`${p} 0:0`);
    }
    // A second release changes nothing.
    expect(lease.release()).toEqual([]);
  });
});

describe('leaseWorkspace as a non-root host', () => {
  it('changes no owner; release only makes what the sandbox locked readable and deletable again', () => {
    const { ws, outside } = tree();
    const owner = lstatSync(ws);
    const lease = leaseWorkspace(ws, { uid: 1001, gid: 1001 }, { uid: 1001, gid: 1001 });
    expect(lease.previousOwner).toBeNull();
    expect(lstatSync(ws).uid).toBe(owner.uid);
    chmodSync(path.join(ws, 'a', 'b', 'f.txt'), 0o000);
    chmodSync(path.join(ws, 'a', 'b'), 0o000);
    chmodSync(path.join(ws, 'a'), 0o100);
    chmodSync(path.join(outside, 'host.txt'), 0o400);
    expect(lease.release()).toEqual([]);
    expect(statSync(path.join(ws, 'a')).mode & 0o700).toBe(0o700);
    expect(statSync(path.join(ws, 'a', 'b')).mode & 0o700).toBe(0o700);
    expect(statSync(path.join(ws, 'a', 'b', 'f.txt')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(ws, 'a', 'b', 'f.txt'), 'utf8')).toBe('f');
    // Not through the links.
    expect(statSync(path.join(outside, 'host.txt')).mode & 0o777).toBe(0o400);
    expect(lstatSync(ws).uid).toBe(owner.uid);
  });

  it('reports what it cannot fix and goes on with the rest', () => {
    const ws = tempDir();
    writeFileSync(path.join(ws, 'ok.txt'), 'x', { mode: 0o000 });
    expect(reclaimTree(path.join(ws, 'missing'), null)).toEqual([]);
    expect(reclaimTree(ws, null)).toEqual([]);
    expect(statSync(path.join(ws, 'ok.txt')).mode & 0o600).toBe(0o600);
  });
});
