// The sign-in page (/signin, #signin), the invite page (/invite/<code>, #accept) and the link page (/link.html,
// #link: a code from /mlr link in Slack or Discord): they post JSON to /api/auth/signin, /api/auth/accept or
// /api/auth/link, and on success go to the chat; errors are shown in #auth-error as text. The sign-in page also
// offers single sign-on (#sso) when /api/auth/providers names a provider.
'use strict';
(() => {
  const sso = document.getElementById('sso');
  if (sso) {
    fetch('/api/auth/providers').then(r => r.json()).then(p => {
      if (p.sso) {
        const link = document.getElementById('sso-start');
        link.textContent = 'Sign in with ' + p.sso.label;
        link.href = p.sso.start;
        sso.hidden = false;
      }
    }).catch(() => {});
  }
  const form = document.getElementById('signin') || document.getElementById('accept')
    || document.getElementById('link');
  const error = document.getElementById('auth-error');
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    let path = '/api/auth/signin';
    if (form.id === 'accept') {
      path = '/api/auth/accept';
      data.code = location.pathname.split('/').pop();
    } else if (form.id === 'link') {
      path = '/api/auth/link';
    }
    const res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(data) });
    const body = await res.json().catch(() => ({}));
    if (res.ok) {
      location.href = '/';
    } else {
      error.textContent = body.error || ('error ' + res.status);
    }
  });
})();
