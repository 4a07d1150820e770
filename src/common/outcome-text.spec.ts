import type { Locale } from '../i18n';
import { asOutcome, outcome, outcomeColumn, type OutcomeFamily } from './outcome';
import { outcomeText, outcomeValues, withOutcomeTexts } from './outcome-text';

/** Shows the no-break spaces, so a row says exactly what is printed. */
const visible = (s: string) => s.replace(/\u202f/g, '⍽').replace(/\u00a0/g, '°');

type Row = [OutcomeFamily, string, Record<string, unknown>, string, string];

/** Every code a rule gives, with its figures, in French and in English. */
const CODES: Row[] = [
  [
    'warning',
    'weekly_limit',
    { week: '2026-W48', workedMinutes: 2970, limitMinutes: 2880 },
    '49 h 30 en semaine 2026-W48, limite 48 h',
    '49 h 30 in week 2026-W48, limit 48 h',
  ],
  [
    'warning',
    'weekly_alert',
    { week: '2026-W48', workedMinutes: 2460, limitMinutes: 2400 },
    '41 h en semaine 2026-W48, seuil d’alerte 40 h',
    '41 h in week 2026-W48, alert at 40 h',
  ],
  [
    'warning',
    'daily_limit',
    { date: '2026-11-26', workedMinutes: 601, limitMinutes: 600 },
    '10 h 01 le 26/11/2026, limite 10 h',
    '10 h 01 on 26 Nov 2026, limit 10 h',
  ],
  [
    'warning',
    'daily_rest',
    { date: '2026-11-26', restMinutes: 540, limitMinutes: 660 },
    'pas de repos de 11 h dans les 24 h qui suivent une prise de travail le 26/11/2026 (le plus long : 9 h)',
    'no rest of 11 h in the 24 h from a start of work on 26 Nov 2026 (longest 9 h)',
  ],
  [
    'warning',
    'weekly_days_off',
    { week: '2026-W48', daysOff: 0, limit: 1 },
    'aucun jour sans travail en semaine 2026-W48, minimum 1',
    'no day off in week 2026-W48, minimum 1',
  ],
  [
    'warning',
    'weekly_days_off',
    { week: '2026-W48', daysOff: 1, limit: 2 },
    '1 jour sans travail en semaine 2026-W48, minimum 2',
    '1 day off in week 2026-W48, minimum 2',
  ],
  [
    'warning',
    'after_hours_limit',
    { week: '2026-W48', afterHoursMinutes: 540, limitMinutes: 480 },
    '9 h hors horaires en semaine 2026-W48, limite 8 h',
    '9 h after hours in week 2026-W48, limit 8 h',
  ],
  [
    'warning',
    'urgent_interruptions',
    { date: '2026-11-26', interruptions: 4, limit: 3 },
    '4 interruptions urgentes le 26/11/2026, limite 3',
    '4 urgent interruptions on 26 Nov 2026, limit 3',
  ],
  [
    'warning',
    'after_hours_not_offered',
    { afterHoursMinutes: 30 },
    'le contrat ne prévoit pas de travail hors des heures ouvrées (0 h 30 en dehors)°; seule une urgence critique suivie 24°h/24 peut être saisie alors',
    'the contract offers no work outside business hours (0 h 30 outside); only a critical emergency on a 24x7 clock may be logged then',
  ],
  [
    'warning',
    'outside_contract',
    { date: '2026-11-25', reference: 'ACME', startDate: '2026-01-01', endDate: '2026-11-24' },
    'le travail du 25/11/2026 est hors de la période du contrat ACME, qui court du 01/01/2026 au 24/11/2026',
    'work on 25 Nov 2026 is outside the contract ACME, which runs from 1 Jan 2026 to 24 Nov 2026',
  ],
  [
    'warning',
    'outside_contract',
    { date: '2026-11-25', reference: 'ACME', startDate: '2026-12-01', endDate: null },
    'le travail du 25/11/2026 est hors de la période du contrat ACME, qui court du 01/12/2026 sans date de fin',
    'work on 25 Nov 2026 is outside the contract ACME, which runs from 1 Dec 2026 with no end date',
  ],
  [
    'warning',
    'period_open',
    { date: '2026-12-31' },
    'la période court jusqu’au 31/12/2026°: le travail saisi après aujourd’hui n’est pas sur ce brouillon (reconstruisez-le une fois la période terminée)',
    'the period runs until 31 Dec 2026: work logged after today is not on this draft (rebuild it once the period has ended)',
  ],
  [
    'warning',
    'work_open',
    { date: '2026-11-30' },
    'le travail facturé court jusqu’au 30/11/2026°: le travail saisi après aujourd’hui n’est pas sur ce brouillon (reconstruisez-le une fois ce jour passé°; le forfait de sa période est facturé à échoir)',
    'the work it bills runs until 30 Nov 2026: work logged after today is not on this draft (rebuild it once that day has passed; the fee of its period is billed in advance)',
  ],
  [
    'alert',
    'usage_80',
    {
      figures: {
        reference: 'ACME',
        allowance: 'included',
        percent: 82,
        minutes: 600,
        usedMinutes: 492,
        month: '2026-11',
      },
    },
    'Contrat ACME°: 82°% des 10 h incluses en novembre 2026 utilisés (8 h 12)',
    'Contract ACME: 82% of the 10 h included in November 2026 used (8 h 12)',
  ],
  [
    'alert',
    'usage_80',
    {
      figures: {
        reference: 'ACME',
        allowance: 'prepaid',
        percent: 83,
        minutes: 1200,
        usedMinutes: 1000,
      },
    },
    'Contrat ACME°: 83°% du bloc prépayé de 20 h utilisés (16 h 40)',
    'Contract ACME: 83% of the 20 h prepaid block used (16 h 40)',
  ],
  [
    'alert',
    'usage_100',
    {
      figures: {
        reference: 'ACME',
        allowance: 'included',
        percent: 150,
        minutes: 600,
        usedMinutes: 900,
        month: '2026-11',
      },
    },
    'Contrat ACME°: les 10 h incluses en novembre 2026 sont épuisées (150°%, 15 h)',
    'Contract ACME: the 10 h included in November 2026 are used up (150%, 15 h)',
  ],
  [
    'alert',
    'usage_100',
    {
      figures: {
        reference: 'ACME',
        allowance: 'prepaid',
        percent: 100,
        minutes: 1200,
        usedMinutes: 1200,
      },
    },
    'Contrat ACME°: le bloc prépayé de 20 h est épuisé (100°%, 20 h)',
    'Contract ACME: the 20 h prepaid block is used up (100%, 20 h)',
  ],
  [
    'alert',
    'contract_ending',
    { figures: { reference: 'ACME', endDate: '2026-12-15', days: 0 } },
    'Le contrat ACME se termine le 15/12/2026, aujourd’hui',
    'Contract ACME ends on 15 Dec 2026, today',
  ],
  [
    'alert',
    'contract_ending',
    { figures: { reference: 'ACME', endDate: '2026-12-15', days: 1 } },
    'Le contrat ACME se termine le 15/12/2026, demain',
    'Contract ACME ends on 15 Dec 2026, tomorrow',
  ],
  [
    'alert',
    'contract_ending',
    { figures: { reference: 'ACME', endDate: '2026-12-15', days: 20 } },
    'Le contrat ACME se termine le 15/12/2026, dans 20 jours',
    'Contract ACME ends on 15 Dec 2026, in 20 days',
  ],
  [
    'quota',
    'counted',
    { level: 'high', month: '2026-12', used: 1, quota: 3, over: false, overageFeeCents: 0 },
    '1 sur 3 interventions de niveau Haute en décembre 2026°: décomptée du quota mensuel',
    '1 of 3 High interventions in December 2026; counted against the monthly quota',
  ],
  [
    'quota',
    'over_quota',
    { level: 'high', month: '2026-12', used: 4, quota: 3, over: true, overageFeeCents: 0 },
    '4 sur 3 interventions de niveau Haute en décembre 2026°: au-delà du quota mensuel, enregistrée quand même',
    '4 of 3 High interventions in December 2026: over the monthly quota, recorded anyway',
  ],
  [
    'quota',
    'over_quota_fee',
    { level: 'high', month: '2026-12', used: 4, quota: 3, over: true, overageFeeCents: 5000 },
    '4 sur 3 interventions de niveau Haute en décembre 2026°: au-delà du quota mensuel, enregistrée quand même°; un supplément de 50,00°€ s’applique',
    '4 of 3 High interventions in December 2026: over the monthly quota, recorded anyway; an overage fee of €50.00 applies',
  ],
  [
    'quota',
    'downgraded',
    {
      level: 'critical',
      used: 2,
      quota: 2,
      appliedLevel: 'high',
      appliedUsed: 1,
      appliedQuota: 5,
    },
    'Quota Critique du mois épuisé (2 sur 2)°: demande enregistrée au niveau Haute (1 sur 5)',
    'Critical quota used up this month (2 of 2): recorded at level High (1 of 5 used)',
  ],
  [
    'quota',
    'downgraded',
    {
      level: 'critical',
      used: 2,
      quota: 2,
      appliedLevel: 'low',
      appliedUsed: 12,
      appliedQuota: null,
    },
    'Quota Critique du mois épuisé (2 sur 2)°: demande enregistrée au niveau Faible (sans quota)',
    'Critical quota used up this month (2 of 2): recorded at level Low (no quota)',
  ],
  [
    'quota',
    'overage',
    { level: 'critical', used: 2, quota: 2, overageFeeCents: 7505 },
    'Quota Critique du mois épuisé (2 sur 2)°: demande acceptée avec un supplément de 75,05°€',
    'Critical quota used up this month (2 of 2): accepted with an overage fee of €75.05',
  ],
  [
    'risk',
    'short_rests',
    { days: 3, limitMinutes: 660 },
    '3 jours suivis de moins de 11 h de repos',
    '3 days with less than 11 h rest after them',
  ],
  [
    'risk',
    'working_run_fortnight',
    { days: 14, firstDate: '2026-03-02', lastDate: '2026-03-15' },
    '14 jours travaillés d’affilée du 02/03/2026 au 15/03/2026°: aucun jour de repos hebdomadaire en deux semaines',
    '14 consecutive working days from 2 Mar 2026 to 15 Mar 2026: no weekly day off for two weeks',
  ],
  [
    'risk',
    'after_hours_share',
    { severity: 'amber', afterHoursShare: 0.125, thresholdShare: 0.1 },
    'le travail hors horaires représente 12,5°% du temps travaillé (orange au-delà de 10°%)',
    'after-hours work is 12.5% of worked time (amber above 10%)',
  ],
  [
    'risk',
    'after_hours_share',
    { severity: 'red', afterHoursShare: 0.3, thresholdShare: 0.25 },
    'le travail hors horaires représente 30°% du temps travaillé (rouge au-delà de 25°%)',
    'after-hours work is 30% of worked time (red above 25%)',
  ],
  [
    'risk',
    'weekend_or_holiday_days',
    { days: 1 },
    '1 jour de week-end ou férié travaillé',
    '1 weekend or holiday day worked',
  ],
  [
    'risk',
    'weekend_or_holiday_days',
    { days: 2 },
    '2 jours de week-end ou fériés travaillés',
    '2 weekend or holiday days worked',
  ],
  ['risk', 'within_limits', {}, 'dans toutes les limites', 'within every limit'],
];

