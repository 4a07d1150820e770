import type { TestApp } from './app';
import { startTestApp } from './app';
import { PASSWORD, setupConsultant } from './factories';
import { MailRunner } from '../src/mail/mail-jobs';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { Transactions } from '../src/common/transactions';
import { MailPreferences } from '../src/users/mail-preferences';
import { User } from '../src/users/user.entity';
import { startSmtp, type ReceivedMail, type TestSmtp } from './support/smtp';
import { addClient, apiAs, type Practice } from './support/world';
import { WebSession } from './support/web';

const NOW = '2026-03-02T09:00:00.000Z';
const PUBLIC_URL = 'https://gardefou.example';
const NEW_PASSWORD = 'lanterne ardoise quinze merles';

const tick = (t: TestApp) => t.app.get(MailRunner).tick();

/** The messages the server accepted for `address`. */
const to = (smtp: TestSmtp, address: string) => smtp.messages.filter((m) => m.to === address);

/** The address of the link a mail carries to `path`, as a path this app serves. */
function linkIn(mail: ReceivedMail, path: string): string {
  const found = new RegExp(`${PUBLIC_URL}(${path}\\?token=[^\\s"<>]+)`).exec(mail.text);
  if (!found) throw new Error(`no ${path} link in: ${mail.text}`);
  return found[1].replace(/&amp;/g, '&');
}
const tokenOf = (link: string) => decodeURIComponent(link.split('token=')[1]);

