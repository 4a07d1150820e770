import type { Problem } from './problem';

export const DEFAULT_INVOICE_NUMBER_FORMAT = 'F{YYYY}-{SEQ:5}';
export const DEFAULT_CREDIT_NOTE_NUMBER_FORMAT = 'AV{YYYY}-{SEQ:5}';
export const MAX_NUMBER_FORMAT_LENGTH = 30;
const MAX_SEQ_PADDING = 12;

const TOKEN = /\{([^{}]*)\}/g;
const SEQ_TOKEN = /^SEQ(?::(\d+))?$/;
const DATE_TOKENS = ['YYYY', 'YY', 'MM'];

export interface NumberParts {
  year: number;
  month?: number;
  seq: number;
}

function tokenValue(token: string, parts: NumberParts): string {
  const seq = SEQ_TOKEN.exec(token);
  if (seq) return String(parts.seq).padStart(Number(seq[1] ?? 0), '0');
  switch (token) {
    case 'YYYY':
      return String(parts.year).padStart(4, '0');
    case 'YY':
      return String(parts.year % 100).padStart(2, '0');
    case 'MM':
      if (parts.month === undefined)
        throw new RangeError('The number format uses {MM}: a month is needed');
      return String(parts.month).padStart(2, '0');
    default:
      throw new RangeError(`Unknown token {${token}} in number format`);
  }
}

/** 'F{YYYY}-{SEQ:5}' with 2026 and 42 → 'F2026-00042'. A longer sequence is never cut. */
export function formatDocumentNumber(format: string, parts: NumberParts): string {
  if (!Number.isSafeInteger(parts.seq) || parts.seq < 1) {
    throw new RangeError(`A sequence number starts at 1: ${parts.seq}`);
  }
  return format.replace(TOKEN, (_, token: string) => tokenValue(token, parts));
}

const tokensOf = (format: string): string[] => [...format.matchAll(TOKEN)].map((m) => m[1]);

/**
 * The counter a number is drawn from: it restarts each year when the number shows the year,
 * and runs on forever otherwise (else numbers would repeat).
 */
export function seriesKey(format: string, year: number): string {
  const yearly = tokensOf(format).some((t) => t === 'YYYY' || t === 'YY');
  return yearly ? `${format}#${year}` : format;
}

function tokenProblems(tokens: string[], field: string): Problem[] {
  const problems: Problem[] = [];
  const unknown = tokens.filter((t) => !SEQ_TOKEN.test(t) && !DATE_TOKENS.includes(t));
  for (const t of unknown) {
    problems.push({
      field,
      code: 'unknown_token',
      message: `Unknown token {${t}}: use {YYYY}, {YY}, {MM}, {SEQ} or {SEQ:n}.`,
      token: t,
    });
  }
  const seqs = tokens.filter((t) => SEQ_TOKEN.test(t));
  if (seqs.length !== 1) {
    problems.push({
      field,
      code: 'seq_token',
      message: 'The format needs exactly one {SEQ} or {SEQ:n} token.',
    });
  }
  for (const t of seqs) {
    const width = Number(SEQ_TOKEN.exec(t)?.[1] ?? 1);
    if (width < 1 || width > MAX_SEQ_PADDING) {
      problems.push({
        field,
        code: 'seq_width',
        message: `{SEQ:n} pads to 1 to ${MAX_SEQ_PADDING} digits.`,
        maxDigits: MAX_SEQ_PADDING,
      });
    }
  }
  return problems;
}

/** Reasons a number format is refused; empty when it is fine. */
export function validateNumberFormat(format: string, field = 'format'): Problem[] {
  const problems: Problem[] = [];
  if (format.length > MAX_NUMBER_FORMAT_LENGTH) {
    problems.push({
      field,
      code: 'too_long',
      message: `A number format has at most ${MAX_NUMBER_FORMAT_LENGTH} characters.`,
      maxLength: MAX_NUMBER_FORMAT_LENGTH,
    });
  }
  const literal = format.replace(TOKEN, '');
  if (/[{}]/.test(literal)) {
    problems.push({ field, code: 'braces', message: 'A brace outside a {TOKEN} is not allowed.' });
  }
  if (/[\s\p{Cc}]/u.test(literal)) {
    problems.push({
      field,
      code: 'whitespace',
      message: 'A document number holds no spaces or control characters.',
    });
  }
  return [...problems, ...tokenProblems(tokensOf(format), field)];
}
