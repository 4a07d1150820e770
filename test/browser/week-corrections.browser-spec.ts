import type { Browser, Page } from 'playwright-core';
import { bearer, createActivity, createClient, PASSWORD, setupConsultant } from '../factories';
import { createContract } from '../factories/contracts';
import {
  DESKTOP,
  launchChromium,
  newContext,
  PHONE,
  screenshot,
  serveApp,
  signIn,
  textOf,
  type Served,
} from './browser';

/** Nothing sticks out sideways: the page fits the screen's width. */
async function scrollWidth(page: Page): Promise<number> {
  // Evaluated in the page, whose `document` the Node typings do not know.
  return page.evaluate<number>('document.documentElement.scrollWidth');
}

/** The element that has the focus, by id. */
function focused(page: Page): Promise<string> {
  return page.evaluate<string>('document.activeElement && document.activeElement.id');
}

/**
 * An intervention corrected from the week view: opened from its day, its times refused beside
 * their fields, changed, moved to another day and deleted once confirmed, at a desktop's width
 * and on a 375 px phone.
 */
describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
])('an intervention corrected from the week view (%s)', (name, viewport) => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let entryId: string;

  const fits = async (step: string) => {
    if (viewport === PHONE) {
      // The step named, so a failure says which page is too wide.
      expect({ step, fits: (await scrollWidth(page)) <= 375 }).toEqual({ step, fits: true });
    }
    await screenshot(page, `week-corrections-${step}-${name}`);
  };

  const entry = () => page.locator(`a[href="/console/week/interventions/${entryId}"]`);

  beforeAll(async () => {
    // Wednesday 2 December 2026, 10:00 in Paris; the work was logged on Monday.
    served = await serveApp({ now: '2026-12-02T10:00:00+01:00' });
    const { t } = served;
    const token = await setupConsultant(t);
    const client = await createClient(t, token, { name: 'Clinique des Tilleuls' });
    const activity = await createActivity(t, token, { name: 'Support et dépannage' });
    const contract = await createContract(t, token, client.id, {
      reference: 'TILLEULS-REGIE',
      title: 'Régie informatique',
      startDate: '2026-01-01',
    });
    const logged = await t
      .http()
      .post('/api/interventions')
      .set(...bearer(token))
      .send({
        contractId: contract.id,
        activityId: activity.id,
        startedAt: '2026-11-30T14:00:00+01:00',
        endedAt: '2026-11-30T15:00:00+01:00',
        urgency: 'normal',
        location: 'remote',
        description: 'Imprimante des ordonnances',
        billable: true,
      })
      .expect(201);
    entryId = logged.body.id as string;
    browser = await launchChromium();
    page = await (await newContext(browser, served.base, viewport)).newPage();
    await signIn(page, 'camille@example.fr', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.t.close();
  });

  it('opens the entry from its day of the week, its form filled as stored', async () => {
    await page.goto('/console/week?date=2026-11-30');
    await fits('week');
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/console/week/interventions/${entryId}`),
      entry().click(),
    ]);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Corriger une intervention');
    const form = page.locator('#edit-entry');
    expect(await form.getByLabel('Début').inputValue()).toBe('2026-11-30T14:00');
    expect(await form.getByLabel('Fin', { exact: true }).inputValue()).toBe('2026-11-30T15:00');
    expect(await form.getByLabel('Description').inputValue()).toBe('Imprimante des ordonnances');
    await fits('entry');
  });

  it('says an end before the start beside the end, focused from the summary, the rest kept', async () => {
    const form = page.locator('#edit-entry');
    await form.getByLabel('Fin', { exact: true }).fill('2026-11-30T13:00');
    await form.getByLabel('Description').fill('Imprimante et scanner des ordonnances');
    await form.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await page.waitForSelector('#we-problems');
    expect(await focused(page)).toBe('we-problems');
    expect(await textOf(page.locator('#we-endedAt-problem'))).toContain(
      'La fin doit venir après le début',
    );
    expect(await form.getByLabel('Fin', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Description').inputValue()).toBe(
      'Imprimante et scanner des ordonnances',
    );
    await fits('entry-refused');
  });

  it('saves the correction and shows it on the week', async () => {
    const form = page.locator('#edit-entry');
    await form.getByLabel('Fin', { exact: true }).fill('2026-11-30T15:30');
    await form.getByLabel('Urgence').selectOption({ label: 'Haute' });
    await form.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await page.waitForURL((url) => url.pathname === '/console/week');
    expect(await textOf(page.getByRole('status').filter({ hasText: 'corrigée' }))).toBe(
      'Intervention corrigée.',
    );
    const row = page.getByRole('row', { name: /Imprimante et scanner des ordonnances/ });
    expect(await textOf(row)).toContain('14:00–15:30');
    expect(await textOf(row)).toContain('Haute');
    await fits('week-changed');
  });

  it('moves the entry to another day, its length kept', async () => {
    await entry().click();
    const move = page.locator('#move-entry');
    expect(await textOf(move)).toContain('La durée (1 h 30) reste la même.');
    await move.getByLabel('Nouveau début').fill('2026-12-01T09:00');
    await move.getByRole('button', { name: 'Déplacer' }).click();
    await page.waitForURL((url) => url.searchParams.get('date') === '2026-12-01');
    expect(await textOf(page.getByRole('status').filter({ hasText: 'déplacée' }))).toBe(
      'Intervention déplacée.',
    );
    const row = page.getByRole('row', { name: /Imprimante et scanner des ordonnances/ });
    expect(await textOf(row)).toContain('09:00–10:30');
    await fits('week-moved');
  });

  it('deletes the entry once confirmed', async () => {
    await entry().click();
    await page.getByRole('link', { name: 'Supprimer cette intervention…' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(
      'Supprimer cette intervention ?',
    );
    await fits('delete-confirm');
    await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'deleted');
    expect(await textOf(page.getByRole('status').filter({ hasText: 'supprimée' }))).toBe(
      'Intervention supprimée.',
    );
    expect(await entry().count()).toBe(0);
    await fits('week-deleted');
  });
});
