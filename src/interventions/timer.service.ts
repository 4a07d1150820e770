import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { isBusinessInstant, localDate } from '../calendar';
import type { CalendarSettings, Urgency } from '../common/domain';
import type { Contract } from '../contracts/contract.entity';
import { DomainError } from '../common/domain-error';
import { formatLocal } from './import/local-datetime';
import { Locks } from '../common/locks';
import { Transactions } from '../common/transactions';
import { PracticeService, toCalendarSettings } from '../practice/practice.service';
import { Clock } from '../common/clock';
import { StartTimerDto } from './dto/intervention.dto';
import type { SavedInterventionResponse, TimerResponse } from './dto/intervention.response';
import { markRequestAnswered } from './intervention-recorder.service';
import { InterventionReferenceLoader } from './intervention-references.service';
import { toView } from './intervention-view';
import { InterventionWriter } from './intervention-writer.service';
import { Intervention } from './intervention.entity';
import { InterventionsService } from './interventions.service';
import { assertNoOverlap } from './overlaps';
import { afterHoursRefusal, outsideContract } from './work-figures';
import { timerEnd } from './work-times';

/**
 * The consultant's timer: an intervention without an end, at most one at a time. A timer left
 * running past 12 hours is stopped at 12 hours the next time it is read, and says so.
 */
@Injectable()
export class TimerService {
  constructor(
    private readonly transactions: Transactions,
    private readonly reads: InterventionsService,
    private readonly writer: InterventionWriter,
    private readonly references: InterventionReferenceLoader,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
  ) {}

  async current(user: AuthUser): Promise<TimerResponse> {
    const running = await this.reads.findRunning(user.id);
    if (!running) return { running: null };
    const { end, autoStopped } = timerEnd(running.startedAt, this.clock.now());
    if (!autoStopped) return { running: toView(running) };
    return { running: null, autoStopped: await this.writer.finishTimer(running, end, true) };
  }

  async start(user: AuthUser, dto: StartTimerDto): Promise<TimerResponse> {
    const before = await this.current(user);
    if (before.running) throw alreadyRunning(before.running.startedAt, await this.zone());
    const calendar = toCalendarSettings(await this.practice.get());
    const running = await this.transactions.run(
      (manager) => this.open(manager, user, dto, calendar),
      [Locks.consultantWork(user.id)],
    );
    return {
      running: toView(running),
      ...(before.autoStopped ? { autoStopped: before.autoStopped } : {}),
    };
  }

  async stop(user: AuthUser): Promise<SavedInterventionResponse> {
    const running = await this.reads.findRunning(user.id);
    if (!running) throw new DomainError('conflict.no_timer', 'No timer is running');
    const { end, autoStopped } = timerEnd(running.startedAt, this.clock.now());
    return this.writer.finishTimer(running, end, autoStopped);
  }

  private async open(
    manager: EntityManager,
    user: AuthUser,
    dto: StartTimerDto,
    calendar: CalendarSettings,
  ): Promise<Intervention> {
    const repo = manager.getRepository(Intervention);
    const other = await repo.findOne({ where: { consultantId: user.id, endedAt: IsNull() } });
    if (other) throw alreadyRunning(other.startedAt, calendar.timezone);
    const ids = { ...dto, requestId: dto.requestId ?? null };
    const { contract, activity } = await this.references.load(manager, ids);
    const now = this.clock.now();
    assertMayStart(contract, dto.urgency, now, calendar);
    const instant = { start: now, end: new Date(now.getTime() + 1) };
    await assertNoOverlap(manager, user.id, instant, null, calendar.timezone);
    const running = await repo.save(
      repo.create({
        ...ids,
        consultantId: user.id,
        clientId: contract.clientId,
        description: dto.description ?? '',
        billable: (dto.billable ?? true) && activity.billable,
        startedAt: now,
        endedAt: null,
        invoiceId: null,
        source: 'timer',
        autoStopped: false,
        createdAt: now,
        updatedAt: now,
      }),
    );
    if (running.requestId) await markRequestAnswered(manager, running.requestId, now);
    return running;
  }

  private async zone(): Promise<string> {
    return (await this.practice.get()).timezone;
  }
}

/**
 * A timer starts only on a day the contract is in force, and after hours only where the
 * contract offers it. Stopping never refuses: it records the facts and notes what is amiss.
 */
function assertMayStart(
  contract: Contract,
  urgency: Urgency,
  now: Date,
  calendar: CalendarSettings,
): void {
  const dates = outsideContract(contract, localDate(now, calendar.timezone));
  if (dates) {
    throw new DomainError('rule.outside_contract', dates.message, [
      {
        field: 'contractId',
        message: `outside the contract period ${dates.period}`,
        ...dates.figures,
        reason: 'timer',
      },
    ]);
  }
  const outside = isBusinessInstant(now, calendar) ? 0 : 1;
  const refusal = afterHoursRefusal(contract.urgencyPolicy, urgency, outside);
  if (refusal) {
    throw new DomainError('rule.after_hours_not_offered', refusal, [
      { field: 'urgency', message: refusal, level: urgency, reason: 'timer' },
    ]);
  }
}

function alreadyRunning(since: Date, timezone: string): DomainError {
  const local = formatLocal(since, timezone);
  const message = `A timer is already running since ${local}: stop it first`;
  return new DomainError('conflict.timer_running', message, [
    { message, since: local.replace(' ', 'T'), reason: 'start' },
  ]);
}
