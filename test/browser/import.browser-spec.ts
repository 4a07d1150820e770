import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
 * The first lines of the Toggl Track sample export (its header and three entries), as the
 * signed-in consultant's own: two entries to import, one without a task (so without activity).
 */
function togglExport(): string {
  const sample = readFileSync(join(__dirname, '..', 'fixtures', 'import', 'toggl.csv'), 'utf8');
  return (
    sample
      .split('\n')
      .slice(0, 4)
      .join('\n')
      .replaceAll('Hélène Benoît', 'Camille Martin')
      .replaceAll('helene@exemple.fr', 'camille@example.fr') + '\n'
  );
}

/**
 * Time tracked in Toggl imported from the console's import page: the export uploaded, its check
 * shown (two lines accepted, one refused with its reason in French), the import confirmed and the
 * work found on the week's page. At a desktop's width and on a 375 px phone, where no page
 * scrolls sideways.
 */
describe.each(WIDTHS)('time imported from a Toggl export, pages only (%s)', (name, viewport) => {
  let journey: Journey;
  let page: Page;
  let token: string;
  let folder: string;
  let file: string;
  const contracts: Record<string, string> = {};

  /** On the phone, the page just shown is no wider than the screen. */
  const fits = async (step: string) => {
    if (viewport === PHONE) {
      // The step named, so a failure says which page is too wide.
      expect({ step, fits: (await scrollWidth(page)) <= 375 }).toEqual({ step, fits: true });
    }
    await screenshot(page, `import-${step}-${name}`);
  };

  const recorded = async (clientName: string) =>
    (
      await journey.t
        .http()
        .get(`/api/interventions?contractId=${contracts[clientName]}`)
        .set(...bearer(token))
        .expect(200)
    ).body as { total: number; items: { description: string; startedAt: string }[] };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'gardefou-import-'));
    file = join(folder, 'toggl-export.csv');
    writeFileSync(file, togglExport(), 'utf8');
    journey = await startJourney();
    const { t } = journey;
    token = await setupConsultant(t);
    for (const client of ['Boulangerie Lefèvre', 'Clinique Saint-Éloi']) {
      const { id } = await createClient(t, token, { name: client });
      contracts[client] = (await createContract(t, token, id)).id;
    }
    await createActivity(t, token, { name: 'Support' });
    await createActivity(t, token, { name: 'Consulting', kind: 'consulting' });
    page = await journey.page(viewport, { email: 'camille@example.fr', password: PASSWORD });
  });

  afterAll(async () => {
    await journey?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('checks the uploaded export without writing: two lines accepted, one refused in French', async () => {
    await page.goto('/console/import');
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Importer des temps');
    await fits('page');
    const form = page.locator('#import-upload');
    await form.getByLabel('Fichier').setInputFiles(file);
    await form.getByLabel('Source').selectOption({ label: 'Toggl Track' });
    await form.getByRole('button', { name: 'Vérifier le fichier' }).click();
    expect(await textOf(page.locator('#report-summary'))).toBe('2 lignes acceptées, 1 refusée.');
    // The third entry (line 4 of the file) names no task, and no default activity was chosen.
    const refused = page.locator('#refused tbody tr');
    expect(await refused.count()).toBe(1);
    expect(await textOf(refused)).toBe(
      '4 Pas d’activité sur cette ligne : choisissez une activité par défaut',
    );
    expect((await recorded('Boulangerie Lefèvre')).total).toBe(0);
    expect((await recorded('Clinique Saint-Éloi')).total).toBe(0);
    await fits('checked');
  });

  it('imports the accepted lines once confirmed, leaving the refused one', async () => {
    const confirm = page.locator('#import-confirm');
    await confirm.getByLabel('Importer les lignes acceptées en laissant la ligne refusée').check();
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('created') === '2'),
      confirm.getByRole('button', { name: 'Importer 2 lignes' }).click(),
    ]);
    expect(await textOf(page.locator('#imported'))).toBe('2 interventions importées.');
    await fits('imported');
  });

  it('shows the imported work on the week’s page', async () => {
    await page.goto('/console/week?date=2026-03-02');
    const printer = page.getByRole('row', { name: /Imprimante réseau, file d'attente bloquée/ });
    expect(await textOf(printer)).toContain('09:00–10:30');
    expect(await textOf(printer)).toContain('Boulangerie Lefèvre');
    expect(await textOf(printer)).toContain('Support');
    const audit = page.getByRole('row', { name: /Audit des sauvegardes NAS/ });
    expect(await textOf(audit)).toContain('14:00–16:15');
    expect(await textOf(audit)).toContain('Clinique Saint-Éloi');
    expect(await textOf(audit)).toContain('Consulting');
    expect(await page.getByRole('row', { name: /Appel de courtoisie/ }).count()).toBe(0);
    await fits('week');

    const bakery = await recorded('Boulangerie Lefèvre');
    expect(bakery.total).toBe(1);
    expect(bakery.items[0]).toMatchObject({
      description: "Imprimante réseau, file d'attente bloquée",
      startedAt: '2026-03-02T08:00:00.000Z',
    });
    const clinic = await recorded('Clinique Saint-Éloi');
    expect(clinic.total).toBe(1);
    expect(clinic.items[0]).toMatchObject({
      description: 'Audit des sauvegardes NAS',
      startedAt: '2026-03-02T13:00:00.000Z',
    });
  });
});
