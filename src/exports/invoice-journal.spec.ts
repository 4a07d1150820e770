import { parse } from 'csv-parse/sync';
import { toCsv } from './csv';
import { formatRate, invoiceJournalRows } from './invoice-journal';
import { journalDoc, MARCH_2026 } from '../../test/fixtures/journal-docs';

describe('invoiceJournalRows', () => {
  const fr = invoiceJournalRows([...MARCH_2026].reverse(), 'fr');

  it('has one VAT column per non-zero rate found, highest first', () => {
    expect(fr[0]).toEqual([
      'Numéro',
      'Type',
      "Date d'émission",
      'Échéance',
      'Client',
      'SIREN client',
      'Total HT',
      'TVA 20 %',
      'TVA 5,5 %',
      'Total TTC',
      'Payé',
      'Solde',
      'Statut',
      'Régime de TVA',
    ]);
    expect(invoiceJournalRows(MARCH_2026, 'en')[0].slice(6, 10)).toEqual([
      'Net',
      'VAT 20 %',
      'VAT 5.5 %',
      'Gross',
    ]);
  });

  it('lists every invoice and credit note by issue date then issue order, not by number', () => {
    // AV2026-00001 sorts before F2026-00003 as text, but was issued after it that day.
    expect(fr.slice(1).map((row) => row[0])).toEqual([
      'F2026-00001',
      'F2026-00002',
      'F2026-00003',
      'AV2026-00001',
      'F2026-00004',
    ]);
  });

  it('writes an invoice with two rates, amounts in decimal commas', () => {
    expect(fr[1]).toEqual([
      'F2026-00001',
      'Facture',
      '02/03/2026',
      '01/04/2026',
      "Société Générale d'Études",
      '552100554',
      '1200,00',
      '200,00',
      '11,00',
      '1411,00',
      '500,00',
      '791,00',
      'Partiellement payée',
      'Normal',
    ]);
  });

  it('writes a credit note with negative amounts', () => {
    const creditNote = fr.find((row) => row[0] === 'AV2026-00001');
    expect(creditNote?.slice(1, 2)).toEqual(['Avoir']);
    expect(creditNote?.slice(6, 10)).toEqual(['-100,00', '-20,00', '0,00', '-120,00']);
  });

  it('shows no VAT under franchise or reverse charge, and says which', () => {
    const franchise = fr.find((row) => row[0] === 'F2026-00002');
    const reverse = fr.find((row) => row[0] === 'F2026-00004');
    expect(franchise?.slice(5, 10)).toEqual([null, '500,00', '0,00', '0,00', '500,00']);
    expect(franchise?.[13]).toBe('Franchise en base');
    expect(reverse?.slice(12)).toEqual(['En retard', 'Autoliquidation']);
  });

  it('shows no VAT for a business outside the EU, and names art. 259-1', () => {
    const swiss = journalDoc({
      number: 'F2026-00005',
      chainSeq: 6,
      issueDate: '2026-03-20',
      clientName: 'Helvetia Informatik AG',
      clientId: 'client-zurich',
      clientSiren: null,
      rates: [[0, 90_000, 0]],
      vatRegime: 'export',
    });
    const [, fr] = invoiceJournalRows([swiss], 'fr');
    const [, en] = invoiceJournalRows([swiss], 'en');
    expect(fr.slice(6)).toEqual([
      '900,00',
      '900,00',
      '0,00',
      '900,00',
      'Émise',
      'Hors UE, art. 259-1 du CGI',
    ]);
    expect(en[en.length - 1]).toBe('Outside the EU, art. 259-1 CGI');
  });

  it('writes English labels and ISO dates in English', () => {
    const en = invoiceJournalRows(MARCH_2026, 'en');
    expect(en[1].slice(0, 4)).toEqual(['F2026-00001', 'Invoice', '2026-03-02', '2026-04-01']);
    expect(en[1][6]).toBe('1200.00');
    expect(en[4][1]).toBe('Credit note');
  });

  it('gives a header alone for an empty period', () => {
    expect(invoiceJournalRows([], 'fr')).toEqual([
      expect.arrayContaining(['Numéro', 'Total HT', 'Total TTC']),
    ]);
  });
});

describe('the CSV journal file', () => {
  const csv = toCsv(invoiceJournalRows(MARCH_2026, 'fr'), { locale: 'fr' });

  it('starts with a BOM and keeps accents as UTF-8 bytes', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from([0xc3, 0xa9]))).toBe(true); // é
    expect(bytes.includes(Buffer.from("Société Générale d'Études", 'utf8'))).toBe(true);
    expect(bytes.includes(Buffer.from([0xc5, 0x92]))).toBe(true); // Œ of "Œuvre & Cie"
  });

  it('reads back in a French spreadsheet: ";" columns, the VAT columns, one line per document', () => {
    const table: string[][] = parse(csv, { bom: true, delimiter: ';' });
    expect(table).toHaveLength(6);
    expect(table.every((row) => row.length === 14)).toBe(true);
    expect(table[0].slice(7, 9)).toEqual(['TVA 20 %', 'TVA 5,5 %']);
    expect(table[1][9]).toBe('1411,00');
    expect(csv.split('\r\n')).toHaveLength(7);
  });
});

describe('formatRate', () => {
  it.each([
    [2000, '20 %', '20 %'],
    [550, '5,5 %', '5.5 %'],
    [210, '2,1 %', '2.1 %'],
    [1000, '10 %', '10 %'],
  ])('%i bp → %s / %s', (bp, fr, en) => {
    expect(formatRate(bp, 'fr')).toBe(fr);
    expect(formatRate(bp, 'en')).toBe(en);
  });
});
