import { Injectable } from '@nestjs/common';
import { ActivitiesService } from '../activities/activities.service';
import type { AuthUser } from '../auth/auth.decorators';
import { addDays, localDate, localTimeToInstant } from '../calendar';
import { ClientsService } from '../clients/clients.service';
import { shiftMonth } from '../coaching/autonomy.service';
import { sessionMinutes } from '../coaching/coaching-rules';
import { TopicArticleDto } from '../coaching/dto/topic.dto';
import { CreateTrainingDto } from '../coaching/dto/training.dto';
import { TopicActionsService } from '../coaching/topic-actions.service';
import type { Topic } from '../coaching/topic-figures';
import { TopicsService } from '../coaching/topics.service';
import { TrainingsService } from '../coaching/trainings.service';
import { Clock } from '../common/clock';
import { ContractsService } from '../contracts/contracts.service';
import { amountOfMinutes, resolveHourlyRate } from '../interventions/pricing';
import { ReplaceSynonymsDto } from '../knowledge/dto/synonym.dto';
import { SynonymsService } from '../knowledge/synonyms.service';
import { PracticeService } from '../practice/practice.service';
import { UsersService } from '../users/users.service';
import {
  synonymGroupsOf,
  synonymLines,
  trainingPlain,
  type CoachingQuery,
  type SynonymsForm,
  type TopicActionForm,
  type TrainingForm,
} from './console-coaching-forms';
import { checkDto, given } from './console-forms';
import type { FormOutcome } from './console-pages';
import { attempt, type FormProblem } from './form-problems';

const ALL = { limit: 500, offset: 0 };
/** The page shows the last six months by default, the current one included. */
const DEFAULT_MONTHS = 6;

export interface CoachingPeriod {
  from: string;
  to: string;
  clientId?: string;
}

