import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../../common/domain';
import type { FormatLocale } from '../../common/format';
import {
  rankPressureClients,
  workloadIndicators as judgedWorkload,
  type WorkloadInput,
} from '../workload-indicators';
import { withGuardrails } from '../../../test/factories/workload-days';
import type { WorkloadReportData } from '../workload-report.service';
import { renderWorkloadPdf } from './workload-pdf';
import { riskText } from '../risk-wording';

/** The report's rules, given the guardrails' warnings over the days as the service gives them. */
const workloadIndicators = (input: Omit<WorkloadInput, 'warnings'>) =>
  judgedWorkload(withGuardrails(input));

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'workload-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Two days in Paris with three urgent interruptions, and one client with a score of 7.7. */
function reportData(locale: FormatLocale): WorkloadReportData {
  const days = [
    {
      date: '2026-03-03',
      workedMinutes: 480,
      afterHoursMinutes: 0,
      urgentInterruptions: 2,
      clients: 1,
      firstStart: '2026-03-03T08:00:00.000Z',
      lastEnd: '2026-03-03T16:00:00.000Z',
    },
    {
      date: '2026-03-04',
      workedMinutes: 480,
      afterHoursMinutes: 0,
      urgentInterruptions: 1,
      clients: 1,
      firstStart: '2026-03-04T08:00:00.000Z',
      lastEnd: '2026-03-04T16:00:00.000Z',
    },
  ];
  const period = { from: '2026-03-02', to: '2026-03-08' };
  const report = workloadIndicators({ ...period, limits: DEFAULT_LIMITS, holidays: [], days });
  // 1 urgent request (3) + 2.35 after-hours hours (4.7) = 7.7
  const pressureClients = rankPressureClients([
    {
      clientId: 'c1',
      clientName: 'Boulangerie Émile',
      urgentRequests: 1,
      falseUrgencies: 0,
      afterHoursMinutes: 141,
      urgentInterventions: 0,
    },
  ]);
  return {
    consultantId: 'u1',
    ...period,
    timezone: 'Europe/Paris',
    limits: DEFAULT_LIMITS,
    daysOff: [],
    ...report,
    breakdown: { activities: [], clients: [] },
    pressureClients,
    riskText: riskText(report.risk, locale),
  };
}

describe('renderWorkloadPdf: numbers in the reader’s decimal mark', () => {
  it.each([
    ['fr', '7,7', '3 (1,5)'],
    ['en', '7.7', '3 (1.5)'],
  ] as const)('%s: pressure score %s, urgent interruptions %s', async (locale, score, urgent) => {
    const data = reportData(locale);
    expect(data.pressureClients[0].score).toBe(7.7);
    const text = pdfText(
      await renderWorkloadPdf(data, { locale, practiceName: 'Camille', today: '2026-03-09' }),
    );
    const pressureLine = text.split('\n').find((line) => line.includes('Boulangerie Émile'));
    expect(pressureLine?.trim().endsWith(` ${score}`)).toBe(true);
    expect(text).toContain(urgent);
    const other = locale === 'fr' ? '7.7' : '7,7';
    expect(text).not.toContain(other);
  });
});
