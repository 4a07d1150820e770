import { catalogue } from '../../i18n/catalogue';
import { ciiViewOf, type IssuedDocument } from './cii-view';
import { buildCiiXml, decimal2 } from './cii-xml';

const fr = catalogue().translator('fr');

/** A standard invoice of two lines at 20 % and 10 %, issued on 2 November 2026. */
function invoice(overrides: Partial<IssuedDocument> = {}): IssuedDocument {
  return {
    kind: 'invoice',
    number: 'F2026-00001',
    issueDate: '2026-11-02',
    dueDate: '2026-12-02',
    periodStart: '2026-10-01',
    periodEnd: '2026-10-31',
    locale: 'fr',
    vatRegime: 'standard',
    paymentTermsDays: 30,
    notes: null,
    seller: {
      name: 'Camille Martin Conseil',
      legalForm: 'EI',
      siren: '732829320',
      siret: '73282932000074',
      vatNumber: 'FR44732829320',
      address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
      email: 'camille@example.fr',
      phone: null,
      iban: 'FR7630006000011234567890189',
      bic: null,
      latePenaltyRatePercent: 12.15,
    },
    buyer: {
      name: 'Imprimerie Durand SAS',
      siren: '443061841',
      vatNumber: null,
      address: { line1: '8 rue de Londres', postalCode: '75009', city: 'Paris', country: 'FR' },
      billingEmail: 'compta@durand.example',
    },
    totals: {
      netCents: 28000,
      vatCents: 4600,
      grossCents: 32600,
      byRate: [
        { vatRateBp: 1000, netCents: 10000, vatCents: 1000 },
        { vatRateBp: 2000, netCents: 18000, vatCents: 3600 },
      ],
    },
    lines: [
      {
        description: 'Support',
        quantityHundredths: 150,
        unit: 'hour',
        unitPriceCents: 12000,
        vatRateBp: 2000,
        amountCents: 18000,
      },
      {
        description: 'Formation',
        quantityHundredths: 100,
        unit: 'event',
        unitPriceCents: 10000,
        vatRateBp: 1000,
        amountCents: 10000,
      },
    ],
    creditedInvoice: null,
    ...overrides,
  };
}

/** The names of the elements in document order, without prefixes. */
const elementNames = (xml: string) => [...xml.matchAll(/<(?:\w+):(\w+)[\s>/]/g)].map((m) => m[1]);

describe('decimal2', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [12345, '123.45'],
    [-9000, '-90.00'],
    [550, '5.50'],
    [210, '2.10'],
    [100_000_000_00, '100000000.00'],
  ])('%i hundredths read %s', (hundredths, text) => {
    expect(decimal2(hundredths)).toBe(text);
  });

  it('refuses what is not whole hundredths', () => {
    expect(() => decimal2(1.5)).toThrow(RangeError);
  });
});

