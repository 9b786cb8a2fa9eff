import { describe, expect, it } from 'vitest';
import { resolveGitHubUrls, webUrls, type UrlSources } from '../../src/github/urls.js';

describe('resolveGitHubUrls (DESIGN.md §8.2)', () => {
  const cases: [string, UrlSources, { apiUrl: string; graphqlUrl: string; serverUrl: string }][] = [
    [
      'nothing: github.com',
      {},
      {
        apiUrl: 'https://api.github.com',
        graphqlUrl: 'https://api.github.com/graphql',
        serverUrl: 'https://github.com',
      },
    ],
    [
      '--base-domain github.com',
      { baseDomain: 'github.com', apiUrl: 'http://127.0.0.1:1/api/v3' },
      {
        apiUrl: 'https://api.github.com',
        graphqlUrl: 'https://api.github.com/graphql',
        serverUrl: 'https://github.com',
      },
    ],
    [
      '--base-domain for GitHub Enterprise Server wins over the environment',
      { baseDomain: 'ghe.example.com', apiUrl: 'https://api.github.com', serverUrl: 'https://github.com' },
      {
        apiUrl: 'https://ghe.example.com/api/v3',
        graphqlUrl: 'https://ghe.example.com/api/graphql',
        serverUrl: 'https://ghe.example.com',
      },
    ],
    [
      '--base-domain with a scheme (loopback test server)',
      { baseDomain: 'http://127.0.0.1:8080/' },
      {
        apiUrl: 'http://127.0.0.1:8080/api/v3',
        graphqlUrl: 'http://127.0.0.1:8080/api/graphql',
        serverUrl: 'http://127.0.0.1:8080',
      },
    ],
    [
      'runner values as given',
      {
        apiUrl: 'http://127.0.0.1:9/api/v3/',
        graphqlUrl: 'http://127.0.0.1:9/api/graphql',
        serverUrl: 'http://127.0.0.1:9',
      },
      {
        apiUrl: 'http://127.0.0.1:9/api/v3',
        graphqlUrl: 'http://127.0.0.1:9/api/graphql',
        serverUrl: 'http://127.0.0.1:9',
      },
    ],
    [
      'only GITHUB_API_URL (GHES layout): GraphQL and server derived',
      { apiUrl: 'https://ghe.corp/api/v3' },
      { apiUrl: 'https://ghe.corp/api/v3', graphqlUrl: 'https://ghe.corp/api/graphql', serverUrl: 'https://ghe.corp' },
    ],
    [
      'only GITHUB_SERVER_URL',
      { serverUrl: 'https://ghe.corp' },
      { apiUrl: 'https://ghe.corp/api/v3', graphqlUrl: 'https://ghe.corp/api/graphql', serverUrl: 'https://ghe.corp' },
    ],
    [
      'only api.github.com',
      { apiUrl: 'https://api.github.com' },
      {
        apiUrl: 'https://api.github.com',
        graphqlUrl: 'https://api.github.com/graphql',
        serverUrl: 'https://github.com',
      },
    ],
    [
      'empty strings count as unset',
      { baseDomain: '', apiUrl: '', graphqlUrl: ' ', serverUrl: '' },
      {
        apiUrl: 'https://api.github.com',
        graphqlUrl: 'https://api.github.com/graphql',
        serverUrl: 'https://github.com',
      },
    ],
  ];
  it.each(cases)('%s', (_n, src, expected) => {
    expect(resolveGitHubUrls(src)).toEqual(expected);
  });

  it('rejects credentials in URLs and non-http schemes', () => {
    expect(() => resolveGitHubUrls({ serverUrl: 'https://x-access-token:abc@ghe.corp' })).toThrow(/credentials/);
    expect(() => resolveGitHubUrls({ apiUrl: 'ftp://ghe.corp' })).toThrow(/http or https/);
    expect(() => resolveGitHubUrls({ baseDomain: 'http://' })).toThrow(/not a URL/);
  });

  it('builds web links from the server URL', () => {
    const u = resolveGitHubUrls({ baseDomain: 'http://127.0.0.1:5' });
    expect(webUrls.compare(u, 'o', 'r', 'openhands-fix-issue-3')).toBe(
      'http://127.0.0.1:5/o/r/compare/openhands-fix-issue-3?expand=1',
    );
    expect(webUrls.pull(u, 'o', 'r', 4)).toBe('http://127.0.0.1:5/o/r/pull/4');
    expect(webUrls.tree(u, 'o', 'r', 'a/b')).toBe('http://127.0.0.1:5/o/r/tree/a/b');
  });
});
