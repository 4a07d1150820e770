/**
 * The risk level and its reasons in the reader's language. The rules (workload-indicators.ts)
 * give each reason as a code and its figures; the words are the catalogue's, the level's
 * (`risk.level.<level>`) and each reason's (outcome-text.ts), as the API and the pages word any
 * outcome.
 */
import type { Locale } from '../i18n';
import { catalogue } from '../i18n';
import { outcomeText } from '../common/outcome-text';
import type { RiskLevel, WorkloadReport } from './workload-indicators';

/** The risk as the report shows it, in one language. */
export interface RiskText {
  locale: Locale;
  level: string;
  reasons: string[];
}

export function riskLevelWord(level: RiskLevel, locale: Locale): string {
  return catalogue().format(locale, `risk.level.${level}`);
}

export function riskText(risk: WorkloadReport['risk'], locale: Locale): RiskText {
  return {
    locale,
    level: riskLevelWord(risk.level, locale),
    reasons: risk.reasons.map((reason) => outcomeText(locale, reason)),
  };
}
