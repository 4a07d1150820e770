import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { AuthUser } from '../auth/auth.decorators';
import { localDate } from '../calendar';
import { ActivitiesService } from '../activities/activities.service';
import { AlertsService } from '../alerts/alerts.service';
import { ClientsService } from '../clients/clients.service';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import type { FormProblem } from './form-problems';
import { ContractsService } from '../contracts/contracts.service';
import { CreateInterventionDto, StartTimerDto } from '../interventions/dto/intervention.dto';
import type {
  SavedInterventionResponse,
  TimerResponse,
} from '../interventions/dto/intervention.response';
import { InterventionWriter } from '../interventions/intervention-writer.service';
import { InterventionsService } from '../interventions/interventions.service';
import { TimerService } from '../interventions/timer.service';
import { PracticeService } from '../practice/practice.service';
import type { RequestView } from '../requests/request-view';
import { RequestsService } from '../requests/requests.service';
import { checkDto, given, InterventionForm, ticked, TimerStartForm } from './console-forms';
import { instantToLocalInput, localInputToInstant, timeLeft } from './console-view';
import { FirstRunChecklist } from './first-run-checklist.service';

const ALL = { limit: 500, offset: 0 };

/** The desk's two forms, as typed, and the problems found in them. */
export interface DeskForms {
  timerForm?: { requestId?: string; urgency?: string; [field: string]: unknown };
  timerProblems?: FormProblem[];
  logForm?: Record<string, unknown>;
  logProblems?: FormProblem[];
}

export type InboxRow = RequestView & {
  left: ReturnType<typeof timeLeft>;
  clientName: string;
  contractReference: string;
};

/** The console's first page: open requests by deadline, alerts, the timer and the quick log. */
@Injectable()
export class ConsoleDesk {
  constructor(
    private readonly requests: RequestsService,
    private readonly clients: ClientsService,
    private readonly contracts: ContractsService,
    private readonly activities: ActivitiesService,
    private readonly alerts: AlertsService,
    private readonly practice: PracticeService,
    private readonly writer: InterventionWriter,
    private readonly timer: TimerService,
    private readonly interventions: InterventionsService,
    private readonly clock: Clock,
    private readonly firstRun: FirstRunChecklist,
  ) {}

  /**
   * The desk with its forms as given (after a refusal, as typed). "Start on this request": the
   * request's urgency goes without saying.
   */
  async page(user: AuthUser, forms: DeskForms = {}) {
    const desk = await this.desk(user);
    const timerForm = forms.timerForm ?? {};
    const chosen = desk.inbox.find((r) => r.id === timerForm.requestId);
    const urgency = timerForm.urgency || chosen?.urgencyApplied;
    return {
      ...desk,
      logForm: {},
      ...forms,
      timerForm: urgency ? { ...timerForm, urgency } : timerForm,
      path: '/console/inbox',
    };
  }

  private async desk(user: AuthUser) {
    const now = this.clock.now();
    const { timezone } = await this.practice.get();
    const [inboxPage, clients, contracts, activities, alerts, timer, checklist] = await Promise.all(
      [
        this.requests.list(user, { ...ALL, active: true, sort: 'deadline' }),
        this.clients.list(user, ALL),
        this.contracts.list(user, { ...ALL, active: true }),
        this.activities.list(ALL),
        this.alerts.list(user, { limit: 20, offset: 0 }),
        this.timer.current(user),
        this.firstRun.view(),
      ],
    );
    const clientNames = new Map(clients.items.map((c) => [c.id, c.name]));
    const references = new Map(contracts.items.map((c) => [c.id, c.reference]));
    const inbox: InboxRow[] = inboxPage.items.map((r) => ({
      ...r,
      left: timeLeft(r.responseDueAt, now, r.sla === 'missed'),
      clientName: clientNames.get(r.clientId) ?? '',
      contractReference: references.get(r.contractId) ?? '',
    }));
    return {
      checklist,
      inbox,
      alerts: alerts.items,
      timer,
      contracts: contracts.items.map((c) => ({
        ...c,
        clientName: clientNames.get(c.clientId) ?? '',
      })),
      activities: activities.items,
      timezone,
      defaults: {
        startedAt: instantToLocalInput(new Date(now.getTime() - 30 * 60_000), timezone),
        endedAt: instantToLocalInput(now, timezone),
      },
    };
  }

  /** Starts the timer on a request (its contract then goes without saying) or a contract. */
  async startTimer(
    user: AuthUser,
    form: TimerStartForm,
  ): Promise<{ problems: FormProblem[]; timer?: TimerResponse }> {
    const plain = await this.workPlain(user, form);
    const checked = await checkDto(StartTimerDto, plain);
    if (!checked.value) return checked;
    return { problems: [], timer: await this.timer.start(user, checked.value) };
  }

  /**
   * The timer's form filled from one of the consultant's past entries: the same contract,
   * request, activity, circumstances and description.
   */
  async restartForm(user: AuthUser, interventionId: string): Promise<TimerStartForm> {
    const past = await this.interventions.get(interventionId);
    if (past.consultantId !== user.id) throw notFound('intervention');
    return {
      contractId: past.contractId,
      requestId: past.requestId ?? undefined,
      activityId: past.activityId,
      urgency: past.urgency,
      location: past.location,
      description: past.description,
      billable: past.billable ? 'on' : undefined,
    };
  }

  /** Stops the timer; the saved work comes with its local day, the week view to go to. */
  async stopTimer(user: AuthUser): Promise<{ saved: SavedInterventionResponse; day: string }> {
    const saved = await this.timer.stop(user);
    return { saved, day: await this.dayOf(saved.startedAt) };
  }

  acknowledge(user: AuthUser, alertId: string): Promise<unknown> {
    return this.alerts.acknowledge(user, alertId);
  }

  /** The practice's local day of an instant: the week view to go to. */
  private async dayOf(at: Date): Promise<string> {
    return localDate(at, (await this.practice.get()).timezone);
  }

  /** The quick log: start and end typed as local times, read in the practice zone. */
  async log(
    user: AuthUser,
    form: InterventionForm,
  ): Promise<{ problems: FormProblem[]; saved?: SavedInterventionResponse; day?: string }> {
    const { timezone } = await this.practice.get();
    const instant = (value: string | undefined) =>
      localInputToInstant(value ?? '', timezone)?.toISOString() ?? value;
    const plain = {
      ...(await this.workPlain(user, form)),
      startedAt: instant(form.startedAt),
      endedAt: instant(form.endedAt),
      description: form.description ?? '',
    };
    const checked = await checkDto(CreateInterventionDto, plain);
    if (!checked.value) return checked;
    const saved = await this.writer.create(user, checked.value);
    return { problems: [], saved, day: localDate(saved.startedAt, timezone) };
  }

  /** A work form's circumstances as the API takes them; a request brings its contract. */
  async workPlain(user: AuthUser, form: TimerStartForm): Promise<Record<string, unknown>> {
    const requestId = given(form.requestId);
    // A malformed id is left to the DTO's check, which names the field.
    const request =
      requestId && isUUID(requestId) ? await this.requests.get(user, requestId) : null;
    return {
      contractId: given(form.contractId) ?? request?.contractId,
      requestId,
      activityId: given(form.activityId),
      urgency: given(form.urgency),
      location: given(form.location),
      description: given(form.description),
      billable: ticked(form.billable),
    };
  }
}
