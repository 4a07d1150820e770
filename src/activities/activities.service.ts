import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { notFound } from '../common/domain-error';
import { Page } from '../common/pagination';
import { isForeignKeyViolation } from '../common/tenant';
import { Activity } from './activity.entity';
import { ActivityQuery, CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';
import { Clock } from '../common/clock';

@Injectable()
export class ActivitiesService {
  constructor(
    @InjectRepository(Activity) private readonly activities: Repository<Activity>,
    private readonly clock: Clock,
  ) {}

  create(dto: CreateActivityDto): Promise<Activity> {
    return this.activities.save(
      this.activities.create({
        ...dto,
        billable: dto.billable ?? true,
        createdAt: this.clock.now(),
        archivedAt: null,
      }),
    );
  }

  /** Active activities by default; `archived: true` lists the archived ones instead. */
  async list(query: ActivityQuery): Promise<Page<Activity>> {
    const [items, total] = await this.activities.findAndCount({
      where: {
        archivedAt: query.archived ? Not(IsNull()) : IsNull(),
        ...(query.kind ? { kind: query.kind } : {}),
      },
      order: { name: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Activity> {
    const activity = await this.activities.findOne({ where: { id } });
    if (!activity) throw notFound('activity');
    return activity;
  }

  async update(id: string, dto: UpdateActivityDto): Promise<Activity> {
    const activity = await this.get(id);
    return this.activities.save(Object.assign(activity, dto));
  }

  /** An activity used by interventions or contract rates is archived rather than deleted. */
  async remove(id: string): Promise<void> {
    await this.get(id);
    try {
      await this.activities.delete({ id });
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      await this.activities.update({ id }, { archivedAt: this.clock.now() });
    }
  }

  /** Brings an archived activity back, so new work and contract rates can name it again. */
  async restore(id: string): Promise<Activity> {
    const activity = await this.activities.findOne({ where: { id, archivedAt: Not(IsNull()) } });
    if (!activity) throw notFound('activity');
    activity.archivedAt = null;
    return this.activities.save(activity);
  }
}
