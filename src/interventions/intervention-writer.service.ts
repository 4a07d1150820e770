import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { DomainError, notFound } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import { Locks } from '../common/locks';
import { PracticeService, toCalendarSettings } from '../practice/practice.service';
import { Clock } from '../common/clock';
import { CreateInterventionDto, UpdateInterventionDto } from './dto/intervention.dto';
import type { SavedInterventionResponse } from './dto/intervention.response';
import { GuardrailCheck } from './guardrail-check.service';
import { deleteDays } from './intervention-days';
import { InterventionRecorder, WorkDraft } from './intervention-recorder.service';
import { toSavedView } from './intervention-view';
import { Intervention } from './intervention.entity';
import { BillingClaims } from './billing-claims';
import { QuotaAccounting } from './quota-accounting.service';
import { workTimeProblems } from './work-times';

/**
 * Creating, correcting and deleting interventions. Each write runs in one transaction holding
 * the consultant's lock (no two saves can create an overlap) and the quota month's lock; the
 * guardrails are read once it is committed. Work under a billing claim is refused (409), under
 * the contract's billing lock, so a claim cannot slip between the check and the write.
 */
@Injectable()
export class InterventionWriter {
  constructor(
    @InjectRepository(Intervention) private readonly interventions: Repository<Intervention>,
    private readonly transactions: Transactions,
    private readonly recorder: InterventionRecorder,
    private readonly guardrails: GuardrailCheck,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
    private readonly quota: QuotaAccounting,
    private readonly claims: BillingClaims,
  ) {}

  /**
   * `alongside` writes the caller's rows in the same transaction, once the work is recorded:
   * both are kept, or neither (a training and its work).
   */
  create(
    user: AuthUser,
    dto: CreateInterventionDto,
    alongside?: (manager: EntityManager, work: Intervention) => Promise<void>,
  ): Promise<SavedInterventionResponse> {
    const draft: WorkDraft = {
      consultantId: user.id,
      contractId: dto.contractId,
      requestId: dto.requestId ?? null,
      activityId: dto.activityId,
      startedAt: new Date(dto.startedAt),
      endedAt: new Date(dto.endedAt),
      urgency: dto.urgency,
      location: dto.location,
      description: dto.description,
      billable: dto.billable ?? true,
      source: 'manual',
      autoStopped: false,
    };
    this.assertTimes(draft);
    return this.save(draft, null, 'refuse', alongside);
  }

  async update(id: string, dto: UpdateInterventionDto): Promise<SavedInterventionResponse> {
    const current = await this.find(this.interventions.manager, id);
    await this.claims.assertUnclaimed(this.interventions.manager, current);
    if (current.endedAt === null) {
      const message = 'This timer is running: stop it first';
      throw new DomainError('conflict.timer_running', message, [{ message, reason: 'update' }]);
    }
    const draft: WorkDraft = {
      ...draftOf(current, current.endedAt),
      ...withoutUndefined({ ...dto, startedAt: undefined, endedAt: undefined }),
      requestId: dto.requestId === undefined ? current.requestId : dto.requestId,
      startedAt: dto.startedAt ? new Date(dto.startedAt) : current.startedAt,
      endedAt: dto.endedAt ? new Date(dto.endedAt) : current.endedAt,
    };
    this.assertTimes(draft);
    return this.save(draft, current, 'refuse');
  }

  /** Stops a running timer at `end`: recorded and priced like a manual entry. */
  finishTimer(
    running: Intervention,
    end: Date,
    autoStopped: boolean,
  ): Promise<SavedInterventionResponse> {
    return this.save({ ...draftOf(running, end), autoStopped }, running, 'note');
  }

  async remove(id: string): Promise<void> {
    const before = await this.find(this.interventions.manager, id);
    await this.claims.assertUnclaimed(this.interventions.manager, before);
    const { timezone } = await this.practice.get();
    const locks = [
      Locks.consultantWork(before.consultantId),
      QuotaAccounting.lockOf(before, timezone),
      Locks.billing(before.contractId),
    ];
    await this.transactions.run(async (manager) => {
      await this.reload(manager, before);
      await this.quota.release(manager, id);
      await deleteDays(manager, id, timezone);
      await manager.getRepository(Intervention).delete({ id });
    }, locks);
  }

  private async save(
    draft: WorkDraft,
    before: Intervention | null,
    afterHoursRule: 'refuse' | 'note',
    alongside?: (manager: EntityManager, work: Intervention) => Promise<void>,
  ): Promise<SavedInterventionResponse> {
    const practice = await this.practice.get();
    const calendar = toCalendarSettings(practice);
    // The billing lock, as billers take it: the work cannot be claimed between the check that
    // it is unclaimed (in reload) and the write.
    const locks = [
      Locks.consultantWork(draft.consultantId),
      QuotaAccounting.lockOf(draft, calendar.timezone),
      Locks.billing(draft.contractId),
    ];
    if (before) {
      locks.push(
        QuotaAccounting.lockOf(before, calendar.timezone),
        Locks.billing(before.contractId),
      );
    }
    const recorded = await this.transactions.run(
      async (manager) => {
        const current = before ? await this.reload(manager, before) : null;
        const recorded = await this.recorder.record(manager, draft, current, {
          calendar,
          afterHoursRule,
        });
        if (alongside) await alongside(manager, recorded.intervention);
        return recorded;
      },
      [...new Set(locks)],
    );
    const focus = { start: draft.startedAt, end: draft.endedAt };
    const warnings = await this.guardrails.around(draft.consultantId, focus, practice);
    return toSavedView(recorded, warnings);
  }

  private assertTimes(draft: WorkDraft): void {
    const problems = workTimeProblems(draft.startedAt, draft.endedAt, this.clock.now());
    if (problems.length === 0) return;
    throw new DomainError(
      problems[0].field === 'startedAt' ? 'invalid.startedAt' : 'invalid.endedAt',
      `Invalid times: ${problems.map((p) => p.message).join('; ')}`,
      problems.map((p) => ({ ...p })),
    );
  }

  private async find(manager: EntityManager, id: string): Promise<Intervention> {
    const found = await manager.getRepository(Intervention).findOne({ where: { id } });
    if (!found) throw notFound('intervention');
    return found;
  }

  /** The row again under the locks: refused if claimed or changed since it was first read. */
  private async reload(manager: EntityManager, before: Intervention): Promise<Intervention> {
    const current = await this.find(manager, before.id);
    await this.claims.assertUnclaimed(manager, current);
    if (current.updatedAt.getTime() !== before.updatedAt.getTime()) {
      throw new DomainError(
        'conflict.changed',
        'The intervention changed meanwhile: reload it and try again',
      );
    }
    return current;
  }
}

function draftOf(intervention: Intervention, endedAt: Date): WorkDraft {
  return {
    consultantId: intervention.consultantId,
    contractId: intervention.contractId,
    requestId: intervention.requestId,
    activityId: intervention.activityId,
    startedAt: intervention.startedAt,
    endedAt,
    urgency: intervention.urgency,
    location: intervention.location,
    description: intervention.description,
    billable: intervention.billable,
    source: intervention.source,
    autoStopped: intervention.autoStopped,
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
