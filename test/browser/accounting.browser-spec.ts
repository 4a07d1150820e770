import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../scripts/demo-seed';
import { screenshot, startJourney, signIn, textOf, type Journey } from './browser';

/** The accountant on the demo practice: the month's documents and the FEC file. */
describe('accounting page in the browser', () => {
  let journey: Journey;
  let page: Page;

  beforeAll(async () => {
    // The demo's month of work ends the day before Wednesday 2 December 2026.
    journey = await startJourney();
    await seedDemo(journey.t.app, { months: 1 });
    page = await journey.page();
  });

  afterAll(() => journey?.close());

  it("shows the month's issued documents and their totals", async () => {
    await signIn(page, 'compta@cabinet.demo', DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/accounting');
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Comptabilité');
    const invoices = await textOf(page.getByRole('row', { name: /^Factures/ }));
    expect(invoices).toMatch(/^Factures \d+/);
    await screenshot(page, 'accounting-period');
  });

  it('downloads the FEC named after the SIREN and the closing date', async () => {
    const to = await page.getByLabel('au', { exact: true }).inputValue();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Fichier des écritures comptables (FEC)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`732829320FEC${to.replace(/-/g, '')}.txt`);
    const fec = readFileSync(await download.path()).toString('latin1');
    const [header, firstEntry] = fec.split(/\r?\n/);
    expect(header.split('\t')).toHaveLength(18);
    expect(header.startsWith('JournalCode\tJournalLib\tEcritureNum')).toBe(true);
    expect(firstEntry.split('\t')[0]).toBe('VT');
  });
});
