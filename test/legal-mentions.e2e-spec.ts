import { createClient } from './factories';
import { createContract } from './factories/contracts';
import { binary, pdfText } from './support/pdf-text';
import { apiAs, signedIn, startPractice, type Practice } from './support/world';

const fields = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((d) => d.field).sort();
const flat = (text: string) => text.replace(/[\u00a0\u202f\s]+/g, ' ');

/**
 * The law's inputs of an invoice: a company seller's registration and capital, the French VAT
 * rates, the exemption of a 0 % line, goods and services, the debit option, the late-penalty
 * floor and the buyer's SIREN. The practice charges VAT (SIREN 732829320).
 */
describe('legal mentions and the law’s inputs', () => {
  let world: Practice;
  let api: ReturnType<typeof apiAs>;
  let contractId: string;

  const pdfOf = async (id: string) =>
    flat(
      pdfText(
        (await api.get(`/api/invoices/${id}/pdf`).buffer(true).parse(binary).expect(200))
          .body as Buffer,
      ),
    );

  /** A draft of one month of 2026 (each test bills its own month). */
  async function draft(lines: object[] = [], month = '10', contract = contractId) {
    const created = await api
      .post('/api/invoices/drafts', {
        contractId: contract,
        periodStart: `2026-${month}-01`,
        periodEnd: `2026-${month}-28`,
      })
      .expect(201);
    if (lines.length === 0) return created.body as { id: string };
    const res = await api.patch(`/api/invoices/${created.body.id}`, { lines });
    return { id: created.body.id as string, res };
  }

  beforeAll(async () => {
    world = await startPractice({ now: '2026-11-10T10:00:00+01:00' });
    api = apiAs(world.t, world.consultant);
    await api
      .patch('/api/practice', { vatRegime: 'standard', vatNumber: 'FR44732829320' })
      .expect(200);
    const client = await createClient(world.t, world.consultant, { name: 'Boulangerie Émile' });
    contractId = (await createContract(world.t, world.consultant, client.id)).id;
  });
  afterAll(() => world.t.close());

  describe('a company seller', () => {
    it('is refused without its registry, the registry’s city and its share capital, each named', async () => {
      const res = await api.patch('/api/practice', { legalForm: 'SASU' }).expect(400);
      expect(res.body.code).toBe('invalid.practice');
      expect(fields(res.body)).toEqual(['shareCapitalCents', 'tradeRegistry', 'tradeRegistryCity']);
      const en = await api
        .patch('/api/practice', {
          legalForm: 'SARL',
          tradeRegistry: 'RCS',
          tradeRegistryCity: 'Lyon',
        })
        .set('Accept-Language', 'en')
        .expect(400);
      expect(fields(en.body)).toEqual(['shareCapitalCents']);
      expect(en.body.message).toBe('A company (SARL) states its share capital');
    });

    it('takes a legal form of 60 characters, not 61, and an individual entrepreneur needs no registry', async () => {
      const long = await api.patch('/api/practice', { legalForm: 'E'.repeat(61) }).expect(400);
      expect(fields(long.body)).toEqual(['legalForm']);
      const ei = await api
        .patch('/api/practice', {
          legalForm: 'Entrepreneur individuel (micro-entreprise) '.padEnd(60, '.'),
        })
        .expect(200);
      expect(ei.body.legalForm).toHaveLength(60);
      expect(ei.body.tradeRegistry).toBeNull();
    });

    it('prints "SASU au capital de 1 000 €, RCS Lyon 732 829 320", and an issued invoice keeps it', async () => {
      await api
        .patch('/api/practice', {
          legalForm: 'SASU',
          tradeRegistry: 'RCS',
          tradeRegistryCity: 'Lyon',
          shareCapitalCents: 100000,
        })
        .expect(200);
      const { id } = await draft();
      const issued = await api.post(`/api/invoices/${id}/issue`).expect(200);
      expect(issued.body.seller).toMatchObject({
        legalForm: 'SASU',
        tradeRegistry: 'RCS',
        tradeRegistryCity: 'Lyon',
        shareCapitalCents: 100000,
      });
      const text = await pdfOf(id);
      expect(text).toContain('SASU au capital de 1 000 €');
      expect(text).toContain('SASU au capital de 1 000 €, RCS Lyon 732 829 320');
      await api.patch('/api/practice', { shareCapitalCents: 500000 }).expect(200);
      expect((await api.get(`/api/invoices/${id}`).expect(200)).body.seller.shareCapitalCents).toBe(
        100000,
      );
      expect(await pdfOf(id)).toContain('au capital de 1 000 €');
    });
  });

  describe('a company stored before its mentions were asked for', () => {
    it('cannot issue until its identity names its registry and capital, said in both languages with the page to fix it', async () => {
      await world.t.dataSource.query(
        `UPDATE practice SET "legalForm" = 'SARL', "tradeRegistry" = NULL, "tradeRegistryCity" = 'Lyon', "shareCapitalCents" = NULL`,
      );
      const { id } = await draft([], '05');
      const fr = await api.post(`/api/invoices/${id}/issue`).expect(422);
      expect(fr.body.code).toBe('rule.seller_registration');
      expect(fr.body.details.map((d: { field: string }) => d.field)).toEqual([
        'tradeRegistry',
        'shareCapitalCents',
      ]);
      expect(fr.body.details[0]).toMatchObject({ settingsPage: '/console/settings/identity' });
      expect(fr.body.message).toBe(
        'Le cabinet est une société (SARL) : ses factures indiquent son registre d’immatriculation et son capital social, à renseigner dans l’identité du cabinet (/console/settings/identity) avant d’émettre une facture',
      );
      const en = await api
        .post(`/api/invoices/${id}/issue`)
        .set('Accept-Language', 'en')
        .expect(422);
      expect(en.body.message).toBe(
        'The practice is a company (SARL): its invoices state its trade registry and its share capital: fill them in on the practice’s identity settings (/console/settings/identity) before issuing an invoice',
      );

      const web = await signedIn(world.t);
      await web.get(`/console/invoices/${id}`);
      const page = await web.post(`/console/invoices/${id}/issue`, {});
      expect(page.status).toBe(422);
      expect(page.text).toContain('Une société (SARL) indique son capital social');
      expect(page.text).toMatch(
        /<p id="settings-fix"><a class="button" href="\/console\/settings\/identity">Compléter l’identité du cabinet<\/a><\/p>/,
      );

      await api
        .patch('/api/practice', { tradeRegistry: 'RCS', shareCapitalCents: 100000 })
        .expect(200);
      await api.post(`/api/invoices/${id}/issue`).expect(200);
    });
  });

  describe('VAT rates, exemptions and the category of operation', () => {
    it('refuses a rate that is not French, on a line and as the default, naming the rates', async () => {
      const { res } = (await draft(
        [
          {
            description: 'Déplacement',
            quantity: 1,
            unit: 'unit',
            unitPriceCents: 4500,
            vatRateBp: 1234,
          },
        ],
        '09',
      )) as { res: { status: number; body: { details: { field: string; values: unknown }[] } } };
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'lines.0.vatRateBp', values: '2000, 1000, 550, 210, 0' }),
      ]);
      const practice = await api.patch('/api/practice', { defaultVatRateBp: 1960 }).expect(400);
      expect(fields(practice.body)).toEqual(['defaultVatRateBp']);
    });

    it('refuses a 0 % default rate under the standard regime, whose generated lines name no exemption', async () => {
      const res = await api.patch('/api/practice', { defaultVatRateBp: 0 }).expect(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'defaultVatRateBp', code: 'default_vat_rate_exempt' }),
      ]);
      expect(flat(res.body.message)).toBe(
        'Sous le régime normal de TVA, le taux par défaut est un taux taxé : le taux de 0 % est réservé aux lignes saisies, chacune avec son motif d’exonération',
      );
      // Nor by changing the regime of a practice whose default rate is 0 %.
      await api.patch('/api/practice', { vatRegime: 'franchise' }).expect(200);
      await api.patch('/api/practice', { defaultVatRateBp: 0 }).expect(200);
      const en = await api
        .patch('/api/practice', { vatRegime: 'standard' })
        .set('Accept-Language', 'en')
        .expect(400);
      expect(fields(en.body)).toEqual(['defaultVatRateBp']);
      expect(en.body.message).toContain(
        'Under the standard VAT regime the default rate is a taxed one',
      );
      await api
        .patch('/api/practice', { vatRegime: 'standard', defaultVatRateBp: 2000 })
        .expect(200);
    });

    it('asks a 0 % line for its exemption, and prints it', async () => {
      const zero = {
        description: 'Formation bureautique',
        quantity: 7,
        unit: 'hour',
        unitPriceCents: 6000,
        vatRateBp: 0,
      };
      const { id, res } = (await draft([zero], '08')) as {
        id: string;
        res: { status: number; body: { code: string; details: { field: string }[] } };
      };
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid.lines');
      expect(fields(res.body)).toEqual(['lines[0].vatExemption']);
      const taxed = await api
        .patch(`/api/invoices/${id}`, {
          lines: [{ ...zero, vatRateBp: 2000, vatExemption: 'training' }],
        })
        .expect(400);
      expect(fields(taxed.body)).toEqual(['lines[0].vatExemption']);
      const ok = await api
        .patch(`/api/invoices/${id}`, { lines: [{ ...zero, vatExemption: 'training' }] })
        .expect(200);
      expect(ok.body.lines.at(-1)).toMatchObject({ vatRateBp: 0, vatExemption: 'training' });
      expect(await pdfOf(id)).toContain(
        'Exonération de TVA, art. 261-4-4° a du CGI (formation professionnelle continue)',
      );
      await api.delete(`/api/invoices/${id}`).expect(204);
    });

    it('reads "Mixte" when goods join the services, and prints the option for VAT on debits', async () => {
      await api.patch('/api/practice', { vatOnDebits: true }).expect(200);
      const goods = {
        description: 'Routeur',
        quantity: 1,
        unit: 'unit',
        unitPriceCents: 25000,
        supply: 'goods',
      };
      const { id } = await draft([goods], '07');
      const issued = await api.post(`/api/invoices/${id}/issue`).expect(200);
      expect(issued.body.lines.at(-1)).toMatchObject({ supply: 'goods' });
      const text = await pdfOf(id);
      expect(text).toContain('Catégorie de l’opération : Mixte');
      expect(text).toContain('Option pour le paiement de la taxe d’après les débits');
      await api.patch('/api/practice', { vatOnDebits: false }).expect(200);
    });
  });

  describe('the late-payment penalty rate', () => {
    it('is refused below three times the legal interest rate of the day, naming the floor and its date', async () => {
      // 10 November 2026: the rate of the first half of 2026 (2.62 %) carries forward.
      const res = await api.patch('/api/practice', { latePenaltyRatePercent: 0 }).expect(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({
          field: 'latePenaltyRatePercent',
          code: 'late_penalty_floor',
          floor: 7.86,
          legalInterestRate: 2.62,
          rateSince: '2026-01-01',
        }),
      ]);
      expect(flat(res.body.message)).toContain('au moins 7,86 %');
      expect(flat(res.body.message)).toContain('2,62 %');
      await api.patch('/api/practice', { latePenaltyRatePercent: 7.85 }).expect(400);
      const floor = await api.patch('/api/practice', { latePenaltyRatePercent: 7.86 }).expect(200);
      expect(floor.body.latePenaltyRatePercent).toBe(7.86);
      await api.patch('/api/practice', { latePenaltyRatePercent: 12.15 }).expect(200);
    });

    it('follows the legal interest rate of the practice’s day, half-year by half-year', async () => {
      try {
        // The second half of 2025: 2.76 %, a floor of 8.28 %.
        world.t.clock.set('2025-09-15T10:00:00+02:00');
        const res = await api.patch('/api/practice', { latePenaltyRatePercent: 8 }).expect(400);
        expect(res.body.details).toEqual([
          expect.objectContaining({
            floor: 8.28,
            legalInterestRate: 2.76,
            rateSince: '2025-07-01',
          }),
        ]);
        // Paris is already in 2026 at 23:30 UTC on New Year's Eve: the new rate applies.
        world.t.clock.set('2025-12-31T23:30:00Z');
        const next = await api.patch('/api/practice', { latePenaltyRatePercent: 8 }).expect(200);
        expect(next.body.latePenaltyRatePercent).toBe(8);
      } finally {
        world.t.clock.set('2026-11-10T10:00:00+01:00');
        await api.patch('/api/practice', { latePenaltyRatePercent: 12.15 }).expect(200);
      }
    });

    it('prints the floor of the issue day on an invoice of a practice that stored a lower rate', async () => {
      // A rate stored before the floor was checked.
      await world.t.dataSource.query('UPDATE practice SET "latePenaltyRateHundredths" = 500');
      try {
        const { id } = await draft([], '06');
        const issued = await api.post(`/api/invoices/${id}/issue`).expect(200);
        expect(issued.body.seller.latePenaltyRatePercent).toBe(7.86);
        expect(await pdfOf(id)).toContain('Pénalités de retard : taux annuel de 7,86 %');
      } finally {
        await api.patch('/api/practice', { latePenaltyRatePercent: 12.15 }).expect(200);
      }
    });
  });

  describe('the buyer’s SIREN', () => {
    it('is required at issue for a French business, in the reader’s language, naming the client', async () => {
      const client = await createClient(world.t, world.consultant, {
        name: 'Atelier Sans Siren',
        siren: null,
        vatNumber: 'FR82542065479',
      });
      const contract = await createContract(world.t, world.consultant, client.id);
      const { id } = await draft([], '10', contract.id);
      const fr = await api.post(`/api/invoices/${id}/issue`).expect(422);
      expect(fr.body.code).toBe('rule.buyer_siren');
      expect(fr.body.details).toEqual([
        expect.objectContaining({
          field: 'siren',
          clientId: client.id,
          client: 'Atelier Sans Siren',
        }),
      ]);
      expect(fr.body.message).toBe(
        'Atelier Sans Siren est une entreprise française : renseignez son SIREN avant d’émettre sa facture',
      );
      const en = await api
        .post(`/api/invoices/${id}/issue`)
        .set('Accept-Language', 'en')
        .expect(422);
      expect(en.body.message).toBe(
        'Atelier Sans Siren is a French business: set its SIREN before issuing its invoice',
      );
      const set = await api.patch(`/api/clients/${client.id}`, { siren: '542065479' });
      expect([set.status, set.body.code]).toEqual([200, undefined]);
      const issued = await api.post(`/api/invoices/${id}/issue`);
      expect([issued.status, issued.body.buyer?.siren]).toEqual([200, '542065479']);
    });
  });
});
