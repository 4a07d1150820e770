import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Client } from '../clients/client.entity';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { formatDate, formatMoney } from '../common/format';
import { Locks } from '../common/locks';
import type { Viewer } from '../common/tenant';
import { Transactions } from '../common/transactions';
import type { Locale } from '../i18n/catalogue';
import { MailAttachments } from '../mail/mail-attachments';
import { renderMail } from '../mail/mail-templates';
import type { OutboxAttachment } from '../mail/outbox-message.entity';
import { Outbox } from '../mail/outbox.service';
import { Practice } from '../practice/practice.entity';
import { InvoiceDocuments } from './invoice-documents';
import type { InvoiceDetail } from './invoice-detail';
import { InvoicePdfService } from './invoice-pdf.service';
import { InvoiceReminderStop } from './invoice-reminder-stop.entity';
import { InvoiceSend } from './invoice-send.entity';
import { pdfFileName } from './invoice-view.mapper';
import { Invoice } from './invoice.entity';
import { InvoicesService } from './invoices.service';

/** The source under which the sender reads an issued document's stored PDF. */
export const INVOICE_PDF_SOURCE = 'invoice-pdf';

/** One document sent by a period's send. */
export interface SentDocument {
  id: string;
  number: string;
  kind: Invoice['kind'];
  sentTo: string;
}

/** What a period's send did: the documents sent, in the order of their numbers. */
export interface PeriodSend {
  from: string;
  to: string;
  sent: SentDocument[];
}

/** The stored PDF of an issued document, as a message carries it: read by the sender at send time. */
export function storedPdfAttachment(doc: Invoice): OutboxAttachment {
  return {
    filename: pdfFileName(doc),
    contentType: 'application/pdf',
    source: INVOICE_PDF_SOURCE,
    key: doc.id,
  };
}

/** The mail's words and recipient for a document of a client: the client's language, else the practice's. */
export async function billingRecipient(
  m: EntityManager,
  clientId: string,
): Promise<{ client: Client; practice: Practice; locale: Locale; address: string }> {
  const client = await m.findOneByOrFail(Client, { id: clientId });
  const [practice] = await m.getRepository(Practice).find({ take: 1 });
  const address = client.billingEmail?.trim() ?? '';
  if (!address) {
    const message = `The client ${client.name} has no billing address: set one on the client first`;
    throw new DomainError('conflict.no_billing_email', message, [
      { message, clientId: client.id, clientName: client.name },
    ]);
  }
  return { client, practice, locale: client.locale ?? practice.locale, address };
}

/**
 * Issued invoices and credit notes by mail, from the console: one by one or all the unsent
 * documents of a period, to the client's billing address, in the client's language, with the PDF
 * stored at issue attached (a Factur-X: its XML travels inside). Each send is recorded beside the
 * frozen document; sending again is allowed and recorded too. The stored PDF is read by the
 * sender when the message leaves, through the `invoice-pdf` source registered here, so the file
 * received is byte for byte the one stored.
 */
