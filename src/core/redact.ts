// Every outbound text passes through a Redactor (security.md §3): known secret values and their
// encodings, plus token-shaped strings that were never registered. The patch is the exception: it is code that
// gets committed, so only registered secrets are replaced there (redactSecrets), and token-shaped strings in it
// are reported (findTokenShapes) instead of rewritten.

// No pattern crosses a backtick or (but for a PEM block) a line end: redaction never eats the fence of a quoted
// block (github/untrusted.ts).
const TOKEN_PATTERNS: { kind: string; re: RegExp }[] = [
  { kind: 'a GitHub token (gh?_…)', re: /gh[pousr]_[A-Za-z0-9]{36,}/g },
  { kind: 'a GitHub fine-grained token (github_pat_…)', re: /github_pat_[A-Za-z0-9_]{22,}/g },
  { kind: 'an API key (sk-…)', re: /sk-[A-Za-z0-9_-]{20,}/g },
  { kind: 'an AWS access key id (AKIA…)', re: /AKIA[0-9A-Z]{16}/g },
  { kind: 'a Slack token (xox?-…)', re: /xox[abprs]-[A-Za-z0-9-]{10,}/g },
  {
    kind: 'a private key block',
    re: /-----BEGIN [A-Z ]*PRIVATE KEY-----(?:[^`]*?-----END [A-Z ]*PRIVATE KEY-----|[A-Za-z0-9+/=\s:,.-]*)/g,
  },
  { kind: 'an Authorization header', re: /(Authorization:[ \t]*)(?:[A-Za-z]+[ \t]+)?[^\s"'\\`]+/gi },
];

export interface TokenShape {
  kind: string;
  /** Where it starts in the text. */
  index: number;
}

/** Token-shaped strings in a text, in order; their kinds, never their values. */
export function findTokenShapes(text: string): TokenShape[] {
  const out: TokenShape[] = [];
  for (const { kind, re } of TOKEN_PATTERNS) {
    for (const m of text.matchAll(new RegExp(re.source, re.flags))) out.push({ kind, index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

export const REDACTED = '***';

export interface Redactor {
  /** Registers a secret; its common encodings are registered too. Returns every form registered. */
  add(secret: string | undefined | null): string[];
  redact(text: string): string;
  /**
   * Replaces only the registered secrets and their encodings, never token-shaped patterns: for content that must
   * stay byte-identical unless it holds a real secret (the patch that gets committed).
   */
  redactSecrets(text: string): string;
  /** True when the text holds a registered secret (or one of its encodings). */
  hasSecret(text: string): boolean;
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
    redactSecrets(text) {
      let out = text;
      for (const s of secrets) out = out.split(s).join(REDACTED);
      return out;
    },
    hasSecret(text) {
      return secrets.some((s) => text.includes(s));
    },
    redact(text) {
      let out = redactor.redactSecrets(text);
      for (const { re } of TOKEN_PATTERNS) {
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
