import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isAbsolute, join } from 'node:path';
import { DataSource } from 'typeorm';
import { Client } from '../clients/client.entity';
import { AppConfigService } from '../common/app-config.service';
import { notFound } from '../common/domain-error';
import type { Viewer } from '../common/tenant';
import { Contract } from '../contracts/contract.entity';
import { PracticeService } from '../practice/practice.service';
import { InvoicesService } from './invoices.service';
import { pdfFileName, toInvoiceView } from './invoice-view.mapper';
import { renderInvoicePdf } from './pdf/invoice-pdf';
import { buyerSnapshot, sellerSnapshot } from './snapshots';

export interface InvoicePdf {
  fileName: string;
  pdf: Buffer;
}

/** The PDF of an invoice or credit note, rendered from the stored document on each request. */
@Injectable()
export class InvoicePdfService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoicesService,
    private readonly practice: PracticeService,
    private readonly config: AppConfigService,
  ) {}

  async render(viewer: Viewer, id: string): Promise<InvoicePdf> {
    await this.invoices.findVisible(viewer, id);
    const doc = await this.invoices.detail(id);
    const m = this.dataSource.manager;
    const practice = await this.practice.get();
    const client = await m.findOne(Client, { where: { id: doc.clientId } });
    if (!client) throw notFound('client');
    const contract = doc.contractId
      ? await m.findOne(Contract, { where: { id: doc.contractId } })
      : null;
    const logo = practice.logoPath;
    const view = toInvoiceView(doc, {
      currentSeller: sellerSnapshot(practice),
      currentBuyer: buyerSnapshot(client),
      currentPaymentTermsDays: contract?.paymentTermsDays ?? practice.paymentTermsDays,
      logoPath: !logo ? null : isAbsolute(logo) ? logo : join(this.config.values.DATA_DIR, logo),
    });
    return { fileName: pdfFileName(doc), pdf: await renderInvoicePdf(view) };
  }
}
