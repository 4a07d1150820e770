/**
 * The words of a refused line, in one language: the catalogue's `import.refused.<code>` filled
 * with the refusal's figures, read as every code's figures are (`messageValues`: days and
 * wall-clock times in the reader's form, minutes as durations, null as `none`). What the file
 * wrote (a cell, a column's name, a client's name) is shown as written, even when it looks like
 * a day.
 */
import { messageValues } from '../../common/error-text';
import { catalogue, type Locale, type MessageValues } from '../../i18n';
import type { ImportError, RefusedRow } from './import-row';
import { inTurns } from './turns';

/** Figures that are text of the file, or names people gave: never read as a day or a month. */
const AS_WRITTEN = new Set([
  'value',
  'column',
  'columns',
  'startColumn',
  'endColumn',
  'durationColumn',
  'startTime',
  'endTime',
  'duration',
  'dayFirst',
  'monthFirst',
  'client',
  'project',
  'activity',
  'userName',
  'userEmail',
  'email',
  'contractId',
  'reference',
  'source',
  'timezone',
]);

function refusalValues(locale: Locale, refusal: ImportError): MessageValues {
  const read: Record<string, unknown> = {};
  const written: MessageValues = {};
  for (const [name, figure] of Object.entries(refusal)) {
    if (typeof figure === 'string' && AS_WRITTEN.has(name)) written[name] = figure;
    else read[name] = figure;
  }
  return { ...messageValues(locale, read), ...written };
}

/** A refused line's reason in the reader's language. */
export function refusalText(locale: Locale, refusal: ImportError): string {
  return catalogue().formatOr(
    locale,
    `import.refused.${refusal.code}`,
    refusalValues(locale, refusal),
    refusal.code,
  );
}

/**
 * Each refused line with its reason in the reader's language, worded a slice at a time, the
 * event loop running between slices: a file imported twice is refused on every line.
 */
export async function withReasons(
  refused: readonly ImportError[],
  locale: Locale,
): Promise<RefusedRow[]> {
  const worded: RefusedRow[] = [];
  for await (const slice of inTurns(refused)) {
    for (const refusal of slice) worded.push({ ...refusal, reason: refusalText(locale, refusal) });
  }
  return worded;
}
