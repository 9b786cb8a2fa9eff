// Persistent bash semantics (runtime.md §5, DESIGN.md §8.6) against the real server over HTTP.
// The server runs with --no-change-timeout 1 so soft timeouts take a second.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occurrences } from '../../helpers/wait.js';
import {
  eventually,
  processesMatching,
  removeTempDirs,
  serverLogged,
  startServer,
  type RunningServer,
} from '../helpers.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ args: ['--no-change-timeout', '1'], env: { LOG_LEVEL: 'debug' } });
});

/** A command that waits (without output) until the test creates the returned gate file. */
const gated = (name: string) => {
  const gate = path.join(server.workspace, `gate-${name}`);
  return { gate, wait: `until [ -e ${gate} ]; do sleep 0.05; done`, open: () => writeFileSync(gate, '') };
};
const FINISHED_UNWATCHED = 'the running command finished while no request waited for it';
afterAll(async () => {
  await server?.stop();
  removeTempDirs();
});

const completed = (code: number) => `\n[The command completed with exit code ${code}.]`;

describe('commands', () => {
  it.each([
    ['echo hello', 'hello', 0],
    ['false', '', 1],
    ['(exit 42)', '', 42],
    ['echo out; echo err >&2', 'out\nerr', 0],
    ['printf "no newline"', 'no newline', 0],
    ['cat <<EOF\nline one\n  $((1+2))\nEOF', 'line one\n  3', 0],
    ["cat <<'EOF' | wc -l\na\nb\nEOF", '2', 0],
    ['for i in 1 2 3; do\n  echo $i\ndone', '1\n2\n3', 0],
    ['echo a &&\n  echo b', 'a\nb', 0],
    ['nosuchcommand-xyz', expect.stringMatching(/^bash: (line \d+: )?nosuchcommand-xyz: command not found$/), 127],
    ['echo "unterminated', expect.stringContaining('unexpected EOF'), 2],
  ])('%j', async (command, content, exitCode) => {
    const obs = await server.run(command);
    expect(obs.observation).toBe('run');
    expect(obs.content).toEqual(content);
    expect(obs.extras.metadata.exit_code).toBe(exitCode);
    expect(obs.extras.metadata.suffix).toBe(completed(exitCode));
    expect(obs.success).toBe(exitCode === 0);
    expect(obs.message).toBe(`Command \`${command}\` executed with exit code ${exitCode}.`);
  });

  it('keeps the working directory, variables, functions and aliases between commands', async () => {
    const dir = path.join(server.workspace, 'sub dir');
    await server.run(`mkdir -p "${dir}" && cd "${dir}"`);
    await server.run('export OH_VAR=kept; plain=also; f() { echo "f:$1"; }; alias hi="echo alias-works"');
    const obs = await server.run('pwd; echo $OH_VAR $plain; f x; hi');
    expect(obs.content).toBe(`${dir}\nkept also\nf:x\nalias-works`);
    expect(obs.extras.metadata.working_dir).toBe(dir);
    expect(obs.extras.metadata.username).toEqual(expect.any(String));
    expect(obs.extras.metadata.hostname).toEqual(expect.any(String));
    await server.run(`cd "${server.workspace}"`);
  });

  it('rejects several top-level commands with the numbered list, and runs none of them', async () => {
    const marker = path.join(server.workspace, 'multi-ran');
    const obs = await server.run(`touch ${marker}\nls\necho x && echo y`);
    expect(obs.observation).toBe('error');
    expect(obs.content).toBe(
      'ERROR: Cannot execute multiple commands at once.\n' +
        'Please run each command separately OR chain them into a single command via && or ;\n' +
        `Provided commands:\n(1) touch ${marker}\n(2) ls\n(3) echo x && echo y`,
    );
    expect((await server.run(`test -e ${marker}`)).extras.metadata.exit_code).toBe(1);
  });

  it('decodes invalid UTF-8 and binary output with replacement characters', async () => {
    const obs = await server.run(String.raw`printf 'ok \xff\xfe end \x00 nul'`);
    expect(obs.content).toBe('ok \uFFFD\uFFFD end \u0000 nul');
  });

  it('truncates output over 30,000 characters in the middle, unless the command is hidden', async () => {
    const obs = await server.run('seq 1 20000');
    const marker = '\n[... Observation truncated due to length ...]\n';
    expect(obs.content).toContain(marker);
    const [head, tail] = obs.content.split(marker);
    expect(head).toHaveLength(15_000);
    expect(tail).toHaveLength(15_000);
    expect(head!.startsWith('1\n2\n3\n')).toBe(true);
    expect(tail!.endsWith('19999\n20000')).toBe(true);
    const hidden = await server.run('seq 1 20000', { hidden: true });
    expect(hidden.content.split('\n')).toHaveLength(20000);
    expect(hidden.extras.hidden).toBe(true);
  });

  it('renders carriage-return progress lines as their final state', async () => {
    const obs = await server.run(String.raw`printf '10%%\r50%%\r100%%\ndone\r\n'`);
    expect(obs.content).toBe('100%\ndone');
  });

  it('answers an empty command or input with nothing running with the reference errors', async () => {
    const empty = await server.run('');
    expect(empty.content).toBe('ERROR: No previous running command to retrieve logs from.');
    expect(empty.extras.metadata.exit_code).toBe(-1);
    const input = await server.run('y', { is_input: true });
    expect(input.content).toBe('ERROR: No previous running command to interact with.');
    expect(input.extras.metadata.exit_code).toBe(-1);
  });

  it('runs an is_static command in a fresh shell in the given directory', async () => {
    await server.run('export ONLY_IN_SESSION=1');
    const obs = await server.run('pwd; echo "[${ONLY_IN_SESSION:-}]"', { is_static: true, cwd: '/' });
    expect(obs.content).toBe('/\n[]');
    expect(obs.extras.metadata.exit_code).toBe(0);
  });

  it('restarts the shell after `exit`, in the same directory', async () => {
    await server.run(`cd "${server.workspace}"`);
    const obs = await server.run('exit 3');
    expect(obs.extras.metadata.exit_code).toBe(3);
    expect(obs.extras.metadata.suffix).toMatch(/shell exited with code 3.*new shell was started/s);
    const after = await server.run('pwd');
    expect(after.content).toBe(server.workspace);
  });
});

