import type { Page } from 'playwright-core';
import { bearer, createActivity, createClient, PASSWORD, setupConsultant } from '../factories';
import { createContract } from '../factories/contracts';
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
 * An issued invoice corrected from its console page: one of its two lines credited in full by a
 * partial credit note that gives its work back, an amount above what is left refused beside that
 * line's field, the invoice's balance reduced, and a new draft of the same period billing the
 * given-back work again. At a desktop's width and on a 375 px phone, where no page scrolls
 * sideways.
 */
describe.each(WIDTHS)('a partial credit note that gives the work back (%s)', (name, viewport) => {
  let journey: Journey;
  let page: Page;
  let token: string;
  let invoiceId: string;
  let noteId: string;
  const ids: Record<'support' | 'training', string> = { support: '', training: '' };
  const contractLabel = 'Clinique des Tilleuls — TILLEULS-REGIE Régie informatique';

  /** On the phone, the page just shown is no wider than the screen. */
  const fits = async (step: string) => {
    if (viewport === PHONE) {
      // The step named, so a failure says which page is too wide.
      expect({ step, fits: (await scrollWidth(page)) <= 375 }).toEqual({ step, fits: true });
    }
    await screenshot(page, `credit-note-${step}-${name}`);
  };

  /** The credit form's row of the invoice line whose description starts so. */
  const creditRow = (line: string) =>
    page.locator('#credit-lines tbody tr').filter({ hasText: line });

  /** Builds the draft of 30 November to 2 December for the contract, from the invoices page. */
  const buildDraft = async () => {
    await page.goto('/console/invoices');
    const draft = page.getByRole('region', { name: 'Préparer une facture' });
    await draft.getByLabel('Contrat').selectOption({ label: contractLabel });
    await draft.getByLabel('Début de période').fill('2026-11-30');
    await draft.getByLabel('Fin de période').fill('2026-12-02');
    await draft.getByRole('button', { name: 'Créer le brouillon' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Brouillon de facture');
  };

  const logWork = async (
    contractId: string,
    activityId: string,
    startedAt: string,
    endedAt: string,
    description: string,
  ): Promise<string> => {
    const res = await journey.t
      .http()
      .post('/api/interventions')
      .set(...bearer(token))
      .send({
        contractId,
        activityId,
        startedAt,
        endedAt,
        urgency: 'normal',
        location: 'remote',
        description,
        billable: true,
      })
      .expect(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    journey = await startJourney();
    const { t } = journey;
    token = await setupConsultant(t);
    const client = await createClient(t, token, { name: 'Clinique des Tilleuls' });
    const support = await createActivity(t, token, { name: 'Support et dépannage' });
    const training = await createActivity(t, token, { name: 'Formation', kind: 'training' });
    const contract = await createContract(t, token, client.id, {
      reference: 'TILLEULS-REGIE',
      title: 'Régie informatique',
      billing: {
        mode: 'time_and_materials',
        monthlyFeeCents: undefined,
        includedMinutesPerMonth: undefined,
        overageRateCents: undefined,
      },
    });
    // 1 h 30 of support (135 €) and 2 h of training (180 €), at 90 € an hour.
    ids.support = await logWork(
      contract.id,
      support.id,
      '2026-11-30T14:00:00+01:00',
      '2026-11-30T15:30:00+01:00',
      'Imprimante des ordonnances',
    );
    ids.training = await logWork(
      contract.id,
      training.id,
      '2026-12-01T09:00:00+01:00',
      '2026-12-01T11:00:00+01:00',
      'Formation de l’accueil au logiciel de rendez-vous',
    );
    page = await journey.page(viewport, { email: 'camille@example.fr', password: PASSWORD });
    // Issuing an invoice or a credit note asks for a confirmation: neither can change afterwards.
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(() => journey?.close());

  it('issues the invoice of the period from its draft', async () => {
    await buildDraft();
    const lines = await textOf(page.getByRole('table').first());
    expect(lines).toContain('Support et dépannage, urgence normale');
    expect(lines).toContain('Formation, urgence normale');
    await fits('draft');
    await page.getByRole('button', { name: 'Émettre la facture' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Facture F2026-00001');
    invoiceId = new URL(page.url()).pathname.split('/').pop()!;
    // 315 €, no VAT (the practice is under the VAT exemption): all of it still due.
    expect(await textOf(page.getByRole('row', { name: /Reste dû/ }))).toMatch(/315,00\s€/);
    await fits('issued');
  });

  it('refuses, beside the line’s field, more than is left to credit on that line', async () => {
    const form = page.getByRole('form', { name: 'Annuler par un avoir' });
    await form.getByLabel('Les montants saisis ligne par ligne').check();
    const field = creditRow('Formation').getByRole('textbox');
    await field.fill('200');
    await form.getByLabel('Motif').fill('Formation annulée par la clinique');
    await form.getByLabel('Rendre facturable le travail des lignes entièrement créditées').check();
    await fits('credit-form');
    await form.getByRole('button', { name: 'Émettre l’avoir' }).click();
    const problem = creditRow('Formation').locator('.field-problem');
    expect(await textOf(problem)).toMatch(/n’a plus que 180,00\s€ à créditer, moins que 200,00\s€/);
    const refused = creditRow('Formation').getByRole('textbox');
    expect(await refused.getAttribute('aria-invalid')).toBe('true');
    expect(await refused.inputValue()).toBe('200');
    // The other line's field says nothing; no credit note was issued.
    expect(await creditRow('Support et dépannage').locator('.field-problem').count()).toBe(0);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Facture F2026-00001');
    await fits('credit-refused');
  });

  it('issues the credit note on the whole of that one line, giving its work back', async () => {
    const form = page.getByRole('form', { name: 'Annuler par un avoir' });
    // The choices made stay as they were posted.
    expect(await form.getByLabel('Les montants saisis ligne par ligne').isChecked()).toBe(true);
    expect(
      await form
        .getByLabel('Rendre facturable le travail des lignes entièrement créditées')
        .isChecked(),
    ).toBe(true);
    await creditRow('Formation').getByRole('textbox').fill('180');
    await Promise.all([
      page.waitForURL((url) => url.pathname !== `/console/invoices/${invoiceId}`),
      form.getByRole('button', { name: 'Émettre l’avoir' }).click(),
    ]);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toMatch(/^Avoir \S+/);
    noteId = new URL(page.url()).pathname.split('/').pop()!;
    const lines = await textOf(page.getByRole('table').first());
    expect(lines).toContain('Formation, urgence normale');
    expect(lines).not.toContain('Support et dépannage');
    await fits('credit-note');
  });

  it('shows the invoice’s balance reduced by the credit note', async () => {
    await page.getByRole('link', { name: 'F2026-00001' }).click();
    await page.waitForURL((url) => url.pathname === `/console/invoices/${invoiceId}`);
    // 315 € less the note's 180 €.
    expect(await textOf(page.getByRole('row', { name: /^Avoirs/ }))).toMatch(/-180,00\s€/);
    expect(await textOf(page.getByRole('row', { name: /Reste dû/ }))).toMatch(/135,00\s€/);
    // The note is listed with the invoice, a link to it.
    expect(await page.locator(`a[href="/console/invoices/${noteId}"]`).count()).toBe(1);
    await fits('invoice-credited');
  });

  it('bills the given-back work again on a new draft of the same period', async () => {
    await buildDraft();
    const lines = await textOf(page.getByRole('table').first());
    expect(lines).toContain('Formation, urgence normale');
    expect(lines).toMatch(/2,00 h 90,00\s€ 0\s% 180,00\s€/);
    // The support line was not credited: its work stays on the issued invoice.
    expect(lines).not.toContain('Support et dépannage');
    await fits('new-draft');

    const api = (path: string) =>
      journey.t
        .http()
        .get(path)
        .set(...bearer(token))
        .expect(200);
    const draftId = new URL(page.url()).pathname.split('/').pop()!;
    const invoice = (await api(`/api/invoices/${invoiceId}`)).body;
    expect(invoice).toMatchObject({ status: 'issued', balanceCents: 13_500 });
    const note = (await api(`/api/invoices/${noteId}`)).body;
    expect(note).toMatchObject({ kind: 'credit_note', status: 'issued' });
    expect(note.totals).toMatchObject({ netCents: -18_000, grossCents: -18_000 });
    expect((await api(`/api/interventions/${ids.training}`)).body.invoiceId).toBe(draftId);
    expect((await api(`/api/interventions/${ids.support}`)).body.invoiceId).toBe(invoiceId);
  });
});
