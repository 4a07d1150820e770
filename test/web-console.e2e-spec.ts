import type { Contract } from '../src/contracts/contract.entity';
import { Intervention } from '../src/interventions/intervention.entity';
import { Invoice } from '../src/invoicing/invoice.entity';
import { startTestApp, TestApp } from './app';
import { createUser, PASSWORD, setupConsultant } from './factories';
import { insertRequest, supportSetup } from './factories/interventions';
import { WebSession } from './support/web';
import { binary } from './support/pdf-text';
import { invalidInputs, problemOf, summaryOf } from './support/form-problems';
import { catalogue } from '../src/i18n';

/** A problem's words on a French page, for a field so labelled. */
const fr = (key: string, field: string, values: Record<string, string | number> = {}): string =>
  catalogue().format('fr', key, { field, ...values });

/** A file downloaded with the session's cookies, its body as a Buffer. */
function download(t: TestApp, web: WebSession, path: string) {
  const cookies = (web as unknown as { cookieHeader(): string }).cookieHeader();
  return t.http().get(path).set('Cookie', cookies).buffer(true).parse(binary);
}

/** Form controls a screen reader could not name: no `<label for>` matching their id. */
function unlabelled(html: string): string[] {
  const labelled = new Set([...html.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]));
  return [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)]
    .map((m) => m[2])
    .filter((attrs) => !/type="hidden"/.test(attrs))
    .map((attrs) => /id="([^"]+)"/.exec(attrs)?.[1] ?? attrs)
    .filter((id) => !labelled.has(id));
}

/** The ids of the inbox's rows, top to bottom. */
const inboxOrder = (html: string): string[] =>
  [...html.matchAll(/<tr data-request="([^"]+)">/g)].map((m) => m[1]);

