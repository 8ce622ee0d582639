import { ConfigError, loadConfig } from '../../config.js';

const KEY = 'ab'.repeat(32);

describe('Metabase and reporting configuration', () => {
  it('is off unless both the site URL and the secret are set', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).metabase).toBeUndefined();
  });

  it('parses the site, secret and dashboard ids', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      METABASE_SITE_URL: 'https://mb.example.org/',
      METABASE_SECRET_KEY: KEY,
      METABASE_DASHBOARD_IDS: '3, 4',
      METABASE_ADMIN_EMAIL: 'a@b.c',
      METABASE_ADMIN_PASSWORD: 'x',
      REPORTING_DB_PASSWORD: 'long-enough-password',
    });
    expect(config.metabase).toEqual({
      siteUrl: 'https://mb.example.org',
      secretKey: KEY,
      dashboardIds: [3, 4],
      adminEmail: 'a@b.c',
      adminPassword: 'x',
    });
    expect(config.reportingDbPassword).toBe('long-enough-password');
  });

  it('lists every bad key at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        NODE_ENV: 'test',
        METABASE_SITE_URL: 'mb.example.org',
        METABASE_SECRET_KEY: 'short',
        METABASE_DASHBOARD_IDS: '3,x',
        REPORTING_DB_PASSWORD: 'short',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toEqual([
      'REPORTING_DB_PASSWORD must be at least 12 characters',
      'METABASE_SITE_URL must be an http:// or https:// URL',
      expect.stringContaining('METABASE_SECRET_KEY must be 64 hexadecimal characters'),
      expect.stringContaining('METABASE_DASHBOARD_IDS must be dashboard ids'),
    ]);
  });
});
