import { accountCodeFor } from '../clients/account-code';
import { buildFec, clientSubAccount, DEFAULT_FEC_ACCOUNTS, FEC_COLUMNS } from './fec';
import { validateFec } from './fec-validation';
import { journalDoc, MARCH_2026 } from '../../test/fixtures/journal-docs';
import {
  FEC_ACCOUNTS as accounts,
  FEC_OPTIONS as opts,
  fecColumn as col,
  fecRecords as records,
} from '../../test/fixtures/fec-records';

describe('buildFec', () => {
  // Shuffled on purpose: the file orders entries itself.
  const fec = buildFec([...MARCH_2026].reverse(), accounts, opts);
  const rows = records(fec.content);

  it('is named <SIREN>FEC<closing date>.txt', () => {
    expect(fec.fileName).toBe('732829320FEC20261231.txt');
  });

  it('starts with the 18 column names of A47 A-1, tab-separated, and keeps 18 on every row', () => {
    const lines = fec.content.split('\r\n');
    expect(lines[0]).toBe(
      'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t' +
        'CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t' +
        'ValidDate\tMontantdevise\tIdevise',
    );
    expect(lines.every((line) => line.split('\t').length === 18)).toBe(true);
    expect(lines).toHaveLength(1 + 15);
  });

  it('passes its own validation: balanced, continuous, well formed', () => {
    expect(validateFec(fec.content)).toEqual([]);
  });

  it('posts each document to 411 / 706 (7062 under reverse charge) / 44571 on the right side', () => {
    const postings = rows.map((r) => [
      r[col('EcritureNum')],
      r[col('PieceRef')],
      r[col('CompteNum')],
      r[col('Debit')],
      r[col('Credit')],
    ]);
    expect(postings).toEqual([
      // Standard VAT, two rates: one sales and one VAT line per rate.
      ['1', 'F2026-00001', '411', '1411,00', '0,00'],
      ['1', 'F2026-00001', '706', '0,00', '1000,00'],
      ['1', 'F2026-00001', '706', '0,00', '200,00'],
      ['1', 'F2026-00001', '44571', '0,00', '200,00'],
      ['1', 'F2026-00001', '44571', '0,00', '11,00'],
      // Franchise: no VAT line.
      ['2', 'F2026-00002', '411', '500,00', '0,00'],
      ['2', 'F2026-00002', '706', '0,00', '500,00'],
      ['3', 'F2026-00003', '411', '360,00', '0,00'],
      ['3', 'F2026-00003', '706', '0,00', '300,00'],
      ['3', 'F2026-00003', '44571', '0,00', '60,00'],
      // Credit note, issued after F2026-00003 the same day (before it by number): reversed sides.
      ['4', 'AV2026-00001', '411', '0,00', '120,00'],
      ['4', 'AV2026-00001', '706', '100,00', '0,00'],
      ['4', 'AV2026-00001', '44571', '20,00', '0,00'],
      // Reverse charge: VAT 0, no VAT line, services to an EU business on their own account.
      ['5', 'F2026-00004', '411', '800,00', '0,00'],
      ['5', 'F2026-00004', '7062', '0,00', '800,00'],
    ]);
  });

  it('balances every entry to the cent', () => {
    const cents = (amount: string) => Math.round(Number(amount.replace(',', '.')) * 100);
    const balance = new Map<string, number>();
    for (const r of rows) {
      const num = r[col('EcritureNum')];
      balance.set(num, (balance.get(num) ?? 0) + cents(r[col('Debit')]) - cents(r[col('Credit')]));
    }
    expect([...balance.values()]).toEqual([0, 0, 0, 0, 0]);
  });

  it('writes dates YYYYMMDD and amounts with a decimal comma, no thousands separator', () => {
    const first = rows[0];
    expect([first[col('EcritureDate')], first[col('PieceDate')], first[col('ValidDate')]]).toEqual([
      '20260302',
      '20260302',
      '20260302',
    ]);
    for (const r of rows) {
      expect(r[col('Debit')]).toMatch(/^\d+,\d{2}$/);
      expect(r[col('Credit')]).toMatch(/^\d+,\d{2}$/);
    }
  });

  it('labels the entry and gives the client sub-account on the 411 line only', () => {
    const invoice = rows.filter((r) => r[col('PieceRef')] === 'F2026-00001');
    const creditNote = rows.filter((r) => r[col('PieceRef')] === 'AV2026-00001');
    expect(invoice[0].slice(0, 2)).toEqual(['VT', 'Ventes']);
    expect(invoice[0][col('EcritureLib')]).toBe("Facture F2026-00001 Société Générale d'Études");
    expect(creditNote[0][col('EcritureLib')]).toBe("Avoir AV2026-00001 Société Générale d'Études");
    expect(invoice[0][col('CompteLib')]).toBe('Clients');
    expect(invoice[0][col('CompAuxNum')]).toMatch(/^411SOCIETEG[0-9A-F]{4}$/);
    expect(creditNote[0][col('CompAuxNum')]).toBe(invoice[0][col('CompAuxNum')]);
    expect(invoice[0][col('CompAuxLib')]).toBe("Société Générale d'Études");
    expect(invoice.slice(1).map((r) => r[col('CompAuxNum')] + r[col('CompAuxLib')])).toEqual([
      '',
      '',
      '',
      '',
    ]);
  });

  it('separates records by CRLF with none after the last', () => {
    expect(fec.content.endsWith('\r\n')).toBe(false);
    expect(fec.content.replaceAll('\r\n', '').includes('\n')).toBe(false);
  });

  it('delivers ISO 8859-15 bytes: é, Œ and € in one byte each', () => {
    expect(fec.encoding).toBe('ISO-8859-15');
    expect(fec.bytes.length).toBe([...fec.content].length);
    expect(fec.bytes.includes(Buffer.from([0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9]))).toBe(true); // Société
    expect(fec.bytes.includes(Buffer.from([0xbc, 0x75, 0x76, 0x72, 0x65]))).toBe(true); // Œuvre
    const euro = buildFec(
      [
        journalDoc({
          number: 'F1',
          issueDate: '2026-03-02',
          clientName: '5 € Shop',
          clientId: 'e',
          rates: [[0, 100, 0]],
        }),
      ],
      accounts,
      opts,
    );
    expect(euro.bytes.includes(Buffer.from([0x35, 0x20, 0xa4]))).toBe(true);
    expect(euro.replacedCharacters).toBe(0);
  });

  it('replaces what Latin-9 cannot hold, and keeps labels on one line and in their column', () => {
    const awkward = journalDoc({
      number: 'F1',
      issueDate: '2026-03-02',
      clientName: 'L’Atelier\t“Ωmega”\n🚀',
      clientId: 'a',
      rates: [[2000, 1000, 200]],
    });
    const fec = buildFec([awkward], accounts, opts);
    expect(records(fec.content)[0][col('CompAuxLib')]).toBe('L\'Atelier "?mega" ?');
    // Ω and 🚀, in the four labels that carry the client name.
    expect(fec.replacedCharacters).toBe(8);
    expect(validateFec(fec.content)).toEqual([]);
  });

  it('uses the practice accounts and journal when changed', () => {
    const custom = buildFec(
      MARCH_2026.slice(0, 1),
      {
        receivable: '4110000',
        sales: '7061000',
        vatCollected: '4457120',
        journalCode: 'VE',
        journalLabel: 'Journal des ventes',
        salesLabel: 'Honoraires',
      },
      opts,
    );
    const first = records(custom.content);
    expect(first.map((r) => r[col('CompteNum')])).toEqual([
      '4110000',
      '7061000',
      '7061000',
      '4457120',
      '4457120',
    ]);
    expect(first[1][col('CompteLib')]).toBe('Honoraires');
    expect(first[0][col('CompAuxNum')].startsWith('4110000SOCIETEG')).toBe(true);
    expect(first[0].slice(0, 2)).toEqual(['VE', 'Journal des ventes']);
  });

  it('writes a header alone for a period without documents', () => {
    const empty = buildFec([], DEFAULT_FEC_ACCOUNTS, opts);
    expect(empty.content).toBe(FEC_COLUMNS.join('\t'));
    expect(validateFec(empty.content)).toEqual([]);
  });

  it.each([
    ['a SIREN with a bad key', { siren: '732829321' }, /SIREN/],
    ['a bad closing date', { closingDate: '2026-02-30' }, /calendar day/],
  ])('refuses %s', (_label, change, message) => {
    expect(() => buildFec(MARCH_2026, accounts, { ...opts, ...change })).toThrow(message);
  });

  it('refuses a document whose gross is not net plus VAT', () => {
    const wrong = { ...MARCH_2026[0], grossCents: MARCH_2026[0].grossCents + 1 };
    expect(() => buildFec([wrong], accounts, opts)).toThrow(/F2026-00001.*off by 1 cents/);
  });

  it.each(['franchise', 'reverse_charge'] as const)('refuses VAT charged under %s', (regime) => {
    const taxed = { ...MARCH_2026[0], vatRegime: regime };
    expect(() => buildFec([taxed], accounts, opts)).toThrow(
      `VAT charged under the ${regime} regime`,
    );
  });
});

