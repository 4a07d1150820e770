import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Client } from '../clients/client.entity';
import { DomainError } from '../common/domain-error';
import type { Contract } from '../contracts/contract.entity';
import { BillingClaims } from '../interventions/billing-claims';
import type { Practice } from '../practice/practice.entity';
import { BillableWork, type Period } from './billable-work.service';
import { lineDetails, toDraftIntervention } from './draft-facts';
import { InvoiceLine } from './invoice-line.entity';
import { Invoice } from './invoice.entity';
import { draftLineOf, lineRowValues } from './line-rows';
import {
  billsFeeInAdvance,
  buildDraft,
  computeTotals,
  contractMonthsOfPeriod,
  monthsBefore,
  monthsOfPeriod,
  vatRegimeFor,
  type DraftInput,
  type DraftLine,
  type InvoiceVatRegime,
} from './math';

export interface DraftParties {
  contract: Contract;
  client: Client;
  practice: Practice;
}

/** The VAT regime of a client's invoices, and the rate new lines take under it. */
export function vatTermsFor({ client, practice }: Omit<DraftParties, 'contract'>): {
  regime: InvoiceVatRegime;
  defaultRateBp: number;
} {
  const regime = vatRegimeFor({
    practiceRegime: practice.vatRegime,
    clientCountry: client.address.country,
    clientVatNumber: client.vatNumber,
  });
  return { regime, defaultRateBp: regime === 'standard' ? practice.defaultVatRateBp : 0 };
}

/**
 * The months whose retainer fee a draft of `period` bills: those the contract runs in. 422
 * when the contract runs in none of them (a fee for a month outside the contract is never due).
 */
export function retainerMonths(contract: Contract, period: Period): string[] {
  const months = contractMonthsOfPeriod(period, contract);
  if (months.length > 0) return months;
  const runs = `${contract.startDate} – ${contract.endDate ?? '…'}`;
  throw new DomainError(
    'rule.outside_contract',
    `The period ${period.start} – ${period.end} is outside the contract ${contract.reference} (${runs})`,
    [
      {
        field: 'periodStart',
        message: `outside the contract period ${runs}`,
        periodStart: period.start,
        periodEnd: period.end,
        reference: contract.reference,
        startDate: contract.startDate,
        endDate: contract.endDate,
        reason: 'draft',
      },
    ],
  );
}

/**
 * Writes a draft's lines: the generated ones from the contract's uninvoiced work in the period,
 * then the manual ones; claims the work under the draft's id (and releases it again).
 */
@Injectable()
export class DraftLines {
  constructor(
    private readonly work: BillableWork,
    private readonly claims: BillingClaims,
  ) {}

