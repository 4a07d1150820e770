import { Injectable } from '@nestjs/common';
import { EntityManager, In, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';
import { Client } from '../clients/client.entity';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { details } from './problems';
import { Transactions } from '../common/transactions';
import { Contract } from '../contracts/contract.entity';
import { PracticeService } from '../practice/practice.service';
import { Locks } from '../common/locks';
import { BillableWork, type Period } from './billable-work.service';
import { DraftLines, retainerMonths, vatTermsFor, type DraftParties } from './draft-lines.service';
import { InvoiceLine } from './invoice-line.entity';
import type { CreateDraftDto, ManualLineDto, UpdateDraftDto } from './dto/invoice.dto';
import type { InvoiceDetail } from './invoice-detail';
import { Invoice } from './invoice.entity';
import { InvoicesService } from './invoices.service';
import {
  contractMonthsOfPeriod,
  manualLine,
  monthsOfPeriod,
  validateManualLine,
  type DraftLine,
  type InvoiceVatRegime,
} from './math';

const MAX_PERIOD_MONTHS = 12;
const ID_CHUNK = 500;

export function checkedPeriod(start: string, end: string): Period {
  const figures = { periodStart: start, periodEnd: end };
  if (end < start) {
    throw invalid('periodEnd', 'must not be before periodStart', { reason: 'order', ...figures });
  }
  if (monthsOfPeriod({ start, end }).length > MAX_PERIOD_MONTHS) {
    throw invalid('periodEnd', `a draft covers at most ${MAX_PERIOD_MONTHS} months`, {
      reason: 'too_long',
      maxMonths: MAX_PERIOD_MONTHS,
      ...figures,
    });
  }
  return { start, end };
}

export function notADraft(doc: Invoice): DomainError {
  const message = `${doc.kind === 'invoice' ? 'Invoice' : 'Credit note'} ${doc.number ?? doc.id} is issued: it can only be corrected by a credit note`;
  return new DomainError('conflict.invoice_issued', message, [
    { message, kind: doc.kind, number: doc.number },
  ]);
}

/** Drafts: built from a contract's uninvoiced work in a period, edited, rebuilt, deleted. */
@Injectable()
export class DraftsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly practice: PracticeService,
    private readonly lines: DraftLines,
    private readonly invoices: InvoicesService,
    private readonly work: BillableWork,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateDraftDto): Promise<InvoiceDetail> {
    const period = checkedPeriod(dto.periodStart, dto.periodEnd);
    const id = await this.transactions.run(
      async (m) => {
        const parties = await this.parties(m, dto.contractId);
        await this.assertPeriodFree(m, parties.contract, period, null);
        const draft = await m.save(
          m.create(Invoice, {
            kind: 'invoice',
            status: 'draft',
            clientId: parties.contract.clientId,
            contractId: parties.contract.id,
            periodStart: period.start,
            periodEnd: period.end,
            locale: parties.client.locale ?? parties.practice.locale,
            vatRegime: vatTermsFor(parties).regime,
            byRate: [],
            createdAt: this.clock.now(),
          }),
        );
        await this.lines.fill(m, draft, parties, []);
        return draft.id;
      },
      [Locks.billing(dto.contractId)],
    );
    return this.invoices.detail(id);
  }

  /** Manual lines, notes or period; a new period rebuilds the generated lines. */
  async update(id: string, dto: UpdateDraftDto): Promise<InvoiceDetail> {
    await this.withDraft(id, async (m, draft) => {
      const parties = await this.parties(m, draft.contractId);
      const manual = dto.lines
        ? this.manualFrom(dto.lines, vatTermsFor(parties))
        : await this.lines.manualLines(m, draft.id);
      if (dto.notes !== undefined) {
        await m.update(Invoice, { id }, { notes: dto.notes?.trim() || null });
      }
      const start = dto.periodStart ?? draft.periodStart;
      const end = dto.periodEnd ?? draft.periodEnd;
      if (start !== draft.periodStart || end !== draft.periodEnd) {
        const period = checkedPeriod(start, end);
        await this.assertPeriodFree(m, parties.contract, period, draft.id);
        await this.lines.free(m, draft.id);
        await m.update(Invoice, { id }, { periodStart: period.start, periodEnd: period.end });
        Object.assign(draft, { periodStart: period.start, periodEnd: period.end });
        await this.lines.fill(m, draft, parties, manual);
      } else if (dto.lines) {
        await this.lines.replaceManual(m, draft, manual);
      }
    });
    return this.invoices.detail(id);
  }

  /** Generated lines again from the period's work now (new interventions, changed rates). */
  async rebuild(id: string): Promise<InvoiceDetail> {
    await this.withDraft(id, async (m, draft) => {
      const parties = await this.parties(m, draft.contractId);
      const manual = await this.lines.manualLines(m, draft.id);
      await this.lines.free(m, draft.id);
      await this.lines.fill(m, draft, parties, manual);
    });
    return this.invoices.detail(id);
  }

  /** Deletes a draft; its interventions and over-quota units become invoiceable again. */
  async remove(id: string): Promise<void> {
    await this.withDraft(id, async (m, draft) => {
      await this.lines.free(m, draft.id);
      await m.delete(Invoice, { id: draft.id, status: 'draft' });
    });
  }

  /** Runs `work` on the draft under its contract's billing lock; 409 once issued. */
  private async withDraft(
    id: string,
    work: (m: EntityManager, draft: Invoice & { contractId: string }) => Promise<void>,
  ): Promise<void> {
    const found = await this.invoices.require(id);
    await this.transactions.run(
      async (m) => {
        const draft = await m.findOne(Invoice, { where: { id } });
        if (!draft) throw notFound('invoice');
        if (draft.status !== 'draft' || draft.kind !== 'invoice' || !draft.contractId) {
          throw notADraft(draft);
        }
        await work(m, draft as Invoice & { contractId: string });
      },
      found.contractId ? [Locks.billing(found.contractId)] : [],
    );
  }

  private async parties(m: EntityManager, contractId: string): Promise<DraftParties> {
    const contract = await m.findOne(Contract, { where: { id: contractId } });
    if (!contract) throw notFound('contract');
    const client = await m.findOne(Client, { where: { id: contract.clientId } });
    if (!client) throw notFound('client');
    return { contract, client, practice: await this.practice.get(m) };
  }

  /**
   * The manual lines as typed, at the default rate when none is given; on an invoice with VAT,
   * a 0 % line names its exemption (without VAT, the invoice's regime says why for every line).
   */
  private manualFrom(
    lines: ManualLineDto[],
    terms: { regime: InvoiceVatRegime; defaultRateBp: number },
  ): DraftLine[] {
    const taxed = terms.regime === 'standard';
    const inputs = lines.map((l) => ({ ...l, vatRateBp: l.vatRateBp ?? terms.defaultRateBp }));
    const problems = inputs.flatMap((l, k) =>
      validateManualLine(l, `lines[${k}]`, taxed).map((p) => ({ ...p, line: k + 1 })),
    );
    if (problems.length > 0) {
      throw new DomainError(
        'invalid.lines',
        `Invalid input: ${problems.map((p) => p.field).join(', ')}`,
        details(problems),
      );
    }
    return inputs.map((input) => manualLine(input, taxed));
  }

  /**
   * One draft per contract and period (rebuild it instead), and a retainer month is billed
   * once: a month of the period (within the contract's dates) must carry no fee on another draft
   * of the contract, nor on an issued invoice not credited in full (credit it first).
   */
  private async assertPeriodFree(
    m: EntityManager,
    contract: Contract,
    period: Period,
    exceptId: string | null,
  ): Promise<void> {
    const draft = await m.findOne(Invoice, {
      where: {
        contractId: contract.id,
        kind: 'invoice',
        status: 'draft',
        periodStart: LessThanOrEqual(period.end),
        periodEnd: MoreThanOrEqual(period.start),
        ...(exceptId ? { id: Not(exceptId) } : {}),
      },
    });
    if (draft) {
      throw new DomainError(
        'conflict.draft_exists',
        `A draft of this contract already covers ${draft.periodStart} to ${draft.periodEnd}: rebuild or change it`,
        [
          {
            field: 'periodStart',
            message: 'a draft already covers this period',
            draftId: draft.id,
            from: draft.periodStart,
            to: draft.periodEnd,
            reason: 'period',
          },
        ],
      );
    }
    if (contract.billing.mode === 'retainer')
      await this.assertMonthsFree(m, contract, period, exceptId);
  }

  /** 409 naming the month and the document whose fee already bills it. */
  private async assertMonthsFree(
    m: EntityManager,
    contract: Contract,
    period: Period,
    exceptId: string | null,
  ): Promise<void> {
    const months = new Set(retainerMonths(contract, period));
    const standing = await this.work.standingInvoices(m, contract.id, exceptId);
    const withFee = await this.withFeeLines(
      m,
      standing.map((d) => d.id),
    );
    for (const doc of standing.filter((d) => withFee.has(d.id))) {
      const docPeriod = { start: doc.periodStart, end: doc.periodEnd };
      const month = contractMonthsOfPeriod(docPeriod, contract).find((mo) => months.has(mo));
      if (!month) continue;
      if (doc.status === 'draft') {
        throw new DomainError(
          'conflict.draft_exists',
          `The draft of this contract from ${doc.periodStart} to ${doc.periodEnd} already bills the retainer of ${month}: rebuild or change it`,
          [
            {
              field: 'periodStart',
              message: `${month} is on another draft`,
              draftId: doc.id,
              from: doc.periodStart,
              to: doc.periodEnd,
              reason: 'month',
              month,
            },
          ],
        );
      }
      throw new DomainError(
        'conflict.period_invoiced',
        `Invoice ${doc.number} already bills this contract's retainer of ${month}; credit it in full first`,
        [
          {
            field: 'periodStart',
            message: `${month} is already invoiced`,
            invoiceId: doc.id,
            number: doc.number,
            month,
          },
        ],
      );
    }
  }

  /** The documents among `ids` that bill a retainer fee. */
  private async withFeeLines(m: EntityManager, ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let k = 0; k < ids.length; k += ID_CHUNK) {
      const rows = await m.find(InvoiceLine, {
        select: { invoiceId: true },
        where: { invoiceId: In(ids.slice(k, k + ID_CHUNK)), kind: 'retainer_fee' },
      });
      for (const row of rows) found.add(row.invoiceId);
    }
    return found;
  }
}
