// Splits agent input into top-level shell commands (runtime.md §5 "Multiple commands").
//
// A small scanner instead of a full parser: it only has to find the newlines that end a top-level
// command. It understands quotes ('…', "…", $'…'), backslash escapes and line continuations, $(…),
// backticks, (…) and {…} groups, heredocs (<<, <<-, quoted delimiters), comments, compound commands that
// span lines (if/fi, case/esac, for|while|until … do/done) and lines ending in |, &&, ||.
// `a && b` and `a; b` on one line are one command. Input it cannot make sense of (an unterminated
// quote, an unclosed group) is returned whole, as the reference does when its parser fails.

const OPENERS: Record<string, string> = { if: 'fi', case: 'esac', do: 'done', '{': '}' };
const CLOSERS = new Set(['fi', 'esac', 'done', '}']);
/** Words after which the next word is again in command position. */
const COMMAND_PREFIX_WORDS = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '{', '!', 'time']);

interface Heredoc {
  delimiter: string;
  stripTabs: boolean;
}

export function splitBashCommands(input: string): string[] {
  if (!input.trim()) return [''];
  try {
    return scan(input);
  } catch {
    return [input];
  }
}

class Unbalanced extends Error {}

function scan(s: string): string[] {
  const commands: string[] = [];
  let segmentStart = 0;
  // Stack of open constructs: keyword closers ('fi', 'done', …), ')' for parens and '}' for braces.
  const stack: string[] = [];
  let parenDepth = 0;
  let commandPosition = true;
  // The last significant token on the current logical line, to see `|`, `&&`, `||` continuations.
  let lastToken = '';
  let pendingHeredocs: Heredoc[] = [];
  let braceAfterNextWord = false;
  let i = 0;

  const pushSegment = (end: number) => {
    const text = s.slice(segmentStart, end).trim();
    if (text && !/^(#[^\n]*\n?\s*)+$/.test(text)) commands.push(text);
    segmentStart = end;
  };

  while (i < s.length) {
    const c = s[i] ?? '';
    if (c === '\\') {
      // An escaped character, or a line continuation.
      i += 2;
      commandPosition = false;
      lastToken = 'word';
      continue;
    }
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Unbalanced();
      i = end + 1;
      commandPosition = false;
      lastToken = 'word';
      continue;
    }
    if (c === '$' && s[i + 1] === "'") {
      i = skipAnsiC(s, i + 2);
      commandPosition = false;
      lastToken = 'word';
      continue;
    }
    if (c === '"') {
      i = skipDoubleQuoted(s, i + 1);
      commandPosition = false;
      lastToken = 'word';
      continue;
    }
    if (c === '`') {
      i = skipBacktick(s, i + 1);
      commandPosition = false;
      lastToken = 'word';
      continue;
    }
    if (c === '$' && s[i + 1] === '(') {
      i = skipCommandSubstitution(s, i + 2);
      commandPosition = false;
      lastToken = 'word';
      continue;
    }
    if (c === '$' && s[i + 1] === '{') {
      i = skipBraceParam(s, i + 2);
      commandPosition = false;
      lastToken = 'word';
      continue;
    }
    if (c === '#' && (i === 0 || /[\s;&|()]/.test(s[i - 1] ?? ''))) {
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? s.length : nl;
      continue;
    }
    if (c === '<' && s[i + 1] === '<' && s[i + 2] === '<') {
      // A here-string: an ordinary word follows.
      i += 3;
      lastToken = 'redir';
      continue;
    }
    if (c === '<' && s[i + 1] === '<') {
      const parsed = readHeredocOperator(s, i + 2);
      if (parsed) {
        pendingHeredocs.push(parsed.heredoc);
        i = parsed.end;
        commandPosition = false;
        lastToken = 'word';
        continue;
      }
      i += 2;
      continue;
    }
    if (c === '\n') {
      i += 1;
      if (pendingHeredocs.length) {
        i = skipHeredocBodies(s, i, pendingHeredocs);
        pendingHeredocs = [];
      }
      const continues = lastToken === '|' || lastToken === '&&' || lastToken === '||';
      if (stack.length === 0 && parenDepth === 0 && !continues) {
        pushSegment(i);
        lastToken = '';
      }
      commandPosition = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i += 1;
      continue;
    }
    if (c === '(') {
      parenDepth += 1;
      i += 1;
      commandPosition = true;
      lastToken = '(';
      continue;
    }
    if (c === ')') {
      // Inside `case`, a pattern's closing parenthesis has no opener.
      if (parenDepth > 0) parenDepth -= 1;
      i += 1;
      commandPosition = true;
      lastToken = ')';
      continue;
    }
    if (c === ';' || c === '&' || c === '|') {
      let op = c;
      if ((c === '&' || c === '|' || c === ';') && s[i + 1] === c) op = c + c;
      else if (c === '|' && s[i + 1] === '&') op = '|&';
      i += op.length;
      commandPosition = true;
      lastToken = op === '|&' ? '|' : op;
      continue;
    }
    if (c === '<' || c === '>') {
      i += 1;
      if (s[i] === '&' || s[i] === '>' || s[i] === '|') i += 1;
      lastToken = 'redir';
      continue;
    }
    // A word.
    const start = i;
    while (i < s.length && !/[\s;&|()<>'"`\\$#]/.test(s[i] ?? '')) i += 1;
    if (i === start) {
      // A lone special character such as '$' not followed by a quote or group.
      i += 1;
      commandPosition = false;
      lastToken = 'word';
      continue;
    }
    const word = s.slice(start, i);
    const isPlainWord = i >= s.length || /[\s;&|()<>]/.test(s[i] ?? '');
    if (commandPosition && isPlainWord) {
      if (word in OPENERS) {
        stack.push(OPENERS[word] ?? '');
      } else if (CLOSERS.has(word)) {
        if (stack[stack.length - 1] !== word) throw new Unbalanced();
        stack.pop();
      }
      if (word === 'case') {
        // `case WORD in` then patterns: nothing in command position until a pattern's `)`.
        commandPosition = false;
        lastToken = 'word';
        continue;
      }
      commandPosition = COMMAND_PREFIX_WORDS.has(word);
      // `function NAME {`: the brace after the name opens the body.
      braceAfterNextWord = word === 'function';
      lastToken = 'word';
      continue;
    }
    if (braceAfterNextWord) {
      braceAfterNextWord = false;
      commandPosition = true;
      lastToken = 'word';
      continue;
    }
    // Function definition `name() {` keeps the brace at command position via the ')' handling above.
    commandPosition = false;
    lastToken = 'word';
  }
  if (stack.length || parenDepth) throw new Unbalanced();
  pushSegment(s.length);
  return commands.length ? commands : [s];
}

function skipAnsiC(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === "'") return i + 1;
    else i += 1;
  }
  throw new Unbalanced();
}

function skipDoubleQuoted(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if (c === '`') i = skipBacktick(s, i + 1);
    else if (c === '$' && s[i + 1] === '(') i = skipCommandSubstitution(s, i + 2);
    else if (c === '$' && s[i + 1] === '{') i = skipBraceParam(s, i + 2);
    else i += 1;
  }
  throw new Unbalanced();
}

