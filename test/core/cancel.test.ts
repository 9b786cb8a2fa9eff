import { describe, expect, it } from 'vitest';
import { cancelledBy, crashed, createCancellation, stopInfo } from '../../src/core/cancel.js';
import { ResolverError } from '../../src/core/errors.js';

const aborted = (s: AbortSignal) => new Promise<void>((r) => s.addEventListener('abort', () => r(), { once: true }));

describe('createCancellation', () => {
  it('the first stop aborts the work only; a second stop ends the grace period', () => {
    const c = createCancellation({ graceMs: 600_000 });
    expect(c.signal.aborted).toBe(false);
    c.stop(cancelledBy('SIGINT'));
    expect(c.signal.aborted).toBe(true);
    expect(c.grace.aborted).toBe(false);
    c.stop(cancelledBy('SIGTERM'));
    expect(c.grace.aborted).toBe(true);
    // The first reason is the one that counts.
    expect((c.signal.reason as Error).message).toBe('cancelled by SIGINT');
  });

  it('the grace period ends by itself after a single stop', async () => {
    const c = createCancellation({ graceMs: 10 });
    c.stop(cancelledBy('SIGTERM'));
    await aborted(c.grace);
    expect(c.grace.aborted).toBe(true);
  });
});

describe('stopInfo', () => {
  const abortedWith = (reason: unknown) => {
    const a = new AbortController();
    a.abort(reason);
    return a.signal;
  };
  it.each([
    ['a signal', cancelledBy('SIGTERM'), { error: 'cancelled', code: 'cancelled', message: 'cancelled by SIGTERM' }],
    ['a crash', crashed(new Error('boom')), { error: 'crashed: boom', code: 'internal', message: 'crashed: boom' }],
    ['a foreign reason', new Error('x'), { error: 'cancelled', code: 'cancelled', message: 'cancelled' }],
    ['another code', new ResolverError('runtime', 'gone'), { error: 'gone', code: 'runtime', message: 'gone' }],
  ])('%s', (_name, reason, want) => {
    expect(stopInfo(abortedWith(reason))).toEqual(want);
  });
  it('is null while the signal runs', () => {
    expect(stopInfo(new AbortController().signal)).toBeNull();
    expect(stopInfo(undefined)).toBeNull();
  });
});