describe('the client sub-account', () => {
  it('is the receivable account and the code frozen on the document', () => {
    expect(clientSubAccount('411', 'DUPONTSA3F2A')).toBe('411DUPONTSA3F2A');
    expect(() => clientSubAccount('411', '')).toThrow('account code');
  });

  it('stays the same after the client is renamed: one account, not two', () => {
    const code = accountCodeFor('Dupont SA', 'client-dupont');
    const before = journalDoc({
      number: 'F2026-00010',
      chainSeq: 10,
      issueDate: '2026-03-02',
      clientName: 'Dupont SA',
      clientId: 'client-dupont',
      clientAccountCode: code,
      rates: [[2000, 1000, 200]],
    });
    const after = {
      ...before,
      number: 'F2026-00011',
      chainSeq: 11,
      clientName: 'Dupont & Fils SAS',
    };
    const fec = records(buildFec([before, after], accounts, opts).content);
    const clientLines = fec.filter((r) => r[col('CompteNum')] === '411');
    expect(clientLines.map((r) => r[col('CompAuxNum')])).toEqual([`411${code}`, `411${code}`]);
    expect(clientLines.map((r) => r[col('CompAuxLib')])).toEqual([
      'Dupont SA',
      'Dupont & Fils SAS',
    ]);
  });
});