describe('buildCiiXml', () => {
  const xml = buildCiiXml(ciiViewOf(invoice(), fr));

  it('puts the parts in the order of the schema', () => {
    const names = elementNames(xml);
    const order = [
      'ExchangedDocumentContext',
      'ExchangedDocument',
      'SupplyChainTradeTransaction',
      'IncludedSupplyChainTradeLineItem',
      'ApplicableHeaderTradeAgreement',
      'SellerTradeParty',
      'BuyerTradeParty',
      'ApplicableHeaderTradeDelivery',
      'ApplicableHeaderTradeSettlement',
      'InvoiceCurrencyCode',
      'SpecifiedTradeSettlementPaymentMeans',
      'CalculatedAmount',
      'BillingSpecifiedPeriod',
      'SpecifiedTradePaymentTerms',
      'SpecifiedTradeSettlementHeaderMonetarySummation',
    ];
    const firsts = order.map((name) => names.indexOf(name));
    expect(firsts.every((at) => at >= 0)).toBe(true);
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
  });

  it('states the guideline, the number, type and issue date', () => {
    expect(xml).toContain(
      '<ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID>',
    );
    expect(xml).toContain(
      '<ram:ID>F2026-00001</ram:ID><ram:TypeCode>380</ram:TypeCode><ram:IssueDateTime><udt:DateTimeString format="102">20261102</udt:DateTimeString>',
    );
  });

  it.each([
    ['BAR', 'B2B'],
    ['PMD', 'Pénalités de retard : taux annuel de 12,15 %'],
    ['PMT', 'Indemnité forfaitaire pour frais de recouvrement : 40 €'],
    ['AAB', 'Pas d’escompte pour paiement anticipé'],
  ])('carries the %s note', (code, content) => {
    expect(xml.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      `<ram:IncludedNote><ram:Content>${content}</ram:Content><ram:SubjectCode>${code}</ram:SubjectCode></ram:IncludedNote>`,
    );
  });

  it('writes each line: id, name, net price, quantity with its unit, VAT, total', () => {
    expect(xml).toContain(
      '<ram:IncludedSupplyChainTradeLineItem><ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument><ram:SpecifiedTradeProduct><ram:Name>Support</ram:Name></ram:SpecifiedTradeProduct><ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>120.00</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement><ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="HUR">1.50</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery><ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20.00</ram:RateApplicablePercent></ram:ApplicableTradeTax><ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>180.00</ram:LineTotalAmount>',
    );
    expect(xml).toContain('<ram:BilledQuantity unitCode="C62">1.00</ram:BilledQuantity>');
  });

  it('names both parties by SIREN (0002) and French directory address (0225)', () => {
    expect(xml).toContain(
      '<ram:GlobalID schemeID="0009">73282932000074</ram:GlobalID><ram:Name>Camille Martin Conseil EI</ram:Name><ram:Description>Entrepreneur individuel (EI)</ram:Description><ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">732829320</ram:ID>',
    );
    expect(xml).toContain('<ram:URIID schemeID="0225">732829320</ram:URIID>');
    expect(xml).toContain('<ram:ID schemeID="VA">FR44732829320</ram:ID>');
    expect(xml).toContain(
      '<ram:BuyerTradeParty><ram:Name>Imprimerie Durand SAS</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">443061841</ram:ID>',
    );
    expect(xml).toContain('<ram:URIID schemeID="0225">443061841</ram:URIID>');
  });

  it('asks for a credit transfer to the IBAN, with terms, due date and VAT per rate', () => {
    expect(xml).toContain(
      '<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>30</ram:TypeCode><ram:PayeePartyCreditorFinancialAccount><ram:IBANID>FR7630006000011234567890189</ram:IBANID>',
    );
    expect(xml).toContain(
      '<ram:ApplicableTradeTax><ram:CalculatedAmount>10.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>100.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:DueDateTypeCode>72</ram:DueDateTypeCode><ram:RateApplicablePercent>10.00</ram:RateApplicablePercent></ram:ApplicableTradeTax>',
    );
    expect(xml).toContain(
      '<ram:SpecifiedTradePaymentTerms><ram:Description>Paiement à 30 jours à compter de la date d’émission</ram:Description><ram:DueDateDateTime><udt:DateTimeString format="102">20261202</udt:DateTimeString>',
    );
    expect(xml).toContain(
      '<ram:LineTotalAmount>280.00</ram:LineTotalAmount><ram:TaxBasisTotalAmount>280.00</ram:TaxBasisTotalAmount><ram:TaxTotalAmount currencyID="EUR">46.00</ram:TaxTotalAmount><ram:GrandTotalAmount>326.00</ram:GrandTotalAmount><ram:DuePayableAmount>326.00</ram:DuePayableAmount>',
    );
  });

  it('gives the same bytes for the same document', () => {
    expect(buildCiiXml(ciiViewOf(invoice(), fr))).toBe(xml);
  });

  it('escapes what the parties type', () => {
    const doc = invoice({
      buyer: { ...invoice().buyer, name: 'Durand & Fils <Atelier>' },
    });
    expect(buildCiiXml(ciiViewOf(doc, fr))).toContain(
      '<ram:Name>Durand &amp; Fils &lt;Atelier&gt;</ram:Name>',
    );
  });
});

