import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fill, loadReportTemplate, REPORT_TEMPLATES_DIR } from './report-template';

const fr = loadReportTemplate('fr').texts;
const en = loadReportTemplate('en').texts;

describe('the reports’ words, from the catalogue', () => {
  it.each([
    [
      1,
      '… et 1 autre jour (détail dans l’export CSV)',
      '… and 1 more day (all of them in the CSV export)',
    ],
    [
      12,
      '… et 12 autres jours (détail dans l’export CSV)',
      '… and 12 more days (all of them in the CSV export)',
    ],
  ])('count the days left out with a real plural: %d', (count, french, english) => {
    expect(fill(fr.workload.days.more, { count })).toBe(french);
    expect(fill(en.workload.days.more, { count })).toBe(english);
  });

  it('count the reasons left out with a real plural', () => {
    expect(fill(fr.workload.moreReasons, { count: 1 })).toMatch(/^… et 1 autre raison \(/);
    expect(fill(en.workload.moreReasons, { count: 4 })).toMatch(/^… and 4 more reasons \(/);
  });

  it('fill a text with the figures as written', () => {
    expect(fill(fr.workload.indicator.weeksOverLimit, { hours: '48 h' })).toBe(
      'Semaines au-delà du maximum (48 h)',
    );
    expect(fill(en.page, { page: 2, pages: 3 })).toBe('Page 2/3');
    expect(fill(fr.client.title, { client: 'Boulangerie Émile' })).toBe(
      'Rapport client : Boulangerie Émile',
    );
  });

  it('name each activity kind, billing mode, urgency level and quota column', () => {
    expect(fr.workload.activityChart.kinds).toEqual({
      support: 'Support',
      consulting: 'Conseil',
      training: 'Formation',
      other: 'Autre',
    });
    expect(en.client.modes.time_and_materials).toBe('Time and materials');
    expect(fr.client.quotas.levels.low).toBe('Basse');
    expect([fr.client.columns.quotaLow, en.client.columns.quotaCritical]).toEqual([
      'Quota basse',
      'Quota critical',
    ]);
  });

  it('name the invoices’ kinds and statuses as the sales journal does', () => {
    expect(fr.client.invoices.kinds).toEqual({ invoice: 'Facture', credit_note: 'Avoir' });
    expect(fr.client.invoices.statuses.partially_paid).toBe('Partiellement payée');
    expect(en.client.invoices.statuses.cancelled).toBe('Cancelled');
  });
});

describe('a practice’s report folder', () => {
  const folder = (texts: object): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'report-template-'));
    cpSync(path.join(REPORT_TEMPLATES_DIR, 'layout.json'), path.join(dir, 'layout.json'));
    writeFileSync(path.join(dir, 'texts.en.json'), JSON.stringify(texts));
    return dir;
  };

  it('rewords the messages it holds and keeps the catalogue’s for the others', () => {
    const dir = folder({ 'report.workload.title': 'Load', 'report.yes': 'Y' });
    const own = loadReportTemplate('en', dir).texts;
    expect([own.workload.title, own.yes, own.no]).toEqual(['Load', 'Y', 'no']);
    expect(loadReportTemplate('fr', dir).texts.workload.title).toBe('Charge de travail');
  });

  it('refuses a text that is no report message, naming it', () => {
    expect(() => loadReportTemplate('en', folder({ 'report.workload.titel': 'Load' }))).toThrow(
      /report\.workload\.titel is not a message/,
    );
  });
});
