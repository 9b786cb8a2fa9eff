// Parsers for settings from action inputs, CLI flags and environment variables: each error names the
// setting and what to change.
import { ResolverError } from './errors.js';

export function parseIntSetting(name: string, raw: string, opts: { min?: number; max?: number } = {}): number {
  const value = raw.trim();
  if (!/^-?\d+$/.test(value)) throw new ResolverError('config', `${name} must be a whole number; got '${raw}'.`);
  const n = Number(value);
  if (opts.min !== undefined && n < opts.min)
    throw new ResolverError('config', `${name} must be at least ${opts.min}; got ${n}.`);
  if (opts.max !== undefined && n > opts.max)
    throw new ResolverError('config', `${name} must be at most ${opts.max}; got ${n}.`);
  return n;
}

export function parseNumberSetting(name: string, raw: string, opts: { min?: number } = {}): number {
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n))
    throw new ResolverError('config', `${name} must be a number; got '${raw}'.`);
  if (opts.min !== undefined && n < opts.min)
    throw new ResolverError('config', `${name} must be at least ${opts.min}; got ${n}.`);
  return n;
}

export function parseEnumSetting<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const value = raw.trim().toLowerCase();
  const hit = allowed.find((a) => a === value);
  if (hit === undefined)
    throw new ResolverError('config', `${name} must be one of ${allowed.join(', ')}; got '${raw}'.`);
  return hit;
}

export function parseBoolSetting(name: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(value)) return true;
  if (['false', 'no', '0', 'off', ''].includes(value)) return false;
  throw new ResolverError('config', `${name} must be true or false; got '${raw}'.`);
}

/** `--comment-id`: the string `none` (any case) or empty means none; otherwise an integer. */
export function parseCommentId(name: string, raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '' || raw.trim().toLowerCase() === 'none') return null;
  return parseIntSetting(name, raw, { min: 1 });
}

/** `owner/repo`, split at the last `/`. */
export function parseRepo(raw: string): { owner: string; repo: string } {
  const i = raw.lastIndexOf('/');
  if (i <= 0 || i === raw.length - 1)
    throw new ResolverError('config', 'Invalid repository format. Expected owner/repo');
  return { owner: raw.slice(0, i), repo: raw.slice(i + 1) };
}

export function parseList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
