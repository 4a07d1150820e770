import type { TestApp } from './app';
import { bearer, createClient, createUser, PASSWORD } from './factories';
import { summaryOf } from './support/form-problems';
import { WebSession } from './support/web';
import { signedIn, startPractice } from './support/world';
import { inputOf, textOfId, problemBeside } from './support/html';

describe('console: the first steps’ pages (activities, invitations)', () => {
  let t: TestApp;
  let token: string;
  let web: WebSession;

  beforeAll(async () => {
    ({ t, consultant: token } = await startPractice());
    web = await signedIn(t);
  });
  afterAll(() => t?.close());

  it('adds an activity with its rate in euros, as the API would, and lists it', async () => {
    const page = await web.get('/console/activities');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Aucune activité');
    expect(page.text).toContain('href="/console/settings" aria-current="page"');
    const res = await web.post('/console/activities', {
      name: 'Formation bureautique',
      kind: 'training',
      rate: '92,50',
      billable: 'on',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console/activities');
    const listed = await t
      .http()
      .get('/api/activities')
      .set(...bearer(token))
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        name: 'Formation bureautique',
        kind: 'training',
        defaultRateCents: 9250,
        billable: true,
      }),
    ]);
    const table = textOfId((await web.get('/console/activities')).text, 'activities');
    expect(table).toMatch(/Formation bureautique Formation 92,50\s€ Oui/);
  });

  it('shows a refused activity’s problems beside their fields and keeps what was typed', async () => {
    const res = await web.post('/console/activities', { name: '', kind: 'support', rate: 'douze' });
    expect(res.status).toBe(400);
    expect(problemBeside(res.text, 'na-name')).not.toBe('');
    expect(problemBeside(res.text, 'na-rate')).not.toBe('');
    expect(inputOf(res.text, 'rate')).toContain('value="douze"');
    expect(inputOf(res.text, 'kind')).not.toContain('aria-invalid');
    expect(summaryOf(res.text, 'na')).toEqual([
      { href: '#na-name', line: expect.stringMatching(/^Nom\s: /) },
      {
        href: '#na-rate',
        line: expect.stringMatching(/^Taux horaire par défaut \(€\)\s: .*euros/),
      },
    ]);
  });

  it('invites a client’s staff member and shows the link to give, which opens the portal once used', async () => {
    const empty = await web.get('/console/users');
    expect(empty.text).toContain('Ajoutez d’abord un client');
    const client = await createClient(t, token, { name: 'Clinique des Tilleuls' });
    const page = await web.get('/console/users');
    expect(page.text).toMatch(
      new RegExp(`<option value="${client.id}"[^>]*>Personnel de Clinique des Tilleuls</option>`),
    );
    const invited = await web.post('/console/users', {
      who: client.id,
      displayName: 'Dominique Petit',
      email: 'dominique@tilleuls.example',
    });
    expect(invited.status).toBe(303);
    expect(invited.headers.location).toBe('/console/users');
    const res = await web.get('/console/users');
    expect(textOfId(res.text, 'invited')).toContain('Invitation prête pour Dominique Petit');
    const link = /id="invite-link" readonly value="([^"]+)"/
      .exec(res.text)![1]
      .replace(/&amp;/g, '&');
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1(:\d+)?\/invite\?token=/);
    expect(textOfId(res.text, 'people')).toContain('Personnel de Clinique des Tilleuls');
    // The link is shown this once.
    expect((await web.get('/console/users')).text).not.toContain('id="invite-link"');

    const staff = new WebSession(t);
    const path = new URL(link).pathname + new URL(link).search;
    await staff.get(path);
    const inviteToken = new URL(link).searchParams.get('token')!;
    const accepted = await staff.post('/invite', { token: inviteToken, password: PASSWORD });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.location).toBe('/portal');
  });

  it('refuses an email that already has access, beside the email, and invites the accountant', async () => {
    const clients = await t
      .http()
      .get('/api/clients')
      .set(...bearer(token))
      .expect(200);
    const taken = await web.post('/console/users', {
      who: clients.body.items[0].id,
      displayName: 'Encore',
      email: 'dominique@tilleuls.example',
    });
    expect(taken.status).toBe(409);
    expect(problemBeside(taken.text, 'ns-email')).not.toBe('');
    expect(inputOf(taken.text, 'displayName')).toContain('value="Encore"');
    const accountant = await web.post('/console/users', {
      who: 'accountant',
      displayName: 'Cabinet Compta',
      email: 'compta@cabinet.example',
    });
    expect(accountant.status).toBe(303);
    const users = await t
      .http()
      .get('/api/users')
      .set(...bearer(token))
      .expect(200);
    expect(users.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          email: 'compta@cabinet.example',
          role: 'accountant',
          clientId: null,
        }),
      ]),
    );
  });

  it('keeps both pages to the consultant', async () => {
    const client = await createClient(t, token);
    const staff = await createUser(t, token, 'client', client.id);
    const other = await signedIn(t, staff.email);
    expect((await other.get('/console/activities')).status).toBe(403);
    expect((await other.get('/console/users')).status).toBe(403);
  });
});
