import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import type { AuthUser } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { Page } from '../common/pagination';
import { clientScope, type Viewer } from '../common/tenant';
import { ContractsService } from '../contracts/contracts.service';
import { catalogue } from '../i18n';
import { Intervention } from '../interventions/intervention.entity';
import { InterventionWriter } from '../interventions/intervention-writer.service';
import { contentWords } from '../knowledge/text-analysis';
import { PracticeService } from '../practice/practice.service';
import { requestRows, staffOf } from './coaching-queries';
import { isOnTopic, ratesAround } from './coaching-rules';
import type { CreateTrainingDto, TrainingQuery, TrainingView } from './dto/training.dto';
import { topicKeyOf } from './topic-figures';
import { buildCorpus, termCounts } from './topic-grouping';
import { Training } from './training.entity';

/** A training's requests are measured over this many days on either side of the session. */
const MEASURE_DAYS = 90;
const DAY = 86_400_000;

/**
 * Training sessions: each is logged as billable work of the training activity through the
 * intervention writer (priced, checked and invoiced like any work, "Formation : <topic>"), and
 * measured by the topic's requests from the client before and after.
 */
@Injectable()
export class TrainingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Training) private readonly trainings: Repository<Training>,
    @InjectRepository(Activity) private readonly activities: Repository<Activity>,
    @InjectRepository(Intervention) private readonly interventions: Repository<Intervention>,
    private readonly contracts: ContractsService,
    private readonly writer: InterventionWriter,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, dto: CreateTrainingDto): Promise<TrainingView> {
    const contract = await this.contracts.get(user, dto.contractId);
    const attendeeIds = [...new Set(dto.attendeeIds.map((id) => id.toLowerCase()))];
    const staff = await staffOf(this.dataSource, contract.clientId, attendeeIds);
    const strangers = attendeeIds.filter((id) => !staff.has(id));
    if (strangers.length > 0) {
      throw invalid('attendeeIds', `not staff of the contract's client: ${strangers.join(', ')}`, {
        unknownCount: strangers.length,
      });
    }
    const activity = await this.trainingActivity(dto.activityId);
    const { locale } = await this.practice.get();
    const startedAt = new Date(dto.startedAt);
    const endedAt = new Date(startedAt.getTime() + dto.durationMinutes * 60_000);
    const terms = dto.terms?.length ? dto.terms : contentWords(dto.topic);
    const saved: Training[] = [];
    // The session and its work are written together: both, or neither.
    await this.writer.create(
      user,
      {
        contractId: contract.id,
        activityId: activity.id,
        startedAt: startedAt.toISOString(),
        endedAt: endedAt.toISOString(),
        urgency: 'normal',
        location: dto.location ?? 'onsite',
        description: catalogue().format(locale, 'coaching.training.work', { topic: dto.topic }),
        billable: true,
      },
      async (manager, work) => {
        const repository = manager.getRepository(Training);
        const training = await repository.save(
          repository.create({
            clientId: contract.clientId,
            contractId: contract.id,
            interventionId: work.id,
            topicKey: dto.topicKey ?? topicKeyOf(terms),
            topic: dto.topic,
            terms,
            attendeeIds,
            startedAt,
            durationMinutes: dto.durationMinutes,
            createdById: user.id,
            createdAt: this.clock.now(),
          }),
        );
        saved.push(training);
      },
    );
    return (await this.views(saved))[0];
  }

  async list(viewer: Viewer, query: TrainingQuery): Promise<Page<TrainingView>> {
    const scope = clientScope(viewer);
    if (scope !== null && query.clientId && query.clientId !== scope)
      return { items: [], total: 0 };
    const clientId = scope ?? query.clientId;
    const [items, total] = await this.trainings.findAndCount({
      where: clientId ? { clientId } : {},
      order: { startedAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: await this.views(items), total };
  }

  /** The activity named (of the training kind), else the first training activity in use. */
  private async trainingActivity(id: string | undefined): Promise<Activity> {
    if (id) {
      const named = await this.activities.findOne({ where: { id } });
      if (!named) throw notFound('activity');
      if (named.kind !== 'training') {
        const message = 'not a training activity';
        throw new DomainError('invalid.training_activity', `activityId: ${message}`, [
          { field: 'activityId', message, name: named.name },
        ]);
      }
      return named;
    }
    const [first] = await this.activities.find({
      where: { kind: 'training', archivedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: 1,
    });
    if (!first) {
      throw new DomainError('rule.no_training_activity', 'No training activity: create one first');
    }
    return first;
  }

  private async views(trainings: readonly Training[]): Promise<TrainingView[]> {
    const workIds = trainings.flatMap((t) => (t.interventionId ? [t.interventionId] : []));
    const work = workIds.length
      ? await this.interventions.find({
          where: { id: In(workIds) },
          select: { id: true, amountCents: true },
        })
      : [];
    const amounts = new Map(work.map((w) => [w.id, w.amountCents]));
    const now = this.clock.now();
    return Promise.all(
      trainings.map(async (t) => ({
        id: t.id,
        clientId: t.clientId,
        contractId: t.contractId,
        interventionId: t.interventionId,
        topic: t.topic,
        topicKey: t.topicKey,
        terms: t.terms,
        attendeeIds: t.attendeeIds,
        startedAt: t.startedAt,
        durationMinutes: t.durationMinutes,
        amountCents: t.interventionId ? (amounts.get(t.interventionId) ?? 0) : 0,
        measure: await this.measure(t, now),
      })),
    );
  }

  /** The client's requests on the topic per 30 days, before the session and since. */
  private async measure(training: Training, now: Date) {
    const at = training.startedAt.getTime();
    const rows = await requestRows(this.dataSource, {
      start: new Date(at - MEASURE_DAYS * DAY),
      end: new Date(Math.max(at, Math.min(now.getTime(), at + MEASURE_DAYS * DAY))),
      clientId: training.clientId,
    });
    const texts = rows.map((r) => ({ id: r.id, title: r.title, body: r.description }));
    const corpus = buildCorpus(texts);
    const topicTerms = [...termCounts(training.terms.join(' '), corpus).keys()];
    const onTopic = rows.filter((row) =>
      isOnTopic(new Set(termCounts(`${row.title} ${row.description}`, corpus).keys()), topicTerms),
    );
    return ratesAround(
      onTopic.map((r) => r.createdAt),
      training.startedAt.toISOString(),
      now.toISOString(),
      MEASURE_DAYS,
    );
  }
}
