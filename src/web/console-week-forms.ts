/**
 * The week view's corrections as posted by a browser: an entry changed, moved (a new start,
 * its length kept) or deleted, and the week shown after one of them.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { Text, WeekQuery } from './console-forms';

/** What was just done to an entry of the week, said once above the days. */
export const WEEK_CORRECTIONS = ['changed', 'moved', 'deleted'] as const;
export type WeekCorrection = (typeof WEEK_CORRECTIONS)[number];

export class WeekPageQuery extends WeekQuery {
  @ApiPropertyOptional({ enum: WEEK_CORRECTIONS })
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsIn(WEEK_CORRECTIONS)
  readonly done?: WeekCorrection;
}

/** An entry moved: its new start, read in the practice zone; its length stays. */
export class WeekMoveForm {
  @Text(20) readonly startedAt?: string;
}

/** The confirmed deletion of an entry: a button, no input. */
export class WeekDeleteForm {}