function skipBacktick(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === '`') return i + 1;
    else i += 1;
  }
  throw new Unbalanced();
}

function skipBraceParam(s: string, i: number): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Unbalanced();
      i = end + 1;
    } else if (c === '"') i = skipDoubleQuoted(s, i + 1);
    else if (c === '{') {
      depth += 1;
      i += 1;
    } else if (c === '}') {
      depth -= 1;
      i += 1;
      if (depth === 0) return i;
    } else i += 1;
  }
  throw new Unbalanced();
}

/** Skips `$( … )` (also `$(( … ))`), whose body is itself shell text with its own quoting. */
function skipCommandSubstitution(s: string, i: number): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Unbalanced();
      i = end + 1;
    } else if (c === '"') i = skipDoubleQuoted(s, i + 1);
    else if (c === '`') i = skipBacktick(s, i + 1);
    else if (c === '(') {
      depth += 1;
      i += 1;
    } else if (c === ')') {
      depth -= 1;
      i += 1;
      if (depth === 0) return i;
    } else i += 1;
  }
  throw new Unbalanced();
}

function readHeredocOperator(s: string, i: number): { heredoc: Heredoc; end: number } | undefined {
  let stripTabs = false;
  if (s[i] === '-') {
    stripTabs = true;
    i += 1;
  }
  while (s[i] === ' ' || s[i] === '\t') i += 1;
  let delimiter = '';
  while (i < s.length && !/[\s;&|()<>]/.test(s[i] ?? '')) {
    const c = s[i] ?? '';
    if (c === "'" || c === '"') {
      const end = s.indexOf(c, i + 1);
      if (end < 0) throw new Unbalanced();
      delimiter += s.slice(i + 1, end);
      i = end + 1;
    } else if (c === '\\') {
      delimiter += s[i + 1] ?? '';
      i += 2;
    } else {
      delimiter += c;
      i += 1;
    }
  }
  if (!delimiter) return undefined;
  return { heredoc: { delimiter, stripTabs }, end: i };
}

function skipHeredocBodies(s: string, i: number, heredocs: Heredoc[]): number {
  for (const h of heredocs) {
    for (;;) {
      if (i >= s.length) return s.length; // bash accepts a heredoc ended by end of input (with a warning)
      const nl = s.indexOf('\n', i);
      const lineEnd = nl < 0 ? s.length : nl;
      let line = s.slice(i, lineEnd);
      if (h.stripTabs) line = line.replace(/^\t+/, '');
      i = nl < 0 ? s.length : nl + 1;
      if (line === h.delimiter) break;
    }
  }
  return i;
}
