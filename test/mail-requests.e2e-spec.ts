import { startTestApp, type TestApp } from './app';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './factories';
import { createContract } from './factories/contracts';
import { MailRunner } from '../src/mail/mail-jobs';
import { startSmtp, type ReceivedMail, type TestSmtp } from './support/smtp';
import { apiAs, CONSULTANT_EMAIL, type ClientUser } from './support/world';

/** Wednesday 2 December 2026, 10:00 in Paris: the practice and its clients are set up. */
const WEDNESDAY = '2026-12-02T09:00:00.000Z';
/** Saturday 5 December 2026, 22:00 in Paris. */
const SATURDAY_22H = '2026-12-05T21:00:00.000Z';
const SUNDAY_NOON = '2026-12-06T11:00:00.000Z';
/** Monday 7 December 2026, 09:00 in Paris: business hours open. */
const MONDAY_OPENING = '2026-12-07T08:00:00.000Z';
const MONDAY_10H = '2026-12-07T09:00:00.000Z';
/** Tuesday 8 December 2026, 09:00 in Paris. */
const TUESDAY_OPENING = '2026-12-08T08:00:00.000Z';

describe('mail about requests and alerts, under the right to disconnect', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let consultant: string;
  let activityId: string;
  /** ACME: a contract whose critical level runs 24x7; Léa files, Marc turned mail off. */
  let acme: { id: string; contractId: string };
  let lea: ClientUser;
  let marc: ClientUser;
  /** Globex: the usual contract, critical on business hours; its user reads English. */
  let globex: { id: string; contractId: string };
  let gus: ClientUser;
  /** How many messages the server had accepted at the start of a step. */
  let seen = 0;

  const tick = () => t.app.get(MailRunner).tick();
  /** Delivers what is due and answers the messages accepted since the last call. */
  const delivered = async (): Promise<ReceivedMail[]> => {
    await tick();
    const fresh = smtp.messages.slice(seen);
    seen = smtp.messages.length;
    return fresh;
  };
  /** Text with no-break spaces read as spaces, as a reader sees it. */
  const plain = (text: string | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
  const to = (mails: ReceivedMail[], address: string) => mails.filter((m) => m.to === address);

  const file = (user: ClientUser, contractId: string, urgency: string, title: string) =>
    apiAs(t, user.token)
      .post('/api/requests', {
        contractId,
        title,
        description: 'Depuis 21 h 40, rien ne passe.',
        urgency,
      })
      .expect(201)
      .then((res) => res.body as { id: string; responseDueAt: string });

  const notifications = (user: ClientUser, body: object) =>
    t
      .http()
      .put('/api/me/notifications')
      .set(...bearer(user.token))
      .send(body)
      .expect(200);

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp(
      { SMTP_URL: smtp.url, PUBLIC_URL: 'https://gardefou.example' },
      { now: WEDNESDAY },
    );
    consultant = await setupConsultant(t);
    activityId = (await createActivity(t, consultant)).id;
    const acmeClient = await createClient(t, consultant, { name: 'ACME' });
    const acmeContract = await createContract(t, consultant, acmeClient.id, {
      reference: 'CT-ACME',
      urgencyPolicy: { levels: { critical: { clock: '24x7' } } },
    });
    acme = { id: acmeClient.id, contractId: acmeContract.id };
    lea = await createUser(t, consultant, 'client', acme.id);
    marc = await createUser(t, consultant, 'client', acme.id);
    const globexClient = await createClient(t, consultant, { name: 'Globex' });
    const globexContract = await createContract(t, consultant, globexClient.id, {
      reference: 'CT-GLOBEX',
    });
    globex = { id: globexClient.id, contractId: globexContract.id };
    gus = await createUser(t, consultant, 'client', globex.id);
    await notifications(marc, { notifications: { myRequests: false, quotaAlert: false } });
    await notifications(gus, { locale: 'en' });
    // The invitations leave during Wednesday's business hours; the scenario starts after them.
    await delivered();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  describe('Saturday 22:00', () => {
    let critical: { id: string };
    let normal: { id: string };
    let globexCritical: { id: string };

    beforeAll(async () => {
      t.clock.set(SATURDAY_22H);
      critical = await file(lea, acme.contractId, 'critical', 'Serveur de messagerie arrêté');
      normal = await file(lea, acme.contractId, 'normal', 'Accès VPN pour un stagiaire');
      globexCritical = await file(gus, globex.contractId, 'critical', 'Website offline');
    });

    it('mails the consultant at once of the critical request on a 24x7 level, and of nothing else', async () => {
      const mails = to(await delivered(), CONSULTANT_EMAIL);
      expect(mails.map((m) => m.subject)).toEqual([
        'Demande critique de ACME : Serveur de messagerie arrêté',
      ]);
      const [mail] = mails;
      expect(mail.text).toContain('Depuis 21 h 40, rien ne passe.');
      // 60 minutes on a 24x7 clock: due at 23:00 that very night.
      expect(mail.text).toContain('05/12/2026 23:00');
      expect(mail.text).toContain(`https://gardefou.example/console/requests/${critical.id}`);
      expect(mail.header('list-unsubscribe')).toMatch(
        /^<https:\/\/gardefou\.example\/unsubscribe\?token=/,
      );
    });

    it('tells each requester at once that the request was received, with its deadline and what the contract says', () => {
      const sent = smtp.messages.filter((m) => m.to === lea.email);
      const received = (title: string) =>
        sent.find((m) => m.subject === `Demande reçue : ${title}`);
      const urgent = received('Serveur de messagerie arrêté');
      expect(urgent?.text).toContain('au plus tard le 05/12/2026 23:00');
      expect(urgent?.text).toContain('une réponse en 1 h (24 h/24, 7 j/7)');
      expect(urgent?.text).toContain(
        'Le niveau Critique est inclus dans votre contrat : 1 demande sur 2 ce mois-ci.',
      );
      expect(urgent?.text).toContain('majoration de 50 %');
      const waiting = received('Accès VPN pour un stagiaire');
      // A business-clock deadline starts at Monday's opening: 4 business hours, Monday 13:00.
      expect(waiting?.text).toContain('au plus tard le 07/12/2026 13:00');
      expect(waiting?.text).toContain('sans quota mensuel');
      expect(waiting?.text).toContain(`https://gardefou.example/portal/requests/${normal.id}`);
      expect(waiting?.header('list-unsubscribe')).toContain(
        'https://gardefou.example/unsubscribe?token=',
      );
      const english = smtp.messages.find(
        (m) => m.to === gus.email && m.subject.startsWith('Request received'),
      );
      expect(english?.subject).toBe('Request received: Website offline');
      expect(english?.text).toContain('Answer due by 7 Dec 2026 10:00');
    });

    it('keeps Sunday quiet', async () => {
      t.clock.set(SUNDAY_NOON);
      expect(to(await delivered(), CONSULTANT_EMAIL)).toEqual([]);
    });

    it('at Monday’s opening: the critical request on business hours, and the digest with the normal one', async () => {
      t.clock.set(MONDAY_OPENING);
      const mails = to(await delivered(), CONSULTANT_EMAIL);
      // Monday's opening is also when the week's workload report leaves, in a message of its own.
      expect(mails.map((m) => m.subject).sort()).toEqual([
        'Demande critique de Globex : Website offline',
        'Votre résumé : 1 nouveauté',
        'Votre semaine du 30/11/2026 au 06/12/2026 : risque vert',
      ]);
      const digest = mails.find((m) => m.subject.startsWith('Votre résumé'));
      expect(digest?.text).toContain(
        'ACME — « Accès VPN pour un stagiaire », niveau Normale, réponse attendue le 07/12/2026 13:00',
      );
      expect(digest?.text).toContain(`https://gardefou.example/console/requests/${normal.id}`);
      // The critical ones came by their own message.
      expect(digest?.text).not.toContain('Serveur de messagerie');
      expect(digest?.text).not.toContain('Website offline');
      expect(digest?.header('list-unsubscribe')).toContain(
        'https://gardefou.example/unsubscribe?token=',
      );
      expect(globexCritical.id).toBeTruthy();
    });

    it('sends one digest per opening', async () => {
      t.clock.set(MONDAY_10H);
      expect(to(await delivered(), CONSULTANT_EMAIL)).toEqual([]);
    });

    it('tells the requester why the consultant changed the level, in the requester’s language', async () => {
      await apiAs(t, consultant)
        .patch(`/api/requests/${globexCritical.id}`, {
          urgency: 'normal',
          reclassificationReason:
            'The showcase site is not production: it waits for business hours.',
        })
        .expect(200);
      const [mail, ...more] = to(await delivered(), gus.email);
      expect(more).toEqual([]);
      expect(mail.subject).toBe('Your request’s level changed: Website offline');
      expect(mail.text).toContain('moves from the Critical level to the Normal level');
      expect(mail.text).toContain(
        'The showcase site is not production: it waits for business hours.',
      );
    });

    it('tells the requester of the consultant’s answer and of the resolution; the client’s reply waits for the digest', async () => {
      const api = apiAs(t, consultant);
      await api
        .post(`/api/requests/${normal.id}/comments`, {
          body: 'Le compte VPN est créé ; identifiants envoyés par SMS.',
        })
        .expect(201);
      await apiAs(t, lea.token)
        .post(`/api/requests/${normal.id}/comments`, { body: 'Merci, le stagiaire est connecté.' })
        .expect(201);
      await api.patch(`/api/requests/${normal.id}`, { status: 'resolved' }).expect(200);
      const mails = await delivered();
      const subjects = to(mails, lea.email).map((m) => m.subject);
      expect(subjects.sort()).toEqual([
        'Demande résolue : Accès VPN pour un stagiaire',
        'Réponse à votre demande : Accès VPN pour un stagiaire',
      ]);
      const answer = to(mails, lea.email).find((m) => m.subject.startsWith('Réponse'));
      expect(answer?.text).toContain('Camille Martin a répondu à votre demande');
      expect(answer?.text).toContain('Le compte VPN est créé ; identifiants envoyés par SMS.');
      expect(to(mails, CONSULTANT_EMAIL)).toEqual([]);
    });
  });

  describe('usage at 80 %', () => {
    it('alerts the client’s contacts who want it, and the consultant in the next digest', async () => {
      t.clock.set(MONDAY_10H);
      // 480 of the 600 minutes included in December.
      await apiAs(t, consultant)
        .post('/api/interventions', {
          contractId: acme.contractId,
          activityId,
          startedAt: '2026-12-01T08:00:00.000Z',
          endedAt: '2026-12-01T16:00:00.000Z',
          urgency: 'normal',
          location: 'remote',
          description: 'Migration de la messagerie',
          billable: true,
        })
        .expect(201);
      const mails = await delivered();
      const alerts = mails.filter((m) => m.subject.includes('80 %'));
      expect(alerts.map((m) => [m.to, m.subject])).toEqual([
        [lea.email, 'Contrat CT-ACME : 80 % des heures utilisées'],
      ]);
      expect(plain(alerts[0].text)).toContain(
        '80 % des 10 h incluses en décembre 2026 utilisés (8 h)',
      );
      expect(alerts[0].header('list-unsubscribe')).toContain(
        'https://gardefou.example/unsubscribe?token=',
      );
      expect(to(mails, marc.email)).toEqual([]);
      expect(to(mails, gus.email)).toEqual([]);

      t.clock.set(TUESDAY_OPENING);
      const digest = to(await delivered(), CONSULTANT_EMAIL);
      expect(digest).toHaveLength(1);
      expect(digest[0].text).toContain('Messages des clients');
      expect(digest[0].text).toContain(
        'sur « Accès VPN pour un stagiaire » : Merci, le stagiaire est connecté.',
      );
      expect(plain(digest[0].text)).toContain(
        'ACME — Contrat CT-ACME : 80 % des 10 h incluses en décembre 2026 utilisés (8 h)',
      );
    });

    it('alerts once more at 100 %, and not again for work beyond', async () => {
      const log = (startedAt: string, endedAt: string) =>
        apiAs(t, consultant)
          .post('/api/interventions', {
            contractId: acme.contractId,
            activityId,
            startedAt,
            endedAt,
            urgency: 'normal',
            location: 'remote',
            description: 'Sauvegardes',
            billable: true,
          })
          .expect(201);
      await log('2026-12-02T08:00:00.000Z', '2026-12-02T10:00:00.000Z');
      const full = to(await delivered(), lea.email);
      expect(full.map((m) => m.subject)).toEqual(['Contrat CT-ACME : heures incluses épuisées']);
      expect(plain(full[0].text)).toContain('les 10 h incluses en décembre 2026 sont épuisées');
      await log('2026-12-03T08:00:00.000Z', '2026-12-03T09:00:00.000Z');
      expect(to(await delivered(), lea.email)).toEqual([]);
    });
  });

  describe('a client user who turned a kind off', () => {
    it('receives nothing of it, while the consultant still hears of the request', async () => {
      t.clock.set('2026-12-08T09:00:00.000Z');
      await file(marc, acme.contractId, 'low', 'Changer le fond d’écran');
      expect(to(await delivered(), marc.email)).toEqual([]);
      t.clock.set('2026-12-09T08:00:00.000Z');
      const digest = to(await delivered(), CONSULTANT_EMAIL);
      expect(digest.map((m) => m.text).join('\n')).toContain('Changer le fond d’écran');
    });
  });
});
