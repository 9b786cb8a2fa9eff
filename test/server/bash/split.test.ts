// Top-level command splitting (runtime.md §5 "Multiple commands").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitBashCommands } from '../../../src/server/bash/split.js';

describe('splitBashCommands', () => {
  it.each([
    ['', ['']],
    ['   ', ['']],
    ['ls', ['ls']],
    ['ls\npwd', ['ls', 'pwd']],
    ['ls && pwd', ['ls && pwd']],
    ['ls; pwd', ['ls; pwd']],
    ['ls || pwd | wc -l', ['ls || pwd | wc -l']],
    ['echo a &&\n  echo b', ['echo a &&\n  echo b']],
    ['echo a |\n  grep a', ['echo a |\n  grep a']],
    ['echo a \\\n  b', ['echo a \\\n  b']],
    ['sleep 1 &\necho hi', ['sleep 1 &', 'echo hi']],
    ['echo "a\nb"', ['echo "a\nb"']],
    ["echo 'a\nb'\nls", ["echo 'a\nb'", 'ls']],
    ["echo $'a\\'\nb'", ["echo $'a\\'\nb'"]],
    ['echo "$(printf "x\ny")"', ['echo "$(printf "x\ny")"']],
    ['echo $(ls\npwd)', ['echo $(ls\npwd)']],
    ['echo `ls\npwd`', ['echo `ls\npwd`']],
    ['x=$((1 +\n2))', ['x=$((1 +\n2))']],
    ['echo ${x:-a\nb}', ['echo ${x:-a\nb}']],
    ['cat <<EOF > f\na\n$b\nEOF', ['cat <<EOF > f\na\n$b\nEOF']],
    ['cat <<EOF\nx\nEOF\necho after', ['cat <<EOF\nx\nEOF', 'echo after']],
    ["cat <<'EOF'\nls\npwd\nEOF", ["cat <<'EOF'\nls\npwd\nEOF"]],
    ['cat <<-"E"\n\tx\n\tE\nls', ['cat <<-"E"\n\tx\n\tE', 'ls']],
    ['cat <<A <<B\n1\nA\n2\nB\nls', ['cat <<A <<B\n1\nA\n2\nB', 'ls']],
    ['cat <<< "here string"\nls', ['cat <<< "here string"', 'ls']],
    ['for i in 1 2; do\n  echo $i\ndone', ['for i in 1 2; do\n  echo $i\ndone']],
    ['while true; do\n  sleep 1\ndone\necho x', ['while true; do\n  sleep 1\ndone', 'echo x']],
    ['if a; then\n  b\nelif c; then\n  d\nelse\n  e\nfi', ['if a; then\n  b\nelif c; then\n  d\nelse\n  e\nfi']],
    ['case $x in\n  a) echo a;;\n  *) echo b;;\nesac', ['case $x in\n  a) echo a;;\n  *) echo b;;\nesac']],
    ['f() {\n  echo hi\n}\nf', ['f() {\n  echo hi\n}', 'f']],
    ['function g {\n  echo\n}', ['function g {\n  echo\n}']],
    ['(cd /tmp\n ls)', ['(cd /tmp\n ls)']],
    ['{ echo a\n echo b; }', ['{ echo a\n echo b; }']],
    ['echo done\necho fi', ['echo done', 'echo fi']],
    ['# comment\nls', ['ls']],
    ['ls # trailing ( comment\npwd', ['ls # trailing ( comment', 'pwd']],
    ['echo a#b\nls', ['echo a#b', 'ls']],
    ['git commit -m "fix: x\n\nbody"', ['git commit -m "fix: x\n\nbody"']],
    ['python3 -c "\nimport sys\nprint(1)\n"', ['python3 -c "\nimport sys\nprint(1)\n"']],
    // Unparseable input is one command (the reference's fallback).
    ['echo "unterminated\nls', ['echo "unterminated\nls']],
    ['done\nls', ['done\nls']],
  ])('%j', (input, expected) => {
    expect(splitBashCommands(input)).toEqual(expected);
  });

  it('never loses text: joined parts cover every non-comment command line', () => {
    const line = fc.constantFrom('ls', 'pwd', 'echo "a b"', "echo 'x'", 'cd /tmp && ls', 'true; false', 'echo $(date)');
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        expect(splitBashCommands(lines.join('\n'))).toEqual(lines);
      }),
    );
  });
});
