// The run page: status, result, step trace, log and cost; refreshes every 3 s while the run is active.
'use strict';
(() => {
  const id = new URLSearchParams(location.search).get('id');
  const esc = Markdown.escape;
  const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

  async function load() {
    const run = await (await fetch('/api/runs/' + encodeURIComponent(id))).json();
    if (run.error) {
      document.getElementById('run-title').textContent = run.error;
      return;
    }
    document.getElementById('run-title').textContent = `${run.id} · ${run.hypothesisId} on ${run.task}`;
    document.getElementById('run-summary').innerHTML = `<p>status <strong>${esc(run.status)}</strong>, step `
      + `${run.step}/${run.maxSteps}, approved by ${esc(run.approver)} · cost $${run.usage.costUsd.toFixed(4)}, `
      + `${run.usage.tokens} tokens in ${run.usage.calls} model calls</p>`;
    if (run.result) {
      const r = run.result;
      document.getElementById('run-result').innerHTML = `<p>${esc(r.metric)}: baseline ${r.baseline}, final ${r.final}`
        + `, improvement ${r.improvementPct == null ? '-' : r.improvementPct.toFixed(1) + '%'}, success ${r.success}`
        + ` (stopped: ${esc(r.stopReason)})</p><p>${Markdown.render(r.finalAnswer)}</p>`
        + r.flaggedClaims.map(c => `<p>⚠️ not printed by any execution: ${esc(c)}</p>`).join('')
        + `<details><summary>diff</summary><pre>${esc(r.diff)}</pre></details>`;
    }
    document.getElementById('run-steps').innerHTML = run.steps.map(s => `<tr><td>${s.step}</td>`
      + `<td>${esc(s.action)}</td><td><code>${esc(clip(s.input, 160))}</code></td>`
      + `<td><pre>${esc(clip(s.observation, 600))}</pre></td><td>${s.inputTokens + s.outputTokens}</td>`
      + `<td>${s.durationMs}</td></tr>`).join('');
    document.getElementById('run-log').textContent = run.log.join('\n');
    if (!['DONE', 'FAILED', 'STOPPED'].includes(run.status)) setTimeout(load, 3000);
  }
  load();
})();
