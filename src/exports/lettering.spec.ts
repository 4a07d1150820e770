import { letteringCode, letterings } from './lettering';

describe('letteringCode', () => {
  it.each([
    [1, 'A'],
    [2, 'B'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('%i → %s', (n, code) => {
    expect(letteringCode(n)).toBe(code);
  });

  it('gives every position its own code', () => {
    const codes = new Set(Array.from({ length: 2000 }, (_, k) => letteringCode(k + 1)));
    expect(codes.size).toBe(2000);
  });
});

describe('letterings', () => {
  const invoice = { invoiceId: 'f1', chainSeq: 3, grossCents: 120000 };
  it.each([
    ['paid in one payment', [{ paidOn: '2026-12-10', amountCents: 120000 }], [], '2026-12-10'],
    [
      'paid in two, the last one settling it',
      [
        { paidOn: '2026-12-20', amountCents: 20000 },
        { paidOn: '2026-12-05', amountCents: 100000 },
      ],
      [],
      '2026-12-20',
    ],
    [
      'credited in part and paid the rest',
      [{ paidOn: '2026-12-10', amountCents: 100000 }],
      [{ issueDate: '2026-12-12', grossCents: -20000 }],
      '2026-12-12',
    ],
  ])('letters an invoice %s', (_what, payments, creditNotes, date) => {
    expect(letterings([{ ...invoice, payments, creditNotes }]).get('f1')).toEqual({
      code: 'C',
      date,
    });
  });

  it.each([
    ['partly paid', [{ paidOn: '2026-12-10', amountCents: 60000 }], []],
    ['overpaid', [{ paidOn: '2026-12-10', amountCents: 130000 }], []],
    ['not paid, only credited', [], [{ issueDate: '2026-12-12', grossCents: -120000 }]],
  ])('leaves an invoice %s open', (_what, payments, creditNotes) => {
    expect(letterings([{ ...invoice, payments, creditNotes }]).has('f1')).toBe(false);
  });
});
