import { TestApp } from './app';
import { bearer, createClient, createUser } from './factories';
import { type CreatedContract } from './factories/contracts';
import { problemOf, summaryOf } from './support/form-problems';
import { WebSession } from './support/web';
import { catalogue } from '../src/i18n';
import { signedIn, startWorld } from './support/world';

/** Wednesday 2 December 2026, 10:00 in Paris. */
const NOW = '2026-12-02T10:00:00+01:00';

/** Words of the catalogue, as a French page shows them. */
const fr = (key: string, values: Record<string, string | number> = {}): string =>
  catalogue().format('fr', key, values);

/** The HTML's text between tags, spaces collapsed: what a reader sees of an element. */
const textOf = (html: string, id: string): string => {
  const m = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return (m?.[2] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
};

describe('web pages: the request desk and the client’s request page', () => {
  let t: TestApp;
  let consultant: string;
  let contract: CreatedContract;
  let activityId: string;
  let acme: { token: string; email: string };
  let globex: { token: string; email: string };
  let desk: WebSession;
  let portal: WebSession;
  let stranger: WebSession;

  beforeAll(async () => {
    ({
      t,
      consultant,
      contract,
      activityId,
      clientUser: acme,
    } = await startWorld({
      now: NOW,
      clientName: 'ACME Industrie',
      contract: { title: 'Infogérance ACME' },
      activity: { name: 'Support' },
    }));
    const globexCo = await createClient(t, consultant, { name: 'Globex' });
    globex = await createUser(t, consultant, 'client', globexCo.id);
    desk = await signedIn(t);
    portal = await signedIn(t, acme.email);
    stranger = await signedIn(t, globex.email);
  });
  afterAll(() => t.close());

  /** A request filed by ACME's staff through the API, at the clock's instant. */
  async function file(title: string, urgency = 'normal'): Promise<string> {
    const res = await t
      .http()
      .post('/api/requests')
      .set(...bearer(acme.token))
      .send({ contractId: contract.id, title, description: 'Depuis ce matin', urgency })
      .expect(201);
    return res.body.id as string;
  }

  const detail = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/requests/${id}`)
        .set(...bearer(consultant))
        .expect(200)
    ).body;

  const criticalUsed = async (): Promise<number> => {
    const res = await t
      .http()
      .get(`/api/contracts/${contract.id}/usage?month=2026-12`)
      .set(...bearer(consultant))
      .expect(200);
    return res.body.quotas.critical.used as number;
  };

  describe('the desk', () => {
    it('shows the request, who filed it, the policy outcome and the time left in business hours', async () => {
      t.clock.set(NOW);
      const id = await file('Imprimante bloquée');
      t.clock.advance({ minutes: 40 });
      const res = await desk.get(`/console/requests/${id}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1>Imprimante bloquée</h1>');
      expect(res.text).toContain('Depuis ce matin');
      const facts = /<dl class="facts" id="request-facts">([\s\S]*?)<\/dl>/.exec(res.text)![1];
      expect(facts).toContain('ACME Industrie');
      expect(facts).toContain(contract.reference);
      expect(facts).toContain('client user');
      expect(textOf(res.text, 'policy-outcome')).toBe('Acceptée');
      // Normal: 4 business hours from 10:00, seen at 10:40.
      expect(textOf(res.text, 'time-left')).toBe('Reste 3 h 20 en heures ouvrées');
      // Due at 14:00: at 15:00 one hour late; the next morning at 09:30, the night does not count.
      t.clock.set('2026-12-02T15:00:00+01:00');
      const late = await desk.get(`/console/requests/${id}`);
      expect(textOf(late.text, 'time-left')).toBe('Dépassé de 1 h en heures ouvrées');
      t.clock.set('2026-12-03T09:30:00+01:00');
      const nextMorning = await desk.get(`/console/requests/${id}`);
      expect(textOf(nextMorning.text, 'time-left')).toBe('Dépassé de 4 h 30 en heures ouvrées');
      t.clock.set(NOW);
    });

    it('is reached from the inbox by the request’s title', async () => {
      const id = await file('Messagerie lente');
      const inbox = await desk.get('/console/inbox');
      expect(inbox.text).toContain(`<a href="/console/requests/${id}">Messagerie lente</a>`);
    });

    it('answers with a reply: the thread shows it, the request is in progress, a reload posts nothing again', async () => {
      const id = await file('Poste 3 sans réseau');
      await desk.get(`/console/requests/${id}`);
      const sent = await desk.post(`/console/requests/${id}/comments`, {
        body: 'Je regarde le commutateur.',
      });
      expect(sent.status).toBe(303);
      expect(sent.headers.location).toBe(`/console/requests/${id}?done=replied#thread`);
      const page = await desk.get(sent.headers.location);
      expect(page.text).toContain(fr('desk.done.replied'));
      expect(page.text).toContain('Je regarde le commutateur.');
      expect(textOf(page.text, 'request-status')).toBe('En cours');
      expect(textOf(page.text, 'time-left')).toMatch(/^Répondu le 02\/12\/2026 10:00 Délai tenu$/);
      // The confirmation reloaded: still one reply.
      await desk.get(sent.headers.location);
      await desk.get(sent.headers.location);
      expect((await detail(id)).comments).toHaveLength(1);
    });

    it('refuses an empty reply beside its field, keeps the page, stores nothing', async () => {
      const id = await file('Scanner muet');
      await desk.get(`/console/requests/${id}`);
      const refused = await desk.post(`/console/requests/${id}/comments`, { body: '   ' });
      expect(refused.status).toBe(400);
      const problem = problemOf(refused.text, 'reply-body');
      expect(problem.invalid).toBe(true);
      expect(problem.message).toBe(fr('desk.reply.empty'));
      expect(summaryOf(refused.text, 'reply')).toEqual([
        {
          href: '#reply-body',
          line: fr('web.form.problemLine', {
            label: 'Votre réponse',
            message: fr('desk.reply.empty'),
          }),
        },
      ]);
      expect((await detail(id)).comments).toHaveLength(0);
    });

    it('reclassifies a false urgency with a reason and gives its quota unit back', async () => {
      const before = await criticalUsed();
      const id = await file('Mot de passe oublié', 'critical');
      expect(await criticalUsed()).toBe(before + 1);
      await desk.get(`/console/requests/${id}`);
      const noReason = await desk.post(`/console/requests/${id}/urgency`, {
        urgency: 'low',
        reclassificationReason: '',
      });
      expect(noReason.status).toBe(400);
      expect(problemOf(noReason.text, 'rc-reclassificationReason')).toMatchObject({
        invalid: true,
        message: expect.stringContaining('Motif du reclassement'),
      });
      expect(noReason.text).toMatch(/<option value="low" selected>/);
      expect(await criticalUsed()).toBe(before + 1);
      const done = await desk.post(`/console/requests/${id}/urgency`, {
        urgency: 'low',
        reclassificationReason: 'Un mot de passe oublié n’est pas critique',
      });
      expect(done.status).toBe(303);
      const page = await desk.get(done.headers.location);
      expect(page.text).toContain(fr('desk.done.reclassified'));
      expect(textOf(page.text, 'urgency-applied')).toBe(
        'Faible Reclassée de Critique à Faible (fausse urgence) — Un mot de passe oublié n’est pas critique',
      );
      expect(await criticalUsed()).toBe(before);
      const stored = await detail(id);
      expect(stored).toMatchObject({ urgencyApplied: 'low', falseUrgency: true });
    });

    it('resolves, then closes; a closed request takes no reply and a refused move says why', async () => {
      const id = await file('Licence expirée');
      const page = await desk.get(`/console/requests/${id}`);
      expect(page.text).toContain(`name="status" value="resolved"`);
      const resolved = await desk.post(`/console/requests/${id}/status`, { status: 'resolved' });
      expect(resolved.status).toBe(303);
      const afterResolve = await desk.get(resolved.headers.location);
      expect(afterResolve.text).toContain(fr('desk.done.moved'));
      expect(textOf(afterResolve.text, 'request-status')).toBe('Résolue');
      const closed = await desk.post(`/console/requests/${id}/status`, { status: 'closed' });
      expect(closed.status).toBe(303);
      const afterClose = await desk.get(closed.headers.location);
      expect(textOf(afterClose.text, 'request-status')).toBe('Fermée');
      expect(afterClose.text).not.toContain(`action="/console/requests/${id}/comments"`);
      expect(afterClose.text).toContain(fr('desk.move.none'));
      const refused = await desk.post(`/console/requests/${id}/status`, { status: 'in_progress' });
      expect(refused.status).toBe(409);
      expect(refused.text).toContain('Une demande fermée ne peut pas devenir en cours');
      expect((await detail(id)).status).toBe('closed');
    });

    it('starts the timer on the request; the work stopped shows with its minutes', async () => {
      t.clock.set(NOW);
      const id = await file('Sauvegarde en échec');
      await desk.get(`/console/requests/${id}`);
      const started = await desk.post(`/console/requests/${id}/timer`, {
        activityId,
        location: 'remote',
        description: 'Relance de la sauvegarde',
        billable: 'on',
      });
      expect(started.status).toBe(303);
      const running = await desk.get(started.headers.location);
      expect(running.text).toContain(fr('desk.done.timer'));
      expect(running.text).toContain(fr('desk.timer.runningHere', { start: '10:00' }));
      const timer = await t
        .http()
        .get('/api/interventions/timer')
        .set(...bearer(consultant))
        .expect(200);
      expect(timer.body.running).toMatchObject({ requestId: id, urgency: 'normal' });
      t.clock.advance({ minutes: 45 });
      await t
        .http()
        .post('/api/interventions/timer/stop')
        .set(...bearer(consultant))
        .expect(200);
      const after = await desk.get(`/console/requests/${id}`);
      expect(after.text).toMatch(/Relance de la sauvegarde<\/td><td class="num">0 h 45<\/td>/);
      t.clock.set(NOW);
    });

    it('turns the answer into an article draft and opens its editor', async () => {
      const id = await file('Imprimer en recto verso');
      await desk.get(`/console/requests/${id}`);
      await desk.post(`/console/requests/${id}/comments`, { body: 'Ouvrez Préférences.' });
      await desk.get(`/console/requests/${id}`);
      await desk.post(`/console/requests/${id}/comments`, { body: 'Cochez « Recto verso ».' });
      await desk.get(`/console/requests/${id}`);
      const made = await desk.post(`/console/requests/${id}/article`, {});
      expect(made.status).toBe(303);
      const articleId = /^\/console\/kb\/([0-9a-f-]{36})$/.exec(made.headers.location)?.[1];
      expect(articleId).toBeDefined();
      const editor = await desk.get(made.headers.location);
      expect(editor.status).toBe(200);
      expect(editor.text).toContain('value="Imprimer en recto verso"');
      expect(editor.text).toContain('Ouvrez Préférences.\n\nCochez « Recto verso ».</textarea>');
      const article = await t
        .http()
        .get(`/api/articles/${articleId}`)
        .set(...bearer(consultant))
        .expect(200);
      expect(article.body).toMatchObject({ published: false, clientIds: [contract.clientId] });
    });
  });

  describe('the client’s request page', () => {
    it('takes a comment from the client, which the desk shows; a reload posts nothing again', async () => {
      const id = await file('Badge refusé');
      await portal.get(`/portal/requests/${id}`);
      const sent = await portal.post(`/portal/requests/${id}/comments`, {
        body: 'Toujours refusé ce midi.',
      });
      expect(sent.status).toBe(303);
      expect(sent.headers.location).toBe(`/portal/requests/${id}?done=commented`);
      const page = await portal.get(sent.headers.location);
      expect(page.text).toContain(fr('desk.portal.done.commented'));
      expect(page.text).toContain('Toujours refusé ce midi.');
      await portal.get(sent.headers.location);
      const onDesk = await desk.get(`/console/requests/${id}`);
      expect(onDesk.text).toContain('Toujours refusé ce midi.');
      expect((await detail(id)).comments).toHaveLength(1);
      // A client's comment is not the consultant's response: still open.
      expect((await detail(id)).status).toBe('open');
    });

    it('cancels an open request, giving its quota unit back; then offers no cancel and refuses a second', async () => {
      const before = await criticalUsed();
      const id = await file('Serveur arrêté', 'critical');
      const open = await portal.get(`/portal/requests/${id}`);
      expect(open.text).toContain(`action="/portal/requests/${id}/cancel"`);
      const cancelled = await portal.post(`/portal/requests/${id}/cancel`, {});
      expect(cancelled.status).toBe(303);
      const page = await portal.get(cancelled.headers.location);
      expect(page.text).toContain(fr('desk.portal.done.cancelled'));
      expect(textOf(page.text, 'request-status')).toBe('Annulée');
      expect(page.text).not.toContain(`action="/portal/requests/${id}/cancel"`);
      expect(await criticalUsed()).toBe(before);
      // The confirmation reloaded, then the form posted again from an older page: refused.
      await portal.get(cancelled.headers.location);
      const again = await portal.post(`/portal/requests/${id}/cancel`, {});
      expect(again.status).toBe(409);
      expect(again.text).toContain(
        'Seule une demande ouverte peut être annulée ; celle-ci est déjà annulée',
      );
      expect(await criticalUsed()).toBe(before);
      const inbox = await desk.get('/console/inbox');
      expect(inbox.text).not.toContain('Serveur arrêté');
    });

    it('refuses to cancel a request the consultant has answered', async () => {
      const id = await file('Wifi instable');
      await t
        .http()
        .post(`/api/requests/${id}/comments`)
        .set(...bearer(consultant))
        .send({ body: 'Je passe cet après-midi.' })
        .expect(201);
      const page = await portal.get(`/portal/requests/${id}`);
      expect(page.text).not.toContain(`action="/portal/requests/${id}/cancel"`);
      const refused = await portal.post(`/portal/requests/${id}/cancel`, {});
      expect(refused.status).toBe(409);
      expect(refused.text).toContain('celle-ci est en cours');
      expect((await detail(id)).status).toBe('in_progress');
    });
  });

  describe('another company', () => {
    it('gets 404 on the request’s portal page and its forms, and changes nothing', async () => {
      const id = await file('Contrat confidentiel ACME');
      const read = await stranger.get(`/portal/requests/${id}`);
      expect(read.status).toBe(404);
      expect(read.text).not.toContain('Contrat confidentiel ACME');
      await stranger.get('/portal');
      const comment = await stranger.post(`/portal/requests/${id}/comments`, { body: 'Coucou' });
      expect(comment.status).toBe(404);
      await stranger.get('/portal');
      const cancel = await stranger.post(`/portal/requests/${id}/cancel`, {});
      expect(cancel.status).toBe(404);
      const stored = await detail(id);
      expect(stored).toMatchObject({ status: 'open', comments: [] });
    });

    it('is refused the console’s desk by its role (403), as for a request that exists nowhere', async () => {
      const id = await file('Mot de passe du coffre');
      const res = await stranger.get(`/console/requests/${id}`);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('Mot de passe du coffre');
      const nowhere = await stranger.get('/console/requests/00000000-0000-4000-8000-000000000000');
      expect(nowhere.status).toBe(403);
      await stranger.get('/portal');
      const post = await stranger.post(`/console/requests/${id}/comments`, { body: 'x' });
      expect(post.status).toBe(403);
      expect((await detail(id)).comments).toHaveLength(0);
    });
  });
});
