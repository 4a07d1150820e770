import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ActivitiesService } from '../activities/activities.service';
import type { AuthUser } from '../auth/auth.decorators';
import { ClientsService } from '../clients/clients.service';
import { Clock } from '../common/clock';
import { URGENCY_LEVELS } from '../common/domain';
import { ContractsService } from '../contracts/contracts.service';
import { StartTimerDto } from '../interventions/dto/intervention.dto';
import { TimerService } from '../interventions/timer.service';
import { ArticlesService } from '../knowledge/articles.service';
import { PracticeService } from '../practice/practice.service';
import { CommentDto, UpdateRequestDto } from '../requests/dto/request.dto';
import { RequestChangesService } from '../requests/request-changes.service';
import { allowedNextStatuses, deadlineClock, responseTimeLeft } from '../requests/request-rules';
import { RequestsService, type RequestDetail } from '../requests/requests.service';
import { User } from '../users/user.entity';
import { checkDto, given, ticked } from './console-forms';
import type { FormOutcome } from './console-pages';
import { formFailure, type FormProblem } from './form-problems';
import type { CommentForm, DeskTimerForm, ReclassifyForm, StatusForm } from './request-desk-forms';

/** What the desk said was done, after its redirect (`?done=`): a reload posts nothing again. */
export const DESK_DONE = ['replied', 'moved', 'reclassified', 'timer'] as const;
export type DeskDone = (typeof DESK_DONE)[number];

/** The desk's forms as typed after a refusal, and the problems found in each. */
export interface DeskForms {
  done?: string;
  replyForm?: CommentForm;
  replyProblems?: FormProblem[];
  statusProblems?: FormProblem[];
  reclassifyForm?: ReclassifyForm;
  reclassifyProblems?: FormProblem[];
  timerForm?: DeskTimerForm;
  timerProblems?: FormProblem[];
}

const ALL = { limit: 500, offset: 0 };

/**
 * A request's desk in the console: the request with its client, contract and filer, the time left
 * on its deadline's own clock, the thread and the work logged; and what the consultant does on
 * it, each through the service the API calls. No rule lives here.
 */
