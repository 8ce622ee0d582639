import type { RequestHandler } from 'express';

/**
 * AdminJS writes the page state into an inline script as `window.REDUX_STATE = <JSON>;` (and the theme,
 * and the login page's attributes likewise). JSON.stringify leaves `</script>`, `<!--` and U+2028/2029 as
 * they are, so a user's name `</script><script>…` saved by the city would end the script and run as one.
 * Each such assignment is re-escaped here before the page leaves the server.
 */
const ASSIGNMENT = /(window\.(?:REDUX_STATE|THEME|__APP_STATE__) = )([^\n]*?)(;\n)/g;
// JSON has no raw line feed, so the first ";\n" after the assignment ends it whatever the values hold (not
// `.`, which stops at U+2028 and would let such a name skip the escaping)
const UNSAFE = /[<>&\u2028\u2029]/g;

/** Text that is JSON (or a JS literal holding JSON) made safe inside an inline <script>: `<` as \u003c … */
export function escapeForInlineScript(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The page's inline state escaped, and its inline scripts given the response's CSP nonce. */
export function safeInlineState(html: string, nonce: string | undefined): string {
  const escaped = html.replace(
    ASSIGNMENT,
    (_m, head: string, value: string, tail: string) => `${head}${escapeForInlineScript(value)}${tail}`,
  );
  return nonce ? escaped.replaceAll('<script>', `<script nonce="${nonce}">`) : escaped;
}

/** Rewrites AdminJS's HTML pages (layout and login) as they are sent. */
export const inlineStateGuard: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = (body?: unknown) =>
    send(
      typeof body === 'string' && body.includes('window.REDUX_STATE = ')
        ? safeInlineState(body, res.locals.cspNonce as string | undefined)
        : body,
    );
  next();
};
