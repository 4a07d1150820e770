import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { addDays, firstDayOfNextMonth, localDate, localMonth } from '../calendar';
import { ClientsService } from '../clients/clients.service';
import { Clock } from '../common/clock';
import { ChainService } from '../invoicing/chain.service';
import { InvoicesService } from '../invoicing/invoices.service';
import { PracticeService } from '../practice/practice.service';
import { assertDayPeriod } from '../reports/report-period';
import { issuedOnly, periodPresets, periodTotals } from './accounting-view';
import type { PeriodQuery } from './console-forms';
import { CONSOLE_NAV } from './console-pages';
import { type FormProblem, formFailure } from './form-problems';

export const ACCOUNTANT_NAV = [{ href: '/accounting', label: 'accounting.nav.title' }];
const ALL = { limit: 500, offset: 0 };
/** The service reads the whole period before paging: the page lists and sums all of it. */
const WHOLE_PERIOD = { limit: Number.MAX_SAFE_INTEGER, offset: 0 };

/** What the accountant's page shows for a period: its issued documents and their totals. */
@Injectable()
export class AccountingPage {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly clients: ClientsService,
    private readonly practice: PracticeService,
    private readonly chain: ChainService,
    private readonly clock: Clock,
  ) {}

  /**
   * The chain of every issued invoice and credit note, verified now as the API's verify-chain
   * does: intact, with the number of documents checked, or the first document where it breaks.
   */
  async chainCheck(viewer: AuthUser) {
    const { ok, checked, firstBrokenNumber } = await this.chain.verify();
    const nav = viewer.role === 'consultant' ? CONSOLE_NAV : ACCOUNTANT_NAV;
    return { nav, chain: { ok, checked, firstBrokenNumber: firstBrokenNumber ?? null } };
  }

  /**
   * The period's page; a period that ends before it starts (or runs past what a report may
   * cover) is refused beside its end, with nothing listed (status 400).
   */
  async period(viewer: AuthUser, q: PeriodQuery) {
    const { period, today } = await this.periodOrThisMonth(q);
    const nav = viewer.role === 'consultant' ? CONSOLE_NAV : ACCOUNTANT_NAV;
    const presets = periodPresets(today);
    const problems = refusalOf(period);
    if (problems.length) return { nav, period, presets, problems, status: 400 };
    // Clients with invoices are archived, not deleted: their names are read too.
    const [page, active, archived] = await Promise.all([
      this.invoices.list(viewer, { ...WHOLE_PERIOD, ...period }),
      this.clients.list(viewer, ALL),
      this.clients.list(viewer, { ...ALL, archived: true }),
    ]);
    const clients = [...active.items, ...archived.items];
    const docs = issuedOnly(page.items);
    return {
      nav,
      period,
      presets,
      problems,
      status: 200,
      docs,
      totals: periodTotals(docs),
      clientNames: Object.fromEntries(clients.map((c) => [c.id, c.name])),
      exportQuery: new URLSearchParams(period).toString(),
    };
  }

  /** The period asked for; by default the practice's current month. */
  private async periodOrThisMonth(q: PeriodQuery) {
    const { timezone } = await this.practice.get();
    const now = this.clock.now();
    const month = localMonth(now, timezone);
    const period = {
      from: q.from ?? `${month}-01`,
      to: q.to ?? addDays(firstDayOfNextMonth(month), -1),
    };
    return { period, today: localDate(now, timezone) };
  }
}

/** The period's problems, as the form shows them beside its fields. */
function refusalOf(period: { from: string; to: string }): FormProblem[] {
  try {
    assertDayPeriod(period);
    return [];
  } catch (error) {
    return formFailure(error).problems;
  }
}
