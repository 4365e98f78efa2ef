// The web chat: plain JavaScript, no build step, no external resources. User text is rendered only through
// Markdown.into (markdown.js), which builds its nodes from text; everything else is set with textContent.
//
// DOM hooks (stable; the Selenium browser test targets them):
//   #display-name                  the display name input (kept in localStorage with a random user id per browser)
//   #channel-list li[data-channel] a channel; #new-channel input / button create one
//   #composer textarea, #composer button   post a root message in the open channel ("Paste a paper link…");
//   #composer input[type=file]      a paper as a PDF file, uploaded and posted with the message
//   .message[data-id]              a message (also data-thread); .bot for the bot's
//   .message .title                its bold title; .message .text its rendered text; .message .fields its table
//   .message button[data-action]   a bot button (data-value too): Run experiment, Refine, Discard, Stop…
//   .reaction[data-emoji]          a reaction chip with its count (click toggles yours; .mine when yours)
//   .react-picker button[data-emoji]   add a reaction: +1 -1 rocket repeat eyes
//   .thread                        the open thread panel (#thread-title: the paper's title once the brief is in);
//                                  .thread .message its messages (.focus: the one a link pointed to); #reply textarea / button[type=submit];
//                                  #reply input[type=file] files to upload and post with the reply; #reply .as-file sends a reply over the limit as message.txt
//   .new-messages                  "New messages ↓", shown when messages arrive below what one is reading
//   img.attachment                 an image attachment; a.file any other file
//   a.run-link                     a link to a run page (/run.html?id=…)
//   #toast                         short notices (the handler's answer, errors); .shown while visible
'use strict';
(() => {
  const PICKER = ['+1', '-1', 'rocket', 'repeat', 'eyes'];
  const $ = (s, el = document) => el.querySelector(s);
  const me = identity();
  const messages = new Map();
  let channel = 'research';
  let openThread = null;
  let focusMessage = null;

  function identity() {
    let id = localStorage.getItem('mlr.userId');
    if (!id) {
      id = 'u-' + Math.random().toString(36).slice(2, 10);
      localStorage.setItem('mlr.userId', id);
    }
    let name = localStorage.getItem('mlr.displayName');
    if (!name) {
      name = 'guest-' + id.slice(2, 6);
      localStorage.setItem('mlr.displayName', name);
    }
    return { id, get name() { return localStorage.getItem('mlr.displayName') || id; } };
  }

  async function api(method, path, body) {
    const res = await fetch(path, { method, headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      toast(data.notice || data.error || ('error ' + res.status));
    }
    return data;
  }

  function toast(text) {
    if (!text) return;
    const t = $('#toast');
    t.textContent = text;
    t.classList.add('shown');
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => t.classList.remove('shown'), 6000);
  }

  function who() {
    return { user: me.id, userName: me.name };
  }

  function render(m) {
    const el = document.createElement('div');
    el.className = 'message' + (m.bot ? ' bot' : '');
    el.dataset.id = m.id;
    el.dataset.thread = m.threadId;
    if (m.color) el.style.borderLeftColor = m.color;
    const time = new Date(m.ts).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.append(span('author', m.userName), ' ', span('time', time));
    if (m.edited) meta.append(' ', span('edited', '(edited)'));
    el.appendChild(meta);
    if (m.title) {
      const title = document.createElement('div');
      title.className = 'title';
      title.textContent = m.title;
      el.appendChild(title);
    }
    const text = document.createElement('div');
    text.className = 'text';
    Markdown.into(text, m.text);
    el.appendChild(text);
    if (m.fields.length) el.appendChild(fields(m.fields));
    if (m.attachments.length) el.appendChild(attachments(m.attachments));
    if (m.buttons.length) el.appendChild(buttons(m));
    el.appendChild(reactions(m));
    if (m.threadId === m.id) {
      const replies = [...messages.values()].filter(x => x.threadId === m.id && x.id !== m.id).length;
      if (replies) {
        const r = document.createElement('div');
        r.className = 'replies';
        r.textContent = replies + (replies === 1 ? ' reply' : ' replies');
        el.appendChild(r);
      }
      el.addEventListener('click', e => {
        if (!e.target.closest('button, a, .reaction')) show(m.id);
      });
    }
    return el;
  }

  function span(className, text) {
    const s = document.createElement('span');
    s.className = className;
    s.textContent = text;
    return s;
  }

  function fields(list) {
    const table = document.createElement('table');
    table.className = 'fields';
    for (const f of list) {
      const row = table.insertRow();
      row.insertCell().textContent = f.label;
      const cell = row.insertCell();
      if (f.label === 'Run' && /^[\w-]+$/.test(f.value)) {
        const link = document.createElement('a');
        link.className = 'run-link';
        link.href = '/run.html?id=' + encodeURIComponent(f.value);
        link.textContent = f.value;
        cell.appendChild(link);
      } else {
        cell.textContent = f.value;
      }
    }
    return table;
  }

  function attachments(list) {
    const box = document.createElement('div');
    box.className = 'attachments';
    for (const a of list) {
      if (a.contentType.startsWith('image/')) {
        const img = document.createElement('img');
        img.className = 'attachment';
        img.src = a.url;
        img.alt = a.name;
        box.appendChild(img);
      } else {
        const link = document.createElement('a');
        link.className = 'file';
        link.href = a.url;
        link.textContent = '📎 ' + a.name;
        link.download = a.name;
        box.appendChild(link);
      }
    }
    return box;
  }

  function buttons(m) {
    const box = document.createElement('div');
    box.className = 'buttons';
    for (const b of m.buttons) {
      const button = document.createElement('button');
      button.textContent = b.label;
      button.dataset.action = b.action;
      button.dataset.value = b.value;
      if (b.style) button.classList.add(b.style);
      button.addEventListener('click', async () => {
        button.disabled = true;
        const res = await api('POST', `/api/messages/${m.id}/buttons`, { ...who(), action: b.action, value: b.value });
        button.disabled = false;
        toast(res.notice);
      });
      box.appendChild(button);
    }
    return box;
  }

  function reactions(m) {
    const box = document.createElement('div');
    box.className = 'reactions';
    for (const [emoji, users] of Object.entries(m.reactions)) {
      const chip = document.createElement('button');
      chip.className = 'reaction' + (users.includes(me.id) ? ' mine' : '');
      chip.dataset.emoji = emoji;
      chip.textContent = `${Markdown.EMOJI[emoji] || ':' + emoji + ':'} ${users.length}`;
      chip.title = users.join(', ');
      chip.addEventListener('click', () => toggle(m, emoji, users.includes(me.id)));
      box.appendChild(chip);
    }
    const picker = document.createElement('span');
    picker.className = 'react-picker';
    for (const emoji of PICKER) {
      const b = document.createElement('button');
      b.dataset.emoji = emoji;
      b.textContent = Markdown.EMOJI[emoji];
      b.title = 'react with :' + emoji + ':';
      b.addEventListener('click', () => toggle(m, emoji, (m.reactions[emoji] || []).includes(me.id)));
      picker.appendChild(b);
    }
    box.appendChild(picker);
    return box;
  }

  async function toggle(m, emoji, mine) {
    const res = mine
      ? await api('DELETE', `/api/messages/${m.id}/reactions/${encodeURIComponent(emoji)}?user=`
          + `${encodeURIComponent(me.id)}&userName=${encodeURIComponent(me.name)}`)
      : await api('POST', `/api/messages/${m.id}/reactions`, { ...who(), emoji });
    if (res.message) upsert(res.message);
    toast(res.notice);
  }

  // A message's version grows with every change; an answer that arrives after a newer event (the post's own
  // answer after the 👀 the bot added meanwhile) must not undo it.
  function upsert(m) {
    const known = messages.get(m.id);
    if (known && (known.version || 0) > (m.version || 0)) return;
    messages.set(m.id, m);
    if (m.channel === channel) redraw(known ? null : m);
  }

  const atBottom = box => box.scrollHeight - box.scrollTop - box.clientHeight < 40;

  // Drawn again keeping the reader's place: one who was at the end follows new messages; one reading further up
  // is told that something arrived below instead of being pulled down.
  function fill(box, list, arrived) {
    const following = atBottom(box);
    box.replaceChildren(...list.map(render));
    const hint = $(`.new-messages[data-for="${box.id}"]`);
    if (following) {
      box.scrollTop = box.scrollHeight;
      hint.hidden = true;
    } else if (arrived && list.some(x => x.id === arrived.id)) {
      hint.hidden = false;
    }
  }

  function redraw(arrived) {
    fill($('#messages'), [...messages.values()].filter(m => m.channel === channel && m.threadId === m.id),
      arrived && arrived.threadId === arrived.id ? arrived : null);
    drawThread(arrived);
  }

  function threadTitle(list) {
    const brief = list.find(m => m.bot && (m.title || '').startsWith('Brief: '));
    if (brief) return brief.title.slice('Brief: '.length);
    const root = list.find(m => m.id === openThread);
    const text = root ? root.text.replace(/\s+/g, ' ').trim() : '';
    return text ? (text.length > 80 ? text.slice(0, 79) + '…' : text) : 'Thread';
  }

  function drawThread(arrived) {
    const panel = $('.thread');
    if (!openThread || !messages.has(openThread)) {
      panel.hidden = true;
      document.body.classList.remove('thread-open');
      return;
    }
    panel.hidden = false;
    document.body.classList.add('thread-open');
    const list = [...messages.values()].filter(m => m.threadId === openThread);
    $('#thread-title').textContent = threadTitle(list);
    const box = $('#thread-messages');
    fill(box, list, arrived && arrived.threadId === openThread ? arrived : null);
    if (focusMessage) {
      const target = box.querySelector(`.message[data-id="${CSS.escape(focusMessage)}"]`);
      if (target) {
        target.classList.add('focus');
        target.scrollIntoView({ block: 'center' });
        focusMessage = null;
      }
    }
  }

  for (const hint of document.querySelectorAll('.new-messages')) {
    const box = $('#' + hint.dataset.for);
    hint.addEventListener('click', () => { box.scrollTop = box.scrollHeight; hint.hidden = true; });
    box.addEventListener('scroll', () => { if (atBottom(box)) hint.hidden = true; });
  }

  function show(threadId) {
    openThread = threadId;
    location.hash = `#/${channel}/${threadId}`;
    drawThread();
  }

  async function loadChannels() {
    const channels = await api('GET', '/api/channels');
    const ul = $('#channel-list');
    ul.replaceChildren(...channels.map(c => {
      const li = document.createElement('li');
      li.textContent = '# ' + c;
      li.dataset.channel = c;
      li.className = c === channel ? 'current' : '';
      li.addEventListener('click', () => { location.hash = '#/' + c; });
      return li;
    }));
  }

  async function select(c) {
    channel = c;
    $('#channel-name').textContent = '# ' + c;
    const list = await api('GET', `/api/channels/${encodeURIComponent(c)}/messages`);
    if (!Array.isArray(list)) {
      if (c !== 'general') select('general');
      return;
    }
    for (const m of list) {
      const known = messages.get(m.id);
      if (!known || (known.version || 0) <= (m.version || 0)) messages.set(m.id, m);
    }
    loadChannels();
    redraw();
  }

  function route() {
    const [, c, t, m] = location.hash.split('/');
    const next = c ? decodeURIComponent(c) : channel;
    const thread = t ? decodeURIComponent(t) : null;
    focusMessage = m ? decodeURIComponent(m) : null;
    if (next === channel && thread === openThread) {
      if (focusMessage) drawThread();
      return false;
    }
    openThread = thread;
    select(next);
    return true;
  }

  function live() {
    const events = new EventSource('/api/events');
    events.addEventListener('message', e => upsert(JSON.parse(e.data)));
    events.addEventListener('reaction', e => upsert(JSON.parse(e.data)));
    events.addEventListener('withdrawn', e => {
      const m = JSON.parse(e.data);
      messages.delete(m.id);
      if (m.channel === channel) redraw(null);
    });
    events.addEventListener('hello', () => select(channel));
  }

  $('#display-name').value = me.name;
  // Signed in (web.auth=local): the session says who acts; show that name and offer signing out.
  fetch('/api/auth/me').then(r => (r.ok ? r.json() : null)).then(p => {
    if (!p) return;
    me.id = p.id;
    Object.defineProperty(me, 'name', { value: p.name, writable: true });
    $('#display-name').value = p.name;
    $('#display-name').disabled = true;
    const out = document.createElement('a');
    out.href = '#';
    out.id = 'sign-out';
    out.textContent = 'Sign out';
    out.addEventListener('click', async e => {
      e.preventDefault();
      await fetch('/api/auth/signout', { method: 'POST' });
      location.href = '/signin';
    });
    $('#display-name').closest('label').after(out);
    if (p.role === 'admin') {
      const admin = document.createElement('a');
      admin.href = '/admin.html';
      admin.textContent = 'Admin';
      out.after(admin);
    }
  }).catch(() => {});
  $('#display-name').addEventListener('change', e => {
    localStorage.setItem('mlr.displayName', e.target.value.trim() || me.id);
  });
  // One message limit, counted as people type (the server says the same when it is passed); text that does not
  // fit stays in the box.
  const MAX_TEXT = 16000;
  function counted(form) {
    const box = $(`#${form} textarea`);
    const counter = $(`#${form} .counter`);
    const update = () => {
      const n = box.value.length;
      counter.hidden = n < MAX_TEXT * 0.8;
      counter.textContent = `${n.toLocaleString('en')} / ${MAX_TEXT.toLocaleString('en')}`;
      counter.classList.toggle('over', n > MAX_TEXT);
      const asFile = $(`#${form} .as-file`);
      if (asFile) asFile.hidden = n <= MAX_TEXT;
    };
    box.addEventListener('input', update);
    return update;
  }
  const recount = { composer: counted('composer'), reply: counted('reply') };
  function fits(box) {
    if (box.value.length <= MAX_TEXT) return true;
    toast(`A message holds at most ${MAX_TEXT.toLocaleString('en')} characters; this one has `
      + `${box.value.length.toLocaleString('en')}. `
      + (box.closest('#reply') ? 'Press "Send as a file" instead.' : 'Post the paper first; long text goes in its thread.'));
    return false;
  }
  // A reply longer than one message goes as message.txt, which the bot reads as the reply itself.
  $('#reply .as-file').addEventListener('click', async () => {
    const box = $('#reply textarea');
    if (!box.value.trim() || !openThread) return;
    const id = await upload(new File([box.value], 'message.txt', { type: 'text/plain' }));
    if (!id) return;
    const res = await api('POST', `/api/channels/${encodeURIComponent(channel)}/messages`, { ...who(), text: '',
      threadId: openThread, files: [id] });
    if (res.message) {
      box.value = '';
      recount.reply();
      upsert(res.message);
    }
    toast(res.notice);
  });
  $('#composer').addEventListener('submit', async e => {
    e.preventDefault();
    const box = $('#composer textarea');
    const picker = $('#composer input[type=file]');
    if (!box.value.trim() && !picker.files.length) return;
    if (!fits(box)) return;
    const files = [];
    for (const f of picker.files) {
      const id = await upload(f);
      if (id) files.push(id);
    }
    const res = await api('POST', `/api/channels/${encodeURIComponent(channel)}/messages`, { ...who(), text: box.value,
      files });
    if (res.message) {
      box.value = '';
      picker.value = '';
      recount.composer();
      upsert(res.message);
      show(res.message.id);
    }
    toast(res.notice);
  });
  $('#composer textarea').addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('#composer button').click(); }
  });
  async function upload(file) {
    const form = new FormData();
    form.append('file', file, file.name);
    const res = await fetch('/api/uploads?' + new URLSearchParams(who()), { method: 'POST', body: form });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) toast(data.notice || data.error || ('upload failed: ' + res.status));
    return res.ok ? data.id : null;
  }
  $('#reply').addEventListener('submit', async e => {
    e.preventDefault();
    const box = $('#reply textarea');
    const picker = $('#reply input[type=file]');
    if ((!box.value.trim() && !picker.files.length) || !openThread) return;
    if (!fits(box)) return;
    const files = [];
    for (const f of picker.files) {
      const id = await upload(f);
      if (id) files.push(id);
    }
    const res = await api('POST', `/api/channels/${encodeURIComponent(channel)}/messages`, { ...who(), text: box.value,
      threadId: openThread, files });
    if (res.message) {
      box.value = '';
      picker.value = '';
      recount.reply();
      upsert(res.message);
    }
    toast(res.notice);
  });
  $('#close-thread').addEventListener('click', () => { openThread = null; location.hash = '#/' + channel; drawThread(); });
  $('#new-channel').addEventListener('submit', async e => {
    e.preventDefault();
    const input = $('#new-channel input');
    const name = input.value.trim().toLowerCase();
    const res = await api('POST', '/api/channels', { name });
    input.value = '';
    if (Array.isArray(res) && res.includes(name)) {
      openThread = null;
      location.hash = '#/' + name;
    } else {
      loadChannels();
    }
  });

  window.addEventListener('hashchange', route);
  if (!route()) select(channel);
  live();
})();
