import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { centsToDecimal, toCsv, type CsvLocale } from './csv';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM so spreadsheets read the accents', () => {
    const bytes = Buffer.from(toCsv([['Société']], { locale: 'fr' }), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('keeps accents, €, « » and Œ as UTF-8 bytes', () => {
    const bytes = Buffer.from(toCsv([['Œuvre « été » 5 €']], { locale: 'fr' }), 'utf8');
    expect(bytes.includes(Buffer.from([0xc3, 0xa9]))).toBe(true); // é
    expect(bytes.includes(Buffer.from([0xc5, 0x92]))).toBe(true); // Œ
    expect(bytes.includes(Buffer.from([0xe2, 0x82, 0xac]))).toBe(true); // €
    expect(bytes.includes(Buffer.from([0xc2, 0xab]))).toBe(true); // «
  });

  it.each([
    ['fr', 'Numéro;Montant\r\nF1;1,5\r\n'],
    ['en', 'Numéro,Montant\r\nF1,1.5\r\n'],
  ] as const)('uses the separator, decimal mark and CRLF of %s', (locale, expected) => {
    expect(
      toCsv(
        [
          ['Numéro', 'Montant'],
          ['F1', 1.5],
        ],
        { locale },
      ),
    ).toBe(`\uFEFF${expected}`);
  });

  it.each([
    ['fr', 'Dupont; Durand', '"Dupont; Durand"'],
    ['fr', 'Dupont, Durand', 'Dupont, Durand'],
    ['en', 'Dupont, Durand', '"Dupont, Durand"'],
    ['fr', 'La "Maison"', '"La ""Maison"""'],
    ['fr', 'deux\nlignes', '"deux\nlignes"'],
  ] as const)('quotes what needs it (%s): %j', (locale, cell, expected) => {
    expect(toCsv([[cell, 'x']], { locale })).toBe(
      `\uFEFF${expected}${locale === 'fr' ? ';' : ','}x\r\n`,
    );
  });

  it('writes null as an empty cell and large numbers without exponent', () => {
    expect(toCsv([[null, 12345678901234, 0.1]], { locale: 'fr' })).toBe(
      '\uFEFF;12345678901234;0,1\r\n',
    );
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+33 1 23', "'+33 1 23"],
    ['-12.50', '-12.50'],
    ['+5', '+5'],
  ])('neutralises formulas, not amounts: %j', (cell, expected) => {
    expect(toCsv([[cell]], { locale: 'en' })).toBe(`\uFEFF${expected}\r\n`);
  });

  it('reads back as written (property)', () => {
    const text = fc
      .string({ unit: 'grapheme', maxLength: 20 })
      .filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom<CsvLocale>('fr', 'en'),
        (rows, locale) => {
          const width = rows[0].length;
          const table = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
          const csv = toCsv(table, { locale });
          const back = parse(csv, { bom: true, delimiter: locale === 'fr' ? ';' : ',' });
          expect(back).toEqual(table);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('centsToDecimal', () => {
  it.each([
    [123456, '1234,56', '1234.56'],
    [5, '0,05', '0.05'],
    [0, '0,00', '0.00'],
    [-1250, '-12,50', '-12.50'],
    [-5, '-0,05', '-0.05'],
    [100_000_000, '1000000,00', '1000000.00'],
  ])('%i cents → %s / %s', (cents, fr, en) => {
    expect(centsToDecimal(cents, 'fr')).toBe(fr);
    expect(centsToDecimal(cents, 'en')).toBe(en);
  });

  it('refuses a fraction of a cent', () => {
    expect(() => centsToDecimal(12.5, 'fr')).toThrow(RangeError);
  });
});