@Injectable()
export class InvoiceMail implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly attachments: MailAttachments,
    private readonly documents: InvoiceDocuments,
    private readonly pdfs: InvoicePdfService,
    private readonly invoices: InvoicesService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.attachments.register(
      INVOICE_PDF_SOURCE,
      async (key, m) => (await this.documents.read(key, m))?.pdf ?? null,
    );
  }

  /** Sends one issued document to its client's billing address (again, if it was sent). */
  async send(viewer: Viewer, id: string): Promise<InvoiceDetail> {
    const doc = await this.invoices.findVisible(viewer, id);
    if (doc.status !== 'issued') {
      const message = 'A draft is not sent: issue it first';
      throw new DomainError('conflict.not_sendable', message, [{ message }]);
    }
    // Checks the stored PDF (or stores that of a document issued before PDFs were stored).
    await this.pdfs.render(viewer, id);
    await this.transactions.run((m) => this.enqueue(m, doc, viewer.id), [Locks.invoiceMail(id)]);
    return this.invoices.detail(id);
  }

  /**
   * Sends every issued document of the period (by issue date) not sent yet, each in its own
   * transaction: one already sent meanwhile by someone else is left as it is.
   */
  async sendPeriod(viewer: Viewer, period: { from: string; to: string }): Promise<PeriodSend> {
    if (period.to < period.from) {
      const message = 'to must be on or after from';
      throw new DomainError('invalid.period', message, [{ field: 'to', message, ...period }]);
    }
    const unsent = await this.unsentIn(period);
    const sent: SentDocument[] = [];
    for (const doc of unsent) {
      await this.pdfs.render(viewer, doc.id);
      const sentTo = await this.transactions.run(
        async (m) => {
          if (await m.existsBy(InvoiceSend, { invoiceId: doc.id })) return null;
          return this.enqueue(m, doc, viewer.id);
        },
        [Locks.invoiceMail(doc.id)],
      );
      if (sentTo) sent.push({ id: doc.id, number: doc.number ?? '', kind: doc.kind, sentTo });
    }
    return { ...period, sent };
  }

  /** Stops the payment reminders of an invoice: none waiting leaves, none is written after. */
  async stopReminders(viewer: Viewer, id: string): Promise<InvoiceDetail> {
    const doc = await this.invoices.findVisible(viewer, id);
    if (doc.status !== 'issued' || doc.kind !== 'invoice') {
      const message = 'Only an issued invoice has payment reminders';
      throw new DomainError('conflict.no_reminders', message, [{ message, kind: doc.kind }]);
    }
    await this.transactions.run(
      async (m) => {
        if (!(await m.existsBy(InvoiceReminderStop, { invoiceId: id }))) {
          await m.insert(InvoiceReminderStop, {
            invoiceId: id,
            stoppedAt: this.clock.now(),
            stoppedBy: viewer.id,
          });
        }
        await this.outbox.cancelPending(m, reminderKeyPrefix(id));
      },
      [Locks.invoiceMail(id)],
    );
    return this.invoices.detail(id);
  }

  /** The issued documents of the period never sent, in the order of the chain. */
  private async unsentIn(period: { from: string; to: string }): Promise<Invoice[]> {
    const m = this.dataSource.manager;
    const docs = await m
      .createQueryBuilder(Invoice, 'i')
      .where("i.status = 'issued'")
      .andWhere('i.issueDate >= :from AND i.issueDate <= :to', period)
      .orderBy('i.chainSeq', 'ASC')
      .getMany();
    if (docs.length === 0) return [];
    const ids = docs.map((d) => d.id);
    const sent = new Set<string>();
    for (let k = 0; k < ids.length; k += 500) {
      const rows = await m.find(InvoiceSend, {
        select: { invoiceId: true },
        where: { invoiceId: In(ids.slice(k, k + 500)) },
      });
      for (const row of rows) sent.add(row.invoiceId);
    }
    return docs.filter((d) => !sent.has(d.id));
  }

  /** Writes the message and records the send, in the caller's transaction; answers the address. */
  private async enqueue(m: EntityManager, doc: Invoice, sentBy: string): Promise<string> {
    const { client, practice, locale, address } = await billingRecipient(m, doc.clientId);
    const credited = doc.creditedInvoiceId
      ? await m.findOneBy(Invoice, { id: doc.creditedInvoiceId })
      : null;
    const isNote = doc.kind === 'credit_note';
    const template = isNote ? 'credit-note' : 'invoice';
    const content = renderMail(template, locale, `mail-billing.${template}.subject`, {
      number: doc.number,
      practiceName: practice.name,
      clientName: client.name,
      issueDate: formatDate(doc.issueDate ?? doc.periodEnd, locale),
      dueDate: doc.dueDate ? formatDate(doc.dueDate, locale) : '',
      amount: formatMoney(Math.abs(doc.grossCents), locale),
      creditedNumber: credited?.number ?? '',
    });
    const outboxId = await this.outbox.enqueue(m, {
      kind: isNote ? 'credit_note' : 'invoice',
      to: { address, name: client.name, locale },
      clientId: client.id,
      content,
      essential: true,
      attachments: [storedPdfAttachment(doc)],
    });
    await m.save(
      m.create(InvoiceSend, {
        invoiceId: doc.id,
        sentTo: address,
        sentAt: this.clock.now(),
        outboxId,
        sentBy,
      }),
    );
    return address;
  }
}

/** The dedupe keys of an invoice's reminders all start so: `reminder:<invoiceId>:<day>`. */
export function reminderKeyPrefix(invoiceId: string): string {
  return `reminder:${invoiceId}:`;
}
