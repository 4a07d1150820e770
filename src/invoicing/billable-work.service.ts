import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, In, IsNull } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { dayBounds, localMonth, monthBounds } from '../calendar';
import type { Contract } from '../contracts/contract.entity';
import { Intervention } from '../interventions/intervention.entity';
import { QuotaUnit } from '../requests/quota-unit.entity';
import { SupportRequest } from '../requests/request.entity';
import { rolloverInto } from './draft-facts';
import { monthsOfPeriod, type OverageEvent, type RolloverEntry } from './math';

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
}

/**
 * Reads, for one contract and period, what a draft invoice bills and the state earlier work
 * left (retainer roll-over, prepaid block). Only reads; the drafts service marks the rows.
 */
@Injectable()
export class BillableWork {
  async collect(
    m: EntityManager,
    contract: Contract,
    period: Period,
    timezone: string,
  ): Promise<WorkToBill> {
    const from = dayBounds(period.start, timezone).start;
    const to = dayBounds(period.end, timezone).end;
    const interventions = await m
      .getRepository(Intervention)
      .createQueryBuilder('i')
      .where('i.contractId = :contractId', { contractId: contract.id })
      .andWhere('i.invoiceId IS NULL')
      .andWhere('i.billable = :billable', { billable: true })
      .andWhere('i.endedAt IS NOT NULL')
      .andWhere('i.startedAt >= :from AND i.startedAt < :to', {
        from: from.toISOString(),
        to: to.toISOString(),
      })
      .andWhere(
        new Brackets((q) =>
          q
            .where('i.billableMinutes > 0')
            .orWhere('i.urgencySurchargeCents > 0')
            .orWhere('i.afterHoursSurchargeCents > 0'),
        ),
      )
      .orderBy('i.startedAt', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .getMany();
    const quotaUnits = await m.getRepository(QuotaUnit).find({
      where: {
        contractId: contract.id,
        overage: true,
        released: false,
        invoiceId: IsNull(),
        month: In(monthsOfPeriod(period)),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const billedUnits = quotaUnits.filter((u) => u.feeCents > 0);
    return {
      interventions,
      quotaUnits: billedUnits,
      activityNames: await this.activityNames(m, interventions),
      overageEvents: await this.overageEvents(m, billedUnits),
    };
  }

  /** Retainer: the unused included minutes of earlier months still usable in the period. */
  async rolloverBefore(
    m: EntityManager,
    contract: Contract,
    period: Period,
    timezone: string,
  ): Promise<RolloverEntry[]> {
    const { includedMinutesPerMonth, rolloverMonths } = contract.billing;
    if (!includedMinutesPerMonth || rolloverMonths <= 0) return [];
    const firstMonth = contract.startDate.slice(0, 7);
    const earlier = await m
      .getRepository(Intervention)
      .createQueryBuilder('i')
      .select(['i.startedAt', 'i.billableMinutes'])
      .where('i.contractId = :contractId', { contractId: contract.id })
      .andWhere('i.billable = :billable', { billable: true })
      .andWhere('i.endedAt IS NOT NULL')
      .andWhere('i.startedAt >= :from AND i.startedAt < :to', {
        from: monthBounds(firstMonth, timezone).start.toISOString(),
        to: dayBounds(period.start, timezone).start.toISOString(),
      })
      .getMany();
    const used = new Map<string, number>();
    for (const i of earlier) {
      const month = localMonth(i.startedAt, timezone);
      used.set(month, (used.get(month) ?? 0) + i.billableMinutes);
    }
    return rolloverInto(period.start.slice(0, 7), {
      firstMonth,
      includedMinutes: includedMinutesPerMonth,
      rolloverMonths,
      minutesUsedByMonth: used,
    });
  }

  /** Prepaid: the block less the billable minutes worked before the period. */
  async prepaidRemainingBefore(
    m: EntityManager,
    contract: Contract,
    period: Period,
    timezone: string,
  ): Promise<number> {
    const block = contract.billing.prepaidMinutes ?? 0;
    const row = await m
      .getRepository(Intervention)
      .createQueryBuilder('i')
      .select('COALESCE(SUM(i.billableMinutes), 0)', 'used')
      .where('i.contractId = :contractId', { contractId: contract.id })
      .andWhere('i.billable = :billable', { billable: true })
      .andWhere('i.endedAt IS NOT NULL')
      .andWhere('i.startedAt < :to', {
        to: dayBounds(period.start, timezone).start.toISOString(),
      })
      .getRawOne<{ used: string | number }>();
    return Math.max(0, block - Number(row?.used ?? 0));
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
