// Every outbound text passes through a Redactor (security.md §3): known secret values and their
// encodings, plus token-shaped strings that were never registered.

const TOKEN_PATTERNS: RegExp[] = [
  /gh[pousr]_[A-Za-z0-9]{36,}/g,
  /github_pat_[A-Za-z0-9_]{22,}/g,
  /sk-[A-Za-z0-9_-]{20,}/g,
  /AKIA[0-9A-Z]{16}/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /(Authorization:\s*)(?:[A-Za-z]+\s+)?[^\s"'\\]+/gi,
];

export const REDACTED = '***';

export interface Redactor {
  /** Registers a secret; its common encodings are registered too. Returns every form registered. */
  add(secret: string | undefined | null): string[];
  redact(text: string): string;
  /** Redacts every string inside a JSON-like value. */
  redactDeep<T>(value: T): T;
  readonly secrets: readonly string[];
}

/** The encodings a secret may take on the way out: base64 of it and of the git Basic pair, URL-encoding. */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(Buffer.from(secret).toString('base64'));
  forms.add(Buffer.from(`x-access-token:${secret}`).toString('base64'));
  forms.add(encodeURIComponent(secret));
  for (const f of [...forms]) forms.add(encodeURIComponent(f));
  // Very short values would redact ordinary words; they are not worth registering.
  return [...forms].filter((f) => f.length >= 6);
}

export function createRedactor(initial: (string | undefined | null)[] = []): Redactor {
  const secrets: string[] = [];
  const redactor: Redactor = {
    get secrets() {
      return secrets;
    },
    add(secret) {
      if (!secret) return [];
      const forms = secretForms(secret).filter((f) => !secrets.includes(f));
      secrets.push(...forms);
      // Longest first, so a secret's base64 form is not half-replaced by a shorter secret inside it.
      secrets.sort((a, b) => b.length - a.length);
      return forms;
    },
    redact(text) {
      let out = text;
      for (const s of secrets) out = out.split(s).join(REDACTED);
      for (const re of TOKEN_PATTERNS) {
        out = out.replace(re, (match: string, prefix?: string) =>
          typeof prefix === 'string' && match.toLowerCase().startsWith('authorization')
            ? `${prefix}${REDACTED}`
            : REDACTED,
        );
      }
      return out;
    },
    redactDeep<T>(value: T): T {
      return deepMap(value, (s) => redactor.redact(s)) as T;
    },
  };
  for (const s of initial) redactor.add(s);
  return redactor;
}

function deepMap(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => deepMap(v, fn));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = deepMap(v, fn);
    return out;
  }
  return value;
}
