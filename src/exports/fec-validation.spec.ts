/** The FEC's own checks: a file built here passes them, and each kind of fault is named. */
import { buildFec } from './fec';
import { validateFec } from './fec-validation';
import { MARCH_2026 } from '../../test/fixtures/journal-docs';
import {
  FEC_ACCOUNTS as accounts,
  FEC_OPTIONS as opts,
  fecColumn as col,
} from '../../test/fixtures/fec-records';

describe('validateFec', () => {
  const good = buildFec(MARCH_2026, accounts, opts).content;
  const lines = good.split('\r\n');
  const edit = (line: number, column: number, value: string) =>
    lines
      .map((text, index) => {
        if (index !== line) return text;
        const fields = text.split('\t');
        fields[column] = value;
        return fields.join('\t');
      })
      .join('\r\n');

  it.each([
    ['a wrong header', edit(0, 0, 'Journal'), 'the header is not the 18 column names of A47 A-1'],
    [
      'a missing column',
      lines.map((l, i) => (i === 3 ? l.split('\t').slice(1).join('\t') : l)).join('\r\n'),
      '17 columns, expected 18',
    ],
    [
      'a decimal point',
      edit(1, col('Debit'), '1411.00'),
      'amounts "1411.00" / "0,00" are not like 1234,56',
    ],
    [
      'an unbalanced entry',
      edit(2, col('Credit'), '999,00'),
      'entry 1 is off balance by 100 cents',
    ],
    [
      'a gap in numbering',
      lines.map((l) => l.replace('\t5\t', '\t6\t')).join('\r\n'),
      'entry number 6, expected 5',
    ],
    [
      'an impossible date',
      edit(1, col('EcritureDate'), '20260231'),
      'EcritureDate is not a date YYYYMMDD',
    ],
    [
      'both sides on one line',
      edit(1, col('Credit'), '1,00'),
      'a line has both a debit and a credit',
    ],
  ])('reports %s', (_label, content, message) => {
    expect(validateFec(content).map((p) => p.message)).toContain(message);
  });

  it('reports an entry dated before the previous one', () => {
    const early = buildFec(MARCH_2026, accounts, opts)
      .content.split('\r\n')
      .map((line) => (line.split('\t')[2] === '2' ? line.replaceAll('20260305', '20260301') : line))
      .join('\r\n');
    expect(validateFec(early)).toEqual([
      { line: 7, message: 'entry 2 is dated before the previous one' },
    ]);
  });

  it('accepts LF line ends as well', () => {
    expect(validateFec(good.replaceAll('\r\n', '\n'))).toEqual([]);
  });
});
