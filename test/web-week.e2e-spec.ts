import { startTestApp, TestApp } from './app';
import { bearer, createUser, PASSWORD, setupConsultant } from './factories';
import { interventionInput, logIntervention, supportSetup } from './factories/interventions';
import { invalidInputs, problemOf, summaryOf } from './support/form-problems';
import { WebSession } from './support/web';
import { catalogue } from '../src/i18n';

/** The value of the input `id` as the page shows it. */
function valueOf(html: string, id: string): string | undefined {
  const tag = new RegExp(`<(?:input|textarea)\\b[^>]*\\bid="${id}"[^>]*>([^<]*)`).exec(html);
  if (!tag) return undefined;
  if (tag[0].startsWith('<textarea')) return tag[1];
  return /\bvalue="([^"]*)"/.exec(tag[0])?.[1];
}

/** The option selected in the select `id`. */
function selectedIn(html: string, id: string): string | undefined {
  const select = new RegExp(`<select\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  return select ? /<option value="([^"]*)" selected>/.exec(select[1])?.[1] : undefined;
}

/** A message of the catalogue, as a page shows it. */
const words = (locale: 'fr' | 'en', key: string, values: Record<string, string>): string =>
  catalogue().format(locale, key, values);

const EDIT_INPUTS = ['startedAt', 'endedAt', 'requestId', 'contractId', 'activityId'] as const;

/** The entry's form as first shown, as a browser would send it back. */
function editForm(html: string): Record<string, string> {
  const form: Record<string, string> = {};
  for (const k of EDIT_INPUTS)
    form[k] = valueOf(html, `we-${k}`) ?? selectedIn(html, `we-${k}`) ?? '';
  form.urgency = selectedIn(html, 'we-urgency') ?? '';
  form.location = selectedIn(html, 'we-location') ?? '';
  form.description = valueOf(html, 'we-description') ?? '';
  if (/<input type="checkbox" id="we-billable" name="billable" checked/.test(html)) {
    form.billable = 'on';
  }
  return form;
}

describe('web pages: corrections from the week view', () => {
  let t: TestApp;
  let consultant: string;
  let web: WebSession;
  let setup: Awaited<ReturnType<typeof supportSetup>>;

  const api = (method: 'get' | 'post', path: string, body?: object) => {
    const req = t
      .http()
      [method](path)
      .set(...bearer(consultant));
    return body ? req.send(body) : req;
  };

  /** Work logged through the API on the given local times (Paris, winter: +01:00). */
  const logged = async (day: string, from: string, to: string, overrides = {}) => {
    const res = await logIntervention(
      t,
      consultant,
      interventionInput(setup.contract.id, setup.activityId, {
        startedAt: `${day}T${from}:00+01:00`,
        endedAt: `${day}T${to}:00+01:00`,
        ...overrides,
      }),
    );
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };

  beforeAll(async () => {
    // Wednesday 2 December 2026, 10:00 in Paris.
    t = await startTestApp({}, { now: '2026-12-02T10:00:00+01:00' });
    consultant = await setupConsultant(t);
    setup = await supportSetup(t, consultant, { startDate: '2026-01-01' });
    web = new WebSession(t);
    await web.signIn('camille@example.fr', PASSWORD);
  });
  afterAll(() => t.close());

  it('links each entry of the week to its correction, its form filled as stored', async () => {
    const work = await logged('2026-11-30', '14:00', '15:00', {
      description: 'Serveur de fichiers',
    });
    const week = await web.get('/console/week?date=2026-11-30');
    expect(week.text).toContain(`href="/console/week/interventions/${work.id}"`);
    const page = await web.get(`/console/week/interventions/${work.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Corriger une intervention</h1>');
    expect(editForm(page.text)).toMatchObject({
      startedAt: '2026-11-30T14:00',
      endedAt: '2026-11-30T15:00',
      contractId: setup.contract.id,
      requestId: '',
      activityId: setup.activityId,
      urgency: 'normal',
      location: 'remote',
      description: 'Serveur de fichiers',
      billable: 'on',
    });
    expect(valueOf(page.text, 'wm-startedAt')).toBe('2026-11-30T14:00');
  });

  it('saves a correction of every field, which the API reads back, and says so on the week', async () => {
    const work = await logged('2026-11-30', '16:00', '17:00');
    const page = await web.get(`/console/week/interventions/${work.id}`);
    const res = await web.post(`/console/week/interventions/${work.id}`, {
      ...editForm(page.text),
      startedAt: '2026-11-30T16:15',
      endedAt: '2026-11-30T17:45',
      urgency: 'high',
      location: 'onsite',
      description: 'Sauvegarde relancée sur place',
      billable: '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console/week?date=2026-11-30&done=changed#day-2026-11-30');
    const stored = await api('get', `/api/interventions/${work.id}`).expect(200);
    expect(stored.body).toMatchObject({
      startedAt: '2026-11-30T15:15:00.000Z',
      endedAt: '2026-11-30T16:45:00.000Z',
      durationMinutes: 90,
      urgency: 'high',
      location: 'onsite',
      description: 'Sauvegarde relancée sur place',
      billable: false,
      amountCents: 0,
    });
    const week = await web.get('/console/week?date=2026-11-30&done=changed');
    expect(week.text).toContain('Intervention corrigée.');
    expect(week.text).toContain('Sauvegarde relancée sur place');
  });

  it('moves an entry to another day and time, its length kept', async () => {
    const work = await logged('2026-12-01', '09:00', '10:30');
    await web.get(`/console/week/interventions/${work.id}`);
    const res = await web.post(`/console/week/interventions/${work.id}/move`, {
      startedAt: '2026-11-26T13:00',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console/week?date=2026-11-26&done=moved#day-2026-11-26');
    const stored = await api('get', `/api/interventions/${work.id}`).expect(200);
    expect(stored.body).toMatchObject({
      startedAt: '2026-11-26T12:00:00.000Z',
      endedAt: '2026-11-26T13:30:00.000Z',
      durationMinutes: 90,
    });
    const before = await web.get('/console/week?date=2026-12-01');
    expect(before.text).not.toContain(work.id);
    const after = await web.get('/console/week?date=2026-11-26&done=moved');
    expect(after.text).toContain('Intervention déplacée.');
    expect(after.text).toContain(`/console/week/interventions/${work.id}`);
  });

  it('deletes an entry once confirmed on its own page', async () => {
    const work = await logged('2026-12-01', '14:00', '15:00');
    const entry = await web.get(`/console/week/interventions/${work.id}`);
    expect(entry.text).toContain(`href="/console/week/interventions/${work.id}/delete"`);
    const confirm = await web.get(`/console/week/interventions/${work.id}/delete`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('<h1>Supprimer cette intervention ?</h1>');
    expect(confirm.text).toContain(
      `<form method="post" action="/console/week/interventions/${work.id}/delete"`,
    );
    // Opening the confirmation deletes nothing.
    await api('get', `/api/interventions/${work.id}`).expect(200);
    const res = await web.post(`/console/week/interventions/${work.id}/delete`, {});
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console/week?date=2026-12-01&done=deleted#day-2026-12-01');
    await api('get', `/api/interventions/${work.id}`).expect(404);
    const week = await web.get('/console/week?date=2026-12-01&done=deleted');
    expect(week.text).toContain('Intervention supprimée.');
  });

  describe('billed work', () => {
    let billed: { id: string };
    let draftId: string;

    beforeAll(async () => {
      billed = await logged('2026-11-05', '10:00', '11:00', { description: 'Facturée' });
      const draft = await api('post', '/api/invoices/drafts', {
        contractId: setup.contract.id,
        periodStart: '2026-11-01',
        periodEnd: '2026-11-10',
      }).expect(201);
      draftId = draft.body.id as string;
    });

    const draftWords = (locale: 'fr' | 'en') =>
      catalogue().format(locale, 'error.conflict.invoiced', { invoiceStatus: 'draft', number: '' });

    it('shows why the work on a draft cannot change, with no form to change it', async () => {
      const page = await web.get(`/console/week/interventions/${billed.id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(draftWords('fr'));
      expect(page.text).not.toContain('id="edit-entry"');
      expect(page.text).not.toContain('id="move-entry"');
    });

    it('refuses a change, a move and a deletion with 409 in the catalogue’s words, nothing changed', async () => {
      const open = await web.get(`/console/week/interventions/${billed.id}`);
      expect(open.status).toBe(200);
      const edit = await web.post(`/console/week/interventions/${billed.id}`, {
        startedAt: '2026-11-05T10:00',
        endedAt: '2026-11-05T12:00',
        contractId: setup.contract.id,
        activityId: setup.activityId,
        urgency: 'normal',
        location: 'remote',
        description: 'Changée',
        billable: 'on',
      });
      expect(edit.status).toBe(409);
      expect(edit.text).toContain(draftWords('fr'));
      const move = await web.post(`/console/week/interventions/${billed.id}/move`, {
        startedAt: '2026-11-06T10:00',
      });
      expect(move.status).toBe(409);
      const remove = await web.post(`/console/week/interventions/${billed.id}/delete`, {});
      expect(remove.status).toBe(409);
      expect(remove.text).toContain(draftWords('fr'));
      const stored = await api('get', `/api/interventions/${billed.id}`).expect(200);
      expect(stored.body).toMatchObject({
        startedAt: '2026-11-05T09:00:00.000Z',
        endedAt: '2026-11-05T10:00:00.000Z',
        description: 'Facturée',
        invoiceId: draftId,
      });
    });

    it('names the invoice once issued, in English too', async () => {
      const issued = await api('post', `/api/invoices/${draftId}/issue`).expect(200);
      const number = issued.body.number as string;
      const english = new WebSession(t);
      await english.signIn('camille@example.fr', PASSWORD);
      await english.get('/lang/en');
      const res = await english.get(`/console/week/interventions/${billed.id}/delete`);
      const words = catalogue().format('en', 'error.conflict.invoiced', {
        invoiceStatus: 'issued',
        number,
      });
      expect(res.text).toContain(words);
      expect(res.text).toContain(number);
      const refused = await english.post(`/console/week/interventions/${billed.id}/delete`, {});
      expect(refused.status).toBe(409);
      expect(refused.text).toContain(words);
      await api('get', `/api/interventions/${billed.id}`).expect(200);
    });
  });

  describe('bad times', () => {
    it('says an end before the start beside the end, and a start in the future beside the start, values kept', async () => {
      const work = await logged('2026-11-24', '09:00', '10:00');
      const page = await web.get(`/console/week/interventions/${work.id}`);
      const res = await web.post(`/console/week/interventions/${work.id}`, {
        ...editForm(page.text),
        startedAt: '2026-12-03T09:00',
        endedAt: '2026-12-03T08:00',
        description: 'Tapé à la main',
      });
      expect(res.status).toBe(400);
      expect(invalidInputs(res.text)).toEqual(['we-startedAt', 'we-endedAt']);
      expect(problemOf(res.text, 'we-startedAt').message).toBe(
        words('fr', 'error.invalid.startedAt', { problem: 'future_start' }),
      );
      expect(problemOf(res.text, 'we-endedAt').message).toBe(
        words('fr', 'error.invalid.endedAt', { problem: 'end_before_start' }),
      );
      expect(summaryOf(res.text, 'we').map((p) => p.href)).toEqual([
        '#we-startedAt',
        '#we-endedAt',
      ]);
      expect(valueOf(res.text, 'we-startedAt')).toBe('2026-12-03T09:00');
      expect(valueOf(res.text, 'we-description')).toBe('Tapé à la main');
      const stored = await api('get', `/api/interventions/${work.id}`).expect(200);
      expect(stored.body.startedAt).toBe('2026-11-24T08:00:00.000Z');
    });

    it('says them in English, and an unreadable new start of a move beside it', async () => {
      const work = await logged('2026-11-24', '11:00', '12:00');
      const english = new WebSession(t);
      await english.signIn('camille@example.fr', PASSWORD);
      await english.get('/lang/en');
      const page = await english.get(`/console/week/interventions/${work.id}`);
      const res = await english.post(`/console/week/interventions/${work.id}`, {
        ...editForm(page.text),
        endedAt: '2026-11-24T10:00',
      });
      expect(res.status).toBe(400);
      expect(invalidInputs(res.text)).toEqual(['we-endedAt']);
      expect(problemOf(res.text, 'we-endedAt').message).toBe('The end must come after the start');
      expect(res.text).not.toContain('Fin');
      const move = await english.post(`/console/week/interventions/${work.id}/move`, {
        startedAt: 'tomorrow',
      });
      expect(move.status).toBe(400);
      expect(invalidInputs(move.text)).toEqual(['wm-startedAt']);
      expect(summaryOf(move.text, 'wm').map((p) => p.href)).toEqual(['#wm-startedAt']);
      expect(problemOf(move.text, 'wm-startedAt').message).toBe(
        'Start must be a date and a time, such as 30/11/2026 14:00',
      );
      expect(valueOf(move.text, 'wm-startedAt')).toBe('tomorrow');
      const future = await english.post(`/console/week/interventions/${work.id}/move`, {
        startedAt: '2026-12-09T11:00',
      });
      expect(future.status).toBe(400);
      expect(problemOf(future.text, 'wm-startedAt').message).toBe(
        'The start is in the future: log work once it is done, or start the timer',
      );
    });

    it('overlapping other work is refused, the form kept', async () => {
      await logged('2026-11-25', '09:00', '10:00');
      const work = await logged('2026-11-25', '11:00', '12:00');
      await web.get(`/console/week/interventions/${work.id}`);
      const res = await web.post(`/console/week/interventions/${work.id}/move`, {
        startedAt: '2026-11-25T09:30',
      });
      expect(res.status).toBe(409);
      expect(summaryOf(res.text, 'wm')).toHaveLength(1);
      expect(valueOf(res.text, 'wm-startedAt')).toBe('2026-11-25T09:30');
      const stored = await api('get', `/api/interventions/${work.id}`).expect(200);
      expect(stored.body.startedAt).toBe('2026-11-25T10:00:00.000Z');
    });
  });

  describe('access', () => {
    it('refuses a client user the entry, its correction and its deletion', async () => {
      const work = await logged('2026-11-27', '09:00', '10:00');
      const client = await createUser(t, consultant, 'client', setup.clientId);
      const session = new WebSession(t);
      await session.signIn(client.email, PASSWORD);
      for (const path of ['', '/delete']) {
        const res = await session.get(`/console/week/interventions/${work.id}${path}`);
        expect(res.status).toBe(403);
      }
      await session.get('/portal');
      for (const path of ['', '/move', '/delete']) {
        const res = await session.post(`/console/week/interventions/${work.id}${path}`, {
          startedAt: '2026-11-27T11:00',
        });
        expect(res.status).toBe(403);
      }
      const stored = await api('get', `/api/interventions/${work.id}`).expect(200);
      expect(stored.body.startedAt).toBe('2026-11-27T08:00:00.000Z');
    });

    it('answers 404 for an entry that does not exist', async () => {
      const res = await web.get('/console/week/interventions/00000000-0000-4000-8000-000000000000');
      expect(res.status).toBe(404);
    });
  });
});
