export const USAGE = `openhands-resolver <command> [flags]

Commands:
  resolve-issue       Run the agent on one issue or PR and append a record to output.jsonl
  send-pull-request   Push a resolved record's patch and open a draft PR (or a branch)
  visualize           Print one record of output.jsonl as indented JSON
  serve               Run the action-execution server (same as node dist/server.js)
  demo                The whole pipeline offline: a local stand-in for GitHub, a recorded model, the real sandbox

Run 'openhands-resolver <command> --help' for a command's flags.
Environment: GITHUB_TOKEN, GIT_USERNAME, LLM_MODEL, LLM_API_KEY, LLM_BASE_URL, GITHUB_API_URL,
GITHUB_GRAPHQL_URL, GITHUB_SERVER_URL.
`;

export const RESOLVE_ISSUE_USAGE = `openhands-resolver resolve-issue --selected-repo OWNER/REPO --issue-number N [flags]

  --selected-repo OWNER/REPO     repository (required)
  --issue-number N               issue or PR number (required)
  --issue-type issue|pr          default issue
  --comment-id ID|none           only this comment's feedback
  --token T                      default $GITHUB_TOKEN
  --username U                   git HTTP user name (default x-access-token; $GIT_USERNAME)
  --base-domain DOMAIN           GitHub Enterprise Server host (default: $GITHUB_*_URL, else github.com)
  --llm-model M                  provider/model (default $LLM_MODEL)
  --llm-api-key K                default $LLM_API_KEY
  --llm-base-url URL             OpenAI-compatible endpoint (default $LLM_BASE_URL)
  --llm-api-version V            Azure API version
  --llm-replay FILE              answer model calls from a recorded file instead of a model
  --native-tool-calling BOOL     false: tools in the prompt, calls read from the reply text
  --max-iterations N             default 50
  --max-budget USD               default 4
  --max-runtime-minutes M        default 45
  --output-dir DIR               default output
  --target-branch B              work from this branch (default: the repository default branch)
  --prompt-file F                custom instruction template (.jinja)
  --repo-instruction-file F      use this file instead of the repository's instructions
  --runtime auto|local|docker    default $RUNTIME, else auto
  --sandbox-network full|setup-only|none
  --base-container-image IMG     docker image for the sandbox
  --runtime-container-image IMG  a prepared runtime image
  --is-experimental true|false
  --replay-trajectory-path F     replay a recorded trajectory's actions
  --allow-workflow-changes       keep .github/workflows changes in the patch
  --verbose
`;

export const SEND_PULL_REQUEST_USAGE = `openhands-resolver send-pull-request --issue-number N [flags]

  --issue-number N               the record to send (required unless --all-successful)
  --all-successful               send every successful record
  --output-dir DIR               default output (must exist)
  --pr-type draft|ready|branch   default draft
  --target-branch B              PR base (default: the repository default branch)
  --send-on-failure              also send unsuccessful records (as a branch)
  --allow-workflow-changes       keep .github/workflows changes (the patch is judged again)
  --fork-owner OWNER             push to OWNER's fork
  --reviewer LOGIN               request a review
  --pr-title TITLE               default "Fix issue #N: <title>"
  --git-user-name NAME           default openhands
  --git-user-email EMAIL         default openhands@all-hands.dev
  --branch-collision reuse|new   default reuse
  --co-author LOGIN              add a Co-authored-by trailer
  --token T / --username U / --base-domain D / --llm-model M / --llm-api-key K / --llm-base-url URL
  --verbose
`;