describe('issue order', () => {
  it('puts a credit note after its invoice issued the same day, whatever the numbers', () => {
    const invoice = journalDoc({
      number: 'F2026-00100',
      chainSeq: 7,
      issueDate: '2026-03-20',
      clientName: 'Acme',
      clientId: 'client-acme',
      rates: [[2000, 1000, 200]],
    });
    const note = journalDoc({
      number: 'A2026-00001',
      kind: 'credit_note',
      chainSeq: 8,
      issueDate: '2026-03-20',
      clientName: 'Acme',
      clientId: 'client-acme',
      rates: [[2000, -1000, -200]],
    });
    const fec = buildFec([note, invoice], accounts, opts);
    const pieces = records(fec.content).map((r) => [r[col('EcritureNum')], r[col('PieceRef')]]);
    expect([...new Set(pieces.map((p) => p.join(' ')))]).toEqual([
      '1 F2026-00100',
      '2 A2026-00001',
    ]);
    expect(validateFec(fec.content)).toEqual([]);
  });
});

describe('a business outside the EU (art. 259-1 CGI)', () => {
  it('posts the client and the sales, and no VAT line', () => {
    const swiss = journalDoc({
      number: 'F2026-00005',
      chainSeq: 6,
      issueDate: '2026-03-20',
      clientName: 'Helvetia Informatik AG',
      clientId: 'client-zurich',
      rates: [[0, 90_000, 0]],
      vatRegime: 'export',
    });
    const fec = buildFec([swiss], accounts, opts);
    expect(
      records(fec.content).map((r) => [r[col('CompteNum')], r[col('Debit')], r[col('Credit')]]),
    ).toEqual([
      ['411', '900,00', '0,00'],
      ['7064', '0,00', '900,00'],
    ]);
    expect(validateFec(fec.content)).toEqual([]);
  });

  it('refuses VAT charged to it', () => {
    const taxed = { ...MARCH_2026[0], vatRegime: 'export' as const };
    expect(() => buildFec([taxed], accounts, opts)).toThrow('VAT charged under the export regime');
  });
});

describe('revenue accounts by VAT regime', () => {
  const doc = (vatRegime: 'standard' | 'reverse_charge' | 'export', goodsNetCents = 0) =>
    journalDoc({
      number: `F-${vatRegime}-${goodsNetCents}`,
      issueDate: '2026-03-02',
      clientName: 'Client',
      clientId: 'client',
      rates: [
        [vatRegime === 'standard' ? 2000 : 0, 100_000, vatRegime === 'standard' ? 20_000 : 0],
      ],
      vatRegime,
      goodsNetCents,
    });
  const revenue = (fec: ReturnType<typeof buildFec>) =>
    records(fec.content)
      .filter((r) => r[col('CompteNum')].startsWith('7'))
      .map((r) => [r[col('CompteNum')], r[col('CompteLib')], r[col('Credit')]]);

  it.each([
    ['standard', 0, [['706', 'Prestations de services', '1000,00']]],
    ['reverse_charge', 0, [['7062', 'Prestations UE autoliquidées', '1000,00']]],
    [
      'reverse_charge',
      30_000,
      [
        ['7062', 'Prestations UE autoliquidées', '700,00'],
        ['7063', 'Livraisons intracommunautaires', '300,00'],
      ],
    ],
    ['export', 0, [['7064', 'Ventes hors UE', '1000,00']]],
  ] as const)('%s (goods %i cents) posts to %j', (regime, goods, expected) => {
    const fec = buildFec([doc(regime, goods)], accounts, opts);
    expect(revenue(fec)).toEqual(expected);
    expect(validateFec(fec.content)).toEqual([]);
  });

  it('takes the accounts the practice set', () => {
    const own = { ...accounts, revenueReverseCharge: '706200', revenueExport: '706400' };
    expect(revenue(buildFec([doc('reverse_charge')], own, opts))[0][0]).toBe('706200');
    expect(revenue(buildFec([doc('export')], own, opts))[0][0]).toBe('706400');
  });
});
