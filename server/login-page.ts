/**
 * The sign-in page (AUTH_MODE=users): plain HTML, no script, its style from /login.css,
 * so it runs under the same Content-Security-Policy as the app. Both languages at once:
 * the app's language setting lives in the browser's storage, which this page cannot read
 * before sign-in.
 */
export type LoginProblem = 'wrong' | 'slow' | 'none';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function loginPage({
  problem,
  next,
  waitSeconds = 0,
}: {
  problem: LoginProblem;
  next: string;
  waitSeconds?: number;
}): string {
  const message =
    problem === 'wrong'
      ? 'Wrong user or password. / Usuario o contraseña incorrectos.'
      : problem === 'slow'
        ? `Too many failed attempts: try again in ${waitSeconds} s. / Demasiados intentos fallidos: inténtelo de nuevo en ${waitSeconds} s.`
        : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
    <link rel="stylesheet" href="/login.css" />
    <title>Sign in · Iniciar sesión — wolkvox reports</title>
  </head>
  <body>
    <main>
      <h1>wolkvox reports</h1>
      <form method="post" action="/login">
        ${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
        <input type="hidden" name="next" value="${escapeHtml(next)}" />
        <label for="user">User / Usuario</label>
        <input id="user" name="user" autocomplete="username" required autofocus />
        <label for="password">Password / Contraseña</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">Sign in / Iniciar sesión</button>
      </form>
    </main>
  </body>
</html>
`;
}

export const LOGIN_CSS = `body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0}
main{max-width:22rem;margin:10vh auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;margin-top:0}
form{display:grid;gap:.5rem}
input{font:inherit;padding:.5rem;border:1px solid #889;border-radius:4px}
button{font:inherit;padding:.6rem;margin-top:.5rem;border:0;border-radius:4px;background:#1b5fab;color:#fff;cursor:pointer}
[role=alert]{color:#a40000;margin:0}
`;

/** A path of this site to return to after sign-in; anything else (another site, //host) is "/". */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return '/';
  if (next.includes('\\') || /[\r\n]/.test(next)) return '/';
  if (next.startsWith('/login') || next.startsWith('/auth/')) return '/';
  return next;
}
