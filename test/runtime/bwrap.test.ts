// The bubblewrap argv rules (security.md §3) and the probe.
import { describe, expect, it } from 'vitest';
import { bwrapArgs, probeBwrap } from '../../src/runtime/bwrap.js';

function pairs(args: string[], flag: string): [string, string][] {
  const out: [string, string][] = [];
  args.forEach((a, i) => {
    if (a === flag) out.push([args[i + 1]!, args[i + 2]!]);
  });
  return out;
}

describe('bwrapArgs', () => {
  const base = {
    workspace: '/tmp/ws',
    runDir: '/tmp/run',
    readOnly: [
      { source: '/opt/node/bin/node', dest: '/openhands/bin/node' },
      { source: { fd: 5 }, dest: '/openhands/bin/server.js' },
    ],
  };

  it('binds system folders read-only and selectively, never / or /etc as a whole', () => {
    const args = bwrapArgs(base);
    const ro = pairs(args, '--ro-bind');
    const sources = ro.map(([s]) => s);
    expect(sources).toContain('/usr');
    expect(sources).not.toContain('/');
    expect(sources).not.toContain('/etc');
    for (const p of ['/root', '/home', '/var', '/run', '/etc/shadow', '/etc/sudoers', '/etc/docker', '/etc/npmrc']) {
      expect(sources).not.toContain(p);
    }
    for (const [s] of ro.filter(([src]) => src.startsWith('/etc/'))) expect(s.split('/')).toHaveLength(3);
    expect(ro).toContainEqual(['/opt/node/bin/node', '/openhands/bin/node']);
    expect(pairs(args, '--ro-bind-fd')).toEqual([['5', '/openhands/bin/server.js']]);
    // /proc/sys is read-only over the fresh procfs
    expect(ro).toContainEqual(['/proc/sys', '/proc/sys']);
    expect(args.indexOf('--ro-bind', args.indexOf('--proc'))).toBeGreaterThan(args.indexOf('--proc'));
    // the only writable binds are the workspace and the run folder
    expect(pairs(args, '--bind')).toEqual([
      ['/tmp/ws', '/workspace'],
      ['/tmp/run', '/openhands/run'],
    ]);
  });

  it('always own user, network, pid, ipc and uts namespaces; no capabilities; dies with the parent', () => {
    const args = bwrapArgs({ ...base, infoFd: 7, blockFd: 8, disableUserns: true });
    for (const f of [
      '--unshare-user',
      '--unshare-net',
      '--unshare-pid',
      '--unshare-ipc',
      '--unshare-uts',
      '--disable-userns',
      '--die-with-parent',
      '--new-session',
    ]) {
      expect(args).toContain(f);
    }
    expect(args).not.toContain('--share-net');
    expect(pairs(args, '--cap-drop')[0]?.[0]).toBe('ALL');
    expect(args.slice(args.indexOf('--info-fd'), args.indexOf('--info-fd') + 2)).toEqual(['--info-fd', '7']);
    expect(args.slice(args.indexOf('--block-fd'), args.indexOf('--block-fd') + 2)).toEqual(['--block-fd', '8']);
    expect(args.slice(args.indexOf('--chdir'), args.indexOf('--chdir') + 2)).toEqual(['--chdir', '/workspace']);
  });
});

describe('bwrapArgs /dev', () => {
  const base = { workspace: '/tmp/ws', runDir: '/tmp/run', readOnly: [] };
  it('--dev by default; plainDev: a tmpfs with the usual devices and no devpts (one user namespace)', () => {
    expect(bwrapArgs(base)).toContain('--dev');
    const plain = bwrapArgs({ ...base, plainDev: true });
    expect(plain).not.toContain('--dev');
    expect(pairs(plain, '--dev-bind')).toContainEqual(['/dev/null', '/dev/null']);
    expect(pairs(plain, '--symlink')).toContainEqual(['/proc/self/fd', '/dev/fd']);
  });
});

describe('probeBwrap', () => {
  it('says how to install bwrap when it is missing', async () => {
    const r = await probeBwrap('/nonexistent/bwrap');
    expect(r).toEqual({ ok: false, reason: '/nonexistent/bwrap is not installed (apt-get install bubblewrap)' });
  });

  it('reports a bwrap that fails, with its message', async () => {
    const r = await probeBwrap('/bin/false');
    expect(r.ok).toBe(false);
    expect(r.reason).toContain('/bin/false failed (exit 1)');
  });
});
