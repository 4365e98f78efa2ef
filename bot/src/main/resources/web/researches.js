// The overview: every research with its status, runs (linking to their run pages) and cost; refreshes every 5 s.
'use strict';
(() => {
  const esc = Markdown.escape;
  async function load() {
    const rows = await (await fetch('/api/researches')).json();
    document.getElementById('researches').innerHTML = rows.map(r => {
      const thread = r.platform === 'web' && r.thread ? `<a href="/#/${esc(r.thread)}">${esc(r.id)}</a>` : esc(r.id);
      const runs = r.runs.map(x => `<a href="/run.html?id=${encodeURIComponent(x.id)}">${esc(x.id)}</a> `
        + `${esc(x.status)} ${x.step}/${x.maxSteps}`).join('<br>');
      return `<tr><td>${thread}</td><td>${esc(r.title || r.link)}</td><td>${esc(r.status)}: ${esc(r.detail)}</td>`
        + `<td>${runs}</td><td>$${r.usage.costUsd.toFixed(4)}</td></tr>`;
    }).join('');
    setTimeout(load, 5000);
  }
  load();
})();
