// TEST DOUBLE: stands in for GitHub / the LLM in tests and the offline demo; not used by the product.
//
// The fake GitHub's GraphQL endpoint: a small real GraphQL parser and executor over a slice of GitHub's schema,
// so a query asking for a field GitHub does not have fails here as it would there, and the answer has exactly
// the requested shape. Supported (see SCHEMA below for every field):
//   query:    repository(owner, name) { pullRequest(number) { closingIssuesReferences reviews reviewThreads
//             comments ... } issue(number) }, node(id), viewer, rateLimit
//   mutation: addPullRequestReviewThreadReply, resolveReviewThread, unresolveReviewThread, addReaction
// Language support: one operation per request (or `operationName`), variables with declared types (checked: required
// ones present, scalar types), aliases, arguments (literals, variables, lists, input objects, enums), fragments and
// inline fragments, `__typename`. Not supported (answered with an error): directives, subscriptions,
// introspection. Connections take `first` (1..100) and `after` cursors, and report pageInfo/totalCount.
import { BODY_LIMIT, type FakeModel } from './model.js';
import type {
  FakeComment,
  FakeIssue,
  FakePull,
  FakeReview,
  FakeReviewComment,
  FakeReviewThread,
  FakeUser,
  ReactionContent,
} from './state.js';

// ---- parser ---------------------------------------------------------------------------------------------------

type Value =
  | { kind: 'var'; name: string }
  | { kind: 'int' | 'float'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'enum'; value: string }
  | { kind: 'list'; values: Value[] }
  | { kind: 'object'; fields: Record<string, Value> };

interface Field {
  kind: 'field';
  alias: string | null;
  name: string;
  args: Record<string, Value>;
  selections: Selection[] | null;
  line: number;
  column: number;
}
interface InlineFragment {
  kind: 'inline';
  typeCondition: string | null;
  selections: Selection[];
}
interface FragmentSpread {
  kind: 'spread';
  name: string;
}
type Selection = Field | InlineFragment | FragmentSpread;

interface TypeRef {
  name: string;
  list: boolean;
  nonNull: boolean;
  innerNonNull: boolean;
}

interface Operation {
  type: 'query' | 'mutation' | 'subscription';
  name: string | null;
  variables: { name: string; type: TypeRef; defaultValue: Value | null }[];
  selections: Selection[];
}

interface Doc {
  operations: Operation[];
  fragments: Map<string, { typeCondition: string; selections: Selection[] }>;
}

export class GraphqlSyntaxError extends Error {}

