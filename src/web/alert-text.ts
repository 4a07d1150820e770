import type { AlertView } from '../alerts/alerts.service';
import type { Translate } from './i18n';

interface Formatters {
  date: (day: string) => string;
  hours: (minutes: number) => string;
}

/** An alert in the reader's language, from the figures it keeps; older alerts keep their words. */
export function alertText(
  alert: Pick<AlertView, 'kind' | 'message' | 'figures'>,
  t: Translate,
  fmt: Formatters,
): string {
  const f = alert.figures;
  if (!f) return alert.message;
  if (alert.kind === 'contract_ending') {
    const days = f.days ?? 0;
    const when =
      days === 0
        ? t('alert.today')
        : days === 1
          ? t('alert.tomorrow')
          : t('alert.inDays', { days });
    return t('alert.ending', { reference: f.reference, date: fmt.date(f.endDate ?? ''), when });
  }
  const vars = {
    reference: f.reference,
    percent: f.percent ?? 0,
    allowance: fmt.hours(f.minutes ?? 0),
    used: fmt.hours(f.used ?? 0),
    month: f.month ?? '',
  };
  return t(f.allowance === 'prepaid' ? 'alert.prepaid' : 'alert.included', vars);
}
