import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { ActivitiesService } from '../activities/activities.service';
import { localDate } from '../calendar';
import { ClientsService } from '../clients/clients.service';
import { notFound } from '../common/domain-error';
import type { FieldProblem } from '../common/validation';
import { ContractsService } from '../contracts/contracts.service';
import { UpdateInterventionDto } from '../interventions/dto/intervention.dto';
import type { InterventionResponse } from '../interventions/dto/intervention.response';
import { BillingClaims } from '../interventions/billing-claims';
import { InterventionWriter } from '../interventions/intervention-writer.service';
import { InterventionsService } from '../interventions/interventions.service';
import { PracticeService } from '../practice/practice.service';
import { RequestsService } from '../requests/requests.service';
import { ConsoleDesk } from './console-desk.service';
import { checkDto, InterventionForm } from './console-forms';
import type { FormOutcome } from './console-pages';
import { instantToLocalInput, localInputToInstant } from './console-view';
import type { WeekCorrection, WeekMoveForm } from './console-week-forms';
import { attempt, formFailure, type FormProblem } from './form-problems';

const ALL = { limit: 500, offset: 0 };

/** The entry page's forms, as typed, and the problems found in each. */
export interface EntryForms {
  edit?: Record<string, unknown>;
  editProblems?: FormProblem[];
  move?: Record<string, unknown>;
  moveProblems?: FormProblem[];
  deleteProblems?: FormProblem[];
}

/**
 * One entry of the week, corrected from the week view: changed (times, contract, request,
 * activity, urgency, location, billable, description), moved to another start with its length
 * kept, or deleted once confirmed, through the same writer and rules as the API's PATCH and
 * DELETE. Only the consultant's own finished work is offered; billed work is refused in the
 * words of its claim.
 */
@Injectable()
export class ConsoleWeekEntries {
  constructor(
    private readonly interventions: InterventionsService,
    private readonly writer: InterventionWriter,
    private readonly claims: BillingClaims,
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly practice: PracticeService,
    private readonly clients: ClientsService,
    private readonly contracts: ContractsService,
    private readonly requests: RequestsService,
    private readonly activities: ActivitiesService,
    private readonly desk: ConsoleDesk,
  ) {}

  /** The entry with its forms (as stored, or as typed), and why it cannot change if billed. */
  async page(user: AuthUser, id: string, forms: EntryForms = {}) {
    const entry = await this.mine(user, id);
    const { timezone } = await this.practice.get();
    const [clients, contracts, requests, activities, billed] = await Promise.all([
      this.clients.list(user, ALL),
      this.contracts.list(user, { ...ALL, active: true }),
      this.requests.list(user, { ...ALL, active: true, sort: 'deadline' }),
      this.activities.list(ALL),
      this.billedRefusal(entry),
    ]);
    const names = new Map(clients.items.map((c) => [c.id, c.name]));
    const withCurrent = async <T extends { id: string }>(
      items: T[],
      currentId: string | null,
      read: (id: string) => Promise<T>,
    ): Promise<T[]> =>
      currentId === null || items.some((i) => i.id === currentId)
        ? items
        : [await read(currentId), ...items];
    const contractList = await withCurrent(contracts.items, entry.contractId, (c) =>
      this.contracts.read(user, c),
    );
    const brief = ({ id, title, clientId }: { id: string; title: string; clientId: string }) => ({
      id,
      title,
      clientId,
    });
    const requestList = await withCurrent(requests.items.map(brief), entry.requestId, async (r) =>
      brief(await this.requests.get(user, r)),
    );
    const activityList = await withCurrent(activities.items, entry.activityId, (a) =>
      this.activities.get(a),
    );
    const day = localDate(entry.startedAt, timezone);
    return {
      entry,
      day,
      clientName: names.get(entry.clientId) ?? '',
      activityName: activityList.find((a) => a.id === entry.activityId)?.name ?? '',
      billed,
      contracts: contractList.map((c) => ({ ...c, clientName: names.get(c.clientId) ?? '' })),
      inbox: requestList.map((r) => ({ ...r, clientName: names.get(r.clientId) ?? '' })),
      activities: activityList,
      edit: forms.edit ?? this.stored(entry, timezone),
      editProblems: forms.editProblems ?? [],
      move: forms.move ?? { startedAt: instantToLocalInput(entry.startedAt, timezone) },
      moveProblems: forms.moveProblems ?? [],
      deleteProblems: forms.deleteProblems ?? [],
      path: `/console/week/interventions/${entry.id}`,
    };
  }