interface Token {
  kind: 'punct' | 'name' | 'int' | 'float' | 'string';
  value: string;
  line: number;
  column: number;
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const push = (kind: Token['kind'], value: string, start: number) =>
    tokens.push({ kind, value, line, column: start - lineStart + 1 });
  while (i < src.length) {
    const ch = src[i] ?? '';
    if (ch === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (/[\s,\uFEFF]/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (src.startsWith('...', i)) {
      push('punct', '...', i);
      i += 3;
      continue;
    }
    if ('!$():=@[]{}|&'.includes(ch)) {
      push('punct', ch, i);
      i++;
      continue;
    }
    if (/[_A-Za-z]/.test(ch)) {
      const m = /^[_0-9A-Za-z]+/.exec(src.slice(i));
      push('name', m?.[0] ?? ch, i);
      i += m?.[0].length ?? 1;
      continue;
    }
    if (/[-0-9]/.test(ch)) {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(src.slice(i));
      if (!m) throw new GraphqlSyntaxError(`Syntax Error: Invalid number at line ${line}`);
      push(m[2] || m[3] ? 'float' : 'int', m[0], i);
      i += m[0].length;
      continue;
    }
    if (src.startsWith('"""', i)) {
      const end = src.indexOf('"""', i + 3);
      if (end === -1) throw new GraphqlSyntaxError('Syntax Error: Unterminated string.');
      const raw = src.slice(i + 3, end);
      push('string', raw.replace(/\\"""/g, '"""'), i);
      for (const c of raw) if (c === '\n') line++;
      i = end + 3;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\') j++;
        if (src[j] === '\n') throw new GraphqlSyntaxError('Syntax Error: Unterminated string.');
        j++;
      }
      if (j >= src.length) throw new GraphqlSyntaxError('Syntax Error: Unterminated string.');
      push('string', JSON.parse(src.slice(i, j + 1)) as string, i);
      i = j + 1;
      continue;
    }
    throw new GraphqlSyntaxError(`Syntax Error: Unexpected character "${ch}" at line ${line}.`);
  }
  return tokens;
}

class Parser {
  private pos = 0;
  private readonly tokens: Token[];
  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  private next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new GraphqlSyntaxError('Syntax Error: Unexpected end of document.');
    return t;
  }
  private isPunct(v: string): boolean {
    const t = this.peek();
    return t?.kind === 'punct' && t.value === v;
  }
  private expectPunct(v: string): void {
    const t = this.next();
    if (t.kind !== 'punct' || t.value !== v) {
      throw new GraphqlSyntaxError(`Syntax Error: Expected "${v}", found "${t.value}" at line ${t.line}.`);
    }
  }
  private name(): string {
    const t = this.next();
    if (t.kind !== 'name')
      throw new GraphqlSyntaxError(`Syntax Error: Expected a name, found "${t.value}" at line ${t.line}.`);
    return t.value;
  }

  document(): Doc {
    const doc: Doc = { operations: [], fragments: new Map() };
    while (this.peek()) {
      const t = this.peek();
      if (t?.kind === 'punct' && t.value === '{') {
        doc.operations.push({ type: 'query', name: null, variables: [], selections: this.selectionSet() });
      } else if (t?.kind === 'name' && (t.value === 'query' || t.value === 'mutation' || t.value === 'subscription')) {
        this.next();
        const name = this.peek()?.kind === 'name' ? this.name() : null;
        const variables = this.isPunct('(') ? this.variableDefinitions() : [];
        this.noDirectives();
        doc.operations.push({ type: t.value, name, variables, selections: this.selectionSet() });
      } else if (t?.kind === 'name' && t.value === 'fragment') {
        this.next();
        const name = this.name();
        if (this.name() !== 'on') throw new GraphqlSyntaxError('Syntax Error: Expected "on".');
        const typeCondition = this.name();
        this.noDirectives();
        doc.fragments.set(name, { typeCondition, selections: this.selectionSet() });
      } else {
        throw new GraphqlSyntaxError(`Syntax Error: Unexpected "${t?.value}" at line ${t?.line}.`);
      }
    }
    return doc;
  }

  private noDirectives(): void {
    if (this.isPunct('@')) throw new GraphqlSyntaxError('Directives are not supported by the fake GitHub.');
  }

  private variableDefinitions(): Operation['variables'] {
    const out: Operation['variables'] = [];
    this.expectPunct('(');
    while (!this.isPunct(')')) {
      this.expectPunct('$');
      const name = this.name();
      this.expectPunct(':');
      const type = this.typeRef();
      let defaultValue: Value | null = null;
      if (this.isPunct('=')) {
        this.next();
        defaultValue = this.value(true);
      }
      out.push({ name, type, defaultValue });
    }
    this.expectPunct(')');
    return out;
  }

  private typeRef(): TypeRef {
    if (this.isPunct('[')) {
      this.next();
      const inner = this.typeRef();
      this.expectPunct(']');
      const nonNull = this.isPunct('!');
      if (nonNull) this.next();
      return { name: inner.name, list: true, nonNull, innerNonNull: inner.nonNull };
    }
    const name = this.name();
    const nonNull = this.isPunct('!');
    if (nonNull) this.next();
    return { name, list: false, nonNull, innerNonNull: false };
  }

  private selectionSet(): Selection[] {
    this.expectPunct('{');
    const out: Selection[] = [];
    while (!this.isPunct('}')) out.push(this.selection());
    this.expectPunct('}');
    if (out.length === 0) throw new GraphqlSyntaxError('Syntax Error: Empty selection set.');
    return out;
  }

  private selection(): Selection {
    if (this.isPunct('...')) {
      this.next();
      const t = this.peek();
      if (t?.kind === 'name' && t.value === 'on') {
        this.next();
        const typeCondition = this.name();
        this.noDirectives();
        return { kind: 'inline', typeCondition, selections: this.selectionSet() };
      }
      if (this.isPunct('{')) return { kind: 'inline', typeCondition: null, selections: this.selectionSet() };
      const name = this.name();
      this.noDirectives();
      return { kind: 'spread', name };
    }
    const first = this.next();
    if (first.kind !== 'name') throw new GraphqlSyntaxError(`Syntax Error: Expected a field, found "${first.value}".`);
    let alias: string | null = null;
    let name = first.value;
    if (this.isPunct(':')) {
      this.next();
      alias = name;
      name = this.name();
    }
    const args: Record<string, Value> = {};
    if (this.isPunct('(')) {
      this.next();
      while (!this.isPunct(')')) {
        const argName = this.name();
        this.expectPunct(':');
        args[argName] = this.value(false);
      }
      this.expectPunct(')');
    }
    this.noDirectives();
    const selections = this.isPunct('{') ? this.selectionSet() : null;
    return { kind: 'field', alias, name, args, selections, line: first.line, column: first.column };
  }

  private value(constant: boolean): Value {
    const t = this.next();
    if (t.kind === 'punct' && t.value === '$') {
      if (constant) throw new GraphqlSyntaxError('Syntax Error: Unexpected variable in a constant.');
      return { kind: 'var', name: this.name() };
    }
    if (t.kind === 'int') return { kind: 'int', value: Number(t.value) };
    if (t.kind === 'float') return { kind: 'float', value: Number(t.value) };
    if (t.kind === 'string') return { kind: 'string', value: t.value };
    if (t.kind === 'name') {
      if (t.value === 'true' || t.value === 'false') return { kind: 'boolean', value: t.value === 'true' };
      if (t.value === 'null') return { kind: 'null' };
      return { kind: 'enum', value: t.value };
    }
    if (t.kind === 'punct' && t.value === '[') {
      const values: Value[] = [];
      while (!this.isPunct(']')) values.push(this.value(constant));
      this.next();
      return { kind: 'list', values };
    }
    if (t.kind === 'punct' && t.value === '{') {
      const fields: Record<string, Value> = {};
      while (!this.isPunct('}')) {
        const n = this.name();
        this.expectPunct(':');
        fields[n] = this.value(constant);
      }
      this.next();
      return { kind: 'object', fields };
    }
    throw new GraphqlSyntaxError(`Syntax Error: Unexpected "${t.value}" at line ${t.line}.`);
  }
}

export function parseGraphql(source: string): Doc {
  return new Parser(tokenize(source)).document();
}

// ---- schema ---------------------------------------------------------------------------------------------------

export interface GraphqlError {
  message: string;
  type?: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

class FieldError extends Error {
  readonly type: string | undefined;
  constructor(message: string, type?: string) {
    super(message);
    this.type = type;
  }
}

interface Ctx {
  m: FakeModel;
}

type Args = Record<string, unknown>;
interface FieldDef {
  /** Return type: an object type, interface or scalar name, `[X]` for a list. */
  type: string;
  /** Accepted arguments and their types (`!` = required). */
  args?: Record<string, string>;
  resolve: (parent: unknown, args: Args, ctx: Ctx) => unknown;
}

interface ObjectType {
  fields: Record<string, FieldDef>;
  /** For interfaces: the concrete type of a value, and the value that type's resolvers take. */
  resolveType?: (value: unknown) => { type: string; value: unknown };
}

const SCALARS = new Set([
  'String',
  'Int',
  'Float',
  'Boolean',
  'ID',
  'DateTime',
  'BigInt',
  'URI',
  'GitObjectID',
  'HTML',
  'PullRequestState',
  'IssueState',
  'PullRequestReviewState',
  'ReactionContent',
]);

const REACTIONS: Record<string, ReactionContent> = {
  THUMBS_UP: '+1',
  THUMBS_DOWN: '-1',
  LAUGH: 'laugh',
  HOORAY: 'hooray',
  CONFUSED: 'confused',
  HEART: 'heart',
  ROCKET: 'rocket',
  EYES: 'eyes',
};
const REACTION_ENUM = Object.fromEntries(Object.entries(REACTIONS).map(([k, v]) => [v, k]));

interface Connection {
  items: unknown[];
  start: number;
  total: number;
  hasNext: boolean;
}

function cursor(i: number): string {
  return Buffer.from(`cursor:v2:${i}`).toString('base64');
}

function connection(items: unknown[], args: Args, field: string): Connection {
  const first = args.first;
  if (args.last !== undefined || args.before !== undefined) {
    throw new FieldError(`The fake GitHub supports only first/after pagination (on the \`${field}\` connection).`);
  }
  if (typeof first !== 'number') {
    throw new FieldError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`,
    );
  }
  if (first < 0 || first > 100) {
    throw new FieldError(
      `Requesting ${first} records on the \`${field}\` connection exceeds the \`first\` limit of 100 records.`,
    );
  }
  let start = 0;
  if (typeof args.after === 'string') {
    const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(args.after, 'base64').toString('utf8'));
    if (!m) throw new FieldError(`\`${args.after}\` does not appear to be a valid cursor.`);
    start = Number(m[1]) + 1;
  }
  const page = items.slice(start, start + first);
  return { items: page, start, total: items.length, hasNext: start + first < items.length };
}

function connectionTypes(name: string, node: string): Record<string, ObjectType> {
  const conn = (p: unknown) => p as Connection;
  return {
    [`${name}Connection`]: {
      fields: {
        nodes: { type: `[${node}]`, resolve: (p) => conn(p).items },
        edges: {
          type: `[${name}Edge]`,
          resolve: (p) => conn(p).items.map((node, i) => ({ node, cursor: cursor(conn(p).start + i) })),
        },
        pageInfo: {
          type: 'PageInfo',
          resolve: (p) => {
            const c = conn(p);
            return {
              hasNextPage: c.hasNext,
              hasPreviousPage: c.start > 0,
              startCursor: c.items.length > 0 ? cursor(c.start) : null,
              endCursor: c.items.length > 0 ? cursor(c.start + c.items.length - 1) : null,
            };
          },
        },
        totalCount: { type: 'Int', resolve: (p) => conn(p).total },
      },
    },
    [`${name}Edge`]: {
      fields: {
        node: { type: node, resolve: (p) => (p as { node: unknown }).node },
        cursor: { type: 'String', resolve: (p) => (p as { cursor: string }).cursor },
      },
    },
  };
}

const actorFields = (): Record<string, FieldDef> => ({
  login: { type: 'String', resolve: (p) => (p as FakeUser).login },
  url: { type: 'URI', resolve: (p, _a, { m }) => `${m.urls.web}/${(p as FakeUser).login}` },
  avatarUrl: {
    type: 'URI',
    args: { size: 'Int' },
    resolve: (p, _a, { m }) => `${m.urls.web}/avatars/${(p as FakeUser).login}`,
  },
});

const userFields = (): Record<string, FieldDef> => ({
  ...actorFields(),
  id: { type: 'ID', resolve: (p) => (p as FakeUser).nodeId },
  databaseId: { type: 'Int', resolve: (p) => (p as FakeUser).id },
  name: { type: 'String', resolve: (p) => (p as FakeUser).name },
});

function author(m: FakeModel, login: string): FakeUser {
  return m.user(login);
}

const databaseIds = (get: (p: unknown) => number): Record<string, FieldDef> => ({
  databaseId: { type: 'Int', resolve: (p) => get(p) },
  fullDatabaseId: { type: 'BigInt', resolve: (p) => String(get(p)) },
});

function byNodeId(m: FakeModel, id: unknown): { type: string; ref: unknown } {
  const hit = typeof id === 'string' ? m.nodes.get(id) : undefined;
  if (!hit) throw new FieldError(`Could not resolve to a node with the global id of '${String(id)}'`, 'NOT_FOUND');
  return hit;
}

/** Checks a mutation's `input` object by hand: required string fields, no unknown fields. */
function input(args: Args, required: string[], optional: string[] = []): Record<string, unknown> {
  const value = args.input;
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new FieldError('Argument `input` must be an object.');
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!required.includes(k) && !optional.includes(k) && k !== 'clientMutationId') {
      throw new FieldError(`InputObject has an invalid argument: ${k}`);
    }
  }
  for (const k of required) {
    if (o[k] === undefined || o[k] === null) throw new FieldError(`Argument '${k}' on InputObject is required.`);
  }
  return o;
}

