import { IsNull } from 'typeorm';
import { Intervention } from '../src/interventions/intervention.entity';
import { startTestApp, TestApp } from './app';
import { bearer, createUser, PASSWORD, setupConsultant } from './factories';
import { interventionInput, supportSetup } from './factories/interventions';
import { WebSession } from './support/web';

/** The header's block of the timer, as the page shows it. */
const headerTimer = (html: string): string =>
  /<div class="header-timer" id="header-timer">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';

/** What a page says in words, tags and spacing left out. */
const words = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('web pages: what every page shares', () => {
  let t: TestApp;
  let token: string;
  let web: WebSession;
  let setup: Awaited<ReturnType<typeof supportSetup>>;
  let pastWork: Intervention;

  beforeAll(async () => {
    // Wednesday 2 December 2026, 10:00 in Paris; behind a proxy that says how it was reached.
    t = await startTestApp({ TRUST_PROXY: 'true' }, { now: '2026-12-02T10:00:00+01:00' });
    token = await setupConsultant(t);
    setup = await supportSetup(t, token);
    const created = await t
      .http()
      .post('/api/interventions')
      .set(...bearer(token))
      .send(
        interventionInput(setup.contract.id, setup.activityId, {
          startedAt: '2026-12-01T09:00:00+01:00',
          endedAt: '2026-12-01T10:00:00+01:00',
          urgency: 'high',
          location: 'onsite',
          description: 'Routeur du cabinet remplacé',
        }),
      )
      .expect(201);
    pastWork = await t.dataSource
      .getRepository(Intervention)
      .findOneByOrFail({ id: created.body.id as string });
    web = new WebSession(t);
    await web.signIn('camille@example.fr', PASSWORD);
  });
  afterAll(async () => {
    delete process.env.TRUST_PROXY;
    await t.close();
  });

  describe('the timer in the header', () => {
    it('offers to start one from the week when none runs', async () => {
      const page = await web.get('/console/contracts');
      expect(words(headerTimer(page.text))).toBe('Lancer un chrono');
      expect(headerTimer(page.text)).toContain('href="/console/week#recent"');
    });

    it('restarts a past entry from the week: same client, contract, activity, description', async () => {
      const week = await web.get('/console/week?date=2026-12-01');
      expect(week.text).toContain(`action="/console/interventions/${pastWork.id}/restart"`);
      const restarted = await web.post(`/console/interventions/${pastWork.id}/restart`, {
        back: '/console/week?date=2026-12-01',
      });
      expect(restarted.status).toBe(303);
      expect(restarted.headers.location).toBe('/console/week?date=2026-12-01');
      const running = await t.dataSource.getRepository(Intervention).findOneByOrFail({
        consultantId: pastWork.consultantId,
        endedAt: IsNull(),
        source: 'timer',
      });
      expect(running).toMatchObject({
        clientId: pastWork.clientId,
        contractId: pastWork.contractId,
        activityId: pastWork.activityId,
        description: 'Routeur du cabinet remplacé',
        urgency: 'high',
        location: 'onsite',
        endedAt: null,
      });
      expect(running.startedAt).toEqual(t.clock.now());
    });

    it('shows the running timer on every console page: its time, its client and Stop', async () => {
      t.clock.advance({ minutes: 65 });
      for (const path of ['/console/contracts', '/console/reports', '/accounting']) {
        const block = headerTimer((await web.get(path)).text);
        expect(words(block)).toContain(`1 h 05 ${setup.clientName} Arrêter le chrono`);
        expect(block).toContain(
          `data-since="${new Date(t.clock.ago({ minutes: 65 })).toISOString()}"`,
        );
        expect(block).toContain(`data-now="${t.clock.now().toISOString()}"`);
        expect(block).toContain(`name="back" value="${path}"`);
      }
      // A timer runs: the week offers no restart.
      expect((await web.get('/console/week')).text).not.toMatch(
        /\/console\/interventions\/[^"]+\/restart/,
      );
    });

    it('stops from the header and comes back to the page it was stopped from', async () => {
      await web.get('/console/contracts?clientId=' + setup.clientId);
      const stopped = await web.post('/console/timer/stop', {
        back: `/console/contracts?clientId=${setup.clientId}`,
      });
      expect(stopped.status).toBe(303);
      expect(stopped.headers.location).toBe(`/console/contracts?clientId=${setup.clientId}`);
      const work = await t.dataSource
        .getRepository(Intervention)
        .findOneByOrFail({ description: 'Routeur du cabinet remplacé', source: 'timer' });
      expect(work.durationMinutes).toBe(65);
      expect(words(headerTimer((await web.get('/console/contracts')).text))).toBe(
        'Lancer un chrono',
      );
    });

    it('refuses to send anyone to another site after a stop', async () => {
      await web.post(`/console/interventions/${pastWork.id}/restart`, { back: '/console/week' });
      await web.get('/console/week');
      const stopped = await web.post('/console/timer/stop', { back: '//evil.example/console' });
      expect(stopped.status).toBe(303);
      expect(stopped.headers.location).toBe('/console');
    });

    it('shows no timer to the accountant', async () => {
      const { email } = await createUser(t, token, 'accountant');
      const accountant = new WebSession(t);
      await accountant.signIn(email, PASSWORD);
      const page = await accountant.get('/accounting');
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('header-timer');
    });
  });

  describe('security headers', () => {
    const csp = (res: { headers: Record<string, string> }) =>
      res.headers['content-security-policy'];

    it('does not ask a page opened over plain http to upgrade its requests', async () => {
      const res = await t.http().get('/login').expect(200);
      expect(csp(res)).toContain("script-src 'self'");
      expect(csp(res)).not.toContain('upgrade-insecure-requests');
    });

    it('asks for the upgrade behind a proxy that was reached over https', async () => {
      const res = await t.http().get('/login').set('X-Forwarded-Proto', 'https').expect(200);
      expect(csp(res)).toContain('upgrade-insecure-requests');
    });
  });

  describe('an address no route serves', () => {
    it('answers a page in the site’s layout, with a way home', async () => {
      const res = await web.get('/console/nothing-here');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<h1>Page introuvable</h1>');
      expect(res.text).toContain('href="/assets/app.css"');
      const anonymous = await t.http().get('/nulle-part').set('Accept', 'text/html');
      expect(anonymous.status).toBe(404);
      expect(anonymous.text).toContain('Page introuvable');
    });

    it('keeps the JSON error under /api', async () => {
      const res = await t.http().get('/api/nothing-here').expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found.route' });
    });
  });

  describe('the accounting period', () => {
    it('offers the month, the quarter and the year in one click, the shown one marked', async () => {
      const page = await web.get('/accounting');
      const presets =
        /<ul class="presets" id="presets">([\s\S]*?)<\/ul>/.exec(page.text)?.[1] ?? '';
      const links = [...presets.matchAll(/<a href="([^"]+)"([^>]*)>([^<]+)<\/a>/g)].map((m) => [
        m[1].replace(/&amp;/g, '&'),
        m[3],
        m[2].includes('aria-current'),
      ]);
      expect(links).toEqual([
        ['/accounting?from=2026-12-01&to=2026-12-31', 'décembre 2026', true],
        ['/accounting?from=2026-11-01&to=2026-11-30', 'novembre 2026', false],
        ['/accounting?from=2026-10-01&to=2026-12-31', '4e trimestre 2026', false],
        ['/accounting?from=2026-07-01&to=2026-09-30', '3e trimestre 2026', false],
        ['/accounting?from=2026-01-01&to=2026-12-31', '2026', false],
        ['/accounting?from=2025-01-01&to=2025-12-31', '2025', false],
      ]);
      const quarter = await web.get('/accounting?from=2026-10-01&to=2026-12-31');
      expect(quarter.status).toBe(200);
      expect(quarter.text).toContain(
        'href="/accounting/exports/fec?from=2026-10-01&amp;to=2026-12-31"',
      );
    });

    it('refuses a period that ends before it starts, beside its end, listing nothing', async () => {
      const res = await web.get('/accounting?from=2026-12-31&to=2026-12-01');
      expect(res.status).toBe(400);
      const problem = /<p class="field-problem" id="period-to-problem">([\s\S]*?)<\/p>/.exec(
        res.text,
      );
      expect(words(problem?.[1] ?? '')).toMatch(
        /^Erreur : La fin de la période .* vient avant son début/,
      );
      expect(res.text).toMatch(
        /<input id="period-to" name="to" type="date" required value="2026-12-01" aria-invalid="true" aria-describedby="period-to-problem">/,
      );
      expect(res.text).toContain('value="2026-12-31"');
      expect(res.text).toContain('<a href="#period-to">');
      expect(res.text).not.toContain('id="documents"');
      expect(res.text).not.toContain('/accounting/exports/');
    });
  });

  describe('the favicon', () => {
    it('is linked from every page and served as SVG', async () => {
      const page = await t.http().get('/login');
      const href = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml">/.exec(page.text)?.[1];
      expect(href).toBe('/assets/favicon.svg');
      const icon = await t.http().get(href!).expect(200);
      expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    });
  });
});
