// The overview (/researches.html): every research with its status, runs (linking to their run pages), tokens and
// cost, linking to its thread in the web chat; refreshes every 5 s. Hooks: #researches tr[data-id], a.run-link.
'use strict';
(() => {
  const esc = Markdown.escape;

  function row(r) {
    const thread = r.platform === 'web' && r.thread
      ? `<a href="/#/${esc(r.thread)}">${esc(r.id)}</a>` : esc(r.id);
    const runs = r.runs.map(x => `<a class="run-link" href="/run.html?id=${encodeURIComponent(x.id)}">`
      + `${esc(x.id)}</a> <span class="run-status ${esc(x.status)}">${esc(x.status)}</span> `
      + `${x.step}/${x.maxSteps}`).join('<br>');
    const paper = r.link.startsWith('http') ? `<a href="${esc(r.link)}" target="_blank" rel="noopener noreferrer">`
      + `${esc(r.title || r.link)}</a>` : esc(r.title || r.link);
    return `<tr data-id="${esc(r.id)}"><td>${thread}</td><td>${paper}</td><td>${esc(r.status)}: ${esc(r.detail)}</td>`
      + `<td>${esc(r.requester)}</td><td>${runs}</td><td>${r.usage.tokens}</td>`
      + `<td>$${r.usage.costUsd.toFixed(4)}</td></tr>`;
  }

  async function load() {
    try {
      const rows = await (await fetch('/api/researches')).json();
      document.getElementById('researches').innerHTML = rows.map(row).join('');
    } finally {
      setTimeout(load, 5000);
    }
  }
  load();
})();
