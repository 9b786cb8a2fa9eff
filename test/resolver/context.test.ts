import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/core/log.js';
import { marker } from '../../src/github/marker.js';
import { extractImageUrls, fetchIssueContext } from '../../src/resolver/context.js';
import { commentData, createFakeGitHubApi, issueData } from './fake-github-api.js';

function gh() {
  const g = createFakeGitHubApi();
  g.issues.set(1, issueData({ number: 1, title: 'API title', body: 'API body' }));
  g.issues.set(2, issueData({ number: 2, body: null as unknown as string }));
  g.comments.set(1, [
    commentData({ id: 11, body: 'second', createdAt: '2025-01-01T02:00:00Z', updatedAt: '2025-01-01T02:00:00Z' }),
    commentData({
      id: 10,
      body: 'first <!-- hidden -->',
      createdAt: '2025-01-01T01:00:00Z',
      updatedAt: '2025-01-01T01:00:00Z',
    }),
    commentData({ id: 12, body: 'edited later', createdAt: '2025-01-01T03:00:00Z', updatedAt: '2025-01-05T00:00:00Z' }),
    commentData({
      id: 13,
      body: 'trigger (API version, edited)',
      createdAt: '2025-01-02T00:00:00Z',
      updatedAt: '2025-01-06T00:00:00Z',
    }),
  ]);
  return g;
}
const base = { owner: 'o', repo: 'r' };
const logger = createRecordingLogger();

describe('fetchIssueContext', () => {
  it('all comments in creation order, sanitised; later ones dropped at the trigger time', async () => {
    const c = await fetchIssueContext(gh(), { ...base, number: 1, trigger: { time: '2025-01-02T00:00:00Z' } }, logger);
    expect(c.issue.thread_comments).toEqual(['first ', 'second']);
    expect(c.droppedAfterTrigger).toBe(2);
  });

  it('our own comments (hidden marker) are dropped silently, not counted as left out', async () => {
    const g = gh();
    const ours = (id: number, at: string) =>
      commentData({
        id,
        body: `Working on it.\n\n${marker('start', '77')}`,
        author: 'github-actions[bot]',
        authorType: 'Bot',
        createdAt: at,
        updatedAt: at,
      });
    g.comments.get(1)?.push(ours(20, '2025-01-03T00:00:00Z'), ours(21, '2025-01-01T00:30:00Z'));
    const l = createRecordingLogger();
    const c = await fetchIssueContext(g, { ...base, number: 1, trigger: { time: '2025-01-02T00:00:00Z' } }, l);
    expect(c.issue.thread_comments).toEqual(['first ', 'second']);
    expect(c.droppedAfterTrigger).toBe(2);
    expect(l.lines.map((x) => x.message)).toContain('Left out 2 comment(s) created or edited after the trigger.');
    const all = await fetchIssueContext(g, { ...base, number: 1 }, l);
    expect(all.issue.thread_comments).toHaveLength(4);
    expect(all.droppedAfterTrigger).toBe(0);
  });

  it('without a trigger time every comment counts', async () => {
    const c = await fetchIssueContext(gh(), { ...base, number: 1 }, logger);
    expect(c.issue.thread_comments).toHaveLength(4);
  });

  it('the payload wins for title, body and the trigger comment', async () => {
    const c = await fetchIssueContext(
      gh(),
      {
        ...base,
        number: 1,
        commentId: 13,
        trigger: {
          time: '2025-01-02T00:00:00Z',
          title: 'Payload title',
          body: 'Payload body',
          commentBody: 'trigger (payload)',
        },
      },
      logger,
    );
    expect(c.issue.title).toBe('Payload title');
    expect(c.issue.body).toBe('Payload body');
    expect(c.issue.thread_comments).toEqual(['trigger (payload)']);
  });

  it('a comment id takes just that comment; an unknown one is an error', async () => {
    const c = await fetchIssueContext(gh(), { ...base, number: 1, commentId: 11 }, logger);
    expect(c.issue.thread_comments).toEqual(['second']);
    await expect(fetchIssueContext(gh(), { ...base, number: 1, commentId: 99 }, logger)).rejects.toThrow(
      'Comment ID 99 did not have a match for issue 1',
    );
  });

  it('null body → "", no comments → null, other keys null', async () => {
    const c = await fetchIssueContext(gh(), { ...base, number: 2 }, logger);
    expect(c.issue.body).toBe('');
    expect(c.issue.thread_comments).toBeNull();
    expect(c.issue.closing_issues).toBeNull();
    expect(c.issue.review_threads).toBeNull();
  });

  it('keeps at most the 100 most recent comments and caps each body', async () => {
    const g = gh();
    g.comments.set(
      1,
      Array.from({ length: 120 }, (_, i) =>
        commentData({
          id: i,
          body: `c${i}`.padEnd(i === 119 ? 30_000 : 3, 'x'),
          createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
        }),
      ),
    );
    const c = await fetchIssueContext(g, { ...base, number: 1 }, logger);
    expect(c.issue.thread_comments).toHaveLength(100);
    expect(c.issue.thread_comments?.[0]).toBe('c20');
    expect(c.issue.thread_comments?.[99]).toMatch(/\[truncated: 10000 more characters not shown\]$/);
  });

  it('image URLs of Markdown images, in order', () => {
    expect(
      extractImageUrls([
        '![a](https://x/1.png) text ![](http://x/2.jpg)',
        null,
        '![b](ftp://no) ![c](https://x/3.gif)',
      ]),
    ).toEqual(['https://x/1.png', 'http://x/2.jpg', 'https://x/3.gif']);
  });
});
