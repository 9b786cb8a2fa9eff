// Joining error texts into sentences. Provider messages arrive with or without a final period ("Incorrect
// API key provided: … api-keys."), so appending our own sentence with a fixed ". " gave "api-keys.. Check…".

/** Ends on . ! ? or an ellipsis, possibly inside closing quotes or brackets: already a full sentence. */
const TERMINATED = /[.!?…]["'”’)\]]*$/;
/** A clause mark that would dangle before the next sentence. */
const DANGLING = /[\s,;:–—-]+$/;

/** The text as one sentence: trimmed, with a period added unless it already ends like a sentence. */
export function endSentence(text: string): string {
  const t = text.trim();
  if (t === '' || TERMINATED.test(t)) return t;
  const stripped = t.replace(DANGLING, '');
  return stripped === '' ? '' : `${stripped}.`;
}

/** The non-empty parts as sentences, joined by single spaces. */
export function joinSentences(...parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => endSentence(p ?? ''))
    .filter((p) => p !== '')
    .join(' ');
}

/** The text without the sentence end, for putting a clause after it ("…: <message>; retrying"). */
export function withoutSentenceEnd(text: string): string {
  return text.trim().replace(/[.!]+$/, '');
}

/**
 * The openai SDK prefixes the HTTP status to the provider's message ("401 Incorrect API key…"); our text
 * already says "(HTTP 401)", so the repeat goes.
 */
export function stripStatusPrefix(message: string, status: number | null): string {
  if (status === null) return message;
  const prefix = `${status} `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
