import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { monthBounds } from '../calendar';
import { Intervention } from '../interventions/intervention.entity';
import type { MonthMinutes } from './usage-figures';

export interface ContractMonthWork {
  history: MonthMinutes[];
  /** After-hours minutes worked in the last month of the history, billable or not. */
  afterHoursMinutes: number;
}

export interface ContractConsumption {
  monthMinutes: number;
  totalMinutes: number;
}

/**
 * Finished work of contracts, summed in SQL. Instants are stored as UTC text, so a local month is
 * a pair of UTC bounds: each month gets its own conditional sum, and one query covers them all.
 */
@Injectable()
export class ContractWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async monthly(
    contractId: string,
    months: string[],
    timezone: string,
  ): Promise<ContractMonthWork> {
    if (months.length === 0) return { history: [], afterHoursMinutes: 0 };
    const bounds = months.map((m) => monthBounds(m, timezone));
    const qb = this.finished()
      .select('COUNT(*)', 'n')
      .andWhere('i.contractId = :contractId', { contractId })
      .andWhere('i.startedAt >= :from AND i.startedAt < :to', {
        from: bounds[0].start.toISOString(),
        to: bounds[bounds.length - 1].end.toISOString(),
      });
    bounds.forEach((b, k) => {
      qb.addSelect(
        `SUM(CASE WHEN i.billable = :billable AND i.startedAt >= :s${k} AND i.startedAt < :e${k} THEN i.billableMinutes ELSE 0 END)`,
        `m${k}`,
      ).setParameters({ [`s${k}`]: b.start.toISOString(), [`e${k}`]: b.end.toISOString() });
    });
    const last = months.length - 1;
    qb.addSelect(
      `SUM(CASE WHEN i.startedAt >= :s${last} THEN i.afterHoursMinutes ELSE 0 END)`,
      'afterHours',
    ).setParameter('billable', true);
    const row = (await qb.getRawOne<Record<string, string | number | null>>()) ?? {};
    return {
      history: months.map((month, k) => ({ month, billableMinutes: Number(row[`m${k}`] ?? 0) })),
      afterHoursMinutes: Number(row.afterHours ?? 0),
    };
  }

  /** Billable minutes per contract: in `month`, and since the contract began. */
  async byContract(
    contractIds: string[],
    month: string,
    timezone: string,
  ): Promise<Map<string, ContractConsumption>> {
    if (contractIds.length === 0) return new Map();
    const { start, end } = monthBounds(month, timezone);
    const rows = await this.finished()
      .select('i.contractId', 'contractId')
      .addSelect(
        'SUM(CASE WHEN i.startedAt >= :start AND i.startedAt < :end THEN i.billableMinutes ELSE 0 END)',
        'monthMinutes',
      )
      .addSelect('SUM(i.billableMinutes)', 'totalMinutes')
      .andWhere('i.billable = :billable', { billable: true })
      .andWhere('i.contractId IN (:...contractIds)', { contractIds })
      .andWhere('i.startedAt < :end')
      .setParameters({ start: start.toISOString(), end: end.toISOString() })
      .groupBy('i.contractId')
      .getRawMany<{
        contractId: string;
        monthMinutes: string | number;
        totalMinutes: string | number;
      }>();
    return new Map(
      rows.map((r) => [
        r.contractId,
        { monthMinutes: Number(r.monthMinutes), totalMinutes: Number(r.totalMinutes) },
      ]),
    );
  }

  private finished(): SelectQueryBuilder<Intervention> {
    return this.dataSource
      .getRepository(Intervention)
      .createQueryBuilder('i')
      .where('i.endedAt IS NOT NULL');
  }
}
