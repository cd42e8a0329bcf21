/** The simulated managed login's HTML: plain forms, every interpolated value escaped. */

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string, status = 200, headers: Record<string, string> = {}): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy': "default-src 'none'; form-action 'self' http: https:; frame-ancestors 'none'",
      ...headers,
    },
  });
}

function hiddenFields(params: URLSearchParams): string {
  return [...params].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
}

/** The login page (Cognito's /login): username and password, and a button per identity provider. */
export function loginPage(query: URLSearchParams, providers: string[], error?: string, username = ''): Response {
  const links = providers
    .map((name) => {
      const q = new URLSearchParams(query);
      q.set('identity_provider', name);
      return `<li><a href="/oauth2/authorize?${escapeHtml(q.toString())}">Continue with ${escapeHtml(name)}</a></li>`;
    })
    .join('');
  const cancel = new URLSearchParams(query);
  return page(
    'Sign in',
    `<h1>Sign in</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}` +
      (links ? `<ul aria-label="Identity providers">${links}</ul>` : '') +
      `<form method="post" action="/login?${escapeHtml(query.toString())}">` +
      `<label>Username <input name="username" autocomplete="username" value="${escapeHtml(username)}" required></label>` +
      `<label>Password <input name="password" type="password" autocomplete="current-password" required></label>` +
      `<button type="submit">Sign in</button></form>` +
      `<form method="post" action="/login?${escapeHtml(cancel.toString())}"><input type="hidden" name="cancel" value="1"><button type="submit">Cancel</button></form>`,
    error ? 400 : 200,
  );
}

/** The simulated external provider's page: one button per account it knows, and Cancel. */
export function providerPage(provider: string, query: URLSearchParams, accounts: { sub: string; label: string }[]): Response {
  const buttons = accounts
    .map((a) => `<button type="submit" name="sub" value="${escapeHtml(a.sub)}">${escapeHtml(a.label)}</button>`)
    .join('');
  return page(
    `${provider} (simulated)`,
    `<h1>${escapeHtml(provider)} (simulated identity provider)</h1>` +
      `<form method="post" action="/simulated-idp/${encodeURIComponent(provider)}">${hiddenFields(query)}` +
      `<fieldset><legend>Choose an account</legend>${buttons}</fieldset>` +
      `<button type="submit" name="cancel" value="1">Cancel</button></form>`,
  );
}

/** An error page where Cognito cannot redirect (unknown client, redirect_uri not allowed). */
export function errorPage(error: string, description: string): Response {
  return page('Error', `<h1>An error was encountered</h1><p>${escapeHtml(error)}</p><p>${escapeHtml(description)}</p>`, 400);
}
