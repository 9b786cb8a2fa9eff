// Quoting for bash command lines, shared by the server's shell session and its clients. No imports, so
// the server bundle can use it.

/** Single-quotes a string for bash: the result is one word whatever the string holds. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
