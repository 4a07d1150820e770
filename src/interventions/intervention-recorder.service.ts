import { WorkWritten } from '../common/work-written';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CalendarSettings, Location, Urgency } from '../common/domain';
import { BusinessClock, localDate } from '../calendar';
import { DomainError } from '../common/domain-error';
import { insertRow } from '../common/insert-row';
import { outcome } from '../common/outcome';
import { SupportRequest } from '../requests/request.entity';
import { Clock } from '../common/clock';
import { replaceDays } from './intervention-days';
import { InterventionReferenceLoader } from './intervention-references.service';
import { Intervention } from './intervention.entity';
import { assertNoOverlap } from './overlaps';
import { QuotaAccounting, QuotaStanding } from './quota-accounting.service';
import {
  afterHoursRefusal,
  measureWork,
  outsideContract,
  priceWork,
  type ContractDates,
} from './work-figures';

/** A finished piece of work as the consultant describes it, before anything is derived. */
export interface WorkDraft {
  consultantId: string;
  contractId: string;
  requestId: string | null;
  activityId: string;
  startedAt: Date;
  endedAt: Date;
  urgency: Urgency;
  location: Location;
  description: string;
  billable: boolean;
  source: string;
  autoStopped: boolean;
}

/**
 * A note about the save that is not a guardrail, as its code and figures (words from
 * `warning.<code>`): the answer lists it among the warnings.
 */
export type SaveNote =
  | { code: 'after_hours_not_offered'; afterHoursMinutes: number }
  | {
      code: 'outside_contract';
      date: string;
      reference: string;
      startDate: string;
      endDate: string | null;
    };

export interface Recorded {
  intervention: Intervention;
  quota?: QuotaStanding;
  notes: SaveNote[];
}

export interface RecordOptions {
  calendar: CalendarSettings;
  /**
   * A stopped timer records the facts and notes what the contract does not offer: after-hours
   * work, or a day outside the contract's dates. Other saves are refused for them.
   */
  afterHoursRule: 'refuse' | 'note';
}

/**
 * Saves one intervention inside the caller's transaction (which holds the consultant's lock and
 * the quota locks): checks references and overlaps, derives every figure, rewrites the local-day
 * rows, keeps the quota ledger and the request's first response in step.
 */
@Injectable()
export class InterventionRecorder {
  constructor(
    private readonly references: InterventionReferenceLoader,
    private readonly quota: QuotaAccounting,
    private readonly clock: Clock,
    private readonly written: WorkWritten,
  ) {}

  async record(
    manager: EntityManager,
    draft: WorkDraft,
    current: Intervention | null,
    options: RecordOptions,
  ): Promise<Recorded> {
    const { calendar } = options;
    const refs = await this.references.load(manager, draft, current);
    const day = localDate(draft.startedAt, calendar.timezone);
    const notes = withinContract(refs.contract, day, options);
    const measured = measureWork(draft.startedAt, draft.endedAt, new BusinessClock(calendar));
    notes.push(
      ...this.afterHours(draft, refs.contract.urgencyPolicy, measured.afterHoursMinutes, options),
    );
    const interval = { start: draft.startedAt, end: draft.endedAt };
    await assertNoOverlap(
      manager,
      draft.consultantId,
      interval,
      current?.id ?? null,
      calendar.timezone,
    );
    const priced = priceWork(
      { ...draft, ...measured, activityBillable: refs.activity.billable },
      refs.contract,
    );
    // Read before the merge below, which changes `current` in place.
    const quotaBefore = quotaKeyBefore(current, calendar.timezone);
    const now = this.clock.now();
    const repo = manager.getRepository(Intervention);
    const figures = {
      ...draft,
      ...priced,
      clientId: refs.contract.clientId,
      durationMinutes: measured.durationMinutes,
      afterHoursMinutes: measured.afterHoursMinutes,
      updatedAt: now,
    };
    // A new entry has every column given: inserted as is, not saved (a look-up and a read-back).
    const intervention = current
      ? await repo.save(repo.merge(current, figures))
      : await insertRow(manager, repo.create({ ...figures, createdAt: now, invoiceId: null }));
    await replaceDays(manager, intervention, measured.pieces, {
      zone: calendar.timezone,
      fresh: current === null,
    });
    const quota = await this.keepQuota(manager, intervention, quotaBefore, refs.contract, calendar);
    if (intervention.requestId) {
      await markRequestAnswered(manager, intervention.requestId, intervention.startedAt);
    }
    await this.written.notify(manager, [intervention.contractId], {
      timezone: calendar.timezone,
      contracts: [refs.contract],
    });
    return { intervention, quota, notes };
  }

  private afterHours(
    draft: WorkDraft,
    policy: Parameters<typeof afterHoursRefusal>[0],
    afterHoursMinutes: number,
    options: RecordOptions,
  ): SaveNote[] {
    const refusal = afterHoursRefusal(policy, draft.urgency, afterHoursMinutes);
    if (refusal === null) return [];
    if (options.afterHoursRule === 'refuse') {
      throw new DomainError('rule.after_hours_not_offered', refusal, [
        {
          field: 'endedAt',
          message: refusal,
          afterHoursMinutes,
          level: draft.urgency,
          reason: 'work',
        },
      ]);
    }
    return [outcome('warning', 'after_hours_not_offered', { afterHoursMinutes })];
  }

  /** A unit is taken when the intervention starts drawing on a quota, released when it stops. */
  private async keepQuota(
    manager: EntityManager,
    saved: Intervention,
    previous: string | null,
    contract: Parameters<QuotaAccounting['take']>[2],
    calendar: CalendarSettings,
  ): Promise<QuotaStanding | undefined> {
    const zone = calendar.timezone;
    const next = QuotaAccounting.keyOf(saved, zone);
    if (previous === next) return undefined;
    if (previous !== null) await this.quota.release(manager, saved.id);
    return next === null ? undefined : this.quota.take(manager, saved, contract, zone);
  }
}

/** The quota an intervention drew on before this save; a running timer has taken nothing yet. */
function quotaKeyBefore(before: Intervention | null, timezone: string): string | null {
  return before && before.endedAt ? QuotaAccounting.keyOf(before, timezone) : null;
}

/**
 * The first intervention on a request is its response, the instant its SLA measures. A later
 * one, or one logged after a comment answered it, changes nothing.
 */
export async function markRequestAnswered(
  manager: EntityManager,
  requestId: string,
  at: Date,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(SupportRequest)
    .set({
      respondedAt: at,
      status: () => `CASE WHEN status = 'open' THEN 'in_progress' ELSE status END`,
    })
    .where('id = :id AND "respondedAt" IS NULL', { id: requestId })
    .execute();
}

/** The contract's dates: refused for a new or corrected entry, noted on a stopped timer. */
function withinContract(contract: ContractDates, day: string, options: RecordOptions): SaveNote[] {
  const outside = outsideContract(contract, day);
  if (outside === null) return [];
  if (options.afterHoursRule === 'note') {
    const { reference, startDate, endDate } = contract;
    return [outcome('warning', 'outside_contract', { date: day, reference, startDate, endDate })];
  }
  throw new DomainError('rule.outside_contract', outside.message, [
    {
      field: 'startedAt',
      message: `outside the contract period ${outside.period}`,
      ...outside.figures,
      reason: 'work',
    },
  ]);
}
