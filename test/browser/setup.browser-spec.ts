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
 * The first start: a fresh install leads to the setup form, which checks the identifiers as
 * they are typed, creates the practice and the consultant, and lands on the console with its
 * first steps, at a desktop's width and on a 375 px phone.
 */
describe.each(WIDTHS)('first start in the browser (%s)', (name, viewport) => {
  let journey: Journey;
  let page: Page;

  beforeAll(async () => {
    journey = await startJourney();
    page = await journey.page(viewport);
  });

  afterAll(() => journey?.close());

  it('leads a fresh install to the setup form, with the defaults chosen', async () => {
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/setup');
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Créer votre cabinet');
    expect(await page.getByLabel('Fuseau horaire').inputValue()).toBe('Europe/Paris');
    expect(await page.getByLabel('Jours fériés').inputValue()).toBe('FR');
    expect(await page.getByLabel('lundi').isChecked()).toBe(true);
    expect(await page.getByLabel('samedi').isChecked()).toBe(false);
    if (viewport === PHONE) expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
  });

  it('says beside the SIREN that its key is wrong as it is typed, and proposes the VAT number of a right one', async () => {
    const siren = page.getByLabel('SIREN', { exact: true });
    await siren.fill('');
    await siren.pressSequentially('732 829 321');
    await expect(siren.getAttribute('aria-invalid')).resolves.toBe('true');
    const problem = page.locator('#su-siren-problem');
    expect(await textOf(problem)).toContain('SIREN n’est pas valide');
    const described = (await siren.getAttribute('aria-describedby')) ?? '';
    expect(described.split(' ')[0]).toBe('su-siren-problem');
    await screenshot(page, `setup-siren-refused-${name}`);

    await siren.fill('');
    await siren.pressSequentially('732 829 320');
    await problem.waitFor({ state: 'detached' });
    expect(await siren.getAttribute('aria-invalid')).toBeNull();
    expect(await textOf(page.locator('#su-vatNumber-help'))).toContain('FR44732829320');
  });

  it('asks for the registry, its city and the share capital of a company only, beside each when left out', async () => {
    const company = page.getByRole('group', { name: 'Votre société' });
    expect(await company.isVisible()).toBe(false);
    await page.getByLabel('Forme juridique').selectOption('SASU');
    expect(await company.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Créer le cabinet et mon compte' }).click();
    expect(new URL(page.url()).pathname).toBe('/setup');
    const city = page.getByLabel('Ville du greffe');
    await expect(city.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await textOf(page.locator('#su-tradeRegistryCity-problem'))).toContain(
      'ville du greffe',
    );
    expect(await textOf(page.locator('#su-shareCapital-problem'))).toContain('capital social');
    if (viewport === PHONE) expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, `setup-company-refused-${name}`);

    await page.getByLabel('Forme juridique').selectOption('EI');
    expect(await company.isVisible()).toBe(false);
    await page.getByLabel('Forme juridique').selectOption('SASU');
    await page.getByLabel('Registre d’immatriculation').selectOption('RCS');
    await city.fill('Lyon');
    await page.getByLabel('Capital social (€)').fill('1 000');
    await city.blur();
    expect(await city.getAttribute('aria-invalid')).toBeNull();
  });

  it('creates the practice and lands on the console, whose first steps show', async () => {
    await page.getByLabel('Votre nom').fill('Camille Martin');
    await page.getByLabel('Votre adresse e-mail').fill('camille@example.fr');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByLabel('Nom du cabinet').fill('Camille Martin Conseil');
    await page.getByLabel('Régime de TVA').selectOption('standard');
    await page.getByLabel('N° de TVA intracommunautaire').fill('FR 44 732 829 320');
    await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas');
    await page.getByLabel('Code postal').fill('69003');
    await page.getByLabel('Ville', { exact: true }).fill('Lyon');
    if (viewport === PHONE) expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, `setup-filled-${name}`);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/console'),
      page.getByRole('button', { name: 'Créer le cabinet et mon compte' }).click(),
    ]);
    const steps = page.getByRole('region', { name: 'Pour bien démarrer' });
    expect(await textOf(steps)).toContain('0 sur 5 fait');
    expect(await steps.getByRole('listitem').count()).toBe(5);
    await expect(
      steps.getByRole('link', { name: 'Ajouter votre premier client' }).getAttribute('href'),
    ).resolves.toBe('/console/clients#new-client');
    if (viewport === PHONE) expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, `setup-console-first-steps-${name}`);
  });

  it('follows the first step to the activities, adds one, and finds it ticked', async () => {
    const steps = page.getByRole('region', { name: 'Pour bien démarrer' });
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/console/activities'),
      steps.getByRole('link', { name: /Décrire vos activités/ }).click(),
    ]);
    await page.getByLabel('Nom', { exact: true }).fill('Support et dépannage');
    await page.getByLabel('Taux horaire par défaut (€)').fill('90');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/console/activities'),
      page.getByRole('button', { name: 'Ajouter l’activité' }).click(),
    ]);
    expect(await textOf(page.locator('#activities'))).toContain('Support et dépannage');
    if (viewport === PHONE) expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await page.goto('/console');
    expect(await textOf(steps)).toContain('1 sur 5 fait');
    await expect(
      steps.locator('li[data-step="activities"]').getAttribute('data-done'),
    ).resolves.toBe('');
  });
});
