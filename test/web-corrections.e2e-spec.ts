import { startTestApp, TestApp } from './app';
import {
  bearer,
  createActivity,
  createClient,
  createUser,
  PASSWORD,
  setupConsultant,
} from './factories';
import { createContract } from './factories/contracts';
import { interventionInput, logIntervention, supportSetup } from './factories/interventions';
import { invalidInputs, problemOf, summaryOf } from './support/form-problems';
import { WebSession } from './support/web';
import { catalogue } from '../src/i18n';

interface ManualLineRead {
  kind: string;
  description: string;
  quantity: number;
  unit: string;
  unitPriceCents: number;
  amountCents: number;
}

/** A problem's words on a French page, for a field so labelled. */
const fr = (key: string, field: string, values: Record<string, string | number> = {}): string =>
  catalogue().format('fr', key, { field, ...values });

/** Text as the page escaped it in an attribute. */
const decode = (html: string): string =>
  html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The value of the input `id` as the page shows it. */
function valueOf(html: string, id: string): string | undefined {
  const tag = new RegExp(`<input\\b[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
  return tag ? /\bvalue="([^"]*)"/.exec(tag)?.[1] : undefined;
}

/** The option selected in the select `id`. */
function selectedIn(html: string, id: string): string | undefined {
  const select = new RegExp(`<select\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  return select ? /<option value="([^"]*)" selected>/.exec(select[1])?.[1] : undefined;
}