describe('ciiViewOf', () => {
  const noVat = (regime: IssuedDocument['vatRegime']) =>
    invoice({
      vatRegime: regime,
      totals: {
        netCents: 28000,
        vatCents: 0,
        grossCents: 28000,
        byRate: [{ vatRateBp: 0, netCents: 28000, vatCents: 0 }],
      },
    });

  it.each([
    ['franchise', 'E', 'VATEX-FR-FRANCHISE', 'TVA non applicable, art. 293 B du CGI'],
    ['reverse_charge', 'AE', 'VATEX-EU-AE', 'Autoliquidation, art. 283-2 du CGI'],
    ['export', 'G', 'VATEX-EU-G', 'TVA non applicable – art. 259-1 du CGI'],
  ] as const)(
    'under %s: every line %s at 0 %%, one row with %s',
    (regime, category, code, reason) => {
      const view = ciiViewOf(noVat(regime), fr);
      expect(view.lines.map((l) => [l.category, l.rateBp])).toEqual([
        [category, 0],
        [category, 0],
      ]);
      expect(view.vat).toEqual([
        {
          category,
          rateBp: 0,
          basisCents: 28000,
          taxCents: 0,
          exemptionCode: code,
          exemptionReason: reason,
          dueDateTypeCode: null,
        },
      ]);
    },
  );

  it('states a 0 % line of a taxed invoice by its own exemption, beside the taxed rows', () => {
    const base = invoice();
    const doc = invoice({
      lines: [
        ...base.lines,
        {
          description: 'Formation certifiante',
          quantityHundredths: 100,
          unit: 'unit',
          unitPriceCents: 5000,
          vatRateBp: 0,
          amountCents: 5000,
          vatExemption: 'training',
        },
      ],
      totals: {
        ...base.totals,
        netCents: 33000,
        grossCents: 37600,
        byRate: [{ vatRateBp: 0, netCents: 5000, vatCents: 0 }, ...base.totals.byRate],
      },
    });
    const view = ciiViewOf(doc, fr);
    expect(view.lines[2]).toMatchObject({ category: 'E', rateBp: 0 });
    expect(view.vat.map((r) => [r.category, r.rateBp, r.basisCents, r.exemptionCode])).toEqual([
      ['S', 1000, 10000, null],
      ['S', 2000, 18000, null],
      ['E', 0, 5000, 'VATEX-EU-132-1I'],
    ]);
  });

  it('states VAT due at the invoice date (5) under the option for debits', () => {
    const doc = invoice({ seller: { ...invoice().seller, vatOnDebits: true } });
    expect(ciiViewOf(doc, fr).vat.map((r) => r.dueDateTypeCode)).toEqual(['5', '5']);
  });

  it("prints a company's form, capital and registry as its legal information", () => {
    const doc = invoice({
      seller: {
        ...invoice().seller,
        name: 'Martin Conseil',
        legalForm: 'SASU',
        shareCapitalCents: 500000,
        tradeRegistry: 'RCS',
        tradeRegistryCity: 'Lyon',
      },
    });
    const seller = ciiViewOf(doc, fr).seller;
    expect(seller.name).toBe('Martin Conseil');
    expect(seller.legalInfo?.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'SASU au capital de 5 000 €, RCS Lyon 732 829 320',
    );
  });

  it('turns a credit note into a 381 with positive amounts and its invoice', () => {
    const base = invoice();
    const note = ciiViewOf(
      invoice({
        kind: 'credit_note',
        number: 'A2026-00001',
        dueDate: '2026-11-02',
        paymentTermsDays: null,
        lines: base.lines.map((l) => ({
          ...l,
          unitPriceCents: -l.unitPriceCents,
          amountCents: -l.amountCents,
        })),
        totals: {
          netCents: -28000,
          vatCents: -4600,
          grossCents: -32600,
          byRate: base.totals.byRate.map((r) => ({
            vatRateBp: r.vatRateBp,
            netCents: -r.netCents,
            vatCents: -r.vatCents,
          })),
        },
        creditedInvoice: { number: 'F2026-00001', issueDate: '2026-11-02' },
      }),
      fr,
    );
    expect(note.typeCode).toBe('381');
    expect(note.payment).toBeNull();
    expect(note.lines.map((l) => [l.netPriceCents, l.lineTotalCents])).toEqual([
      [12000, 18000],
      [10000, 10000],
    ]);
    expect(note.totals).toEqual({
      lineTotalCents: 28000,
      taxBasisCents: 28000,
      taxCents: 4600,
      grandTotalCents: 32600,
      duePayableCents: 32600,
    });
    expect(note.precedingInvoice).toEqual({ number: 'F2026-00001', issueDate: '2026-11-02' });
    expect(buildCiiXml(note)).toContain(
      '<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>F2026-00001</ram:IssuerAssignedID><ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20261102</qdt:DateTimeString>',
    );
  });

  it.each([
    ['a French company', 'B2B', '0225', { siren: '443061841', vatNumber: null, country: 'FR' }],
    ['a French person', 'B2C', 'EM', { siren: null, vatNumber: null, country: 'FR' }],
    ['a business abroad', 'B2BINT', 'EM', { siren: null, vatNumber: 'DE123456789', country: 'DE' }],
  ])('reads %s as %s, its address of scheme %s', (_who, category, scheme, b) => {
    const base = invoice().buyer;
    const view = ciiViewOf(
      invoice({
        buyer: {
          ...base,
          siren: b.siren,
          vatNumber: b.vatNumber,
          address: { ...base.address, country: b.country },
        },
      }),
      fr,
    );
    expect(view.notes[0]).toEqual({ subjectCode: 'BAR', content: category });
    expect(view.buyer.electronicAddress?.scheme).toBe(scheme);
  });

  it('gives a seller without VAT number its SIRET as tax registration (BT-32)', () => {
    const view = ciiViewOf(
      invoice({ ...noVat('franchise'), seller: { ...invoice().seller, vatNumber: null } }),
      fr,
    );
    expect(view.seller.taxRegistration).toBe('73282932000074');
    expect(buildCiiXml(view)).toContain('<ram:ID schemeID="FC">73282932000074</ram:ID>');
  });
});
