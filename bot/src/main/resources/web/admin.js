// The admin page (/admin.html, admins only): people with their roles (#people, a select per person changes it) and
// linked identities, an invite link for a new person (#invite, #invite-link), the invites still open (#invites), and
// the audit trail (#audit). Everything from the server
// is escaped.
'use strict';
(() => {
  const esc = Markdown.escape;
  const $ = s => document.getElementById(s);
  const post = (path, body) => fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) }).then(r => r.json());

  async function load() {
    const people = await fetch('/api/auth/people').then(r => r.json());
    if (!Array.isArray(people)) {
      $('admin-error').textContent = people.error || 'admins only';
      return;
    }
    $('people').innerHTML = people.map(p => `<tr><td>${esc(p.name)}</td><td><select data-id="${esc(p.id)}">`
      + ['member', 'approver', 'admin'].map(r => `<option${r === p.role ? ' selected' : ''}>${r}</option>`).join('')
      + `</select></td><td>${esc((p.identities || []).join(', ') || '-')}</td>`
      + `<td>${p.password ? 'password' : 'single sign-on'}</td></tr>`).join('');
    document.querySelectorAll('#people select').forEach(s => s.addEventListener('change', async () => {
      await post(`/api/auth/people/${encodeURIComponent(s.dataset.id)}/role`, { role: s.value });
      load();
    }));
    const invites = await fetch('/api/auth/invites').then(r => r.json());
    $('invites').innerHTML = (Array.isArray(invites) ? invites : []).map(i => `<tr><td>${esc(i.role)}</td>`
      + `<td>${esc(i.by)}</td><td>${esc(i.expiresAt)}</td></tr>`).join('') || '<tr><td colspan="3">none</td></tr>';
    const audit = await fetch('/api/auth/audit').then(r => r.json());
    $('audit').innerHTML = (Array.isArray(audit) ? audit : []).map(e => `<tr><td>${esc(e.at)}</td>`
      + `<td>${esc(e.who)}</td><td>${esc(e.platform)} ${esc(e.address)}</td><td>${esc(e.action)}</td>`
      + `<td>${esc(e.detail)}</td></tr>`).join('');
  }

  $('invite').addEventListener('submit', async e => {
    e.preventDefault();
    const res = await post('/api/auth/invites', { role: $('invite').role.value });
    $('invite-link').textContent = res.link || res.error || '';
    load();
  });
  load();
})();
