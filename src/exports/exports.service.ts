import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ZipArchive } from 'archiver';
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
import { invoiceJournalRows, type JournalDoc } from './invoice-journal';
import { toJournalDoc } from './journal-source';

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

  /** The FEC of the period, `to` being the closing date its name carries. */
  async fec(period: ExportPeriodQuery): Promise<ExportFile & { fec: FecFile }> {
    const practice = await this.practice.get();
    const docs = await this.journalDocs(period);
    const fec = buildFec(docs, practice.accounts, {
      siren: practice.siren,
      closingDate: period.to,
    });
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
    const archive = new ZipArchive({ store: true });
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
    const [figures, today, clients] = await Promise.all([
      this.invoices.figures(
        m,
        docs.map((d) => d.id),
      ),
      this.invoices.today(),
      m.find(Client, { select: { id: true, name: true, accountCode: true } }),
    ]);
    const byId = new Map(clients.map((c) => [c.id, c]));
    return docs.map((doc) => {
      const summary = summarize(
        doc,
        figures.get(doc.id) ?? { paidCents: 0, creditedCents: 0 },
        today,
      );
      return toJournalDoc(doc, summary, byId.get(doc.clientId) ?? { name: '', accountCode: '' });
    });
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
