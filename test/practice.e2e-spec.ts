import { startTestApp, TestApp } from './app';
import { bearer, setupConsultant } from './factories';

/** Wednesday 25 November 2026, 11:00 in Paris: business hours. */
const NOW = '2026-11-25T10:00:00Z';

describe('PATCH /api/practice', () => {
  let t: TestApp;
  let consultant: string;

  const api = (method: 'get' | 'post' | 'patch' | 'delete', path: string, token = consultant) =>
    t
      .http()
      [method](path)
      .set(...bearer(token));

  beforeAll(async () => {
    t = await startTestApp({}, { now: NOW });
    consultant = await setupConsultant(t);
  });
  afterAll(() => t.close());

  describe('practice settings', () => {
    it('refuses the standard VAT regime without a VAT number (400 naming vatNumber)', async () => {
      const res = await api('patch', '/api/practice').send({ vatRegime: 'standard' }).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'vatNumber' })]);
      const ok = await api('patch', '/api/practice')
        .send({ vatRegime: 'standard', vatNumber: 'FR44732829320' })
        .expect(200);
      expect(ok.body).toMatchObject({ vatRegime: 'standard', vatNumber: 'FR44732829320' });
      await api('patch', '/api/practice').send({ vatNumber: null }).expect(400);
      await api('patch', '/api/practice').send({ vatRegime: 'franchise' }).expect(200);
    });

    it('merges a partial limits object into the current limits', async () => {
      const res = await api('patch', '/api/practice')
        .send({ limits: { maxDailyMinutes: 540 } })
        .expect(200);
      expect(res.body.limits).toEqual({
        maxWeeklyMinutes: 2880,
        alertWeeklyMinutes: 2400,
        maxDailyMinutes: 540,
        minDailyRestMinutes: 660,
        minWeeklyDaysOff: 1,
        maxAfterHoursMinutesPerWeek: 480,
        maxUrgentInterruptionsPerDay: 3,
        minWeeklyRestMinutes: 2100,
        maxAverageWeeklyMinutes: 2640,
        averageWeeks: 12,
        maxNightMinutesPerWeek: 360,
        maxConsecutiveWorkDays: 6,
      });
      const bad = await api('patch', '/api/practice')
        .send({ limits: { maxDailyMinutes: 0 } })
        .expect(400);
      expect(bad.body.details).toEqual([
        expect.objectContaining({ field: 'limits.maxDailyMinutes' }),
      ]);
      const badNew = await api('patch', '/api/practice')
        .send({
          limits: { averageWeeks: 0, maxConsecutiveWorkDays: 'six', minWeeklyRestMinutes: null },
        })
        .expect(400);
      expect(badNew.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'limits.averageWeeks',
        'limits.maxConsecutiveWorkDays',
        'limits.minWeeklyRestMinutes',
      ]);
      const crossed = await api('patch', '/api/practice')
        .send({ limits: { alertWeeklyMinutes: 3000 } })
        .expect(400);
      expect(crossed.body.details).toEqual([
        expect.objectContaining({ field: 'limits.alertWeeklyMinutes' }),
      ]);
    });

    it('refuses closures given as a string, saying a list is expected', async () => {
      const res = await api('patch', '/api/practice').send({ closures: '2026-08-10' }).expect(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'closures', code: 'isArray' }),
      ]);
      expect(res.body.details[0].message).toBe(
        'Le champ « Jours de fermeture » doit être une liste',
      );
    });

    it('sets the reminder days, and refuses days out of order, out of range or too many, naming reminderDays', async () => {
      const set = await api('patch', '/api/practice')
        .send({ reminderDays: [2, 20] })
        .expect(200);
      expect(set.body.reminderDays).toEqual([2, 20]);
      const refused: Array<[unknown, string, string]> = [
        [[15, 1], 'isAscendingOnce', 'must list days in ascending order, each once'],
        [[1, 1], 'isAscendingOnce', 'must list days in ascending order, each once'],
        [[0], 'min', 'must be at least 1'],
        [[1, 366], 'max', 'must be at most 365'],
        [[1, 2, 3, 4, 5, 6, 7], 'arrayMaxSize', 'must have at most 6 items'],
      ];
      for (const [reminderDays, code, words] of refused) {
        const res = await api('patch', '/api/practice')
          .set('accept-language', 'en')
          .send({ reminderDays })
          .expect(400);
        expect(res.body.details).toEqual([
          expect.objectContaining({ field: 'reminderDays', code }),
        ]);
        expect(res.body.details[0].message).toContain(words);
      }
      const french = await api('patch', '/api/practice')
        .send({ reminderDays: [15, 1] })
        .expect(400);
      expect(french.body.details[0].message).toBe(
        'Le champ « Jours de relance » doit donner des jours croissants, chacun une fois',
      );
      const kept = await api('get', '/api/practice').expect(200);
      expect(kept.body.reminderDays).toEqual([2, 20]);
      const none = await api('patch', '/api/practice').send({ reminderDays: [] }).expect(200);
      expect(none.body.reminderDays).toEqual([]);
      await api('patch', '/api/practice')
        .send({ reminderDays: [1, 15, 30] })
        .expect(200);
    });
  });
});
