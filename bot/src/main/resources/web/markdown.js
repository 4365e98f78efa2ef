// Light, safe markdown for chat text. The text is HTML-escaped FIRST; only then are *bold*, _italic_, `code`,
// ```blocks```, <url|label> and bare http(s) links, run:<id> and /run.html?id=<id> run links, :emoji: names and
// line breaks turned into markup. Links only ever point to http(s) or to this site (a path starting with one "/").
// Nothing added here contains a quote, so no replacement can leave an attribute.
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

  function inline(s) {
    return s
      .replace(/\[([^\]\n]+)\]\(((?:https?:\/\/|\/)[^\s)]+)\)/g, (m, l, u) => `<a href="${safeUrl(u)}"${target(u)}>${l}</a>`)
      .replace(/&lt;((?:https?:\/\/|\/)(?:[^|&\s]|&amp;)+)\|([^\n]+?)&gt;/g,
        (m, u, l) => `<a href="${safeUrl(u)}"${target(u)}>${l}</a>`)
      .replace(/(^|[\s(])(https?:\/\/[^\s<)]*[^\s<).,;:!?])/g, (m, p, u) => `${p}<a href="${safeUrl(u)}" ${LINK}>${u}</a>`)
      .replace(/(^|\s)(\/run\.html\?id=([\w-]+))/g, (m, p, u) => `${p}<a class="run-link" href="${u}">${u}</a>`)
      .replace(/(^|[\s(])run:([\w-]+)/g, (m, p, id) => `${p}<a class="run-link" href="/run.html?id=${id}">run:${id}</a>`)
      .replace(/`([^`\n]+)`/g, '<code>$1</code>')
      .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
      .replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>')
      .replace(/(^|\s)_([^_\n]+)_(?=\s|$|[.,;:])/g, '$1<em>$2</em>')
      .replace(/:([a-z0-9_+-]+):/g, (m, n) => EMOJI[n] || m);
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
