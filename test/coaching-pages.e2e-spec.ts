import { createUser } from './factories';
import { binary, pdfLayoutText as pdfText } from './support/pdf-text';
import {
  addClient,
  apiAs,
  signedIn,
  startWorld,
  type ClientScene,
  type World,
} from './support/world';
import { WebSession } from './support/web';
import { PASSWORD } from './factories';

/**
 * The coaching pages and the autonomy figures where people read them: the synonyms form with its
 * problems, the client page, the portal's panel (its own company only) and the client report,
 * which prints the coaching service's figures as they are.
 */
describe('coaching pages, the autonomy panel and the client report', () => {
  let w: World;
  let other: ClientScene;
  let articleId: string;

  beforeAll(async () => {
    w = await startWorld({ now: '2026-11-20T10:00:00+01:00', clientName: 'Alpha Logistique' });
    other = await addClient(w, { clientName: 'Beta Conseil' });
    articleId = (
      await apiAs(w.t, w.consultant)
        .post('/api/articles', {
          title: 'Partager son calendrier Outlook',
          bodyMarkdown: 'Clic droit sur le calendrier, **Partager**.',
          published: true,
        })
        .expect(201)
    ).body.id;
    for (const day of ['2026-10-06T11:00:00+02:00', '2026-11-03T11:00:00+01:00']) {
      w.t.clock.set(day);
      await apiAs(w.t, w.clientUser.token)
        .post('/api/requests/deflections', { contractId: w.contract.id, articleId, query: 'cal' })
        .expect(201);
    }
    w.t.clock.set('2026-11-20T10:00:00+01:00');
  });

  afterAll(() => w.t.close());

  it('saves the synonyms one group a line, and says which line is one expression short', async () => {
    const web = await signedIn(w.t);
    expect((await web.get('/console/coaching')).status).toBe(200);
    const saved = await web.post('/console/coaching/synonyms', {
      groups: 'wifi = wi-fi = réseau sans fil\nimprimante, imprimante réseau',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toMatch(/saved=synonyms/);
    const list = await apiAs(w.t, w.consultant).get('/api/knowledge/synonyms').expect(200);
    expect(list.body.items.map((g: { expressions: string[] }) => g.expressions)).toEqual([
      ['wifi', 'wi-fi', 'réseau sans fil'],
      ['imprimante', 'imprimante réseau'],
    ]);
    await web.get('/console/coaching');
    const refused = await web.post('/console/coaching/synonyms', { groups: 'wifi = wifi' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('aria-invalid="true"');
    expect(refused.text).toContain(
      'Le groupe 1 doit compter au moins deux expressions différentes',
    );
    // As typed, and nothing replaced.
    expect(refused.text).toContain('wifi = wifi</textarea>');
    const still = await apiAs(w.t, w.consultant).get('/api/knowledge/synonyms').expect(200);
    expect(still.body.total).toBe(2);
  });

  it("shows the client's autonomy on its console page and its staff's portal", async () => {
    const web = await signedIn(w.t);
    const page = await web.get(`/console/clients/${w.client.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ce trimestre, le client a résolu 2 problèmes lui-même');
    const staff = new WebSession(w.t);
    await staff.signIn(w.clientUser.email, PASSWORD);
    const portal = await staff.get('/portal');
    expect(portal.text).toContain('Ce trimestre, vous avez résolu 2 problèmes vous-mêmes');
    const stranger = await createUser(w.t, w.consultant, 'client', other.client.id);
    const theirs = new WebSession(w.t);
    await theirs.signIn(stranger.email, PASSWORD);
    const otherPortal = await theirs.get('/portal');
    expect(otherPortal.text).toContain('Ce trimestre, aucun problème résolu par vous-mêmes');
  });

  it('prints the autonomy of the coaching service in the client report, JSON, CSV and PDF', async () => {
    const path = `/api/reports/clients/${w.client.id}?from=2026-09&to=2026-11`;
    const [report, autonomy] = await Promise.all([
      apiAs(w.t, w.consultant).get(path).expect(200),
      apiAs(w.t, w.consultant)
        .get(`/api/clients/${w.client.id}/autonomy?from=2026-09&to=2026-11`)
        .expect(200),
    ]);
    expect(report.body.autonomy).toEqual(autonomy.body);
    expect(report.body.autonomy.totals.deflections).toBe(2);
    const csv = await apiAs(w.t, w.clientUser.token)
      .get(`${path}&format=csv`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const lines = (csv.body as Buffer).toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/;Taux d’autonomie;Demandes répétées;Temps gagné \(h\)$/);
    expect(lines.find((l) => l.startsWith('2026-10;'))).toMatch(/;1;1;;0$/);
    const pdf = await apiAs(w.t, w.clientUser.token)
      .get(`${path}&format=pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('Autonomie');
    expect(text).toContain('2 problèmes résolus sans demande sur la période');
  });
});
