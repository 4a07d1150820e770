import { hoursText, labelsFor, monthText } from './labels';

it.each([
  ['2026-05', 'en', 'May 2026'],
  ['2026-08', 'fr', 'août 2026'],
] as const)('the month %s reads "%s" in %s', (month, locale, text) => {
  expect(monthText(month, locale)).toBe(text);
});

it('writes French decimals with a comma', () => {
  expect(hoursText(1.25, 'fr')).toBe('1,25');
  expect(hoursText(1.25, 'en')).toBe('1.25');
});

describe('the catalogue’s draft texts', () => {
  it.each([
    ['fr', 'Forfait mensuel, mai 2026 (10 h incluses, 8,5 h consommées)'],
    ['en', 'Monthly retainer, May 2026 (10 h included, 8.5 h used)'],
  ] as const)('fill a retainer fee in %s with the figures as written', (locale, text) => {
    const values = { month: monthText('2026-05', locale), included: '10' };
    expect(labelsFor(locale).line('retainerFee', { ...values, used: hoursText(8.5, locale) })).toBe(
      text,
    );
  });

  it('name the urgency as the line reads it, and date a line of a month already invoiced', () => {
    const fr = labelsFor('fr');
    const line = fr.line('time', { activity: 'Support', urgency: fr.urgency('high') });
    expect(line).toBe('Support, urgence haute');
    expect(fr.inMonth(line, '2026-04')).toBe('Support, urgence haute, avril 2026');
    expect(labelsFor('en').urgency('critical')).toBe('critical');
  });

  it('keep the non-breaking space of French before a colon and a percent sign', () => {
    const fr = labelsFor('fr');
    expect(fr.line('prepaid', { consumed: '3', left: '7' })).toBe(
      'Forfait prépayé\u00a0: 3 h consommées, 7 h restantes',
    );
    expect(fr.line('urgencySurcharge', { urgency: fr.urgency('high'), percent: 50 })).toBe(
      'Majoration urgence haute (+50\u00a0%)',
    );
  });
});

describe('a practice’s own draft texts', () => {
  it('replace the catalogue’s for the texts and urgencies they name, and only those', () => {
    const own = labelsFor('fr', {
      time: '{activity} ({urgency})',
      urgencyNames: { critical: 'vitale' },
    });
    expect(own.line('time', { activity: 'Support', urgency: own.urgency('critical') })).toBe(
      'Support (vitale)',
    );
    expect(own.urgency('high')).toBe('haute');
    expect(own.line('prepaidOverrun')).toBe('Heures au-delà du forfait prépayé');
  });

  it('are ICU messages: a plural reads the figure', () => {
    const own = labelsFor('en', {
      overQuotaFee: '{count, plural, one {One request} other {# requests}} over quota',
    });
    expect(own.line('overQuotaFee', { count: 1 })).toBe('One request over quota');
    expect(own.line('overQuotaFee', { count: 3 })).toBe('3 requests over quota');
  });

  it('show a value they ask for and are not given as its {name}', () => {
    expect(
      labelsFor('en', { time: '{activity} for {client}' }).line('time', { activity: 'X' }),
    ).toBe('X for {client}');
  });

  it('are refused when a text does not parse or is no draft text, naming it', () => {
    expect(() => labelsFor('fr', { time: '{activity' })).toThrow(/draft\.time does not parse/);
    const unknown = { lunch: 'x' } as unknown as Parameters<typeof labelsFor>[1];
    expect(() => labelsFor('fr', unknown)).toThrow(/draft\.lunch is not a message/);
  });
});
