import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { dayBounds } from '../calendar';
import { notFound } from '../common/domain-error';
import { Page } from '../common/pagination';
import { PracticeService } from '../practice/practice.service';
import { InterventionQuery } from './dto/intervention.dto';
import type { InterventionResponse } from './dto/intervention.response';
import { toView } from './intervention-view';
import { Intervention } from './intervention.entity';

const LOCAL_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reading interventions: the list with its filters, one by id. */
@Injectable()
export class InterventionsService {
  constructor(
    @InjectRepository(Intervention) private readonly interventions: Repository<Intervention>,
    private readonly practice: PracticeService,
  ) {}

  /** Newest first. `from`/`to` bound the start; a day is read in the practice zone, `to` inclusive. */
  async list(query: InterventionQuery): Promise<Page<InterventionResponse>> {
    const builder = this.interventions.createQueryBuilder('i');
    await this.period(builder, query);
    for (const key of ['consultantId', 'clientId', 'contractId', 'requestId'] as const) {
      const value = query[key];
      if (value) builder.andWhere(`i.${key} = :${key}`, { [key]: value });
    }
    if (query.invoiced !== undefined) {
      builder.andWhere(query.invoiced ? 'i.invoiceId IS NOT NULL' : 'i.invoiceId IS NULL');
    }
    const [items, total] = await builder
      .orderBy('i.startedAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: items.map(toView), total };
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
    if (query.from) {
      const from = LOCAL_DAY.test(query.from)
        ? dayBounds(query.from, timezone).start
        : new Date(query.from);
      builder.andWhere('i.startedAt >= :from', { from: from.toISOString() });
    }
    if (query.to) {
      const to = LOCAL_DAY.test(query.to) ? dayBounds(query.to, timezone).end : new Date(query.to);
      builder.andWhere('i.startedAt < :to', { to: to.toISOString() });
    }
  }
}
