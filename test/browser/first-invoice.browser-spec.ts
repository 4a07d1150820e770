import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PASSWORD } from '../factories';
import {
  PHONE,
  screenshot,
  scrollWidth,
  startJourney,
  textOf,
  type Journey,
  WIDTHS,
} from './browser';

/**
 * A new install to its first invoice, on the pages alone: the setup, an activity, a client, a
 * contract, an intervention logged, the month's draft, issued, its PDF downloaded. At a desktop's
 * width and on a 375 px phone, where no page scrolls sideways.
 */
describe.each(WIDTHS)(
  'from a new install to a first issued invoice, pages only (%s)',
  (name, viewport) => {
    let journey: Journey;
    let page: Page;
    const contractLabel = 'Clinique des Tilleuls — TILLEULS-REGIE Régie informatique';

    /** On the phone, the page just shown is no wider than the screen. */
    const fits = async (step: string) => {
      if (viewport === PHONE) {
        // The step named, so a failure says which page is too wide.
        expect({ step, fits: (await scrollWidth(page)) <= 375 }).toEqual({ step, fits: true });
      }
      await screenshot(page, `first-invoice-${step}-${name}`);
    };

    beforeAll(async () => {
      journey = await startJourney();
      page = await journey.page(viewport);
      // Issuing asks for a confirmation: an issued invoice can no longer change.
      page.on('dialog', (dialog) => void dialog.accept());
    });

    afterAll(() => journey?.close());

    it('sets up the practice and its consultant from /setup', async () => {
      await page.goto('/');
      expect(new URL(page.url()).pathname).toBe('/setup');
      await page.getByLabel('Votre nom').fill('Camille Martin');
      await page.getByLabel('Votre adresse e-mail').fill('camille@example.fr');
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByLabel('Nom du cabinet').fill('Camille Martin Conseil');
      await page.getByLabel('SIREN', { exact: true }).fill('732 829 320');
      await page.getByLabel('Régime de TVA').selectOption('standard');
      await page.getByLabel('N° de TVA intracommunautaire').fill('FR 44 732 829 320');
      await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas');
      await page.getByLabel('Code postal').fill('69003');
      await page.getByLabel('Ville', { exact: true }).fill('Lyon');
      await fits('setup');
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/console'),
        page.getByRole('button', { name: 'Créer le cabinet et mon compte' }).click(),
      ]);
      await fits('console');
    });

    it('adds an activity', async () => {
      await page.goto('/console/activities');
      await page.getByLabel('Nom', { exact: true }).fill('Support et dépannage');
      await page.getByLabel('Taux horaire par défaut (€)').fill('90');
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/console/activities'),
        page.getByRole('button', { name: 'Ajouter l’activité' }).click(),
      ]);
      expect(await textOf(page.locator('#activities'))).toContain('Support et dépannage');
      await fits('activity');
    });

    it('adds a client', async () => {
      await page.goto('/console/clients');
      const form = page.locator('#new-client');
      await form.getByLabel('Nom', { exact: true }).fill('Clinique des Tilleuls');
      await form.getByLabel('SIREN', { exact: true }).fill('443 061 841');
      await form.getByLabel('Adresse', { exact: true }).fill('4 place des Tilleuls');
      await form.getByLabel('Code postal').fill('69006');
      await form.getByLabel('Ville').fill('Lyon');
      await form.getByLabel('E-mail de facturation').fill('compta@tilleuls.example');
      await fits('client-form');
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/console/clients'),
        form.getByRole('button', { name: 'Créer le client' }).click(),
      ]);
      expect(await page.locator('#nc-problems').count()).toBe(0);
      expect(await textOf(page.locator('main'))).toContain('Clinique des Tilleuls');
      await fits('client');
    });

    it('adds a time and materials contract for the client', async () => {
      await page.goto('/console/contracts');
      const form = page.locator('#new-contract');
      await form.getByLabel('Client').selectOption({ label: 'Clinique des Tilleuls' });
      await form.locator('#nk-reference').fill('TILLEULS-REGIE');
      await form.locator('#nk-title').fill('Régie informatique');
      await form.locator('#nk-startDate').fill('2026-11-01');
      await form.locator('#nk-mode').selectOption('time_and_materials');
      await form.locator('#nk-hourlyRate').fill('90');
      await fits('contract-form');
      await Promise.all([
        page.waitForURL((url) => url.pathname.startsWith('/console/contracts')),
        form.getByRole('button', { name: 'Créer le contrat' }).click(),
      ]);
      expect(await page.locator('#nk-problems').count()).toBe(0);
      expect(await textOf(page.locator('main'))).toContain('TILLEULS-REGIE');
      await fits('contract');
    });

    it('logs an intervention from the quick log', async () => {
      await page.goto('/console');
      const log = page.getByRole('region', { name: 'Saisie rapide' });
      await log.getByLabel('Début').fill('2026-12-01T09:00');
      await log.getByLabel('Fin', { exact: true }).fill('2026-12-01T10:30');
      await log.getByLabel('Contrat').selectOption({ label: contractLabel });
      await log.getByLabel('Activité').selectOption({ label: 'Support et dépannage' });
      await log.getByLabel('Description').fill('Poste de l’accueil réinstallé');
      await fits('log-form');
      await log.getByRole('button', { name: 'Enregistrer l’intervention' }).click();
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(
        'Intervention enregistrée',
      );
      // 1 h 30 at 90 € an hour.
      expect(await textOf(page.getByRole('row', { name: /Montant/ }).last())).toContain('135,00');
      await fits('logged');
    });

    it('builds the draft of the period, issues it and downloads its PDF', async () => {
      await page.goto('/console/invoices');
      const draft = page.getByRole('region', { name: 'Préparer une facture' });
      await draft.getByLabel('Contrat').selectOption({ label: contractLabel });
      await draft.getByLabel('Début de période').fill('2026-12-01');
      await draft.getByLabel('Fin de période').fill('2026-12-02');
      await fits('invoices');
      await draft.getByRole('button', { name: 'Créer le brouillon' }).click();
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Brouillon de facture');
      // The work of the period, by activity and urgency: 1.5 h at 90 €.
      const lines = await textOf(page.getByRole('table').first());
      expect(lines).toContain('Support et dépannage, urgence normale');
      expect(lines).toMatch(/1,50 h 90,00\s€ 20\s% 135,00\s€/);
      await fits('draft');

      await page.getByRole('button', { name: 'Émettre la facture' }).click();
      const title = await textOf(page.getByRole('heading', { level: 1 }));
      expect(title).toBe('Facture F2026-00001');
      await fits('issued');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Télécharger le PDF' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('F2026-00001.pdf');
      const pdf = readFileSync(await download.path());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(1000);
    });
  },
);
