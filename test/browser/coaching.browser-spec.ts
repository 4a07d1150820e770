import type { Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { bearer, createActivity, createUser, PASSWORD, setupConsultant } from '../factories';
import { CALENDAR, LABELS, NOISE, type ScenarioRequest } from '../fixtures/coaching-requests';
import { addClient, type ClientScene } from '../support/world';
import {
  DESKTOP,
  PHONE,
  screenshot,
  scrollWidth,
  startJourney,
  textOf,
  type Journey,
} from './browser';

/**
 * The consultant opens the coaching page, sees the problems that came back this autumn, writes
 * the article for one straight from its topic, and proposes a training on another to the client
 * whose staff keep filing it; the client's staff see on the portal what they solved themselves.
 */
describe('autonomy coaching in the browser', () => {
  let journey: Journey;
  let consultant: Page;
  let token: string;
  let alpha: ClientScene;
  let beta: ClientScene;
  const alphaStaff: string[] = [];

  const at = (day: string, time: string) =>
    DateTime.fromISO(`${day}T${time}`, { zone: 'Europe/Paris' }).toUTC().toISO()!;

  beforeAll(async () => {
    // Wednesday 2 December 2026, 10:00 in Paris.
    journey = await startJourney();
    const { t } = journey;
    token = await setupConsultant(t);
    alpha = await addClient({ t, consultant: token }, { clientName: 'Alpha Logistique' });
    beta = await addClient({ t, consultant: token }, { clientName: 'Beta Conseil' });
    const a2 = await createUser(t, token, 'client', alpha.client.id);
    const a3 = await createUser(t, token, 'client', alpha.client.id);
    const b2 = await createUser(t, token, 'client', beta.client.id);
    alphaStaff.push(alpha.clientUser.id, a2.id, a3.id);
    const support = await createActivity(t, token);
    await createActivity(t, token, {
      name: 'Formation',
      kind: 'training',
      defaultRateCents: 12000,
    });
    const plan: Array<[string, string, ScenarioRequest, ClientScene]> = [
      [alpha.clientUser.token, '2026-09-07', LABELS[0], alpha],
      [beta.clientUser.token, '2026-09-10', CALENDAR[0], beta],
      [a2.token, '2026-09-21', LABELS[1], alpha],
      [b2.token, '2026-10-05', CALENDAR[2], beta],
      [beta.clientUser.token, '2026-10-08', NOISE[0], beta],
      [a3.token, '2026-10-13', LABELS[6], alpha],
      [beta.clientUser.token, '2026-10-27', CALENDAR[4], beta],
      [alpha.clientUser.token, '2026-11-04', LABELS[4], alpha],
      [a2.token, '2026-11-09', NOISE[1], alpha],
    ];
    for (const [who, day, request, scene] of plan) {
      t.clock.set(at(day, '09:00'));
      const filed = await t
        .http()
        .post('/api/requests')
        .set(...bearer(who))
        .send({
          contractId: scene.contract.id,
          title: request.title,
          description: request.description,
          urgency: 'normal',
        })
        .expect(201);
      if (!request.answer) continue;
      t.clock.set(at(day, '12:00'));
      await t
        .http()
        .post('/api/interventions')
        .set(...bearer(token))
        .send({
          contractId: scene.contract.id,
          requestId: filed.body.id,
          activityId: support.id,
          startedAt: at(day, '10:00'),
          endedAt: at(day, '10:30'),
          urgency: 'normal',
          location: 'remote',
          description: request.answer,
          billable: true,
        })
        .expect(201);
    }
    t.clock.set('2026-12-02T10:00:00+01:00');
    consultant = await journey.page(DESKTOP, { email: 'camille@example.fr', password: PASSWORD });
  });

  afterAll(() => journey?.close());

  const topicCard = (page: Page, word: RegExp) =>
    page.locator('article.topic').filter({ has: page.getByRole('heading', { name: word }) });

  it('opens the coaching page from the navigation and lists the recurring topics', async () => {
    await consultant.goto('/console/inbox');
    await consultant.getByRole('navigation').getByRole('link', { name: 'Coaching' }).click();
    await consultant.waitForURL((url) => url.pathname === '/console/coaching');
    const labels = topicCard(consultant, /etiquettes/i);
    expect(await textOf(labels)).toContain('4 demandes');
    expect(await textOf(labels)).toContain('proposer une formation à Alpha Logistique');
    const calendar = topicCard(consultant, /calendrier/i);
    expect(await textOf(calendar)).toContain('3 demandes');
    expect(await textOf(calendar)).toContain('écrire l’article qui y répond');
    // The requests behind a topic lead to the request desk.
    await calendar.getByText('Les 3 demandes derrière ce sujet').click();
    const link = calendar.getByRole('link', { name: CALENDAR[0].title });
    expect(await link.getAttribute('href')).toMatch(/^\/console\/requests\/[0-9a-f-]{36}$/);
    await screenshot(consultant, 'coaching-desktop');
  });

  it('writes the article from the calendar topic and opens it in the editor', async () => {
    const calendar = topicCard(consultant, /calendrier/i);
    await Promise.all([
      consultant.waitForURL((url) => url.pathname.startsWith('/console/kb/')),
      calendar.getByRole('button', { name: 'Écrire l’article' }).click(),
    ]);
    const body = await consultant.getByLabel('Texte (Markdown)').inputValue();
    expect(body).toContain(`- ${CALENDAR[0].title}`);
    expect(body).toContain(CALENDAR[2].answer);
    expect(await consultant.getByLabel('Publier (visible des clients)').isChecked()).toBe(false);
    expect(await consultant.getByLabel('Titre').inputValue()).toMatch(/calendrier/i);
  });

  it('proposes a training on the labels to Alpha, prefilled, and lists it', async () => {
    await consultant.goto('/console/coaching');
    await topicCard(consultant, /etiquettes/i)
      .getByRole('link', { name: 'Proposer une formation' })
      .click();
    await consultant.waitForURL((url) => url.pathname === '/console/coaching/trainings/new');
    expect(await textOf(consultant.locator('main'))).toContain('Pour Alpha Logistique');
    const attendees = consultant.locator('input[name="attendeeIds"]:checked');
    expect(
      (
        await attendees.evaluateAll((inputs) =>
          inputs.map((i) => (i as unknown as { value: string }).value),
        )
      ).sort(),
    ).toEqual([...alphaStaff].sort());
    expect(await consultant.getByLabel('Durée (minutes)').inputValue()).toBe('120');
    expect(await textOf(consultant.locator('#tr-price'))).toContain('180,00 €');
    // A refused duration comes back beside its input, the rest as typed.
    await consultant.getByLabel('Durée (minutes)').fill('5');
    await consultant.getByRole('button', { name: 'Enregistrer la formation' }).click();
    expect(await textOf(consultant.locator('.form-problems'))).toContain('Durée');
    expect(await consultant.getByLabel('Durée (minutes)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await consultant.getByLabel('Début').inputValue()).toBe('2026-12-01T14:00');
    await consultant.getByLabel('Durée (minutes)').fill('90');
    await consultant.getByLabel('Début').fill('2026-12-01T15:00');
    await Promise.all([
      consultant.waitForURL((url) => url.pathname === '/console/coaching'),
      consultant.getByRole('button', { name: 'Enregistrer la formation' }).click(),
    ]);
    expect(await textOf(consultant.locator('#training-saved'))).toContain('Formation enregistrée');
    const row = consultant.locator('#trainings-table tbody tr');
    expect(await row.count()).toBe(1);
    expect(await textOf(row)).toContain('Alpha Logistique');
    expect(await textOf(row)).toContain('135,00');
    const work = await journey.t
      .http()
      .get('/api/interventions')
      .set(...bearer(token))
      .expect(200);
    expect(work.body.items.map((i: { description: string }) => i.description)).toContain(
      `Formation : ${await textOf(row.locator('th'))}`,
    );
  });

  it('keeps the coaching page within a phone’s width', async () => {
    const phone = await journey.page(PHONE, { email: 'camille@example.fr', password: PASSWORD });
    await phone.goto('/console/coaching');
    await textOf(phone.locator('article.topic'));
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'coaching-phone');
  });

  it('shows Beta’s staff on the portal what they solved themselves this quarter', async () => {
    const articleId = (
      await journey.t
        .http()
        .post('/api/articles')
        .set(...bearer(token))
        .send({ title: 'Partager son calendrier', bodyMarkdown: 'Dans Outlook…', published: true })
        .expect(201)
    ).body.id;
    await journey.t
      .http()
      .post('/api/requests/deflections')
      .set(...bearer(beta.clientUser.token))
      .send({ contractId: beta.contract.id, articleId, query: 'partage calendrier' })
      .expect(201);
    const client = await journey.page(PHONE, { email: beta.clientUser.email, password: PASSWORD });
    await client.goto('/portal');
    expect(await textOf(client.locator('#autonomy'))).toContain(
      'Ce trimestre, vous avez résolu 1 problème vous-mêmes',
    );
    expect(await scrollWidth(client)).toBeLessThanOrEqual(PHONE.width);
  });
});
