import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { localDate, localMonth } from '../calendar';
import { Clock } from '../common/clock';
import { Transactions } from '../common/transactions';
import { WorkWritten } from '../common/work-written';
import { notFound } from '../common/domain-error';
import { asOutcome } from '../common/outcome';
import type { Page } from '../common/pagination';
import { assertVisibleTo, clientScope, type Viewer } from '../common/tenant';
import { contractStanding } from '../contracts/contract-rules';
import { Contract } from '../contracts/contract.entity';
import { PracticeService } from '../practice/practice.service';
import { AllowanceWork, ledgerTerms } from '../allowance/allowance-work';
import { AlertMail } from './alert-mail';
import {
  alertsDue,
  currentUsage,
  type AlertDue,
  type AlertFigures,
  type ContractFacts,
} from './alert-rules';
import { Alert, type AlertKind } from './alert.entity';
import { AlertQuery } from './dto/alert.dto';

/**
 * An alert as its reader sees it: its code (its kind) and figures, worded by `alert.<kind>` in
 * the reader's language where it is shown; an alert stored without figures keeps its words.
 */
export interface AlertView {
  id: string;
  contractId: string;
  clientId: string;
  kind: AlertKind;
  code: AlertKind | 'as_written';
  period: string;
  message?: string;
  figures: AlertFigures | null;
  createdAt: Date;
  /** When the viewer's side (the consultant's inbox or the client's portal) acknowledged it. */
  acknowledgedAt: Date | null;
}

/**
 * Alerts are raised by the write that crosses a threshold (an intervention saved, a timer
 * stopped, a request filed), in its transaction, and evaluated again when they are read: the
 * contracts in force are checked against their allowance (the ledger's figures) and end date,
 * and an alert not yet raised for its period is written once; a usage alert always shows the
 * ledger's figures of the moment it is read.
 */
@Injectable()
export class AlertsService implements OnModuleInit {
  constructor(
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    @InjectRepository(Contract) private readonly contracts: Repository<Contract>,
    private readonly practice: PracticeService,
    private readonly allowance: AllowanceWork,
    private readonly clock: Clock,
    private readonly written: WorkWritten,
    private readonly transactions: Transactions,
    private readonly mail: AlertMail,
  ) {}

