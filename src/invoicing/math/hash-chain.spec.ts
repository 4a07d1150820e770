import fc from 'fast-check';
import {
  canonicalInvoiceContent,
  chainHash,
  verifyChain,
  type ChainLink,
  type FrozenDocument,
} from './hash-chain';

function invoiceNo(k: number, previousHash: string | null): FrozenDocument {
  return {
    number: `F2026-${String(k + 1).padStart(5, '0')}`,
    kind: 'invoice',
    issueDate: '2026-06-01',
    dueDate: '2026-07-01',
    periodStart: '2026-05-01',
    periodEnd: '2026-05-31',
    seller: {
      name: 'Claire Martin EI',
      siren: '123456789',
      address: { city: 'Lyon', postalCode: '69001' },
    },
    buyer: { name: 'Acme SAS', siren: '987654321', vatNumber: null },
    lines: [
      {
        description: 'Support, normal urgency',
        quantity: 1.5,
        unit: 'hour',
        unitPriceCents: 8000,
        vatRateBp: 2000,
        amountCents: 12_000,
      },
    ],
    totals: {
      netCents: 12_000,
      vatCents: 2400,
      grossCents: 14_400,
      byRate: [{ vatRateBp: 2000, netCents: 12_000, vatCents: 2400 }],
    },
    previousHash,
    referencedInvoiceNumber: null,
  };
}

/** Issues `count` documents the way the service does: each chained to the one before. */
function issueChain(count: number): { docs: FrozenDocument[]; links: ChainLink[] } {
  const docs: FrozenDocument[] = [];
  const links: ChainLink[] = [];
  let previousHash: string | null = null;
  for (let k = 0; k < count; k++) {
    const doc = invoiceNo(k, previousHash);
    const canonical = canonicalInvoiceContent(doc);
    const hash = chainHash(canonical, previousHash);
    docs.push(doc);
    links.push({ number: doc.number, canonical, hash, previousHash });
    previousHash = hash;
  }
  return { docs, links };
}

describe('canonicalInvoiceContent', () => {
  it('is compact JSON with sorted keys, whatever order the fields come in', () => {
    const doc = invoiceNo(0, null);
    const reordered = {
      ...doc,
      seller: {
        address: { postalCode: '69001', city: 'Lyon' },
        siren: '123456789',
        name: 'Claire Martin EI',
      },
    };
    const text = canonicalInvoiceContent(doc);
    expect(canonicalInvoiceContent(reordered)).toBe(text);
    expect(text).not.toMatch(/\s"|":\s|,\s"/);
    expect(
      text.startsWith('{"buyer":{"name":"Acme SAS","siren":"987654321"},"dueDate":"2026-07-01"'),
    ).toBe(true);
  });

  it('leaves out what the document does not show (ids, status, line kinds)', () => {
    const doc = invoiceNo(0, null);
    const withInternals = {
      ...doc,
      id: 'c0ffee',
      status: 'paid',
      lines: doc.lines.map((l) => ({ ...l, kind: 'time', interventionIds: ['x'] })),
    };
    expect(canonicalInvoiceContent(withInternals)).toBe(canonicalInvoiceContent(doc));
  });

  it('reads a missing optional field and a null one alike, as a database round trip does', () => {
    const doc = invoiceNo(0, null);
    expect(canonicalInvoiceContent({ ...doc, referencedInvoiceNumber: undefined })).toBe(
      canonicalInvoiceContent(doc),
    );
  });

  it('covers what else the PDF prints when given: language, notes, terms, details, the file', () => {
    const doc = invoiceNo(0, null);
    const printed: FrozenDocument = {
      ...doc,
      locale: 'fr',
      notes: 'Avoir pour remise',
      paymentTermsDays: 30,
      pdfSha256: 'd'.repeat(64),
      lines: doc.lines.map((l) => ({ ...l, details: ['03/11 09:00–10:30 · Serveur mail HS'] })),
    };
    const text = canonicalInvoiceContent(printed);
    expect(text).toContain('"details":["03/11 09:00–10:30 · Serveur mail HS"]');
    expect(text).toContain(`"locale":"fr","notes":"Avoir pour remise","number"`);
    expect(text).toContain(`"paymentTermsDays":30,"pdfSha256":"${'d'.repeat(64)}"`);
    // Left out, they leave the content exactly as documents issued before them were hashed.
    expect(canonicalInvoiceContent(doc)).not.toMatch(/details|locale|notes|pdfSha256/);
  });
});

describe('chainHash', () => {
  it('is a SHA-256 in hex that depends on the previous hash', () => {
    const canonical = canonicalInvoiceContent(invoiceNo(0, null));
    expect(chainHash(canonical, null)).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(canonical, 'a'.repeat(64))).not.toBe(chainHash(canonical, null));
  });
});

