/** The FEC's bank journal: the payments received, and the lettering of what they settle. */
import { buildFec, clientSubAccount } from './fec';
import { validateFec } from './fec-validation';
import { journalDoc } from '../../test/fixtures/journal-docs';
import {
  FEC_ACCOUNTS as accounts,
  FEC_OPTIONS as opts,
  fecColumn as col,
  fecRecords as records,
} from '../../test/fixtures/fec-records';

describe('the bank journal', () => {
  const invoice = journalDoc({
    number: 'F2026-00010',
    chainSeq: 12,
    issueDate: '2026-03-02',
    ...{ clientName: 'Boulangerie Émile', clientId: 'client-emile' },
    rates: [[2000, 100_000, 20_000]],
    lettering: { code: 'L', date: '2026-03-20' },
  });
  const payment = (paidOn: string, amountCents: number, lettered: boolean) => ({
    invoiceId: 'f10',
    invoiceNumber: 'F2026-00010',
    paidOn,
    amountCents,
    clientName: 'Boulangerie Émile',
    clientAccountCode: invoice.clientAccountCode,
    lettering: lettered ? { code: 'L', date: '2026-03-20' } : null,
  });
  const fec = buildFec([invoice], accounts, opts, [
    payment('2026-03-20', 20_000, true),
    payment('2026-03-10', 100_000, true),
  ]);
  const rows = records(fec.content);

  it('debits 512 and credits the client’s sub-account for each payment, in date order', () => {
    const sub = clientSubAccount('411', invoice.clientAccountCode);
    expect(
      rows.map((r) => [
        r[col('JournalCode')],
        r[col('EcritureNum')],
        r[col('EcritureDate')],
        r[col('CompteNum')],
        r[col('CompAuxNum')],
        r[col('Debit')],
        r[col('Credit')],
      ]),
    ).toEqual([
      ['VT', '1', '20260302', '411', sub, '1200,00', '0,00'],
      ['VT', '1', '20260302', '706', '', '0,00', '1000,00'],
      ['VT', '1', '20260302', '44571', '', '0,00', '200,00'],
      ['BQ', '2', '20260310', '512', '', '1000,00', '0,00'],
      ['BQ', '2', '20260310', '411', sub, '0,00', '1000,00'],
      ['BQ', '3', '20260320', '512', '', '200,00', '0,00'],
      ['BQ', '3', '20260320', '411', sub, '0,00', '200,00'],
    ]);
    expect(validateFec(fec.content)).toEqual([]);
  });

  it('letters the invoice’s client line and each payment’s with one code and the day it was settled', () => {
    const lettered = rows
      .filter((r) => r[col('EcritureLet')] !== '')
      .map((r) => [
        r[col('JournalCode')],
        r[col('CompteNum')],
        r[col('EcritureLet')],
        r[col('DateLet')],
      ]);
    expect(lettered).toEqual([
      ['VT', '411', 'L', '20260320'],
      ['BQ', '411', 'L', '20260320'],
      ['BQ', '411', 'L', '20260320'],
    ]);
  });

  it('labels a payment with the invoice it settles, in the bank journal named in the settings', () => {
    const own = buildFec(
      [invoice],
      { ...accounts, bank: '5121', bankJournalCode: 'BNP', bankJournalLabel: 'BNP Paribas' },
      opts,
      [payment('2026-03-10', 100_000, false)],
    );
    const bank = records(own.content).filter((r) => r[col('JournalCode')] === 'BNP');
    expect(
      bank.map((r) => [
        r[col('JournalLib')],
        r[col('CompteNum')],
        r[col('PieceRef')],
        r[col('EcritureLib')],
        r[col('EcritureLet')],
      ]),
    ).toEqual([
      ['BNP Paribas', '5121', 'F2026-00010', 'Règlement F2026-00010 Boulangerie Émile', ''],
      ['BNP Paribas', '411', 'F2026-00010', 'Règlement F2026-00010 Boulangerie Émile', ''],
    ]);
  });
});