describe('outcomeText', () => {
  it.each(CODES)('words %s %s %j', (family, code, figures, fr, en) => {
    const found = outcome(family, code, figures);
    expect(visible(outcomeText('fr', found))).toBe(fr);
    expect(visible(outcomeText('en', found))).toBe(en);
  });

  it('keeps the words of anything that is not an outcome, and of a code without words', () => {
    expect(outcomeText('fr', { code: 'as_written', message: 'the words as stored' })).toBe(
      'the words as stored',
    );
    expect(outcomeText('fr', outcome('warning', 'not_a_code', { limit: 3 }))).toBe('not_a_code');
    expect(outcomeText('en', null)).toBe('');
  });

  it('reads the figures an outcome keeps apart, and its own', () => {
    const alert = asOutcome('alert', {
      code: 'contract_ending',
      id: 'x',
      figures: { reference: 'ACME', endDate: '2026-12-15', days: 3 },
    });
    expect(outcomeText('en', alert)).toBe('Contract ACME ends on 15 Dec 2026, in 3 days');
  });
});

describe('outcomeValues', () => {
  it.each<[Locale, Record<string, unknown>, Record<string, unknown>]>([
    ['fr', { restMinutes: 605 }, { restMinutes: '10 h 05' }],
    ['en', { minutes: 45 }, { minutes: '0 h 45' }],
    ['fr', { overageFeeCents: 15000 }, { overageFeeCents: 15000, overageFee: 150 }],
    [
      'fr',
      { level: 'critical', appliedLevel: 'low' },
      { level: 'Critique', appliedLevel: 'Faible' },
    ],
    ['en', { level: 'high' }, { level: 'High' }],
    ['fr', { date: '2026-02-28', month: '2026-02' }, { date: '28/02/2026', month: 'février 2026' }],
    ['en', { month: '2026-02' }, { month: 'February 2026' }],
    ['fr', { endDate: null, over: true, days: 3 }, { endDate: 'none', over: true, days: 3 }],
    ['fr', { week: '2026-W09', reference: 'A-1' }, { week: '2026-W09', reference: 'A-1' }],
  ])('%s %j → %j', (locale, figures, values) => {
    expect(outcomeValues(locale, { code: 'x', ...figures })).toEqual(values);
  });
});

