import fc from 'fast-check';
import { formatDocumentNumber } from '../common/document-numbers';
import { numberFormatProblems, sharedNumber } from './number-formats';

const problems = (invoiceNumberFormat: string, creditNoteNumberFormat: string) =>
  numberFormatProblems({ invoiceNumberFormat, creditNoteNumberFormat });

describe('numberFormatProblems', () => {
  it('accepts the default formats', () => {
    expect(problems('F{YYYY}-{SEQ:5}', 'AV{YYYY}-{SEQ:5}')).toEqual([]);
  });

  it.each([
    ['an unknown token', 'F{YYYY}-{SEQ:5}{DD}', /Unknown token \{DD\}/],
    ['no sequence', 'F{YYYY}', /exactly one \{SEQ\}/],
    ['two sequences', 'F{SEQ}-{SEQ:3}', /exactly one \{SEQ\}/],
    ['a space', 'F {SEQ}', /no spaces/],
    ['a stray brace', 'F{SEQ}}', /brace/],
    ['a too long format', `F${'X'.repeat(30)}{SEQ}`, /at most 30 characters/],
  ])('refuses %s in the invoice format, naming the field', (_what, format, message) => {
    const found = problems(format, 'AV{YYYY}-{SEQ:5}');
    expect(found.map((p) => p.field)).toContain('invoiceNumberFormat');
    expect(found.map((p) => p.message).join(' ')).toMatch(message);
  });

  it('names the credit-note format when it is the bad one', () => {
    expect(problems('F{YYYY}-{SEQ:5}', 'AV{YYYY}-{MONTH}-{SEQ}')).toEqual([
      {
        field: 'creditNoteNumberFormat',
        code: 'unknown_token',
        message: expect.stringMatching(/Unknown token \{MONTH\}/),
        token: 'MONTH',
      },
    ]);
  });

  it.each([
    ['the same format twice', 'F{YYYY}-{SEQ:5}', 'F{YYYY}-{SEQ:5}', 'F1111-11111'],
    ['a sequence running into a year', 'F{SEQ}', 'F{YY}{SEQ}', 'F111'],
    ['a padded and an unpadded sequence', 'F-{SEQ:5}', 'F-{SEQ}', 'F-11111'],
    ['a month and a sequence', 'F{MM}{SEQ}', 'F1{SEQ}', 'F111'],
  ])('refuses %s: invoices and credit notes could share a number', (_what, a, b, example) => {
    expect(problems(a, b)).toEqual([
      {
        field: 'creditNoteNumberFormat',
        code: 'shared_number',
        message: expect.stringContaining(`numbered like ${example}`),
        number: example,
      },
    ]);
  });

  it.each([
    ['F{YYYY}-{SEQ:5}', 'A{YYYY}-{SEQ:5}'],
    ['{YYYY}-F{SEQ}', '{YYYY}-AV{SEQ}'],
    ['F{YYYY}{SEQ:5}', 'F{YYYY}-{SEQ:5}'],
    ['F{MM}{SEQ:3}', 'F2{SEQ}'],
  ])('accepts %s beside %s: no number can be both', (a, b) => {
    expect(problems(a, b)).toEqual([]);
  });
});

/** The numbers a format gives, as a regular expression (years of four digits). */
function readerOf(format: string): RegExp {
  const source = format
    .split(/(\{[^{}]*\})/)
    .map((part) => {
      const seq = /^\{SEQ(?::(\d+))?\}$/.exec(part);
      if (seq) return `\\d{${seq[1] ?? 1},}`;
      if (part === '{YYYY}') return '\\d{4}';
      if (part === '{YY}') return '\\d{2}';
      if (part === '{MM}') return '(0[1-9]|1[0-2])';
      return part.replace(/[.*+?^$()|[\]\\-]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

describe('sharedNumber', () => {
  const format = fc.constantFrom(
    'F{YYYY}-{SEQ:5}',
    'AV{YYYY}-{SEQ:5}',
    'F{SEQ}',
    'F{YY}{SEQ}',
    'F{YY}{MM}{SEQ:3}',
    'F-{SEQ:2}',
    'F{MM}{SEQ}',
    'F1{SEQ}',
    '{SEQ}',
    '{YYYY}{SEQ:4}',
  );

  it('finds a collision whenever a number of one format reads as a number of the other', () => {
    let crossReads = 0;
    fc.assert(
      fc.property(
        format,
        format,
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 99_999 }),
        (a, b, year, month, seq) => {
          const number = formatDocumentNumber(a, { year, month, seq });
          const readsAsB = readerOf(b).test(number);
          expect({
            number,
            b,
            collision: readsAsB ? sharedNumber(a, b) !== null : 'not read',
          }).toEqual({ number, b, collision: readsAsB ? true : 'not read' });
          if (readsAsB && a !== b) crossReads += 1;
        },
      ),
      { numRuns: 500 },
    );
    // Two different formats read one number in some runs: the property did not hold vacuously.
    expect(crossReads).toBeGreaterThan(0);
  });

  it('gives as example a number both formats read', () => {
    let examples = 0;
    fc.assert(
      fc.property(format, format, (a, b) => {
        const example = sharedNumber(a, b);
        const readBy = (f: string) => (example === null ? null : readerOf(f).test(example));
        expect([readBy(a), readBy(b)]).toEqual(example === null ? [null, null] : [true, true]);
        if (example !== null && a !== b) examples += 1;
      }),
      { numRuns: 500 },
    );
    expect(examples).toBeGreaterThan(0);
  });

  it('finds none for formats told apart by a letter', () => {
    expect(sharedNumber('F{YYYY}-{SEQ:5}', 'AV{YYYY}-{SEQ:5}')).toBeNull();
  });
});
