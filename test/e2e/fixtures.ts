// Shared set-up for the end-to-end tests: the fake GitHub with a small Python repository and an
// issue, a scripted model that fixes it, and a real `issues.labeled` payload patched to point at them.
import defs from '@octokit/webhooks-examples' with { type: 'json' };
import {
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubOptions,
  type FakePull,
} from '../../src/testing/fake-github/index.js';
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
    toolCall('execute_bash', {
      command: `printf '%s' '${FIXED_HELLO.replace(/'/g, "'\\''")}' > hello.py && cat hello.py`,
    }),
    toolCall('finish', { message: 'greet() now returns "Hello, <name>!".' }),
    text('--- success\ntrue\n\n--- explanation\ngreet() now uses the name it is given.'),
  ];
}

export async function startWorld(
  script: LlmStep[] = fixingScript(),
  fakeOptions: FakeGitHubOptions = {},
): Promise<World> {
  const fake = await startFakeGitHub(fakeOptions);
  await fake.addRepo({ owner: OWNER, repo: REPO, files: REPO_FILES, defaultBranch: 'main' });
  fake.addUser(MAINTAINER);
  fake.setPermission(OWNER, REPO, MAINTAINER, 'write');
  const issue = fake.addIssue({
    owner: OWNER,
    repo: REPO,
    title: ISSUE_TITLE,
    body: 'It ignores the name argument.',
    author: 'someone',
  });
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
  const example = def?.examples.find((e) => (e.action ?? '') === action);
  if (!example) throw new Error(`no ${name}.${action} example`);
  const p = structuredClone(example);
  const repository = obj(p.repository);
  p.repository = {
    ...repository,
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    owner: { ...obj(repository.owner), login: OWNER },
  };
  return p;
}

/** The issues.labeled example, patched to our issue, label and sender. */
export function labeledPayload(world: World, label = 'fix-me', sender = MAINTAINER): Json {
  const p = webhookExample('issues', 'labeled');
  const issue = world.fake.state.issues.find((i) => i.number === world.issueNumber);
  p.label = { ...obj(p.label), name: label };
  p.issue = {
    ...obj(p.issue),
    number: world.issueNumber,
    title: issue?.title,
    body: issue?.body,
    updated_at: issue?.updatedAt,
  };
  p.sender = { ...obj(p.sender), login: sender, type: 'User' };
  return p;
}

export function githubEnv(fake: FakeGitHub): Record<string, string> {
  return { GITHUB_API_URL: fake.apiUrl, GITHUB_GRAPHQL_URL: fake.graphqlUrl, GITHUB_SERVER_URL: fake.serverUrl };
}

/** A user object for payloads, with the fake's id for the login (so Co-authored-by can use it). */
export function userJson(world: World, login: string, type: 'User' | 'Bot' = 'User'): Json {
  const u = world.fake.addUser(login, type);
  return { login: u.login, id: u.id, node_id: u.nodeId, type: u.type };
}

export interface CommentPayloadOptions {
  body: string;
  sender?: string;
  senderType?: 'User' | 'Bot';
  /** The comment's author_association as GitHub would show it (the product must not trust it). */
  association?: string;
  /** Comment on this pull request's conversation instead of the world's issue. */
  pull?: FakePull;
  /** The comment's created_at (default now). */
  createdAt?: string;
}

/** The issue_comment.created example; the comment is also added to the fake GitHub (same id and time). */
export function commentPayload(world: World, o: CommentPayloadOptions): Json {
  const sender = o.sender ?? MAINTAINER;
  const p = webhookExample('issue_comment', 'created');
  const number = o.pull?.number ?? world.issueNumber;
  const item = o.pull ?? world.fake.state.issues.find((i) => i.number === number);
  world.fake.addUser(sender, o.senderType ?? 'User');
  const c = world.fake.addComment({
    owner: OWNER,
    repo: REPO,
    issue: number,
    body: o.body,
    author: sender,
    ...(o.createdAt ? { createdAt: o.createdAt, updatedAt: o.createdAt } : {}),
  });
  const user = userJson(world, sender, o.senderType ?? 'User');
  p.comment = {
    ...obj(p.comment),
    id: c.id,
    node_id: c.nodeId,
    body: o.body,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    user,
    author_association: o.association ?? 'MEMBER',
  };
  p.issue = {
    ...obj(p.issue),
    number,
    title: item?.title,
    body: item?.body,
    updated_at: item?.updatedAt,
    ...(o.pull ? { pull_request: { url: `${world.fake.apiUrl}/repos/${OWNER}/${REPO}/pulls/${number}` } } : {}),
  };
  if (!o.pull) delete (p.issue as Json).pull_request;
  p.sender = user;
  return p;
}

