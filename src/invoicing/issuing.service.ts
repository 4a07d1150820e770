import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addDays, localDate } from '../calendar';
import { Client } from '../clients/client.entity';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import { vatArea } from '../common/vat-area';
import { Contract } from '../contracts/contract.entity';
import { isCompanyLegalForm, registrationProblems } from '../practice/legal-mentions';
import type { Practice } from '../practice/practice.entity';
import { PracticeService } from '../practice/practice.service';
import { Locks } from '../common/locks';
import { ChainService } from './chain.service';
import { totalsColumns, vatTermsFor } from './draft-lines.service';
import { notADraft } from './drafts.service';
import { frozenDocumentOf } from './frozen-document';
import type { InvoiceDetail } from './invoice-detail';
import { InvoiceDocuments } from './invoice-documents';
import { InvoiceLine } from './invoice-line.entity';
import { InvoicePdfService } from './invoice-pdf.service';
import { Invoice } from './invoice.entity';
import { InvoicesService } from './invoices.service';
import { draftLineOf } from './line-rows';
import {
  canonicalInvoiceContent,
  chainHash,
  computeTotals,
  formatDocumentNumber,
  seriesKey,
  type InvoiceTotals,
} from './math';
import { buyerSnapshot, sellerSnapshot, type BuyerSnapshot } from './snapshots';

/** French law caps payment terms between businesses at 60 days (Code de commerce L441-10). */
export const MAX_PAYMENT_TERMS_DAYS = 60;

export interface SealTerms {
  practice: Practice;
  numberFormat: string;
  buyer: BuyerSnapshot;
  /** null: due on issue (a credit note). */
  paymentTermsDays: number | null;
  /** A credit note's invoice number, hashed with it. */
  referencedInvoiceNumber: string | null;
  /** A credit note's totals (VAT rounded over all its invoice's notes); else from the lines. */
  totals?: InvoiceTotals;
}

/** A unique index refused the row (PostgreSQL 23505, SQLite's UNIQUE constraint). */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** With VAT, or under reverse charge, French law requires the seller's VAT number on the invoice. */
function assertSellerVatNumber(draft: Invoice, practice: Practice): void {
  if (draft.vatRegime === 'franchise' || practice.vatNumber) return;
  throw new DomainError(
    'rule.seller_vat_number',
    "An invoice with VAT or under reverse charge shows the seller's VAT number: set the practice's vatNumber first",
    [{ field: 'vatNumber', message: "the practice's VAT number is missing" }],
  );
}

/** Where the consultant completes the practice's legal identity. */
export const IDENTITY_SETTINGS_PAGE = '/console/settings/identity';

/** The missing mentions as one word a message selects on: registry, city, capital, or joined by _. */
const MISSING_WORDS: Record<string, string> = {
  tradeRegistry: 'registry',
  tradeRegistryCity: 'city',
  shareCapitalCents: 'capital',
};

/**
 * A company prints its registry with its city, and its share capital (art. R123-237 C. com.): a
 * practice stored before they were asked for cannot issue until its identity names them.
 */
export function assertSellerRegistration(practice: Practice): void {
  if (!isCompanyLegalForm(practice.legalForm)) return;
  const problems = registrationProblems(practice);
  if (problems.length === 0) return;
  const missing = problems.map((p) => MISSING_WORDS[p.field ?? '']).join('_');
  const legalForm = practice.legalForm.trim();
  throw new DomainError(
    'rule.seller_registration',
    `The practice is a company (${legalForm}): its invoices state its registration and share capital; complete its identity (${IDENTITY_SETTINGS_PAGE}) before issuing`,
    problems.map((p) => ({ ...p, legalForm, missing, settingsPage: IDENTITY_SETTINGS_PAGE })),
  );
}

/**
 * A French business buys under its SIREN, which the invoice prints (mandatory under the
 * e-invoicing reform): a client in France with a VAT number and no SIREN cannot be invoiced yet.
 */
export function assertBuyerSiren(client: Client): void {
  const business = (client.vatNumber ?? '').trim() !== '';
  if (!business || vatArea(client.address.country) !== 'france' || client.siren) return;
  throw new DomainError(
    'rule.buyer_siren',
    `The client ${client.name} is a French business: set its SIREN before issuing its invoice`,
    [
      {
        field: 'siren',
        message: "the client's SIREN is missing",
        clientId: client.id,
        client: client.name,
      },
    ],
  );
}