function thread(m: FakeModel, id: unknown): FakeReviewThread {
  const hit = byNodeId(m, id);
  if (hit.type !== 'PullRequestReviewThread') {
    throw new FieldError(
      `Could not resolve to PullRequestReviewThread node with the global id of '${String(id)}'.`,
      'NOT_FOUND',
    );
  }
  return hit.ref as FakeReviewThread;
}

const SCHEMA: Record<string, ObjectType> = {
  Query: {
    fields: {
      repository: {
        type: 'Repository',
        args: { owner: 'String!', name: 'String!', followRenames: 'Boolean' },
        resolve: (_p, a, { m }) => {
          const r = m.findRepo(String(a.owner), String(a.name));
          if (!r)
            throw new FieldError(
              `Could not resolve to a Repository with the name '${String(a.owner)}/${String(a.name)}'.`,
              'NOT_FOUND',
            );
          return r;
        },
      },
      node: { type: 'Node', args: { id: 'ID!' }, resolve: (_p, a, { m }) => byNodeId(m, a.id) },
      viewer: { type: 'User', resolve: (_p, _a, { m }) => m.actor },
      rateLimit: {
        type: 'RateLimit',
        args: { dryRun: 'Boolean' },
        resolve: () => ({ limit: 5000, remaining: 4999, used: 1, cost: 1, resetAt: '2099-01-01T00:00:00Z' }),
      },
    },
  },
  RateLimit: {
    fields: Object.fromEntries(
      ['limit', 'remaining', 'used', 'cost', 'resetAt'].map((k) => [
        k,
        { type: k === 'resetAt' ? 'DateTime' : 'Int', resolve: (p: unknown) => (p as Record<string, unknown>)[k] },
      ]),
    ),
  },
  Mutation: {
    fields: {
      addPullRequestReviewThreadReply: {
        type: 'AddPullRequestReviewThreadReplyPayload',
        args: { input: 'AddPullRequestReviewThreadReplyInput!' },
        resolve: (_p, a, { m }) => {
          const i = input(a, ['body'], ['pullRequestReviewThreadId', 'pullRequestReviewId']);
          if (typeof i.body !== 'string') throw new FieldError('Argument body on InputObject must be a String.');
          if (i.body.trim() === '') throw new FieldError("Body can't be blank", 'UNPROCESSABLE');
          if (i.body.length > BODY_LIMIT)
            throw new FieldError(`Body is too long (maximum is ${BODY_LIMIT} characters)`, 'UNPROCESSABLE');
          if (i.pullRequestReviewThreadId === undefined)
            throw new FieldError('pullRequestReviewThreadId is required by the fake GitHub.');
          const t = thread(m, i.pullRequestReviewThreadId);
          const comment = m.replyToThread(t, i.body, m.actor.login);
          return { clientMutationId: i.clientMutationId ?? null, comment };
        },
      },
      resolveReviewThread: {
        type: 'ResolveReviewThreadPayload',
        args: { input: 'ResolveReviewThreadInput!' },
        resolve: (_p, a, { m }) => {
          const i = input(a, ['threadId']);
          const t = thread(m, i.threadId);
          t.isResolved = true;
          t.resolvedBy = m.actor.login;
          return { clientMutationId: i.clientMutationId ?? null, thread: t };
        },
      },
      unresolveReviewThread: {
        type: 'ResolveReviewThreadPayload',
        args: { input: 'UnresolveReviewThreadInput!' },
        resolve: (_p, a, { m }) => {
          const i = input(a, ['threadId']);
          const t = thread(m, i.threadId);
          t.isResolved = false;
          t.resolvedBy = null;
          return { clientMutationId: i.clientMutationId ?? null, thread: t };
        },
      },
      addReaction: {
        type: 'AddReactionPayload',
        args: { input: 'AddReactionInput!' },
        resolve: (_p, a, { m }) => {
          const i = input(a, ['subjectId', 'content']);
          const content = REACTIONS[String(i.content)];
          if (!content)
            throw new FieldError(
              `Argument 'content' on InputObject 'AddReactionInput' has an invalid value (${String(i.content)}).`,
            );
          const subject = byNodeId(m, i.subjectId);
          const reactable = ['Issue', 'PullRequest', 'IssueComment', 'PullRequestReview', 'PullRequestReviewComment'];
          if (!reactable.includes(subject.type)) throw new FieldError(`${subject.type} cannot be reacted to.`);
          const { reaction } = m.addReaction({ type: 'node', nodeId: String(i.subjectId) }, content, m.actor.login);
          return { clientMutationId: i.clientMutationId ?? null, reaction, subject };
        },
      },
    },
  },
  AddPullRequestReviewThreadReplyPayload: {
    fields: {
      clientMutationId: { type: 'String', resolve: (p) => (p as { clientMutationId: unknown }).clientMutationId },
      comment: { type: 'PullRequestReviewComment', resolve: (p) => (p as { comment: unknown }).comment },
    },
  },
  ResolveReviewThreadPayload: {
    fields: {
      clientMutationId: { type: 'String', resolve: (p) => (p as { clientMutationId: unknown }).clientMutationId },
      thread: { type: 'PullRequestReviewThread', resolve: (p) => (p as { thread: unknown }).thread },
    },
  },
  AddReactionPayload: {
    fields: {
      clientMutationId: { type: 'String', resolve: (p) => (p as { clientMutationId: unknown }).clientMutationId },
      reaction: { type: 'Reaction', resolve: (p) => (p as { reaction: unknown }).reaction },
      subject: { type: 'Node', resolve: (p) => (p as { subject: unknown }).subject },
    },
  },
  Reaction: {
    fields: {
      id: { type: 'ID', resolve: (p) => (p as { nodeId: string }).nodeId },
      content: { type: 'ReactionContent', resolve: (p) => REACTION_ENUM[(p as { content: string }).content] },
      user: { type: 'User', resolve: (p, _a, { m }) => m.user((p as { user: string }).user) },
      createdAt: { type: 'DateTime', resolve: (p) => (p as { createdAt: string }).createdAt },
    },
  },
  Node: {
    // Interface: `node(id)` and reaction subjects are node-registry entries ({ type, ref }).
    fields: { id: { type: 'ID', resolve: () => null } },
    resolveType: (p) => ({ type: (p as { type: string }).type, value: (p as { ref: unknown }).ref }),
  },
  Actor: {
    fields: actorFields(),
    resolveType: (p) => ({ type: (p as FakeUser).type === 'Bot' ? 'Bot' : 'User', value: p }),
  },
  User: { fields: userFields() },
  Bot: { fields: { ...actorFields(), id: { type: 'ID', resolve: (p) => (p as FakeUser).nodeId } } },
  Repository: {
    fields: {
      id: { type: 'ID', resolve: (p) => (p as { nodeId: string }).nodeId },
      databaseId: { type: 'Int', resolve: (p) => (p as { id: number }).id },
      name: { type: 'String', resolve: (p) => (p as { name: string }).name },
      nameWithOwner: { type: 'String', resolve: (p) => (p as { fullName: string }).fullName },
      owner: { type: 'Actor', resolve: (p, _a, { m }) => m.user((p as { owner: string }).owner) },
      isPrivate: { type: 'Boolean', resolve: (p) => (p as { private: boolean }).private },
      url: { type: 'URI', resolve: (p, _a, { m }) => `${m.urls.web}/${(p as { fullName: string }).fullName}` },
      defaultBranchRef: {
        type: 'Ref',
        resolve: (p) => ({ name: (p as { defaultBranch: string }).defaultBranch }),
      },
      pullRequest: {
        type: 'PullRequest',
        args: { number: 'Int!' },
        resolve: (p, a, { m }) => {
          const r = p as Parameters<FakeModel['repoJson']>[0];
          const pr = m.state.pulls.find((x) => x.repo === r.fullName && x.number === a.number);
          if (!pr)
            throw new FieldError(
              `Could not resolve to a PullRequest with the number of ${String(a.number)}.`,
              'NOT_FOUND',
            );
          return pr;
        },
      },
      issue: {
        type: 'Issue',
        args: { number: 'Int!' },
        resolve: (p, a, { m }) => {
          const r = p as Parameters<FakeModel['repoJson']>[0];
          const it = m.state.issues.find((x) => x.repo === r.fullName && x.number === a.number && !x.deleted);
          if (!it)
            throw new FieldError(`Could not resolve to an Issue with the number of ${String(a.number)}.`, 'NOT_FOUND');
          return it;
        },
      },
    },
  },
  Ref: { fields: { name: { type: 'String', resolve: (p) => (p as { name: string }).name } } },
  Issue: {
    fields: {
      id: { type: 'ID', resolve: (p) => (p as FakeIssue).nodeId },
      ...databaseIds((p) => (p as FakeIssue).id),
      number: { type: 'Int', resolve: (p) => (p as FakeIssue).number },
      title: { type: 'String', resolve: (p) => (p as FakeIssue).title },
      body: { type: 'String', resolve: (p) => (p as FakeIssue).body ?? '' },
      state: { type: 'IssueState', resolve: (p) => (p as FakeIssue).state.toUpperCase() },
      url: { type: 'URI', resolve: (p, _a, { m }) => m.itemHtmlUrl(p as FakeIssue) },
      author: { type: 'Actor', resolve: (p, _a, { m }) => author(m, (p as FakeIssue).author) },
      createdAt: { type: 'DateTime', resolve: (p) => (p as FakeIssue).createdAt },
      updatedAt: { type: 'DateTime', resolve: (p) => (p as FakeIssue).updatedAt },
    },
  },
  PullRequest: {
    fields: {
      id: { type: 'ID', resolve: (p) => (p as FakePull).nodeId },
      ...databaseIds((p) => (p as FakePull).id),
      number: { type: 'Int', resolve: (p) => (p as FakePull).number },
      title: { type: 'String', resolve: (p) => (p as FakePull).title },
      body: { type: 'String', resolve: (p) => (p as FakePull).body ?? '' },
      state: {
        type: 'PullRequestState',
        resolve: (p) => ((p as FakePull).merged ? 'MERGED' : (p as FakePull).state.toUpperCase()),
      },
      isDraft: { type: 'Boolean', resolve: (p) => (p as FakePull).draft },
      url: { type: 'URI', resolve: (p, _a, { m }) => m.itemHtmlUrl(p as FakePull) },
      headRefName: { type: 'String', resolve: (p) => (p as FakePull).headRef },
      headRefOid: {
        type: 'GitObjectID',
        resolve: async (p, _a, { m }) => {
          await m.refreshPull(p as FakePull);
          return (p as FakePull).headSha;
        },
      },
      baseRefName: { type: 'String', resolve: (p) => (p as FakePull).baseRef },
      author: { type: 'Actor', resolve: (p, _a, { m }) => author(m, (p as FakePull).author) },
      createdAt: { type: 'DateTime', resolve: (p) => (p as FakePull).createdAt },
      updatedAt: { type: 'DateTime', resolve: (p) => (p as FakePull).updatedAt },
      closingIssuesReferences: {
        type: 'IssueConnection',
        args: { first: 'Int', after: 'String', last: 'Int', before: 'String', userLinkedOnly: 'Boolean' },
        resolve: (p, a, { m }) => {
          const pr = p as FakePull;
          const items = pr.closingIssues
            .map((n) => m.state.issues.find((i) => i.repo === pr.repo && i.number === n))
            .filter((i): i is FakeIssue => i !== undefined);
          return connection(items, a, 'closingIssuesReferences');
        },
      },
      reviews: {
        type: 'PullRequestReviewConnection',
        args: {
          first: 'Int',
          after: 'String',
          last: 'Int',
          before: 'String',
          states: '[PullRequestReviewState!]',
          author: 'String',
        },
        resolve: (p, a, { m }) => {
          const pr = p as FakePull;
          let items = m.state.reviews.filter((r) => r.repo === pr.repo && r.pullNumber === pr.number);
          if (Array.isArray(a.states)) items = items.filter((r) => (a.states as unknown[]).includes(r.state));
          if (typeof a.author === 'string') items = items.filter((r) => r.author === a.author);
          return connection(items, a, 'reviews');
        },
      },
      reviewThreads: {
        type: 'PullRequestReviewThreadConnection',
        args: { first: 'Int', after: 'String', last: 'Int', before: 'String' },
        resolve: (p, a, { m }) => {
          const pr = p as FakePull;
          return connection(
            m.state.reviewThreads.filter((t) => t.repo === pr.repo && t.pullNumber === pr.number),
            a,
            'reviewThreads',
          );
        },
      },
      comments: {
        type: 'IssueCommentConnection',
        args: { first: 'Int', after: 'String', last: 'Int', before: 'String' },
        resolve: (p, a, { m }) => {
          const pr = p as FakePull;
          return connection(
            m.state.comments
              .filter((c) => c.repo === pr.repo && c.issueNumber === pr.number)
              .sort((x, y) => x.id - y.id),
            a,
            'comments',
          );
        },
      },
    },
  },
  IssueComment: {
    fields: {
      id: { type: 'ID', resolve: (p) => (p as FakeComment).nodeId },
      ...databaseIds((p) => (p as FakeComment).id),
      body: { type: 'String', resolve: (p) => (p as FakeComment).body },
      author: { type: 'Actor', resolve: (p, _a, { m }) => author(m, (p as FakeComment).author) },
      createdAt: { type: 'DateTime', resolve: (p) => (p as FakeComment).createdAt },
      lastEditedAt: {
        type: 'DateTime',
        resolve: (p) =>
          (p as FakeComment).updatedAt !== (p as FakeComment).createdAt ? (p as FakeComment).updatedAt : null,
      },
    },
  },
  PullRequestReview: {
    fields: {
      id: { type: 'ID', resolve: (p) => (p as FakeReview).nodeId },
      ...databaseIds((p) => (p as FakeReview).id),
      body: { type: 'String', resolve: (p) => (p as FakeReview).body },
      state: { type: 'PullRequestReviewState', resolve: (p) => (p as FakeReview).state },
      author: { type: 'Actor', resolve: (p, _a, { m }) => author(m, (p as FakeReview).author) },
      submittedAt: { type: 'DateTime', resolve: (p) => (p as FakeReview).submittedAt },
      createdAt: { type: 'DateTime', resolve: (p) => (p as FakeReview).submittedAt },
      lastEditedAt: { type: 'DateTime', resolve: (p) => (p as FakeReview).lastEditedAt },
      url: {
        type: 'URI',
        resolve: (p, _a, { m }) => {
          const r = p as FakeReview;
          return `${m.urls.web}/${r.repo}/pull/${r.pullNumber}#pullrequestreview-${r.id}`;
        },
      },
    },
  },
  PullRequestReviewThread: {
    fields: {
      id: { type: 'ID', resolve: (p) => (p as FakeReviewThread).id },
      isResolved: { type: 'Boolean', resolve: (p) => (p as FakeReviewThread).isResolved },
      isOutdated: { type: 'Boolean', resolve: () => false },
      path: { type: 'String', resolve: (p) => (p as FakeReviewThread).path },
      line: { type: 'Int', resolve: (p) => (p as FakeReviewThread).line },
      resolvedBy: {
        type: 'User',
        resolve: (p, _a, { m }) => {
          const by = (p as FakeReviewThread).resolvedBy;
          return by ? m.user(by) : null;
        },
      },
      comments: {
        type: 'PullRequestReviewCommentConnection',
        args: { first: 'Int', after: 'String', last: 'Int', before: 'String', skip: 'Int' },
        resolve: (p, a) => connection((p as FakeReviewThread).comments, a, 'comments'),
      },
    },
  },
  PullRequestReviewComment: {
    fields: {
      id: { type: 'ID', resolve: (p) => (p as FakeReviewComment).nodeId },
      ...databaseIds((p) => (p as FakeReviewComment).id),
      body: { type: 'String', resolve: (p) => (p as FakeReviewComment).body },
      path: { type: 'String', resolve: (p) => (p as FakeReviewComment).path },
      line: { type: 'Int', resolve: (p) => (p as FakeReviewComment).line },
      author: { type: 'Actor', resolve: (p, _a, { m }) => author(m, (p as FakeReviewComment).author) },
      createdAt: { type: 'DateTime', resolve: (p) => (p as FakeReviewComment).createdAt },
      updatedAt: { type: 'DateTime', resolve: (p) => (p as FakeReviewComment).updatedAt },
      lastEditedAt: { type: 'DateTime', resolve: (p) => (p as FakeReviewComment).lastEditedAt },
      url: {
        type: 'URI',
        resolve: (p, _a, { m }) => {
          const c = p as FakeReviewComment;
          const t = m.state.reviewThreads.find((x) => x.id === c.threadId);
          return `${m.urls.web}/${t?.repo ?? ''}/pull/${t?.pullNumber ?? 0}#discussion_r${c.id}`;
        },
      },
    },
  },
  PageInfo: {
    fields: Object.fromEntries(
      ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'].map((k) => [
        k,
        {
          type: k.startsWith('has') ? 'Boolean' : 'String',
          resolve: (p: unknown) => (p as Record<string, unknown>)[k],
        },
      ]),
    ),
  },
  ...connectionTypes('Issue', 'Issue'),
  ...connectionTypes('PullRequestReview', 'PullRequestReview'),
  ...connectionTypes('PullRequestReviewThread', 'PullRequestReviewThread'),
  ...connectionTypes('PullRequestReviewComment', 'PullRequestReviewComment'),
  ...connectionTypes('IssueComment', 'IssueComment'),
};

