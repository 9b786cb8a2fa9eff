// Output handling for the bash session: accumulation with a memory cap and clean-up (the observation-size
// truncation of runtime.md §5 is core/truncate.ts).

/**
 * Renders carriage-return overwrites the way a terminal would show the final line (progress bars),
 * normalises CRLF, and drops trailing whitespace.
 */
export function cleanOutput(raw: string): string {
  let text = raw.replace(/\r+\n/g, '\n');
  if (text.includes('\r')) {
    text = text
      .split('\n')
      .map((line) => {
        if (!line.includes('\r')) return line;
        const parts = line.split('\r').filter((p) => p.length > 0);
        return overwrite(parts);
      })
      .join('\n');
  }
  return text.trimEnd();
}

function overwrite(parts: string[]): string {
  let line = '';
  for (const p of parts) line = p + line.slice(p.length);
  return line;
}

/**
 * Collects a command's output. Keeps everything up to `cap` characters; beyond that it keeps a head and
 * a tail and counts what was dropped, so a runaway command cannot exhaust the server's memory.
 */
export class OutputBuffer {
  private parts: string[] = [];
  private size = 0;
  private head: string | null = null;
  private dropped = 0;
  private readonly cap: number;

  constructor(cap = 32 * 1024 * 1024) {
    this.cap = cap;
  }

  append(text: string): void {
    if (!text) return;
    this.parts.push(text);
    this.size += text.length;
    if (this.size > this.cap) this.compact();
  }

  private compact(): void {
    let rest = this.parts.join('');
    const quarter = Math.floor(this.cap / 4);
    if (this.head === null) {
      this.head = rest.slice(0, quarter);
      rest = rest.slice(quarter);
    }
    const keep = rest.slice(rest.length - quarter);
    this.dropped += rest.length - keep.length;
    this.parts = [keep];
    this.size = keep.length;
  }

  text(): string {
    const body = this.parts.join('');
    if (this.head === null) return body;
    return `${this.head}\n[... ${this.dropped} characters of output dropped ...]\n${body}`;
  }

  clear(): void {
    this.parts = [];
    this.size = 0;
    this.head = null;
    this.dropped = 0;
  }
}
