import { errorText, messageValues } from './error-text';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('errorText', () => {
  const overpayment = [
    {
      field: 'amountCents',
      code: 'overpayment',
      message: 'The payment exceeds the balance of 1599.00 EUR.',
      amountCents: 200_000,
      balanceCents: 159_900,
    },
  ];

  it('words an error in each language from its code and figures, cents shown as euros', () => {
    const fr = errorText('fr', 'rule.overpayment', 'developer words', overpayment);
    const en = errorText('en', 'rule.overpayment', 'developer words', overpayment);
    expect(fr.message).toBe(
      `Le paiement de 2${NNBSP}000,00${NBSP}€ dépasse le solde de 1${NNBSP}599,00${NBSP}€`,
    );
    expect(en.message).toBe('The payment of €2,000.00 exceeds the balance of €1,599.00');
    // The figures stay for machines, as they were; each detail gets the words too.
    expect(fr.details).toEqual([{ ...overpayment[0], message: fr.message }]);
    expect(en.details).toEqual([{ ...overpayment[0], message: en.message }]);
  });

  it('words each detail by its own reason when it is also an error of the same kind', () => {
    const details = [
      { field: 'lines[0].lineIndex', code: 'unknown_line', message: 'x', line: 5, lines: 2 },
      {
        field: 'lines[1].amountCents',
        code: 'exceeds_remaining',
        message: 'y',
        line: 1,
        amountCents: 5000,
        remainingCents: 1250,
      },
    ];
    const { message, details: worded } = errorText('en', 'rule.unknown_line', 'x', details);
    expect(message).toBe('The invoice has no line 5 (it has 2)');
    expect((worded as { message: string }[]).map((d) => d.message)).toEqual([
      'The invoice has no line 5 (it has 2)',
      'Line 1 has only €12.50 left to credit, less than €50.00',
    ]);
  });

  it('words a detail without words of its own by its error, with its own figures', () => {
    const details = [
      { field: 'lines[0].quantity', code: 'quantity', message: 'x', line: 1 },
      { field: 'lines[2].description', code: 'required', message: 'y', line: 3 },
    ];
    const { message, details: worded } = errorText('fr', 'invalid.lines', 'x', details);
    expect(message).toBe(
      'Ligne 1 : la quantité doit être positive, avec au plus deux décimales (et 1 autre point à revoir)'.replace(
        ' :',
        `${NBSP}:`,
      ),
    );
    expect((worded as { message: string }[]).map((d) => d.message)).toEqual([
      `Ligne 1${NBSP}: la quantité doit être positive, avec au plus deux décimales`,
      `Ligne 3${NBSP}: la désignation manque`,
    ]);
  });

  it('keeps the developer words of a code the catalogue does not know', () => {
    expect(errorText('fr', 'rule.unheard_of', 'developer words', undefined)).toEqual({
      message: 'developer words',
    });
    expect(errorText('fr', undefined, 'developer words', [{ message: 'm' }])).toEqual({
      message: 'developer words',
      details: [{ message: 'm' }],
    });
  });

  it('shows levels, durations, days and wall-clock times in the reader’s words', () => {
    const detail = {
      message: 'x',
      level: 'high',
      afterHoursMinutes: 90,
      resetsOn: '2026-12-01',
      since: '2026-11-29T14:05',
      invoiceStatus: null,
    };
    expect(messageValues('en', detail)).toEqual({
      level: 'High',
      afterHoursMinutes: '1 h 30',
      resetsOn: '1 Dec 2026',
      since: '29 Nov 2026 14:05',
      invoiceStatus: 'none',
    });
    expect(messageValues('fr', detail)).toMatchObject({
      resetsOn: '01/12/2026',
      since: '29/11/2026 14:05',
    });
  });
});
