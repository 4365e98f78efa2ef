// The sign-in page (/signin, #signin) and the invite page (/invite/<code>, #accept): they post JSON to
// /api/auth/signin or /api/auth/accept, and on success go to the chat; errors are shown in #auth-error as text.
'use strict';
(() => {
  const form = document.getElementById('signin') || document.getElementById('accept');
  const error = document.getElementById('auth-error');
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    let path = '/api/auth/signin';
    if (form.id === 'accept') {
      path = '/api/auth/accept';
      data.code = location.pathname.split('/').pop();
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
