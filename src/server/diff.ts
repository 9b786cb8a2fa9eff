// A unified diff of two texts for the edit observation's `diff` extra. Editor changes touch one region,
// so trimming the common prefix and suffix gives one exact (if not always minimal) hunk.

const CONTEXT = 3;

export function unifiedDiff(oldText: string, newText: string, file: string): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const start = Math.max(0, prefix - CONTEXT);
  const aEnd = Math.min(a.length, a.length - suffix + CONTEXT);
  const bEnd = Math.min(b.length, b.length - suffix + CONTEXT);
  const lines: string[] = [`--- ${file}`, `+++ ${file}`];
  const range = (from: number, to: number) => {
    const count = to - from;
    return `${count === 0 ? from : from + 1},${count}`;
  };
  lines.push(`@@ -${range(start, aEnd)} +${range(start, bEnd)} @@`);
  for (let i = start; i < prefix; i += 1) lines.push(` ${a[i] ?? ''}`);
  for (let i = prefix; i < a.length - suffix; i += 1) lines.push(`-${a[i] ?? ''}`);
  for (let i = prefix; i < b.length - suffix; i += 1) lines.push(`+${b[i] ?? ''}`);
  for (let i = a.length - suffix; i < aEnd; i += 1) lines.push(` ${a[i] ?? ''}`);
  return lines.join('\n');
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
