import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { addDays, isBusinessInstant, localDate } from '../calendar';
import { formatDate, formatMoney, formatPercent } from '../common/format';
import { Locks } from '../common/locks';
import { Transactions } from '../common/transactions';
import { isUniqueViolation, MailJobs } from '../mail/mail-jobs';
import { renderMail } from '../mail/mail-templates';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { Outbox } from '../mail/outbox.service';
import { Practice } from '../practice/practice.entity';
import { toCalendarSettings } from '../practice/practice.service';
import { buyerCategory } from './facturx/cii-view';
import { billingRecipient, reminderKeyPrefix, storedPdfAttachment } from './invoice-mail.service';
import { InvoiceReminderStop } from './invoice-reminder-stop.entity';
import { Invoice } from './invoice.entity';
import { InvoicesService } from './invoices.service';
import { balanceCents, daysLate, lateAmounts } from './math';

/** The reminder day an invoice `late` days past due has reached: the last of the days ≤ late. */
export function reminderDayReached(reminderDays: readonly number[], late: number): number | null {
  const reached = reminderDays.filter((day) => day <= late);
  return reached.length ? Math.max(...reached) : null;
}

/** The dedupe key of an invoice's reminder of a day: one message each, ever. */
export function reminderKey(invoiceId: string, day: number): string {
  return `${reminderKeyPrefix(invoiceId)}${day}`;
}

/**
 * Payment reminders, a mail job: on a business day, once business hours have opened (never in
 * the evening, on a weekend, a holiday or a closure day), each issued invoice still owed whose
 * due date lies `d` days back, `d` one of the practice's reminder days, gets its reminder of
 * that day, once (dedupe key `reminder:<invoiceId>:<d>`). An invoice found past several days
 * at once (reminders turned on late) gets only the last one. It states the balance (the one
 * payment-status computation), the late-payment penalties so far at the rate the invoice
 * prints and, to a business, the 40 € recovery indemnity, and carries the stored PDF. A full
 * payment cancels what still waits; a stop by hand cancels it and writes no more.
 */
@Injectable()
export class PaymentReminders implements OnModuleInit {
  private readonly logger = new Logger(PaymentReminders.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly jobs: MailJobs,
    private readonly invoices: InvoicesService,
  ) {}

  onModuleInit(): void {
    this.jobs.register('invoicing.payment-reminders', (now) => this.remind(now));
  }

  /** The job: writes the reminders due at `now`, if business hours are open. */
  async remind(now: Date): Promise<void> {
    const m = this.dataSource.manager;
    const [practice] = await m.getRepository(Practice).find({ take: 1 });
    if (!practice || practice.reminderDays.length === 0) return;
    const calendar = toCalendarSettings(practice);
    if (!isBusinessInstant(now, calendar)) return;
    const today = localDate(now, calendar.timezone);
    const due = await this.dueReminders(m, practice.reminderDays, today);
    for (const { invoiceId, day } of due) {
      try {
        await this.transactions.run(
          (tm) => this.enqueue(tm, invoiceId, day, today),
          [Locks.invoiceMail(invoiceId)],
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        this.logger.debug(`reminder ${reminderKey(invoiceId, day)}: written elsewhere`);
      }
    }
  }

  /** Invoices owed, past a reminder day, not stopped, whose reminder of that day is not written. */
  private async dueReminders(
    m: EntityManager,
    reminderDays: readonly number[],
    today: string,
  ): Promise<Array<{ invoiceId: string; day: number }>> {
    const latestDue = addDays(today, -Math.min(...reminderDays));
    const candidates = await m
      .createQueryBuilder(Invoice, 'i')
      .leftJoin(InvoiceReminderStop, 's', 's.invoiceId = i.id')
      .where("i.status = 'issued' AND i.kind = 'invoice'")
      .andWhere('i.dueDate IS NOT NULL AND i.dueDate <= :latestDue', { latestDue })
      .andWhere('s.invoiceId IS NULL')
      .orderBy('i.chainSeq', 'ASC')
      .getMany();
    if (candidates.length === 0) return [];
    const figures = await this.invoices.figures(
      m,
      candidates.map((c) => c.id),
    );
    const wanted = candidates.flatMap((doc) => {
      const f = figures.get(doc.id) ?? { paidCents: 0, creditedCents: 0 };
      if (balanceCents({ kind: doc.kind, grossCents: doc.grossCents, ...f }) <= 0) return [];
      const day = reminderDayReached(reminderDays, daysLate(doc.dueDate!, today));
      return day === null ? [] : [{ invoiceId: doc.id, day, key: reminderKey(doc.id, day) }];
    });
    const written = new Set<string>();
    for (let k = 0; k < wanted.length; k += 500) {
      const keys = wanted.slice(k, k + 500).map((w) => w.key);
      const rows = await m.find(OutboxMessage, {
        select: { id: true, dedupeKey: true },
        where: { dedupeKey: In(keys) },
      });
      for (const row of rows) if (row.dedupeKey) written.add(row.dedupeKey);
    }
    return wanted.filter((w) => !written.has(w.key));
  }

  /** The reminder of `day`, read again under the invoice's lock: still owed, still not stopped. */
  private async enqueue(m: EntityManager, invoiceId: string, day: number, today: string) {
    const doc = await m.findOneByOrFail(Invoice, { id: invoiceId });
    if (await m.existsBy(InvoiceReminderStop, { invoiceId })) return;
    const f = (await this.invoices.figures(m, [invoiceId])).get(invoiceId);
    const balance = balanceCents({
      kind: doc.kind,
      grossCents: doc.grossCents,
      paidCents: f?.paidCents ?? 0,
      creditedCents: f?.creditedCents ?? 0,
    });
    if (balance <= 0 || !doc.dueDate) return;
    const { client, practice, locale, address } = await billingRecipient(m, doc.clientId);
    const amounts = lateAmounts({
      balanceCents: balance,
      // The rate the invoice prints, which the client agreed to; the practice's for an old one.
      ratePercent: doc.seller?.latePenaltyRatePercent ?? practice.latePenaltyRatePercent,
      dueDate: doc.dueDate,
      asOf: today,
      business: doc.buyer ? buyerCategory(doc.buyer) !== 'B2C' : true,
    });
    const money = (cents: number) => formatMoney(cents, locale);
    const content = renderMail('payment-reminder', locale, 'mail-billing.reminder.subject', {
      number: doc.number,
      practiceName: practice.name,
      clientName: client.name,
      issueDate: formatDate(doc.issueDate!, locale),
      dueDate: formatDate(doc.dueDate, locale),
      today: formatDate(today, locale),
      days: amounts.daysLate,
      gross: money(doc.grossCents),
      balance: money(amounts.balanceCents),
      rate: formatPercent(amounts.ratePercent, locale),
      penalty: money(amounts.penaltyCents),
      indemnity: amounts.indemnityCents > 0 ? money(amounts.indemnityCents) : '',
      total: money(amounts.totalCents),
      iban: practice.iban ?? '',
    });
    await this.outbox.enqueue(m, {
      kind: 'payment_reminder',
      to: { address, name: client.name, locale },
      clientId: client.id,
      content,
      essential: true,
      attachments: [storedPdfAttachment(doc)],
      dedupeKey: reminderKey(invoiceId, day),
    });
  }
}
