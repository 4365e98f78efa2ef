// The run page (/run.html?id=<runId>): status, cost, result (metric, baseline, final score), the step table and
// the set-up (data, metric, the frozen eval.py), a tree search's solution tree (#run-tree li.tree-node), the tail of trace.jsonl; refreshes every 3 s until the run is finished. Hooks: #run-title, #run-summary
// (.run-status), #run-result (img.plot: the run's plots), #run-steps tr, #run-log. Everything from the server is escaped or set as text.
'use strict';
(() => {
  const id = new URLSearchParams(location.search).get('id') || '';
  const esc = Markdown.escape;
  const $ = s => document.getElementById(s);
  const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  const num = (x, digits = 4) => (x === null || x === undefined ? '–' : Number(x).toFixed(digits));
  const FINISHED = ['DONE', 'FAILED', 'STOPPED'];

  function summary(run) {
    return `<p>status <span class="run-status ${esc(run.status)}">${esc(run.status)}</span>, step `
      + `${run.step}/${run.maxSteps}, requested by ${esc(run.requester)}, approved by ${esc(run.approver)}</p>`
      + `<p>cost $${num(run.usage.costUsd)} · ${run.usage.tokens} tokens in ${run.usage.calls} model calls `
      + `(research ${esc(run.researchId)})</p>`;
  }

  function result(r) {
    const improvement = r.improvementPct == null ? '–' : num(r.improvementPct, 1) + '%';
    return `<table class="fields"><tr><td>metric</td><td>${esc(r.metric)}</td></tr>`
      + `<tr><td>baseline</td><td>${num(r.baseline)}</td></tr><tr><td>final</td><td>${num(r.final)}</td></tr>`
      + `<tr><td>improvement</td><td>${improvement}</td></tr><tr><td>success</td><td>${esc(r.success)}</td></tr>`
      + `<tr><td>stopped</td><td>${esc(r.stopReason)}</td></tr></table>`
      + `<div class="plots">${(r.plots || []).map(p => `<figure><img class="plot" alt="${esc(p)}" src="/api/runs/`
        + `${encodeURIComponent(id)}/plots/${p.split('/').map(encodeURIComponent).join('/')}"><figcaption>${esc(p)}`
        + `</figcaption></figure>`).join('')}</div>`
      + '<div class="text final-answer"></div>'
      + r.flaggedClaims.map(c => `<p>⚠️ not printed by any execution: ${esc(c)}</p>`).join('')
      + `<details><summary>diff</summary><pre>${esc(r.diff)}</pre></details>`;
  }

  // a tree search's nodes (steps whose action is tree_node) as nested lists: each node under the one it was made
  // from, with its score, cost and the team's direction; opening it shows its plan, output and diff
  function tree(steps, best) {
    const nodes = steps.filter(s => s.action === 'tree_node').map(s => {
      let n;
      try { n = JSON.parse(s.input); } catch (e) { return null; }
      if (!n || typeof n.id !== 'string') return null;
      n.observation = s.observation;
      return n;
    }).filter(Boolean);
    if (!nodes.length) return '';
    const ids = new Set(nodes.map(n => n.id));
    const under = p => nodes.filter(n => ((n.parent && ids.has(n.parent)) ? n.parent : null) === p);
    const list = ns => (ns.length ? `<ul class="tree">${ns.map(item).join('')}</ul>` : '');
    function item(n) {
      const outcome = n.score == null ? esc(n.status) : num(n.score);
      return `<li class="tree-node ${esc(n.status)}${n.id === best ? ' best' : ''}" data-node="${esc(n.id)}"><details>`
        + `<summary>${esc(n.id)} ${esc(n.operator)}${n.parent ? ' of ' + esc(n.parent) : ''} · ${outcome} · `
        + `$${num(n.costUsd)}${n.id === best ? ' ★ best' : ''}</summary>`
        + (n.direction ? `<p>following the team's direction: ${esc(n.direction)}</p>` : '')
        + `<pre>${esc(n.observation)}</pre></details>${list(under(n.id))}</li>`;
    }
    return list(under(null));
  }

  function step(s) {
    return `<tr><td>${s.step}</td><td>${esc(s.action)}</td><td><code>${esc(clip(s.input, 160))}</code></td>`
      + `<td><pre>${esc(clip(s.observation, 600))}</pre></td><td>${s.inputTokens + s.outputTokens}</td>`
      + `<td>${(s.durationMs / 1000).toFixed(1)} s</td></tr>`;
  }

  async function load() {
    let run;
    let res;
    try {
      res = await fetch('/api/runs/' + encodeURIComponent(id));
      run = await res.json().catch(() => ({}));
    } catch (e) {
      setTimeout(load, 3000);
      return;
    }
    if (res.status === 404) {
      $('run-title').textContent = `No run ${id}: the link is wrong, or the run belongs to another service`;
      return;
    }
    if (!res.ok || run.error) {
      $('run-title').textContent = run.error || run.title || `The run cannot be shown (error ${res.status})`;
      return;
    }
    if (run.thread) {
      $('run-thread').querySelector('a').href = run.thread;
      $('run-thread').hidden = false;
    }
    $('run-title').textContent = `${run.id} · ${run.hypothesisId} on ${run.task}`;
    $('run-summary').innerHTML = summary(run);
    if (run.setup) {
      $('run-setup').innerHTML = '<div class="text"></div>'
        + (run.evalScript ? `<details><summary>the frozen eval.py</summary><pre>${esc(run.evalScript)}</pre></details>` : '');
      Markdown.into($('run-setup').querySelector('.text'), run.setup);
    }
    if (run.result) {
      $('run-result').innerHTML = result(run.result);
      Markdown.into($('run-result').querySelector('.final-answer'), run.result.finalAnswer);
    }
    const best = run.result && /^best node (n\d+)/.exec(run.result.finalAnswer || '');
    const drawn = tree(run.steps, best ? best[1] : null);
    $('run-tree-section').hidden = !drawn;
    $('run-tree').innerHTML = drawn;
    $('run-steps').innerHTML = run.steps.map(step).join('');
    $('run-log').textContent = run.log.join('\n');
    if (!FINISHED.includes(run.status)) setTimeout(load, 3000);
  }
  load();
})();
