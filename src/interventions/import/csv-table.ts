import type { Info } from 'csv-parse';
import { parse } from 'csv-parse/sync';

/** A CSV file read into a header and records, each record with the line it starts on. */
export interface CsvTable {
  header: string[];
  records: { line: number; values: string[] }[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** Reads an export as UTF-8 without its byte-order mark (Excel and Toggl add one). */
export function decodeCsv(csv: string | Buffer): string {
  const text = typeof csv === 'string' ? csv : csv.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator used in the header line: European spreadsheets save with `;`. */
export function detectDelimiter(text: string): string {
  const headerLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ',';
  for (const [delimiter, count] of counts) {
    if (count > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

/**
 * Parses the text into records. Short rows are kept (a missing column is reported per row, not
 * for the whole file) and blank lines are skipped, while line numbers stay those of the file.
 */
export function readCsvTable(text: string): CsvTable {
  const parsed = parse(text, {
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    // The typings do not model `info: true`, which wraps each record with its position.
  }) as unknown as { record: string[]; info: Info }[];
  let previousEnd = 0;
  let previousEmpty = 0;
  const lines = parsed.map(({ record, info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return { line, values: record };
  });
  const nonBlank = lines.filter(({ values }) => values.some((value) => value.trim() !== ''));
  const [head, ...records] = nonBlank;
  return { header: head ? head.values.map((name) => name.trim()) : [], records };
}
