import type { Page } from 'playwright-core';
import { bearer, PASSWORD, setupConsultant } from '../factories';
import { PHONE, screenshot, startJourney, signIn, textOf, type Journey } from './browser';
import { addClient } from '../support/world';

/** A client's journey on a phone: usage, a critical request filed, the next one refused. */
describe('client portal in the browser', () => {
  let journey: Journey;
  let page: Page;
  let client: { email: string };
  let othersRequestId: string;

  beforeAll(async () => {
    // Wednesday 2 December 2026, 10:00 in Paris; the contracts started a year before.
    journey = await startJourney();
    const { t } = journey;
    const practice = { t, consultant: await setupConsultant(t) };
    const startDate = '2025-12-02';
    ({ clientUser: client } = await addClient(practice, {
      clientName: 'Acme Logistique',
      contract: {
        title: 'Infogérance mensuelle',
        startDate,
        urgencyPolicy: { levels: { critical: { monthlyQuota: 1, overQuota: 'reject' } } },
      },
    }));
    const { contract: theirs, clientUser: other } = await addClient(practice, {
      clientName: 'Atelier Boréal',
      contract: { startDate },
    });
    const filed = await t
      .http()
      .post('/api/requests')
      .set(...bearer(other.token))
      .send({
        contractId: theirs.id,
        title: 'Traceur en panne',
        description: 'Rien ne sort',
        urgency: 'normal',
      })
      .expect(201);
    othersRequestId = filed.body.id;
    page = await journey.page(PHONE);
  });

  afterAll(() => journey?.close());

  async function fileCritical(title: string): Promise<number> {
    await page.goto('/portal');
    await page.getByRole('link', { name: 'Nouvelle demande' }).first().click();
    await page.getByLabel('Titre', { exact: true }).fill(title);
    await page.getByLabel(/^Description/).fill('Plus personne ne peut préparer de commande.');
    await page.getByRole('radio', { name: /Critique/ }).check();
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/portal/requests') && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Envoyer la demande' }).click(),
    ]);
    await page.waitForLoadState();
    return response.status();
  }

  it('signs in and shows the month’s usage and the critical requests left', async () => {
    await signIn(page, client.email, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/portal');
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Mon espace');
    expect(await textOf(page.getByRole('heading', { name: /Infogérance mensuelle/ }))).toContain(
      'Infogérance',
    );
    // Level, used, from requests filed, from urgent calls logged, left.
    expect(await textOf(page.getByRole('row', { name: /Critique/ }))).toMatch(
      /^Critique\s+0\s+0\s+0\s+1$/,
    );
    await screenshot(page, 'portal-dashboard-phone');
  });

  it('files a critical request while one is left and says it is registered', async () => {
    // Filed, then redirected to its outcome: reloading that page files nothing twice.
    expect(await fileCritical('Logiciel d’entrepôt indisponible')).toBe(303);
    expect(new URL(page.url()).pathname).toMatch(/^\/portal\/requests\/[0-9a-f-]{36}\/filed$/);
    const outcome = await textOf(page.getByRole('status'));
    expect(outcome).toContain('Demande enregistrée');
    expect(outcome).toContain('Critique');
    await screenshot(page, 'portal-request-filed-phone');
  });

  it('refuses the next critical request and explains the quota and its renewal', async () => {
    expect(await fileCritical('Encore le logiciel d’entrepôt')).toBe(422);
    const refusal = await textOf(page.getByRole('alert'));
    expect(refusal).toContain('Demande non enregistrée');
    expect(refusal).toMatch(/quota de demandes Critique de ce mois est épuisé \(1 sur 1\)/);
    expect(refusal).toMatch(/se renouvelle le \d{2}\/\d{2}\/\d{4}/);
    // What was typed is kept, so a lower level is one click away.
    expect(await page.getByLabel('Titre', { exact: true }).inputValue()).toBe(
      'Encore le logiciel d’entrepôt',
    );
    await screenshot(page, 'portal-request-refused-phone');
  });

  it("answers another company's request with the not-found page", async () => {
    const response = await page.goto(`/portal/requests/${othersRequestId}`);
    expect(response?.status()).toBe(404);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Page introuvable');
    expect(await page.content()).not.toContain('Traceur en panne');
  });

  it('refuses the consultant console', async () => {
    const response = await page.goto('/console');
    expect(response?.status()).toBe(403);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Accès refusé');
  });
});
