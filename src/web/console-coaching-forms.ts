/**
 * The coaching page's forms as a browser posts them (every field a string), and their
 * translation into the API's DTOs: a topic turned into an article draft, a training proposed
 * to a client, the synonyms one group a line.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { FieldProblem } from '../common/validation';
import { IsLocalDate } from '../common/validators';
import { given, many, Text } from './console-forms';
import { localInputToInstant } from './console-view';
import { wholeNumber } from './form-readers';
import type { FormSpec } from './form-problems';

/** A GET form sends an empty field as "": that is no value. */
const blankless = Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

/** The coaching page's period and client, all optional (the last six months by default). */
export class CoachingQuery {
  @ApiPropertyOptional({ example: '2026-01-01' })
  @blankless
  @IsOptional()
  @IsLocalDate()
  readonly from?: string;

  @ApiPropertyOptional({ example: '2026-06-30' })
  @blankless
  @IsOptional()
  @IsLocalDate()
  readonly to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @blankless
  @IsOptional()
  @IsUUID()
  readonly clientId?: string;

  /** What was just saved, for the page to say so. */
  @ApiPropertyOptional({ enum: ['training', 'synonyms'] })
  @blankless
  @IsOptional()
  @IsIn(['training', 'synonyms'])
  readonly saved?: 'training' | 'synonyms';

  /** The topic a training is proposed on (the training form). */
  @blankless
  @Text(200)
  readonly key?: string;
}

/** "Write the article": the topic of the period shown. */
export class TopicActionForm {
  @Text(10) readonly from?: string;
  @Text(10) readonly to?: string;
  @Text(40) readonly clientId?: string;
  @Text(200) readonly key?: string;
}

/** "Propose a training": prefilled from the topic, sent as POST /api/trainings takes it. */
export class TrainingForm {
  @Text(40) readonly contractId?: string;
  @Text(150) readonly topic?: string;
  @Text(200) readonly topicKey?: string;
  /** The topic's words, comma separated. */
  @Text(800) readonly terms?: string;
  @Text(20) readonly startedAt?: string;
  @Text(10) readonly durationMinutes?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  readonly attendeeIds?: string | string[];
  @Text(40) readonly activityId?: string;
  @Text(20) readonly location?: string;
  /** The client and the coaching page's period, to come back to. */
  @Text(40) readonly clientId?: string;
  @Text(10) readonly from?: string;
  @Text(10) readonly to?: string;
}

/** The synonyms, one group a line, its expressions separated by "=" (or commas). */
export class SynonymsForm {
  @Text(20_000) readonly groups?: string;
}

export const COACHING_FORMS = {
  training: {
    id: 'tr',
    form: TrainingForm,
    order: [
      'contractId',
      'topic',
      'startedAt',
      'durationMinutes',
      'attendeeIds',
      'activityId',
      'location',
    ],
    units: { durationMinutes: 'minutes' },
  },
  topicAction: { id: 'ta', form: TopicActionForm },
  synonyms: {
    id: 'sy',
    form: SynonymsForm,
    label: (input, t) => (input === 'groups' ? t('coaching.synonyms.label') : undefined),
  },
} satisfies Record<string, FormSpec>;

/** The training form as CreateTrainingDto's plain values, and what could not be read. */
export function trainingPlain(
  form: TrainingForm,
  timezone: string,
): { plain: Record<string, unknown>; unread: FieldProblem[] } {
  const unread: FieldProblem[] = [];
  const typed = given(form.startedAt);
  const startedAt = typed ? localInputToInstant(typed, timezone) : null;
  if (typed && !startedAt) {
    unread.push({
      field: 'startedAt',
      code: 'form.dateTime',
      message: 'startedAt must be a local date and time',
    });
  }
  const terms = (form.terms ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    plain: {
      contractId: given(form.contractId),
      topic: given(form.topic),
      topicKey: given(form.topicKey),
      terms: terms.length ? terms : undefined,
      startedAt: startedAt?.toISOString(),
      durationMinutes: wholeNumber(form.durationMinutes),
      attendeeIds: many(form.attendeeIds),
      activityId: given(form.activityId),
      location: given(form.location),
    },
    unread,
  };
}

/** "wifi = wi-fi = réseau sans fil", a line a group; blank lines are none. */
export function synonymGroupsOf(text: string | undefined): Array<{ expressions: string[] }> {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) =>
      line
        .split(/[=,;]/)
        .map((e) => e.trim())
        .filter(Boolean),
    )
    .filter((expressions) => expressions.length > 0)
    .map((expressions) => ({ expressions }));
}

/** The groups as the form shows them again. */
export function synonymLines(groups: ReadonlyArray<{ expressions: readonly string[] }>): string {
  return groups.map((g) => g.expressions.join(' = ')).join('\n');
}
