import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, firstDayOfNextMonth } from '../calendar';
import { ClientsService } from '../clients/clients.service';
import { AutonomyService } from '../coaching/autonomy.service';
import type { AutonomyView } from '../coaching/dto/autonomy.dto';
import { Clock } from '../common/clock';
import { URGENCY_LEVELS, type BillingMode, type Urgency } from '../common/domain';
import type { Viewer } from '../common/tenant';
import { Contract } from '../contracts/contract.entity';
import type { InvoiceQuery } from '../invoicing/dto/invoice.dto';
import { InvoicesService } from '../invoicing/invoices.service';
import type { DocumentKind, InvoiceStatus } from '../invoicing/math';
import { PracticeService } from '../practice/practice.service';
import { AllowanceWork, ledgerTerms } from '../allowance/allowance-work';
import { consumptionOf, monthsBetween, type ConsumptionFigures } from '../usage/usage-figures';
import {
  deflectionCounts,
  emptyQuotaCounts,
  emptyRequestCounts,
  keyOf,
  quotaUse,
  requestCounts,
  type RequestCounts,
} from './client-report-queries';
import { assertMonthPeriod, type DayPeriod } from './report-period';

export interface ClientReportMonth extends RequestCounts {
  month: string;
  /** Minutes used against included (retainer, with roll-over) or prepaid minutes. */
  consumption: ConsumptionFigures;
  quotas: Record<Urgency, { used: number; overage: number; quota: number | null }>;
  deflections: number;
}

export interface ClientReportContract {
  id: string;
  reference: string;
  title: string;
  mode: BillingMode;
  startDate: string;
  endDate: string | null;
  /** The report's months during which the contract ran. */
  months: ClientReportMonth[];
}

export interface ClientReportInvoice {
  id: string;
  number: string | null;
  kind: DocumentKind;
  issueDate: string | null;
  dueDate: string | null;
  grossCents: number;
  paidCents: number;
  /** What is still owed on an invoice; null on a credit note, already taken off its invoice. */
  balanceCents: number | null;
  status: InvoiceStatus;
}

export interface ClientReportData {
  clientId: string;
  clientName: string;
  /** Months 'YYYY-MM', both included. */
  from: string;
  to: string;
  timezone: string;
  contracts: ClientReportContract[];
  totals: RequestCounts & {
    usedMinutes: number;
    deflections: number;
    /** Responses on time among the answered or late ones, 0..1; null when none is due yet. */
    slaCompliance: number | null;
  };
  invoices: ClientReportInvoice[];
  balanceCents: number;
  /** The client's autonomy month by month, as the coaching service counts it. */
  autonomy: AutonomyView;
}

/**
 * A client's report month by month: consumption against included or prepaid hours (the
 * usage rules of src/usage), quotas, response deadlines, false urgencies, deflections, and
 * the invoices of the period with their balance. A client user sees only its own company.
 */