describe('account mail through a real SMTP server', () => {
  let smtp: TestSmtp;
  let app: TestApp;
  let p: Practice;

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL }, { now: NOW });
    p = { t: app, consultant: await setupConsultant(app) };
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('sends the invitation in the invitee’s language; its link sets a password and signs in', async () => {
    const { client } = await addClient({ t: app, consultant: p.consultant });
    const invited = await apiAs(app, p.consultant)
      .post('/api/users', {
        email: 'sam.taylor@client.example',
        role: 'client',
        clientId: client.id,
        displayName: 'Sam Taylor',
        locale: 'en',
      })
      .expect(201);
    // The consultant is still shown the token once.
    expect(invited.body.inviteToken).toEqual(expect.any(String));

    await tick(app);
    const [mail] = await smtp.waitFor(1).then(() => to(smtp, 'sam.taylor@client.example'));
    expect(mail.subject).toBe('Camille Martin Conseil invites you to Gardefou');
    expect(mail.text).toContain('Hello Sam Taylor,');
    expect(mail.header('list-unsubscribe')).toBe('');
    const link = linkIn(mail, '/invite');
    expect(tokenOf(link)).toBe(invited.body.inviteToken);

    const web = new WebSession(app);
    const page = await web.get(link);
    expect(page.status).toBe(200);
    const accepted = await web.post('/invite', { token: tokenOf(link), password: NEW_PASSWORD });
    expect(accepted.status).toBe(303);
    await app
      .http()
      .post('/api/auth/login')
      .send({ email: 'sam.taylor@client.example', password: NEW_PASSWORD })
      .expect(200);
  });

  it('keeps the invitation’s link with the message for the console, and mails a new link on a re-invite', async () => {
    const invited = await apiAs(app, p.consultant)
      .post('/api/users', {
        email: 'compta@cabinet.example',
        role: 'accountant',
        displayName: 'Lou',
      })
      .expect(201);
    const again = await apiAs(app, p.consultant)
      .post(`/api/users/${invited.body.user.id}/invite`)
      .expect(201);
    const messages = await app.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { recipient: 'compta@cabinet.example' }, order: { createdAt: 'ASC' } });
    expect(messages.map((m) => [m.kind, m.essential, m.locale])).toEqual([
      ['invitation', true, 'fr'],
      ['invitation', true, 'fr'],
    ]);
    expect(messages[1].links).toEqual([
      {
        labelKey: 'mail-account.invitation.link',
        url: `${PUBLIC_URL}/invite?token=${encodeURIComponent(again.body.inviteToken)}`,
      },
    ]);
    expect(messages[1].subject).toBe('Camille Martin Conseil vous invite sur Gardefou');
  });

  it('resets a forgotten password end to end: mail, link, new password, old sessions ended', async () => {
    const { clientUser } = await addClient({ t: app, consultant: p.consultant });
    const before = smtp.messages.length;
    await app
      .http()
      .post('/api/auth/password-reset')
      .send({ email: clientUser.email.toUpperCase() })
      .expect(202);
    await tick(app);
    // The client user's invitation and the reset link.
    await smtp.waitFor(before + 2);
    const [mail] = to(smtp, clientUser.email).filter((m) => /nouveau mot de passe/.test(m.subject));
    expect(mail.subject).toBe('Choisir un nouveau mot de passe');
    expect(mail.text).toContain('60 minutes');
    const link = linkIn(mail, '/reset-password');

    // The link opens the page; the new password typed twice differently is said beside it.
    const web = new WebSession(app);
    expect((await web.get(link)).status).toBe(200);
    const mismatch = await web.post('/reset-password', {
      token: tokenOf(link),
      password: NEW_PASSWORD,
      passwordAgain: `${NEW_PASSWORD}!`,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('Les deux saisies du nouveau mot de passe diffèrent');

    const done = await web.post('/reset-password', {
      token: tokenOf(link),
      password: NEW_PASSWORD,
      passwordAgain: NEW_PASSWORD,
    });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/login?reset=1');
    expect((await web.get('/login?reset=1')).text).toContain('Votre mot de passe est changé');

    // The session opened before the reset is refused; the new password signs in, the old not.
    await apiAs(app, clientUser.token).get('/api/auth/me').expect(401);
    await app
      .http()
      .post('/api/auth/login')
      .send({ email: clientUser.email, password: PASSWORD })
      .expect(401);
    await app
      .http()
      .post('/api/auth/login')
      .send({ email: clientUser.email, password: NEW_PASSWORD })
      .expect(200);

    // The link works once.
    const reused = await app
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: tokenOf(link), password: 'une autre phrase bien longue' })
      .expect(400);
    expect(reused.body).toMatchObject({ code: 'invalid.reset_token' });
    expect(reused.body.details[0]).toMatchObject({ field: 'token', reason: 'invalid' });
  });

  it('answers 202 to an unknown address, and sends nothing', async () => {
    await tick(app);
    const before = smtp.messages.length;
    const outbox = await app.dataSource.getRepository(OutboxMessage).count();
    const answer = await app
      .http()
      .post('/api/auth/password-reset')
      .send({ email: 'nobody@nowhere.example' })
      .expect(202);
    expect(answer.text).toBe('');
    await tick(app);
    expect(smtp.messages.length).toBe(before);
    expect(await app.dataSource.getRepository(OutboxMessage).count()).toBe(outbox);

    // The page answers the same way, for any address that reads as one.
    const web = new WebSession(app);
    await web.get('/forgot-password');
    const asked = await web.post('/forgot-password', { email: 'nobody@nowhere.example' });
    expect(asked.status).toBe(303);
    expect(asked.headers.location).toBe('/forgot-password/sent');
    expect((await web.get('/forgot-password/sent')).text).toContain('Si l’adresse est connue');
    await web.get('/forgot-password');
    const malformed = await web.post('/forgot-password', { email: 'not an address' });
    expect(malformed.status).toBe(400);
    expect(malformed.text).toContain('aria-invalid="true"');
  });

  it('refuses an expired link, saying so, and a link that is no link', async () => {
    const { clientUser } = await addClient({ t: app, consultant: p.consultant });
    const before = smtp.messages.length;
    await app.http().post('/api/auth/password-reset').send({ email: clientUser.email }).expect(202);
    await tick(app);
    // The client user's invitation and the reset link.
    await smtp.waitFor(before + 2);
    const [mail] = to(smtp, clientUser.email).filter((m) => /nouveau mot de passe/.test(m.subject));
    const link = linkIn(mail, '/reset-password');

    app.clock.advance({ minutes: 61 });
    try {
      const expired = await app
        .http()
        .post('/api/auth/password-reset/confirm')
        .set('Accept-Language', 'en')
        .send({ token: tokenOf(link), password: NEW_PASSWORD })
        .expect(400);
      expect(expired.body).toMatchObject({
        code: 'invalid.reset_token',
        message: 'This link has expired: ask for a new one',
      });
      const web = new WebSession(app);
      await web.get(link);
      const page = await web.post('/reset-password', {
        token: tokenOf(link),
        password: NEW_PASSWORD,
        passwordAgain: NEW_PASSWORD,
      });
      expect(page.status).toBe(400);
      expect(page.text).toContain('Ce lien a expiré');
      expect(page.text).toContain('href="/forgot-password"');
      // The old password still works.
      await app
        .http()
        .post('/api/auth/login')
        .send({ email: clientUser.email, password: PASSWORD })
        .expect(200);
    } finally {
      app.clock.set(NOW);
    }
    await app
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: 'x'.repeat(43), password: NEW_PASSWORD })
      .expect(400);
  });

  it('points a re-invite of an active user to the password reset', async () => {
    const { clientUser } = await addClient({ t: app, consultant: p.consultant });
    const refused = await apiAs(app, p.consultant)
      .post(`/api/users/${clientUser.id}/invite`)
      .set('Accept-Language', 'fr')
      .expect(409);
    expect(refused.body.code).toBe('conflict.password_set');
    expect(refused.body.message).toContain('Mot de passe oublié ?');
  });

  it('turns a notification off with a one-click link, without signing in', async () => {
    const { clientUser } = await addClient({ t: app, consultant: p.consultant });
    const prefs = app.app.get(MailPreferences);
    const wants = () =>
      app.app.get(Transactions).run((m) => prefs.wants(m, clientUser.id, 'request_answered'));
    expect(await wants()).toBe(true);
    const url = prefs.unsubscribeUrl(clientUser.id, 'request_answered');
    expect(url.startsWith(`${PUBLIC_URL}/unsubscribe?token=`)).toBe(true);
    const path = url.slice(PUBLIC_URL.length);

    // The page asks first; a mail reader's POST (RFC 8058) needs neither session nor CSRF token.
    const page = await app.http().get(path).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain(clientUser.email);
    const oneClick = await app
      .http()
      .post(path)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(oneClick.text).toContain('C’est fait');
    expect(await wants()).toBe(false);
    // The same switch covers the four messages about one's requests; essential mail still goes.
    const still = (kind: 'request_resolved' | 'quota_alert' | 'invoice') =>
      app.app.get(Transactions).run((m) => prefs.wants(m, clientUser.id, kind));
    expect(await still('request_resolved')).toBe(false);
    expect(await still('quota_alert')).toBe(true);
    expect(await still('invoice')).toBe(true);
    const settings = await apiAs(app, clientUser.token).get('/api/me/notifications').expect(200);
    expect(settings.body.notifications).toEqual({ myRequests: false, quotaAlert: true });

    // A link altered by hand is refused, and changes nothing.
    const forged = path.replace('request_answered', 'quota_alert');
    await app.http().post(forged).send('').expect(400);
    expect(await still('quota_alert')).toBe(true);
  });

  it('keeps each person’s notifications and mail language (API and page)', async () => {
    const { clientUser } = await addClient({ t: app, consultant: p.consultant });
    const api = apiAs(app, clientUser.token);
    const initial = await api.get('/api/me/notifications').expect(200);
    expect(initial.body).toEqual({
      email: clientUser.email,
      locale: null,
      mailLocale: 'fr',
      notifications: { myRequests: true, quotaAlert: true },
    });
    const changed = await app
      .http()
      .put('/api/me/notifications')
      .set('Authorization', `Bearer ${clientUser.token}`)
      .send({ locale: 'en', notifications: { quotaAlert: false } })
      .expect(200);
    expect(changed.body).toEqual({
      email: clientUser.email,
      locale: 'en',
      mailLocale: 'en',
      notifications: { myRequests: true, quotaAlert: false },
    });
    const prefs = app.app.get(MailPreferences);
    expect(await app.app.get(Transactions).run((m) => prefs.localeOf(m, clientUser.id))).toBe('en');

    // A switch of another role, and a language Gardefou does not speak, are named.
    const refused = await app
      .http()
      .put('/api/me/notifications')
      .set('Authorization', `Bearer ${clientUser.token}`)
      .send({ locale: 'de', notifications: { digest: false } })
      .expect(400);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toContain('locale');
    const wrongRole = await app
      .http()
      .put('/api/me/notifications')
      .set('Authorization', `Bearer ${clientUser.token}`)
      .send({ notifications: { digest: false } })
      .expect(400);
    expect(wrongRole.body.details[0].field).toBe('notifications.digest');

    // The page: boxes of the role, the language; unticking saves it.
    const web = new WebSession(app);
    await web.signIn(clientUser.email, PASSWORD);
    const page = await web.get('/account/notifications');
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="myRequests"');
    expect(page.text).not.toContain('name="digest"');
    expect(page.text).toContain('name="shown" value="myRequests,quotaAlert"');
    const saved = await web.post('/account/notifications', {
      shown: 'myRequests,quotaAlert',
      myRequests: 'on',
      locale: '',
    });
    expect(saved.status).toBe(303);
    const after = await api.get('/api/me/notifications').expect(200);
    expect(after.body).toEqual({
      email: clientUser.email,
      locale: null,
      mailLocale: 'fr',
      notifications: { myRequests: true, quotaAlert: false },
    });
    const user = await app.dataSource.getRepository(User).findOneByOrFail({ id: clientUser.id });
    expect(user.mailPreferences).toEqual({ off: ['quota_alert'] });
  });
});