@Injectable()
export class ConsoleRequests {
  constructor(
    private readonly requests: RequestsService,
    private readonly changes: RequestChangesService,
    private readonly contracts: ContractsService,
    private readonly clients: ClientsService,
    private readonly practice: PracticeService,
    private readonly activities: ActivitiesService,
    private readonly timer: TimerService,
    private readonly articles: ArticlesService,
    private readonly clock: Clock,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async page(user: AuthUser, id: string, forms: DeskForms = {}) {
    const request = await this.requests.detail(user, id);
    const [contract, client, calendar, activities, timer, filer] = await Promise.all([
      this.contracts.read(user, request.contractId),
      this.clients.get(user, request.clientId),
      this.practice.calendar(),
      this.activities.list(ALL),
      this.timer.current(user),
      this.users.findOne({
        select: { id: true, displayName: true },
        where: { id: request.createdById },
      }),
    ]);
    const clock = deadlineClock(request.urgencyApplied, contract.urgencyPolicy);
    return {
      request,
      contract,
      clientName: client.name,
      filedBy: filer?.displayName ?? '',
      left: responseTimeLeft(request.responseDueAt, this.clock.now(), clock, calendar),
      nextStatuses: allowedNextStatuses(request.status),
      urgencies: URGENCY_LEVELS,
      activities: activities.items,
      timer,
      replies: consultantReplies(request).length,
      done: (DESK_DONE as readonly string[]).includes(forms.done ?? '') ? forms.done : null,
      replyForm: {},
      reclassifyForm: {},
      timerForm: {},
      ...forms,
      path: '/console/inbox',
    };
  }

  /** The consultant's reply: a comment; the first one is the response the SLA measures. */
  reply(user: AuthUser, id: string, form: CommentForm): Promise<FormOutcome> {
    return this.act(user, id, 'replied', { replyForm: form }, 'replyProblems', async () => {
      const checked = await checkDto(CommentDto, { body: form.body ?? '' });
      if (!checked.value) return checked.problems;
      await this.changes.comment(user, id, checked.value);
      return [];
    });
  }

  /** Moves the request along its statuses, as the API allows. */
  move(user: AuthUser, id: string, form: StatusForm): Promise<FormOutcome> {
    return this.act(user, id, 'moved', {}, 'statusProblems', () =>
      this.update(user, id, { status: given(form.status) }),
    );
  }

  /** A new urgency with a reason; a downgrade is a false urgency and gives its unit back. */
  reclassify(user: AuthUser, id: string, form: ReclassifyForm): Promise<FormOutcome> {
    const forms = { reclassifyForm: form };
    return this.act(user, id, 'reclassified', forms, 'reclassifyProblems', () =>
      this.update(user, id, {
        urgency: given(form.urgency),
        reclassificationReason: given(form.reclassificationReason) ?? '',
      }),
    );
  }

  /** Starts the timer on the request: its contract and applied urgency. */
  startTimer(user: AuthUser, id: string, form: DeskTimerForm): Promise<FormOutcome> {
    const typed = { ...form, billable: form.billable ?? 'off' };
    return this.act(user, id, 'timer', { timerForm: typed }, 'timerProblems', async () => {
      const request = await this.requests.get(user, id);
      const checked = await checkDto(StartTimerDto, {
        contractId: request.contractId,
        requestId: request.id,
        activityId: given(form.activityId),
        urgency: request.urgencyApplied,
        location: given(form.location),
        description: given(form.description),
        billable: ticked(form.billable),
      });
      if (!checked.value) return checked.problems;
      await this.timer.start(user, checked.value);
      return [];
    });
  }

  /**
   * "Turn the answer into an article": a draft titled as the request, its body the consultant's
   * replies, seen by the request's company only until the consultant says otherwise. The editor
   * opens on it.
   */
  async draftArticle(user: AuthUser, id: string): Promise<{ redirect: string }> {
    const request = await this.requests.detail(user, id);
    const article = await this.articles.create(user, {
      title: request.title,
      bodyMarkdown: consultantReplies(request).join('\n\n'),
      tags: [],
      published: false,
      clientIds: [request.clientId],
    });
    return { redirect: `/console/kb/${article.id}` };
  }

  private async update(user: AuthUser, id: string, plain: Record<string, unknown>) {
    const checked = await checkDto(UpdateRequestDto, plain);
    if (!checked.value) return checked.problems;
    await this.changes.update(user, id, checked.value);
    return [];
  }

  /**
   * One action of the desk: on success, back to the desk saying what was done (POST/redirect/
   * GET); refused, the desk again with the form as typed and its problems beside it.
   */
  private async act(
    user: AuthUser,
    id: string,
    done: DeskDone,
    forms: DeskForms,
    problemsOf: 'replyProblems' | 'statusProblems' | 'reclassifyProblems' | 'timerProblems',
    action: () => Promise<FormProblem[]>,
  ): Promise<FormOutcome> {
    let problems: FormProblem[];
    let status = 400;
    try {
      problems = await action();
      if (problems.length === 0) {
        const anchor = done === 'replied' ? '#thread' : '';
        return { redirect: `/console/requests/${id}?done=${done}${anchor}` };
      }
    } catch (error) {
      ({ problems, status } = formFailure(error));
      // Another company's or an unknown request is a 404 page, as on reading it.
      if (status === 404) throw error;
    }
    const page = await this.page(user, id, { ...forms, [problemsOf]: problems });
    return { page, status };
  }
}

/** The consultant's replies on a request, oldest first. */
function consultantReplies(request: RequestDetail): string[] {
  return request.comments.filter((c) => c.authorRole === 'consultant').map((c) => c.body);
}
