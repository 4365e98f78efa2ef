// Light, safe markdown for chat text, built as DOM nodes: text only ever becomes text nodes, and the markup is
// made with createElement, so no character of the text can become a tag or an attribute. One tokenizer pass, left
// to right, finds `code`, [label](url), <url|label>, bare http(s) links, run:<id> and /run.html?id=<id> run links,
// *bold* / **bold**, _italic_ and :emoji: names; ```blocks``` and line breaks are handled around it. Links only
// ever point to http(s) or to this site (a path starting with one "/"); a link's label is formatted but holds no
// further link. escape() stays for the pages that build plain-text HTML.
'use strict';
const Markdown = (() => {
  const EMOJI = { '+1': '👍', '-1': '👎', rocket: '🚀', repeat: '🔁', eyes: '👀', white_check_mark: '✅',
    warning: '⚠️' };

  function escape(s) {
    return String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function safeUrl(u) {
    return /^(https?:\/\/|\/(?!\/))/i.test(u) ? u : null;
  }

  // Every token in one expression; at a position the first alternative that matches wins, and what a token
  // covers is never read by another (a URL inside a link cannot become a second link).
  const TOKENS = new RegExp([
    /`([^`\n]+)`/.source,                                                  // 1 code
    /\[([^\]\n]+)\]\(((?:https?:\/\/|\/)[^\s)]+)\)/.source,                 // 2 label, 3 url
    /<((?:https?:\/\/|\/)[^|<>\s]+)\|([^\n>]+?)>/.source,                   // 4 url, 5 label
    /(?<=^|[\s(])(https?:\/\/[^\s<)]*[^\s<).,;:!?])/.source,                // 6 bare URL
    /(?<=^|\s)(\/run\.html\?id=[\w-]+)/.source,                            // 7 run page
    /(?<=^|[\s(])run:([\w-]+)/.source,                                     // 8 run:<id>
    /\*\*([^*\n]+)\*\*/.source,                                            // 9 bold
    /\*([^*\n]+)\*/.source,                                                // 10 bold
    /(?<=^|\s)_([^_\n]+)_(?=\s|$|[.,;:])/.source,                          // 11 italic
    /:([a-z0-9_+-]+):/.source,                                             // 12 emoji
  ].join('|'), 'g');

  function el(tag, cls) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    return e;
  }

  // text with its line breaks as <br>
  function text(into, s) {
    s.split('\n').forEach((line, i) => {
      if (i) into.appendChild(el('br'));
      if (line) into.appendChild(document.createTextNode(line));
    });
  }

  function link(url, label, into, cls) {
    const safe = safeUrl(url);
    const a = el('a', cls);
    a.href = safe || '#';
    if (safe && /^https?:\/\//i.test(safe)) {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
    if (typeof label === 'string') inline(a, label, false);
    else a.appendChild(label);
    into.appendChild(a);
  }

  function inline(into, s, links) {
    let at = 0;
    for (const m of s.matchAll(TOKENS)) {
      const isLink = m[3] !== undefined || m[4] !== undefined || m[6] !== undefined || m[7] !== undefined
        || m[8] !== undefined;
      if (isLink && !links) continue; // inside a link's label: left as text
      text(into, s.slice(at, m.index));
      at = m.index + m[0].length;
      if (m[1] !== undefined) {
        const c = el('code');
        c.textContent = m[1];
        into.appendChild(c);
      } else if (m[3] !== undefined) link(m[3], m[2], into);
      else if (m[4] !== undefined) link(m[4], m[5], into);
      else if (m[6] !== undefined) link(m[6], document.createTextNode(m[6]), into);
      else if (m[7] !== undefined) link(m[7], document.createTextNode(m[7]), into, 'run-link');
      else if (m[8] !== undefined) link('/run.html?id=' + m[8], document.createTextNode('run:' + m[8]), into, 'run-link');
      else if (m[9] !== undefined || m[10] !== undefined) {
        const b = el('strong');
        inline(b, m[9] ?? m[10], links);
        into.appendChild(b);
      } else if (m[11] !== undefined) {
        const i = el('em');
        inline(i, m[11], links);
        into.appendChild(i);
      } else {
        text(into, EMOJI[m[12]] || m[0]);
      }
    }
    text(into, s.slice(at));
  }

  /** Chat text as a DocumentFragment of safe nodes. */
  function fragment(source) {
    const out = document.createDocumentFragment();
    const parts = String(source ?? '').split('```');
    parts.forEach((p, i) => {
      if (i % 2 === 1 && i < parts.length - 1) {
        const pre = el('pre');
        pre.textContent = p.replace(/^[a-z]*\n/, '');
        out.appendChild(pre);
        return;
      }
      inline(out, (i % 2 === 1 ? '```' : '') + p, true);
    });
    return out;
  }

  /** Replaces what {@code element} holds with the text's nodes; returns the element. */
  function into(element, source) {
    element.replaceChildren(fragment(source));
    return element;
  }

  return { fragment, into, escape, EMOJI };
})();