/** Concrete types that implement each interface (for inline fragments). */
const IMPLEMENTS: Record<string, string[]> = {
  Actor: ['User', 'Bot'],
  Node: [
    'Issue',
    'PullRequest',
    'IssueComment',
    'PullRequestReview',
    'PullRequestReviewThread',
    'PullRequestReviewComment',
    'User',
    'Bot',
    'Repository',
  ],
};

// ---- validation & execution -----------------------------------------------------------------------------------

function baseType(t: string): { name: string; list: boolean } {
  const list = t.startsWith('[');
  return { name: t.replace(/[[\]!]/g, ''), list };
}

function typeMatches(declared: string, runtimeType: string): boolean {
  return declared === runtimeType || (IMPLEMENTS[declared]?.includes(runtimeType) ?? false);
}

class Executor {
  readonly errors: GraphqlError[] = [];
  private readonly doc: Doc;
  private readonly variables: Record<string, unknown>;
  private readonly ctx: Ctx;
  constructor(doc: Doc, variables: Record<string, unknown>, ctx: Ctx) {
    this.doc = doc;
    this.variables = variables;
    this.ctx = ctx;
  }

  /** Static checks: every field exists on its type, arguments are known, required ones are given. */
  validate(typeName: string, selections: Selection[], path: string[]): void {
    const type = SCHEMA[typeName];
    for (const sel of selections) {
      if (sel.kind === 'spread') {
        const frag = this.doc.fragments.get(sel.name);
        if (!frag) {
          this.errors.push({ message: `Fragment ${sel.name} was used, but not defined` });
          continue;
        }
        this.validate(frag.typeCondition, frag.selections, path);
        continue;
      }
      if (sel.kind === 'inline') {
        const cond = sel.typeCondition ?? typeName;
        if (!SCHEMA[cond]) this.errors.push({ message: `No such type ${cond}, so it can't be a fragment condition` });
        else this.validate(cond, sel.selections, path);
        continue;
      }
      const here = [...path, sel.alias ?? sel.name];
      if (sel.name === '__typename') continue;
      if (sel.name.startsWith('__')) {
        this.errors.push({ message: `Introspection (${sel.name}) is not supported by the fake GitHub`, path: here });
        continue;
      }
      const def = type?.fields[sel.name];
      if (!def) {
        this.errors.push({
          message: `Field '${sel.name}' doesn't exist on type '${typeName}'`,
          path: here,
          locations: [{ line: sel.line, column: sel.column }],
          extensions: { code: 'undefinedField', typeName, fieldName: sel.name },
        });
        continue;
      }
      for (const arg of Object.keys(sel.args)) {
        if (!def.args?.[arg]) {
          this.errors.push({
            message: `Field '${sel.name}' doesn't accept argument '${arg}'`,
            path: here,
            extensions: { code: 'argumentNotAccepted', name: sel.name, typeName: 'Field', argumentName: arg },
          });
        }
      }
      for (const [arg, argType] of Object.entries(def.args ?? {})) {
        if (argType.endsWith('!') && sel.args[arg] === undefined) {
          this.errors.push({
            message: `Field '${sel.name}' is missing required arguments: ${arg}`,
            path: here,
            extensions: { code: 'missingRequiredArguments', className: 'Field', name: sel.name, arguments: arg },
          });
        }
      }
      const { name } = baseType(def.type);
      const isScalar = SCALARS.has(name);
      if (isScalar && sel.selections) {
        this.errors.push({
          message: `Selections can't be made on scalars (field '${sel.name}' returns ${name})`,
          path: here,
        });
      } else if (!isScalar && !sel.selections) {
        this.errors.push({
          message: `Field must have selections (field '${sel.name}' returns ${name} but has no selections.)`,
          path: here,
        });
      } else if (!isScalar && sel.selections) {
        this.validate(name, sel.selections, here);
      }
    }
  }

