import { startTestApp, type TestApp } from './support/app.js';

// Web hardening: besides the per-account lockout, one address is throttled across accounts.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

test('one address guessing across many e-mails is refused after 60 attempts a minute, even with a right password', async () => {
  const s = app.session();
  for (let i = 0; i < 60; i++) expect(await s.login(`guess${i}@example.org`, 'password-guess')).toBe(false);
  const res = await s.request(
    'POST',
    '/admin/login',
    new URLSearchParams({ email: 'city@example.org', password: 'demo12345' }),
  );
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('登录尝试过于频繁，请稍后再试');
}, 120_000);