  /** The entry changed as the form says; back to the week of its new day. */
  async edit(user: AuthUser, id: string, form: InterventionForm): Promise<FormOutcome> {
    await this.mine(user, id);
    const failed = await attempt(async () => {
      const { timezone } = await this.practice.get();
      const work = await this.desk.workPlain(user, form);
      const unread: FieldProblem[] =
        work.contractId === undefined
          ? [{ field: 'contractId', code: 'isDefined', message: 'contractId should not be empty' }]
          : [];
      const plain = {
        ...work,
        requestId: work.requestId ?? null,
        description: form.description ?? '',
        startedAt: readInstant('startedAt', form.startedAt, timezone, unread)?.toISOString(),
        endedAt: readInstant('endedAt', form.endedAt, timezone, unread)?.toISOString(),
      };
      const checked = await checkDto(UpdateInterventionDto, plain, unread);
      if (!checked.value) return { problems: checked.problems };
      const saved = await this.writer.update(id, checked.value);
      return { problems: [], day: localDate(saved.startedAt, timezone) };
    });
    if ('day' in failed && failed.day) return { redirect: weekOf(failed.day, 'changed') };
    const edit = { ...form, billable: form.billable ?? 'off' };
    const page = await this.page(user, id, { edit, editProblems: failed.problems });
    return { page, status: failed.status };
  }

  /** The entry started at another time, its length kept; back to the week of its new day. */
  async move(user: AuthUser, id: string, form: WeekMoveForm): Promise<FormOutcome> {
    const entry = await this.mine(user, id);
    const failed = await attempt(async () => {
      const { timezone } = await this.practice.get();
      const unread: FieldProblem[] = [];
      const start = readInstant('startedAt', form.startedAt, timezone, unread);
      const length = (entry.endedAt ?? entry.startedAt).getTime() - entry.startedAt.getTime();
      const plain = start
        ? {
            startedAt: start.toISOString(),
            endedAt: new Date(start.getTime() + length).toISOString(),
          }
        : {};
      const checked = await checkDto(UpdateInterventionDto, plain, unread);
      if (!checked.value) return { problems: checked.problems };
      const saved = await this.writer.update(id, checked.value);
      return { problems: [], day: localDate(saved.startedAt, timezone) };
    });
    if ('day' in failed && failed.day) return { redirect: weekOf(failed.day, 'moved') };
    const page = await this.page(user, id, { move: { ...form }, moveProblems: failed.problems });
    return { page, status: failed.status };
  }

  /** The entry deleted, once confirmed; back to the week it was in. */
  async remove(user: AuthUser, id: string): Promise<FormOutcome> {
    const entry = await this.mine(user, id);
    const { timezone } = await this.practice.get();
    const failed = await attempt(async () => {
      await this.writer.remove(id);
      return { problems: [] };
    });
    if (failed.problems.length === 0) {
      return { redirect: weekOf(localDate(entry.startedAt, timezone), 'deleted') };
    }
    const page = await this.page(user, id, { deleteProblems: failed.problems });
    return { page, status: failed.status };
  }

  /** The consultant's own entry; another's answers as one that does not exist. */
  private async mine(user: AuthUser, id: string): Promise<InterventionResponse> {
    const entry = await this.interventions.get(id);
    if (entry.consultantId !== user.id) throw notFound('intervention');
    return entry;
  }

  /** Why billed work cannot change, as the claim's holder words it; null when it can. */
  private async billedRefusal(entry: InterventionResponse): Promise<FormProblem[] | null> {
    try {
      await this.claims.assertUnclaimed(this.manager, entry);
      return null;
    } catch (error) {
      return formFailure(error).problems;
    }
  }

  private stored(entry: InterventionResponse, timezone: string): Record<string, unknown> {
    return {
      startedAt: instantToLocalInput(entry.startedAt, timezone),
      endedAt: entry.endedAt ? instantToLocalInput(entry.endedAt, timezone) : '',
      contractId: entry.contractId,
      requestId: entry.requestId ?? '',
      activityId: entry.activityId,
      urgency: entry.urgency,
      location: entry.location,
      description: entry.description,
      billable: entry.billable ? 'on' : 'off',
    };
  }
}

/**
 * A datetime-local field read in the practice zone; when it is empty or not a date and time,
 * its problem is noted (the DTO would speak of ISO 8601 instants, which nobody types).
 */
function readInstant(
  field: 'startedAt' | 'endedAt',
  value: string | undefined,
  timezone: string,
  unread: FieldProblem[],
): Date | undefined {
  const typed = value?.trim() ?? '';
  const instant = typed ? localInputToInstant(typed, timezone) : null;
  if (instant) return instant;
  unread.push(
    typed
      ? { field, code: 'form.dateTime', message: `${field} must be a local date and time` }
      : { field, code: 'isDefined', message: `${field} should not be empty` },
  );
  return undefined;
}

/** The week of a day, with what was just done, its day in view. */
function weekOf(day: string, done: WeekCorrection): string {
  return `/console/week?date=${day}&done=${done}#day-${day}`;
}
