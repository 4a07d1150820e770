import { onFirstUse } from '../common/on-first-use';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type * as Archiver from 'archiver';
import type { ZipArchive } from 'archiver';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Client } from '../clients/client.entity';
import { DomainError } from '../common/domain-error';
import type { Viewer } from '../common/tenant';
import { summarize } from '../invoicing/invoice-detail';
import { InvoicePdfService } from '../invoicing/invoice-pdf.service';
import { Invoice } from '../invoicing/invoice.entity';
import { InvoicesService } from '../invoicing/invoices.service';
import { PracticeService } from '../practice/practice.service';
import { toCsv, type CsvLocale } from './csv';
import type { ExportPeriodQuery } from './dto/export-query.dto';
import { buildFec, type FecFile } from './fec';
import { invoiceJournalRows, type JournalDoc, type JournalPayment } from './invoice-journal';
import { goodsNetByDocument, paymentsReceivedIn, settlementFacts } from './journal-queries';
import { toJournalDoc, toJournalPayment, type CurrentClient } from './journal-source';
import { letterings } from './lettering';

const archiver = onFirstUse<typeof Archiver>('archiver');

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer | Readable;
}

/** The accountant's files: the sales journal as CSV, the FEC, and the PDFs of a period. */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoicesService,
    private readonly pdfs: InvoicePdfService,
    private readonly practice: PracticeService,
  ) {}

  async journalCsv(period: ExportPeriodQuery, locale?: CsvLocale): Promise<ExportFile> {
    const practice = await this.practice.get();
    const docs = await this.journalDocs(period);
    const csv = toCsv(invoiceJournalRows(docs, locale ?? practice.locale), {
      locale: locale ?? practice.locale,
    });
    return {
      fileName: `journal-ventes-${period.from}-${period.to}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(csv, 'utf8'),
    };
  }

  /**
   * The FEC of the period, `to` being the closing date its name carries: the documents issued
   * and the payments received in it, each invoice settled by then lettered with its payments
   * and credit notes.
   */
  async fec(period: ExportPeriodQuery): Promise<ExportFile & { fec: FecFile }> {
    const practice = await this.practice.get();
    const { docs, payments } = await this.fecEntries(period);
    const fec = buildFec(
      docs,
      practice.accounts,
      { siren: practice.siren, closingDate: period.to },
      payments,
    );
    if (fec.replacedCharacters > 0) {
      this.logger.warn(
        `FEC ${fec.fileName}: ${fec.replacedCharacters} characters outside ISO 8859-15 written as "?"`,
      );
    }
    return {
      fileName: fec.fileName,
      contentType: 'text/plain; charset=ISO-8859-15',
      body: fec.bytes,
      fec,
    };
  }

  /**
   * A ZIP of the period's PDFs, `<number>.pdf` each, streamed as it is made: each PDF is
   * rendered once the previous one has gone into the archive, so memory holds one at a time.
   */
  async pdfZip(viewer: Viewer, period: ExportPeriodQuery): Promise<ExportFile> {
    const docs = await this.issuedIn(period);
    // PDFs are compressed already: storing them saves time for nothing lost.
    const archive = new (archiver().ZipArchive)({ store: true });
    void this.fillArchive(archive, viewer, docs);
    return {
      fileName: `factures-${period.from}-${period.to}.zip`,
      contentType: 'application/zip',
      body: archive,
    };
  }

  private async fillArchive(archive: ZipArchive, viewer: Viewer, docs: Invoice[]): Promise<void> {
    try {
      for (const doc of docs) {
        const { pdf } = await this.pdfs.render(viewer, doc.id);
        const written = new Promise((resolve) => archive.once('entry', resolve));
        archive.append(pdf, {
          name: `${doc.number!.replace(/[\\/]/g, '-')}.pdf`,
          date: doc.issuedAt ?? undefined,
        });
        await written;
      }
      await archive.finalize();
    } catch (error) {
      this.logger.error(`The PDF archive stopped: ${(error as Error).message}`);
      archive.destroy(error as Error);
    }
  }

  /** Issued invoices and credit notes of the period, in journal form. */
  async journalDocs(period: ExportPeriodQuery): Promise<JournalDoc[]> {
    const docs = await this.issuedIn(period);
    const m = this.dataSource.manager;
    const ids = docs.map((d) => d.id);
    const [figures, today, clients, goods] = await Promise.all([
      this.invoices.figures(m, ids),
      this.invoices.today(),
      this.clients(),
      goodsNetByDocument(m, ids),
    ]);
    return docs.map((doc) => {
      const summary = summarize(
        doc,
        figures.get(doc.id) ?? { paidCents: 0, creditedCents: 0 },
        today,
      );
      const journal = toJournalDoc(doc, summary, clients(doc.clientId));
      return { ...journal, goodsNetCents: goods.get(doc.id) ?? 0 };
    });
  }

  /** The period's documents and payments, lettered by what settles each invoice at its end. */
  private async fecEntries(
    period: ExportPeriodQuery,
  ): Promise<{ docs: JournalDoc[]; payments: JournalPayment[] }> {
    const m = this.dataSource.manager;
    const [docs, rows, clients] = await Promise.all([
      this.journalDocs(period),
      paymentsReceivedIn(m, period),
      this.clients(),
    ]);
    const invoiceOf = (doc: JournalDoc) =>
      (doc.kind === 'invoice' ? doc.id : doc.creditedInvoiceId) ?? '';
    const invoiceIds = [
      ...new Set([...docs.map(invoiceOf), ...rows.map((r) => r.invoiceId)].filter(Boolean)),
    ];
    const settled = letterings(await settlementFacts(m, invoiceIds, period.to));
    return {
      docs: docs.map((doc) => ({ ...doc, lettering: settled.get(invoiceOf(doc)) ?? null })),
      payments: rows.map((row) => ({
        ...toJournalPayment(row, clients(row.clientId)),
        lettering: settled.get(row.invoiceId) ?? null,
      })),
    };
  }

  /** Today's name and account code of each client, for documents issued before snapshots had them. */
  private async clients(): Promise<(id: string) => CurrentClient> {
    const rows = await this.dataSource.manager.find(Client, {
      select: { id: true, name: true, accountCode: true },
    });
    const byId = new Map(rows.map((c) => [c.id, c]));
    return (id) => byId.get(id) ?? { name: '', accountCode: '' };
  }

  private issuedIn(period: ExportPeriodQuery): Promise<Invoice[]> {
    if (period.from > period.to) {
      const message = `the period ends (${period.to}) before it starts (${period.from})`;
      throw new DomainError('invalid.period', message, [
        { field: 'to', message, reason: 'order', from: period.from, to: period.to },
      ]);
    }
    return this.dataSource
      .getRepository(Invoice)
      .createQueryBuilder('i')
      .where("i.status = 'issued'")
      .andWhere('i.issueDate >= :from AND i.issueDate <= :to', period)
      .orderBy('i.issueDate')
      .addOrderBy('i.chainSeq')
      .getMany();
  }
}
