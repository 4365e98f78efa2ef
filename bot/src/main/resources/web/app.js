// The web chat. DOM hooks (stable, used by the browser test):
//   #display-name              the display name input (stored per browser)
//   #composer textarea/button  post a root message in the open channel
//   .message[data-id]          a message; .title, .text, .fields, .attachments inside
//   .message button[data-action][data-value]   a bot button (Run experiment, Refine, Discard, Stop…)
//   .reaction[data-emoji]      a reaction chip (click toggles yours); .react-picker button[data-emoji] adds one
//   .thread                    the open thread panel; .thread .message its messages
//   img.attachment             an image attachment; a.file other files
//   #toast                     short notices (e.g. "Approved: run-… is queued", refusals)
'use strict';
(() => {
  const PICKER = ['+1', '-1', 'rocket', 'repeat', 'eyes'];
  const $ = (s, el = document) => el.querySelector(s);
  const me = identity();
  const messages = new Map();
  let channel = 'research';
  let openThread = null;

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
    if (m.color) el.style.borderLeftColor = m.color;
    const time = new Date(m.ts).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    el.innerHTML = `<div class="meta"><span class="author"></span> <span class="time">${time}</span>`
      + `${m.edited ? ' <span class="edited">(edited)</span>' : ''}</div>`;
    $('.author', el).textContent = m.userName;
    if (m.title) {
      const title = document.createElement('div');
      title.className = 'title';
      title.textContent = m.title;
      el.appendChild(title);
    }
    const text = document.createElement('div');
    text.className = 'text';
    text.innerHTML = Markdown.render(m.text);
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

  function fields(list) {
    const table = document.createElement('table');
    table.className = 'fields';
    for (const f of list) {
      const row = table.insertRow();
      row.insertCell().textContent = f.label;
      row.insertCell().textContent = f.value;
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
        const res = await api('POST', `/api/messages/${m.id}/buttons`, { ...who(), action: b.action, value: b.value });
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

  function upsert(m) {
    messages.set(m.id, m);
    if (m.channel === channel) redraw();
  }

  function redraw() {
    const list = $('#messages');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.replaceChildren(...[...messages.values()]
      .filter(m => m.channel === channel && m.threadId === m.id).map(render));
    if (atBottom) list.scrollTop = list.scrollHeight;
    drawThread();
  }

  function drawThread() {
    const panel = $('.thread');
    if (!openThread || !messages.has(openThread)) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    const box = $('#thread-messages');
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    box.replaceChildren(...[...messages.values()].filter(m => m.threadId === openThread).map(render));
    if (atBottom) box.scrollTop = box.scrollHeight;
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
      li.className = c === channel ? 'current' : '';
      li.addEventListener('click', () => { openThread = null; location.hash = '#/' + c; select(c); });
      return li;
    }));
  }

  async function select(c) {
    channel = c;
    $('#channel-name').textContent = '# ' + c;
    const list = await api('GET', `/api/channels/${c}/messages`);
    for (const m of list) messages.set(m.id, m);
    loadChannels();
    redraw();
  }

  function live() {
    const events = new EventSource('/api/events');
    events.addEventListener('message', e => upsert(JSON.parse(e.data)));
    events.addEventListener('reaction', e => upsert(JSON.parse(e.data)));
    events.addEventListener('hello', () => select(channel));
  }

  $('#display-name').value = me.name;
  $('#display-name').addEventListener('change', e => {
    localStorage.setItem('mlr.displayName', e.target.value.trim() || me.id);
  });
  $('#composer').addEventListener('submit', async e => {
    e.preventDefault();
    const box = $('#composer textarea');
    if (!box.value.trim()) return;
    const res = await api('POST', `/api/channels/${channel}/messages`, { ...who(), text: box.value });
    box.value = '';
    if (res.message) {
      upsert(res.message);
      show(res.message.id);
    }
    toast(res.notice);
  });
  $('#composer textarea').addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('#composer button').click(); }
  });
  $('#reply').addEventListener('submit', async e => {
    e.preventDefault();
    const box = $('#reply textarea');
    if (!box.value.trim() || !openThread) return;
    const res = await api('POST', `/api/channels/${channel}/messages`, { ...who(), text: box.value,
      threadId: openThread });
    box.value = '';
    if (res.message) upsert(res.message);
    toast(res.notice);
  });
  $('#close-thread').addEventListener('click', () => { openThread = null; location.hash = '#/' + channel; drawThread(); });
  $('#new-channel').addEventListener('submit', async e => {
    e.preventDefault();
    const input = $('#new-channel input');
    await api('POST', '/api/channels', { name: input.value });
    input.value = '';
    loadChannels();
  });

  const [, c, t] = location.hash.split('/');
  if (c) channel = c;
  if (t) openThread = t;
  select(channel);
  live();
})();
