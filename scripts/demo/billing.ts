import type { INestApplicationContext } from '@nestjs/common';
import { addDays, localTimeToInstant } from '../../src/calendar';
import { CreditNotesService } from '../../src/invoicing/credit-notes.service';
import { DraftsService } from '../../src/invoicing/drafts.service';
import type { InvoiceDetail } from '../../src/invoicing/invoice-detail';
import { InvoicesService } from '../../src/invoicing/invoices.service';
import { IssuingService } from '../../src/invoicing/issuing.service';
import type { PaymentMethod } from '../../src/invoicing/payment.entity';
import { PaymentsService } from '../../src/invoicing/payments.service';
import type { ClientKey } from './cast';
import { SeededRandom } from './random';

/** What follows an issued invoice: its payment, now and then a credit note first. */
export type BillingEvent =
  | {
      kind: 'payment';
      at: Date;
      invoiceId: string;
      share: 'balance' | 'half';
      method: PaymentMethod;
    }
  | { kind: 'credit'; at: Date; invoiceId: string };

export interface BillingSetup {
  contractIds: Record<ClientKey, string>;
  /** The first month billed: the prepaid block is sold on its invoice. */
  firstMonth: string;
  /** The last month billed, from which "months back" are counted. */
  lastMonth: string;
  zone: string;
  now: Date;
  seed: number;
  schedule: (event: BillingEvent) => void;
}

/** Days a client takes to pay, by company. */
const PAYMENT_DELAYS: Record<ClientKey, [number, number]> = {
  acme: [6, 16],
  boreal: [8, 14],
  tilleuls: [30, 52],
};

const monthIndex = (month: string): number =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
const lastDayOf = (month: string): string =>
  addDays(addDays(`${month}-01`, 32).slice(0, 7) + '-01', -1);

/**
 * The consultant's monthly invoicing, through the drafts, issuing, payments and credit-note
 * services: one invoice per contract and finished month; the prepaid block is sold on the first
 * one, then what goes beyond it (hours, urgency surcharges) is billed each quarter.
 */
export class DemoBilling {
  private readonly rng: SeededRandom;
  private readonly drafts: DraftsService;
  private readonly issuing: IssuingService;
  private readonly invoices: InvoicesService;
  private readonly payments: PaymentsService;
  private readonly credits: CreditNotesService;
  private prepaidFrom: string;
  issued = 0;

  constructor(
    app: INestApplicationContext,
    private readonly setup: BillingSetup,
  ) {
    this.rng = new SeededRandom(setup.seed);
    this.drafts = app.get(DraftsService, { strict: false });
    this.issuing = app.get(IssuingService, { strict: false });
    this.invoices = app.get(InvoicesService, { strict: false });
    this.payments = app.get(PaymentsService, { strict: false });
    this.credits = app.get(CreditNotesService, { strict: false });
    this.prepaidFrom = `${setup.firstMonth}-01`;
  }

  async bill(month: string): Promise<void> {
    const end = lastDayOf(month);
    const clients: ClientKey[] = ['acme', 'boreal', 'tilleuls'];
    // The prepaid hours were paid up front: what goes beyond them is billed each quarter.
    const quarterEnd = Number(month.slice(5, 7)) % 3 === 0;
    for (const client of clients) {
      if (client === 'boreal' && !quarterEnd && month !== this.setup.firstMonth) continue;
      const start = client === 'boreal' ? this.prepaidFrom : `${month}-01`;
      const invoice = await this.invoice(client, start, end, month === this.setup.firstMonth);
      if (!invoice) continue;
      if (client === 'boreal') this.prepaidFrom = addDays(end, 1);
      this.followUp(invoice, client, monthIndex(this.setup.lastMonth) - monthIndex(month));
    }
  }

  private async invoice(
    client: ClientKey,
    periodStart: string,
    periodEnd: string,
    first: boolean,
  ): Promise<InvoiceDetail | null> {
    const contractId = this.setup.contractIds[client];
    let draft = await this.drafts.create({ contractId, periodStart, periodEnd });
    if (client === 'boreal' && first) {
      draft = await this.drafts.update(draft.id, {
        lines: [
          {
            description: 'Carnet de 120 heures de support prépayées, valable un an',
            quantity: 120,
            unit: 'hour',
            unitPriceCents: 8000,
          },
        ],
      });
    }
    if (draft.lines.length === 0 || draft.totals.grossCents === 0) {
      await this.drafts.remove(draft.id);
      return null;
    }
    this.issued += 1;
    return this.issuing.issue(draft.id);
  }

  /**
   * Most invoices are paid on time; a few are not, so the accountant has something to chase:
   * last month's Acme invoice and an older clinic one are unpaid, an older Acme invoice is half
   * paid, the latest clinic invoice has a down payment, and a clinic invoice is corrected by a
   * credit note before its balance is paid.
   */
  private followUp(invoice: InvoiceDetail, client: ClientKey, monthsBack: number): void {
    const [min, max] = PAYMENT_DELAYS[client];
    const paidOn = this.localNoon(addDays(invoice.issueDate!, this.rng.int(min, max)));
    const method: PaymentMethod =
      client === 'boreal' && this.rng.chance(0.5) ? 'cheque' : 'transfer';
    const unpaid =
      (client === 'acme' && monthsBack === 1) || (client === 'tilleuls' && monthsBack === 2);
    if (unpaid) return;
    if (client === 'tilleuls' && monthsBack === 4) {
      const at = this.localNoon(addDays(invoice.issueDate!, 6));
      this.setup.schedule({ kind: 'credit', at, invoiceId: invoice.id });
    }
    if (client === 'tilleuls' && monthsBack === 0) {
      // A down payment on the latest clinic invoice: partly paid, not yet due.
      const soon = this.localNoon(addDays(invoice.issueDate!, 3));
      const at = new Date(Math.min(soon.getTime(), this.setup.now.getTime() - 10 * 60_000));
      this.setup.schedule({ kind: 'payment', at, invoiceId: invoice.id, share: 'half', method });
      return;
    }
    const share = client === 'acme' && monthsBack === 3 ? 'half' : 'balance';
    this.setup.schedule({ kind: 'payment', at: paidOn, invoiceId: invoice.id, share, method });
  }

  private localNoon(day: string): Date {
    return localTimeToInstant(day, 11 * 60 + this.rng.int(0, 240), this.setup.zone);
  }

  async run(event: BillingEvent, today: string): Promise<void> {
    if (event.kind === 'credit') return this.credit(event.invoiceId);
    const invoice = await this.invoices.detail(event.invoiceId);
    const amountCents =
      event.share === 'half' ? Math.round(invoice.balanceCents / 2) : invoice.balanceCents;
    if (amountCents <= 0) return;
    await this.payments.record(event.invoiceId, {
      amountCents,
      paidOn: today,
      method: event.method,
    });
  }

  /** An hour billed twice on a clinic invoice: credited on the line that carried it. */
  private async credit(invoiceId: string): Promise<void> {
    const invoice = await this.invoices.detail(invoiceId);
    const lineIndex = invoice.lines.findIndex((l) => l.amountCents >= 9000);
    if (lineIndex < 0) return;
    await this.credits.create(invoiceId, {
      lines: [{ lineIndex, amountCents: 9000 }],
      reason: 'Une heure d’intervention comptée deux fois : déduite de la facture',
    });
  }
}