  value(v: Value): unknown {
    switch (v.kind) {
      case 'var':
        return this.variables[v.name];
      case 'int':
      case 'float':
      case 'string':
      case 'boolean':
      case 'enum':
        return v.value;
      case 'null':
        return null;
      case 'list':
        return v.values.map((x) => this.value(x));
      case 'object':
        return Object.fromEntries(Object.entries(v.fields).map(([k, x]) => [k, this.value(x)]));
    }
  }

  /** Resolves the selections on a value of a concrete object type. */
  async select(
    typeName: string,
    parent: unknown,
    selections: Selection[],
    path: (string | number)[],
  ): Promise<Record<string, unknown>> {
    const type = SCHEMA[typeName];
    const out: Record<string, unknown> = {};
    for (const sel of selections) {
      if (sel.kind === 'spread' || sel.kind === 'inline') {
        const frag = sel.kind === 'spread' ? this.doc.fragments.get(sel.name) : sel;
        if (!frag) continue;
        const cond = frag.typeCondition ?? typeName;
        if (typeMatches(cond, typeName)) Object.assign(out, await this.select(typeName, parent, frag.selections, path));
        continue;
      }
      const key = sel.alias ?? sel.name;
      if (sel.name === '__typename') {
        out[key] = typeName;
        continue;
      }
      const def = type?.fields[sel.name];
      if (!def) continue;
      const args = Object.fromEntries(Object.entries(sel.args).map(([k, v]) => [k, this.value(v)]));
      try {
        const raw = await def.resolve(parent, args, this.ctx);
        out[key] = await this.complete(def.type, raw, sel, [...path, key]);
      } catch (err) {
        if (!(err instanceof FieldError)) throw err;
        out[key] = null;
        this.errors.push({
          message: err.message,
          path: [...path, key],
          locations: [{ line: sel.line, column: sel.column }],
          ...(err.type ? { type: err.type } : {}),
        });
      }
    }
    return out;
  }

