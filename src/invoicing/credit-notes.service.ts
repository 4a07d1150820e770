import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, notFound, type ErrorCode } from '../common/domain-error';
import { details } from './problems';
import { Transactions } from '../common/transactions';
import { PracticeService } from '../practice/practice.service';
import { DraftLines } from './draft-lines.service';
import { Locks } from '../common/locks';
import { Outbox } from '../mail/outbox.service';
import type { CreditNoteDto } from './dto/invoice.dto';
import type { InvoiceDetail } from './invoice-detail';
import { reminderKeyPrefix } from './invoice-mail.service';
import { InvoiceLine } from './invoice-line.entity';
import { Invoice } from './invoice.entity';
import { InvoicesService } from './invoices.service';
import { IssuingService } from './issuing.service';
import { draftLineOf, lineRowValues } from './line-rows';
import {
  balanceCents,
  creditNoteLines,
  creditNoteTotals,
  remainingToCredit,
  validateCreditAmounts,
  type CreditProblemCode,
  type CreditRequest,
  type DraftLine,
  type InvoiceTotals,
  type RateTotal,
} from './math';

/** The error of each reason a credit note is refused. */
const CREDIT_REFUSED: Record<CreditProblemCode, ErrorCode> = {
  unknown_line: 'rule.unknown_line',
  duplicate_line: 'rule.duplicate_line',
  amount: 'rule.amount',
  exceeds_remaining: 'rule.exceeds_remaining',
  nothing_to_credit: 'rule.nothing_to_credit',
  required: 'rule.required',
};

/** Corrections of an issued invoice: credit notes (avoirs), full or partial, in their own series. */
@Injectable()
export class CreditNotesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly practice: PracticeService,
    private readonly issuing: IssuingService,
    private readonly invoices: InvoicesService,
    private readonly draftLines: DraftLines,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  async create(invoiceId: string, dto: CreditNoteDto): Promise<InvoiceDetail> {
    const found = await this.invoices.require(invoiceId);
    const locks = [
      Locks.invoiceChain,
      // The reminders read the balance under this lock: none is written past a settling note.
      Locks.invoiceMail(invoiceId),
      ...(found.contractId ? [Locks.billing(found.contractId)] : []),
    ];
    const noteId = await this.transactions.run(async (m) => {
      const invoice = await this.creditable(m, invoiceId);
      const rows = await m.find(InvoiceLine, {
        where: { invoiceId },
        order: { position: 'ASC' },
      });
      const lines = rows.map(draftLineOf);
      const { already, earlierByRate } = await this.alreadyCredited(m, invoiceId, lines.length);
      const partial: CreditRequest[] | null = dto.lines ? dto.lines.map((l) => ({ ...l })) : null;
      const problems = validateCreditAmounts(lines, partial, already);
      if (problems.length > 0) {
        const code = CREDIT_REFUSED[problems[0].code];
        throw new DomainError(code, problems[0].message, details(problems));
      }
      const credit = creditNoteLines(lines, partial, already);
      const positions = partial ? partial.map((p) => p.lineIndex) : fullPositions(lines, already);
      const totals = creditNoteTotals(credit, invoice.vatRegime, invoice.byRate, earlierByRate);
      const fully = await this.fullyCreditedWith(m, invoice, totals);
      const released = dto.releaseInterventions
        ? workGivenBack(rows, lines, already, partial ?? fullRequests(lines, already))
        : [];
      if (dto.releaseInterventions && !fully && released.length === 0) {
        throw new DomainError(
          'rule.release_partial',
          'No intervention is given back: the work of a line is given back once every line that bills it is credited in full',
          [
            {
              field: 'releaseInterventions',
              message: 'no line that bills work is credited in full by this note',
            },
          ],
        );
      }
      const note = await this.insertNote(m, invoice, dto.reason);
      await m.insert(
        InvoiceLine,
        credit.map((line, k) => {
          const source = rows[positions[k]];
          const whole = line.amountCents === -source.amountCents;
          return m.create(
            InvoiceLine,
            lineRowValues(note.id, k, line, whole ? source.details : [], source.position),
          );
        }),
      );
      const practice = await this.practice.get(m);
      await this.issuing.seal(
        m,
        note,
        await m.find(InvoiceLine, { where: { invoiceId: note.id } }),
        {
          practice,
          numberFormat: practice.creditNoteNumberFormat,
          buyer: invoice.buyer!,
          paymentTermsDays: null,
          referencedInvoiceNumber: invoice.number,
          totals,
        },
      );
      await this.withdrawRemindersIfSettled(m, invoice);
      if (dto.releaseInterventions && fully) await this.draftLines.free(m, invoice.id);
      else if (dto.releaseInterventions) await this.draftLines.freeWork(m, invoice.id, released);
      return note.id;
    }, locks);
    return this.invoices.detail(noteId);
  }

  /** Settled by the note (nothing left owed): the reminders still waiting are withdrawn. */
  private async withdrawRemindersIfSettled(m: EntityManager, invoice: Invoice): Promise<void> {
    const figures = (await this.invoices.figures(m, [invoice.id])).get(invoice.id);
    const balance = balanceCents({
      kind: invoice.kind,
      grossCents: invoice.grossCents,
      paidCents: figures?.paidCents ?? 0,
      creditedCents: figures?.creditedCents ?? 0,
    });
    if (balance <= 0) await this.outbox.cancelPending(m, reminderKeyPrefix(invoice.id));
  }

  private async creditable(m: EntityManager, id: string): Promise<Invoice> {
    const invoice = await m.findOne(Invoice, { where: { id } });
    if (!invoice) throw notFound('invoice');
    if (invoice.kind !== 'invoice') {
      const message = 'A credit note cannot itself be credited';
      throw new DomainError('conflict.not_creditable', message, [{ message, kind: 'credit_note' }]);
    }
    if (invoice.status !== 'issued' || !invoice.buyer) {
      const message =
        'A draft is changed or deleted, not credited: only an issued invoice takes a credit note';
      throw new DomainError('conflict.not_creditable', message, [{ message, kind: 'draft' }]);
    }
    return invoice;
  }

  /**
   * Net already credited per invoice line, and the totals per rate, by the issued credit notes
   * of the invoice (the VAT of the next one is rounded on top of theirs).
   */
  private async alreadyCredited(
    m: EntityManager,
    invoiceId: string,
    count: number,
  ): Promise<{ already: number[]; earlierByRate: RateTotal[] }> {
    const notes = await m.find(Invoice, {
      select: { id: true, byRate: true },
      where: { creditedInvoiceId: invoiceId, status: 'issued' },
    });
    const credited = new Array<number>(count).fill(0);
    const earlierByRate = notes.flatMap((n) => n.byRate);
    if (notes.length === 0) return { already: credited, earlierByRate };
    const rows = await m.find(InvoiceLine, { where: { invoiceId: In(notes.map((n) => n.id)) } });
    for (const row of rows) {
      if (row.creditedPosition !== null && row.creditedPosition < count) {
        credited[row.creditedPosition] += Math.abs(row.amountCents);
      }
    }
    return { already: credited, earlierByRate };
  }

  private async fullyCreditedWith(
    m: EntityManager,
    invoice: Invoice,
    totals: InvoiceTotals,
  ): Promise<boolean> {
    const before = (await this.invoices.figures(m, [invoice.id])).get(invoice.id);
    const now = Math.abs(totals.grossCents);
    return Math.abs(before?.creditedCents ?? 0) + now >= invoice.grossCents;
  }

  private insertNote(m: EntityManager, invoice: Invoice, reason?: string): Promise<Invoice> {
    return m.save(
      m.create(Invoice, {
        kind: 'credit_note',
        status: 'draft',
        clientId: invoice.clientId,
        contractId: invoice.contractId,
        periodStart: invoice.periodStart,
        periodEnd: invoice.periodEnd,
        locale: invoice.locale,
        vatRegime: invoice.vatRegime,
        byRate: [],
        notes: reason?.trim() || null,
        creditedInvoiceId: invoice.id,
        createdAt: this.clock.now(),
      }),
    );
  }
}