@Injectable()
export class ClientReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly practice: PracticeService,
    private readonly allowance: AllowanceWork,
    private readonly invoices: InvoicesService,
    private readonly clock: Clock,
    private readonly autonomy: AutonomyService,
  ) {}

  async report(viewer: Viewer, clientId: string, period: DayPeriod): Promise<ClientReportData> {
    assertMonthPeriod(period);
    const client = await this.clients.get(viewer, clientId);
    const { timezone } = await this.practice.get();
    const days = { from: `${period.from}-01`, to: addDays(firstDayOfNextMonth(period.to), -1) };
    const contracts = await this.contractsOf(clientId, days);
    const ids = contracts.map((c) => c.id);
    const months = monthsBetween(period.from, period.to);
    const [quotas, requests, deflections, invoices, autonomy] = await Promise.all([
      quotaUse(this.dataSource, ids, months),
      requestCounts(this.dataSource, ids, months, timezone, this.clock.now()),
      deflectionCounts(this.dataSource, ids, months, timezone),
      this.invoicesOf(viewer, clientId, days),
      this.autonomy.trend(viewer, clientId, { from: period.from, to: period.to }),
    ]);
    const rows: ClientReportContract[] = [];
    for (const contract of contracts) {
      // One ledger per contract, roll-over replayed once, read month by month.
      const ledger = await this.allowance.ledger(ledgerTerms(contract), period.to, timezone);
      const running = months.filter((m) => runsIn(contract, m));
      rows.push({
        ...describe(contract),
        months: running.map((month) => {
          const key = keyOf({ contractId: contract.id, month });
          const used = quotas.get(key) ?? emptyQuotaCounts();
          return {
            month,
            consumption: consumptionOf(
              contract.billing.mode,
              ledger.months.find((l) => l.month === month)!,
            ),
            quotas: withQuotas(used, contract),
            ...(requests.get(key) ?? emptyRequestCounts()),
            deflections: deflections.get(key) ?? 0,
          };
        }),
      });
    }
    return {
      clientId,
      clientName: client.name,
      ...period,
      timezone,
      contracts: rows,
      totals: totalsOf(rows),
      invoices,
      balanceCents: invoices.reduce((sum, i) => sum + (i.balanceCents ?? 0), 0),
      autonomy,
    };
  }

  /** Contracts of the client that ran at some point of the period, archived ones included. */
  private contractsOf(clientId: string, days: DayPeriod): Promise<Contract[]> {
    return this.dataSource
      .getRepository(Contract)
      .createQueryBuilder('c')
      .where('c.clientId = :clientId', { clientId })
      .andWhere('c.startDate <= :to', { to: days.to })
      .andWhere('(c.endDate IS NULL OR c.endDate >= :from)', { from: days.from })
      .orderBy('c.startDate')
      .addOrderBy('c.reference')
      .getMany();
  }

  private async invoicesOf(
    viewer: Viewer,
    clientId: string,
    days: DayPeriod,
  ): Promise<ClientReportInvoice[]> {
    const query: InvoiceQuery = { clientId, ...days, limit: Number.MAX_SAFE_INTEGER, offset: 0 };
    const page = await this.invoices.list(viewer, query);
    return page.items
      .filter((doc) => doc.status !== 'draft')
      .reverse()
      .map((doc) => ({
        id: doc.id,
        number: doc.number,
        kind: doc.kind,
        issueDate: doc.issueDate,
        dueDate: doc.dueDate,
        grossCents: doc.totals.grossCents,
        paidCents: doc.paidCents,
        balanceCents: doc.kind === 'invoice' ? doc.balanceCents : null,
        status: doc.status,
      }));
  }
}

function runsIn(contract: Contract, month: string): boolean {
  const last = addDays(firstDayOfNextMonth(month), -1);
  return (
    contract.startDate <= last && (contract.endDate === null || contract.endDate >= `${month}-01`)
  );
}

function describe(contract: Contract): Omit<ClientReportContract, 'months'> {
  return {
    id: contract.id,
    reference: contract.reference,
    title: contract.title,
    mode: contract.billing.mode,
    startDate: contract.startDate,
    endDate: contract.endDate,
  };
}

function withQuotas(
  used: ReturnType<typeof emptyQuotaCounts>,
  contract: Contract,
): ClientReportMonth['quotas'] {
  return Object.fromEntries(
    URGENCY_LEVELS.map((level) => [
      level,
      { ...used[level], quota: contract.urgencyPolicy.levels[level].monthlyQuota },
    ]),
  ) as ClientReportMonth['quotas'];
}

function totalsOf(contracts: readonly ClientReportContract[]): ClientReportData['totals'] {
  const months = contracts.flatMap((c) => c.months);
  const sum = (pick: (m: ClientReportMonth) => number) => months.reduce((s, m) => s + pick(m), 0);
  const sla = {
    met: sum((m) => m.sla.met),
    missed: sum((m) => m.sla.missed),
    pending: sum((m) => m.sla.pending),
  };
  const judged = sla.met + sla.missed;
  return {
    usedMinutes: sum((m) => m.consumption.usedMinutes),
    requests: sum((m) => m.requests),
    urgentRequests: sum((m) => m.urgentRequests),
    falseUrgencies: sum((m) => m.falseUrgencies),
    deflections: sum((m) => m.deflections),
    sla,
    slaCompliance: judged > 0 ? sla.met / judged : null,
  };
}
