import {
  groupByLocalDay,
  instantToLocalInput,
  localInputToInstant,
  timeLeft,
  weekOf,
} from './console-view';
import { CreditForm, checkDto, many, parseAmountCents, splitTags, ticked } from './console-forms';
import { PaymentDto } from '../invoicing/dto/invoice.dto';

const PARIS = 'Europe/Paris';

describe('timeLeft', () => {
  const now = new Date('2026-11-02T10:00:00Z');
  it.each([
    ['2 h 15 ahead', '2026-11-02T12:15:00Z', false, 135],
    ['30 s ahead counts no whole minute', '2026-11-02T10:00:30Z', false, 0],
    ['1 h 05 late', '2026-11-02T08:55:00Z', true, 65],
  ])('%s', (_, due, overdue, minutes) => {
    expect(timeLeft(new Date(due), now, overdue)).toEqual({ overdue, minutes });
  });
});

describe('local date-time fields', () => {
  it.each([
    ['winter (UTC+1)', '2026-11-02T10:00', '2026-11-02T09:00:00.000Z'],
    ['summer (UTC+2)', '2026-07-01T10:00', '2026-07-01T08:00:00.000Z'],
    [
      'the night of the change to winter time keeps its first 02:30',
      '2026-10-25T02:30',
      '2026-10-25T00:30:00.000Z',
    ],
  ])('reads %s in the practice zone', (_, field, instant) => {
    expect(localInputToInstant(field, PARIS)?.toISOString()).toBe(instant);
    expect(instantToLocalInput(new Date(instant), PARIS)).toBe(field);
  });

  it.each(['', '2026-11-02', '2026-02-30T10:00', '2026-11-02T24:00', '2026-11-02T10:60', 'x'])(
    'refuses %p',
    (field) => expect(localInputToInstant(field, PARIS)).toBeNull(),
  );
});

describe('weekOf', () => {
  it.each([
    ['a Wednesday', '2026-11-04', '2026-11-02'],
    ['a Monday', '2026-11-02', '2026-11-02'],
    ['a Sunday', '2026-11-08', '2026-11-02'],
    ['across a new year', '2027-01-01', '2026-12-28'],
  ])('finds the Monday of %s', (_, day, monday) => {
    const week = weekOf(day);
    expect(week.monday).toBe(monday);
    expect(week.days).toHaveLength(7);
    expect(week.days).toContain(day);
  });

  it('links to the previous and next weeks', () => {
    expect(weekOf('2026-11-04')).toMatchObject({
      previous: '2026-10-26',
      next: '2026-11-09',
      sunday: '2026-11-08',
    });
  });
});

describe('groupByLocalDay', () => {
  it('files work under the local day it started on, in time order, every day present', () => {
    const days = weekOf('2026-11-02').days;
    const items = [
      { id: 'b', startedAt: new Date('2026-11-02T15:00:00Z') },
      // 23:30 UTC on Monday is Tuesday 00:30 in Paris.
      { id: 'c', startedAt: new Date('2026-11-02T23:30:00Z') },
      { id: 'a', startedAt: new Date('2026-11-02T08:00:00Z') },
    ];
    const groups = groupByLocalDay(items, days, PARIS);
    expect(groups.get('2026-11-02')!.map((i) => i.id)).toEqual(['a', 'b']);
    expect(groups.get('2026-11-03')!.map((i) => i.id)).toEqual(['c']);
    expect([...groups.keys()]).toEqual(days);
  });
});

describe('form fields', () => {
  it.each([
    ['12', 1200],
    ['12,5', 1250],
    ['1 234,56 €', 123456],
    ['1\u202f234.07', 123407],
    ['0,01', 1],
    ['12,345', null],
    ['-5', -500],
    ['\u22125,50', -550],
    ['-0', 0],
    ['5-', null],
    ['abc', null],
    ['', null],
  ])('reads the amount %p as %p cents', (text, cents) => {
    expect(parseAmountCents(text)).toBe(cents);
  });

  it('reads checkboxes, multiple selects and tags as browsers send them', () => {
    expect([ticked('on'), ticked(undefined), ticked('')]).toEqual([true, false, false]);
    expect([many(undefined), many('a'), many(['a', '', 'b'])]).toEqual([[], ['a'], ['a', 'b']]);
    expect(splitTags(' vpn, Réseau ,, ')).toEqual(['vpn', 'Réseau']);
  });

  it("checks a form's values with the API's own DTO and names each bad field", async () => {
    const bad = await checkDto(PaymentDto, { amountCents: 0, paidOn: '2026-02-30', method: 'x' });
    expect(bad.problems.map((p) => p.field).sort()).toEqual(['amountCents', 'method', 'paidOn']);
    const good = await checkDto(PaymentDto, {
      amountCents: 1200,
      paidOn: '2026-12-01',
      method: 'transfer',
    });
    expect(good.problems).toEqual([]);
    expect(good.value).toBeInstanceOf(PaymentDto);
    const unknown = await checkDto(CreditForm, { reason: 'x', extra: 'y' });
    expect(unknown.problems.map((p) => p.field)).toEqual(['extra']);
  });
});