  /** A write that crosses a threshold raises its alert in its own transaction. */
  onModuleInit(): void {
    this.written.listen((m, contractIds, facts) => {
      // The writer's contracts, when it gives every one written to (its Contract entities).
      const given = (facts?.contracts ?? []) as Contract[];
      const known = contractIds.every((id) => given.some((c) => c.id === id))
        ? given.filter((c) => contractIds.includes(c.id))
        : undefined;
      return this.raiseFor(m, { id: In(contractIds) }, { timezone: facts?.timezone, known });
    });
  }

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
    const live = await this.liveUsage(rows);
    return { items: rows.map((a) => alertView(a, viewer, live.get(a.id))), total };
  }

  /**
   * A usage alert shows the ledger's figures now, not those of the moment it was raised: the
   * month it names (a retainer) or the whole block (prepaid), read again.
   */
  private async liveUsage(rows: Alert[]): Promise<Map<string, AlertFigures>> {
    const usage = rows.filter((a) => a.kind === 'usage_80' || a.kind === 'usage_100');
    const result = new Map<string, AlertFigures>();
    if (usage.length === 0) return result;
    const { timezone } = await this.practice.get();
    const thisMonth = localMonth(this.clock.now(), timezone);
    const contracts = await this.contracts.find({
      where: { id: In([...new Set(usage.map((a) => a.contractId))]) },
    });
    for (const alert of usage) {
      const contract = contracts.find((c) => c.id === alert.contractId);
      if (!contract) continue;
      const month = alert.figures?.month ?? thisMonth;
      const facts = await this.factsOf(contract, month, timezone);
      const now = currentUsage(facts, month);
      if (now) result.set(alert.id, now);
    }
    return result;
  }

  /** The ledger's figures of a contract for the alert rules: the month and since the start. */
  private async factsOf(
    contract: Contract,
    month: string,
    timezone: string,
    m?: EntityManager,
  ): Promise<ContractFacts> {
    const ledger = await this.allowance.ledger(ledgerTerms(contract), month, timezone, m);
    const months = ledger.months;
    return {
      ...contract,
      monthMinutes: months[months.length - 1]?.usedMinutes ?? 0,
      totalMinutes: months.reduce((sum, l) => sum + l.usedMinutes, 0),
    };
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
    const own = clientScope(viewer);
    await this.raiseFor(this.alerts.manager, own === null ? {} : { clientId: own });
  }

  /** Writes the alerts now due for the contracts in force matching `where`, each once per period. */
  private async raiseFor(
    m: EntityManager,
    where: { id?: ReturnType<typeof In>; clientId?: string },
    read: { timezone?: string; known?: Contract[] } = {},
  ): Promise<void> {
    const timezone = read.timezone ?? (await this.practice.get(m)).timezone;
    const now = this.clock.now();
    const [today, month] = [localDate(now, timezone), localMonth(now, timezone)];
    const candidates = read.known
      ? read.known.filter((c) => c.archivedAt === null)
      : await m.find(Contract, { where: { archivedAt: IsNull(), ...where } });
    const inForce = candidates.filter((c) => contractStanding(c, today) === 'active');
    const due = [];
    for (const [k, c] of inForce.entries()) {
      // A contract's ledger at a time, the event loop running between two (an import touches many).
      if (k > 0) await nextTurn();
      const facts = await this.factsOf(c, month, timezone, m);
      due.push(...alertsDue(facts, today, month).map((d) => ({ ...d, contract: c })));
    }
    if (due.length === 0) return;
    const existing = await m.find(Alert, {
      select: { contractId: true, kind: true, period: true },
      where: { contractId: In([...new Set(due.map((d) => d.contract.id))]) },
    });
    const known = new Set(existing.map((a) => `${a.contractId}|${a.kind}|${a.period}`));
    const fresh = due.filter((d) => !known.has(`${d.contract.id}|${d.kind}|${d.period}`));
    if (fresh.length === 0) return;
    const written = (tm: EntityManager) => this.write(tm, fresh, now);
    // Raised on reading, outside any write: the alerts and their messages go in together.
    await (m.queryRunner?.isTransactionActive ? written(m) : this.transactions.run(written));
  }

  /** Writes alerts, each once; those this write raised (not a concurrent one) send their mail. */
  private async write(
    m: EntityManager,
    fresh: Array<AlertDue & { contract: Contract }>,
    now: Date,
  ): Promise<void> {
    const rows = fresh.map((d) => ({ ...d, id: randomUUID() }));
    // Two readers may raise the same alert at once: the unique index keeps one, the other is ignored.
    await m
      .createQueryBuilder()
      .insert()
      .into(Alert)
      .values(
        rows.map((d) => ({
          id: d.id,
          contractId: d.contract.id,
          clientId: d.contract.clientId,
          kind: d.kind,
          period: d.period,
          // The words are the catalogue's, for each reader: only the figures are kept.
          message: '',
          figures: d.figures,
          createdAt: now,
        })),
      )
      .orIgnore()
      .execute();
    const ours = await m.find(Alert, {
      select: { id: true },
      where: { id: In(rows.map((r) => r.id)) },
    });
    const kept = new Set(ours.map((a) => a.id));
    await this.mail.raised(
      m,
      rows.filter((r) => kept.has(r.id)),
    );
  }
}

function alertView(a: Alert, viewer: Viewer, live?: AlertFigures): AlertView {
  const consultantSide = clientScope(viewer) === null;
  const figures = live ?? storedFigures(a.figures);
  const view = {
    id: a.id,
    contractId: a.contractId,
    clientId: a.clientId,
    kind: a.kind,
    period: a.period,
    figures,
    createdAt: a.createdAt,
    acknowledgedAt: consultantSide ? a.acknowledgedAt : a.clientAcknowledgedAt,
  };
  return figures === null
    ? { ...view, code: 'as_written', message: a.message }
    : asOutcome('alert', { ...view, code: a.kind });
}

/** Figures stored before the used minutes were named so (`used`) read as they are now. */
function storedFigures(figures: AlertFigures | null): AlertFigures | null {
  if (figures === null) return null;
  const { used, ...rest } = figures as AlertFigures & { used?: number };
  return used === undefined || rest.usedMinutes !== undefined
    ? rest
    : { ...rest, usedMinutes: used };
}
