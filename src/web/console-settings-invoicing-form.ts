/**
 * The invoicing settings as a browser posts them: numbering, payment terms, late penalties and VAT
 * typed in percents, the reminder days as a list ("1, 15, 30") and the accounting accounts, read
 * as the API's UpdatePracticeDto; what cannot be read is said in percents, beside its input.
 */
import type { FieldProblem } from '../common/validation';
import type { Practice } from '../practice/practice.entity';
import { blanks, type FormValues, given, Text, ticked } from './console-forms';
import { wholeNumber } from './form-readers';

export class InvoicingForm {
  @Text(40) readonly invoiceNumberFormat?: string;
  @Text(40) readonly creditNoteNumberFormat?: string;
  @Text(10) readonly paymentTermsDays?: string;
  @Text(20) readonly latePenaltyRate?: string;
  @Text(20) readonly vatRegime?: string;
  @Text(20) readonly defaultVatRate?: string;
  @Text(5) readonly locale?: string;
  @Text(20) readonly receivable?: string;
  @Text(20) readonly sales?: string;
  @Text(20) readonly vatCollected?: string;
  @Text(20) readonly journalCode?: string;
  @Text(100) readonly journalLabel?: string;
  @Text(5) readonly vatOnDebits?: string;
  @Text(20) readonly revenueReverseCharge?: string;
  @Text(20) readonly revenueIntraEu?: string;
  @Text(20) readonly revenueExport?: string;
  @Text(20) readonly bank?: string;
  @Text(20) readonly bankJournalCode?: string;
  @Text(100) readonly bankJournalLabel?: string;
  @Text(60) readonly reminderDays?: string;
}

export const INVOICING_PATHS = {
  latePenaltyRate: 'latePenaltyRatePercent',
  defaultVatRate: 'defaultVatRateBp',
  receivable: 'accounts.receivable',
  sales: 'accounts.sales',
  vatCollected: 'accounts.vatCollected',
  journalCode: 'accounts.journalCode',
  journalLabel: 'accounts.journalLabel',
  revenueReverseCharge: 'accounts.revenueReverseCharge',
  revenueIntraEu: 'accounts.revenueIntraEu',
  revenueExport: 'accounts.revenueExport',
  bank: 'accounts.bank',
  bankJournalCode: 'accounts.bankJournalCode',
  bankJournalLabel: 'accounts.bankJournalLabel',
};

export function invoicingValues(p: Practice, locale: string): FormValues {
  const decimal = (n: number) => (locale === 'fr' ? String(n).replace('.', ',') : String(n));
  return {
    invoiceNumberFormat: p.invoiceNumberFormat,
    creditNoteNumberFormat: p.creditNoteNumberFormat,
    paymentTermsDays: String(p.paymentTermsDays),
    latePenaltyRate: decimal(p.latePenaltyRatePercent),
    vatRegime: p.vatRegime,
    defaultVatRate: decimal(p.defaultVatRateBp / 100),
    locale: p.locale,
    vatOnDebits: p.vatOnDebits ? 'on' : '',
    ...p.accounts,
    reminderDays: p.reminderDays.join(', '),
  };
}

/** "1, 15, 30" → [1, 15, 30]; what is no whole number is kept as typed, for the DTO to name. */
export function reminderDaysOf(text: string | undefined): unknown[] {
  return (text ?? '')
    .split(/[\s,;]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d{1,6}$/.test(part) ? Number(part) : part));
}

/** "12,15", "5.5 %" → hundredths of a percent (1215, 550); null when it is no such percent. */
export function parsePercentHundredths(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f%]/g, '').replace(/^\u2212/, '-');
  const match = /^(-?)(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const hundredths = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] && hundredths !== 0 ? -hundredths : hundredths;
}

export function invoicingPlain(form: InvoicingForm): Record<string, unknown> {
  const late = given(form.latePenaltyRate);
  const vat = given(form.defaultVatRate);
  const lateHundredths = late === undefined ? null : parsePercentHundredths(late);
  const vatBp = vat === undefined ? null : parsePercentHundredths(vat);
  return {
    invoiceNumberFormat: form.invoiceNumberFormat?.trim() ?? '',
    creditNoteNumberFormat: form.creditNoteNumberFormat?.trim() ?? '',
    paymentTermsDays: wholeNumber(form.paymentTermsDays) ?? '',
    latePenaltyRatePercent: lateHundredths === null ? (late ?? '') : lateHundredths / 100,
    vatRegime: form.vatRegime ?? '',
    defaultVatRateBp: vatBp ?? vat ?? '',
    locale: form.locale ?? '',
    vatOnDebits: ticked(form.vatOnDebits),
    reminderDays: reminderDaysOf(form.reminderDays),
    accounts: {
      receivable: form.receivable?.trim() ?? '',
      sales: form.sales?.trim() ?? '',
      vatCollected: form.vatCollected?.trim() ?? '',
      journalCode: form.journalCode?.trim().toUpperCase() ?? '',
      journalLabel: form.journalLabel?.trim() ?? '',
      revenueReverseCharge: form.revenueReverseCharge?.trim() ?? '',
      revenueIntraEu: form.revenueIntraEu?.trim() ?? '',
      revenueExport: form.revenueExport?.trim() ?? '',
      bank: form.bank?.trim() ?? '',
      bankJournalCode: form.bankJournalCode?.trim().toUpperCase() ?? '',
      bankJournalLabel: form.bankJournalLabel?.trim() ?? '',
    },
  };
}

/**
 * The figures left empty, and the percents that are none or above 100 %, said so in percents
 * before the DTO's word on a number or on basis points.
 */
export function invoicingUnreadable(form: InvoicingForm): FieldProblem[] {
  const percents: [string | undefined, string][] = [
    [form.latePenaltyRate, 'latePenaltyRatePercent'],
    [form.defaultVatRate, 'defaultVatRateBp'],
  ];
  const wrong = percents.flatMap(([text, field]): FieldProblem[] => {
    const value = given(text);
    const hundredths = value === undefined ? 0 : parsePercentHundredths(value);
    if (hundredths === null) {
      const message = `${field} must be a percent with at most 2 decimals`;
      return [{ field, code: 'settings.percent', message }];
    }
    if (hundredths > 10_000) {
      const message = `${field} must be at most 100 %`;
      return [{ field, code: 'max', message, max: 100, unit: 'percent' }];
    }
    return [];
  });
  return [...blanks([[form.paymentTermsDays, 'paymentTermsDays'], ...percents]), ...wrong];
}
