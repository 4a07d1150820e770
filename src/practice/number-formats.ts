import type { ErrorDetail } from '../common/domain-error';
import { validateNumberFormat } from '../common/document-numbers';

/**
 * Invoices and credit notes share one unique index on their number, so their two formats must
 * never give the same number: 'F{YYYY}-{SEQ:5}' twice would, and so would 'F{SEQ}' beside
 * 'F{YY}{SEQ}' (F2612 is the 2612th invoice and the 12th of 2026).
 */

/** One character of a number: the characters it may be, and whether it repeats (0 or more). */
interface Atom {
  chars: string;
  repeats: boolean;
}

const DIGITS = '0123456789';
const one = (chars: string): Atom => ({ chars, repeats: false });
const digits = (count: number): Atom[] => Array.from({ length: count }, () => one(DIGITS));

/** The numbers a valid format can give, as a sequence of atoms. */
function atomsOf(format: string): Atom[] {
  const atoms: Atom[] = [];
  for (const part of format.split(/(\{[^{}]*\})/)) {
    const seq = /^\{SEQ(?::(\d+))?\}$/.exec(part);
    if (seq)
      atoms.push(...digits(Math.max(1, Number(seq[1] ?? 1))), { chars: DIGITS, repeats: true });
    else if (part === '{YYYY}') atoms.push(...digits(4));
    else if (part === '{YY}') atoms.push(...digits(2));
    else if (part === '{MM}') atoms.push(one('01'), one(DIGITS));
    else atoms.push(...[...part].map(one));
  }
  return atoms;
}

/**
 * A number both formats can give, or null: a walk over pairs of positions in the two formats,
 * reading one character at a time that both accept, shortest first.
 */
export function sharedNumber(a: string, b: string): string | null {
  const [x, y] = [atomsOf(a), atomsOf(b)];
  const seen = new Map<string, string>([['0,0', '']]);
  const queue: [number, number][] = [[0, 0]];
  const visit = (i: number, j: number, text: string) => {
    if (seen.has(`${i},${j}`)) return;
    seen.set(`${i},${j}`, text);
    queue.push([i, j]);
  };
  for (let k = 0; k < queue.length; k++) {
    const [i, j] = queue[k];
    const text = seen.get(`${i},${j}`)!;
    if (i === x.length && j === y.length) return text;
    // A repeating atom may also stop, reading nothing.
    if (x[i]?.repeats) visit(i + 1, j, text);
    if (y[j]?.repeats) visit(i, j + 1, text);
    // Any character both accept leads on alike; 1 reads best where digits go (no 0000 year).
    const both = [...(x[i]?.chars ?? '')].filter((c) => y[j]?.chars.includes(c));
    if (both.length === 0) continue;
    const next = both.includes('1') ? '1' : both[0];
    visit(x[i].repeats ? i : i + 1, y[j].repeats ? j : j + 1, text + next);
  }
  return null;
}

/** Each format checked alone, then the pair: 400 details naming the field. */
export function numberFormatProblems(formats: {
  invoiceNumberFormat: string;
  creditNoteNumberFormat: string;
}): ErrorDetail[] {
  const alone = (['invoiceNumberFormat', 'creditNoteNumberFormat'] as const).flatMap((field) =>
    validateNumberFormat(formats[field], field).map((p) => ({ ...p, field })),
  );
  if (alone.length > 0) return alone;
  const shared = sharedNumber(formats.invoiceNumberFormat, formats.creditNoteNumberFormat);
  if (shared === null) return [];
  return [
    {
      field: 'creditNoteNumberFormat',
      code: 'shared_number',
      message: `invoices and credit notes would both be numbered like ${shared}: give credit notes a prefix of their own (AV{YYYY}-{SEQ:5})`,
      number: shared,
    },
  ];
}
