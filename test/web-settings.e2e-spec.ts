import type { TestApp } from './app';
import { bearer, createClient, createUser, PASSWORD } from './factories';
import { createContract } from './factories/contracts';
import { problemOf, summaryOf } from './support/form-problems';
import { WebSession } from './support/web';
import { signedIn, startPractice } from './support/world';
import { inputOf, valueOf, textOfId, problemBeside } from './support/html';

/** The link shown once after an invitation. */
function invitationLink(html: string): URL {
  return new URL(/id="invite-link" readonly value="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&'));
}

const IDENTITY = {
  name: 'Camille Martin Conseil',
  legalForm: 'EI',
  siren: '732 829 320',
  siret: '732 829 320 00074',
  vatNumber: 'FR44 732 829 320',
  line1: '3 place Bellecour',
  line2: '',
  postalCode: '69002',
  city: 'Lyon',
  country: 'fr',
  email: 'contact@martin-conseil.example',
  phone: '04 72 00 00 00',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'agrifrpp',
};

const CALENDAR = {
  mon: '09:00-12:00, 14:00-18:00',
  tue: '9h-12h30 ; 13h30-17h',
  wed: '',
  thu: '08:30-16:30',
  fri: '09:00-17:00',
  sat: '',
  sun: '',
  holidayCalendar: 'FR-57',
  timezone: 'Europe/Paris',
};

const INVOICING = {
  invoiceNumberFormat: 'FA{YY}{MM}-{SEQ:4}',
  creditNoteNumberFormat: 'AV{YYYY}-{SEQ:5}',
  paymentTermsDays: '45',
  latePenaltyRate: '13,5',
  vatRegime: 'standard',
  defaultVatRate: '5,5',
  locale: 'en',
  receivable: '4110',
  sales: '706100',
  vatCollected: '445710',
  journalCode: 've',
  journalLabel: 'Ventes de services',
  vatOnDebits: 'on',
  revenueReverseCharge: '706200',
  revenueIntraEu: '706300',
  revenueExport: '706400',
  bank: '5121',
  bankJournalCode: 'bq1',
  bankJournalLabel: 'Banque principale',
};

const LIMITS = {
  maxWeekly: '45',
  alertWeekly: '37,5',
  maxDaily: '9',
  minDailyRest: '12',
  minWeeklyDaysOff: '2',
  maxAfterHours: '4',
  maxUrgentInterruptionsPerDay: '2',
  minWeeklyRest: '36',
  maxAverageWeekly: '42,5',
  averageWeeks: '10',
  maxNight: '3',
  maxConsecutiveWorkDays: '5',
};

describe('console: the settings pages, activities, people and one’s own password', () => {
  let t: TestApp;
  let token: string;
  let web: WebSession;

  const practice = async () =>
    (
      await t
        .http()
        .get('/api/practice')
        .set(...bearer(token))
        .expect(200)
    ).body;

  /** A page of the console, in English. */
  async function inEnglish<T>(action: (session: WebSession) => Promise<T>): Promise<T> {
    await web.get('/lang/en');
    try {
      return await action(web);
    } finally {
      await web.get('/lang/fr');
    }
  }

  beforeAll(async () => {
    ({ t, consultant: token } = await startPractice());
    web = await signedIn(t);
  });
  afterAll(() => t?.close());

  it('leads from the console’s menu to the settings, whose overview links every section', async () => {
    const home = await web.get('/console');
    expect(home.text).toContain('<a href="/console/settings">Réglages</a>');
    const page = await web.get('/console/settings');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/console/settings" aria-current="page"');
    for (const href of [
      '/console/settings/identity',
      '/console/settings/calendar',
      '/console/settings/invoicing',
      '/console/settings/limits',
      '/console/activities',
      '/console/users',
      '/account/password',
    ]) {
      expect(page.text).toContain(`href="${href}"`);
    }
    expect(textOfId(page.text, 'settings')).toContain('Camille Martin Conseil (EI)');
  });

  describe('identity', () => {
    it('shows the current values, saves a whole new identity and reads it back through the API', async () => {
      const form = await web.get('/console/settings/identity');
      expect(valueOf(form.text, 'siren')).toBe('732829320');
      expect(valueOf(form.text, 'city')).toBe('Lyon');
      const res = await web.post('/console/settings/identity', IDENTITY);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/console/settings/identity?saved=1');
      expect(textOfId((await web.get(res.headers.location)).text, 'saved')).toBe(
        'Réglages enregistrés.',
      );
      expect(await practice()).toMatchObject({
        siret: '73282932000074',
        vatNumber: 'FR44732829320',
        address: { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' },
        email: 'contact@martin-conseil.example',
        phone: '04 72 00 00 00',
        iban: 'FR7630006000011234567890189',
        bic: 'AGRIFRPP',
      });
    });

    it('clears an optional field left empty', async () => {
      const res = await web.post('/console/settings/identity', {
        ...IDENTITY,
        siret: '',
        phone: '',
      });
      expect(res.status).toBe(303);
      expect(await practice()).toMatchObject({ siret: null, phone: null });
      await web.get('/console/settings/identity');
      expect((await web.post('/console/settings/identity', IDENTITY)).status).toBe(303);
    });

    it('refuses bad values each beside its field, in French, saves nothing and keeps what was typed', async () => {
      await web.get('/console/settings/identity');
      const res = await web.post('/console/settings/identity', {
        ...IDENTITY,
        name: 'Nouveau nom',
        siret: '7328293',
        iban: 'FR76 0000',
        postalCode: '',
      });
      expect(res.status).toBe(400);
      expect(problemBeside(res.text, 'si-siret')).toMatch(/SIRET/);
      expect(problemBeside(res.text, 'si-iban')).toMatch(/IBAN/);
      expect(problemBeside(res.text, 'si-postalCode')).toMatch(/Code postal/);
      expect(problemOf(res.text, 'si-name').invalid).toBe(false);
      expect(valueOf(res.text, 'name')).toBe('Nouveau nom');
      expect(summaryOf(res.text, 'si').map((p) => p.href)).toEqual([
        '#si-siret',
        '#si-postalCode',
        '#si-iban',
      ]);
      expect((await practice()).name).toBe('Camille Martin Conseil');
    });

    it('asks a company for its registry, its city and its share capital, then keeps them', async () => {
      await web.get('/console/settings/identity');
      const bare = await web.post('/console/settings/identity', { ...IDENTITY, legalForm: 'SASU' });
      expect(bare.status).toBe(400);
      expect(problemBeside(bare.text, 'si-tradeRegistry')).toMatch(/RCS ou RM/);
      expect(problemBeside(bare.text, 'si-tradeRegistryCity')).toMatch(/ville/);
      expect(problemBeside(bare.text, 'si-shareCapital')).toMatch(/capital social/);
      const res = await web.post('/console/settings/identity', {
        ...IDENTITY,
        legalForm: 'SASU',
        tradeRegistry: 'RCS',
        tradeRegistryCity: 'Lyon',
        shareCapital: '1 000',
      });
      expect(res.status).toBe(303);
      expect(await practice()).toMatchObject({
        legalForm: 'SASU',
        tradeRegistry: 'RCS',
        tradeRegistryCity: 'Lyon',
        shareCapitalCents: 100000,
      });
      const form = await web.get('/console/settings/identity');
      expect(valueOf(form.text, 'shareCapital')).toBe('1000');
      expect(valueOf(form.text, 'tradeRegistryCity')).toBe('Lyon');
      expect((await web.post('/console/settings/identity', IDENTITY)).status).toBe(303);
      expect((await practice()).legalForm).toBe('EI');
    });

    it('says a SIRET of another company beside it, in English', async () => {
      const res = await inEnglish(async (s) => {
        await s.get('/console/settings/identity');
        return s.post('/console/settings/identity', { ...IDENTITY, siret: '44306184100047' });
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('<html lang="en">');
      expect(problemBeside(res.text, 'si-siret')).toMatch(/SIRET|SIREN/);
      expect(problemBeside(res.text, 'si-siret')).not.toMatch(/ doit | du cabinet/);
    });
  });

  describe('calendar', () => {
    it('saves the business hours of each weekday and the holidays, shown again as saved', async () => {
      await web.get('/console/settings/calendar');
      const res = await web.post('/console/settings/calendar', CALENDAR);
      expect(res.status).toBe(303);
      expect((await practice()).businessHours).toEqual({
        mon: [
          ['09:00', '12:00'],
          ['14:00', '18:00'],
        ],
        tue: [
          ['09:00', '12:30'],
          ['13:30', '17:00'],
        ],
        wed: [],
        thu: [['08:30', '16:30']],
        fri: [['09:00', '17:00']],
        sat: [],
        sun: [],
      });
      expect((await practice()).holidayCalendar).toBe('FR-57');
      const page = await web.get('/console/settings/calendar');
      expect(valueOf(page.text, 'tue')).toBe('09:00-12:30, 13:30-17:00');
      expect(inputOf(page.text, 'holidayCalendar')).toBeDefined();
      expect(page.text).toMatch(/<option value="FR-57" selected>/);
    });

    it('refuses a day whose hours overlap, beside that day, in French and in English', async () => {
      await web.get('/console/settings/calendar');
      const res = await web.post('/console/settings/calendar', {
        ...CALENDAR,
        wed: '09:00-13:00, 12:00-18:00',
        timezone: 'Europe/Lyon',
      });
      expect(res.status).toBe(400);
      expect(problemBeside(res.text, 'sc-wed')).toMatch(/plages HH:MM-HH:MM/);
      expect(problemBeside(res.text, 'sc-timezone')).not.toBe('');
      expect(problemOf(res.text, 'sc-mon').invalid).toBe(false);
      expect(summaryOf(res.text, 'sc')[0]).toEqual({
        href: '#sc-wed',
        line: expect.stringMatching(/^Mercredi\s: /),
      });
      expect((await practice()).businessHours.wed).toEqual([]);
      const english = await inEnglish(async (s) => {
        await s.get('/console/settings/calendar');
        return s.post('/console/settings/calendar', { ...CALENDAR, fri: '18:00-09:00' });
      });
      expect(english.status).toBe(400);
      expect(problemBeside(english.text, 'sc-fri')).toMatch(/ranges that end after they start/);
    });

    it('sets the digest hour, and empties it for the opening of business hours', async () => {
      const first = await web.get('/console/settings/calendar');
      expect(valueOf(first.text, 'digestTime')).toBe('');
      expect(first.text).toContain(
        'Laissez vide pour le recevoir à l’ouverture des heures ouvrées',
      );
      expect(
        (await web.post('/console/settings/calendar', { ...CALENDAR, digestTime: '8h30' })).status,
      ).toBe(303);
      expect((await practice()).digestTime).toBe('08:30');
      const page = await web.get('/console/settings/calendar');
      expect(valueOf(page.text, 'digestTime')).toBe('08:30');
      expect(
        (await web.post('/console/settings/calendar', { ...CALENDAR, digestTime: '' })).status,
      ).toBe(303);
      expect((await practice()).digestTime).toBeNull();
    });

    it('refuses a digest hour that is no time beside it, in French and in English, and keeps the stored one', async () => {
      await web.get('/console/settings/calendar');
      await web.post('/console/settings/calendar', { ...CALENDAR, digestTime: '07:45' });
      await web.get('/console/settings/calendar');
      const res = await web.post('/console/settings/calendar', {
        ...CALENDAR,
        digestTime: '25:00',
      });
      expect(res.status).toBe(400);
      expect(problemBeside(res.text, 'sc-digestTime')).toBe(
        'Donnez une heure HH:MM, par exemple 08:30, ou laissez vide pour l’ouverture des heures ouvrées.',
      );
      expect(summaryOf(res.text, 'sc').map((p) => p.href)).toEqual(['#sc-digestTime']);
      expect(valueOf(res.text, 'digestTime')).toBe('25:00');
      const english = await inEnglish(async (session) => {
        await session.get('/console/settings/calendar');
        return session.post('/console/settings/calendar', { ...CALENDAR, digestTime: 'midi' });
      });
      expect(english.status).toBe(400);
      expect(problemBeside(english.text, 'sc-digestTime')).toMatch(/^Give a time HH:MM/);
      expect((await practice()).digestTime).toBe('07:45');
      await web.get('/console/settings/calendar');
      await web.post('/console/settings/calendar', { ...CALENDAR, digestTime: '' });
    });

    it('adds closure days, one or a period, and removes one', async () => {
      await web.get('/console/settings/calendar');
      expect(
        (await web.post('/console/settings/calendar/closures', { from: '2026-12-24', to: '' }))
          .status,
      ).toBe(303);
      await web.get('/console/settings/calendar');
      const range = await web.post('/console/settings/calendar/closures', {
        from: '2026-12-28',
        to: '2026-12-31',
      });
      expect(range.status).toBe(303);
      expect((await practice()).closures).toEqual([
        '2026-12-24',
        '2026-12-28',
        '2026-12-29',
        '2026-12-30',
        '2026-12-31',
      ]);
      const page = await web.get('/console/settings/calendar');
      expect(textOfId(page.text, 'closures')).toContain('29/12/2026');
      const removed = await web.post('/console/settings/calendar/closures/remove', {
        day: '2026-12-29',
      });
      expect(removed.status).toBe(303);
      expect((await practice()).closures).not.toContain('2026-12-29');
      expect((await practice()).closures).toHaveLength(4);
    });

    it('refuses a closure that ends before it starts, or a day that is none, beside its field', async () => {
      await web.get('/console/settings/calendar');
      const backwards = await web.post('/console/settings/calendar/closures', {
        from: '2027-01-10',
        to: '2027-01-02',
      });
      expect(backwards.status).toBe(400);
      expect(problemBeside(backwards.text, 'sx-to')).toMatch(/début de la fermeture/);
      expect(valueOf(backwards.text, 'from')).toBe('2027-01-10');
      await web.get('/console/settings/calendar');
      const none = await web.post('/console/settings/calendar/closures', { from: '2027-02-30' });
      expect(none.status).toBe(400);
      expect(problemBeside(none.text, 'sx-from')).not.toBe('');
      expect((await practice()).closures).toHaveLength(4);
    });
  });

  describe('invoicing', () => {
    it('saves the numbering, payment terms, penalties, VAT and accounts, read back through the API', async () => {
      const form = await web.get('/console/settings/invoicing');
      expect(valueOf(form.text, 'invoiceNumberFormat')).toBe('F{YYYY}-{SEQ:5}');
      expect(valueOf(form.text, 'latePenaltyRate')).toBe('12,15');
      expect(valueOf(form.text, 'defaultVatRate')).toBe('20');
      const res = await web.post('/console/settings/invoicing', INVOICING);
      expect(res.status).toBe(303);
      expect(await practice()).toMatchObject({
        invoiceNumberFormat: 'FA{YY}{MM}-{SEQ:4}',
        paymentTermsDays: 45,
        latePenaltyRatePercent: 13.5,
        vatRegime: 'standard',
        defaultVatRateBp: 550,
        locale: 'en',
        accounts: {
          receivable: '4110',
          sales: '706100',
          vatCollected: '445710',
          journalCode: 'VE',
          journalLabel: 'Ventes de services',
          revenueReverseCharge: '706200',
          revenueIntraEu: '706300',
          revenueExport: '706400',
          bank: '5121',
          bankJournalCode: 'BQ1',
          bankJournalLabel: 'Banque principale',
        },
        vatOnDebits: true,
      });
      const again = await web.get('/console/settings/invoicing');
      expect(valueOf(again.text, 'defaultVatRate')).toBe('5,5');
      expect(valueOf(again.text, 'revenueExport')).toBe('706400');
      expect(again.text).toMatch(/name="vatOnDebits" checked/);
      expect(again.text).toContain('Au moins 7,86');
      expect(again.text).toMatch(/2,62.%.depuis le 01\/01\/2026/);
      await web.get('/console/settings/invoicing');
      const { vatOnDebits: _ticked, ...unticked } = INVOICING;
      expect((await web.post('/console/settings/invoicing', unticked)).status).toBe(303);
      expect((await practice()).vatOnDebits).toBe(false);
      await web.get('/console/settings/invoicing');
      const low = await web.post('/console/settings/invoicing', {
        ...INVOICING,
        latePenaltyRate: '5',
      });
      expect(low.status).toBe(400);
      expect(problemBeside(low.text, 'sv-latePenaltyRate')).toMatch(/7,86/);
      await web.get('/console/settings/invoicing');
      expect((await web.post('/console/settings/invoicing', INVOICING)).status).toBe(303);
    });

    it('refuses terms over 60 days, a rate that is no percent and a bad number format, beside each', async () => {
      await web.get('/console/settings/invoicing');
      const res = await web.post('/console/settings/invoicing', {
        ...INVOICING,
        paymentTermsDays: '90',
        defaultVatRate: 'vingt',
        invoiceNumberFormat: 'F{MONTH}-{SEQ}',
      });
      expect(res.status).toBe(400);
      expect(problemBeside(res.text, 'sv-paymentTermsDays')).toMatch(/60/);
      expect(problemBeside(res.text, 'sv-defaultVatRate')).toMatch(/pourcentage/);
      expect(problemBeside(res.text, 'sv-invoiceNumberFormat')).not.toBe('');
      expect(valueOf(res.text, 'defaultVatRate')).toBe('vingt');
      expect((await practice()).paymentTermsDays).toBe(45);
      const english = await inEnglish(async (s) => {
        await s.get('/console/settings/invoicing');
        return s.post('/console/settings/invoicing', { ...INVOICING, latePenaltyRate: 'lots' });
      });
      expect(english.status).toBe(400);
      expect(problemBeside(english.text, 'sv-latePenaltyRate')).toMatch(/must be a percent/);
    });

    it('sets the reminder days typed as a list, and refuses days out of order, a day 0 or seven days beside the field, in French and in English', async () => {
      await web.get('/console/settings/invoicing');
      const saved = await web.post('/console/settings/invoicing', {
        ...INVOICING,
        reminderDays: '1, 15 ,30',
      });
      expect(saved.status).toBe(303);
      expect((await practice()).reminderDays).toEqual([1, 15, 30]);
      expect(valueOf((await web.get('/console/settings/invoicing')).text, 'reminderDays')).toBe(
        '1, 15, 30',
      );

      const refusals: Array<[string, string]> = [
        [
          '15, 1',
          'Le champ « Jours de relance » doit donner des jours croissants, chacun une fois',
        ],
        ['0', 'Le champ « Jours de relance » doit valoir au moins 1'],
        ['1, 2, 3, 4, 5, 6, 7', 'Le champ « Jours de relance » doit compter au plus 6 éléments'],
        ['lundi', 'Le champ « Jours de relance » doit être un nombre entier'],
      ];
      for (const [typed, problem] of refusals) {
        await web.get('/console/settings/invoicing');
        const res = await web.post('/console/settings/invoicing', {
          ...INVOICING,
          reminderDays: typed,
        });
        expect(res.status).toBe(400);
        const beside = problemBeside(res.text, 'sv-reminderDays');
        expect(beside.replace(/[\u00a0\u202f]/g, ' ')).toBe(problem);
        expect(summaryOf(res.text, 'sv').map((p) => p.href)).toEqual(['#sv-reminderDays']);
        expect(valueOf(res.text, 'reminderDays')).toBe(typed);
      }
      const english = await inEnglish(async (s) => {
        await s.get('/console/settings/invoicing');
        return s.post('/console/settings/invoicing', { ...INVOICING, reminderDays: '15, 1' });
      });
      expect(english.status).toBe(400);
      expect(problemBeside(english.text, 'sv-reminderDays')).toBe(
        'The field “Reminder days” must list days in ascending order, each once',
      );
      expect((await practice()).reminderDays).toEqual([1, 15, 30]);

      // Left empty: no reminder at all.
      await web.get('/console/settings/invoicing');
      expect(
        (await web.post('/console/settings/invoicing', { ...INVOICING, reminderDays: '' })).status,
      ).toBe(303);
      expect((await practice()).reminderDays).toEqual([]);
      await web.get('/console/settings/invoicing');
      const back = await web.post('/console/settings/invoicing', {
        ...INVOICING,
        reminderDays: '1, 15, 30',
      });
      expect(back.status).toBe(303);
      expect((await practice()).reminderDays).toEqual([1, 15, 30]);
    });
  });

  describe('burnout limits', () => {
    it('saves the limits typed in hours, in minutes through the API', async () => {
      const form = await web.get('/console/settings/limits');
      expect(valueOf(form.text, 'maxWeekly')).toBe('48');
      const res = await web.post('/console/settings/limits', LIMITS);
      expect(res.status).toBe(303);
      expect((await practice()).limits).toEqual({
        maxWeeklyMinutes: 2700,
        alertWeeklyMinutes: 2250,
        maxDailyMinutes: 540,
        minDailyRestMinutes: 720,
        minWeeklyDaysOff: 2,
        maxAfterHoursMinutesPerWeek: 240,
        maxUrgentInterruptionsPerDay: 2,
        minWeeklyRestMinutes: 2160,
        maxAverageWeeklyMinutes: 2550,
        averageWeeks: 10,
        maxNightMinutesPerWeek: 180,
        maxConsecutiveWorkDays: 5,
      });
      const again = (await web.get('/console/settings/limits')).text;
      expect(valueOf(again, 'alertWeekly')).toBe('37,5');
      expect(valueOf(again, 'maxAverageWeekly')).toBe('42,5');
      expect(valueOf(again, 'maxConsecutiveWorkDays')).toBe('5');
    });

    it('refuses an alert above the maximum and hours that are none, beside each, in both languages', async () => {
      await web.get('/console/settings/limits');
      const res = await web.post('/console/settings/limits', {
        ...LIMITS,
        alertWeekly: '50',
        maxDaily: 'dix',
      });
      expect(res.status).toBe(400);
      expect(problemBeside(res.text, 'sl-maxDaily')).toMatch(/nombre d’heures/);
      const english = await inEnglish(async (s) => {
        await s.get('/console/settings/limits');
        return s.post('/console/settings/limits', { ...LIMITS, alertWeekly: '50' });
      });
      expect(english.status).toBe(400);
      expect(problemBeside(english.text, 'sl-alertWeekly')).toMatch(/weekly/i);
      expect((await practice()).limits.alertWeeklyMinutes).toBe(2250);
    });
  });

  describe('activities', () => {
    let id: string;

    it('adds an activity, changes it, and reads it back through the API', async () => {
      await web.get('/console/activities');
      expect(
        (
          await web.post('/console/activities', {
            name: 'Support',
            kind: 'support',
            rate: '90',
            billable: 'on',
          })
        ).status,
      ).toBe(303);
      const listed = await t
        .http()
        .get('/api/activities')
        .set(...bearer(token))
        .expect(200);
      id = listed.body.items[0].id;
      const edit = await web.get(`/console/activities/${id}`);
      expect(valueOf(edit.text, 'rate')).toBe('90');
      const res = await web.post(`/console/activities/${id}`, {
        name: 'Support à distance',
        kind: 'consulting',
        rate: '95,50',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/console/activities');
      const read = await t
        .http()
        .get(`/api/activities/${id}`)
        .set(...bearer(token))
        .expect(200);
      expect(read.body).toMatchObject({
        name: 'Support à distance',
        kind: 'consulting',
        defaultRateCents: 9550,
        billable: false,
      });
    });

    it('refuses a bad rate beside it, in French and in English, and keeps the stored values', async () => {
      await web.get(`/console/activities/${id}`);
      const res = await web.post(`/console/activities/${id}`, {
        name: 'Support',
        kind: 'support',
        rate: 'cher',
      });
      expect(res.status).toBe(400);
      expect(problemBeside(res.text, 'ea-rate')).toMatch(/montant en euros/);
      const english = await inEnglish(async (s) => {
        await s.get(`/console/activities/${id}`);
        return s.post(`/console/activities/${id}`, { name: '', kind: 'support', rate: '10' });
      });
      expect(english.status).toBe(400);
      expect(problemBeside(english.text, 'ea-name')).toMatch(/Name/);
      const read = await t
        .http()
        .get(`/api/activities/${id}`)
        .set(...bearer(token))
        .expect(200);
      expect(read.body.name).toBe('Support à distance');
    });

    it('archives an activity some work names, and brings it back; deletes one nothing names', async () => {
      const client = await createClient(t, token);
      const contract = await createContract(t, token, client.id);
      await t
        .http()
        .post('/api/interventions')
        .set(...bearer(token))
        .send({
          contractId: contract.id,
          activityId: id,
          startedAt: '2026-11-16T08:00:00.000Z',
          endedAt: '2026-11-16T09:00:00.000Z',
          urgency: 'normal',
          location: 'remote',
          description: 'Mise à jour du pare-feu',
          billable: true,
        })
        .expect(201);
      await web.get('/console/activities');
      expect((await web.post(`/console/activities/${id}/archive`, {})).status).toBe(303);
      const page = await web.get('/console/activities');
      expect(textOfId(page.text, 'activities')).toBe('');
      expect(textOfId(page.text, 'archived-activities')).toContain('Support à distance');
      expect((await web.post(`/console/activities/${id}/restore`, {})).status).toBe(303);
      const back = await web.get('/console/activities');
      expect(textOfId(back.text, 'activities')).toContain('Support à distance');

      await web.post('/console/activities', { name: 'Essai', kind: 'other', rate: '1' });
      const all = await t
        .http()
        .get('/api/activities')
        .set(...bearer(token))
        .expect(200);
      const unused = all.body.items.find((a: { name: string }) => a.name === 'Essai');
      await web.get('/console/activities');
      expect((await web.post(`/console/activities/${unused.id}/archive`, {})).status).toBe(303);
      await t
        .http()
        .get(`/api/activities/${unused.id}`)
        .set(...bearer(token))
        .expect(404);
    });
  });

  describe('people', () => {
    let clientId: string;

    it('invites a client’s staff member; the link shown lets them choose a password and reach the portal', async () => {
      clientId = (await createClient(t, token, { name: 'Clinique des Tilleuls' })).id;
      await web.get('/console/users');
      const res = await web.post('/console/users', {
        who: clientId,
        displayName: 'Dominique Petit',
        email: 'dominique@tilleuls.example',
      });
      // Made, then shown by a redirect: the token is in neither the address nor a reload.
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/console/users');
      const kept = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('gf_invited='));
      expect(kept).toMatch(/; Path=\/console\/users/);
      expect(kept).toMatch(/; HttpOnly/);
      expect(kept).toMatch(/; Max-Age=\d+/);
      const shown = await web.get(res.headers.location);
      expect(shown.status).toBe(200);
      const link = invitationLink(shown.text);
      expect(link.origin).toMatch(/^http:\/\/127\.0\.0\.1(:\d+)?$/);
      expect(link.pathname).toBe('/invite');
      expect(textOfId(shown.text, 'people')).toMatch(
        /Dominique Petit dominique@tilleuls\.example Personnel de Clinique des Tilleuls Invité, mot de passe pas encore choisi/,
      );
      // Shown this once: a reload no longer has it.
      expect((await web.get('/console/users')).text).not.toContain('id="invite-link"');
      const staff = new WebSession(t);
      await staff.get(link.pathname + link.search);
      const accepted = await staff.post('/invite', {
        token: link.searchParams.get('token')!,
        password: PASSWORD,
      });
      expect(accepted.status).toBe(303);
      expect(accepted.headers.location).toBe('/portal');
      expect(textOfId((await web.get('/console/users')).text, 'people')).toMatch(
        /Dominique Petit .* Actif/,
      );
    });

    it('refuses an email already given access beside it, in French and in English', async () => {
      await web.get('/console/users');
      const taken = await web.post('/console/users', {
        who: clientId,
        displayName: 'Encore',
        email: 'dominique@tilleuls.example',
      });
      expect(taken.status).toBe(409);
      expect(problemBeside(taken.text, 'ns-email')).toMatch(/adresse e-mail/);
      expect(valueOf(taken.text, 'displayName')).toBe('Encore');
      const english = await inEnglish(async (s) => {
        await s.get('/console/users');
        return s.post('/console/users', { who: clientId, displayName: 'X', email: 'not-an-email' });
      });
      expect(english.status).toBe(400);
      expect(problemBeside(english.text, 'ns-email')).toMatch(/email/i);
    });

    it('invites the accountant, gives a new link that replaces the first, and deactivates and activates them', async () => {
      await web.get('/console/users');
      const made = await web.post('/console/users', {
        who: 'accountant',
        displayName: 'Cabinet Compta',
        email: 'compta@cabinet.example',
      });
      expect(made.status).toBe(303);
      const first = invitationLink((await web.get(made.headers.location)).text);
      const users = await t
        .http()
        .get('/api/users')
        .set(...bearer(token))
        .expect(200);
      const accountant = users.body.items.find(
        (u: { email: string }) => u.email === 'compta@cabinet.example',
      );
      expect(accountant).toMatchObject({ role: 'accountant', clientId: null, passwordSet: false });
      await web.get('/console/users');
      const again = await web.post(`/console/users/${accountant.id}/invite`, {});
      expect(again.status).toBe(303);
      expect(again.headers.location).toBe('/console/users');
      const second = invitationLink((await web.get(again.headers.location)).text);
      expect((await web.get('/console/users')).text).not.toContain('id="invite-link"');
      expect(second.searchParams.get('token')).not.toBe(first.searchParams.get('token'));
      const stale = await t
        .http()
        .post('/api/auth/accept-invite')
        .send({ token: first.searchParams.get('token'), password: PASSWORD });
      expect(stale.status).toBe(401);

      await web.get('/console/users');
      expect((await web.post(`/console/users/${accountant.id}/deactivate`, {})).status).toBe(303);
      const page = await web.get('/console/users');
      expect(textOfId(page.text, `user-${accountant.id}`)).toContain('Désactivé');
      const refused = await web.post(`/console/users/${accountant.id}/invite`, {});
      expect(refused.status).toBe(409);
      expect(summaryOf(refused.text, 'ua')[0].line).toMatch(/désactivé/);
      expect((await web.post(`/console/users/${accountant.id}/activate`, {})).status).toBe(303);
      await web.get('/console/users');
      const resent = await web.post(`/console/users/${accountant.id}/invite`, {});
      const third = invitationLink((await web.get(resent.headers.location)).text);
      const used = await t
        .http()
        .post('/api/auth/accept-invite')
        .send({ token: third.searchParams.get('token'), password: PASSWORD });
      expect(used.status).toBe(200);
    });

    it('refuses to deactivate one’s own account, said on the page', async () => {
      const me = await t
        .http()
        .get('/api/auth/me')
        .set(...bearer(token))
        .expect(200);
      const page = await web.get('/console/users');
      expect(page.text).not.toContain(`/console/users/${me.body.id}/deactivate`);
      const res = await web.post(`/console/users/${me.body.id}/deactivate`, {});
      expect(res.status).toBe(409);
      expect(summaryOf(res.text, 'ua')[0].line).toMatch(/votre propre compte/);
    });

    it('changes someone’s role from their row, asks for the company of a client user beside its list, and comes back to the list', async () => {
      const company = await createClient(t, token, { name: 'Menuiserie Aubert' });
      const accountant = await createUser(t, token, 'accountant');
      await web.get('/console/users');
      const missing = await web.post(`/console/users/${accountant.id}/role`, {
        role: 'client',
        clientId: '',
      });
      expect(missing.status).toBe(400);
      expect(problemBeside(missing.text, 'ur-clientId')).toMatch(/entreprise cliente/);
      expect(summaryOf(missing.text, 'ur')[0].line).toMatch(/entreprise cliente/);
      // The role chosen stays chosen on that row.
      expect(missing.text).toMatch(
        /<select id="ur-role"[^>]*>\s*<option value="consultant">[^<]*<\/option>\s*<option value="client" selected>/,
      );

      const changed = await web.post(`/console/users/${accountant.id}/role`, {
        role: 'client',
        clientId: company.id,
      });
      expect(changed.status).toBe(303);
      expect(changed.headers.location).toBe('/console/users');
      const page = await web.get(changed.headers.location);
      expect(textOfId(page.text, `user-${accountant.id}`)).toMatch(
        /Personnel de Menuiserie Aubert/,
      );
      await t
        .http()
        .get('/api/auth/me')
        .set(...bearer(accountant.token))
        .expect(401);

      const me = await t
        .http()
        .get('/api/auth/me')
        .set(...bearer(token))
        .expect(200);
      expect(page.text).not.toContain(`/console/users/${me.body.id}/role`);
      const own = await web.post(`/console/users/${me.body.id}/role`, { role: 'accountant' });
      expect(own.status).toBe(409);
      expect(summaryOf(own.text, 'ur')[0].line).toMatch(/propre rôle/);
    });
  });

  it('keeps the settings, activities and people pages to the consultant: a client user and the accountant are refused', async () => {
    const client = await createClient(t, token);
    const staff = await createUser(t, token, 'client', client.id);
    const accountant = await createUser(t, token, 'accountant');
    for (const who of [staff, accountant]) {
      const other = await signedIn(t, who.email);
      for (const path of [
        '/console/settings',
        '/console/settings/identity',
        '/console/settings/calendar',
        '/console/settings/invoicing',
        '/console/settings/limits',
        '/console/activities',
        '/console/users',
      ]) {
        expect(`${path} ${(await other.get(path)).status}`).toBe(`${path} 403`);
      }
      await other.get('/account/password');
      const posted = await other.post('/console/settings/limits', LIMITS);
      expect(posted.status).toBe(403);
      await other.get('/account/password');
      const invited = await other.post('/console/users', {
        who: 'accountant',
        displayName: 'Intrus',
        email: 'intrus@example.org',
      });
      expect(invited.status).toBe(403);
    }
    expect((await practice()).limits.maxWeeklyMinutes).toBe(2700);
  });

  describe('one’s own password', () => {
    it('is reachable by every role, from the header', async () => {
      const client = await createClient(t, token);
      const staff = await createUser(t, token, 'client', client.id);
      const session = await signedIn(t, staff.email);
      const page = await session.get('/account/password');
      expect(page.status).toBe(200);
      expect(page.text).toContain('href="/portal/requests"');
      expect(page.text).toContain('href="/account/password" aria-current="page"');
    });

    it('refuses a wrong current password, a weak new one and two typings that differ, each beside its field', async () => {
      await web.get('/account/password');
      const wrong = await web.post('/account/password', {
        currentPassword: 'not the password at all',
        newPassword: 'a brand new passphrase for gardefou',
        newPasswordAgain: 'a brand new passphrase for gardefou',
      });
      expect(wrong.status).toBe(401);
      expect(problemBeside(wrong.text, 'pw-currentPassword')).toMatch(/incorrect/);
      expect(wrong.text).not.toContain('value="not the password at all"');
      await web.get('/account/password');
      const weak = await web.post('/account/password', {
        currentPassword: PASSWORD,
        newPassword: 'password1234',
        newPasswordAgain: 'password1234',
      });
      expect(weak.status).toBe(400);
      expect(problemBeside(weak.text, 'pw-newPassword')).toMatch(/facile à deviner/);
      const english = await inEnglish(async (s) => {
        await s.get('/account/password');
        return s.post('/account/password', {
          currentPassword: PASSWORD,
          newPassword: 'a brand new passphrase for gardefou',
          newPasswordAgain: 'a brand new passphrase for gardefoo',
        });
      });
      expect(english.status).toBe(400);
      expect(problemBeside(english.text, 'pw-newPasswordAgain')).toMatch(/differ/);
    });

    it('changes the password: this browser stays signed in, every other session ends', async () => {
      const other = await signedIn(t);
      await web.get('/account/password');
      const res = await web.post('/account/password', {
        currentPassword: PASSWORD,
        newPassword: 'a brand new passphrase for gardefou',
        newPasswordAgain: 'a brand new passphrase for gardefou',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/account/password?saved=1');
      const done = await web.get(res.headers.location);
      expect(done.status).toBe(200);
      expect(textOfId(done.text, 'saved')).toContain('Mot de passe changé');
      expect((await web.get('/console/settings')).status).toBe(200);
      const stale = await other.get('/console/settings');
      expect(stale.status).toBe(303);
      expect(stale.headers.location).toMatch(/^\/login/);
      await t
        .http()
        .get('/api/practice')
        .set(...bearer(token))
        .expect(401);
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'camille@example.fr', password: 'a brand new passphrase for gardefou' })
        .expect(200);
    });
  });
});
