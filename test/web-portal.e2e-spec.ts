import { TestApp } from './app';
import { bearer, createActivity, createClient, createUser, PASSWORD } from './factories';
import { contractInput } from './factories/contracts';
import { WebSession } from './support/web';
import { invalidInputs, problemOf, summaryOf } from './support/form-problems';
import { catalogue, type Locale } from '../src/i18n';
import { signedIn, startPractice } from './support/world';

/** A problem's words in a language, for a field so labelled. */
const say = (locale: Locale, key: string, field: string): string =>
  catalogue().format(locale, key, { field });

describe('client portal pages', () => {
  let t: TestApp;
  let consultant: string;
  let contractId: string;
  let otherRequestId: string;
  let web: WebSession;
  let staffEmail: string;
  let acmeId: string;

  beforeAll(async () => {
    ({ t, consultant } = await startPractice());
    const acme = await createClient(t, consultant, { name: 'ACME Industrie' });
    acmeId = acme.id;
    const other = await createClient(t, consultant, { name: 'Other Co' });
    const contract = await t
      .http()
      .post('/api/contracts')
      .set(...bearer(consultant))
      .send(
        contractInput(acme.id, {
          title: 'Infogérance ACME',
          urgencyPolicy: {
            levels: {
              critical: {
                monthlyQuota: 1,
                overQuota: 'reject',
                clock: '24x7',
                responseMinutes: 60,
              },
            },
          },
        }),
      )
      .expect(201);
    contractId = contract.body.id;
    const otherContract = await t
      .http()
      .post('/api/contracts')
      .set(...bearer(consultant))
      .send(contractInput(other.id))
      .expect(201);
    const otherRequest = await t
      .http()
      .post('/api/requests')
      .set(...bearer(consultant))
      .send({
        contractId: otherContract.body.id,
        title: 'Secret of Other Co',
        description: 'x',
        urgency: 'normal',
      })
      .expect(201);
    otherRequestId = otherRequest.body.id;
    await t
      .http()
      .post('/api/articles')
      .set(...bearer(consultant))
      .send({
        title: 'Imprimante réseau hors ligne',
        bodyMarkdown: 'Redémarrez le **spooler**.',
        tags: ['impression'],
        published: true,
      })
      .expect(201);
    const staff = await createUser(t, consultant, 'client', acme.id);
    staffEmail = staff.email;
    web = new WebSession(t);
    const landed = await web.signIn(staff.email, PASSWORD);
    expect(landed.headers.location).toBe('/portal');
  });
  afterAll(() => t.close());

  it('shows this month’s consumption, the quota of each level and its reset date', async () => {
    const res = await web.get('/portal');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Infogérance ACME');
    expect(res.text).toContain('Demandes urgentes ce mois-ci');
    // Critical: 0 used, 0 from requests, 0 from calls, 1 left.
    expect(res.text).toMatch(
      /Critique<\/th><td class="num">0<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">1<\/td>/,
    );
    expect(res.text).toContain('Les quotas se renouvellent le');
    expect(res.text).not.toContain('Other Co');
  });

  it('suggests articles before a request is filed and records “this solved it”', async () => {
    const form = await web.get(`/portal/requests/new?contractId=${contractId}&q=imprimante`);
    expect(form.text).toContain('Imprimante réseau hors ligne');
    const articleId = /name="articleId" value="([^"]+)"/.exec(form.text)![1];
    const solved = await web.post('/portal/deflections', {
      contractId,
      articleId,
      query: 'imprimante',
    });
    expect(solved.status).toBe(303);
    const after = await web.get(solved.headers.location);
    expect(after.text).toContain('aucune demande n’a été créée');
  });

  it('shows each level’s cost and units left beside the choice, then explains the outcome', async () => {
    const form = await web.get(`/portal/requests/new?contractId=${contractId}`);
    expect(form.text).toContain('1 restante(s) sur 1 ce mois-ci');
    expect(form.text).toContain('au-delà, la demande est refusée');
    const accepted = await web.post('/portal/requests', {
      contractId,
      title: 'Serveur de fichiers arrêté',
      description: 'Plus personne ne peut travailler',
      urgency: 'critical',
    });
    // Filed, then shown by a redirect: the outcome page is a GET that reloads without filing.
    expect(accepted.status).toBe(303);
    expect(accepted.headers.location).toMatch(/^\/portal\/requests\/[0-9a-f-]{36}\/filed$/);
    const shown = await web.get(accepted.headers.location);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('Demande enregistrée');
    expect(shown.text).toContain('Critique');

    await web.get(`/portal/requests/new?contractId=${contractId}`);
    const refused = await web.post('/portal/requests', {
      contractId,
      title: 'Encore une panne',
      description: 'Urgent',
      urgency: 'critical',
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Demande non enregistrée');
    expect(refused.text).toContain('(1 sur 1)');
    // The urgency chosen is what was refused: marked, linked from the summary, kept as typed.
    expect(summaryOf(refused.text, 'rq').map((p) => p.href)).toEqual(['#rq-urgency']);
    expect(refused.text).toMatch(
      /<input type="radio" id="rq-urgency" name="urgency" value="critical" checked aria-invalid="true">/,
    );
    expect(refused.text).toMatch(/<fieldset class="levels" aria-describedby="rq-urgency-problem">/);
    const beside = /<p class="field-problem" id="rq-urgency-problem">([\s\S]*?)<\/p>/.exec(
      refused.text,
    )![1];
    expect(beside).toContain('Le quota de demandes Critique de ce mois est épuisé (1 sur 1)');
    expect(refused.text).toContain('value="Encore une panne"');
    expect(refused.text).toContain('>Urgent</textarea>');
    const list = await web.get('/portal/requests');
    expect(list.text).toContain('Serveur de fichiers arrêté');
    expect(list.text).not.toContain('Encore une panne');
  });

  it('shows the stored outcome of a filing after its redirect, and a reload files nothing more', async () => {
    const contract = await t
      .http()
      .post('/api/contracts')
      .set(...bearer(consultant))
      .send(
        contractInput(acmeId, {
          title: 'Astreinte ACME',
          urgencyPolicy: {
            levels: { critical: { monthlyQuota: 1, overQuota: 'downgrade', clock: '24x7' } },
          },
        }),
      )
      .expect(201);
    const downgradeId = contract.body.id as string;
    await t
      .http()
      .post('/api/requests')
      .set(...bearer(consultant))
      .send({
        contractId: downgradeId,
        title: 'Première panne',
        description: 'x',
        urgency: 'critical',
      })
      .expect(201);
    await web.get(`/portal/requests/new?contractId=${downgradeId}`);
    const title = 'Messagerie muette';
    const filed = await web.post('/portal/requests', {
      contractId: downgradeId,
      title,
      description: 'Aucun courriel ne part',
      urgency: 'critical',
    });
    expect(filed.status).toBe(303);
    const location = filed.headers.location;
    const id = /^\/portal\/requests\/([0-9a-f-]{36})\/filed$/.exec(location)![1];
    // The outcome is not carried by the address: it is read back from the request stored.
    expect(location).not.toMatch(/[?#]/);
    const first = await web.get(location);
    const reload = await web.get(location);
    const stored = await t
      .http()
      .get(`/api/requests/${id}`)
      .set(...bearer(consultant))
      .expect(200);
    expect(stored.body).toMatchObject({ policyOutcome: 'downgraded', urgencyApplied: 'high' });
    for (const page of [first, reload]) {
      expect(page.status).toBe(200);
      expect(page.text).toContain('Demande enregistrée à un niveau inférieur');
      expect(page.text).toContain(
        'Quota Critique du mois épuisé (1 sur 1)\u00a0: demande enregistrée au niveau Haute',
      );
      expect(page.text).toContain(`href="/portal/requests/${id}"`);
    }
    const listed = await t
      .http()
      .get(`/api/requests?contractId=${downgradeId}&limit=100`)
      .set(...bearer(consultant))
      .expect(200);
    expect(listed.body.items.filter((r: { title: string }) => r.title === title)).toHaveLength(1);
  });

  it('says beside each field what is missing, in the page’s language, keeping what was typed', async () => {
    for (const locale of ['fr', 'en'] as const) {
      const session = await signedIn(t, staffEmail);
      if (locale === 'en') await session.get('/lang/en');
      await session.get(`/portal/requests/new?contractId=${contractId}`);
      const res = await session.post('/portal/requests', {
        contractId,
        title: '   ',
        description: '',
        urgency: 'high',
      });
      expect(res.status).toBe(400);
      const title = say(locale, 'field.title', '');
      const description = say(locale, 'field.description', '');
      const colon = locale === 'fr' ? '\u00a0: ' : ': ';
      expect(summaryOf(res.text, 'rq')).toEqual([
        { href: '#rq-title', line: title + colon + say(locale, 'problem.isNotEmpty', title) },
        {
          href: '#rq-description',
          line: description + colon + say(locale, 'problem.isNotEmpty', description),
        },
      ]);
      expect(problemOf(res.text, 'rq-title')).toEqual({
        invalid: true,
        message: say(locale, 'problem.isNotEmpty', title),
      });
      expect(invalidInputs(res.text)).toEqual(['rq-title', 'rq-description']);
      // The description's help is still read after its problem.
      expect(res.text).toContain('aria-describedby="rq-description-problem rq-description-help"');
      expect(res.text).toMatch(/id="rq-urgency-high" name="urgency" value="high" checked>/);
    }
  });

  it('shows where the quota units came from and what going beyond costs in euros', async () => {
    // Wednesday 2 December 2026: 11 h logged on a 10 h retainer at 110.00 € an hour beyond.
    const client = await createClient(t, consultant, { name: 'Beta Conseil' });
    const contract = await t
      .http()
      .post('/api/contracts')
      .set(...bearer(consultant))
      .send(
        contractInput(client.id, { urgencyPolicy: { levels: { critical: { clock: '24x7' } } } }),
      )
      .expect(201);
    const activityId = (await createActivity(t, consultant, { name: 'Astreinte' })).id;
    const log = (startedAt: string, endedAt: string, urgency: string) =>
      t
        .http()
        .post('/api/interventions')
        .set(...bearer(consultant))
        .send({
          contractId: contract.body.id,
          activityId,
          startedAt,
          endedAt,
          urgency,
          location: 'remote',
          description: 'Serveur de fichiers',
          billable: true,
        })
        .expect(201);
    await log('2026-12-01T09:00:00+01:00', '2026-12-01T18:00:00+01:00', 'normal');
    await log('2026-12-02T07:00:00+01:00', '2026-12-02T09:00:00+01:00', 'critical');
    const staff = await createUser(t, consultant, 'client', client.id);
    await t
      .http()
      .post('/api/requests')
      .set(...bearer(staff.token))
      .send({ contractId: contract.body.id, title: 'VPN', description: 'x', urgency: 'normal' })
      .expect(201);
    const portal = await signedIn(t, staff.email);
    const page = (await portal.get('/portal')).text;
    expect(page).toMatch(
      /Dépassement ce mois-ci : 110,00\s€ HT \(heures au-delà : 110,00\s€, hors quota : 0,00\s€\)/,
    );
    expect(page).toMatch(/Chaque heure au-delà coûte 110,00\s€ HT/);
    const row = (level: string) =>
      new RegExp(`<th scope="row">${level}</th>((?:<td class="num">[^<]*</td>){4})`).exec(
        page,
      )?.[1];
    const cells = (level: string) =>
      [...(row(level) ?? '').matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells('Normale')).toEqual(['1', '1', '0', 'illimité']);
    expect(cells('Critique')).toEqual(['1', '0', '1', '1']);
  });

  it('lists the requests of one status when asked, and all of them for an unknown one', async () => {
    const file = async (title: string) =>
      (
        await t
          .http()
          .post('/api/requests')
          .set(...bearer(consultant))
          .send({ contractId, title, description: 'x', urgency: 'low' })
          .expect(201)
      ).body.id as string;
    await file('Écran qui scintille');
    const resolvedId = await file('Souris sans fil');
    await t
      .http()
      .patch(`/api/requests/${resolvedId}`)
      .set(...bearer(consultant))
      .send({ status: 'resolved' })
      .expect(200);

    const resolved = (await web.get('/portal/requests?status=resolved')).text;
    expect(resolved).toContain('Souris sans fil');
    expect(resolved).not.toContain('Écran qui scintille');
    const open = (await web.get('/portal/requests?status=open')).text;
    expect(open).toContain('Écran qui scintille');
    expect(open).not.toContain('Souris sans fil');
    const unknown = (await web.get('/portal/requests?status=lost')).text;
    expect(unknown).toContain('Écran qui scintille');
    expect(unknown).toContain('Souris sans fil');
  });

  it('never shows another company’s request, even by URL', async () => {
    const res = await web.get(`/portal/requests/${otherRequestId}`);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('Secret of Other Co');
  });

  it('refuses a portal form posted without its CSRF token', async () => {
    await web.get(`/portal/requests/new?contractId=${contractId}`);
    const res = await web.post(
      '/portal/requests',
      { contractId, title: 'x', description: 'y', urgency: 'low' },
      false,
    );
    expect(res.status).toBe(403);
  });

  it('lists the knowledge base and renders an article safely', async () => {
    const kb = await web.get('/portal/kb?q=imprimante');
    expect(kb.text).toContain('Imprimante réseau hors ligne');
    const id = /href="\/portal\/kb\/([0-9a-f-]{36})"/.exec(kb.text)![1];
    const article = await web.get(`/portal/kb/${id}`);
    expect(article.text).toContain('<strong>spooler</strong>');
  });

  it('keeps staff of the practice out of the portal', async () => {
    const consultantWeb = await signedIn(t);
    const res = await consultantWeb.get('/portal');
    expect(res.status).toBe(403);
  });
});
