import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import type { Viewer } from '../../common/tenant';
import { InvoiceLine } from '../invoice-line.entity';
import { Invoice } from '../invoice.entity';
import { InvoicesService } from '../invoices.service';
import { facturxXmlOf } from './issued-document';

export interface FacturxFile {
  fileName: string;
  xml: string;
}

/** The Factur-X XML of an issued invoice or credit note, as its PDF carries it. */
@Injectable()
export class FacturxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoicesService,
  ) {}

  /** 404 for what the viewer may not see; 409 for a draft, which has no number yet. */
  async xml(viewer: Viewer, id: string): Promise<FacturxFile> {
    const doc = await this.invoices.findVisible(viewer, id);
    if (doc.status !== 'issued' || !doc.number) {
      const message = 'A draft has no Factur-X XML: issue it first';
      throw new DomainError('conflict.facturx_draft', message, [{ message }]);
    }
    const m = this.dataSource.manager;
    const [lines, credited] = await Promise.all([
      m.find(InvoiceLine, { where: { invoiceId: id } }),
      doc.creditedInvoiceId
        ? m.findOne(Invoice, {
            select: { id: true, number: true, issueDate: true },
            where: { id: doc.creditedInvoiceId },
          })
        : null,
    ]);
    return {
      fileName: `${doc.number.replace(/[^\w.-]/g, '_')}.xml`,
      xml: facturxXmlOf({ doc, lines, credited }),
    };
  }
}