describe('verifyChain', () => {
  it('finds an intact chain intact', () => {
    expect(verifyChain(issueChain(4).links)).toEqual({ ok: true, checked: 4 });
    expect(verifyChain([])).toEqual({ ok: true, checked: 0 });
  });

  it('breaks at a deleted document', () => {
    const { links } = issueChain(4);
    expect(verifyChain([links[0], links[1], links[3]])).toEqual({
      ok: false,
      checked: 3,
      firstBrokenNumber: 'F2026-00004',
    });
  });

  it('breaks at two documents swapped', () => {
    const { links } = issueChain(3);
    expect(verifyChain([links[0], links[2], links[1]])).toMatchObject({
      ok: false,
      firstBrokenNumber: 'F2026-00003',
    });
  });

  it('breaks at a stored hash recomputed by a forger who forgot the next link', () => {
    const { docs, links } = issueChain(3);
    const forged = canonicalInvoiceContent({ ...docs[1], buyer: { name: 'Other SARL' } });
    links[1] = { ...links[1], canonical: forged, hash: chainHash(forged, links[1].previousHash) };
    expect(verifyChain(links)).toMatchObject({
      ok: false,
      checked: 3,
      firstBrokenNumber: 'F2026-00003',
    });
  });

  type Edit = (doc: FrozenDocument) => FrozenDocument;
  const edits: Record<string, Edit> = {
    number: (d) => ({ ...d, number: `${d.number}B` }),
    kind: (d) => ({ ...d, kind: 'credit_note' }),
    issueDate: (d) => ({ ...d, issueDate: '2026-06-02' }),
    dueDate: (d) => ({ ...d, dueDate: null }),
    periodEnd: (d) => ({ ...d, periodEnd: '2026-05-30' }),
    sellerName: (d) => ({ ...d, seller: { ...d.seller, name: 'Claire Martin' } }),
    sellerCity: (d) => ({
      ...d,
      seller: { ...d.seller, address: { city: 'Lyon 2e', postalCode: '69001' } },
    }),
    buyerVat: (d) => ({ ...d, buyer: { ...d.buyer, vatNumber: 'FR00987654321' } }),
    lineDescription: (d) => ({ ...d, lines: [{ ...d.lines[0], description: 'Support' }] }),
    lineQuantity: (d) => ({ ...d, lines: [{ ...d.lines[0], quantity: 1.51 }] }),
    lineUnit: (d) => ({ ...d, lines: [{ ...d.lines[0], unit: 'unit' }] }),
    lineUnitPrice: (d) => ({ ...d, lines: [{ ...d.lines[0], unitPriceCents: 8001 }] }),
    lineVatRate: (d) => ({ ...d, lines: [{ ...d.lines[0], vatRateBp: 550 }] }),
    lineAmount: (d) => ({ ...d, lines: [{ ...d.lines[0], amountCents: 12_001 }] }),
    extraLine: (d) => ({ ...d, lines: [...d.lines, d.lines[0]] }),
    net: (d) => ({ ...d, totals: { ...d.totals, netCents: 12_001 } }),
    vat: (d) => ({ ...d, totals: { ...d.totals, vatCents: 2401 } }),
    gross: (d) => ({ ...d, totals: { ...d.totals, grossCents: 14_401 } }),
    rateVat: (d) => ({
      ...d,
      totals: { ...d.totals, byRate: [{ ...d.totals.byRate[0], vatCents: 0 }] },
    }),
    previousHash: (d) => ({ ...d, previousHash: 'f'.repeat(64) }),
    referenced: (d) => ({ ...d, referencedInvoiceNumber: 'F2026-00001' }),
  };

  it('detects any single-field change of any document', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((count) => fc.tuple(fc.constant(count), fc.integer({ min: 0, max: count - 1 }))),
        fc.constantFrom(...Object.keys(edits)),
        ([count, target], field) => {
          const { docs, links } = issueChain(count);
          const edited = edits[field](docs[target]);
          // The verifier recomputes the content from the stored fields, the hashes stay as issued.
          links[target] = {
            ...links[target],
            number: edited.number,
            previousHash: edited.previousHash,
            canonical: canonicalInvoiceContent(edited),
          };
          expect(verifyChain(links)).toEqual({
            ok: false,
            checked: target + 1,
            firstBrokenNumber: edited.number,
          });
        },
      ),
    );
  });
});
