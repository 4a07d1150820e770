import type { EntityManager } from 'typeorm';
import { InvoiceLine } from '../invoicing/invoice-line.entity';
import { Invoice } from '../invoicing/invoice.entity';
import { Payment } from '../invoicing/payment.entity';
import type { BuyerSnapshot } from '../invoicing/snapshots';
import type { SettlementFacts } from './lettering';

const CHUNK = 500;

/** A payment of the period with the invoice it settles, as the bank journal reads it. */
export interface PaymentRow {
  id: string;
  invoiceId: string;
  amountCents: number;
  paidOn: string;
  invoiceNumber: string;
  clientId: string;
  buyer: BuyerSnapshot | null;
}

async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>) {
  const rows: T[] = [];
  for (let k = 0; k < ids.length; k += CHUNK) rows.push(...(await read(ids.slice(k, k + CHUNK))));
  return rows;
}

/** Payments received from `from` to `to` (both included), by day then as recorded. */
export async function paymentsReceivedIn(
  m: EntityManager,
  period: { from: string; to: string },
): Promise<PaymentRow[]> {
  const rows = await m
    .createQueryBuilder()
    .select('p.id', 'id')
    .addSelect('p.invoiceId', 'invoiceId')
    .addSelect('p.amountCents', 'amountCents')
    .addSelect('p.paidOn', 'paidOn')
    .addSelect('i.number', 'invoiceNumber')
    .addSelect('i.clientId', 'clientId')
    .addSelect('i.buyer', 'buyer')
    .from(Payment, 'p')
    .innerJoin(Invoice, 'i', 'i.id = p.invoiceId')
    .where('p.paidOn >= :from AND p.paidOn <= :to', period)
    .orderBy('p.paidOn')
    .addOrderBy('p.createdAt')
    .addOrderBy('p.id')
    .getRawMany<
      Omit<PaymentRow, 'buyer'> & { amountCents: number | string; buyer: string | null }
    >();
  return rows.map((row) => ({
    ...row,
    amountCents: Number(row.amountCents),
    buyer: row.buyer ? (JSON.parse(row.buyer) as BuyerSnapshot) : null,
  }));
}

/** The net of the goods lines of each document among `ids` (absent: services only). */
export async function goodsNetByDocument(
  m: EntityManager,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const rows = await inChunks(ids, (chunk) =>
    m
      .createQueryBuilder()
      .select('l.invoiceId', 'id')
      .addSelect('SUM(l.amountCents)', 'cents')
      .from(InvoiceLine, 'l')
      .where('l.invoiceId IN (:...chunk)', { chunk })
      .andWhere("l.supply = 'goods'")
      .groupBy('l.invoiceId')
      .getRawMany<{ id: string; cents: number | string }>(),
  );
  return new Map(rows.map((r) => [r.id, Number(r.cents)]));
}

/**
 * What settles each invoice among `invoiceIds` up to the closing day: its payments received
 * and its credit notes issued by then.
 */
export async function settlementFacts(
  m: EntityManager,
  invoiceIds: readonly string[],
  closingDate: string,
): Promise<SettlementFacts[]> {
  const [invoices, payments, credits] = await Promise.all([
    inChunks(invoiceIds, (chunk) =>
      m
        .createQueryBuilder()
        .select('i.id', 'id')
        .addSelect('i.chainSeq', 'chainSeq')
        .addSelect('i.grossCents', 'grossCents')
        .from(Invoice, 'i')
        .where('i.id IN (:...chunk)', { chunk })
        .andWhere("i.status = 'issued' AND i.kind = 'invoice'")
        .getRawMany<{ id: string; chainSeq: number | string; grossCents: number | string }>(),
    ),
    inChunks(invoiceIds, (chunk) =>
      m
        .createQueryBuilder()
        .select('p.invoiceId', 'invoiceId')
        .addSelect('p.paidOn', 'paidOn')
        .addSelect('p.amountCents', 'amountCents')
        .from(Payment, 'p')
        .where('p.invoiceId IN (:...chunk)', { chunk })
        .andWhere('p.paidOn <= :closingDate', { closingDate })
        .getRawMany<{ invoiceId: string; paidOn: string; amountCents: number | string }>(),
    ),
    inChunks(invoiceIds, (chunk) =>
      m
        .createQueryBuilder()
        .select('c.creditedInvoiceId', 'invoiceId')
        .addSelect('c.issueDate', 'issueDate')
        .addSelect('c.grossCents', 'grossCents')
        .from(Invoice, 'c')
        .where('c.creditedInvoiceId IN (:...chunk)', { chunk })
        .andWhere("c.status = 'issued'")
        .andWhere('c.issueDate <= :closingDate', { closingDate })
        .getRawMany<{ invoiceId: string; issueDate: string; grossCents: number | string }>(),
    ),
  ]);
  const paidOf = groupBy(payments, (p) => p.invoiceId);
  const creditedOf = groupBy(credits, (c) => c.invoiceId);
  return invoices.map((invoice) => ({
    invoiceId: invoice.id,
    chainSeq: Number(invoice.chainSeq),
    grossCents: Number(invoice.grossCents),
    payments: (paidOf.get(invoice.id) ?? []).map((p) => ({
      paidOn: p.paidOn,
      amountCents: Number(p.amountCents),
    })),
    creditNotes: (creditedOf.get(invoice.id) ?? []).map((c) => ({
      issueDate: c.issueDate,
      grossCents: Number(c.grossCents),
    })),
  }));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}
