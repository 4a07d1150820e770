import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { dayBounds } from '../calendar';
import { invalid, notFound } from '../common/domain-error';
import { Page } from '../common/pagination';
import { PracticeService } from '../practice/practice.service';
import { BillingClaims } from './billing-claims';
import { InterventionQuery } from './dto/intervention.dto';
import type { InterventionResponse, InterventionTotals } from './dto/intervention.response';
import { toView } from './intervention-view';
import { Intervention } from './intervention.entity';

const LOCAL_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Query fields that select interventions holding the same value. */
const EQUAL_FILTERS = [
  'consultantId',
  'clientId',
  'contractId',
  'requestId',
  'activityId',
  'urgency',
] as const;

/** Reading interventions: the list with its filters, one by id. */
@Injectable()
export class InterventionsService {
  constructor(
    @InjectRepository(Intervention) private readonly interventions: Repository<Intervention>,
    private readonly practice: PracticeService,
  ) {}

  /**
   * Newest first. `from`/`to` bound the start; a day is read in the practice zone, `to`
   * inclusive. The totals cover every intervention the filters select, not only this page.
   */
  async list(
    query: InterventionQuery,
  ): Promise<Page<InterventionResponse> & { totals: InterventionTotals }> {
    const builder = this.interventions.createQueryBuilder('i');
    await this.period(builder, query);
    for (const key of EQUAL_FILTERS) {
      const value = query[key];
      if (value !== undefined) builder.andWhere(`i.${key} = :${key}`, { [key]: value });
    }
    if (query.billable !== undefined) {
      builder.andWhere('i.billable = :billable', { billable: query.billable });
    }
    if (query.invoiced !== undefined) {
      builder.andWhere(BillingClaims.claimedWhere('i', query.invoiced));
    }
    const totals = await totalsOf(builder.clone());
    const [items, total] = await builder
      .orderBy('i.startedAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: items.map(toView), total, totals };
  }

  async get(id: string): Promise<InterventionResponse> {
    const found = await this.interventions.findOne({ where: { id } });
    if (!found) throw notFound('intervention');
    return toView(found);
  }

  /** Any of the consultant's interventions still running (the timer), or null. */
  findRunning(consultantId: string): Promise<Intervention | null> {
    return this.interventions
      .createQueryBuilder('i')
      .where('i.consultantId = :consultantId AND i.endedAt IS NULL', { consultantId })
      .getOne();
  }

  private async period(
    builder: SelectQueryBuilder<Intervention>,
    query: InterventionQuery,
  ): Promise<void> {
    if (!query.from && !query.to) return;
    const { timezone } = await this.practice.get();
    const from = query.from ? periodBound(query.from, timezone, 'start') : null;
    const to = query.to ? periodBound(query.to, timezone, 'end') : null;
    if (from && to && from.getTime() >= to.getTime()) {
      throw invalid(
        'to',
        `must come after from (${query.from}): the period ends before it starts`,
        {
          from: query.from,
          to: query.to,
        },
      );
    }
    if (from) builder.andWhere('i.startedAt >= :from', { from: from.toISOString() });
    if (to) builder.andWhere('i.startedAt < :to', { to: to.toISOString() });
  }
}

/** A local day's first or last instant (read in the practice zone), or the instant given. */
function periodBound(value: string, timezone: string, side: 'start' | 'end'): Date {
  return LOCAL_DAY.test(value) ? dayBounds(value, timezone)[side] : new Date(value);
}

/** Sums over the whole filtered set, in SQL; a running timer counts nothing yet. */
async function totalsOf(builder: SelectQueryBuilder<Intervention>): Promise<InterventionTotals> {
  const row = await builder
    .select('COALESCE(SUM(i.durationMinutes), 0)', 'durationMinutes')
    .addSelect('COALESCE(SUM(i.billableMinutes), 0)', 'billableMinutes')
    .addSelect('COALESCE(SUM(i.amountCents), 0)', 'amountCents')
    .getRawOne<Record<keyof InterventionTotals, string | number>>();
  return {
    durationMinutes: Number(row?.durationMinutes ?? 0),
    billableMinutes: Number(row?.billableMinutes ?? 0),
    amountCents: Number(row?.amountCents ?? 0),
  };
}
