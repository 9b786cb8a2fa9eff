// CLI entry (package bin `openhands-resolver`): wiring only. Flags are read once into typed options;
// errors print one clear line and exit non-zero.
import { createConsoleLogger } from '../core/log.js';
import { createRedactor } from '../core/redact.js';
import { errorMessage, ResolverError } from '../core/errors.js';
import { parseIntSetting } from '../core/settings.js';
import { resolveIssueCommand, sendPullRequestCommand, serveCommand, visualizeCommand } from './commands.js';
import { parseFlags, resolveIssueOptions, sendPullRequestOptions } from './flags.js';
import { RESOLVE_ISSUE_USAGE, SEND_PULL_REQUEST_USAGE, USAGE } from './usage.js';

/** Every secret the CLI may hold, from the environment or from flags, so nothing it prints carries one. */
function cliSecrets(argv: string[], env: NodeJS.ProcessEnv): string[] {
  const secrets = [env.GITHUB_TOKEN, env.LLM_API_KEY];
  argv.forEach((arg, i) => {
    const [flag, inline] = arg.split(/=(.*)/s);
    if (flag === '--token' || flag === '--llm-api-key') secrets.push(inline ?? argv[i + 1]);
  });
  return secrets.filter((s): s is string => typeof s === 'string' && s !== '');
}

const redactor = createRedactor(cliSecrets(process.argv.slice(2), process.env));

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const verbose = rest.includes('--verbose');
  const logger = createConsoleLogger({ verbose, redact: (t) => redactor.redact(t) });
  const wantsHelp = rest.includes('--help') || rest.includes('-h');
  const print = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
  switch (command) {
    case 'resolve-issue':
      if (wantsHelp) return (print(RESOLVE_ISSUE_USAGE), 0);
      return resolveIssueCommand(resolveIssueOptions(rest, process.env), process.env, logger);
    case 'send-pull-request':
      if (wantsHelp) return (print(SEND_PULL_REQUEST_USAGE), 0);
      return sendPullRequestCommand(sendPullRequestOptions(rest, process.env), process.env, logger);
    case 'visualize': {
      const f = parseFlags(rest, {
        'issue-number': { type: 'string' },
        'output-dir': { type: 'string' },
        'vis-method': { type: 'string' },
        help: { type: 'boolean' },
      });
      if (f.help)
        return (print('openhands-resolver visualize --issue-number N [--output-dir output] [--vis-method json]'), 0);
      if (typeof f['issue-number'] !== 'string') throw new ResolverError('config', '--issue-number is required.');
      return visualizeCommand(
        {
          issueNumber: parseIntSetting('--issue-number', f['issue-number'], { min: 1 }),
          outputDir: typeof f['output-dir'] === 'string' ? f['output-dir'] : 'output',
          method: typeof f['vis-method'] === 'string' ? f['vis-method'] : 'json',
        },
        logger,
        (s) => process.stdout.write(s),
      );
    }
    case 'serve':
      return serveCommand(rest);
    case 'demo': {
      // Loaded on demand: the demo carries the fake GitHub test double, which nothing else needs.
      const { runDemo } = await import('./demo/demo.js');
      return runDemo(
        createConsoleLogger({ verbose, stream: process.stderr, redact: (t) => redactor.redact(t) }),
        print,
      );
    }
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      print(USAGE);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`Unknown command '${command}'.\n\n${USAGE}`);
      return 1;
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`error: ${redactor.redact(errorMessage(err))}\n`);
  process.exitCode = err instanceof ResolverError && err.code === 'cancelled' ? 130 : 1;
}
process.exit(process.exitCode);