describe('web pages: corrections from the console', () => {
  let t: TestApp;
  let consultant: string;
  let web: WebSession;

  const api = (path: string) =>
    t
      .http()
      .get(path)
      .set(...bearer(consultant));

  beforeAll(async () => {
    // Wednesday 2 December 2026, 10:00 in Paris.
    t = await startTestApp({}, { now: '2026-12-02T10:00:00+01:00' });
    consultant = await setupConsultant(t);
    web = new WebSession(t);
    await web.signIn('camille@example.fr', PASSWORD);
  });
  afterAll(() => t.close());

  /** The client's edit form as first shown, every field as stored. */
  const clientForm = (html: string): Record<string, string> =>
    Object.fromEntries(
      ['name', 'siren', 'vatNumber', 'line1', 'postalCode', 'city', 'country', 'billingEmail'].map(
        (k) => [k, valueOf(html, `ec-${k}`) ?? ''],
      ),
    );

  describe('clients', () => {
    it('changes a client, removes its SIREN, and the API reads the change', async () => {
      const client = await createClient(t, consultant, { name: 'Garage Dupuis' });
      const list = await web.get('/console/clients');
      expect(list.text).toContain(`href="/console/clients/${client.id}"`);
      const page = await web.get(`/console/clients/${client.id}`);
      expect(page.status).toBe(200);
      const form = clientForm(page.text);
      expect(form.name).toBe('Garage Dupuis');
      const res = await web.post(`/console/clients/${client.id}`, {
        ...form,
        name: 'Garage Dupuis et Fils',
        siren: '',
        city: 'Villeurbanne',
        locale: 'en',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/console/clients');
      const stored = await api(`/api/clients/${client.id}`).expect(200);
      expect(stored.body).toMatchObject({
        name: 'Garage Dupuis et Fils',
        siren: null,
        locale: 'en',
        address: { city: 'Villeurbanne' },
      });
    });

    it('says a wrong e-mail beside its field and keeps what was typed', async () => {
      const client = await createClient(t, consultant);
      const page = await web.get(`/console/clients/${client.id}`);
      const res = await web.post(`/console/clients/${client.id}`, {
        ...clientForm(page.text),
        name: 'Nom tapé',
        billingEmail: 'pas-un-email',
      });
      expect(res.status).toBe(400);
      expect(invalidInputs(res.text)).toEqual(['ec-billingEmail']);
      expect(problemOf(res.text, 'ec-billingEmail')).toEqual({
        invalid: true,
        message: fr('problem.isEmail', 'E-mail de facturation'),
      });
      expect(summaryOf(res.text, 'ec').map((p) => p.href)).toEqual(['#ec-billingEmail']);
      expect(valueOf(res.text, 'ec-name')).toBe('Nom tapé');
      const stored = await api(`/api/clients/${client.id}`).expect(200);
      expect(stored.body.billingEmail).toBe('compta@client.example');
    });

    it('archives a client with a contract, which leaves the list and the API’s active clients', async () => {
      const client = await createClient(t, consultant, { name: 'Imprimerie Vidal' });
      await createContract(t, consultant, client.id);
      await web.get(`/console/clients/${client.id}`);
      const res = await web.post(`/console/clients/${client.id}/archive`, {});
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/console/clients');
      const list = await web.get('/console/clients');
      expect(list.text).not.toContain('Imprimerie Vidal');
      const archived = await api('/api/clients?archived=true').expect(200);
      expect(archived.body.items.map((c: { id: string }) => c.id)).toContain(client.id);
      const page = await web.get(`/console/clients/${client.id}`);
      expect(page.text).toContain('id="archived"');
    });
  });

  describe('contracts', () => {
    it('changes the urgency policy in hours and days, stored in minutes, an empty quota unlimited', async () => {
      const client = await createClient(t, consultant);
      const contract = await createContract(t, consultant, client.id, {
        reference: 'EDIT-1',
        billing: { activityRates: [] },
      });
      const page = await web.get(`/console/contracts/${contract.id}/edit`);
      expect(page.status).toBe(200);
      // 480 minutes are shown as 8 hours; the critical level's quota of 2 as typed.
      expect(valueOf(page.text, 'ek-low-response')).toBe('8');
      expect(selectedIn(page.text, 'ek-low-responseUnit')).toBe('hours');
      expect(valueOf(page.text, 'ek-critical-monthlyQuota')).toBe('2');
      // An empty quota says so in words.
      expect(page.text).toMatch(/id="ek-low-monthlyQuota"[^>]*placeholder="illimité"/);
      expect(page.text).toContain('<span class="muted quota-unlimited">illimité</span>');
      const form = formOf(page.text);
      const res = await web.post(`/console/contracts/${contract.id}`, {
        ...form,
        title: 'Support étendu',
        'low.response': '2',
        'low.responseUnit': 'days',
        'normal.response': '1,5',
        'normal.responseUnit': 'hours',
        'critical.monthlyQuota': '',
        monthlyFee: '650,50',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/console/contracts/${contract.id}`);
      const stored = await api(`/api/contracts/${contract.id}`).expect(200);
      expect(stored.body.title).toBe('Support étendu');
      expect(stored.body.billing.monthlyFeeCents).toBe(65050);
      expect(stored.body.urgencyPolicy.levels.low.responseMinutes).toBe(2880);
      expect(stored.body.urgencyPolicy.levels.normal.responseMinutes).toBe(90);
      expect(stored.body.urgencyPolicy.levels.critical.monthlyQuota).toBeNull();
      const again = await web.get(`/console/contracts/${contract.id}/edit`);
      expect(valueOf(again.text, 'ek-low-response')).toBe('2');
      expect(selectedIn(again.text, 'ek-low-responseUnit')).toBe('days');
      expect(valueOf(again.text, 'ek-normal-response')).toBe('1,5');
      const shown = await web.get(`/console/contracts/${contract.id}`);
      expect(shown.text).toContain('2 jours (');
    });

    it('says a response time that is no number, and a negative one, beside their fields', async () => {
      const client = await createClient(t, consultant);
      const contract = await createContract(t, consultant, client.id);
      const page = await web.get(`/console/contracts/${contract.id}/edit`);
      const res = await web.post(`/console/contracts/${contract.id}`, {
        ...formOf(page.text),
        'high.response': 'deux',
        'critical.response': '0',
        'critical.responseUnit': 'days',
      });
      expect(res.status).toBe(400);
      expect(invalidInputs(res.text)).toEqual(['ek-high-response', 'ek-critical-response']);
      expect(problemOf(res.text, 'ek-high-response').message).toBe(
        fr('problem.form.duration', 'Délai de réponse'),
      );
      expect(problemOf(res.text, 'ek-critical-response').invalid).toBe(true);
      expect(summaryOf(res.text, 'ek')[0].line).toMatch(/^Haute — Délai de réponse\u00a0: /);
      expect(valueOf(res.text, 'ek-high-response')).toBe('deux');
      const stored = await api(`/api/contracts/${contract.id}`).expect(200);
      expect(stored.body.urgencyPolicy.levels.high.responseMinutes).toBe(120);
    });

    it('archives a contract with work behind it', async () => {
      const client = await createClient(t, consultant);
      const contract = await createContract(t, consultant, client.id, { reference: 'ARCH-1' });
      await t
        .http()
        .post('/api/requests')
        .set(...bearer(consultant))
        .send({ contractId: contract.id, title: 'VPN', description: 'down', urgency: 'normal' })
        .expect(201);
      await web.get(`/console/contracts/${contract.id}/edit`);
      const res = await web.post(`/console/contracts/${contract.id}/archive`, {});
      expect(res.status).toBe(303);
      const stored = await api(`/api/contracts/${contract.id}`).expect(200);
      expect(stored.body.standing).toBe('archived');
    });
  });

  describe('draft lines', () => {
    let draftId: string;
    /** The draft's manual lines as the API reads them. */
    const manualLines = async () =>
      ((await api(`/api/invoices/${draftId}`).expect(200)).body.lines as ManualLineRead[]).filter(
        (l) => l.kind === 'manual',
      );

    beforeAll(async () => {
      const setup = await supportSetup(t, consultant, {
        billing: {
          mode: 'time_and_materials',
          monthlyFeeCents: undefined,
          includedMinutesPerMonth: undefined,
          overageRateCents: undefined,
        },
      });
      await logIntervention(
        t,
        consultant,
        interventionInput(setup.contract.id, setup.activityId),
      ).expect(201);
      const draft = await t
        .http()
        .post('/api/invoices/drafts')
        .set(...bearer(consultant))
        .send({ contractId: setup.contract.id, periodStart: '2026-11-01', periodEnd: '2026-11-30' })
        .expect(201);
      draftId = draft.body.id as string;
    });

    it('adds a line, changes it, then removes it, each read back through the API', async () => {
      await web.get(`/console/invoices/${draftId}`);
      const added = await web.post(`/console/invoices/${draftId}/lines`, {
        line: '',
        description: 'Déplacement sur site',
        quantity: '1,5',
        unit: 'unit',
        unitPrice: '45,50',
        vatRate: '',
      });
      expect(added.status).toBe(303);
      expect(await manualLines()).toMatchObject([
        {
          description: 'Déplacement sur site',
          quantity: 1.5,
          unitPriceCents: 4550,
          amountCents: 6825,
        },
      ]);
      const page = await web.get(`/console/invoices/${draftId}`);
      expect(page.text).toMatch(/<tr data-manual-line="0">[\s\S]*?Déplacement sur site/);
      const editing = await web.get(`/console/invoices/${draftId}?line=0`);
      expect(valueOf(editing.text, 'dl-description')).toBe('Déplacement sur site');
      expect(valueOf(editing.text, 'dl-quantity')).toBe('1,5');
      expect(valueOf(editing.text, 'dl-unitPrice')).toBe('45,5');
      const changed = await web.post(`/console/invoices/${draftId}/lines`, {
        line: '0',
        description: 'Déplacement à Lyon',
        quantity: '2',
        unit: 'event',
        unitPrice: '60',
        vatRate: '',
      });
      expect(changed.status).toBe(303);
      expect(await manualLines()).toMatchObject([
        { description: 'Déplacement à Lyon', quantity: 2, unit: 'event', amountCents: 12000 },
      ]);
      await web.get(`/console/invoices/${draftId}`);
      const removed = await web.post(`/console/invoices/${draftId}/lines/delete`, { line: '0' });
      expect(removed.status).toBe(303);
      expect(await manualLines()).toEqual([]);
    });

    it('says a negative quantity and a price that is no amount beside their fields, keeping the line', async () => {
      await web.get(`/console/invoices/${draftId}`);
      const res = await web.post(`/console/invoices/${draftId}/lines`, {
        line: '',
        description: 'Câble',
        quantity: '-1',
        unit: 'unit',
        unitPrice: 'douze',
        vatRate: '',
      });
      expect(res.status).toBe(400);
      expect(invalidInputs(res.text)).toEqual(['dl-quantity', 'dl-unitPrice']);
      expect(problemOf(res.text, 'dl-unitPrice').message).toBe(
        fr('problem.form.amount', 'Prix unitaire'),
      );
      expect(problemOf(res.text, 'dl-quantity').message).toBe(
        fr('problem.min', 'Quantité', { min: 0, unit: 'none' }),
      );
      expect(valueOf(res.text, 'dl-description')).toBe('Câble');
      expect(await manualLines()).toEqual([]);
    });

    it('answers 404 for a line the draft does not have', async () => {
      const res = await web.get(`/console/invoices/${draftId}?line=7`);
      expect(res.status).toBe(404);
    });
  });

  describe('partial credit notes', () => {
    let invoice: { id: string; lines: { amountCents: number; interventionIds: string[] }[] };

    beforeAll(async () => {
      const setup = await supportSetup(t, consultant, {
        billing: {
          mode: 'time_and_materials',
          monthlyFeeCents: undefined,
          includedMinutesPerMonth: undefined,
          overageRateCents: undefined,
        },
      });
      const training = await createActivity(t, consultant, { name: 'Formation', kind: 'training' });
      for (const [activityId, day] of [
        [setup.activityId, '2026-11-03'],
        [training.id, '2026-11-04'],
      ]) {
        await logIntervention(
          t,
          consultant,
          interventionInput(setup.contract.id, activityId, {
            startedAt: `${day}T10:00:00+01:00`,
            endedAt: `${day}T11:00:00+01:00`,
          }),
        ).expect(201);
      }
      const draft = await t
        .http()
        .post('/api/invoices/drafts')
        .set(...bearer(consultant))
        .send({ contractId: setup.contract.id, periodStart: '2026-11-01', periodEnd: '2026-11-30' })
        .expect(201);
      const issued = await t
        .http()
        .post(`/api/invoices/${draft.body.id}/issue`)
        .set(...bearer(consultant))
        .expect(200);
      invoice = issued.body;
      expect(invoice.lines.length).toBeGreaterThanOrEqual(2);
    });

    it('says an amount above what a line has left beside that line, and one that is no amount', async () => {
      await web.get(`/console/invoices/${invoice.id}`);
      const res = await web.post(`/console/invoices/${invoice.id}/credit`, {
        scope: 'lines',
        'amount.0': 'trois',
        'amount.1': String((invoice.lines[1].amountCents + 100) / 100).replace('.', ','),
        reason: 'Geste commercial',
      });
      expect(res.status).toBe(400);
      expect(problemOf(res.text, 'credit-amount-0').message).toBe(
        fr('problem.form.amount', 'Montant'),
      );
      expect(valueOf(res.text, 'credit-amount-0')).toBe('trois');
      const over = await web.post(`/console/invoices/${invoice.id}/credit`, {
        scope: 'lines',
        'amount.1': String((invoice.lines[1].amountCents + 100) / 100).replace('.', ','),
      });
      expect(over.status).toBe(422);
      expect(invalidInputs(over.text)).toEqual(['credit-amount-1']);
      expect(problemOf(over.text, 'credit-amount-1').message).toMatch(
        /^La ligne 2 n’a plus que 90,00\s€ à créditer/,
      );
      const notes = await api(`/api/invoices?kind=credit_note`).expect(200);
      expect(notes.body.total).toBe(0);
    });

    it('credits one line in full and gives its work back, the other line kept', async () => {
      const [first, second] = invoice.lines;
      await web.get(`/console/invoices/${invoice.id}`);
      const res = await web.post(`/console/invoices/${invoice.id}/credit`, {
        scope: 'lines',
        'amount.0': String(first.amountCents / 100).replace('.', ','),
        reason: 'Formation non faite',
        releaseInterventions: 'on',
      });
      expect(res.status).toBe(303);
      const noteId = String(res.headers.location).split('/').pop();
      const note = await api(`/api/invoices/${noteId}`).expect(200);
      expect(note.body.kind).toBe('credit_note');
      expect(note.body.totals.netCents).toBe(-first.amountCents);
      const given = await api(`/api/interventions/${first.interventionIds[0]}`).expect(200);
      expect(given.body.invoiceId).toBeNull();
      const kept = await api(`/api/interventions/${second.interventionIds[0]}`).expect(200);
      expect(kept.body.invoiceId).toBe(invoice.id);
      const after = await api(`/api/invoices/${invoice.id}`).expect(200);
      expect(after.body.status).not.toBe('cancelled');
    });
  });

  describe('import', () => {
    const header =
      'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';
    let contractId: string;
    let activityName: string;
    const csv = (): string =>
      [
        header,
        `Camille,camille@example.fr,Librairie Import,Parc,${activityName},Imprimante,Yes,2026-11-09,09:00:00,2026-11-09,09:45:00,00:45:00,,`,
        `Camille,camille@example.fr,Librairie Import,Parc,${activityName},Heures inversées,Yes,2026-11-09,12:00:00,2026-11-09,11:00:00,-01:00:00,,`,
        `Camille,camille@example.fr,Librairie Import,Parc,${activityName},Sauvegarde,Yes,2026-11-10,14:00:00,2026-11-10,15:00:00,01:00:00,,`,
      ].join('\n');
    const recorded = async (): Promise<number> =>
      (await api(`/api/interventions?contractId=${contractId}`).expect(200)).body.total as number;

    /** The refused lines as the report's table shows them: code, line and reason. */
    const refusedRows = (html: string) =>
      [
        ...html.matchAll(
          /<tr data-code="([^"]+)"><td class="num">(\d+)<\/td><td>([^<]*)<\/td><\/tr>/g,
        ),
      ].map((m) => ({ code: m[1], row: m[2], reason: decode(m[3]) }));

    /** The upload form posted as a browser does: multipart, its token in the action's query. */
    const upload = async (session: WebSession, file: string | Buffer, token = session.csrf()) => {
      const cookies = (session as unknown as { cookieHeader(): string }).cookieHeader();
      const res = await t
        .http()
        .post(`/console/import?_csrf=${encodeURIComponent(token)}`)
        .set('Cookie', cookies)
        .field('source', 'toggl')
        .field('dateFormat', '')
        .field('activityId', '')
        .field('urgency', 'normal')
        .attach('file', typeof file === 'string' ? Buffer.from(file, 'utf8') : file, {
          filename: 'export.csv',
          contentType: 'text/csv',
        });
      session.lastHtml = res.text;
      return res;
    };

    beforeAll(async () => {
      const client = await createClient(t, consultant, { name: 'Librairie Import' });
      contractId = (await createContract(t, consultant, client.id)).id;
      activityName = `Support import`;
      await createActivity(t, consultant, { name: activityName });
    });

    it('checks the file without writing, says each refused line, then imports once confirmed', async () => {
      await web.get('/console/import');
      const checked = await upload(web, csv());
      expect(checked.status).toBe(200);
      expect(checked.text).toContain('2 lignes acceptées, 1 refusée.');
      expect(checked.text).toMatch(/<table id="refused">[\s\S]*<td class="num">3<\/td>/);
      expect(refusedRows(checked.text)).toEqual([
        {
          code: 'end_not_after_start',
          row: '3',
          reason: catalogue().format('fr', 'import.refused.end_not_after_start', {
            startColumn: 'Start date/Start time',
            endColumn: 'End date/End time',
            start: '09/11/2026 12:00',
            end: '09/11/2026 11:00',
          }),
        },
      ]);
      expect(await recorded()).toBe(0);
      const confirm =
        /<form method="post" action="\/console\/import\/confirm"[\s\S]*?<\/form>/.exec(
          checked.text,
        )![0];
      const hidden = Object.fromEntries(
        [...confirm.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
          .filter((m) => m[1] !== '_csrf')
          .map((m) => [m[1], decode(m[2])]),
      );
      expect(hidden.csv).toBe(csv());
      // All or nothing: while a line is refused, nothing is written unless asked.
      const refused = await web.post('/console/import/confirm', hidden);
      expect(refused.status).toBe(422);
      expect(await recorded()).toBe(0);
      const done = await web.post('/console/import/confirm', { ...hidden, skipInvalid: 'on' });
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe('/console/import?created=2');
      expect(await recorded()).toBe(2);
      const page = await web.get('/console/import?created=2');
      expect(page.text).toContain('2 interventions importées.');
    });

    it('says each refused line in the page’s language: French, then English', async () => {
      // Other days than those imported above, so that no line overlaps them.
      const file = csv()
        .replaceAll('2026-11-09', '2026-11-16')
        .replaceAll('2026-11-10', '2026-11-17');
      const session = new WebSession(t);
      await session.signIn('camille@example.fr', PASSWORD);
      await session.get('/console/import');
      const french = await upload(session, file);
      await session.get('/lang/en');
      await session.get('/console/import');
      const english = await upload(session, file);
      expect(french.status).toBe(200);
      expect(english.status).toBe(200);
      expect(refusedRows(french.text)).toEqual([
        {
          code: 'end_not_after_start',
          row: '3',
          reason:
            'End date/End time 16/11/2026 11:00 ne vient pas après Start date/Start time 16/11/2026 12:00',
        },
      ]);
      expect(refusedRows(english.text)).toEqual([
        {
          code: 'end_not_after_start',
          row: '3',
          reason:
            'End date/End time 16 Nov 2026 11:00 is not after Start date/Start time 16 Nov 2026 12:00',
        },
      ]);
      expect(english.text).toContain('2 lines accepted, 1 refused.');
    });

    it('reads a file saved in Latin-1, and says one that changes encoding beside the file input, with the line', async () => {
      const before = await recorded();
      await web.get('/console/import');
      const latin1 = Buffer.from(csv().replace('Imprimante', 'Imprimante réseau'), 'latin1');
      const read = await upload(web, latin1);
      expect(read.status).toBe(200);
      expect(read.text).toContain('data-encoding="ISO-8859-1"');
      const mixed = Buffer.concat([Buffer.from(`${csv()}\nÉté,`), Buffer.from('Café\n', 'latin1')]);
      const res = await upload(web, mixed);
      expect(res.status).toBe(400);
      expect(invalidInputs(res.text)).toEqual(['im-file']);
      expect(problemOf(res.text, 'im-file').message).toBe(
        catalogue().format('fr', 'problem.file_encoding', { line: 5 }),
      );
      expect(await recorded()).toBe(before);
    });

    it('says a file that is no export of the tool beside the file input', async () => {
      await web.get('/console/import');
      const res = await upload(web, 'Nom;Prénom\nDupont;Jean');
      expect(res.status).toBe(400);
      expect(invalidInputs(res.text)).toEqual(['im-file']);
      expect(problemOf(res.text, 'im-file').message).toMatch(
        /^Il manque des colonnes d’un export Toggl/,
      );
    });

    it('refuses an upload without its form token', async () => {
      await web.get('/console/import');
      const res = await upload(web, csv(), 'not-the-token');
      expect(res.status).toBe(403);
      expect(await recorded()).toBe(2);
    });
  });

  describe('chain check', () => {
    it('shows the chain of issued documents intact, as the API verifies it, to the accountant too', async () => {
      const fromApi = await api('/api/invoices/verify-chain').expect(200);
      expect(fromApi.body.ok).toBe(true);
      expect(fromApi.body.checked).toBeGreaterThan(0);
      const index = await web.get('/accounting');
      expect(index.text).toContain('href="/accounting/chain"');
      const res = await web.get('/accounting/chain');
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/id="chain-result" data-chain="intact">/);
      expect(res.text).toContain(
        catalogue().format('fr', 'corrections.chain.intact', { n: fromApi.body.checked }),
      );
      const accountant = await createUser(t, consultant, 'accountant');
      const session = new WebSession(t);
      await session.signIn(accountant.email, PASSWORD);
      await session.get('/lang/en');
      const inEnglish = await session.get('/accounting/chain');
      expect(inEnglish.status).toBe(200);
      expect(inEnglish.text).toContain(
        catalogue().format('en', 'corrections.chain.intact', { n: fromApi.body.checked }),
      );
    });

    it('names the first document whose content no longer matches its hash', async () => {
      const postgres = t.db.kind === 'postgres';
      const sql = (query: string, params: unknown[] = []) =>
        t.dataSource.query(postgres ? query.replace('?', '$1') : query, params);
      const [doc] = (await sql(
        'SELECT id, number FROM invoices WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" LIMIT 1',
      )) as { id: string; number: string }[];
      // Someone with database access disables the guard and lowers an amount.
      await sql(
        postgres
          ? 'DROP TRIGGER invoices_frozen ON invoices'
          : 'DROP TRIGGER invoices_frozen_update',
      );
      await sql('UPDATE invoices SET "grossCents" = "grossCents" - 100 WHERE id = ?', [doc.id]);
      const res = await web.get('/accounting/chain');
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/id="chain-result" data-chain="broken">/);
      expect(res.text).toContain(`Chaîne rompue au document ${doc.number}`);
      const fromApi = await api('/api/invoices/verify-chain').expect(200);
      expect(fromApi.body).toMatchObject({ ok: false, firstBrokenNumber: doc.number });
    });
  });

  describe('access', () => {
    it('refuses the correction pages and forms to a client user', async () => {
      const client = await createClient(t, consultant);
      const contract = await createContract(t, consultant, client.id);
      const user = await createUser(t, consultant, 'client', client.id);
      const session = new WebSession(t);
      await session.signIn(user.email, PASSWORD);
      for (const path of [
        `/console/clients/${client.id}`,
        `/console/contracts/${contract.id}/edit`,
      ]) {
        expect((await session.get(path)).status).toBe(403);
      }
      await session.get('/portal');
      const posted = await session.post(`/console/contracts/${contract.id}/archive`, {});
      expect(posted.status).toBe(403);
      const stored = await api(`/api/contracts/${contract.id}`).expect(200);
      expect(stored.body.standing).not.toBe('archived');
    });
  });
});

/** Every input and select of the edit form, as the page shows it. */
function formOf(html: string): Record<string, string> {
  const form =
    /<form method="post" action="\/console\/contracts\/[^"]+" class="stack" id="edit-contract"[\s\S]*?<\/form>/.exec(
      html,
    )?.[0];
  if (!form) throw new Error('no edit form');
  const values: Record<string, string> = {};
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    if (!name || name === '_csrf') continue;
    if (/type="checkbox"/.test(m[0])) {
      if (/\bchecked\b/.test(m[0])) values[name] = 'on';
      continue;
    }
    values[name] = /\bvalue="([^"]*)"/.exec(m[0])?.[1] ?? '';
  }
  for (const m of form.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    values[m[1]] = /<option value="([^"]*)" selected>/.exec(m[2])?.[1] ?? '';
  }
  return values;
}