describe("web pages: the consultant's console", () => {
  let t: TestApp;
  let consultant: string;
  let consultantId: string;
  let setup: { clientId: string; clientName: string; activityId: string; contract: Contract };
  let web: WebSession;
  const hoursAgo = (h: number): Date => new Date(t.clock.ago({ hours: h }));
  const inHours = (h: number): Date => new Date(t.clock.in({ hours: h }));

  beforeAll(async () => {
    // Wednesday 2 December 2026, 10:00 in Paris.
    t = await startTestApp({}, { now: '2026-12-02T10:00:00+01:00' });
    consultant = await setupConsultant(t);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${consultant}`);
    consultantId = me.body.id as string;
    setup = await supportSetup(t, consultant);
    web = new WebSession(t);
    await web.signIn('camille@example.fr', PASSWORD);
  });
  afterAll(() => t.close());

  describe('inbox', () => {
    it('lists the open requests by response deadline, the overdue one in words first', async () => {
      const later = await insertRequest(t, setup.contract, consultantId, {
        title: 'Printer offline',
        responseDueAt: inHours(6),
      });
      const overdue = await insertRequest(t, setup.contract, consultantId, {
        title: 'Server down',
        createdAt: hoursAgo(3),
        responseDueAt: hoursAgo(1),
      });
      const soon = await insertRequest(t, setup.contract, consultantId, {
        title: 'VPN refuses logins',
        status: 'in_progress',
        responseDueAt: inHours(2),
      });
      const answered = await insertRequest(t, setup.contract, consultantId, {
        title: 'Answered in time',
        status: 'in_progress',
        responseDueAt: inHours(4),
        respondedAt: hoursAgo(1),
      });
      await insertRequest(t, setup.contract, consultantId, {
        title: 'Closed long ago',
        status: 'closed',
        responseDueAt: hoursAgo(30),
      });
      const res = await web.get('/console');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1>Boîte de réception</h1>');
      expect(inboxOrder(res.text)).toEqual([overdue.id, soon.id, answered.id, later.id]);
      expect(res.text).toMatch(/Répondu le [\d/: ]+<br><span class="badge ok">Délai tenu/);
      expect(res.text).toContain('<strong class="overdue">En retard de 1 h</strong>');
      expect(res.text).toMatch(/Reste 2 h\s/);
      expect(res.text).not.toContain('Closed long ago');
    });
  });

  describe('timer', () => {
    it('starts on a request and stops into an intervention with its figures', async () => {
      const request = await insertRequest(t, setup.contract, consultantId, {
        title: 'Mail bounces',
        urgencyApplied: 'normal',
      });
      const page = await web.get(`/console?request=${request.id}`);
      expect(page.text).toMatch(new RegExp(`<option value="${request.id}" selected>`));
      const started = await web.post('/console/timer/start', {
        requestId: request.id,
        contractId: '',
        activityId: setup.activityId,
        urgency: 'normal',
        location: 'remote',
        description: 'Looking at the mail logs',
        billable: 'on',
      });
      expect(started.status).toBe(303);
      const running = await web.get('/console');
      expect(running.text).toMatch(/data-since="[^"]+Z"/);
      expect(running.text).toContain('Looking at the mail logs');
      expect(running.text).toContain('Demande : Mail bounces');
      const stopped = await web.post('/console/timer/stop', {});
      expect(stopped.status).toBe(200);
      expect(stopped.text).toContain('Chrono arrêté');
      // 30 minutes at least are billed, at 90 €/h.
      expect(stopped.text).toContain('45,00\u00a0€');
      const work = await t.dataSource
        .getRepository(Intervention)
        .findOneByOrFail({ requestId: request.id });
      expect(work).toMatchObject({ source: 'timer', billableMinutes: 30 });
      // Stopped now: the clock stands still, so the work ends where it began.
      expect(work.endedAt).toEqual(t.clock.now());
      expect(work.endedAt).toEqual(work.startedAt);
      expect((await web.get('/console')).text).not.toContain('data-since');
    });

    it('says which field is missing instead of starting', async () => {
      await web.get('/console');
      const res = await web.post('/console/timer/start', {
        requestId: '',
        contractId: '',
        activityId: setup.activityId,
        urgency: 'normal',
        location: 'remote',
      });
      expect(res.status).toBe(400);
      expect(summaryOf(res.text, 'timer')).toEqual([
        { href: '#timer-contractId', line: `Contrat\u00a0: ${fr('problem.isDefined', 'Contrat')}` },
      ]);
      expect(problemOf(res.text, 'timer-contractId')).toEqual({
        invalid: true,
        message: fr('problem.isDefined', 'Contrat'),
      });
    });
  });

  describe('quick log', () => {
    it('logs finished work and shows the derived figures and the guardrail warnings', async () => {
      await web.get('/console');
      const res = await web.post('/console/interventions', {
        startedAt: '2026-11-02T08:00',
        endedAt: '2026-11-02T19:00',
        requestId: '',
        contractId: setup.contract.id,
        activityId: setup.activityId,
        urgency: 'normal',
        location: 'onsite',
        description: 'Migration of the file server',
        billable: 'on',
      });
      expect(res.status).toBe(200);
      expect(res.text).toContain('Intervention enregistrée');
      expect(res.text).toContain('11 h');
      // 08:00-09:00 and 18:00-19:00 are outside business hours.
      expect(res.text).toMatch(/Hors heures ouvrées<\/th><td class="num">2 h</);
      expect(res.text).toContain('Maximum quotidien dépassé');
      // The figures in the reader's language, not the service's English sentence.
      expect(res.text).toContain('11 h le 02/11/2026, limite 10 h');
      expect(res.text).toContain('/console/week?date=2026-11-02');
    });

    it('keeps the typed values and names the problem when the service refuses', async () => {
      await web.get('/console');
      const res = await web.post('/console/interventions', {
        startedAt: '2026-11-02T10:00',
        endedAt: '2026-11-02T11:00',
        requestId: '',
        contractId: setup.contract.id,
        activityId: setup.activityId,
        urgency: 'normal',
        location: 'remote',
        description: 'Overlaps the migration',
      });
      expect(res.status).toBe(409);
      // The start falls within the 11-hour migration logged above: said beside it, in French.
      const [line] = summaryOf(res.text, 'log');
      expect(line.href).toBe('#log-startedAt');
      expect(line.line).toMatch(/^Début\u00a0: /);
      const start = problemOf(res.text, 'log-startedAt');
      expect(start.invalid).toBe(true);
      expect(start.message).not.toMatch(/overlaps/i);
      expect(res.text).toContain('value="2026-11-02T10:00"');
      expect(res.text).toContain('Overlaps the migration');
    });
  });

  describe('week view', () => {
    it('shows the week day by day with the limits as gauges and the warnings', async () => {
      const res = await web.get('/console/week?date=2026-11-04');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1>Semaine du 2 novembre au 8 novembre 2026</h1>');
      expect(res.text).toContain('<title>Semaine du 2 novembre · Gardefou</title>');
      // The 11-hour day logged above, over the 10-hour daily maximum.
      expect(res.text).toMatch(/id="day-2026-11-02">[^<]*— 11 h\s*<strong class="overdue">/);
      expect(res.text).toContain('Migration of the file server');
      const gauge = /<div class="card" id="gauge-week">[\s\S]*?<\/svg>/.exec(res.text)![0];
      expect(gauge).toContain('aria-label="Heures de la semaine: 11 h; alerte 40 h; maximum 48 h"');
      expect(gauge).toContain('dans les limites');
      const days = /<div class="card" id="chart-days">[\s\S]*?<\/svg>/.exec(res.text)![0];
      expect(days.match(/data-over="true"/g)).toHaveLength(1);
      expect(res.text).toMatch(
        /<ul class="stack plain-list" id="warnings">[\s\S]*Maximum quotidien dépassé/,
      );
      expect(res.text).toContain('href="/console/week?date=2026-10-26"');
    });

    it('refuses a date that is not a calendar day', async () => {
      const res = await web.get('/console/week?date=2026-02-30');
      expect(res.status).toBe(400);
      expect(res.text).toContain('<h1>Saisie invalide</h1>');
    });
  });

  describe('workload report', () => {
    it('draws the weekly hours against the limits, the activity mix and the risk with its reasons', async () => {
      const res = await web.get('/console/reports?from=2026-10-26&to=2026-11-08');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1>Rapport de charge</h1>');
      const weeks = /<div class="chart" id="chart-weeks">[\s\S]*?<\/svg>/.exec(res.text)![0];
      expect(weeks).toContain(
        'aria-label="Heures par semaine: 26 oct. 0 h, 2 nov. 11 h; alerte 40 h; maximum 48 h"',
      );
      expect(weeks.match(/data-limit="/g)).toHaveLength(2);
      expect(res.text).toMatch(/<div class="chart" id="chart-mix">[\s\S]*Support 100\u00a0%/);
      // One day of 11 h over the 10-hour daily maximum, the weeks within their limits: amber.
      const risk =
        /<section aria-labelledby="risk-h" class="card risk-(\w+)" id="risk">([\s\S]*?)<\/section>/.exec(
          res.text,
        )!;
      expect(risk[1]).toBe('amber');
      expect(risk[2]).toContain('<h2 id="risk-h">Niveau de risque : orange</h2>');
      expect([...risk[2].matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1])).toEqual([
        '11 h le 02/11/2026, limite 10 h',
      ]);
    });

    it('refuses a period that ends before it starts', async () => {
      const res = await web.get('/console/reports?from=2026-11-08&to=2026-10-26');
      expect(res.status).toBe(400);
      expect(res.text).toContain('Saisie invalide');
    });
  });

  describe('clients and contracts', () => {
    it('lists the clients with their active contracts', async () => {
      const res = await web.get('/console/clients');
      expect(res.status).toBe(200);
      expect(res.text).toContain(`<th scope="row">${setup.clientName}</th>`);
      expect(res.text).toContain(`/console/contracts?clientId=${setup.clientId}">1 actif(s)`);
    });

    it("lists the contracts with this month's usage and shows one contract's quotas", async () => {
      const list = await web.get(`/console/contracts?clientId=${setup.clientId}`);
      expect(list.status).toBe(200);
      // December so far: the timer's 30 minutes billed (its minimum) of the 10 hours included.
      const row = new RegExp(`<tr data-contract="${setup.contract.id}">[\\s\\S]*?</tr>`).exec(
        list.text,
      )?.[0];
      expect(row).toMatch(
        /0 h 30 utilisées sur 10 h\s*<div class="bar" role="img" aria-label="5 % consommé">/,
      );
      const one = await web.get(`/console/contracts/${setup.contract.id}?month=2026-11`);
      expect(one.status).toBe(200);
      expect(one.text).toContain('Consommation en novembre 2026');
      // The 11 h logged on 2 November; the timer ran in December.
      expect(one.text).toContain('11 h utilisées sur 10 h');
      expect(one.text).toMatch(/data-over="true"/);
      expect(one.text).toMatch(/<table id="quotas">[\s\S]*Critique[\s\S]*0 \/ 2/);
    });
  });

  describe('knowledge base editor', () => {
    const article = {
      title: 'Redémarrer le spouleur',
      bodyMarkdown: '1. Ouvrez **Services**\n2. Redémarrez\n\n<script>alert(1)</script>',
      tags: 'imprimante, Réseau',
      published: 'on',
    };

    it('previews the Markdown rendered safely without saving, then saves and lists it', async () => {
      await web.get('/console/kb/new');
      const preview = await web.post('/console/kb', { ...article, action: 'preview' });
      expect(preview.status).toBe(200);
      const shown = /<div class="preview article-body" id="preview">([\s\S]*?)<\/div>/.exec(
        preview.text,
      )![1];
      expect(shown).toContain('<strong>Services</strong>');
      expect(shown).not.toContain('<script>');
      expect(preview.text).toContain('value="Redémarrer le spouleur"');
      expect((await web.get('/console/kb')).text).toContain('Aucun article.');
      const saved = await web.post('/console/kb', { ...article, action: 'save' });
      expect(saved.status).toBe(303);
      expect(saved.headers.location).toMatch(/^\/console\/kb\/[0-9a-f-]{36}\?saved=1$/);
      const edit = await web.get(saved.headers.location);
      expect(edit.text).toContain('Article enregistré.');
      expect(edit.text).toContain('value="imprimante, réseau"');
      const list = await web.get('/console/kb');
      expect(list.text).toMatch(
        /Redémarrer le spouleur<\/a><\/th>\s*<td>imprimante, réseau<\/td>\s*<td><span class="badge ok">publié/,
      );
    });

    it('names the missing title instead of saving', async () => {
      await web.get('/console/kb/new');
      const res = await web.post('/console/kb', { ...article, title: '', action: 'save' });
      expect(res.status).toBe(400);
      expect(summaryOf(res.text, 'kb')).toEqual([
        { href: '#kb-title', line: `Titre\u00a0: ${fr('problem.isNotEmpty', 'Titre')}` },
      ]);
      expect(problemOf(res.text, 'kb-title').invalid).toBe(true);
      // The rest of the article as typed, its tags and its box ticked.
      expect(res.text).toContain('value="imprimante, Réseau"');
      expect(res.text).toMatch(/id="kb-published" name="published" checked/);
    });
  });

  describe('invoices', () => {
    it('builds a draft for a contract and a period, issues it, records a payment and serves its PDF', async () => {
      await web.get('/console/invoices');
      const built = await web.post('/console/invoices/drafts', {
        contractId: setup.contract.id,
        periodStart: '2026-11-01',
        periodEnd: '2026-11-30',
      });
      expect(built.status).toBe(303);
      const draftPath = built.headers.location;
      expect(draftPath).toMatch(/^\/console\/invoices\/[0-9a-f-]{36}$/);
      const draft = await web.get(draftPath);
      expect(draft.text).toContain('<h1>Brouillon de facture</h1>');
      // The retainer's monthly fee, then the 11 h of November beyond its 10 included hours.
      expect(draft.text).toMatch(/<table id="lines">[\s\S]*600,00\u00a0€/);
      const issued = await web.post(`${draftPath}/issue`, {});
      expect(issued.status).toBe(303);
      const invoice = await web.get(draftPath);
      const today = /name="paidOn" type="date" required value="([^"]+)"/.exec(invoice.text)![1];
      const number = /<h1>Facture (F\d{4}-\d{5})<\/h1>/.exec(invoice.text)?.[1];
      const stored = await t.dataSource
        .getRepository(Invoice)
        .findOneByOrFail({ id: draftPath.split('/').pop() });
      // The page heads with the number the issue gave the invoice.
      expect(stored.number).toMatch(/^F2026-\d{5}$/);
      expect(number).toBe(stored.number);
      expect(invoice.text).toContain('Émise');
      const paid = await web.post(`${draftPath}/payments`, {
        amount: '100,50',
        paidOn: today,
        method: 'transfer',
      });
      expect(paid.status).toBe(303);
      const after = await web.get(draftPath);
      expect(after.text).toContain('Partiellement payée');
      expect(after.text).toMatch(/<table id="payments">[\s\S]*100,50\u00a0€/);
      const pdf = await download(t, web, `${draftPath}/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toContain(number);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('refuses an overpayment beside the payment form, keeping the amount typed', async () => {
      const list = await web.get('/console/invoices');
      const id = /href="\/console\/invoices\/([0-9a-f-]{36})"/.exec(list.text)![1];
      const page = await web.get(`/console/invoices/${id}`);
      const today = /name="paidOn" type="date" required value="([^"]+)"/.exec(page.text)![1];
      const res = await web.post(`/console/invoices/${id}/payments`, {
        amount: '999999',
        paidOn: today,
        method: 'card',
      });
      expect(res.status).toBe(422);
      const [line] = summaryOf(res.text, 'pay');
      expect(line.href).toBe('#pay-amount');
      const amount = problemOf(res.text, 'pay-amount');
      expect(amount.invalid).toBe(true);
      expect(amount.message).not.toContain('exceeds the balance');
      expect(res.text).toContain('value="999999"');
      expect(res.text).toMatch(/<option value="card" selected>/);
    });

    it('cancels an invoice with a full credit note', async () => {
      const list = await web.get('/console/invoices');
      const id = /href="\/console\/invoices\/([0-9a-f-]{36})"/.exec(list.text)![1];
      await web.get(`/console/invoices/${id}`);
      const res = await web.post(`/console/invoices/${id}/credit`, { reason: 'Billed twice' });
      expect(res.status).toBe(303);
      const note = await web.get(res.headers.location);
      expect(note.text).toMatch(/<h1>Avoir AV\d{4}-\d{5}<\/h1>/);
    });
  });

  describe('every page', () => {
    it.each([
      '/console',
      '/console/week?date=2026-11-02',
      '/console/clients',
      '/console/contracts',
      '/console/invoices',
      '/console/reports?from=2026-10-26&to=2026-11-08',
      '/console/kb',
      '/console/kb/new',
      '/accounting',
    ])(
      '%s has one h1, a label on every field and its tables in a scrolling wrapper',
      async (path) => {
        const res = await web.get(path);
        expect(res.status).toBe(200);
        expect(res.text.match(/<h1[ >]/g)).toHaveLength(1);
        expect(unlabelled(res.text)).toEqual([]);
        const tables = res.text.match(/<table\b/g) ?? [];
        const wrapped = res.text.match(/<div class="table-wrap">\s*<table\b/g) ?? [];
        expect(wrapped).toHaveLength(tables.length);
      },
    );

    it('speaks English after the language switch', async () => {
      const english = new WebSession(t);
      await english.signIn('camille@example.fr', PASSWORD);
      await english.get('/lang/en');
      const res = await english.get('/console');
      expect(res.text).toContain('<h1>Inbox</h1>');
      expect(res.text).toContain('Open requests');
      expect(res.text).toMatch(/Overdue by \d+ h/);
    });
  });

  describe('access', () => {
    it('answers 403 to a client user and to an accountant', async () => {
      const client = await createUser(t, consultant, 'client', setup.clientId);
      const accountant = await createUser(t, consultant, 'accountant');
      for (const user of [client, accountant]) {
        const session = new WebSession(t);
        await session.signIn(user.email, PASSWORD);
        for (const path of ['/console', '/console/invoices']) {
          const res = await session.get(path);
          expect(res.status).toBe(403);
          expect(res.text).toContain('Accès refusé');
        }
      }
    });

    it('refuses a console form posted without its CSRF token', async () => {
      await web.get('/console');
      const res = await web.post('/console/timer/stop', {}, false);
      expect(res.status).toBe(403);
    });
  });
  describe('new client and new contract forms', () => {
    const client = {
      name: 'Cabinet Martin',
      siren: '',
      vatNumber: '',
      line1: '3 rue des Lilas',
      postalCode: '69003',
      city: 'Lyon',
      country: 'FR',
      billingEmail: 'compta@martin.example',
      locale: '',
    };
    const contract = (overrides: Record<string, string>) => ({
      clientId: setup.clientId,
      reference: 'WEB-RET-1',
      title: 'Support from the console',
      startDate: '2026-01-01',
      endDate: '',
      mode: 'retainer',
      feeTiming: 'arrears',
      monthlyFee: '750,50',
      includedHours: '10',
      prepaidHours: '',
      hourlyRate: '90',
      overageRate: '110.00',
      roundingMinutes: '15',
      minimumMinutes: '15',
      rolloverMonths: '0',
      paymentTermsDays: '',
      afterHoursAllowed: 'on',
      afterHoursSurchargePercent: '50',
      ...Object.fromEntries(
        ['low', 'normal', 'high', 'critical'].flatMap((u) => [
          [`${u}.response`, '4'],
          [`${u}.responseUnit`, 'hours'],
          [`${u}.clock`, 'business'],
          [`${u}.monthlyQuota`, u === 'critical' ? '2' : ''],
          [`${u}.surchargePercent`, '0'],
          [`${u}.overQuota`, 'reject'],
          [`${u}.overageFee`, ''],
        ]),
      ),
      ...overrides,
    });

    it('creates a client through the form, which then appears in the list', async () => {
      await web.get('/console/clients');
      const res = await web.post('/console/clients', client);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/console/clients');
      const list = await web.get('/console/clients');
      expect(list.text).toContain('<th scope="row">Cabinet Martin</th>');
      expect(list.text).toContain('69003 Lyon');
    });

    it('re-renders the client form naming the SIREN and keeping the typed name', async () => {
      await web.get('/console/clients');
      const res = await web.post('/console/clients', {
        ...client,
        name: 'Boulangerie Erreur',
        siren: '123456789',
      });
      expect(res.status).toBe(400);
      expect(summaryOf(res.text, 'nc')).toEqual([
        { href: '#nc-siren', line: `SIREN\u00a0: ${fr('problem.isSiren', 'SIREN')}` },
      ]);
      expect(problemOf(res.text, 'nc-siren')).toEqual({
        invalid: true,
        message: fr('problem.isSiren', 'SIREN'),
      });
      expect(invalidInputs(res.text)).toEqual(['nc-siren']);
      expect(res.text).toContain('value="Boulangerie Erreur"');
      expect(res.text).toContain('value="123456789"');
    });

    it('offers sensible defaults on the contract form', async () => {
      const res = await web.get('/console/contracts');
      expect(res.text).toContain('name="monthlyFee" inputmode="decimal" size="8" value="600"');
      expect(res.text).toMatch(/name="critical.monthlyQuota"[^>]*value="2"/);
    });

    it('creates a retainer through the form and shows its page', async () => {
      await web.get('/console/contracts');
      const res = await web.post('/console/contracts', contract({}));
      expect(res.status).toBe(303);
      const location = String(res.headers.location);
      expect(location).toMatch(/^\/console\/contracts\/[0-9a-f-]{36}$/);
      const page = await web.get(location);
      expect(page.status).toBe(200);
      expect(page.text).toContain('WEB-RET-1');
      const stored = await t
        .http()
        .get(`/api/contracts/${location.split('/').pop()}`)
        .set('Authorization', `Bearer ${consultant}`);
      expect(stored.body.billing).toMatchObject({
        monthlyFeeCents: 75050,
        includedMinutesPerMonth: 600,
        hourlyRateCents: 9000,
        overageRateCents: 11000,
        feeTiming: 'arrears',
      });
      expect(stored.body.urgencyPolicy.levels.critical.monthlyQuota).toBe(2);
      expect(stored.body.urgencyPolicy.levels.low.monthlyQuota).toBeNull();
    });

    it('bills a retainer’s fee in advance when the form says so, as the API then reads it', async () => {
      const form = await web.get('/console/contracts');
      expect(form.text).toMatch(
        /<select id="nk-feeTiming" name="feeTiming"[^>]*>\s*<option value="arrears" selected>À terme échu \(après le mois\)<\/option>\s*<option value="advance">À échoir \(au début du mois\)<\/option>/,
      );
      const res = await web.post(
        '/console/contracts',
        contract({ reference: 'WEB-ADV-1', feeTiming: 'advance' }),
      );
      expect(res.status).toBe(303);
      const id = String(res.headers.location).split('/').pop();
      const stored = await t
        .http()
        .get(`/api/contracts/${id}`)
        .set('Authorization', `Bearer ${consultant}`)
        .expect(200);
      expect(stored.body.billing).toMatchObject({ mode: 'retainer', feeTiming: 'advance' });
      const page = await web.get(`/console/contracts/${id}`);
      expect(page.text).toContain(
        '<dt>Facturation du forfait</dt><dd id="fee-timing">À échoir (au début du mois)</dd>',
      );
      const english = new WebSession(t);
      await english.signIn('camille@example.fr', PASSWORD);
      await english.get('/lang/en');
      const inEnglish = await english.get(`/console/contracts/${id}`);
      expect(inEnglish.text).toContain(
        '<dt>Fee timing</dt><dd id="fee-timing">In advance (at the start of the month)</dd>',
      );
    });

    it('refuses a fee billed in advance on prepaid hours, naming the field', async () => {
      await web.get('/console/contracts');
      const res = await web.post(
        '/console/contracts',
        contract({
          reference: 'WEB-PRE-1',
          mode: 'prepaid',
          monthlyFee: '',
          includedHours: '',
          prepaidHours: '20',
          feeTiming: 'advance',
        }),
      );
      expect(res.status).toBe(400);
      expect(summaryOf(res.text, 'nk').map((p) => p.href)).toEqual(['#nk-feeTiming']);
      expect(problemOf(res.text, 'nk-feeTiming').invalid).toBe(true);
      expect(res.text).toMatch(/<option value="advance" selected>/);
      const list = await web.get('/console/contracts');
      expect(list.text).not.toContain('WEB-PRE-1');
    });

    it('refuses a retainer without a monthly fee, naming the field and keeping the form', async () => {
      await web.get('/console/contracts');
      const res = await web.post(
        '/console/contracts',
        contract({ reference: 'WEB-RET-2', monthlyFee: '' }),
      );
      expect(res.status).toBe(400);
      expect(summaryOf(res.text, 'nk').map((p) => p.href)).toEqual(['#nk-monthlyFee']);
      expect(summaryOf(res.text, 'nk')[0].line).toMatch(/^Forfait mensuel \(€\)\u00a0: /);
      expect(problemOf(res.text, 'nk-monthlyFee').invalid).toBe(true);
      expect(res.text).toContain('value="WEB-RET-2"');
      const list = await web.get('/console/contracts');
      expect(list.text).not.toContain('WEB-RET-2');
    });

    it('says a negative fee once, beside the fee, and keeps every field as typed', async () => {
      await web.get('/console/contracts');
      const res = await web.post(
        '/console/contracts',
        contract({
          reference: 'WEB-NEG-1',
          monthlyFee: '-50',
          feeTiming: 'advance',
          afterHoursAllowed: '',
          'high.clock': '24x7',
          'low.overQuota': 'overage',
        }),
      );
      expect(res.status).toBe(400);
      const fee = problemOf(res.text, 'nk-monthlyFee');
      expect(fee).toEqual({
        invalid: true,
        message: fr('problem.min', 'Forfait mensuel', { min: 0, unit: 'cents' }),
      });
      expect(summaryOf(res.text, 'nk')).toEqual([
        { href: '#nk-monthlyFee', line: `Forfait mensuel (€)\u00a0: ${fee.message}` },
      ]);
      expect(invalidInputs(res.text)).toEqual(['nk-monthlyFee']);
      expect(res.text).toContain('name="monthlyFee" inputmode="decimal" size="8" value="-50"');
      expect(res.text).toContain('value="WEB-NEG-1"');
      expect(res.text).toMatch(/<option value="advance" selected>/);
      expect(res.text).toMatch(/id="nk-afterHoursAllowed" name="afterHoursAllowed">/);
      expect(res.text).toMatch(
        /<select id="nk-high-clock" name="high.clock">\s*<option value="business">[^<]*<\/option><option value="24x7" selected>/,
      );
      expect(res.text).toMatch(/<option value="overage" selected>/);
      expect(res.text).toMatch(new RegExp(`<option value="${setup.clientId}" selected>`));
    });

    it('says an amount that is not one in euros, and a count of hours in hours', async () => {
      await web.get('/console/contracts');
      const res = await web.post(
        '/console/contracts',
        contract({ reference: 'WEB-NAN-1', hourlyRate: '90 euros', includedHours: 'dix' }),
      );
      expect(res.status).toBe(400);
      expect(summaryOf(res.text, 'nk').map((p) => p.href)).toEqual([
        '#nk-includedHours',
        '#nk-hourlyRate',
      ]);
      expect(problemOf(res.text, 'nk-hourlyRate').message).toBe(
        fr('problem.form.amount', 'Taux horaire'),
      );
      expect(problemOf(res.text, 'nk-includedHours').message).toBe(
        fr('problem.form.hours', 'Temps inclus par mois'),
      );
    });

    it('speaks English on an English page, every word of the refusal', async () => {
      const english = new WebSession(t);
      await english.signIn('camille@example.fr', PASSWORD);
      await english.get('/lang/en');
      await english.get('/console/clients');
      const res = await english.post('/console/clients', { ...client, name: '', siren: '12' });
      expect(res.status).toBe(400);
      const en = (key: string, field: string) => catalogue().format('en', key, { field });
      expect(summaryOf(res.text, 'nc')).toEqual([
        { href: '#nc-name', line: `Name: ${en('problem.isNotEmpty', 'Name')}` },
        { href: '#nc-siren', line: `SIREN: ${en('problem.isSiren', 'SIREN')}` },
      ]);
      expect(res.text).toContain('<p><strong>Nothing was saved:</strong></p>');
      expect(problemOf(res.text, 'nc-name')).toEqual({
        invalid: true,
        message: en('problem.isNotEmpty', 'Name'),
      });
      expect(res.text).toContain('<span class="sr-only">Error: </span>');
    });

    it('refuses a new-client form posted without its CSRF token', async () => {
      await web.get('/console/clients');
      const res = await web.post('/console/clients', { ...client, name: 'Sans jeton' }, false);
      expect(res.status).toBe(403);
      const list = await web.get('/console/clients');
      expect(list.text).not.toContain('Sans jeton');
    });
  });
});
