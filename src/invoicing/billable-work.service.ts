import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, In, Not } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { dayBounds, monthBounds } from '../calendar';
import type { Contract } from '../contracts/contract.entity';
import { BillingClaims } from '../interventions/billing-claims';
import { Intervention } from '../interventions/intervention.entity';
import { QuotaUnit } from '../requests/quota-unit.entity';
import { SupportRequest } from '../requests/request.entity';
import { AllowanceWork, ledgerTerms } from '../allowance/allowance-work';
import { prepaidLeftToBill } from '../allowance/ledger';
import { InvoiceLine } from './invoice-line.entity';
import { Invoice } from './invoice.entity';
import { InvoicesService } from './invoices.service';
import { monthNumber, monthsOfPeriod, type AllowanceMonth, type OverageEvent } from './math';
import { prepaidLineMinutes } from './math/prepaid-lines';

const ID_CHUNK = 500;

export interface Period {
  start: string;
  end: string;
}

/** What a draft bills: the uninvoiced work and over-quota units of a contract in a period. */
export interface WorkToBill {
  interventions: Intervention[];
  quotaUnits: QuotaUnit[];
  activityNames: Map<string, string>;
  overageEvents: OverageEvent[];
  /** Months before the period already invoiced, whose work logged since the draft bills. */
  lateMonths: string[];
}

/**
 * Reads, for one contract and period, what a draft invoice bills and the state earlier work
 * left (retainer roll-over, prepaid block). Only reads; the drafts service marks the rows.
 */
