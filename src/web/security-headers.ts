import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * Security headers for every response. Scripts: this site's files, and the inline scripts AdminJS writes
 * its page state into, which carry the response's nonce (src/web/inline-state.ts) — no 'unsafe-inline',
 * so a script slipped into a page some other way does not run. Styles keep 'unsafe-inline':
 * styled-components (AdminJS's design system) writes <style> elements at run time, without a nonce.
 * Everything else is same-origin, except Metabase dashboards when configured (framed, signed-embedding URLs).
 */
export function securityHeaders(opts: { frameSources?: string[]; hsts: boolean }): RequestHandler {
  const csp = (nonce: string) =>
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      `frame-src 'self' ${(opts.frameSources ?? []).join(' ')}`.trim(),
      "frame-ancestors 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join('; ');
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    res.setHeader('Content-Security-Policy', csp(nonce));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (opts.hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
