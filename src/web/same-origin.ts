import type { Request, RequestHandler } from 'express';

/**
 * Cross-site request forgery guard for a form posted without a session: a browser says where a POST comes
 * from (Origin, or Sec-Fetch-Site), and only this site's own pages — or the configured public address
 * (behind a TLS-terminating proxy the request itself looks like http) — may post. A client that sends
 * neither header is not a browser carried by another site, so it is not refused here.
 */
export function isSameOrigin(req: Request, publicBaseUrl: string): boolean {
  const origin = req.get('origin');
  if (origin !== undefined) {
    if (origin === 'null') return false;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return false;
    }
    return host === req.get('host') || origin === new URL(publicBaseUrl).origin;
  }
  const site = req.get('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function sameOriginOnly(publicBaseUrl: string, refuse: RequestHandler): RequestHandler {
  return (req, res, next) => (isSameOrigin(req, publicBaseUrl) ? next() : refuse(req, res, next));
}
