// Light, safe markdown for chat text: the text is HTML-escaped first, then *bold*, _italic_, `code`,
// ```blocks```, <url|label> and bare http(s) links, :emoji: names and line breaks are rendered.
'use strict';
const Markdown = (() => {
  const EMOJI = { '+1': '👍', '-1': '👎', rocket: '🚀', repeat: '🔁', eyes: '👀', white_check_mark: '✅',
    warning: '⚠️' };
  function escape(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  function safeUrl(u) {
    return /^(https?:\/\/|\/)/i.test(u) ? u : '#';
  }
  function inline(s) {
    return s
      .replace(/&lt;((?:https?:\/\/|\/)[^|&\s]+)\|([^&]+?)&gt;/g, (m, u, l) => `<a href="${safeUrl(u)}" target="_blank" rel="noopener">${l}</a>`)
      .replace(/(^|[\s(])((?:https?:\/\/)[^\s<)]+)/g, (m, p, u) => `${p}<a href="${safeUrl(u)}" target="_blank" rel="noopener">${u}</a>`)
      .replace(/(^|\s)(\/run\.html\?id=[\w-]+)/g, (m, p, u) => `${p}<a href="${u}">${u}</a>`)
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>')
      .replace(/(^|\s)_([^_\n]+)_(?=\s|$|[.,;:])/g, '$1<em>$2</em>')
      .replace(/:([a-z0-9_+-]+):/g, (m, n) => EMOJI[n] || m);
  }
  function render(text) {
    const parts = escape(text).split('```');
    return parts.map((p, i) => i % 2 === 1 ? `<pre>${p.replace(/^\n/, '')}</pre>`
      : inline(p).replace(/\n/g, '<br>')).join('');
  }
  return { render, escape, EMOJI };
})();
