// Every GitHub URL derives from three bases (DESIGN.md §8.2): `--base-domain` > GITHUB_API_URL /
// GITHUB_GRAPHQL_URL / GITHUB_SERVER_URL > github.com. A domain other than github.com is GitHub Enterprise
// Server: REST `https://{d}/api/v3`, GraphQL `https://{d}/api/graphql`.
import { ResolverError } from '../core/errors.js';
import type { GitHubUrls } from './types.js';

export interface UrlSources {
  /** The `--base-domain` flag: `github.com`, `ghe.example.com`, or with a scheme (`http://127.0.0.1:8080`). */
  baseDomain?: string | null;
  /** Runner-provided values (GITHUB_API_URL, GITHUB_GRAPHQL_URL, GITHUB_SERVER_URL). */
  apiUrl?: string | null;
  graphqlUrl?: string | null;
  serverUrl?: string | null;
}

export const GITHUB_COM: GitHubUrls = {
  apiUrl: 'https://api.github.com',
  graphqlUrl: 'https://api.github.com/graphql',
  serverUrl: 'https://github.com',
};

const trim = (u: string) => u.trim().replace(/\/+$/, '');

function checkUrl(name: string, value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ResolverError(
      'config',
      `${name} ${JSON.stringify(value)} is not a URL; expected e.g. https://github.com`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ResolverError('config', `${name} ${JSON.stringify(value)} must use http or https`);
  }
  if (parsed.username || parsed.password) {
    throw new ResolverError('config', `${name} must not contain credentials; pass the token separately`);
  }
  return trim(value);
}

/** URLs for a server base (`https://github.com` or a GHES/loopback server). */
export function urlsForServer(serverUrl: string): GitHubUrls {
  const server = trim(serverUrl);
  const host = new URL(server).host.toLowerCase();
  if (host === 'github.com' || host === 'www.github.com') return { ...GITHUB_COM };
  return { apiUrl: `${server}/api/v3`, graphqlUrl: `${server}/api/graphql`, serverUrl: server };
}

function graphqlFor(apiUrl: string): string {
  if (/\/api\/v3$/.test(apiUrl)) return apiUrl.replace(/\/api\/v3$/, '/api/graphql');
  return `${apiUrl}/graphql`;
}

function serverFor(apiUrl: string): string {
  const u = new URL(apiUrl);
  if (u.host.toLowerCase() === 'api.github.com') return GITHUB_COM.serverUrl;
  return trim(apiUrl.replace(/\/api\/v3$/, ''));
}

export function resolveGitHubUrls(src: UrlSources = {}): GitHubUrls {
  const domain = src.baseDomain?.trim();
  if (domain) {
    const server = /^https?:\/\//i.test(domain) ? domain : `https://${domain}`;
    return urlsForServer(checkUrl('--base-domain', server));
  }
  const apiIn = src.apiUrl?.trim() ? checkUrl('GITHUB_API_URL', src.apiUrl) : null;
  const serverIn = src.serverUrl?.trim() ? checkUrl('GITHUB_SERVER_URL', src.serverUrl) : null;
  const graphqlIn = src.graphqlUrl?.trim() ? checkUrl('GITHUB_GRAPHQL_URL', src.graphqlUrl) : null;
  if (!apiIn && !serverIn && !graphqlIn) return { ...GITHUB_COM };
  const derived = serverIn ? urlsForServer(serverIn) : null;
  const apiUrl = apiIn ?? derived?.apiUrl ?? GITHUB_COM.apiUrl;
  return {
    apiUrl,
    graphqlUrl: graphqlIn ?? (apiIn ? graphqlFor(apiIn) : (derived?.graphqlUrl ?? GITHUB_COM.graphqlUrl)),
    serverUrl: serverIn ?? serverFor(apiUrl),
  };
}

/** The runner's GITHUB_API_URL / GITHUB_GRAPHQL_URL / GITHUB_SERVER_URL, each derivable from the others. */
export function urlsFromEnv(env: Readonly<Record<string, string | undefined>>): GitHubUrls {
  return resolveGitHubUrls({
    apiUrl: env.GITHUB_API_URL,
    graphqlUrl: env.GITHUB_GRAPHQL_URL,
    serverUrl: env.GITHUB_SERVER_URL,
  });
}

/** Web links built from the server URL. */
export const webUrls = {
  compare: (u: GitHubUrls, owner: string, repo: string, branch: string) =>
    `${u.serverUrl}/${owner}/${repo}/compare/${encodeURIComponent(branch).replace(/%2F/g, '/')}?expand=1`,
  tree: (u: GitHubUrls, owner: string, repo: string, branch: string) =>
    `${u.serverUrl}/${owner}/${repo}/tree/${encodeURIComponent(branch).replace(/%2F/g, '/')}`,
  pull: (u: GitHubUrls, owner: string, repo: string, n: number) => `${u.serverUrl}/${owner}/${repo}/pull/${n}`,
  issue: (u: GitHubUrls, owner: string, repo: string, n: number) => `${u.serverUrl}/${owner}/${repo}/issues/${n}`,
  run: (u: GitHubUrls, owner: string, repo: string, runId: string) =>
    `${u.serverUrl}/${owner}/${repo}/actions/runs/${runId}`,
};