/** The pull_request part of a payload for a PR of the fake GitHub. */
export function pullJson(world: World, pull: FakePull): Json {
  return {
    number: pull.number,
    title: pull.title,
    body: pull.body,
    updated_at: pull.updatedAt,
    state: pull.state,
    user: userJson(world, pull.author),
    head: { sha: pull.headSha, ref: pull.headRef, repo: { full_name: pull.headRepo } },
    base: { ref: pull.baseRef, repo: { full_name: pull.repo } },
  };
}

/** A pull request in the world's repository, with one changed file on its head branch. */
export async function addPull(
  world: World,
  o: { author?: string; headRepo?: string; files?: Record<string, string>; maintainerCanModify?: boolean } = {},
): Promise<FakePull> {
  return world.fake.addPull({
    owner: OWNER,
    repo: REPO,
    title: 'Greet loudly',
    body: 'Makes greet() shout.',
    head: 'feature/shout',
    files: { 'hello.py': 'def greet(name):\n    return "HELLO, WORLD!"\n', ...o.files },
    author: o.author ?? 'contributor-carl',
    ...(o.headRepo ? { headRepo: o.headRepo } : {}),
    ...(o.maintainerCanModify !== undefined ? { maintainerCanModify: o.maintainerCanModify } : {}),
  });
}

/** The pull_request.labeled example for a PR of the fake. */
export function pullLabeledPayload(world: World, pull: FakePull, label = 'fix-me', sender = MAINTAINER): Json {
  const p = webhookExample('pull_request', 'labeled');
  p.label = { ...obj(p.label), name: label };
  p.pull_request = { ...obj(p.pull_request), ...pullJson(world, pull) };
  p.number = pull.number;
  p.sender = userJson(world, sender);
  return p;
}

/** The pull_request_review_comment.created example; the thread is added to the fake GitHub. */
export function reviewCommentPayload(world: World, pull: FakePull, body: string, sender = MAINTAINER): Json {
  const p = webhookExample('pull_request_review_comment', 'created');
  world.fake.addUser(sender);
  const thread = world.fake.addReviewThread({
    owner: OWNER,
    repo: REPO,
    pull: pull.number,
    path: 'hello.py',
    line: 2,
    comments: [{ body, author: sender }],
  });
  const c = thread.comments[0];
  p.comment = {
    ...obj(p.comment),
    id: c?.id,
    node_id: c?.nodeId,
    body,
    path: 'hello.py',
    created_at: c?.createdAt,
    updated_at: c?.updatedAt,
    user: userJson(world, sender),
  };
  p.pull_request = { ...obj(p.pull_request), ...pullJson(world, pull) };
  p.sender = userJson(world, sender);
  return p;
}

/** The pull_request_review.submitted example; the review is added to the fake GitHub. */
export function reviewPayload(world: World, pull: FakePull, body: string, sender = MAINTAINER): Json {
  const p = webhookExample('pull_request_review', 'submitted');
  world.fake.addUser(sender);
  const review = world.fake.addReview({ owner: OWNER, repo: REPO, pull: pull.number, body, author: sender });
  p.review = {
    ...obj(p.review),
    id: review.id,
    node_id: review.nodeId,
    body,
    submitted_at: review.submittedAt,
    // The commit the reviewer saw: the run pins the head to it.
    commit_id: pull.headSha,
    user: userJson(world, sender),
  };
  p.pull_request = { ...obj(p.pull_request), ...pullJson(world, pull) };
  p.sender = userJson(world, sender);
  return p;
}

/** The workflow_dispatch example with the given inputs. */
export function dispatchPayload(world: World, inputs: Record<string, string>, sender = MAINTAINER): Json {
  const p = webhookExample('workflow_dispatch', '');
  p.inputs = inputs;
  p.sender = userJson(world, sender);
  return p;
}
