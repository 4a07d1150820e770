import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, MoreThan, Not, IsNull } from 'typeorm';
import { firstContinuityBreak, type ChainRow } from './chain-continuity';
import { DocumentCounter } from './document-counter.entity';
import { frozenDocumentOf } from './frozen-document';
import { InvoiceLine } from './invoice-line.entity';
import { Invoice } from './invoice.entity';
import { canonicalInvoiceContent, verifyChain, type ChainLink, type ChainVerdict } from './math';

const VERIFY_BATCH = 500;

export interface ChainTip {
  chainSeq: number;
  hash: string | null;
}

export type ChainReport = ChainVerdict & { lastHash: string | null };

/**
 * Document numbers and the hash chain. Callers hold Locks.invoiceChain in their transaction, so the
 * counter bump, the chain tip and the issued row commit (or vanish) together: no gap, no twin.
 */
@Injectable()
export class ChainService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Draws the next number of a series: the counter row is bumped and read in one statement. */
  async nextSeq(m: EntityManager, seriesKey: string): Promise<number> {
    const p = m.connection.options.type === 'postgres' ? '$1' : '?';
    const rows: unknown = await m.query(
      `INSERT INTO document_counters ("seriesKey", "lastSeq") VALUES (${p}, 1)
       ON CONFLICT ("seriesKey") DO UPDATE SET "lastSeq" = document_counters."lastSeq" + 1
       RETURNING "lastSeq"`,
      [seriesKey],
    );
    const [row] = rows as { lastSeq: number | string }[];
    return Number(row.lastSeq);
  }

  /** The last issued document of the chain (chainSeq 0 and no hash before the first). */
  async tip(m: EntityManager): Promise<ChainTip> {
    const last = await m.findOne(Invoice, {
      select: { id: true, chainSeq: true, hash: true },
      where: { chainSeq: Not(IsNull()) },
      order: { chainSeq: 'DESC' },
    });
    return { chainSeq: last?.chainSeq ?? 0, hash: last?.hash ?? null };
  }

  /**
   * Proves the issued documents intact: every hash recomputed from the stored columns in chain
   * order, and their continuity (chainSeq 1…n, each series without a gap, no issued row outside
   * the chain). Names the first bad document in chain order.
   */
  async verify(): Promise<ChainReport> {
    const m = this.dataSource.manager;
    const hashes = await this.verifyHashes(m);
    const gap = firstContinuityBreak(await this.chainRows(m), await this.counters(m));
    if (gap && (hashes.ok || gap.position < hashes.checked)) {
      return { ok: false, checked: gap.position, firstBrokenNumber: gap.number, lastHash: null };
    }
    return hashes;
  }

  /** Recomputes every chained document's hash from its stored columns, in chain order. */
  private async verifyHashes(m: EntityManager): Promise<ChainReport> {
    let previous: string | null = null;
    let afterSeq = 0;
    let checked = 0;
    for (;;) {
      const docs = await m.find(Invoice, {
        where: { chainSeq: MoreThan(afterSeq) },
        order: { chainSeq: 'ASC' },
        take: VERIFY_BATCH,
      });
      if (docs.length === 0) return { ok: true, checked, lastHash: previous };
      const verdict = verifyChain(await this.links(m, docs), previous);
      if (!verdict.ok) return { ...verdict, checked: checked + verdict.checked, lastHash: null };
      checked += docs.length;
      previous = docs[docs.length - 1].hash;
      afterSeq = docs[docs.length - 1].chainSeq ?? afterSeq;
    }
  }

  /** Every issued or chained row, with only what continuity reads. */
  private async chainRows(m: EntityManager): Promise<ChainRow[]> {
    const rows = await m
      .createQueryBuilder(Invoice, 'i')
      .select(['i.id', 'i.number', 'i.status', 'i.seriesKey', 'i.seq', 'i.chainSeq', 'i.issueDate'])
      .where("i.status = 'issued'")
      .orWhere('i.chainSeq IS NOT NULL')
      .getMany();
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      seriesKey: r.seriesKey,
      seq: r.seq === null ? null : Number(r.seq),
      chainSeq: r.chainSeq === null ? null : Number(r.chainSeq),
      issueDate: r.issueDate,
    }));
  }

  private async counters(m: EntityManager): Promise<Map<string, number>> {
    const rows = await m.find(DocumentCounter);
    return new Map(rows.map((r) => [r.seriesKey, Number(r.lastSeq)]));
  }

  private async links(m: EntityManager, docs: Invoice[]): Promise<ChainLink[]> {
    const lines = await m.find(InvoiceLine, { where: { invoiceId: In(docs.map((d) => d.id)) } });
    const creditedIds = docs.map((d) => d.creditedInvoiceId).filter((id): id is string => !!id);
    const credited = creditedIds.length
      ? await m.find(Invoice, {
          select: { id: true, number: true },
          where: { id: In(creditedIds) },
        })
      : [];
    const numbers = new Map(credited.map((c) => [c.id, c.number]));
    const linesOf = new Map<string, InvoiceLine[]>();
    for (const l of lines) linesOf.set(l.invoiceId, [...(linesOf.get(l.invoiceId) ?? []), l]);
    return docs.map((doc) => ({
      number: doc.number ?? doc.id,
      canonical: canonicalOrBroken(
        doc,
        linesOf.get(doc.id) ?? [],
        doc.creditedInvoiceId ? (numbers.get(doc.creditedInvoiceId) ?? null) : null,
      ),
      hash: doc.hash ?? '',
      previousHash: doc.previousHash,
    }));
  }
}

/** A row too damaged to rebuild (its number or date erased) cannot match its hash. */
function canonicalOrBroken(doc: Invoice, lines: InvoiceLine[], referenced: string | null): string {
  try {
    return canonicalInvoiceContent(frozenDocumentOf(doc, lines, referenced));
  } catch {
    return '';
  }
}
