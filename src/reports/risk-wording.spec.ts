import { DateTime } from 'luxon';
import { DEFAULT_LIMITS } from '../common/domain';
import { riskLevelWord, riskText } from './risk-wording';
import {
  workloadIndicators as judgedWorkload,
  type WorkloadDayInput,
  type WorkloadInput,
} from './workload-indicators';
import { withGuardrails } from '../../test/factories/workload-days';

/** The report's rules, given the guardrails' warnings over the days as the service gives them. */
const workloadIndicators = (input: Omit<WorkloadInput, 'warnings'>) =>
  judgedWorkload(withGuardrails(input));

const zone = 'Europe/Paris';
const at = (date: string, time: string): string =>
  DateTime.fromISO(`${date}T${time}`, { zone }).toUTC().toISO()!;

describe('riskText', () => {
  it("words the level and each reason in the reader's language, in order", () => {
    const risk = workloadIndicators({
      from: '2026-03-02',
      to: '2026-03-08',
      limits: DEFAULT_LIMITS,
      holidays: [],
      days: [
        {
          date: '2026-03-04',
          workedMinutes: 690,
          afterHoursMinutes: 0,
          urgentInterruptions: 4,
          clients: 1,
          firstStart: at('2026-03-04', '09:00'),
          lastEnd: at('2026-03-04', '20:30'),
        },
      ],
    }).risk;
    expect(riskText(risk, 'fr')).toEqual({
      locale: 'fr',
      level: 'orange',
      reasons: [
        '11 h 30 le 04/03/2026, limite 10 h',
        '4 interruptions urgentes le 04/03/2026, limite 3',
      ],
    });
    expect(riskText(risk, 'en')).toEqual({
      locale: 'en',
      level: 'amber',
      reasons: [
        '11 h 30 on 4 Mar 2026, limit 10 h',
        '4 urgent interruptions on 4 Mar 2026, limit 3',
      ],
    });
  });

  it('has words for every reason the rules give for a heavy fortnight, in both languages', () => {
    // 14 days in a row from Monday 2 March 2026, 12 h a day, late evenings, urgent calls.
    const days: WorkloadDayInput[] = Array.from({ length: 14 }, (_, n) => {
      const date = DateTime.fromISO('2026-03-02').plus({ days: n }).toISODate()!;
      return {
        date,
        workedMinutes: 720,
        afterHoursMinutes: 300,
        urgentInterruptions: 4,
        clients: 2,
        firstStart: at(date, '08:00'),
        lastEnd: at(date, '23:00'),
      };
    });
    const amberRun = workloadIndicators({
      from: '2026-03-02',
      to: '2026-03-10',
      limits: DEFAULT_LIMITS,
      holidays: [],
      days: days.slice(0, 8).map((d) => ({ ...d, afterHoursMinutes: 60 })),
    });
    const red = workloadIndicators({
      from: '2026-03-02',
      to: '2026-03-15',
      limits: DEFAULT_LIMITS,
      holidays: [],
      days,
    });
    const reasons = [...red.risk.reasons, ...amberRun.risk.reasons];
    expect(new Set(reasons.map((r) => r.code)).size).toBeGreaterThan(8);
    const [fr, en] = (['fr', 'en'] as const).map((locale) =>
      riskText({ level: 'red', reasons }, locale),
    );
    reasons.forEach((reason, n) => {
      expect(fr.reasons[n]).not.toBe(reason.code);
      expect(en.reasons[n]).not.toBe(reason.code);
      expect(fr.reasons[n]).not.toBe(en.reasons[n]);
      expect(fr.reasons[n]).not.toMatch(/[{}]/);
    });
  });

  it.each([
    ['red', 'fr', 'rouge'],
    ['amber', 'fr', 'orange'],
    ['green', 'fr', 'vert'],
    ['green', 'en', 'green'],
  ] as const)('names the level %s in %s: %s', (level, locale, word) => {
    expect(riskLevelWord(level, locale)).toBe(word);
  });
});
