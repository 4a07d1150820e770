import { FEC_COLUMNS } from '../src/exports/fec';
import { validateFec } from '../src/exports/fec-validation';
import { binary } from './support/pdf-text';
import { createClient } from './factories';
import { createContract } from './factories/contracts';
import { apiAs, startPractice, type Practice } from './support/world';

type Row = Record<(typeof FEC_COLUMNS)[number], string>;

/**
 * November 2026 in the accounts: three October invoices issued on 10 November, to a French
 * company, a German one (reverse charge, services and goods) and a Swiss one (outside the EU);
 * the French one paid in two payments, the German one in part, the Swiss one at once.
 */
describe('FEC: payments in the bank journal, lettered against their invoices', () => {
  let world: Practice;
  let api: ReturnType<typeof apiAs>;
  const invoices: Record<'fr' | 'de' | 'ch', { id: string; number: string; gross: number }> =
    {} as never;
  const accounts = {
    receivable: '411',
    sales: '706',
    vatCollected: '44571',
    journalCode: 'VT',
    journalLabel: 'Ventes',
  };

  async function invoiceFor(
    clientOverrides: Record<string, unknown>,
    manual: object[] = [],
  ): Promise<{ id: string; number: string; gross: number }> {
    const client = await createClient(world.t, world.consultant, clientOverrides);
    const contract = await createContract(world.t, world.consultant, client.id);
    const draft = await api
      .post('/api/invoices/drafts', {
        contractId: contract.id,
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
      })
      .expect(201);
    if (manual.length > 0) {
      await api.patch(`/api/invoices/${draft.body.id}`, { lines: manual }).expect(200);
    }
    const issued = await api.post(`/api/invoices/${draft.body.id}/issue`).expect(200);
    return { id: issued.body.id, number: issued.body.number, gross: issued.body.totals.grossCents };
  }

  const pay = (invoiceId: string, amountCents: number, paidOn: string) =>
    api
      .post(`/api/invoices/${invoiceId}/payments`, { amountCents, paidOn, method: 'transfer' })
      .expect(201);

  async function fec(): Promise<Row[]> {
    const res = await api
      .get('/api/exports/fec?from=2026-11-01&to=2026-11-30')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = (res.body as Buffer).toString('latin1');
    expect(validateFec(text)).toEqual([]);
    return text
      .split('\r\n')
      .slice(1)
      .map((line) => {
        const fields = line.split('\t');
        return Object.fromEntries(FEC_COLUMNS.map((c, k) => [c, fields[k]])) as Row;
      });
  }

  const cents = (amount: string) => Number(amount.replace(',', ''));

  beforeAll(async () => {
    world = await startPractice({ now: '2026-11-10T10:00:00+01:00' });
    api = apiAs(world.t, world.consultant);
    await api
      .patch('/api/practice', { vatRegime: 'standard', vatNumber: 'FR44732829320' })
      .expect(200);
    invoices.fr = await invoiceFor({ name: 'Boulangerie Émile' });
    invoices.de = await invoiceFor(
      {
        name: 'Berliner Backhaus GmbH',
        siren: null,
        ...{
          vatNumber: 'DE123456789',
          address: {
            line1: 'Friedrichstrasse 10',
            postalCode: '10117',
            city: 'Berlin',
            country: 'DE',
          },
        },
      },
      [
        {
          description: 'Routeur livré',
          quantity: 1,
          unit: 'unit',
          unitPriceCents: 25000,
          supply: 'goods',
        },
      ],
    );
    invoices.ch = await invoiceFor({
      name: 'Helvetia Informatik AG',
      siren: null,
      ...{
        vatNumber: 'CHE-123.456.789',
        address: { line1: 'Bahnhofstrasse 1', postalCode: '8001', city: 'Zurich', country: 'CH' },
      },
    });
    world.t.clock.set('2026-11-25T10:00:00+01:00');
    await pay(invoices.fr.id, 20000, '2026-11-12');
    await pay(invoices.fr.id, invoices.fr.gross - 20000, '2026-11-20');
    await pay(invoices.de.id, 10000, '2026-11-15');
    await pay(invoices.ch.id, invoices.ch.gross, '2026-11-18');
    // Paid after the closing day: neither in the file nor settling anything in it.
    world.t.clock.set('2026-12-05T10:00:00+01:00');
    await pay(invoices.de.id, invoices.de.gross - 10000, '2026-12-02');
  });
  afterAll(() => world.t.close());

  it('balances every entry, sales and payments alike, numbered in date order', async () => {
    const rows = await fec();
    const balance = new Map<string, number>();
    for (const r of rows) {
      balance.set(
        r.EcritureNum,
        (balance.get(r.EcritureNum) ?? 0) + cents(r.Debit) - cents(r.Credit),
      );
    }
    expect([...balance.keys()]).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect([...balance.values()].every((b) => b === 0)).toBe(true);
    expect([
      ...new Set(rows.map((r) => `${r.EcritureNum} ${r.JournalCode} ${r.EcritureDate}`)),
    ]).toEqual([
      '1 VT 20261110',
      '2 VT 20261110',
      '3 VT 20261110',
      '4 BQ 20261112',
      '5 BQ 20261115',
      '6 BQ 20261118',
      '7 BQ 20261120',
    ]);
  });

  it('posts each payment 512 to the client’s sub-account, full and partial alike', async () => {
    const rows = await fec();
    const bank = rows.filter((r) => r.JournalCode === 'BQ');
    expect(bank.map((r) => [r.PieceRef, r.CompteNum, r.Debit, r.Credit])).toEqual([
      [invoices.fr.number, '512', '200,00', '0,00'],
      [invoices.fr.number, '411', '0,00', '200,00'],
      [invoices.de.number, '512', '100,00', '0,00'],
      [invoices.de.number, '411', '0,00', '100,00'],
      [invoices.ch.number, '512', `${invoices.ch.gross / 100},00`, '0,00'],
      [invoices.ch.number, '411', '0,00', `${invoices.ch.gross / 100},00`],
      [invoices.fr.number, '512', `${(invoices.fr.gross - 20000) / 100},00`, '0,00'],
      [invoices.fr.number, '411', '0,00', `${(invoices.fr.gross - 20000) / 100},00`],
    ]);
    const sales411 = (number: string) =>
      rows.find((r) => r.JournalCode === 'VT' && r.PieceRef === number && r.CompteNum === '411')!;
    for (const r of bank.filter((b) => b.CompteNum === '411')) {
      expect(r.CompAuxNum).toBe(sales411(r.PieceRef).CompAuxNum);
      expect(r.EcritureLib).toBe(`Règlement ${r.PieceRef} ${r.CompAuxLib}`);
    }
  });

  it('letters the paid invoices with their payments, and leaves the partly paid one open', async () => {
    const rows = await fec();
    const lettered = (number: string) =>
      rows
        .filter((r) => r.PieceRef === number && r.CompteNum === '411')
        .map((r) => [r.JournalCode, r.EcritureLet, r.DateLet]);
    const [fr, ch] = [lettered(invoices.fr.number), lettered(invoices.ch.number)];
    expect(fr).toHaveLength(3);
    expect(new Set(fr.map(([, code, date]) => `${code} ${date}`))).toEqual(
      new Set([`${fr[0][1]} 20261120`]),
    );
    expect(fr[0][1]).toMatch(/^[A-Z]+$/);
    expect(ch.map(([journal, , date]) => [journal, date])).toEqual([
      ['VT', '20261118'],
      ['BQ', '20261118'],
    ]);
    expect(ch[0][1]).not.toBe(fr[0][1]);
    expect(ch[1][1]).toBe(ch[0][1]);
    expect(lettered(invoices.de.number)).toEqual([
      ['VT', '', ''],
      ['BQ', '', ''],
    ]);
    // No line other than a client's is lettered.
    expect(rows.filter((r) => r.EcritureLet && r.CompteNum !== '411')).toEqual([]);
  });

  it('a file closing once the rest is paid letters the German invoice too', async () => {
    const res = await api
      .get('/api/exports/fec?from=2026-11-01&to=2026-12-31')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = (res.body as Buffer).toString('latin1');
    expect(validateFec(text)).toEqual([]);
    const de = text
      .split('\r\n')
      .map((l) => l.split('\t'))
      .filter((f) => f[8] === invoices.de.number && f[4] === '411');
    expect(de.map((f) => f[14])).toEqual(['20261202', '20261202', '20261202']);
    expect(new Set(de.map((f) => f[13])).size).toBe(1);
  });

  it('splits revenue by VAT regime: 706 with VAT, 7062 and 7063 under reverse charge, 7064 outside the EU', async () => {
    const rows = await fec();
    const revenue = (number: string) =>
      rows
        .filter((r) => r.PieceRef === number && r.CompteNum !== '411' && r.JournalCode === 'VT')
        .map((r) => [r.CompteNum, r.CompteLib, r.Credit]);
    expect(revenue(invoices.fr.number)).toEqual([
      ['706', 'Prestations de services', '600,00'],
      ['44571', 'TVA collectée', '120,00'],
    ]);
    expect(revenue(invoices.de.number)).toEqual([
      ['7062', 'Prestations UE autoliquidées', '600,00'],
      ['7063', 'Livraisons intracommunautaires', '250,00'],
    ]);
    expect(revenue(invoices.ch.number)).toEqual([['7064', 'Ventes hors UE', '600,00']]);
  });

  it('posts to the accounts and bank journal the practice sets, and refuses one that is no account', async () => {
    const bad = await api
      .patch('/api/practice', { accounts: { ...accounts, revenueExport: '70-64', bank: '' } })
      .expect(400);
    expect((bad.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'accounts.bank',
      'accounts.revenueExport',
    ]);
    const set = await api
      .patch('/api/practice', {
        accounts: { ...accounts, revenueExport: '706400', bank: '5121', bankJournalCode: 'BNP' },
      })
      .expect(200);
    expect(set.body.accounts).toMatchObject({
      revenueReverseCharge: '7062',
      revenueExport: '706400',
      bank: '5121',
      bankJournalCode: 'BNP',
      bankJournalLabel: 'Banque',
    });
    const rows = await fec();
    expect(rows.filter((r) => r.PieceRef === invoices.ch.number).map((r) => r.CompteNum)).toEqual([
      '411',
      '706400',
      '5121',
      '411',
    ]);
    expect(new Set(rows.filter((r) => r.CompteNum === '5121').map((r) => r.JournalCode))).toEqual(
      new Set(['BNP']),
    );
  });
});
