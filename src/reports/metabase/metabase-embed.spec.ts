import { createHmac } from 'node:crypto';
import { dashboardEmbedUrl, EMBED_TOKEN_TTL_SECONDS, signEmbedToken } from './metabase-embed.js';

const SECRET = 'a'.repeat(64);
const NOW = new Date('2026-11-25T08:00:00Z');

/** Splits and checks a JWT the way Metabase does: HS256 over header.payload with the shared secret. */
function decode(token: string) {
  const [header, payload, signature] = token.split('.');
  const expected = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()),
    signatureValid: signature === expected,
  };
}

const tokenOf = (url: string) => /\/embed\/dashboard\/([^?#]+)/.exec(url)![1];

describe('Metabase static embedding', () => {
  it('signs HS256 with the embedding secret', () => {
    const token = signEmbedToken(SECRET, { resource: { dashboard: 7 }, params: {}, exp: 1 });
    const { header, payload, signatureValid } = decode(token);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({ resource: { dashboard: 7 }, params: {}, exp: 1 });
    expect(signatureValid).toBe(true);
  });

  it('locks a county user to her county and expires in ten minutes', () => {
    const url = dashboardEmbedUrl({
      siteUrl: 'http://mb.local',
      secretKey: SECRET,
      dashboardId: 3,
      countyId: 2,
      year: 2025,
      now: NOW,
    });
    expect(url).toMatch(
      /^http:\/\/mb\.local\/embed\/dashboard\/[\w-]+\.[\w-]+\.[\w-]+\?year=2025#bordered=true&titled=true$/,
    );
    const { payload, signatureValid } = decode(tokenOf(url));
    expect(signatureValid).toBe(true);
    expect(payload).toEqual({
      resource: { dashboard: 3 },
      params: { county: 2 },
      exp: NOW.getTime() / 1000 + EMBED_TOKEN_TTL_SECONDS,
    });
    expect(EMBED_TOKEN_TTL_SECONDS).toBe(600);
  });

  it('gives leaders and the city every county: the locked parameter is present but empty', () => {
    const url = dashboardEmbedUrl({
      siteUrl: 'http://mb.local',
      secretKey: SECRET,
      dashboardId: 3,
      countyId: null,
      year: 2026,
      now: NOW,
    });
    expect(decode(tokenOf(url)).payload.params).toEqual({ county: [] });
  });
});
