// Shared set-up for the end-to-end tests: the fake GitHub with a small Python repository and an
// issue, a scripted model that fixes it, and a real `issues.labeled` payload patched to point at them.
import defs from '@octokit/webhooks-examples' with { type: 'json' };
import { startFakeGitHub, type FakeGitHub } from '../../src/testing/fake-github/index.js';
import { startScriptedLlm, text, toolCall, type LlmStep, type ScriptedLlm } from '../../src/testing/scripted-llm.js';

export const OWNER = 'octo-org';
export const REPO = 'hello-py';
export const MAINTAINER = 'maintainer-mona';
export const LLM_KEY = 'sk-e2e-secret-key-0123456789abcdef';
export const ISSUE_TITLE = 'greet() should greet by name';

export const REPO_FILES: Record<string, string> = {
  'README.md': '# hello-py\n',
  'hello.py': 'def greet(name):\n    return "Hello, world!"\n',
  'test_hello.py': 'from hello import greet\n\n\ndef test_greet():\n    assert greet("Ada") == "Hello, world!"\n',
};

export const FIXED_HELLO = 'def greet(name):\n    return f"Hello, {name}!"\n';

export interface World {
  fake: FakeGitHub;
  llm: ScriptedLlm;
  issueNumber: number;
  close(): Promise<void>;
}

/** Steps of a model that looks around, checks its environment, fixes hello.py, and finishes. */
export function fixingScript(): LlmStep[] {
  return [
    toolCall('execute_bash', { command: 'ls && cat hello.py' }),
    toolCall('execute_bash', { command: 'env | sort' }),
    toolCall('execute_bash', { command: `printf '%s' '${FIXED_HELLO.replace(/'/g, "'\\''")}' > hello.py && cat hello.py` }),
    toolCall('finish', { message: 'greet() now returns "Hello, <name>!".' }),
    text('--- success\ntrue\n\n--- explanation\ngreet() now uses the name it is given.'),
  ];
}

export async function startWorld(script: LlmStep[] = fixingScript()): Promise<World> {
  const fake = await startFakeGitHub();
  await fake.addRepo({ owner: OWNER, repo: REPO, files: REPO_FILES, defaultBranch: 'main' });
  fake.addUser(MAINTAINER);
  fake.setPermission(OWNER, REPO, MAINTAINER, 'write');
  const issue = fake.addIssue({ owner: OWNER, repo: REPO, title: ISSUE_TITLE, body: 'It ignores the name argument.', author: 'someone' });
  const llm = await startScriptedLlm(script, { apiKey: LLM_KEY });
  return {
    fake,
    llm,
    issueNumber: issue.number,
    close: async () => {
      await llm.close();
      await fake.close();
    },
  };
}

type Json = Record<string, unknown>;
type Def = { name: string; examples: Json[] };

const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});

/** A real webhook example from @octokit/webhooks-examples (name.action), patched to our repository. */
export function webhookExample(name: string, action: string): Json {
  const def = (defs as unknown as Def[]).find((d) => d.name === name);
  const example = def?.examples.find((e) => e.action === action);
  if (!example) throw new Error(`no ${name}.${action} example`);
  const p = structuredClone(example);
  const repository = obj(p.repository);
  p.repository = { ...repository, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { ...obj(repository.owner), login: OWNER } };
  return p;
}

/** The issues.labeled example, patched to our issue, label and sender. */
export function labeledPayload(world: World, label = 'fix-me', sender = MAINTAINER): Json {
  const p = webhookExample('issues', 'labeled');
  const issue = world.fake.state.issues.find((i) => i.number === world.issueNumber);
  p.label = { ...obj(p.label), name: label };
  p.issue = { ...obj(p.issue), number: world.issueNumber, title: issue?.title, body: issue?.body, updated_at: issue?.updatedAt };
  p.sender = { ...obj(p.sender), login: sender, type: 'User' };
  return p;
}

export function githubEnv(fake: FakeGitHub): Record<string, string> {
  return { GITHUB_API_URL: fake.apiUrl, GITHUB_GRAPHQL_URL: fake.graphqlUrl, GITHUB_SERVER_URL: fake.serverUrl };
}
