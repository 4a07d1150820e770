import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { addDays, firstDayOfNextMonth, localMonth } from '../calendar';
import { ClientsService } from '../clients/clients.service';
import { Clock } from '../common/clock';
import { InvoicesService } from '../invoicing/invoices.service';
import { PracticeService } from '../practice/practice.service';
import { issuedOnly, periodTotals } from './accounting-view';
import type { PeriodQuery } from './console-forms';
import { CONSOLE_NAV } from './console-pages';

const ACCOUNTANT_NAV = [{ href: '/accounting', label: 'accounting.nav.title' }];
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
    private readonly clock: Clock,
  ) {}

  async period(viewer: AuthUser, q: PeriodQuery) {
    const period = await this.periodOrThisMonth(q);
    // Clients with invoices are archived, not deleted: their names are read too.
    const [page, active, archived] = await Promise.all([
      this.invoices.list(viewer, { ...WHOLE_PERIOD, ...period }),
      this.clients.list(viewer, ALL),
      this.clients.list(viewer, { ...ALL, archived: true }),
    ]);
    const clients = [...active.items, ...archived.items];
    const docs = issuedOnly(page.items);
    return {
      nav: viewer.role === 'consultant' ? CONSOLE_NAV : ACCOUNTANT_NAV,
      period,
      docs,
      totals: periodTotals(docs),
      clientNames: Object.fromEntries(clients.map((c) => [c.id, c.name])),
      exportQuery: new URLSearchParams(period).toString(),
    };
  }

  /** The period asked for; by default the practice's current month. */
  private async periodOrThisMonth(q: PeriodQuery): Promise<{ from: string; to: string }> {
    const { timezone } = await this.practice.get();
    const month = localMonth(this.clock.now(), timezone);
    return {
      from: q.from ?? `${month}-01`,
      to: q.to ?? addDays(firstDayOfNextMonth(month), -1),
    };
  }
}