describe('withOutcomeTexts', () => {
  it('gives every outcome of an answer its words, at any depth, and nothing else', () => {
    const body = {
      id: 'i',
      startedAt: new Date('2026-11-26T08:00:00Z'),
      warnings: [
        outcome('warning', 'daily_limit', {
          date: '2026-11-26',
          workedMinutes: 660,
          limitMinutes: 600,
        }),
      ],
      quota: outcome('quota', 'counted', {
        level: 'normal',
        month: '2026-11',
        used: 1,
        quota: 5,
        over: false,
        overageFeeCents: 0,
      }),
      notes: [{ code: 'something', message: 'left as it is' }],
    };
    const answered = withOutcomeTexts(body, 'en');
    expect(answered).toBe(body);
    expect(answered.warnings[0]).toEqual({
      code: 'daily_limit',
      date: '2026-11-26',
      workedMinutes: 660,
      limitMinutes: 600,
      message: '11 h on 26 Nov 2026, limit 10 h',
    });
    expect(answered.quota.message).toBe(
      '1 of 5 Normal interventions in November 2026; counted against the monthly quota',
    );
    expect(answered.notes).toEqual([{ code: 'something', message: 'left as it is' }]);
    expect(answered.startedAt).toEqual(new Date('2026-11-26T08:00:00Z'));
    expect(JSON.parse(JSON.stringify(answered)).warnings[0].message).toBe(
      '11 h on 26 Nov 2026, limit 10 h',
    );
  });

  it('is in the reader’s language', () => {
    const body = { items: [outcome('risk', 'within_limits', {})] };
    expect(withOutcomeTexts(body, 'fr').items[0].message).toBe('dans toutes les limites');
  });

  it('is no outcome once copied: the family stays with the object it was given to', () => {
    const original = outcome('risk', 'within_limits', {});
    const copy = { ...original };
    expect(outcomeText('fr', original)).toBe('dans toutes les limites');
    expect(outcomeText('fr', copy)).toBe('within_limits');
  });
});

