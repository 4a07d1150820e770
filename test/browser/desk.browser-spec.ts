import type { Page } from 'playwright-core';
import { bearer, PASSWORD, setupConsultant } from '../factories';
import { DESKTOP, PHONE, screenshot, startJourney, textOf, type Journey } from './browser';
import { addClient } from '../support/world';

/**
 * A request handled from the console's desk while its client follows it on the portal: answered,
 * reclassified as a false urgency and resolved by the consultant at a desktop, commented on by the
 * client on a phone; each sees what the other did.
 */
describe('the request desk and the portal in the browser', () => {
  let journey: Journey;
  let consultant: Page;
  let client: Page;
  let requestId: string;
  let contractId: string;
  let clientToken: string;

  beforeAll(async () => {
    // Wednesday 2 December 2026, 10:00 in Paris.
    journey = await startJourney();
    const { t } = journey;
    const { contract, clientUser: staff } = await addClient(
      { t, consultant: await setupConsultant(t) },
      { clientName: 'Acme Logistique', contract: { title: 'Infogérance mensuelle' } },
    );
    contractId = contract.id;
    clientToken = staff.token;
    const filed = await t
      .http()
      .post('/api/requests')
      .set(...bearer(staff.token))
      .send({
        contractId,
        title: 'Mot de passe de messagerie oublié',
        description: 'Je ne peux plus lire mes mails.',
        urgency: 'critical',
      })
      .expect(201);
    requestId = filed.body.id;
    consultant = await journey.page(DESKTOP, { email: 'camille@example.fr', password: PASSWORD });
    client = await journey.page(PHONE, { email: staff.email, password: PASSWORD });
  });

  afterAll(() => journey?.close());

  const criticalUsed = async (): Promise<number> =>
    (
      await journey.t
        .http()
        .get(`/api/contracts/${contractId}/usage?month=2026-12`)
        .set(...bearer(clientToken))
        .expect(200)
    ).body.quotas.critical.used as number;

  it('opens the desk from the inbox and shows the time left in business hours', async () => {
    await consultant.goto('/console/inbox');
    await consultant
      .getByRole('link', { name: 'Mot de passe de messagerie oublié', exact: true })
      .click();
    expect(new URL(consultant.url()).pathname).toBe(`/console/requests/${requestId}`);
    expect(await textOf(consultant.locator('#time-left'))).toBe('Reste 1 h en heures ouvrées');
    expect(await textOf(consultant.locator('#policy-outcome'))).toBe('Acceptée');
  });

  it('answers; the client reads the answer and comments on the phone', async () => {
    await consultant
      .getByLabel('Votre réponse')
      .fill('Je vous envoie un lien de réinitialisation.');
    await consultant.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await consultant.waitForLoadState();
    expect(await textOf(consultant.getByRole('status').first())).toBe('Réponse envoyée.');
    await client.goto(`/portal/requests/${requestId}`);
    expect(await textOf(client.locator('#thread'))).toContain(
      'Je vous envoie un lien de réinitialisation.',
    );
    // Answered: no longer open, so the client cannot cancel it any more.
    expect(await client.getByRole('button', { name: 'Annuler la demande' }).count()).toBe(0);
    await client.getByLabel('Votre commentaire').fill('Reçu, merci, ça marche.');
    await client.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await client.waitForLoadState();
    expect(await textOf(client.locator('#done'))).toBe('Commentaire envoyé.');
    const width = await client.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(375);
    await screenshot(client, 'desk-portal-request-phone');
  });

  it('reclassifies the false urgency with a reason, giving the unit back, then resolves it', async () => {
    expect(await criticalUsed()).toBe(1);
    await consultant.reload();
    expect(await textOf(consultant.locator('#thread'))).toContain('Reçu, merci, ça marche.');
    await consultant.getByLabel('Urgence', { exact: true }).selectOption('low');
    await consultant.getByLabel('Motif du reclassement').fill('Un mot de passe oublié attend.');
    await consultant.getByRole('button', { name: 'Reclasser' }).click();
    await consultant.waitForLoadState();
    expect(await textOf(consultant.locator('#urgency-applied'))).toContain('(fausse urgence)');
    expect(await criticalUsed()).toBe(0);
    await consultant.getByRole('button', { name: 'Marquer résolue' }).click();
    await consultant.waitForLoadState();
    expect(await textOf(consultant.locator('#request-status'))).toBe('Résolue');
    await screenshot(consultant, 'desk-console-request');
    await client.reload();
    expect(await textOf(client.locator('#request-status'))).toBe('Résolue');
  });
});