/** Issuing: a draft becomes a numbered, dated, hashed and frozen document. */
@Injectable()
export class IssuingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly practice: PracticeService,
    private readonly chain: ChainService,
    private readonly invoices: InvoicesService,
    private readonly pdfs: InvoicePdfService,
    private readonly documents: InvoiceDocuments,
    private readonly clock: Clock,
  ) {}

  async issue(id: string): Promise<InvoiceDetail> {
    const found = await this.invoices.require(id);
    const locks = [
      Locks.invoiceChain,
      ...(found.contractId ? [Locks.billing(found.contractId)] : []),
    ];
    await this.transactions.run(async (m) => {
      const draft = await m.findOne(Invoice, { where: { id } });
      if (!draft) throw notFound('invoice');
      if (draft.status !== 'draft' || draft.kind !== 'invoice') throw notADraft(draft);
      const lines = await m.find(InvoiceLine, { where: { invoiceId: id } });
      if (lines.length === 0) {
        throw new DomainError('rule.empty_invoice', 'An invoice needs at least one line', [
          { field: 'lines', message: 'The draft has no line to bill' },
        ]);
      }
      const practice = await this.practice.get(m);
      const client = await m.findOne(Client, { where: { id: draft.clientId } });
      if (!client) throw notFound('client');
      this.assertRegimeUnchanged(draft, client, practice);
      assertSellerVatNumber(draft, practice);
      assertSellerRegistration(practice);
      assertBuyerSiren(client);
      await this.seal(m, draft, lines, {
        practice,
        numberFormat: practice.invoiceNumberFormat,
        buyer: buyerSnapshot(client),
        paymentTermsDays: await this.paymentTerms(m, draft, practice),
        referencedInvoiceNumber: null,
      });
    }, locks);
    return this.invoices.detail(id);
  }

  /**
   * Numbers, dates, snapshots and hashes the draft `doc`, renders and stores its PDF, and marks
   * it issued. The caller's transaction holds Locks.invoiceChain; the lines are final (the triggers
   * refuse them from now on). A number already taken (two formats giving the same numbers) is
   * a 409, and the transaction leaves nothing behind.
   */
  async seal(
    m: EntityManager,
    doc: Invoice,
    lines: InvoiceLine[],
    terms: SealTerms,
  ): Promise<Invoice> {
    try {
      return await this.sealOnce(m, doc, lines, terms);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError(
        'conflict.number_taken',
        'The next number of this series is already taken by another document: check the invoice and credit-note number formats of the practice',
        [{ field: 'number', message: 'already used by another document' }],
      );
    }
  }

  private async sealOnce(
    m: EntityManager,
    doc: Invoice,
    lines: InvoiceLine[],
    terms: SealTerms,
  ): Promise<Invoice> {
    const now = this.clock.now();
    const today = localDate(now, terms.practice.timezone);
    const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    const key = seriesKey(terms.numberFormat, year);
    const seq = await this.chain.nextSeq(m, key);
    const tip = await this.chain.tip(m);
    const totals =
      terms.totals ??
      computeTotals(
        [...lines].sort((a, b) => a.position - b.position).map(draftLineOf),
        doc.vatRegime,
      );
    const frozen: Partial<Invoice> = {
      status: 'issued',
      number: formatDocumentNumber(terms.numberFormat, { year, month, seq }),
      seriesKey: key,
      seq,
      chainSeq: tip.chainSeq + 1,
      issueDate: today,
      dueDate: addDays(today, terms.paymentTermsDays ?? 0),
      paymentTermsDays: terms.paymentTermsDays,
      seller: sellerSnapshot(terms.practice, today),
      buyer: terms.buyer,
      ...totalsColumns(totals),
      previousHash: tip.hash,
      issuedAt: now,
    };
    const sealed = { ...doc, ...frozen } as Invoice;
    // The PDF is made from the sealed row and its digest chained with the rest.
    const pdf = await this.pdfs.renderIssued(m, sealed, lines, terms.practice);
    const stored = await this.documents.store(m, doc.id, pdf, now);
    sealed.pdfSha256 = stored.sha256;
    const content = frozenDocumentOf(sealed, lines, terms.referencedInvoiceNumber);
    sealed.hash = chainHash(canonicalInvoiceContent(content), tip.hash);
    const result = await m.update(
      Invoice,
      { id: doc.id, status: 'draft' },
      { ...frozen, pdfSha256: sealed.pdfSha256, hash: sealed.hash },
    );
    if (result.affected !== 1) throw notADraft(doc);
    return sealed;
  }

  /** The contract's terms, else the practice's; never beyond the legal 60 days. */
  private async paymentTerms(
    m: EntityManager,
    draft: Invoice,
    practice: Practice,
  ): Promise<number> {
    const contract = draft.contractId
      ? await m.findOne(Contract, { where: { id: draft.contractId } })
      : null;
    const days = contract?.paymentTermsDays ?? practice.paymentTermsDays;
    if (days > MAX_PAYMENT_TERMS_DAYS) {
      throw new DomainError(
        'rule.payment_terms',
        `Payment terms of ${days} days exceed the legal maximum of ${MAX_PAYMENT_TERMS_DAYS} days`,
        [
          {
            field: 'paymentTermsDays',
            message: `at most ${MAX_PAYMENT_TERMS_DAYS} days`,
            days,
            maxDays: MAX_PAYMENT_TERMS_DAYS,
          },
        ],
      );
    }
    return days;
  }

  /** The draft's totals were computed under a VAT regime; a changed client must rebuild it. */
  private assertRegimeUnchanged(draft: Invoice, client: Client, practice: Practice): void {
    const { regime } = vatTermsFor({ client, practice });
    if (regime !== draft.vatRegime) {
      const message = `The VAT regime is now ${regime} (the draft was built under ${draft.vatRegime}): rebuild the draft before issuing it`;
      throw new DomainError('conflict.vat_regime_changed', message, [
        { message, regime, draftRegime: draft.vatRegime },
      ]);
    }
  }
}