  private async complete(declared: string, raw: unknown, sel: Field, path: (string | number)[]): Promise<unknown> {
    if (raw === null || raw === undefined) return null;
    const { name, list } = baseType(declared);
    if (list) {
      if (!Array.isArray(raw)) return null;
      const items: unknown[] = [];
      for (let i = 0; i < raw.length; i++) items.push(await this.complete(name, raw[i], sel, [...path, i]));
      return items;
    }
    if (SCALARS.has(name)) return raw;
    const iface = SCHEMA[name]?.resolveType;
    if (iface) {
      const concrete = iface(raw);
      return this.select(concrete.type, concrete.value, sel.selections ?? [], path);
    }
    return this.select(name, raw, sel.selections ?? [], path);
  }
}

/** Checks the supplied variables against the operation's declarations (GitHub's messages). */
function checkVariables(op: Operation, variables: Record<string, unknown>): GraphqlError[] {
  const errors: GraphqlError[] = [];
  const scalarOk = (type: string, v: unknown): boolean => {
    switch (type) {
      case 'Int':
        return Number.isInteger(v);
      case 'Float':
        return typeof v === 'number';
      case 'Boolean':
        return typeof v === 'boolean';
      case 'String':
      case 'ID':
      case 'URI':
      case 'DateTime':
      case 'GitObjectID':
        return typeof v === 'string' || (type === 'ID' && Number.isInteger(v));
      default:
        return true; // enums and input objects are checked by the resolvers
    }
  };
  for (const def of op.variables) {
    const v = variables[def.name];
    if (v === undefined || v === null) {
      if (def.type.nonNull && !def.defaultValue) {
        errors.push({
          message: `Variable $${def.name} of type ${def.type.name}${def.type.list ? '' : ''}! was provided invalid value`,
          extensions: { value: v ?? null, problems: [{ path: [], explanation: 'Expected value to not be null' }] },
        });
      }
      continue;
    }
    const values = def.type.list ? (Array.isArray(v) ? v : [v]) : [v];
    if (values.some((x) => !scalarOk(def.type.name, x))) {
      errors.push({
        message: `Variable $${def.name} of type ${def.type.name}${def.type.nonNull ? '!' : ''} was provided invalid value`,
        extensions: {
          value: v,
          problems: [{ path: [], explanation: `Could not coerce value ${JSON.stringify(v)} to ${def.type.name}` }],
        },
      });
    }
  }
  return errors;
}

