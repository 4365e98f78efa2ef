// Light, safe markdown for chat text. The text is HTML-escaped FIRST; only then are *bold*, _italic_, `code`,
// ```blocks```, <url|label>, [label](url) and bare http(s) links, run:<id> and /run.html?id=<id> run links, :emoji:
// names and line breaks turned into markup. Links only ever point to http(s) or to this site (a path starting with
// one "/"), are found in one pass and held aside while the formatting rules run, so no rule writes into an
// attribute another made.
'use strict';
const Markdown = (() => {
  const EMOJI = { '+1': '👍', '-1': '👎', rocket: '🚀', repeat: '🔁', eyes: '👀', white_check_mark: '✅',
    warning: '⚠️' };
  const LINK = 'target="_blank" rel="noopener noreferrer"';

  function escape(s) {
    return String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function safeUrl(u) {
    return /^(https?:\/\/|\/(?!\/))/i.test(u) ? u : '#';
  }

  // Other sites open in a new tab; a link within this one (a message in a thread, a run page) stays in this tab.
  function target(u) {
    return /^https?:\/\//i.test(u) ? ' ' + LINK : '';
  }

  // Every kind of link in one pass, left to right: what one rule made is never read again by another (a URL
  // inside an href cannot become a second link), and each link is held aside while the formatting rules run.
  const LINKS = new RegExp([
    /\[([^\]\n]+)\]\(((?:https?:\/\/|\/)[^\s)]+)\)/.source,                         // [label](url)
    /&lt;((?:https?:\/\/|\/)(?:[^|&\s]|&amp;)+)\|([^\n]+?)&gt;/.source,               // <url|label>
    /(^|[\s(])(https?:\/\/[^\s<)]*[^\s<).,;:!?])/.source,                          // a bare URL
    /(^|\s)(\/run\.html\?id=[\w-]+)/.source,                                      // a run page
    /(^|[\s(])run:([\w-]+)/.source,                                               // run:<id>
  ].join('|'), 'g');

  function inline(s) {
    const held = [];
    const hold = html => `\u0000${held.push(html) - 1}\u0000`;
    const coded = s.replace(/`([^`\n]+)`/g, (m, c) => hold(`<code>${c}</code>`));
    const linked = coded.replace(LINKS, (m, l1, u1, u2, l2, p3, u3, p4, u4, p5, id5) => {
      if (u1 !== undefined) return hold(`<a href="${safeUrl(u1)}"${target(u1)}>`) + l1 + hold('</a>');
      if (u2 !== undefined) return hold(`<a href="${safeUrl(u2)}"${target(u2)}>`) + l2 + hold('</a>');
      if (u3 !== undefined) return p3 + hold(`<a href="${safeUrl(u3)}" ${LINK}>${u3}</a>`);
      if (u4 !== undefined) return p4 + hold(`<a class="run-link" href="${u4}">${u4}</a>`);
      return p5 + hold(`<a class="run-link" href="/run.html?id=${id5}">run:${id5}</a>`);
    });
    return linked
      .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
      .replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>')
      .replace(/(^|\s)_([^_\n]+)_(?=\s|$|[.,;:])/g, '$1<em>$2</em>')
      .replace(/:([a-z0-9_+-]+):/g, (m, n) => EMOJI[n] || m)
      .replace(/\u0000(\d+)\u0000/g, (m, i) => held[Number(i)]);
  }

  /** Chat text as safe HTML. */
  function render(text) {
    const parts = escape(text).split('```');
    return parts.map((p, i) => {
      if (i % 2 === 1 && i < parts.length - 1) return `<pre>${p.replace(/^[a-z]*\n/, '')}</pre>`;
      return (i % 2 === 1 ? '```' : '') + inline(p).replace(/\n/g, '<br>');
    }).join('');
  }

  return { render, escape, EMOJI };
})();
