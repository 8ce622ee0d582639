import { createHmac } from 'node:crypto';

// Metabase static embedding: a JWT signed HS256 with the instance's embedding secret, carrying the
// dashboard and the values of its locked parameters; `params` must be present even when empty.
// https://www.metabase.com/docs/latest/embedding/static-embedding

/** Tokens live this long: the page re-signs on every load, and a leaked URL soon stops working. */
export const EMBED_TOKEN_TTL_SECONDS = 10 * 60;

/** The dashboards' county parameter: locked, so only a signed token can set it. */
export const COUNTY_PARAMETER = 'county';
export const YEAR_PARAMETER = 'year';

export interface EmbedPayload {
  resource: { dashboard: number };
  params: Record<string, unknown>;
  exp: number;
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export function signEmbedToken(secretKey: string, payload: EmbedPayload): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', secretKey).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

/**
 * The iframe URL of one dashboard for a user confined to `countyId` (null: all counties; Metabase
 * takes an empty array as "no filter" for a locked parameter). The year is an editable parameter,
 * preset in the URL.
 */
export function dashboardEmbedUrl(opts: {
  siteUrl: string;
  secretKey: string;
  dashboardId: number;
  countyId: number | null;
  year: number;
  now: Date;
}): string {
  const token = signEmbedToken(opts.secretKey, {
    resource: { dashboard: opts.dashboardId },
    params: { [COUNTY_PARAMETER]: opts.countyId === null ? [] : opts.countyId },
    exp: Math.floor(opts.now.getTime() / 1000) + EMBED_TOKEN_TTL_SECONDS,
  });
  return `${opts.siteUrl}/embed/dashboard/${token}?${YEAR_PARAMETER}=${opts.year}#bordered=true&titled=true`;
}
