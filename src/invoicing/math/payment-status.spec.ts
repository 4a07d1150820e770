import { balanceCents, invoiceStatus, validatePayment, type StatusFacts } from './payment-status';

const issued: StatusFacts = {
  kind: 'invoice',
  issued: true,
  dueDate: '2026-06-30',
  today: '2026-06-15',
  grossCents: 120_000,
  paidCents: 0,
  creditedCents: 0,
};

describe('invoiceStatus', () => {
  it.each<[string, Partial<StatusFacts>, string]>([
    ['not issued yet', { issued: false, dueDate: null }, 'draft'],
    ['issued, nothing paid, not due', {}, 'issued'],
    ['due today and unpaid', { today: '2026-06-30' }, 'issued'],
    ['unpaid the day after the due date', { today: '2026-07-01' }, 'overdue'],
    ['partly paid before the due date', { paidCents: 20_000 }, 'partially_paid'],
    ['partly paid and past due', { paidCents: 20_000, today: '2026-08-01' }, 'overdue'],
    ['paid in full', { paidCents: 120_000 }, 'paid'],
    ['paid in full, late', { paidCents: 120_000, today: '2026-08-01' }, 'paid'],
    ['partly credited, the rest paid', { creditedCents: 20_000, paidCents: 100_000 }, 'paid'],
    ['partly credited, nothing paid', { creditedCents: 20_000 }, 'issued'],
    ['fully credited', { creditedCents: 120_000 }, 'cancelled'],
    ['fully credited, given as the credit note total', { creditedCents: -120_000 }, 'cancelled'],
    ['paid then fully credited', { paidCents: 120_000, creditedCents: 120_000 }, 'cancelled'],
    ['an invoice of zero', { grossCents: 0 }, 'paid'],
    ['a credit note', { kind: 'credit_note', grossCents: -120_000 }, 'issued'],
  ])('%s → %s', (_, facts, expected) => {
    expect(invoiceStatus({ ...issued, ...facts })).toBe(expected);
  });
});

it.each([
  [{ kind: 'invoice', grossCents: 120_000, paidCents: 0, creditedCents: 0 }, 120_000],
  [{ kind: 'invoice', grossCents: 120_000, paidCents: 50_000, creditedCents: 20_000 }, 50_000],
  [{ kind: 'invoice', grossCents: 120_000, paidCents: 120_000, creditedCents: -20_000 }, -20_000],
  // A credit note owes nothing: what it credits is counted on its invoice.
  [{ kind: 'credit_note', grossCents: -684_451, paidCents: 0, creditedCents: 0 }, 0],
] as const)('the balance of %j is %i', (facts, expected) => {
  expect(balanceCents(facts)).toBe(expected);
});

describe('validatePayment', () => {
  it.each([
    [50_000, 50_000, []],
    [50_000, 10_000, []],
    [50_000, 50_001, ['overpayment']],
    [0, 100, ['nothing_due']],
    [50_000, 0, ['amount']],
    [50_000, -100, ['amount']],
    [50_000, 99.5, ['amount']],
  ])('on a balance of %i, a payment of %p gives %j', (balance, amount, codes) => {
    expect(validatePayment(balance, amount).map((p) => p.code)).toEqual(codes);
  });

  it('tells the balance when refusing an overpayment', () => {
    expect(validatePayment(50_000, 60_000)[0]).toEqual({
      field: 'amountCents',
      code: 'overpayment',
      message: 'The payment exceeds the balance of 500.00 EUR.',
      amountCents: 60_000,
      balanceCents: 50_000,
    });
  });
});
