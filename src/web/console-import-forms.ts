/**
 * The console's import page: a time tracker's CSV export uploaded (multipart), checked without
 * writing, then sent back whole to be imported. The form's fields as posted (every one a string)
 * and their translation into the API's import query.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { given, Text, ticked } from './console-forms';

/**
 * The largest file the page takes: the confirmation sends it back in a form, within the forms'
 * body limit (a CSV's commas and quotes grow threefold once URL-encoded). Larger exports go
 * through the API, or split by period.
 */
export const PAGE_IMPORT_BYTES = 512 * 1024;

export class ImportPageForm {
  @Text(20) readonly source?: string;
  @Text(10) readonly dateFormat?: string;
  @Text(40) readonly activityId?: string;
  @Text(20) readonly urgency?: string;
  @Text(5) readonly skipInvalid?: string;
  /** The upload's file input; named so that a refusal of the file is said beside it. */
  @Text(0) readonly file?: string;
  /** The export as checked, sent back to be imported. */
  @Text(3 * PAGE_IMPORT_BYTES) readonly csv?: string;
}

/** `?created=12`: the page after an import, saying how many interventions were written. */
export class ImportDoneQuery {
  @ApiPropertyOptional({ example: '12' })
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @Matches(/^\d{1,6}$/)
  readonly created?: string;
}

/** The import's query (ImportQuery): a dry run, or the import itself. */
export function importQueryPlain(form: ImportPageForm, dryRun: boolean): Record<string, unknown> {
  return {
    source: given(form.source) ?? '',
    dryRun,
    skipInvalid: !dryRun && ticked(form.skipInvalid),
    dateFormat: given(form.dateFormat),
    activityId: given(form.activityId),
    urgency: given(form.urgency),
  };
}

/** The options to show again with the report, and to send back with the export. */
export function importOptions(form: ImportPageForm): Record<string, string> {
  return {
    source: form.source ?? '',
    dateFormat: form.dateFormat ?? '',
    activityId: form.activityId ?? '',
    urgency: form.urgency ?? '',
  };
}