  async fill(
    m: EntityManager,
    draft: Invoice,
    parties: DraftParties,
    manual: DraftLine[],
  ): Promise<void> {
    const { contract, practice } = parties;
    const period: Period = { start: draft.periodStart, end: draft.periodEnd };
    const tz = practice.timezone;
    const { regime, defaultRateBp } = vatTermsFor(parties);
    const locale = parties.client.locale ?? practice.locale;
    const retainer = contract.billing.mode === 'retainer';
    const months = retainer ? retainerMonths(contract, period) : [];
    // In advance (à échoir), a period's invoice bills its months' fee and the months before.
    const advance = billsFeeInAdvance(contract.billing);
    const workPeriod = advance ? monthsBefore(period) : period;
    const found = await this.work.collect(m, contract, workPeriod, tz);
    const workMonths = advance ? monthsOfPeriod(workPeriod) : [];
    const lateMonths = [...new Set([...found.lateMonths, ...workMonths])].sort();
    const input: DraftInput = {
      mode: contract.billing.mode,
      period,
      months,
      timezone: tz,
      monthlyFeeCents: contract.billing.monthlyFeeCents ?? undefined,
      prepaidRemainingMinutes:
        contract.billing.mode === 'prepaid'
          ? await this.work.prepaidRemaining(m, contract, period, tz, draft.id, found.lateMonths)
          : undefined,
      hourlyRateCents: contract.billing.hourlyRateCents,
      overageRateCents: contract.billing.overageRateCents ?? undefined,
      vatRateBp: defaultRateBp,
      feeInAdvance: advance,
      workMonths,
      interventions: found.interventions.map((i) =>
        toDraftIntervention(i, found.activityNames.get(i.activityId) ?? ''),
      ),
      overageEvents: found.overageEvents,
      allowance: retainer
        ? await this.work.allowanceMonths(m, contract, [...months, ...lateMonths], tz)
        : [],
      locale,
    };
    const generated = buildDraft(input).lines;
    const works = new Map(found.interventions.map((i) => [i.id, i]));
    const typed = manual.map((l) => underRegime(l, regime));
    const rows = [
      ...generated.map((l, k) => lineRowValues(draft.id, k, l, lineDetails(l, works, tz, locale))),
      ...typed.map((l, k) => lineRowValues(draft.id, generated.length + k, l)),
    ];
    await m.delete(InvoiceLine, { invoiceId: draft.id });
    if (rows.length > 0)
      await m.insert(
        InvoiceLine,
        rows.map((r) => m.create(InvoiceLine, r)),
      );
    await this.claims.claim(m, draft.id, {
      interventionIds: found.interventions.map((i) => i.id),
      quotaUnitIds: found.quotaUnits.map((u) => u.id),
    });
    const totals = computeTotals([...generated, ...typed], regime);
    await m.update(
      Invoice,
      { id: draft.id },
      { vatRegime: regime, locale, ...totalsColumns(totals) },
    );
  }

  /** Lines and totals again, keeping the generated lines and replacing the manual ones. */
  async replaceManual(m: EntityManager, draft: Invoice, manual: DraftLine[]): Promise<void> {
    const rows = await m.find(InvoiceLine, {
      where: { invoiceId: draft.id },
      order: { position: 'ASC' },
    });
    const kept = rows.filter((r) => r.kind !== 'manual');
    const typed = manual.map((l) => underRegime(l, draft.vatRegime));
    await m.delete(InvoiceLine, { invoiceId: draft.id });
    const values = [
      ...kept.map((r, k) => ({ ...r, id: undefined, position: k })),
      ...typed.map((l, k) => lineRowValues(draft.id, kept.length + k, l)),
    ];
    if (values.length > 0) {
      await m.insert(
        InvoiceLine,
        values.map((v) => m.create(InvoiceLine, v)),
      );
    }
    const totals = computeTotals([...kept.map(draftLineOf), ...typed], draft.vatRegime);
    await m.update(Invoice, { id: draft.id }, totalsColumns(totals));
  }

  /** The draft's manual lines, to keep across a rebuild. */
  async manualLines(m: EntityManager, draftId: string): Promise<DraftLine[]> {
    const rows = await m.find(InvoiceLine, {
      where: { invoiceId: draftId, kind: 'manual' },
      order: { position: 'ASC' },
    });
    return rows.map(draftLineOf);
  }

  /** The draft's interventions and over-quota units become invoiceable again. */
  async free(m: EntityManager, invoiceId: string): Promise<void> {
    await this.claims.release(m, invoiceId);
  }

  /** Some of an issued invoice's interventions become invoiceable again (a credit gave them back). */
  async freeWork(m: EntityManager, invoiceId: string, interventionIds: string[]): Promise<void> {
    await this.claims.release(m, invoiceId, interventionIds);
  }
}

/**
 * A manual line as the invoice's regime bills it: without VAT (franchise, reverse charge,
 * export) at 0 % with no exemption of its own, the regime's mention saying why for every line.
 */
function underRegime(line: DraftLine, regime: InvoiceVatRegime): DraftLine {
  if (regime === 'standard') return line;
  const { vatExemption: _none, ...rest } = line;
  return { ...rest, vatRateBp: 0 };
}

export function totalsColumns(totals: ReturnType<typeof computeTotals>): Partial<Invoice> {
  return {
    netCents: totals.netCents,
    vatCents: totals.vatCents,
    grossCents: totals.grossCents,
    byRate: totals.byRate,
  };
}
