import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { localDate } from '../calendar';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import type { Page } from '../common/pagination';
import { clientScope, type Viewer } from '../common/tenant';
import { Contract } from '../contracts/contract.entity';
import { PracticeService } from '../practice/practice.service';
import type { InvoiceQuery } from './dto/invoice.dto';
import {
  draftWarnings,
  lineView,
  reference,
  summarize,
  type DocumentFigures,
  type InvoiceDetail,
  type InvoiceSummary,
} from './invoice-detail';
import { InvoiceLine } from './invoice-line.entity';
import { billsFeeInAdvance } from './math';
import { Invoice } from './invoice.entity';
import { InvoiceReminderStop } from './invoice-reminder-stop.entity';
import { InvoiceSend } from './invoice-send.entity';
import { Payment } from './payment.entity';

export interface ListTotals {
  netCents: number;
  vatCents: number;
  grossCents: number;
  paidCents: number;
  balanceCents: number;
}

export type InvoicePage = Page<InvoiceSummary> & { totals: ListTotals };

const NO_FIGURES: DocumentFigures = { paidCents: 0, creditedCents: 0 };
const FIGURES_CHUNK = 500;

/** Reading invoices and credit notes: status and balance derived, tenant rules applied. */
@Injectable()
export class InvoicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
  ) {}

  /** The practice's local day, against which due dates are read. */
  async today(m?: EntityManager): Promise<string> {
    const { timezone } = await this.practice.get(m);
    return localDate(this.clock.now(), timezone);
  }

  /** The document, whoever asks; 404 when unknown. */
  async require(id: string, m: EntityManager = this.dataSource.manager): Promise<Invoice> {
    const doc = await m.findOne(Invoice, { where: { id } });
    if (!doc) throw notFound('invoice');
    return doc;
  }

  /**
   * The document if the viewer may see it: a client user sees only its company's issued
   * documents; anything else answers 404, as for an unknown id.
   */
  async findVisible(viewer: Viewer, id: string): Promise<Invoice> {
    const doc = await this.dataSource.manager.findOne(Invoice, { where: { id } });
    const scope = clientScope(viewer);
    if (!doc || (scope !== null && (doc.clientId !== scope || doc.status !== 'issued'))) {
      throw notFound('invoice');
    }
    return doc;
  }

  async get(viewer: Viewer, id: string): Promise<InvoiceDetail> {
    await this.findVisible(viewer, id);
    return this.detail(id);
  }

  /** The full document; callers have checked access. */
  async detail(id: string, m: EntityManager = this.dataSource.manager): Promise<InvoiceDetail> {
    const doc = await m.findOne(Invoice, { where: { id } });
    if (!doc) throw notFound('invoice');
    const [lines, figures, today, credited, creditNotes, contract, sends, stop] = await Promise.all(
      [
        m.find(InvoiceLine, { where: { invoiceId: id }, order: { position: 'ASC' } }),
        this.figures(m, [id]),
        this.today(m),
        doc.creditedInvoiceId ? m.findOne(Invoice, { where: { id: doc.creditedInvoiceId } }) : null,
        m.find(Invoice, {
          where: { creditedInvoiceId: id, status: 'issued' },
          order: { chainSeq: 'ASC' },
        }),
        // A draft's warnings depend on when its contract bills the fee.
        doc.status === 'draft' && doc.contractId
          ? m.findOne(Contract, { where: { id: doc.contractId } })
          : null,
        m.find(InvoiceSend, { where: { invoiceId: id }, order: { sentAt: 'ASC', id: 'ASC' } }),
        m.findOne(InvoiceReminderStop, { where: { invoiceId: id } }),
      ],
    );
    const last = sends.at(-1);
    return {
      ...summarize(doc, figures.get(id) ?? NO_FIGURES, today),
      seller: doc.seller,
      buyer: doc.buyer,
      lines: lines.map(lineView),
      ...(credited ? { creditedInvoice: reference(credited) } : {}),
      creditNotes: creditNotes.map(reference),
      warnings: draftWarnings(doc, today, !!contract && billsFeeInAdvance(contract.billing)),
      sentAt: last?.sentAt ?? null,
      sentTo: last?.sentTo ?? null,
      sends: sends.map((s) => ({ sentAt: s.sentAt, sentTo: s.sentTo })),
      remindersStoppedAt: stop?.stoppedAt ?? null,
    };
  }

  /** Payments and credit notes per document, summed in SQL (by chunks of ids). */
  async figures(m: EntityManager, ids: string[]): Promise<Map<string, DocumentFigures>> {
    const result = new Map<string, DocumentFigures>();
    const entry = (id: string) => result.get(id) ?? { ...NO_FIGURES };
    for (let k = 0; k < ids.length; k += FIGURES_CHUNK) {
      const chunk = ids.slice(k, k + FIGURES_CHUNK);
      const [paid, credited] = await Promise.all([
        m
          .createQueryBuilder()
          .select('p.invoiceId', 'id')
          .addSelect('SUM(p.amountCents)', 'cents')
          .from(Payment, 'p')
          .where('p.invoiceId IN (:...chunk)', { chunk })
          .groupBy('p.invoiceId')
          .getRawMany<{ id: string; cents: string | number }>(),
        m
          .createQueryBuilder()
          .select('c.creditedInvoiceId', 'id')
          .addSelect('SUM(c.grossCents)', 'cents')
          .from(Invoice, 'c')
          .where('c.creditedInvoiceId IN (:...chunk)', { chunk })
          .andWhere("c.status = 'issued'")
          .groupBy('c.creditedInvoiceId')
          .getRawMany<{ id: string; cents: string | number }>(),
      ]);
      for (const row of paid)
        result.set(row.id, { ...entry(row.id), paidCents: Number(row.cents) });
      for (const row of credited) {
        result.set(row.id, { ...entry(row.id), creditedCents: Number(row.cents) });
      }
    }
    return result;
  }

  /**
   * The documents matching the filters, newest first. Status is derived (from payments,
   * credit notes and today), so it is filtered after the figures are summed.
   */
  async list(viewer: Viewer, query: InvoiceQuery): Promise<InvoicePage> {
    const m = this.dataSource.manager;
    const qb = m.createQueryBuilder(Invoice, 'i');
    const scope = clientScope(viewer);
    if (scope !== null) {
      qb.andWhere('i.clientId = :scope', { scope }).andWhere("i.status = 'issued'");
    }
    if (query.clientId) qb.andWhere('i.clientId = :clientId', { clientId: query.clientId });
    if (query.contractId)
      qb.andWhere('i.contractId = :contractId', { contractId: query.contractId });
    if (query.kind) qb.andWhere('i.kind = :kind', { kind: query.kind });
    if (query.status === 'draft') qb.andWhere("i.status = 'draft'");
    else if (query.status) qb.andWhere("i.status = 'issued'");
    // A draft has no issue date yet: it is placed by the end of its period.
    const day = 'COALESCE(i.issueDate, i.periodEnd)';
    if (query.from) qb.andWhere(`${day} >= :from`, { from: query.from });
    if (query.to) qb.andWhere(`${day} <= :to`, { to: query.to });
    const docs = await qb
      .orderBy(day, 'DESC')
      .addOrderBy('i.chainSeq', 'DESC', 'NULLS FIRST')
      .addOrderBy('i.createdAt', 'DESC')
      .getMany();
    const [figures, today] = await Promise.all([
      this.figures(
        m,
        docs.map((d) => d.id),
      ),
      this.today(),
    ]);
    const summaries = docs
      .map((d) => summarize(d, figures.get(d.id) ?? NO_FIGURES, today))
      .filter((s) => !query.status || s.status === query.status);
    return {
      items: summaries.slice(query.offset, query.offset + query.limit),
      total: summaries.length,
      totals: sumOf(summaries),
    };
  }
}

function sumOf(items: InvoiceSummary[]): ListTotals {
  const totals = { netCents: 0, vatCents: 0, grossCents: 0, paidCents: 0, balanceCents: 0 };
  for (const s of items) {
    totals.netCents += s.totals.netCents;
    totals.vatCents += s.totals.vatCents;
    totals.grossCents += s.totals.grossCents;
    totals.paidCents += s.paidCents;
    totals.balanceCents += s.balanceCents;
  }
  return totals;
}