function usedVariables(sels: Selection[], doc: Doc, out = new Set<string>()): Set<string> {
  const walkValue = (v: Value) => {
    if (v.kind === 'var') out.add(v.name);
    else if (v.kind === 'list') v.values.forEach(walkValue);
    else if (v.kind === 'object') Object.values(v.fields).forEach(walkValue);
  };
  for (const s of sels) {
    if (s.kind === 'field') {
      Object.values(s.args).forEach(walkValue);
      if (s.selections) usedVariables(s.selections, doc, out);
    } else if (s.kind === 'inline') usedVariables(s.selections, doc, out);
    else {
      const f = doc.fragments.get(s.name);
      if (f) usedVariables(f.selections, doc, out);
    }
  }
  return out;
}

export interface GraphqlResult {
  /** HTTP status: 200 for executed (even with errors), 400 for a malformed request. */
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: GraphqlError[] };
  /** Top-level field names (e.g. `repository`, `addReaction`) for logs and fault matching. */
  operation: string | null;
  /** True when the request itself was at fault (syntax, unknown field, bad variables). */
  invalid: boolean;
}

export async function executeGraphql(m: FakeModel, request: unknown): Promise<GraphqlResult> {
  const req = (request && typeof request === 'object' ? request : {}) as {
    query?: unknown;
    variables?: unknown;
    operationName?: unknown;
  };
  const bad = (message: string, status = 200): GraphqlResult => ({
    status,
    body: { errors: [{ message }] },
    operation: null,
    invalid: true,
  });
  if (typeof req.query !== 'string') return bad('A query attribute must be specified and must be a string.', 400);
  if (
    req.variables !== undefined &&
    req.variables !== null &&
    (typeof req.variables !== 'object' || Array.isArray(req.variables))
  ) {
    return bad('Variables must be an object.', 400);
  }
  const variables = (req.variables ?? {}) as Record<string, unknown>;
  let doc: Doc;
  try {
    doc = parseGraphql(req.query);
  } catch (err) {
    if (err instanceof GraphqlSyntaxError) return bad(`Parse error: ${err.message}`);
    throw err;
  }
  const ops =
    typeof req.operationName === 'string' ? doc.operations.filter((o) => o.name === req.operationName) : doc.operations;
  if (ops.length !== 1)
    return bad(
      ops.length === 0
        ? 'No operation named in the document.'
        : 'An operation name is required when the document has several operations.',
    );
  const op = ops[0] as Operation;
  if (op.type === 'subscription') return bad('Subscriptions are not supported by the fake GitHub.');
  const rootType = op.type === 'mutation' ? 'Mutation' : 'Query';
  const operation = op.selections
    .filter((s): s is Field => s.kind === 'field')
    .map((s) => s.name)
    .join(',');
  const ex = new Executor(doc, variables, { m });
  ex.validate(rootType, op.selections, [op.type]);
  const declared = new Set(op.variables.map((v) => v.name));
  for (const used of usedVariables(op.selections, doc)) {
    if (!declared.has(used))
      ex.errors.push({ message: `Variable $${used} is used by ${op.name ?? 'anonymous query'} but not declared` });
  }
  ex.errors.push(...checkVariables(op, variables));
  if (ex.errors.length > 0) return { status: 200, body: { errors: ex.errors }, operation, invalid: true };
  const data = await ex.select(rootType, null, op.selections, []);
  return {
    status: 200,
    body: ex.errors.length > 0 ? { data, errors: ex.errors } : { data },
    operation,
    invalid: false,
  };
}