describe('long-running commands', () => {
  it('soft timeout hands back control, an empty command returns new output, C-c interrupts', async () => {
    const g = gated('soft');
    const first = await server.run(`echo start; ${g.wait}; echo middle; sleep 600; echo never`);
    expect(first.content).toBe('start');
    expect(first.extras.metadata.exit_code).toBe(-1);
    expect(first.extras.metadata.suffix).toMatch(
      /^\n\[The command has no new output after 1 seconds\. .*C-c.*timeout/s,
    );

    g.open();
    const more = await server.run('');
    expect(more.content).toBe('middle');
    expect(more.extras.metadata.prefix).toBe('[Below is the output of the previous command.]\n');
    expect(more.extras.metadata.exit_code).toBe(-1);

    const refused = await server.run('echo should-not-run');
    expect(refused.extras.metadata.suffix).toMatch(/Your command "echo should-not-run" is NOT executed/);
    expect(refused.content).not.toContain('should-not-run');

    const interrupted = await server.run('C-c', { is_input: true });
    expect(interrupted.extras.metadata.exit_code).toBe(130);
    expect(interrupted.extras.metadata.suffix).toBe('\n[The command completed with exit code 130. CTRL+C was sent.]');
    expect(interrupted.content).not.toContain('never');
    expect((await server.run('echo free again')).content).toBe('free again');
  });

  it('a command that finishes after its soft timeout: an empty command reports the end, a new command just runs', async () => {
    const g1 = gated('late-1');
    const first = await server.run(`${g1.wait}; echo finished-late; (exit 4)`);
    expect(first.extras.metadata.exit_code).toBe(-1);
    let unwatched = occurrences(server.stderr(), FINISHED_UNWATCHED);
    g1.open();
    await serverLogged(server, FINISHED_UNWATCHED, unwatched);
    const polled = await server.run('');
    expect(polled.content).toBe('finished-late');
    expect(polled.extras.metadata.exit_code).toBe(4);
    expect(polled.extras.metadata.suffix).toBe(completed(4));

    const g2 = gated('late-2');
    const second = await server.run(`${g2.wait}; echo also-late`);
    expect(second.extras.metadata.exit_code).toBe(-1);
    unwatched = occurrences(server.stderr(), FINISHED_UNWATCHED);
    g2.open();
    await serverLogged(server, FINISHED_UNWATCHED, unwatched);
    const next = await server.run('echo next-command');
    expect(next.content).toBe('next-command');
    expect(next.extras.metadata.exit_code).toBe(0);
  });

  it('sends is_input text to a program waiting on stdin', async () => {
    const waiting = await server.run('read -r name; echo "hello $name"; read -r age; echo "age $age"');
    expect(waiting.extras.metadata.exit_code).toBe(-1);
    const second = await server.run('Alice', { is_input: true });
    expect(second.content).toBe('hello Alice');
    expect(second.extras.metadata.exit_code).toBe(-1);
    const done = await server.run('42', { is_input: true });
    expect(done.content).toBe('age 42');
    expect(done.extras.metadata.exit_code).toBe(0);
  });

  it('C-d closes the input of the running command', async () => {
    const waiting = await server.run('cat; echo "cat ended $?"');
    expect(waiting.extras.metadata.exit_code).toBe(-1);
    await server.run('some text', { is_input: true });
    const ended = await server.run('C-d', { is_input: true });
    expect(ended.content).toContain('cat ended 0');
    expect(ended.extras.metadata.exit_code).toBe(0);
    expect(ended.extras.metadata.suffix).toMatch(/CTRL\+D was sent/);
    // The next command gets a fresh input again.
    await server.run('read -r x; echo "got $x"');
    expect((await server.run('again', { is_input: true })).content).toBe('got again');
  });

  it('a blocking command waits past the soft timeout', async () => {
    const obs = await server.run('sleep 1.5; echo finished', { blocking: true }, 30);
    expect(obs.content).toBe('finished');
    expect(obs.extras.metadata.exit_code).toBe(0);
  });

  it('hard timeout interrupts and kills every process the command started, background grandchildren included', async () => {
    const obs = await server.run('sleep 987653 & bash -c "sleep 987654 & sleep 987655"', { blocking: true }, 1);
    expect(obs.extras.metadata.exit_code).toBe(-1);
    expect(obs.extras.metadata.suffix).toMatch(/^\n\[The command timed out after 1\.0 seconds\./);
    expect(await eventually(() => processesMatching('sleep 98765').length === 0)).toBe(true);
    expect((await server.run('echo usable')).content).toBe('usable');
  });

  // The shell reports a job killed by a signal ("[1]+  Interrupt  sleep 9") at its next chance; a job the
  // server stopped must not be reported inside the next command's output.
  it.each([
    ['a background job', 'sleep 987660 & sleep 987661'],
    [
      'a background job that ignores SIGINT (killed after the marker)',
      `bash -c 'trap "" INT; exec sleep 987662' & sleep 987663`,
    ],
    ['a background pipeline', 'sleep 987664 | cat & sleep 987665'],
    ['a job started from a subshell and a background job', '(sleep 987666 &); sleep 987667 & sleep 987666'],
  ])('hard timeout: %s is never reported in the next observation (repeated)', async (_name, command) => {
    for (let i = 0; i < 6; i += 1) {
      const obs = await server.run(command, { blocking: true }, 0.3);
      expect(obs.extras.metadata.suffix).toMatch(/^\n\[The command timed out after 0\.3 seconds\./);
      expect(processesMatching('sleep 98766')).toEqual([]);
      const next = await server.run(`echo next-${i}`);
      expect(next.content).toBe(`next-${i}`);
    }
    // Jobs of earlier commands are still the shell's jobs.
    await server.run('sleep 987668 > /dev/null 2>&1 &');
    await server.run(command, { blocking: true }, 0.3);
    const killed = await server.run('kill %?987668; wait %?987668; echo rc=$?');
    expect(killed.content).toMatch(/Terminated\s+sleep 987668.*\nrc=143$/s);
    expect(await eventually(() => processesMatching('sleep 987668').length === 0)).toBe(true);
  });

  it('C-c: the jobs it interrupted are never reported in the next observation (repeated)', async () => {
    for (let i = 0; i < 3; i += 1) {
      const first = await server.run('sleep 987669 & sleep 987670');
      expect(first.extras.metadata.suffix).toMatch(/no new output/);
      const interrupted = await server.run('C-c', { is_input: true });
      expect(interrupted.extras.metadata.suffix).toMatch(/CTRL\+C was sent/);
      expect(await eventually(() => processesMatching('sleep 98767').length === 0)).toBe(true);
      expect((await server.run(`echo after-c-${i}`)).content).toBe(`after-c-${i}`);
    }
  });

  it('C-c: a job that survives the interrupt is no longer a job; its later death is never reported', async () => {
    const first = await server.run(`bash -c 'trap "" INT; exec sleep 987671' & sleep 987672`);
    expect(first.extras.metadata.suffix).toMatch(/no new output/);
    await server.run('C-c', { is_input: true });
    const survivor = processesMatching('sleep 987671');
    expect(survivor).toHaveLength(1);
    expect((await server.run('jobs')).content).toBe('');
    process.kill(survivor[0]!, 'SIGKILL');
    expect(await eventually(() => processesMatching('sleep 987671').length === 0)).toBe(true);
    expect((await server.run('echo after-survivor')).content).toBe('after-survivor');
  });

  it('hard timeout SIGKILLs processes that ignore SIGINT', async () => {
    const obs = await server.run(`bash -c 'trap "" INT; sleep 987656 & sleep 987657'`, { blocking: true }, 1);
    expect(obs.extras.metadata.exit_code).toBe(-1);
    expect(obs.extras.metadata.suffix).toMatch(/did not stop on SIGINT.*SIGKILL/);
    expect(await eventually(() => processesMatching('sleep 98765').length === 0)).toBe(true);
  });

  it('a hard timeout leaves background jobs of earlier commands alone', async () => {
    await server.run('sleep 987658 > /dev/null 2>&1 &');
    await server.run('sleep 30', { blocking: true }, 1);
    expect(processesMatching('sleep 987658')).toHaveLength(1);
    await server.run('kill %?987658; wait %?987658; true');
    expect(await eventually(() => processesMatching('sleep 987658').length === 0)).toBe(true);
  });

  it('restarts a shell wedged in a builtin loop on hard timeout', async () => {
    await server.run('export BEFORE_WEDGE=1');
    const obs = await server.run('while true; do :; done', { blocking: true }, 1);
    expect(obs.extras.metadata.suffix).toMatch(/shell was restarted/);
    const after = await server.run('echo "[${BEFORE_WEDGE:-}]"');
    expect(after.content).toBe('[]');
  });

  it('echoes neither the command nor the marker into the output', async () => {
    const obs = await server.run('echo visible');
    expect(obs.content).toBe('visible');
    expect(obs.content).not.toContain('PS1JSON');
    // Output that imitates a marker stays output.
    const fake = await server.run(String.raw`printf '\n###PS1JSON###\n{"exit_code":"7"}\n###PS1END###\n'; echo real`);
    expect(fake.extras.metadata.exit_code).toBe(0);
    expect(fake.content).toContain('{"exit_code":"7"}');
    expect(fake.content.endsWith('real')).toBe(true);
  });

  it('writes a file through the shell that the host can read', async () => {
    await server.run(`echo from-shell > "${server.workspace}/shell.txt"`);
    expect(readFileSync(path.join(server.workspace, 'shell.txt'), 'utf8')).toBe('from-shell\n');
  });
});