/** A full credit note as requests: everything each line has left. */
function fullRequests(lines: DraftLine[], already: number[]): CreditRequest[] {
  return remainingToCredit(lines, already).flatMap((amountCents, lineIndex) =>
    amountCents > 0 ? [{ lineIndex, amountCents }] : [],
  );
}

/**
 * The interventions a credit note gives back: those whose every billing line (the line of
 * their time and those of their surcharges) has nothing left to credit once the note is
 * issued, so the work is never billed twice when a new draft takes it again. A line of no
 * amount (work covered by a fee or a prepaid block) follows the lines of its work.
 */
export function workGivenBack(
  rows: Pick<InvoiceLine, 'interventionIds'>[],
  lines: DraftLine[],
  already: number[],
  credit: CreditRequest[],
): string[] {
  const after = [...already];
  for (const c of credit) after[c.lineIndex] = (after[c.lineIndex] ?? 0) + c.amountCents;
  const left = remainingToCredit(lines, after);
  const touched = new Set(credit.map((c) => c.lineIndex));
  const settled = new Map<string, boolean>();
  rows.forEach((row, k) => {
    const done = left[k] <= 0;
    for (const id of row.interventionIds) {
      const before = settled.get(id) ?? true;
      settled.set(id, before && (done || lines[k].amountCents === 0));
    }
  });
  const credited = new Set(rows.flatMap((row, k) => (touched.has(k) ? row.interventionIds : [])));
  return [...settled].filter(([id, done]) => done && credited.has(id)).map(([id]) => id);
}

/** The invoice lines a full credit note mirrors: every line with something left to credit. */
function fullPositions(lines: DraftLine[], already: number[]): number[] {
  const remaining = remainingToCredit(lines, already);
  return lines.flatMap((_, k) => ((already[k] ?? 0) === 0 || remaining[k] > 0 ? [k] : []));
}
