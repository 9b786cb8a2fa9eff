// TEST DOUBLE: stands in for GitHub / the LLM in tests and the offline demo; not used by the product.
//
// Plain HTML pages behind the fake GitHub's html_url links, so a person running the offline demo can open the
// pull request, issue, branch or compare link the product printed and see what it did.
import * as bare from './bare-repo.js';
import type { FakeModel } from './model.js';

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:14px system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em}pre{background:#f6f8fa;padding:1em;overflow:auto}
.meta{color:#57606a}.comment{border:1px solid #d0d7de;border-radius:6px;margin:1em 0;padding:.5em 1em}.add{color:#1a7f37}.del{color:#cf222e}</style>
</head><body><p class="meta">fake GitHub (offline test double)</p>${body}</body></html>`;
}

function diffHtml(diff: string): string {
  if (!diff) return '<p class="meta">No changes.</p>';
  const lines = diff.split('\n').map((l) => {
    const cls =
      l.startsWith('+') && !l.startsWith('+++') ? 'add' : l.startsWith('-') && !l.startsWith('---') ? 'del' : '';
    return cls ? `<span class="${cls}">${esc(l)}</span>` : esc(l);
  });
  return `<pre>${lines.join('\n')}</pre>`;
}

export async function renderHtml(m: FakeModel, rawPath: string): Promise<{ status: number; html: string }> {
  const notFound = { status: 404, html: page('Not Found', '<h1>404</h1><p>Not Found</p>') };
  let parts: string[];
  try {
    parts = rawPath.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return notFound;
  }
  const [owner, name, section, ...rest] = parts;
  if (!owner || !name) return notFound;
  const r = m.findRepo(owner, name);
  if (!r) return notFound;
  const comments = (n: number) =>
    m.state.comments
      .filter((c) => c.repo === r.fullName && c.issueNumber === n)
      .map(
        (c) =>
          `<div class="comment" id="issuecomment-${c.id}"><p class="meta">${esc(c.author)} · ${esc(c.createdAt)}</p><pre>${esc(c.body)}</pre></div>`,
      )
      .join('');

  if (!section) {
    const branches = await bare.listBranches(r.dir);
    const files = await bare.listFiles(r.dir, r.defaultBranch);
    return {
      status: 200,
      html: page(
        r.fullName,
        `<h1>${esc(r.fullName)}</h1><h2>Branches</h2><ul>${branches
          .map((b) => `<li><a href="/${r.fullName}/tree/${esc(b.name)}">${esc(b.name)}</a> ${b.sha.slice(0, 7)}</li>`)
          .join(
            '',
          )}</ul><h2>Files on ${esc(r.defaultBranch)}</h2><ul>${files.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>`,
      ),
    };
  }
  if ((section === 'pull' || section === 'issues') && rest[0] && /^\d+$/.test(rest[0])) {
    const it = m.findItem(r, Number(rest[0]));
    if (!it || it.deleted) return notFound;
    let extra = '';
    if (it.kind === 'pull') {
      await m.refreshPull(it);
      const base = (await bare.resolveRef(r.dir, `refs/heads/${it.baseRef}`)) ?? it.baseRef;
      extra = `<p class="meta">${it.draft ? 'Draft · ' : ''}${esc(it.headRepo)}:${esc(it.headRef)} → ${esc(it.baseRef)}</p>${diffHtml(
        await bare.diffText(r.dir, base, `refs/pull/${it.number}/head`),
      )}`;
    }
    return {
      status: 200,
      html: page(
        `${it.title} · #${it.number}`,
        `<h1>${esc(it.title)} <span class="meta">#${it.number}</span></h1><p class="meta">${esc(it.state)} · opened by ${esc(
          it.author,
        )}</p><pre>${esc(it.body ?? '')}</pre>${extra}<h2>Comments</h2>${comments(it.number)}`,
      ),
    };
  }
  if (section === 'tree' || section === 'compare' || section === 'commits') {
    const spec = rest.join('/');
    const [baseSpec, headSpec] = spec.includes('...') ? spec.split('...') : [r.defaultBranch, spec];
    const head = await bare.resolveRef(r.dir, headSpec ?? '');
    if (!head) return notFound;
    const base = (await bare.resolveRef(r.dir, baseSpec ?? r.defaultBranch)) ?? head;
    const log = await bare.gitLog(r.dir, head, 20);
    return {
      status: 200,
      html: page(
        `${r.fullName} ${spec}`,
        `<h1>${esc(r.fullName)}: ${esc(spec)}</h1><h2>Commits</h2><ul>${log
          .map((e) => `<li>${e.sha.slice(0, 7)} ${esc(e.subject)} <span class="meta">${esc(e.authorName)}</span></li>`)
          .join(
            '',
          )}</ul><h2>Changes against ${esc(baseSpec ?? '')}</h2>${diffHtml(await bare.diffText(r.dir, base, head))}`,
      ),
    };
  }
  return notFound;
}
