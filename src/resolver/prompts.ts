// Issue and PR prompts (resolver.md §8.1-§8.4) from template files; untrusted tracker text is delimited
// with the run's nonce before it enters any template, custom ones included.
import { readFile } from 'node:fs/promises';
import { ResolverError, errorMessage } from '../core/errors.js';
import conversationTemplate from './prompts/issue-conversation-instructions.jinja';
import issueUserTemplate from './prompts/issue-user.jinja';
import prConversationTemplate from './prompts/pr-conversation-instructions.jinja';
import prUserTemplate from './prompts/pr-user.jinja';
import systemTemplate from './prompts/system.jinja';
import { jsonIndented, renderTemplate } from './prompt-render.js';
import type { Delimiter } from './sanitize.js';
import type { IssueRecord } from './types.js';

export interface PromptTemplates {
  user: string;
  conversation: string;
  /** Where they came from, for error messages. */
  source: string;
}

export const DEFAULT_ISSUE_TEMPLATES: PromptTemplates = {
  user: issueUserTemplate,
  conversation: conversationTemplate,
  source: 'built-in issue templates',
};

export const DEFAULT_PR_TEMPLATES: PromptTemplates = {
  user: prUserTemplate,
  conversation: prConversationTemplate,
  source: 'built-in pull request templates',
};

/** `--prompt-file X.jinja` and its sibling `X-conversation-instructions.jinja` (missing → error). */
export async function loadCustomTemplates(promptFile: string): Promise<PromptTemplates> {
  const sibling = promptFile.endsWith('.jinja')
    ? `${promptFile.slice(0, -'.jinja'.length)}-conversation-instructions.jinja`
    : `${promptFile}-conversation-instructions.jinja`;
  const read = async (f: string, what: string) => {
    try {
      return await readFile(f, 'utf8');
    } catch (err) {
      throw new ResolverError('config', `Cannot read the ${what} ${f}: ${errorMessage(err)}`);
    }
  };
  return {
    user: await read(promptFile, 'prompt template'),
    conversation: await read(sibling, 'conversation-instructions template (the sibling of --prompt-file)'),
    source: promptFile,
  };
}

/** `title + "\n\n" + body`, plus the thread comments joined with `\n---\n` (§8.1). */
export function issueProblemStatement(issue: IssueRecord): string {
  let text = `${issue.title}\n\n${issue.body}`;
  if (issue.thread_comments && issue.thread_comments.length > 0) {
    text += `\n\nIssue Thread Comments:\n${issue.thread_comments.join('\n---\n')}`;
  }
  return text;
}

export interface IssuePrompts {
  /** The first user message; stored as the record's `instruction`. */
  instruction: string;
  /** The system message: the agent's system prompt plus the conversation instructions. */
  system: string;
  conversationInstructions: string;
}

export function renderIssuePrompts(opts: {
  issue: IssueRecord;
  workspacePath: string;
  repoInstruction: string;
  delimiter: Delimiter;
  templates?: PromptTemplates;
  imageUrls?: string[];
  vision?: boolean;
}): IssuePrompts {
  const t = opts.templates ?? DEFAULT_ISSUE_TEMPLATES;
  let body = opts.delimiter.wrap('ISSUE', issueProblemStatement(opts.issue));
  if (opts.imageUrls && opts.imageUrls.length > 0 && !opts.vision) {
    body += `\n\nImages referenced in the issue (not shown):\n${opts.imageUrls.map((u) => `- ${u}`).join('\n')}`;
  }
  const vars = { body, workspace_path: opts.workspacePath, repo_instruction: opts.repoInstruction };
  const instruction = renderTemplate(t.user, vars, t.source);
  const conversationInstructions = renderTemplate(t.conversation, vars, `${t.source} (conversation instructions)`);
  const system = `${renderTemplate(systemTemplate, vars, 'system.jinja')}\n\n${conversationInstructions}`;
  return { instruction, system, conversationInstructions };
}

/** The §8.2 values of a PR prompt, each untrusted one delimited; an empty list renders the literal `None`. */
export function prPromptValues(
  issue: IssueRecord,
  delimiter: Delimiter,
): { review_comments: string; review_threads: string; files: string; thread_context: string; issues: string } {
  const reviews = issue.review_comments ?? [];
  const threads = issue.review_threads ?? [];
  const comments = issue.thread_comments ?? [];
  const closing = issue.closing_issues ?? [];
  return {
    review_comments: reviews.length > 0 ? delimiter.wrap('REVIEW COMMENTS', jsonIndented(reviews)) : 'None',
    review_threads:
      threads.length > 0 ? delimiter.wrap('REVIEW THREADS', jsonIndented(threads.map((t) => t.comment))) : 'None',
    files:
      threads.length > 0
        ? delimiter.wrap('REVIEW THREAD FILES', jsonIndented(threads.flatMap((t) => t.files)))
        : 'None',
    thread_context: comments.length > 0 ? delimiter.wrap('PR THREAD COMMENTS', comments.join('\n---\n')) : '',
    issues: closing.length > 0 ? delimiter.wrap('ISSUES', jsonIndented(closing)) : 'None',
  };
}

export function renderPrPrompts(opts: {
  issue: IssueRecord;
  workspacePath: string;
  repoInstruction: string;
  delimiter: Delimiter;
  templates?: PromptTemplates;
  imageUrls?: string[];
  vision?: boolean;
}): IssuePrompts {
  const t = opts.templates ?? DEFAULT_PR_TEMPLATES;
  const vars = {
    ...prPromptValues(opts.issue, opts.delimiter),
    workspace_path: opts.workspacePath,
    repo_instruction: opts.repoInstruction,
  };
  let instruction = renderTemplate(t.user, vars, t.source);
  if (opts.imageUrls && opts.imageUrls.length > 0 && !opts.vision) {
    instruction += `\n\nImages referenced in the feedback (not shown):\n${opts.imageUrls.map((u) => `- ${u}`).join('\n')}`;
  }
  const conversationInstructions = renderTemplate(t.conversation, vars, `${t.source} (conversation instructions)`);
  const system = `${renderTemplate(systemTemplate, vars, 'system.jinja')}\n\n${conversationInstructions}`;
  return { instruction, system, conversationInstructions };
}
