import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isAbsolute, join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { localDate } from '../calendar';
import { Client } from '../clients/client.entity';
import { AppConfigService } from '../common/app-config.service';
import { DomainError, notFound } from '../common/domain-error';
import type { Viewer } from '../common/tenant';
import { Contract } from '../contracts/contract.entity';
import type { Practice } from '../practice/practice.entity';
import { PracticeService } from '../practice/practice.service';
import { facturxXmlOf } from './facturx/issued-document';
import { InvoiceDocuments, sha256Of } from './invoice-documents';
import { InvoiceLine } from './invoice-line.entity';
import { Invoice } from './invoice.entity';
import { InvoicesService } from './invoices.service';
import {
  pdfFileName,
  toInvoiceView,
  viewSourceOfDetail,
  viewSourceOfRow,
  type ViewContext,
} from './invoice-view.mapper';
import { renderInvoicePdf } from './pdf/invoice-pdf';
import { buyerSnapshot, sellerSnapshot } from './snapshots';
import { Clock } from '../common/clock';

export interface InvoicePdf {
  fileName: string;
  pdf: Buffer;
}

/**
 * The PDF of an invoice or credit note. An issued document's PDF is rendered once, at issue,
 * and stored (invoice_documents): every download and every ZIP hands out those very bytes,
 * whatever happens later to the templates, the logo or the payments. A draft is rendered on
 * each request, marked BROUILLON.
 */
@Injectable()
export class InvoicePdfService {
  private readonly logger = new Logger(InvoicePdfService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoicesService,
    private readonly practice: PracticeService,
    private readonly documents: InvoiceDocuments,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
  ) {}

  async render(viewer: Viewer, id: string): Promise<InvoicePdf> {
    const doc = await this.invoices.findVisible(viewer, id);
    const fileName = pdfFileName(doc);
    if (doc.status !== 'issued') return { fileName, pdf: await this.renderDraft(id) };
    const stored = await this.documents.read(id);
    if (stored) return { fileName, pdf: this.checked(doc, stored.pdf, stored.sha256) };
    if (doc.pdfSha256 !== null) throw this.altered(doc);
    return { fileName, pdf: await this.storeLegacy(doc) };
  }

  /**
   * The PDF of a document being issued, from its sealed row, in the issue's transaction, with
   * its Factur-X XML attached: the caller stores it and chains its digest.
   */
  async renderIssued(
    m: EntityManager,
    sealed: Invoice,
    lines: InvoiceLine[],
    practice: Practice,
  ): Promise<Buffer> {
    const credited = sealed.creditedInvoiceId
      ? await m.findOne(Invoice, {
          select: { id: true, number: true, issueDate: true },
          where: { id: sealed.creditedInvoiceId },
        })
      : null;
    const view = toInvoiceView(viewSourceOfRow(sealed, lines, credited), {
      currentSeller: sealed.seller!,
      currentBuyer: sealed.buyer!,
      currentPaymentTermsDays: sealed.paymentTermsDays ?? 0,
      logoPath: this.logoPath(practice),
    });
    return renderInvoicePdf(view, {
      createdAt: sealed.issuedAt ?? undefined,
      facturxXml: facturxXmlOf({ doc: sealed, lines, credited }),
    });
  }

  private async renderDraft(id: string): Promise<Buffer> {
    const doc = await this.invoices.detail(id);
    const view = toInvoiceView(viewSourceOfDetail(doc), await this.currentContext(doc));
    return renderInvoicePdf(view, { createdAt: this.clock.now() });
  }

  /** What a draft prints in place of snapshots: the practice, client and terms of today. */
  private async currentContext(
    doc: Pick<Invoice, 'clientId' | 'contractId'>,
  ): Promise<ViewContext> {
    const m = this.dataSource.manager;
    const practice = await this.practice.get();
    const client = await m.findOne(Client, { where: { id: doc.clientId } });
    if (!client) throw notFound('client');
    const contract = doc.contractId
      ? await m.findOne(Contract, { where: { id: doc.contractId } })
      : null;
    return {
      currentSeller: sellerSnapshot(practice, localDate(this.clock.now(), practice.timezone)),
      currentBuyer: buyerSnapshot(client),
      currentPaymentTermsDays: contract?.paymentTermsDays ?? practice.paymentTermsDays,
      logoPath: this.logoPath(practice),
    };
  }

  /**
   * A document issued before PDFs were stored: rendered from its snapshots once, on its first
   * download, and stored; from then on it is served like the others.
   */
  private async storeLegacy(doc: Invoice): Promise<Buffer> {
    const m = this.dataSource.manager;
    const detail = await this.invoices.detail(doc.id);
    const view = toInvoiceView(viewSourceOfDetail(detail), await this.currentContext(doc));
    const [lines, credited] = await Promise.all([
      m.find(InvoiceLine, { where: { invoiceId: doc.id } }),
      doc.creditedInvoiceId ? m.findOne(Invoice, { where: { id: doc.creditedInvoiceId } }) : null,
    ]);
    const pdf = await renderInvoicePdf(view, {
      createdAt: doc.issuedAt ?? undefined,
      facturxXml: doc.seller && doc.buyer ? facturxXmlOf({ doc, lines, credited }) : undefined,
    });
    await this.documents.store(this.dataSource.manager, doc.id, pdf, this.clock.now(), true);
    const stored = await this.documents.read(doc.id);
    return stored ? stored.pdf : pdf;
  }

  /** The stored bytes, if they still hash to the digest stored (and chained) with them. */
  private checked(doc: Invoice, pdf: Buffer, storedSha256: string): Buffer {
    const actual = sha256Of(pdf);
    if (actual === storedSha256 && (doc.pdfSha256 === null || doc.pdfSha256 === actual)) {
      return pdf;
    }
    throw this.altered(doc);
  }

  private altered(doc: Invoice): DomainError {
    this.logger.error(`The stored PDF of ${doc.number} is missing or does not match its digest`);
    const message = `The stored PDF of ${doc.number} is missing or no longer matches the digest recorded at issue: restore it from a backup`;
    return new DomainError('conflict.pdf_altered', message, [{ message, number: doc.number }]);
  }

  /** An absolute path, or null: a relative logo path is read in the data folder. */
  private logoPath(practice: Practice): string | null {
    const logo = practice.logoPath;
    if (!logo) return null;
    return isAbsolute(logo) ? logo : join(this.config.values.DATA_DIR, logo);
  }
}
