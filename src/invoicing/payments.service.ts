import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, notFound, type ErrorCode } from '../common/domain-error';
import { details } from './problems';
import type { Viewer } from '../common/tenant';
import { Transactions } from '../common/transactions';
import type { PaymentDto } from './dto/invoice.dto';
import { Outbox } from '../mail/outbox.service';
import { reminderKeyPrefix } from './invoice-mail.service';
import { Invoice } from './invoice.entity';
import { InvoicesService } from './invoices.service';
import { balanceCents, validatePayment, type PaymentProblemCode } from './math';
import { Payment } from './payment.entity';

export interface PaymentView {
  id: string;
  invoiceId: string;
  amountCents: number;
  paidOn: string;
  method: Payment['method'];
  createdAt: Date;
}

const view = (p: Payment): PaymentView => ({
  id: p.id,
  invoiceId: p.invoiceId,
  amountCents: p.amountCents,
  paidOn: p.paidOn,
  method: p.method,
  createdAt: p.createdAt,
});

/** The error of each reason a payment is refused. */
const PAYMENT_REFUSED: Record<PaymentProblemCode, ErrorCode> = {
  amount: 'rule.amount',
  nothing_due: 'rule.nothing_due',
  overpayment: 'rule.overpayment',
};

/** Payments received against issued invoices; partial ones allowed, overpayment refused. */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly invoices: InvoicesService,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
  ) {}

  async record(invoiceId: string, dto: PaymentDto): Promise<PaymentView> {
    const payment = await this.transactions.run(
      async (m) => {
        const doc = await m.findOne(Invoice, { where: { id: invoiceId } });
        if (!doc) throw notFound('invoice');
        if (doc.status !== 'issued' || doc.kind !== 'invoice') {
          const message =
            doc.kind === 'credit_note'
              ? 'A credit note is not paid: record the refund outside the invoice'
              : 'A draft cannot be paid: issue it first';
          throw new DomainError('conflict.not_payable', message, [{ message, kind: doc.kind }]);
        }
        const today = await this.invoices.today(m);
        if (dto.paidOn > today) {
          throw new DomainError('rule.payment_date', 'A payment cannot be dated in the future', [
            { field: 'paidOn', message: 'must not be after today', paidOn: dto.paidOn, today },
          ]);
        }
        const figures = (await this.invoices.figures(m, [doc.id])).get(doc.id);
        const balance = balanceCents({
          kind: doc.kind,
          grossCents: doc.grossCents,
          paidCents: figures?.paidCents ?? 0,
          creditedCents: figures?.creditedCents ?? 0,
        });
        const problems = validatePayment(balance, dto.amountCents);
        if (problems.length > 0) {
          const code = PAYMENT_REFUSED[problems[0].code];
          throw new DomainError(code, problems[0].message, details(problems));
        }
        const saved = await m.save(
          m.create(Payment, { ...dto, invoiceId, createdAt: this.clock.now() }),
        );
        // Paid in full: the reminders still waiting are withdrawn.
        if (dto.amountCents === balance) {
          await this.outbox.cancelPending(m, reminderKeyPrefix(invoiceId));
        }
        return saved;
      },
      [`invoice-payments:${invoiceId}`],
    );
    return view(payment);
  }

  async list(viewer: Viewer, invoiceId: string): Promise<PaymentView[]> {
    await this.invoices.findVisible(viewer, invoiceId);
    const payments = await this.payments.find({
      where: { invoiceId },
      order: { paidOn: 'ASC', createdAt: 'ASC' },
    });
    return payments.map(view);
  }
}
