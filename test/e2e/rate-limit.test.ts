import { startTestApp, TestApp } from '../support/app';
import { makeUser, TEST_PASSWORD } from '../support/factories';

describe('rate limiting on authentication routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_RATE_LIMIT: '3', AUTH_RATE_WINDOW_SECONDS: '60' } });
  });
  afterAll(() => t.close());

  it('answers 429 in the standard shape once the window is used up, and leaves other routes alone', async () => {
    const user = await makeUser(t.db, 'family');
    for (let i = 0; i < 3; i++) expect((await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(200);
    const limited = await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: 'errors.RATE_LIMITED', requestId: expect.any(String) });
    expect((await t.http().get('/api/health')).status).toBe(200);
  });
});