@Injectable()
export class BillableWork {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly allowance: AllowanceWork,
  ) {}

  async collect(
    m: EntityManager,
    contract: Contract,
    period: Period,
    timezone: string,
  ): Promise<WorkToBill> {
    const from = dayBounds(period.start, timezone).start;
    const to = dayBounds(period.end, timezone).end;
    const lateMonths = await this.invoicedMonthsBefore(m, contract.id, period);
    const interventions = await this.billable(m, contract.id)
      .andWhere(
        new Brackets((q) => {
          q.where('(i.startedAt >= :from AND i.startedAt < :to)', {
            from: from.toISOString(),
            to: to.toISOString(),
          });
          lateMonths.forEach((month, k) => {
            const b = monthBounds(month, timezone);
            q.orWhere(
              `(i.startedAt >= :ls${k} AND i.startedAt < :le${k} AND i.startedAt < :from)`,
              {
                [`ls${k}`]: b.start.toISOString(),
                [`le${k}`]: b.end.toISOString(),
              },
            );
          });
        }),
      )
      .orderBy('i.startedAt', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .getMany();
    const periodMonths = monthsOfPeriod(period);
    const unitMonths = [...new Set([...periodMonths, ...lateMonths])];
    const quotaUnits = await m.getRepository(QuotaUnit).find({
      where: {
        contractId: contract.id,
        overage: true,
        released: false,
        ...BillingClaims.claimedFind(false),
        month: In(unitMonths),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const billedUnits = quotaUnits.filter((u) => u.feeCents > 0);
    return {
      interventions,
      quotaUnits: billedUnits,
      activityNames: await this.activityNames(m, interventions),
      overageEvents: (await this.overageEvents(m, billedUnits)).map((e, k) =>
        periodMonths.includes(billedUnits[k].month) ? e : { ...e, month: billedUnits[k].month },
      ),
      lateMonths,
    };
  }

  /** The contract's uninvoiced, finished, billable work that has something to bill. */
  private billable(m: EntityManager, contractId: string) {
    return m
      .getRepository(Intervention)
      .createQueryBuilder('i')
      .where('i.contractId = :contractId', { contractId })
      .andWhere(BillingClaims.claimedWhere('i', false))
      .andWhere('i.billable = :billable', { billable: true })
      .andWhere('i.endedAt IS NOT NULL')
      .andWhere(
        new Brackets((q) =>
          q
            .where('i.billableMinutes > 0')
            .orWhere('i.urgencySurchargeCents > 0')
            .orWhere('i.afterHoursSurchargeCents > 0'),
        ),
      );
  }

  /**
   * The months before `period` (and its own first month, when it starts after the 1st) that an
   * issued invoice of the contract, not credited in full, covers: work logged there since, or
   * given back by a credit note, is billed by the next draft, on lines of its own month.
   */
  async invoicedMonthsBefore(
    m: EntityManager,
    contractId: string,
    period: Period,
  ): Promise<string[]> {
    const standing = (await this.standingInvoices(m, contractId, null)).filter(
      (d) => d.status === 'issued' && d.periodStart < period.start,
    );
    const last = period.start.slice(0, 7);
    const months = new Set<string>();
    for (const doc of standing) {
      for (const month of monthsOfPeriod({ start: doc.periodStart, end: doc.periodEnd })) {
        if (monthNumber(month) <= monthNumber(last)) months.add(month);
      }
    }
    return [...months].sort((a, b) => monthNumber(a) - monthNumber(b));
  }

  /**
   * Retainer: the allowance ledger's `months` (replayed from the contract's first month), whose
   * fee or late work a draft bills: each with its included and roll-over minutes and what its
   * billed work left of them.
   */
  async allowanceMonths(
    m: EntityManager,
    contract: Contract,
    months: readonly string[],
    timezone: string,
  ): Promise<AllowanceMonth[]> {
    if (months.length === 0) return [];
    const last = months.reduce((a, b) => (monthNumber(a) >= monthNumber(b) ? a : b));
    const ledger = await this.allowance.ledger(ledgerTerms(contract), last, timezone, m);
    return ledger.months.filter((l) => months.includes(l.month));
  }

  /**
   * The contract's invoices that still bill their work, but `exceptId`: its drafts, and its
   * issued invoices not credited in full (a full credit note gives their work back).
   */
  async standingInvoices(
    m: EntityManager,
    contractId: string,
    exceptId: string | null,
  ): Promise<Invoice[]> {
    const docs = await m.find(Invoice, {
      where: { contractId, kind: 'invoice', ...(exceptId ? { id: Not(exceptId) } : {}) },
      order: { periodStart: 'ASC', createdAt: 'ASC' },
    });
    const issued = docs.filter((d) => d.status === 'issued').map((d) => d.id);
    const figures = await this.invoices.figures(m, issued);
    // As invoiceStatus says 'cancelled': credited in full, and there was something to credit.
    const cancelled = (d: Invoice) =>
      d.grossCents > 0 && Math.abs(figures.get(d.id)?.creditedCents ?? 0) >= d.grossCents;
    return docs.filter((d) => d.status === 'draft' || !cancelled(d));
  }

  /**
   * Prepaid: what is left of the block for a draft of `period`, from the allowance ledger of the
   * work before the period: less what the contract's other drafts and standing invoices drew
   * (their prepaid lines, whatever the dates of their work), less the billable work from before
   * the period not billed yet (it comes first, as it will when it is billed) but for the months
   * whose late work the draft bills itself (`lateMonths`).
   */
  async prepaidRemaining(
    m: EntityManager,
    contract: Contract,
    period: Period,
    timezone: string,
    draftId: string,
    lateMonths: readonly string[],
  ): Promise<number> {
    const terms = ledgerTerms(contract);
    const drawn = await this.prepaidDrawn(m, contract.id, draftId);
    const ledger = await this.allowance.ledgerBefore(terms, period.start, timezone, m);
    return prepaidLeftToBill(terms, ledger.months, drawn, lateMonths);
  }

  /** The block minutes the prepaid lines of the contract's standing invoices but `draftId` drew. */
  private async prepaidDrawn(
    m: EntityManager,
    contractId: string,
    draftId: string,
  ): Promise<number> {
    const ids = (await this.standingInvoices(m, contractId, draftId)).map((d) => d.id);
    let drawn = 0;
    for (let k = 0; k < ids.length; k += ID_CHUNK) {
      const rows = await m.find(InvoiceLine, {
        select: { quantityHundredths: true },
        where: { invoiceId: In(ids.slice(k, k + ID_CHUNK)), kind: 'prepaid' },
      });
      drawn += rows.reduce((sum, r) => sum + prepaidLineMinutes(r.quantityHundredths), 0);
    }
    return drawn;
  }

  private async activityNames(
    m: EntityManager,
    interventions: Intervention[],
  ): Promise<Map<string, string>> {
    const ids = [...new Set(interventions.map((i) => i.activityId))];
    if (ids.length === 0) return new Map();
    const activities = await m.getRepository(Activity).find({ where: { id: In(ids) } });
    return new Map(activities.map((a) => [a.id, a.name]));
  }

  /** Each over-quota unit as the event it bills, named by its request (or intervention). */
  private async overageEvents(m: EntityManager, units: QuotaUnit[]): Promise<OverageEvent[]> {
    const requestIds = units.map((u) => u.requestId).filter((id): id is string => id !== null);
    const workIds = units.map((u) => u.interventionId).filter((id): id is string => id !== null);
    const requests = requestIds.length
      ? await m.getRepository(SupportRequest).find({ where: { id: In(requestIds) } })
      : [];
    const works = workIds.length
      ? await m.getRepository(Intervention).find({ where: { id: In(workIds) } })
      : [];
    const titles = new Map<string, string>([
      ...requests.map((r): [string, string] => [r.id, r.title]),
      ...works.map((w): [string, string] => [w.id, w.description.replace(/\s+/g, ' ').trim()]),
    ]);
    return units.map((u) => ({
      urgency: u.level,
      feeCents: u.feeCents,
      ...(u.requestId ? { requestId: u.requestId } : {}),
      title: titles.get(u.requestId ?? u.interventionId ?? '') ?? u.month,
    }));
  }
}