describe('outcomeColumn', () => {
  const column = outcomeColumn('quota');

  it('keeps the code and figures, not the words, and reads them back as an outcome', () => {
    const reason = outcome('quota', 'overage', {
      level: 'critical',
      used: 2,
      quota: 2,
      overageFeeCents: 15000,
    });
    withOutcomeTexts({ reason }, 'en');
    const stored = column.to(reason);
    expect(JSON.parse(stored!)).toEqual({
      code: 'overage',
      level: 'critical',
      used: 2,
      quota: 2,
      overageFeeCents: 15000,
    });
    const read = column.from(stored);
    expect(read).toEqual({
      code: 'overage',
      level: 'critical',
      used: 2,
      quota: 2,
      overageFeeCents: 15000,
    });
    expect(visible(outcomeText('fr', read))).toBe(
      'Quota Critique du mois épuisé (2 sur 2)°: demande acceptée avec un supplément de 150,00°€',
    );
  });

  it('shows words stored before reasons had codes as they were written', () => {
    const old = 'critical quota used (2/2) this month; applied as high (1/5 used)';
    expect(column.from(old)).toEqual({ code: 'as_written', message: old });
    expect(outcomeText('fr', column.from(old))).toBe(old);
    expect(column.from(null)).toBeNull();
    expect(column.to(null)).toBeNull();
  });
});
