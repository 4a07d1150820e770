import { loadConfig } from '../src/common/config';
import { startTestApp, type TestApp } from './app';
import { bearer, setupConsultant } from './factories';

describe('the request rate limit of a signed-in user (RATE_LIMIT_PER_MINUTE)', () => {
  let t: TestApp;
  let consultant: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
    consultant = await setupConsultant(t);
  });
  afterAll(() => t.close());

  it('answers the first 5 requests a minute on a route, then 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await t
            .http()
            .get('/api/practice')
            .set(...bearer(consultant))
        ).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await t
      .http()
      .get('/api/practice')
      .set(...bearer(consultant));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'too_many.requests' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The count is per route: another route still answers.
    await t
      .http()
      .get('/api/clients')
      .set(...bearer(consultant))
      .expect(200);
  });

  it('refuses a limit that is not a whole number of at least 1 at start', () => {
    expect(loadConfig({}).RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
  });
});