/** The period's address on the page: `?from=…&to=…[&clientId=…]`. */
export function periodQuery(period: CoachingPeriod, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  if (period.clientId) params.set('clientId', period.clientId);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

/**
 * The console's coaching page: the period's recurring topics with the requests behind them and
 * what to do about each, the trainings given and how the topic's requests changed since, and
 * the synonyms. Every figure comes from the coaching services.
 */
@Injectable()
export class ConsoleCoaching {
  constructor(
    private readonly topics: TopicsService,
    private readonly actions: TopicActionsService,
    private readonly trainings: TrainingsService,
    private readonly synonyms: SynonymsService,
    private readonly clients: ClientsService,
    private readonly contracts: ContractsService,
    private readonly users: UsersService,
    private readonly activities: ActivitiesService,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
  ) {}

  /** The period asked for, else the last six months up to today. */
  async period(query: CoachingQuery): Promise<CoachingPeriod> {
    const { timezone } = await this.practice.calendar();
    const today = localDate(this.clock.now(), timezone);
    const to = query.to ?? today;
    const from = query.from ?? `${shiftMonth(to.slice(0, 7), 1 - DEFAULT_MONTHS)}-01`;
    return { from, to, ...(query.clientId ? { clientId: query.clientId } : {}) };
  }

  async page(
    user: AuthUser,
    query: CoachingQuery,
    extra: { synonyms?: string; problems?: FormProblem[]; topicProblems?: FormProblem[] } = {},
  ) {
    const period = await this.period(query);
    const [read, trainings, synonyms, clients] = await Promise.all([
      this.topics.read(user, period),
      this.trainings.list(user, { ...ALL, limit: 100, clientId: period.clientId }),
      this.synonyms.list(),
      this.clients.list(user, ALL),
    ]);
    const names = new Map(clients.items.map((c) => [c.id, c.name]));
    const titles = new Map(read.rows.map((r) => [r.id, r.title]));
    return {
      period,
      periodQuery: periodQuery(period),
      saved: query.saved ?? null,
      clients: clients.items.map((c) => ({ id: c.id, name: c.name })),
      topics: read.topics.map((topic) => ({
        ...topic,
        requestList: topic.requestIds.map((id) => ({ id, title: titles.get(id) ?? id })),
        clientNames: topic.clients.map((c) => ({ ...c, name: names.get(c.clientId) ?? '' })),
        suggestedClient:
          topic.suggestion.kind === 'offer_training'
            ? (names.get(topic.suggestion.clientId) ?? '')
            : null,
      })),
      trainings: trainings.items.map((t) => ({ ...t, clientName: names.get(t.clientId) ?? '' })),
      synonymsForm: { groups: extra.synonyms ?? synonymLines(synonyms.items) },
      problems: extra.problems ?? [],
      topicProblems: extra.topicProblems ?? [],
    };
  }

  /** "Write the article": the draft from the topic, opened in the article editor. */
  async draftArticle(user: AuthUser, form: TopicActionForm): Promise<FormOutcome> {
    const query = { from: given(form.from), to: given(form.to), clientId: given(form.clientId) };
    const outcome = await attempt(async () => {
      const checked = await checkDto(TopicArticleDto, { ...query, key: given(form.key) });
      if (!checked.value) return { problems: checked.problems, id: null };
      const article = await this.actions.draftArticle(user, checked.value);
      return { problems: [], id: article.id };
    });
    if ('id' in outcome && outcome.id) return { redirect: `/console/kb/${outcome.id}` };
    const page = await this.page(user, query, { topicProblems: outcome.problems });
    return { page, status: outcome.status };
  }

  /** The synonyms as typed, one group a line; the page again with its problems if refused. */
  async saveSynonyms(user: AuthUser, form: SynonymsForm, query: CoachingQuery) {
    const outcome = await attempt(async () => {
      const checked = await checkDto(ReplaceSynonymsDto, { groups: synonymGroupsOf(form.groups) });
      if (checked.value) await this.synonyms.replace(checked.value);
      return { problems: checked.problems };
    });
    const period = await this.period(query);
    if (outcome.problems.length === 0) {
      return {
        redirect: `/console/coaching?${periodQuery(period, { saved: 'synonyms' })}#synonyms`,
      };
    }
    // A group of one expression is refused on `expressions`: the textarea holds every group.
    const problems = outcome.problems.map((p) =>
      p.field === 'expressions' ? { ...p, field: 'groups' } : p,
    );
    const page = await this.page(user, period, { synonyms: form.groups ?? '', problems });
    return { page, status: outcome.status };
  }

  /**
   * "Propose a training": the form prefilled from the topic, for its client; the coaching page
   * when the topic is no longer among the period's (its requests changed since).
   */
  async trainingPage(
    user: AuthUser,
    query: CoachingQuery,
    typed?: TrainingForm,
    problems: FormProblem[] = [],
    status = 200,
  ): Promise<FormOutcome> {
    const period = await this.period(query);
    const { topics } = await this.topics.read(user, { from: period.from, to: period.to });
    const topic = topics.find((t) => t.key === query.key);
    const clientId = topic ? (query.clientId ?? suggestedClientOf(topic)) : undefined;
    if (!topic || !clientId) return { redirect: `/console/coaching?${periodQuery(period)}` };
    const [client, clients, contracts, people, activities, { timezone }] = await Promise.all([
      this.clients.get(user, clientId),
      this.clients.list(user, ALL),
      this.contracts.list(user, { ...ALL, clientId, active: true }),
      this.users.list(ALL),
      this.activities.list({ ...ALL, kind: 'training' }),
      this.practice.calendar(),
    ]);
    const staff = people.items.filter((u) => u.role === 'client' && u.clientId === clientId);
    const filed = topic.clients.find((c) => c.clientId === clientId)?.staffIds ?? [];
    const active = staff.filter((u) => u.active);
    const duration =
      topic.suggestion.kind === 'offer_training' && topic.suggestion.clientId === clientId
        ? topic.suggestion.sessionMinutes
        : sessionMinutes(filed.length);
    // The session is logged as work done: by default this morning's, or yesterday afternoon's.
    const now = this.clock.now();
    const today = localDate(now, timezone);
    const morning = localTimeToInstant(today, 9 * 60, timezone);
    const startedAt =
      morning.getTime() + duration * 60_000 <= now.getTime()
        ? `${today}T09:00`
        : `${addDays(today, -1)}T14:00`;
    const prefilled: Record<string, unknown> = {
      contractId: contracts.items[0]?.id ?? '',
      topic: topic.label,
      topicKey: topic.key,
      terms: topic.terms.join(', '),
      startedAt,
      durationMinutes: String(duration),
      attendeeIds: filed.filter((id) => active.some((u) => u.id === id)),
      activityId: activities.items[0]?.id ?? '',
      location: 'onsite',
      clientId,
      from: period.from,
      to: period.to,
    };
    const values = typed ? { ...typed, attendeeIds: asList(typed.attendeeIds) } : prefilled;
    const contract = contracts.items.find((c) => c.id === values.contractId);
    const minutes = Number(values.durationMinutes);
    // The price as the work will be priced: the activity's rate on the contract, else its rate.
    const rateCents = contract
      ? resolveHourlyRate(
          contract.billing.hourlyRateCents,
          contract.billing.activityRates,
          String(values.activityId),
        )
      : null;
    const price =
      rateCents !== null && Number.isInteger(minutes) && minutes > 0
        ? { rateCents, minutes, amountCents: amountOfMinutes(minutes, rateCents) }
        : null;
    const page = {
      period,
      periodQuery: periodQuery(period),
      topic,
      client: { id: client.id, name: client.name },
      otherClients: topic.clients
        .filter((c) => c.clientId !== clientId)
        .map((c) => ({
          clientId: c.clientId,
          requests: c.requests,
          name: clients.items.find((k) => k.id === c.clientId)?.name ?? '',
        })),
      contracts: contracts.items.map((c) => ({ id: c.id, label: `${c.reference} · ${c.title}` })),
      staff: active.map((u) => ({ id: u.id, name: u.displayName, filed: filed.includes(u.id) })),
      activities: activities.items.map((a) => ({ id: a.id, name: a.name })),
      values,
      price,
      problems,
    };
    return { page, status };
  }

  /** Creates the training as POST /api/trainings does, then shows it in the trainings list. */
  async submitTraining(user: AuthUser, form: TrainingForm) {
    const { timezone } = await this.practice.calendar();
    const outcome = await attempt(async () => {
      const { plain, unread } = trainingPlain(form, timezone);
      const checked = await checkDto(CreateTrainingDto, plain, unread);
      if (checked.value) await this.trainings.create(user, checked.value);
      return { problems: checked.problems };
    });
    const period = await this.period({ from: given(form.from), to: given(form.to) });
    if (outcome.problems.length === 0) {
      return {
        redirect: `/console/coaching?${periodQuery(period, { saved: 'training' })}#trainings`,
      };
    }
    return this.trainingPage(
      user,
      { ...period, key: given(form.topicKey), clientId: given(form.clientId) },
      form,
      outcome.problems,
      outcome.status,
    );
  }
}

/** The client a training is offered to: the suggestion's, else the one that filed most. */
function suggestedClientOf(topic: Topic): string | undefined {
  if (topic.suggestion.kind === 'offer_training') return topic.suggestion.clientId;
  return topic.clients[0]?.clientId;
}

function asList(value: string | string[] | undefined): string[] {
  return Array.isArray(value) ? value : value ? [value] : [];
}
