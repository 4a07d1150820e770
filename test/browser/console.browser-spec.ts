import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createActivity, createClient, PASSWORD, setupConsultant } from '../factories';
import { createContract } from '../factories/contracts';
import { screenshot, startJourney, signIn, textOf, type Journey } from './browser';

/** The consultant's day: the timer on a contract, then the month's invoice, issued and downloaded. */
describe('consultant console in the browser', () => {
  let journey: Journey;
  let page: Page;
  let contractLabel: string;

  beforeAll(async () => {
    // Wednesday 2 December 2026, 10:00 in Paris; the contract started a year before.
    journey = await startJourney();
    const { t } = journey;
    const token = await setupConsultant(t);
    const client = await createClient(t, token, { name: 'Clinique des Tilleuls' });
    await createActivity(t, token, { name: 'Support et dépannage' });
    const startDate = '2025-12-02';
    const contract = await createContract(t, token, client.id, {
      reference: 'TILLEULS-REGIE',
      title: 'Régie informatique',
      startDate,
    });
    contractLabel = `Clinique des Tilleuls — ${contract.reference} Régie informatique`;
    page = await journey.page();
    // Issuing asks for a confirmation: an issued invoice can no longer change.
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(() => journey?.close());

  it('logs an intervention with the timer, started then stopped', async () => {
    await signIn(page, 'camille@example.fr', PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/console');
    const timer = page.getByRole('region', { name: 'Chronomètre' });
    await timer.getByLabel('Contrat').selectOption({ label: contractLabel });
    await timer.getByLabel('Activité').selectOption({ label: 'Support et dépannage' });
    await timer.getByLabel('Description').fill('Imprimante des ordonnances bloquée');
    await timer.getByRole('button', { name: 'Démarrer' }).click();
    expect(await textOf(timer.getByRole('status'))).toMatch(/En cours depuis \d{2}:\d{2}/);
    expect(await textOf(timer)).toContain('Imprimante des ordonnances bloquée');
    await screenshot(page, 'console-timer-running');
    journey.t.clock.advance({ minutes: 45 });
    await timer.getByRole('button', { name: 'Arrêter' }).click();
    const heading = await textOf(page.getByRole('heading', { level: 1 }));
    expect(heading).toBe('Chrono arrêté : intervention enregistrée');
    expect(await textOf(page.getByRole('row', { name: /Montant/ }).last())).toMatch(
      /\d+,\d{2}\s?€/,
    );
    await screenshot(page, 'console-timer-stopped');
  });

  it('builds a draft for the contract and the month, issues it and downloads its PDF', async () => {
    const today = journey.t.clock.today();
    await page.getByRole('link', { name: 'Factures' }).click();
    const draft = page.getByRole('region', { name: 'Préparer une facture' });
    await draft.getByLabel('Contrat').selectOption({ label: contractLabel });
    await draft.getByLabel('Début de période').fill(`${today.slice(0, 7)}-01`);
    await draft.getByLabel('Fin de période').fill(today);
    await draft.getByRole('button', { name: 'Créer le brouillon' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Brouillon de facture');
    expect(await page.getByRole('table').first().getByRole('row').count()).toBeGreaterThan(1);

    await page.getByRole('button', { name: 'Émettre la facture' }).click();
    const title = await textOf(page.getByRole('heading', { level: 1 }));
    expect(title).toMatch(/^Facture F\d{4}-00001$/);
    await screenshot(page, 'console-invoice-issued');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger le PDF' }).click(),
    ]);
    const number = title.replace('Facture ', '');
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
