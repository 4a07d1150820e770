import { DateTime } from 'luxon';
import { DEFAULT_LIMITS } from '../common/domain';
import { localizeRiskReason, riskLevelWord } from './risk-wording';
import { workloadIndicators, type WorkloadDayInput } from './workload-indicators';

const zone = 'Europe/Paris';
const at = (date: string, time: string): string =>
  DateTime.fromISO(`${date}T${time}`, { zone }).toUTC().toISO()!;

describe('localizeRiskReason', () => {
  it.each([
    ['52 h > 48 h in 2026-W10', '52 h > 48 h en semaine 2026-W10'],
    ['45 h 30 > 40 h in 2026-W10', '45 h 30 > 40 h en semaine 2026-W10'],
    ['3 days with less than 11 h rest after them', '3 jours suivis de moins de 11 h de repos'],
    [
      '14 consecutive working days from 2026-03-02 to 2026-03-15: no weekly day off for two weeks',
      "14 jours travaillés d'affilée du 02/03/2026 au 15/03/2026 : aucun jour de repos hebdomadaire en deux semaines",
    ],
    [
      '8 consecutive working days from 2026-03-02 to 2026-03-09',
      "8 jours travaillés d'affilée du 02/03/2026 au 09/03/2026",
    ],
    [
      'after-hours work is 12.5 % of worked time (amber above 10 %)',
      'le travail hors horaires représente 12,5 % du temps travaillé (orange au-delà de 10 %)',
    ],
    [
      'rest of 9 h before 2026-03-04, minimum 11 h',
      'repos de 9 h avant le 04/03/2026, minimum 11 h',
    ],
    ['11 h 30 on 2026-03-04, limit 10 h', '11 h 30 le 04/03/2026, limite 10 h'],
    ['2 weekend or holiday days worked', '2 jours de week-end ou fériés travaillés'],
    ['9 h after hours in 2026-W10, limit 8 h', '9 h hors horaires en semaine 2026-W10, limite 8 h'],
    ['no day off in 2026-W10, minimum 1', 'aucun jour de repos en semaine 2026-W10, minimum 1'],
    ['1 day off in 2026-W10, minimum 2', '1 jour de repos en semaine 2026-W10, minimum 2'],
    [
      '4 urgent interruptions on 2026-03-03, limit 3',
      '4 interruptions urgentes le 03/03/2026, limite 3',
    ],
    ['within every limit', 'dans toutes les limites'],
  ])('writes "%s" in French', (english, french) => {
    expect(localizeRiskReason(english, 'fr')).toBe(french);
    expect(localizeRiskReason(english, 'en')).toBe(english);
  });

  it('shows an unknown sentence as written', () => {
    expect(localizeRiskReason('something new', 'fr')).toBe('something new');
  });

  it('knows every sentence the rules write for a heavy fortnight', () => {
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
    expect(reasons.length).toBeGreaterThan(10);
    for (const reason of reasons) {
      expect(localizeRiskReason(reason, 'fr')).not.toBe(reason);
    }
  });

  it.each([
    ['red', 'fr', 'rouge'],
    ['amber', 'fr', 'orange'],
    ['green', 'en', 'green'],
  ] as const)('names the level %s in %s: %s', (level, locale, word) => {
    expect(riskLevelWord(level, locale)).toBe(word);
  });
});
