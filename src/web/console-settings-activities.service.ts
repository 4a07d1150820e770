import { Injectable } from '@nestjs/common';
import { ActivitiesService } from '../activities/activities.service';
import { CreateActivityDto, UpdateActivityDto } from '../activities/dto/activity.dto';
import { ACTIVITY_KINDS } from '../common/domain';
import { checkDto } from './console-forms';
import {
  ACTIVITY_FORM_DEFAULTS,
  activityPlain,
  activityUnreadable,
  type ActivityForm,
} from './console-first-steps-forms';
import type { FormOutcome } from './console-pages';
import { attempt, type FormProblem } from './form-problems';

const ALL = { limit: 500, offset: 0 };
const LIST = '/console/activities';

type Values = Record<string, string | undefined>;

/** "92,50" in the page's language, from cents an hour. */
function rateText(cents: number, locale: string): string {
  const text = (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/**
 * The practice's activities on the console, through the API's service and DTOs: listed (the
 * archived apart), added, changed, archived (deleted when no work or contract names them yet,
 * as the API does) and brought back.
 */
@Injectable()
export class ConsoleActivities {
  constructor(private readonly activities: ActivitiesService) {}

  async listPage(form: Values = ACTIVITY_FORM_DEFAULTS, problems: FormProblem[] = []) {
    const [active, archived] = await Promise.all([
      this.activities.list(ALL),
      this.activities.list({ ...ALL, archived: true }),
    ]);
    return {
      activities: active.items,
      archived: archived.items,
      kinds: ACTIVITY_KINDS,
      form,
      problems,
    };
  }

  /** A new activity, checked as the API checks it; the page again with the problems if refused. */
  async add(form: ActivityForm): Promise<FormOutcome> {
    const outcome = await attempt(async () => {
      const plain = activityPlain(form);
      const checked = await checkDto(CreateActivityDto, plain, activityUnreadable(form));
      if (checked.value) await this.activities.create(checked.value);
      return { problems: checked.problems };
    });
    if (outcome.problems.length === 0) return { redirect: LIST };
    return { page: await this.listPage({ ...form }, outcome.problems), status: outcome.status };
  }

  /** One activity's form, with its stored values unless `form` brings those typed. */
  async editPage(id: string, locale: string, form?: Values, problems: FormProblem[] = []) {
    const activity = await this.activities.get(id);
    return {
      activity,
      kinds: ACTIVITY_KINDS,
      form: form ?? {
        name: activity.name,
        kind: activity.kind,
        rate: rateText(activity.defaultRateCents, locale),
        billable: activity.billable ? 'on' : '',
      },
      problems,
    };
  }

  async update(id: string, form: ActivityForm, locale: string): Promise<FormOutcome> {
    const outcome = await attempt(async () => {
      const plain = activityPlain(form);
      const checked = await checkDto(UpdateActivityDto, plain, activityUnreadable(form));
      if (checked.value) await this.activities.update(id, checked.value);
      return { problems: checked.problems };
    });
    if (outcome.problems.length === 0) return { redirect: LIST };
    return {
      page: await this.editPage(id, locale, { ...form }, outcome.problems),
      status: outcome.status,
    };
  }

  /** Archives the activity (deletes it when nothing names it yet); where to go next. */
  async archive(id: string): Promise<string> {
    await this.activities.remove(id);
    return LIST;
  }

  async restore(id: string): Promise<string> {
    await this.activities.restore(id);
    return LIST;
  }
}
