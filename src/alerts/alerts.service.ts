import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { localDate, localMonth } from '../calendar';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import type { Page } from '../common/pagination';
import { assertVisibleTo, clientScope, type Viewer } from '../common/tenant';
import { contractStanding } from '../contracts/contract-rules';
import { Contract } from '../contracts/contract.entity';
import { PracticeService } from '../practice/practice.service';
import { ContractWork } from '../usage/contract-work';
import { alertsDue, type AlertFigures } from './alert-rules';
import { Alert, type AlertKind } from './alert.entity';
import { AlertQuery } from './dto/alert.dto';

export interface AlertView {
  id: string;
  contractId: string;
  clientId: string;
  kind: AlertKind;
  period: string;
  message: string;
  figures: AlertFigures | null;
  createdAt: Date;
  /** When the viewer's side (the consultant's inbox or the client's portal) acknowledged it. */
  acknowledgedAt: Date | null;
}

/**
 * Alerts are evaluated when they are read: the contracts in force are checked against their
 * allowance and end date, and an alert not yet raised for its period is written once.
 */
@Injectable()
export class AlertsService {
  constructor(
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    @InjectRepository(Contract) private readonly contracts: Repository<Contract>,
    private readonly practice: PracticeService,
    private readonly work: ContractWork,
    private readonly clock: Clock,
  ) {}

  async list(viewer: Viewer, query: AlertQuery): Promise<Page<AlertView>> {
    await this.raise(viewer);
    const qb = this.alerts.createQueryBuilder('a');
    const own = clientScope(viewer);
    if (own !== null) qb.andWhere('a.clientId = :own', { own });
    const side = own === null ? 'a.acknowledgedAt' : 'a.clientAcknowledgedAt';
    if (!query.includeAcknowledged) qb.andWhere(`${side} IS NULL`);
    const [rows, total] = await qb
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.kind', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: rows.map((a) => alertView(a, viewer)), total };
  }

  async acknowledge(viewer: Viewer, id: string): Promise<AlertView> {
    const alert = await this.alerts.findOne({ where: { id } });
    if (!alert) throw notFound('alert');
    assertVisibleTo(viewer, alert.clientId, 'alert');
    const now = this.clock.now();
    if (clientScope(viewer) === null) {
      alert.acknowledgedAt ??= now;
      alert.acknowledgedById ??= viewer.id;
    } else {
      alert.clientAcknowledgedAt ??= now;
      alert.clientAcknowledgedById ??= viewer.id;
    }
    return alertView(await this.alerts.save(alert), viewer);
  }

  /** Writes the alerts now due for the viewer's contracts in force, each once per period. */
  private async raise(viewer: Viewer): Promise<void> {
    const { timezone } = await this.practice.get();
    const now = this.clock.now();
    const [today, month] = [localDate(now, timezone), localMonth(now, timezone)];
    const own = clientScope(viewer);
    const candidates = await this.contracts.find({
      where: { archivedAt: IsNull(), ...(own === null ? {} : { clientId: own }) },
    });
    const inForce = candidates.filter((c) => contractStanding(c, today) === 'active');
    const used = await this.work.byContract(
      inForce.map((c) => c.id),
      month,
      timezone,
    );
    const due = inForce.flatMap((c) => {
      const minutes = used.get(c.id) ?? { monthMinutes: 0, totalMinutes: 0 };
      return alertsDue({ ...c, ...minutes }, today, month).map((d) => ({ ...d, contract: c }));
    });
    if (due.length === 0) return;
    const existing = await this.alerts.find({
      select: { contractId: true, kind: true, period: true },
      where: { contractId: In([...new Set(due.map((d) => d.contract.id))]) },
    });
    const known = new Set(existing.map((a) => `${a.contractId}|${a.kind}|${a.period}`));
    const fresh = due.filter((d) => !known.has(`${d.contract.id}|${d.kind}|${d.period}`));
    if (fresh.length === 0) return;
    // Two readers may raise the same alert at once: the unique index keeps one, the other is ignored.
    await this.alerts
      .createQueryBuilder()
      .insert()
      .into(Alert)
      .values(
        fresh.map((d) => ({
          id: randomUUID(),
          contractId: d.contract.id,
          clientId: d.contract.clientId,
          kind: d.kind,
          period: d.period,
          message: d.message,
          figures: d.figures,
          createdAt: now,
        })),
      )
      .orIgnore()
      .execute();
  }
}

function alertView(a: Alert, viewer: Viewer): AlertView {
  const consultantSide = clientScope(viewer) === null;
  return {
    id: a.id,
    contractId: a.contractId,
    clientId: a.clientId,
    kind: a.kind,
    period: a.period,
    message: a.message,
    figures: a.figures,
    createdAt: a.createdAt,
    acknowledgedAt: consultantSide ? a.acknowledgedAt : a.clientAcknowledgedAt,
  };
}
