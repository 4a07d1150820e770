import { Clock } from '../src/common/clock';
import type { Contract } from '../src/contracts/contract.entity';
import { Transactions } from '../src/common/transactions';
import { Intervention } from '../src/interventions/intervention.entity';
import { Locks } from '../src/common/locks';
import { Invoice } from '../src/invoicing/invoice.entity';
import { QuotaUnit } from '../src/requests/quota-unit.entity';
import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './factories';
import { createContract } from './factories/contracts';
import { interventionInput, logIntervention } from './factories/interventions';
import {
  consultantId,
  insertContract,
  insertIntervention,
  insertManualDrafts,
  insertOverageUnit,
  type WorkInput,
} from './factories/invoicing';
import { binary, pdfLayoutText as pdfText } from './support/pdf-text';
import { until } from './support/wait';

const HOUR = 3_600_000;
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('invoicing: drafts, issue, payments, credit notes, chain', () => {
  let t: TestApp;
  let token: string;
  let me: string;
  let activityId: string;
  let today: string;
  const isPostgres = () => t.db.kind === 'postgres';
  const api = () => ({
    get: (url: string) =>
      t
        .http()
        .get(url)
        .set(...bearer(token)),
    post: (url: string, body: object = {}) =>
      t
        .http()
        .post(url)
        .set(...bearer(token))
        .send(body),
    patch: (url: string, body: object) =>
      t
        .http()
        .patch(url)
        .set(...bearer(token))
        .send(body),
    delete: (url: string) =>
      t
        .http()
        .delete(url)
        .set(...bearer(token)),
  });

  const work = (
    contract: Contract,
    startedAt: string,
    hours: number,
    extra: Partial<WorkInput> = {},
  ) =>
    insertIntervention(t, {
      contract,
      activityId,
      consultantId: me,
      startedAt,
      endedAt: new Date(new Date(startedAt).getTime() + hours * HOUR).toISOString(),
      ...extra,
    });

  const draft = async (contractId: string, periodStart: string, periodEnd: string) =>
    (await api().post('/api/invoices/drafts', { contractId, periodStart, periodEnd }).expect(201))
      .body as Body;

  const issue = async (id: string) =>
    (await api().post(`/api/invoices/${id}/issue`).expect(200)).body as Body;

  const setPractice = (body: object) => api().patch('/api/practice', body).expect(200);

  /** A time-and-materials contract with `hours` of support on 2026-10-06 (90 €/h). */
  async function tmInvoice(
    clientId: string,
    hours = 2,
  ): Promise<{ contract: Contract; draft: Body }> {
    const contract = await insertContract(t, clientId, {
      billing: {
        mode: 'time_and_materials',
        monthlyFeeCents: undefined,
        includedMinutesPerMonth: undefined,
        overageRateCents: undefined,
      },
    });
    if (hours > 0) {
      await work(contract, '2026-10-06T07:00:00.000Z', hours, { description: 'Serveur mail HS' });
    }
    return { contract, draft: await draft(contract.id, '2026-10-01', '2026-10-31') };
  }

  beforeAll(async () => {
    t = await startTestApp();
    token = await setupConsultant(t);
    me = await consultantId(t, token);
    activityId = (await createActivity(t, token)).id;
    today = t.clock.today();
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  describe('the retainer month, from draft to cancellation', () => {
    /** The scenario happens on Monday 2 November 2026: September and October are past. */
    const NOW = new Date('2026-11-02T09:00:00Z');
    const ISSUED_ON = '2026-11-02';
    let contract: { id: string };
    let invoice: Body;
    let september: string[];

    const log = async (start: string, end: string, description: string): Promise<Body> =>
      (
        await logIntervention(
          t,
          token,
          interventionInput(contract.id, activityId, {
            startedAt: start,
            endedAt: end,
            description,
          }),
        ).expect(201)
      ).body as Body;

    beforeEach(() => {
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(NOW);
    });

    beforeAll(async () => {
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(NOW);
      await setPractice({ vatRegime: 'standard', vatNumber: 'FR44732829320' });
      const client = await createClient(t, token);
      // 10 h included and 600.00 € a month, 110.00 €/h beyond, +50 % after hours; unused
      // hours roll over one month.
      contract = await createContract(t, token, client.id, {
        startDate: '2026-09-01',
        billing: { rolloverMonths: 1 },
      });
      // September: 8 h used of 10, so 2 h roll over into October.
      september = [];
      for (const day of ['01', '08', '15', '22']) {
        const logged = await log(
          `2026-09-${day}T09:00:00+02:00`,
          `2026-09-${day}T11:00:00+02:00`,
          'Maintenance',
        );
        september.push(logged.id as string);
      }
      // October: 12 h in business hours, and 1 h on Thursday 29 from 19:00 to 20:00.
      for (const day of ['05', '07', '12', '14', '19', '21']) {
        await log(
          `2026-10-${day}T09:00:00+02:00`,
          `2026-10-${day}T11:00:00+02:00`,
          `Maintenance du ${day}/10`,
        );
      }
      const evening = await log(
        '2026-10-29T19:00:00+01:00',
        '2026-10-29T20:00:00+01:00',
        'Serveur de fichiers inaccessible',
      );
      // The after-hours minutes and the surcharge come from the practice's hours (09:00–18:00).
      expect(evening).toMatchObject({
        afterHoursMinutes: 60,
        afterHoursSurchargePercent: 50,
        afterHoursSurchargeCents: 4500,
      });
      jest.restoreAllMocks();
    });

    it('drafts the fee with the roll-over, one hour of overage and the after-hours surcharge', async () => {
      invoice = await draft(contract.id, '2026-10-01', '2026-10-31');
      expect(invoice).toMatchObject({ status: 'draft', number: null, kind: 'invoice' });
      expect(
        invoice.lines.map((l: Body) => [l.kind, l.quantity, l.unitPriceCents, l.amountCents]),
      ).toEqual([
        ['retainer_fee', 1, 60000, 60000],
        ['retainer_overage', 1, 11000, 11000],
        ['after_hours_surcharge', 1, 4500, 4500],
      ]);
      const [fee, overage, surcharge] = invoice.lines as Body[];
      expect(fee.description).toBe(
        'Forfait mensuel, octobre 2026 (10 h incluses + 2 h reportées, 13 h consommées)',
      );
      expect(fee.details).toHaveLength(6);
      expect(fee.details[0]).toBe('05/10/2026 09:00–11:00 · Maintenance du 05/10 · 2,00 h');
      expect(overage.details).toEqual([
        '29/10/2026 19:00–20:00 · Serveur de fichiers inaccessible · 1,00 h',
      ]);
      expect(surcharge.description).toContain('+50');
      expect(invoice.totals).toEqual({
        netCents: 75500,
        vatCents: 15100,
        grossCents: 90600,
        byRate: [{ vatRateBp: 2000, netCents: 75500, vatCents: 15100 }],
      });
      expect(invoice.vatRegime).toBe('standard');
    });

    it('marks the month’s interventions with the draft, and leaves September alone', async () => {
      const marked = await t.dataSource
        .getRepository(Intervention)
        .count({ where: { invoiceId: invoice.id } });
      expect(marked).toBe(7);
      const septemberRows = await t.dataSource
        .getRepository(Intervention)
        .findBy(september.map((id) => ({ id })));
      expect(septemberRows.every((s) => s.invoiceId === null)).toBe(true);
    });

    it('refuses a second draft of the same month (409) and bills a retainer month once', async () => {
      const res = await api()
        .post('/api/invoices/drafts', {
          contractId: contract.id,
          periodStart: '2026-10-15',
          periodEnd: '2026-11-15',
        })
        .expect(409);
      expect(res.body.code).toBe('conflict.draft_exists');
    });

    it('refuses to issue with VAT while the practice has no VAT number (422)', async () => {
      // The settings refuse the standard regime without a VAT number; older data may lack it.
      await t.dataSource.query(`UPDATE practice SET "vatNumber" = NULL`);
      const res = await api().post(`/api/invoices/${invoice.id}/issue`).expect(422);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'vatNumber' })]);
      await setPractice({ vatNumber: 'FR44732829320' });
    });

    it('issues it: first number of the year, dates, snapshots and a hash', async () => {
      invoice = await issue(invoice.id);
      expect(invoice).toMatchObject({
        status: 'issued',
        number: 'F2026-00001',
        issueDate: ISSUED_ON,
        previousHash: null,
        paidCents: 0,
        balanceCents: 90600,
      });
      expect(invoice.dueDate).toBe('2026-12-02');
      expect(invoice.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(invoice.seller).toMatchObject({
        name: 'Camille Martin Conseil',
        siren: '732829320',
        vatNumber: 'FR44732829320',
      });
      expect(invoice.buyer).toMatchObject({ siren: '443061841' });
      await api().post(`/api/invoices/${invoice.id}/issue`).expect(409);
      const again = await api()
        .post('/api/invoices/drafts', {
          contractId: contract.id,
          periodStart: '2026-10-01',
          periodEnd: '2026-10-31',
        })
        .expect(409);
      expect(again.body.code).toBe('conflict.period_invoiced');
    });

    it('takes half the amount: partially paid', async () => {
      const paid = await api()
        .post(`/api/invoices/${invoice.id}/payments`, {
          amountCents: 45300,
          paidOn: ISSUED_ON,
          method: 'transfer',
        })
        .expect(201);
      expect(paid.body).toMatchObject({ amountCents: 45300, method: 'transfer' });
      const read = await api().get(`/api/invoices/${invoice.id}`).expect(200);
      expect(read.body).toMatchObject({
        status: 'partially_paid',
        paidCents: 45300,
        balanceCents: 45300,
      });
      const list = await api().get(`/api/invoices/${invoice.id}/payments`).expect(200);
      expect(list.body).toHaveLength(1);
    });

    it('refuses an overpayment with 422 naming amountCents', async () => {
      const res = await api()
        .post(`/api/invoices/${invoice.id}/payments`, {
          amountCents: 45301,
          paidOn: ISSUED_ON,
          method: 'card',
        })
        .expect(422);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'amountCents' })]);
    });

    it('credits it in full: a credit note of its own series, and the invoice is cancelled', async () => {
      const res = await api()
        .post(`/api/invoices/${invoice.id}/credit-notes`, { reason: 'Erreur de forfait' })
        .expect(201);
      const note = res.body as Body;
      expect(note).toMatchObject({
        kind: 'credit_note',
        status: 'issued',
        number: 'AV2026-00001',
        previousHash: invoice.hash,
        creditedInvoice: { id: invoice.id, number: invoice.number, issueDate: ISSUED_ON },
        notes: 'Erreur de forfait',
      });
      expect(note.totals).toEqual({
        netCents: -75500,
        vatCents: -15100,
        grossCents: -90600,
        byRate: [{ vatRateBp: 2000, netCents: -75500, vatCents: -15100 }],
      });
      expect(note.lines.map((l: Body) => l.amountCents)).toEqual([-60000, -11000, -4500]);
      const read = await api().get(`/api/invoices/${invoice.id}`).expect(200);
      expect(read.body).toMatchObject({ status: 'cancelled', creditedCents: -90600 });
      expect(read.body.creditNotes).toEqual([expect.objectContaining({ id: note.id })]);
      // The interventions stay on the cancelled invoice unless released.
      const still = await t.dataSource
        .getRepository(Intervention)
        .count({ where: { invoiceId: invoice.id } });
      expect(still).toBe(7);
      await api().post(`/api/invoices/${invoice.id}/credit-notes`).expect(422);
    });

    it('verifies the chain of both documents', async () => {
      const res = await api().get('/api/invoices/verify-chain').expect(200);
      expect(res.body).toMatchObject({ ok: true, checked: 2 });
    });

    it('lists with derived statuses and totals', async () => {
      const cancelled = await api().get('/api/invoices?status=cancelled').expect(200);
      expect(cancelled.body.items.map((i: Body) => i.id)).toEqual([invoice.id]);
      const notes = await api().get('/api/invoices?kind=credit_note').expect(200);
      expect(notes.body.total).toBe(1);
      expect(notes.body.totals.grossCents).toBe(-90600);
      const byContract = await api().get(`/api/invoices?contractId=${contract.id}`).expect(200);
      expect(byContract.body.total).toBe(2);
      const page = await api().get(`/api/invoices?contractId=${contract.id}&limit=1`).expect(200);
      expect(page.body).toMatchObject({ total: 2 });
      expect(page.body.items).toHaveLength(1);
    });
  });

  describe('VAT regimes', () => {
    afterAll(() => setPractice({ vatRegime: 'standard' }));

    it('franchise: no VAT and the art. 293 B mention', async () => {
      await setPractice({ vatRegime: 'franchise' });
      const client = await createClient(t, token);
      const { draft: d } = await tmInvoice(client.id);
      expect(d.totals).toEqual({
        netCents: 18000,
        vatCents: 0,
        grossCents: 18000,
        byRate: [{ vatRateBp: 0, netCents: 18000, vatCents: 0 }],
      });
      expect(d.vatRegime).toBe('franchise');
      expect(d.vatMention).toBe('TVA non applicable, art. 293 B du CGI');
      expect(d.lines[0]).toMatchObject({
        kind: 'time',
        quantity: 2,
        unitPriceCents: 9000,
        vatRateBp: 0,
        description: 'Support, urgence normale',
      });
    });

    it('standard: 20 % by default, a manual line at its own rate', async () => {
      await setPractice({ vatRegime: 'standard' });
      const client = await createClient(t, token);
      const { draft: d } = await tmInvoice(client.id);
      expect(d.totals).toMatchObject({ netCents: 18000, vatCents: 3600, grossCents: 21600 });
      const patched = await api()
        .patch(`/api/invoices/${d.id}`, {
          lines: [
            {
              description: 'Ouvrage technique',
              quantity: 1,
              unit: 'unit',
              unitPriceCents: 3990,
              vatRateBp: 550,
            },
            { description: 'Déplacement', quantity: 1.5, unit: 'unit', unitPriceCents: 3000 },
          ],
          notes: 'Merci de votre confiance',
        })
        .expect(200);
      expect(patched.body.lines.map((l: Body) => [l.kind, l.vatRateBp, l.amountCents])).toEqual([
        ['time', 2000, 18000],
        ['manual', 550, 3990],
        ['manual', 2000, 4500],
      ]);
      expect(patched.body.totals).toEqual({
        netCents: 26490,
        vatCents: 219 + 4500,
        grossCents: 26490 + 219 + 4500,
        byRate: [
          { vatRateBp: 550, netCents: 3990, vatCents: 219 },
          { vatRateBp: 2000, netCents: 22500, vatCents: 4500 },
        ],
      });
      expect(patched.body.notes).toBe('Merci de votre confiance');
    });

    it('reverse charge for an EU business outside France: 0 % and "Autoliquidation"', async () => {
      const client = await createClient(t, token, {
        vatNumber: 'DE123456789',
        address: { line1: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
      });
      const { draft: d } = await tmInvoice(client.id);
      expect(d.vatRegime).toBe('reverse_charge');
      expect(d.vatMention).toBe('Autoliquidation');
      expect(d.totals).toMatchObject({ netCents: 18000, vatCents: 0, grossCents: 18000 });
      expect(d.lines[0].vatRateBp).toBe(0);
      const issued = await issue(d.id);
      expect(issued.buyer.vatNumber).toBe('DE123456789');
      const pdf = await api()
        .get(`/api/invoices/${issued.id}/pdf`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const text = pdfText(pdf.body as Buffer);
      for (const shown of ['Autoliquidation', 'DE123456789', 'FR44732829320']) {
        expect(text).toContain(shown);
      }
    });
  });

  describe('drafts', () => {
    it('builds time lines by activity and urgency, surcharges and over-quota fees', async () => {
      const client = await createClient(t, token);
      const contract = await insertContract(t, client.id, {
        billing: {
          mode: 'time_and_materials',
          monthlyFeeCents: undefined,
          includedMinutesPerMonth: undefined,
        },
        urgencyPolicy: { levels: { critical: { overQuota: 'overage', overageFeeCents: 15000 } } },
      });
      await work(contract, '2026-10-06T07:00:00.000Z', 1.5);
      const critical = await work(contract, '2026-10-07T07:00:00.000Z', 1, {
        urgency: 'critical',
        description: 'Pare-feu bloqué',
      });
      await work(contract, '2026-10-08T07:00:00.000Z', 1, { billable: false });
      const unit = await insertOverageUnit(t, contract, '2026-10', 'critical', 15000, critical.id);
      const d = await draft(contract.id, '2026-10-01', '2026-10-31');
      expect(d.lines.map((l: Body) => [l.kind, l.quantity, l.amountCents])).toEqual([
        ['time', 1.5, 13500],
        ['time', 1, 9000],
        ['urgency_surcharge', 1, 4500],
        ['over_quota_fee', 1, 15000],
      ]);
      expect(d.lines[1].description).toBe('Support, urgence critique');
      expect(d.lines[3].description).toContain('Pare-feu bloqué');
      const stored = await t.dataSource.getRepository(QuotaUnit).findOneByOrFail({ id: unit.id });
      expect(stored.invoiceId).toBe(d.id);
    });

    it('consumes a prepaid block at 0 and bills the hours beyond it', async () => {
      const client = await createClient(t, token);
      const contract = await insertContract(t, client.id, {
        billing: {
          mode: 'prepaid',
          prepaidMinutes: 600,
          monthlyFeeCents: undefined,
          includedMinutesPerMonth: undefined,
        },
      });
      await work(contract, '2026-09-10T07:00:00.000Z', 8); // 8 h of the 10 used before October
      await work(contract, '2026-10-06T07:00:00.000Z', 3);
      const d = await draft(contract.id, '2026-10-01', '2026-10-31');
      expect(
        d.lines.map((l: Body) => [l.kind, l.quantity, l.unitPriceCents, l.amountCents]),
      ).toEqual([
        ['prepaid', 2, 0, 0],
        ['prepaid_overrun', 1, 9000, 9000],
      ]);
      expect(d.lines[0].description).toBe('Forfait prépayé\u00a0: 2 h consommées, 0 h restantes');
      expect(d.totals.netCents).toBe(9000);
    });

    it('bills a retainer month once: no second fee for the rest of an invoiced month', async () => {
      const client = await createClient(t, token);
      const contract = await insertContract(t, client.id, { startDate: '2026-03-01' });
      await work(contract, '2026-03-05T08:00:00.000Z', 2);
      await work(contract, '2026-03-20T08:00:00.000Z', 3);
      const first = await issue((await draft(contract.id, '2026-03-01', '2026-03-14')).id);
      expect(first.lines.map((l: Body) => [l.kind, l.amountCents])).toEqual([
        ['retainer_fee', 60000],
      ]);
      const again = await api()
        .post('/api/invoices/drafts', {
          contractId: contract.id,
          periodStart: '2026-03-15',
          periodEnd: '2026-03-31',
        })
        .expect(409);
      expect(again.body.code).toBe('conflict.period_invoiced');
      expect(again.body.details).toEqual([
        expect.objectContaining({ month: '2026-03', number: first.number }),
      ]);
      expect(again.body.message).toContain(`La facture ${first.number}`);
      expect(again.body.message).toContain('pour mars 2026');
      // Another draft holding April's fee refuses a draft of the rest of April too.
      const april = await draft(contract.id, '2026-04-01', '2026-04-14');
      const rest = await api()
        .post('/api/invoices/drafts', {
          contractId: contract.id,
          periodStart: '2026-04-15',
          periodEnd: '2026-05-31',
        })
        .expect(409);
      expect(rest.body.code).toBe('conflict.draft_exists');
      expect(rest.body.details).toEqual([
        expect.objectContaining({ month: '2026-04', reason: 'month', draftId: april.id }),
      ]);
      expect(rest.body.message).toContain('le forfait pour avril 2026');
      await api().delete(`/api/invoices/${april.id}`).expect(204);
      // Credited in full, March can be billed again, with its work.
      await api()
        .post(`/api/invoices/${first.id}/credit-notes`, { releaseInterventions: true })
        .expect(201);
      const rebilled = await draft(contract.id, '2026-03-15', '2026-03-31');
      expect(rebilled.lines.map((l: Body) => l.kind)).toEqual(['retainer_fee']);
    });

    it('bills the retainer fee only for the months the contract runs in', async () => {
      const client = await createClient(t, token);
      const contract = await insertContract(t, client.id, {
        startDate: '2026-03-10',
        endDate: '2026-04-20',
      });
      const d = await draft(contract.id, '2026-02-01', '2026-05-31');
      expect(d.lines.map((l: Body) => [l.kind, l.description])).toEqual([
        ['retainer_fee', expect.stringContaining('mars 2026')],
        ['retainer_fee', expect.stringContaining('avril 2026')],
      ]);
      expect(d.totals.netCents).toBe(2 * 60000);
      const outside = await api()
        .post('/api/invoices/drafts', {
          contractId: contract.id,
          periodStart: '2026-06-01',
          periodEnd: '2026-06-30',
        })
        .expect(422);
      expect(outside.body.code).toBe('rule.outside_contract');
    });

    it('draws late-logged prepaid work on what is left of the block, not on the block again', async () => {
      const client = await createClient(t, token);
      const contract = await insertContract(t, client.id, {
        billing: {
          mode: 'prepaid',
          prepaidMinutes: 600,
          monthlyFeeCents: undefined,
          includedMinutesPerMonth: undefined,
        },
      });
      await work(contract, '2026-03-10T08:00:00.000Z', 8);
      const march = await issue((await draft(contract.id, '2026-03-01', '2026-03-31')).id);
      expect(march.lines[0].description).toBe(
        'Forfait prépayé\u00a0: 8 h consommées, 2 h restantes',
      );
      // 4 h of March logged after March was invoiced: 2 h from the block, 2 h billed.
      await work(contract, '2026-03-24T08:00:00.000Z', 4);
      const late = await draft(contract.id, '2026-03-01', '2026-03-31');
      expect(
        late.lines.map((l: Body) => [l.kind, l.quantity, l.unitPriceCents, l.amountCents]),
      ).toEqual([
        ['prepaid', 2, 0, 0],
        ['prepaid_overrun', 2, 9000, 18000],
      ]);
      expect(late.lines[0].description).toBe(
        'Forfait prépayé\u00a0: 2 h consommées, 0 h restantes',
      );
    });

    it('draws on the block in the order of the work, whichever month is billed first', async () => {
      const client = await createClient(t, token);
      const contract = await insertContract(t, client.id, {
        billing: {
          mode: 'prepaid',
          prepaidMinutes: 1200,
          monthlyFeeCents: undefined,
          includedMinutesPerMonth: undefined,
        },
      });
      const prepaid = (doc: Body) =>
        doc.lines.map((l: Body) => [l.kind, l.quantity, l.description]);
      await work(contract, '2026-02-10T08:00:00.000Z', 3);
      await work(contract, '2026-03-10T08:00:00.000Z', 8);
      // March first: February's 3 h, not billed yet, come before it.
      const march = await issue((await draft(contract.id, '2026-03-01', '2026-03-31')).id);
      expect(prepaid(march)).toEqual([
        ['prepaid', 8, 'Forfait prépayé\u00a0: 8 h consommées, 9 h restantes'],
      ]);
      const february = await draft(contract.id, '2026-02-01', '2026-02-28');
      expect(prepaid(february)).toEqual([
        ['prepaid', 3, 'Forfait prépayé\u00a0: 3 h consommées, 9 h restantes'],
      ]);
      // A period from the 15th: the work of the 1st to the 14th, not billed yet, comes first.
      await work(contract, '2026-04-06T08:00:00.000Z', 2);
      await work(contract, '2026-04-20T08:00:00.000Z', 4);
      const secondHalf = await draft(contract.id, '2026-04-15', '2026-04-30');
      expect(prepaid(secondHalf)).toEqual([
        ['prepaid', 4, 'Forfait prépayé\u00a0: 4 h consommées, 3 h restantes'],
      ]);
      const firstHalf = await draft(contract.id, '2026-04-01', '2026-04-14');
      expect(prepaid(firstHalf)).toEqual([
        ['prepaid', 2, 'Forfait prépayé\u00a0: 2 h consommées, 3 h restantes'],
      ]);
    });

    it('bills hour lines whose quantity × unit price is the amount (100 min at 90 €/h)', async () => {
      const client = await createClient(t, token);
      const contract = await insertContract(t, client.id, {
        billing: {
          mode: 'time_and_materials',
          monthlyFeeCents: undefined,
          includedMinutesPerMonth: undefined,
          roundingMinutes: 1,
          minimumBillableMinutes: 1,
        },
      });
      await work(contract, '2026-10-06T07:00:00.000Z', 100 / 60);
      const d = await draft(contract.id, '2026-10-01', '2026-10-31');
      // 100 min = 1.67 h (half-up to 2 decimals); 1.67 × 90.00 € = 150.30 €.
      expect(d.lines.map((l: Body) => [l.quantity, l.unitPriceCents, l.amountCents])).toEqual([
        [1.67, 9000, 15030],
      ]);
    });

    it('deletes a draft and frees its interventions and over-quota units', async () => {
      const client = await createClient(t, token);
      const { contract, draft: d } = await tmInvoice(client.id);
      const unit = await insertOverageUnit(t, contract, '2026-10', 'critical', 15000);
      await api().post(`/api/invoices/${d.id}/rebuild`).expect(200);
      expect(
        await t.dataSource.getRepository(QuotaUnit).findOneByOrFail({ id: unit.id }),
      ).toMatchObject({
        invoiceId: d.id,
      });
      await api().delete(`/api/invoices/${d.id}`).expect(204);
      await api().get(`/api/invoices/${d.id}`).expect(404);
      const works = await t.dataSource
        .getRepository(Intervention)
        .findBy({ contractId: contract.id });
      expect(works.every((w) => w.invoiceId === null)).toBe(true);
      expect(
        await t.dataSource.getRepository(QuotaUnit).findOneByOrFail({ id: unit.id }),
      ).toMatchObject({
        invoiceId: null,
      });
      const again = await draft(contract.id, '2026-10-01', '2026-10-31');
      expect(again.totals.netCents).toBe(18000 + 15000);
    });

    it('rebuilds from new work, keeping manual lines; a new period rebuilds too', async () => {
      const client = await createClient(t, token);
      const { contract, draft: d } = await tmInvoice(client.id);
      await api()
        .patch(`/api/invoices/${d.id}`, {
          lines: [
            { description: 'Frais de dossier', quantity: 1, unit: 'unit', unitPriceCents: 2500 },
          ],
        })
        .expect(200);
      await work(contract, '2026-10-20T07:00:00.000Z', 1);
      const rebuilt = await api().post(`/api/invoices/${d.id}/rebuild`).expect(200);
      expect(rebuilt.body.lines.map((l: Body) => [l.kind, l.amountCents])).toEqual([
        ['time', 27000],
        ['manual', 2500],
      ]);
      const narrowed = await api()
        .patch(`/api/invoices/${d.id}`, { periodStart: '2026-10-15', periodEnd: '2026-10-31' })
        .expect(200);
      expect(narrowed.body).toMatchObject({ periodStart: '2026-10-15', periodEnd: '2026-10-31' });
      expect(narrowed.body.lines.map((l: Body) => [l.kind, l.amountCents])).toEqual([
        ['time', 9000],
        ['manual', 2500],
      ]);
      const freed = await t.dataSource
        .getRepository(Intervention)
        .findBy({ contractId: contract.id });
      expect(freed.filter((w) => w.invoiceId === d.id)).toHaveLength(1);
    });

    it('names bad input: period, manual lines', async () => {
      const client = await createClient(t, token);
      const contract = await insertContract(t, client.id);
      const res = await api()
        .post('/api/invoices/drafts', {
          contractId: contract.id,
          periodStart: '2026-10-31',
          periodEnd: '2026-10-01',
        })
        .expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'periodEnd' })]);
      const d = await draft(contract.id, '2026-10-01', '2026-10-31');
      const bad = await api()
        .patch(`/api/invoices/${d.id}`, {
          lines: [{ description: 'x', quantity: 1.234, unit: 'parsec', unitPriceCents: -1 }],
        })
        .expect(400);
      expect(bad.body.details.map((p: Body) => p.field).sort()).toEqual([
        'lines.0.quantity',
        'lines.0.unit',
        'lines.0.unitPriceCents',
      ]);
      await api()
        .post('/api/invoices/drafts', {
          contractId: '00000000-0000-4000-8000-000000000000',
          periodStart: '2026-10-01',
          periodEnd: '2026-10-31',
        })
        .expect(404);
    });

    it('refuses to issue an empty invoice (422) or with payment terms over 60 days (422)', async () => {
      const client = await createClient(t, token);
      const empty = await tmInvoice(client.id, 0);
      expect(empty.draft.lines).toEqual([]);
      const res = await api().post(`/api/invoices/${empty.draft.id}/issue`).expect(422);
      expect(res.body.code).toBe('rule.empty_invoice');
      const long = await insertContract(t, client.id, { paymentTermsDays: 90 });
      const d = await draft(long.id, '2026-10-01', '2026-10-31');
      const terms = await api().post(`/api/invoices/${d.id}/issue`).expect(422);
      expect(terms.body.details).toEqual([expect.objectContaining({ field: 'paymentTermsDays' })]);
    });
  });

  describe('an issued invoice is frozen', () => {
    let issued: Body;
    let lineId: string;

    beforeAll(async () => {
      const client = await createClient(t, token);
      issued = await issue((await tmInvoice(client.id)).draft.id);
      const [row] = await t.dataSource.query(
        `SELECT id FROM invoice_lines WHERE "invoiceId" = ${isPostgres() ? '$1' : '?'}`,
        [issued.id],
      );
      lineId = (row as { id: string }).id;
    });

    it('answers 409 to PATCH, DELETE, rebuild and issue', async () => {
      for (const res of [
        await api().patch(`/api/invoices/${issued.id}`, { notes: 'x' }),
        await api().delete(`/api/invoices/${issued.id}`),
        await api().post(`/api/invoices/${issued.id}/rebuild`),
        await api().post(`/api/invoices/${issued.id}/issue`),
      ]) {
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('conflict.invoice_issued');
      }
    });

    it.each([
      ['UPDATE invoices SET "grossCents" = 1 WHERE id = :id', 'issued'],
      ["UPDATE invoices SET status = 'draft' WHERE id = :id", 'issued'],
      ['DELETE FROM invoices WHERE id = :id', 'issued'],
      ['UPDATE invoice_lines SET "amountCents" = 1 WHERE id = :line', 'line'],
      ['DELETE FROM invoice_lines WHERE id = :line', 'line'],
      [
        `INSERT INTO invoice_lines (id, "invoiceId", position, kind, description, "quantityHundredths", unit, "unitPriceCents", "vatRateBp", "amountCents", "interventionIds", details) VALUES ('00000000-0000-4000-8000-000000000001', :id, 9, 'manual', 'x', 100, 'unit', 1, 0, 1, '[]', '[]')`,
        'line',
      ],
    ])('the database refuses %s', async (sql) => {
      const params: string[] = [];
      const text = sql.replace(/:(id|line)\b/g, (_, name: string) => {
        params.push(name === 'id' ? issued.id : lineId);
        return isPostgres() ? `$${params.length}` : '?';
      });
      await expect(t.dataSource.query(text, params)).rejects.toThrow(/cannot be changed/);
      const read = await api().get(`/api/invoices/${issued.id}`).expect(200);
      expect(read.body).toMatchObject({ status: 'issued', totals: issued.totals });
      expect(read.body.lines).toEqual(issued.lines);
    });

    it('refuses payments on drafts and credit notes (409)', async () => {
      const client = await createClient(t, token);
      const { draft: d } = await tmInvoice(client.id);
      const body = { amountCents: 100, paidOn: today, method: 'cash' };
      await api().post(`/api/invoices/${d.id}/payments`, body).expect(409);
      const note = await api()
        .post(`/api/invoices/${issued.id}/credit-notes`, {
          lines: [{ lineIndex: 0, amountCents: 100 }],
        })
        .expect(201);
      await api().post(`/api/invoices/${note.body.id}/payments`, body).expect(409);
    });
  });

  describe('credit notes', () => {
    it('credits part of a line, refuses more than is left, and releases work only when full', async () => {
      const client = await createClient(t, token);
      const { contract, draft: d } = await tmInvoice(client.id, 3);
      const inv = await issue(d.id);
      const part = await api()
        .post(`/api/invoices/${inv.id}/credit-notes`, {
          lines: [{ lineIndex: 0, amountCents: 9000 }],
        })
        .expect(201);
      expect(part.body.totals).toMatchObject({
        netCents: -9000,
        vatCents: -1800,
        grossCents: -10800,
      });
      expect(part.body.lines[0]).toMatchObject({ quantity: 1, unit: 'unit', amountCents: -9000 });
      const read = await api().get(`/api/invoices/${inv.id}`).expect(200);
      expect(read.body).toMatchObject({ status: 'issued', balanceCents: 32400 - 10800 });
      const tooMuch = await api()
        .post(`/api/invoices/${inv.id}/credit-notes`, {
          lines: [{ lineIndex: 0, amountCents: 18001 }],
        })
        .expect(422);
      expect(tooMuch.body.details).toEqual([
        expect.objectContaining({ field: 'lines[0].amountCents' }),
      ]);
      await api()
        .post(`/api/invoices/${inv.id}/credit-notes`, {
          lines: [{ lineIndex: 0, amountCents: 100 }],
          releaseInterventions: true,
        })
        .expect(422);
      const rest = await api()
        .post(`/api/invoices/${inv.id}/credit-notes`, { releaseInterventions: true })
        .expect(201);
      expect(rest.body.totals.netCents).toBe(-18000);
      const after = await api().get(`/api/invoices/${inv.id}`).expect(200);
      expect(after.body.status).toBe('cancelled');
      const freed = await t.dataSource
        .getRepository(Intervention)
        .findBy({ contractId: contract.id });
      expect(freed.every((w) => w.invoiceId === null)).toBe(true);
      const redraft = await draft(contract.id, '2026-10-01', '2026-10-31');
      expect(redraft.totals.netCents).toBe(27000);
    });

    it('cancels an invoice credited cent by cent: the last note takes the VAT left', async () => {
      const client = await createClient(t, token);
      const { draft: d } = await tmInvoice(client.id, 0);
      await api()
        .patch(`/api/invoices/${d.id}`, {
          lines: [{ description: 'Frais', quantity: 1, unit: 'unit', unitPriceCents: 3 }],
        })
        .expect(200);
      const inv = await issue(d.id);
      expect(inv.totals).toMatchObject({ netCents: 3, vatCents: 1, grossCents: 4 });
      const vats: number[] = [];
      for (let k = 0; k < 3; k++) {
        const note = await api()
          .post(`/api/invoices/${inv.id}/credit-notes`, {
            lines: [{ lineIndex: 0, amountCents: 1 }],
          })
          .expect(201);
        vats.push(note.body.totals.vatCents);
      }
      expect(vats).toEqual([0, 0, -1]);
      const read = await api().get(`/api/invoices/${inv.id}`).expect(200);
      expect(read.body).toMatchObject({ status: 'cancelled', creditedCents: -4, balanceCents: 0 });
      const full = await api().post(`/api/invoices/${inv.id}/credit-notes`).expect(422);
      expect(full.body.code).toBe('rule.nothing_to_credit');
      const chain = await api().get('/api/invoices/verify-chain').expect(200);
      expect(chain.body.ok).toBe(true);
    });

    it('refuses to credit a draft or a credit note (409)', async () => {
      const client = await createClient(t, token);
      const { draft: d } = await tmInvoice(client.id);
      await api().post(`/api/invoices/${d.id}/credit-notes`).expect(409);
      const inv = await issue(d.id);
      const note = await api().post(`/api/invoices/${inv.id}/credit-notes`).expect(201);
      await api().post(`/api/invoices/${note.body.id}/credit-notes`).expect(409);
    });
  });

  describe('who sees what', () => {
    let mine: Body;
    let minesDraft: Body;
    let others: Body;
    let clientUser: string;
    let accountant: string;

    beforeAll(async () => {
      const company = await createClient(t, token);
      const other = await createClient(t, token);
      mine = await issue((await tmInvoice(company.id)).draft.id);
      minesDraft = (await tmInvoice(company.id)).draft;
      others = await issue((await tmInvoice(other.id)).draft.id);
      clientUser = (await createUser(t, token, 'client', company.id)).token;
      accountant = (await createUser(t, token, 'accountant')).token;
    });

    const as = (who: string) => ({
      get: (url: string) =>
        t
          .http()
          .get(url)
          .set(...bearer(who)),
    });

    it('a client user reads its own issued documents, not drafts, not another company’s', async () => {
      const list = await as(clientUser).get('/api/invoices').expect(200);
      expect(list.body.items.map((i: Body) => i.id)).toEqual([mine.id]);
      await as(clientUser).get(`/api/invoices/${mine.id}`).expect(200);
      await as(clientUser).get(`/api/invoices/${minesDraft.id}`).expect(404);
      await as(clientUser).get(`/api/invoices/${others.id}`).expect(404);
      await as(clientUser).get(`/api/invoices/${others.id}/pdf`).expect(404);
      await as(clientUser).get(`/api/invoices/${minesDraft.id}/pdf`).expect(404);
      await as(clientUser).get(`/api/invoices/${mine.id}/payments`).expect(200);
      await as(clientUser).get('/api/invoices/verify-chain').expect(403);
      const pdf = await as(clientUser)
        .get(`/api/invoices/${mine.id}/pdf`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      await t
        .http()
        .post(`/api/invoices/${mine.id}/payments`)
        .set(...bearer(clientUser))
        .send({ amountCents: 100, paidOn: today, method: 'cash' })
        .expect(403);
    });

    it('the accountant reads and downloads everything and changes nothing (403)', async () => {
      await as(accountant).get('/api/invoices').expect(200);
      await as(accountant).get(`/api/invoices/${minesDraft.id}`).expect(200);
      await as(accountant).get(`/api/invoices/${others.id}/payments`).expect(200);
      await as(accountant).get('/api/invoices/verify-chain').expect(200);
      await as(accountant)
        .get(`/api/invoices/${others.id}/pdf`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const writes = [
        t.http().post('/api/invoices/drafts').send({}),
        t.http().patch(`/api/invoices/${minesDraft.id}`).send({}),
        t.http().delete(`/api/invoices/${minesDraft.id}`),
        t.http().post(`/api/invoices/${minesDraft.id}/issue`),
        t.http().post(`/api/invoices/${minesDraft.id}/rebuild`),
        t
          .http()
          .post(`/api/invoices/${mine.id}/payments`)
          .send({ amountCents: 1, paidOn: today, method: 'cash' }),
        t.http().post(`/api/invoices/${mine.id}/credit-notes`).send({}),
      ];
      for (const req of writes) {
        const res = await req.set(...bearer(accountant));
        expect(res.status).toBe(403);
      }
    });
  });

  describe('PDF', () => {
    it('downloads an issued invoice as F….pdf and a draft marked BROUILLON', async () => {
      const client = await createClient(t, token, { name: 'Boulangerie L’Épi d’Or' });
      const { draft: d } = await tmInvoice(client.id);
      const draftPdf = await api()
        .get(`/api/invoices/${d.id}/pdf`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(draftPdf.headers['content-disposition']).toMatch(
        /^attachment; filename="brouillon-2026-10-01-[0-9a-f]{8}\.pdf"$/,
      );
      const draftBody = draftPdf.body as Buffer;
      expect(draftBody.subarray(0, 5).toString()).toBe('%PDF-');
      const draftText = pdfText(draftBody);
      expect(draftText).toContain('BROUILLON');
      expect(draftText).toContain('Boulangerie L’Épi d’Or');
      const inv = await issue(d.id);
      const res = await api()
        .get(`/api/invoices/${inv.id}/pdf`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${inv.number}.pdf"`);
      const text = pdfText(res.body as Buffer);
      expect(text).toContain(inv.number);
      expect(text).not.toContain('BROUILLON');
      expect(text).toContain('732829320');
      const xml = await api().get(`/api/invoices/${inv.id}/facturx.xml`).expect(200);
      expect(xml.headers['content-type']).toContain('application/xml');
    });
  });

  describe('statuses over time and the year series', () => {
    it('turns overdue the day after the due date while something is owed', async () => {
      const client = await createClient(t, token);
      const inv = await issue((await tmInvoice(client.id)).draft.id);
      const clock = t.app.get(Clock);
      const late = new Date(`${inv.dueDate}T12:00:00Z`);
      late.setUTCDate(late.getUTCDate() + 1);
      jest.spyOn(clock, 'now').mockReturnValue(late);
      await api()
        .post(`/api/invoices/${inv.id}/payments`, {
          amountCents: 1000,
          paidOn: today,
          method: 'cheque',
        })
        .expect(201);
      const read = await api().get(`/api/invoices/${inv.id}`).expect(200);
      expect(read.body.status).toBe('overdue');
      const overdue = await api().get('/api/invoices?status=overdue').expect(200);
      expect(overdue.body.items.map((i: Body) => i.id)).toContain(inv.id);
      await api()
        .post(`/api/invoices/${inv.id}/payments`, {
          amountCents: 20600,
          paidOn: today,
          method: 'cheque',
        })
        .expect(201);
      expect((await api().get(`/api/invoices/${inv.id}`).expect(200)).body.status).toBe('paid');
    });

    it('restarts numbering at 1 in a new year, for invoices and credit notes', async () => {
      const client = await createClient(t, token);
      const year = Number(today.slice(0, 4)) + 1;
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(`${year}-01-05T09:00:00Z`));
      const first = await issue((await tmInvoice(client.id)).draft.id);
      expect(first).toMatchObject({ number: `F${year}-00001`, issueDate: `${year}-01-05` });
      const second = await issue((await tmInvoice(client.id)).draft.id);
      expect(second.number).toBe(`F${year}-00002`);
      const note = await api().post(`/api/invoices/${first.id}/credit-notes`).expect(201);
      expect(note.body.number).toBe(`AV${year}-00001`);
      const chain = await api().get('/api/invoices/verify-chain').expect(200);
      expect(chain.body.ok).toBe(true);
    });
  });

  describe('interventions and the billing lock', () => {
    it('makes a correction wait for a draft claiming the work, then refuses it (409)', async () => {
      const client = await createClient(t, token);
      const contract = await insertContract(t, client.id);
      const logged = await work(contract, '2026-08-03T12:00:00.000Z', 1);
      const d = await draft(contract.id, '2026-07-01', '2026-07-31');
      // A draft holds the contract's billing lock and is about to claim the intervention.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const holding = new Promise<void>((resolve) => (locked = resolve));
      const claim = t.app.get(Transactions).run(
        async (m) => {
          locked();
          await released;
          await m.update(Intervention, { id: logged.id }, { invoiceId: d.id });
        },
        [Locks.billing(contract.id)],
      );
      await holding;
      const transactions = jest.spyOn(t.app.get(Transactions), 'run');
      let answered = false;
      const patch = api()
        .patch(`/api/interventions/${logged.id}`, { description: 'Changed meanwhile' })
        .then((res) => {
          answered = true;
          return res;
        });
      // The correction asks for the same lock and waits behind the draft's claim: in this
      // process's line for the lock on PostgreSQL (it holds no connection meanwhile, so no
      // advisory wait shows in pg_locks), in the one writer's queue on SQLite.
      await until(async () =>
        Promise.resolve(
          transactions.mock.calls.some(([, locks]) =>
            (locks ?? []).includes(Locks.billing(contract.id)),
          ),
        ),
      );
      expect(answered).toBe(false);
      release();
      await claim;
      const res = await patch;
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('conflict.invoiced');
      const stored = await t.dataSource
        .getRepository(Intervention)
        .findOneByOrFail({ id: logged.id });
      expect(stored).toMatchObject({ invoiceId: d.id, description: 'Support' });
    });
  });

  describe('the hash chain against an edit by SQL', () => {
    it('names the first document whose stored content no longer matches its hash', async () => {
      const before = await api().get('/api/invoices/verify-chain').expect(200);
      expect(before.body.ok).toBe(true);
      const [first] = (
        await api().get(`/api/invoices?kind=invoice&limit=500`).expect(200)
      ).body.items
        .filter((i: Body) => i.number !== null)
        // Issue order: by instant, then by number within a series (the clock stands still).
        .sort((a: Body, b: Body) =>
          a.issuedAt === b.issuedAt
            ? String(a.number).localeCompare(String(b.number))
            : a.issuedAt < b.issuedAt
              ? -1
              : 1,
        );
      // Someone with database access disables the guard and lowers an amount.
      if (isPostgres()) {
        await t.dataSource.query('DROP TRIGGER invoices_frozen ON invoices');
        await t.dataSource.query(
          'UPDATE invoices SET "grossCents" = "grossCents" - 100 WHERE id = $1',
          [first.id],
        );
      } else {
        await t.dataSource.query('DROP TRIGGER invoices_frozen_update');
        await t.dataSource.query(
          'UPDATE invoices SET "grossCents" = "grossCents" - 100 WHERE id = ?',
          [first.id],
        );
      }
      const after = await api().get('/api/invoices/verify-chain').expect(200);
      expect(after.body).toEqual({
        ok: false,
        checked: 1,
        firstBrokenNumber: first.number,
        lastHash: null,
      });
    });
  });
});

describe('verify-chain: continuity of the issued documents', () => {
  let t: TestApp;
  let token: string;
  let docs: { id: string; number: string; seriesKey: string }[];
  const isPostgres = () => t.db.kind === 'postgres';

  /** Runs `sql` with :name parameters, in the placeholder style of the database. */
  const sql = (text: string, values: Record<string, unknown>): Promise<unknown> => {
    const params: unknown[] = [];
    const query = text.replace(/:(\w+)/g, (_, name: string) => {
      params.push(values[name]);
      return isPostgres() ? `$${params.length}` : '?';
    });
    return t.dataSource.query(query, params);
  };

  const verify = async (): Promise<Body> =>
    (
      await t
        .http()
        .get('/api/invoices/verify-chain')
        .set(...bearer(token))
        .expect(200)
    ).body as Body;

  beforeAll(async () => {
    t = await startTestApp();
    token = await setupConsultant(t);
    const client = await createClient(t, token);
    const contract = await insertContract(t, client.id);
    docs = [];
    for (const id of await insertManualDrafts(t, contract, 3)) {
      const res = await t
        .http()
        .post(`/api/invoices/${id}/issue`)
        .set(...bearer(token))
        .expect(200);
      const [row] = (await sql('SELECT "seriesKey" FROM invoices WHERE id = :id', { id })) as {
        seriesKey: string;
      }[];
      docs.push({ id, number: res.body.number as string, seriesKey: row.seriesKey });
    }
    // Someone with database access disables the guard against changes to issued rows.
    await t.dataSource.query(
      isPostgres()
        ? 'DROP TRIGGER invoices_frozen ON invoices'
        : 'DROP TRIGGER invoices_frozen_update',
    );
  });
  afterAll(() => t.close());

  afterEach(async () => {
    expect(await verify()).toMatchObject({ ok: true, checked: 3 });
  });

  const broken = (checked: number, number: string) => ({
    ok: false,
    checked,
    firstBrokenNumber: number,
    lastHash: null,
  });

  it('names a row inserted as issued without a place in the chain', async () => {
    const columns = t.dataSource
      .getMetadata(Invoice)
      .columns.map((c) => c.databaseName)
      .filter((c) => !['id', 'number', 'seq', 'chainSeq', 'hash'].includes(c));
    const list = columns.map((c) => `"${c}"`).join(', ');
    const forged = `${docs[2].number.slice(0, -5)}00004`;
    await sql(
      `INSERT INTO invoices (id, number, seq, "chainSeq", hash, ${list}) SELECT :id, :number, 4, NULL, NULL, ${list} FROM invoices WHERE id = :from`,
      { id: '00000000-0000-4000-8000-0000000000f4', number: forged, from: docs[2].id },
    );
    expect(await verify()).toEqual(broken(4, forged));
    await sql("UPDATE invoices SET status = 'draft', number = NULL, seq = NULL WHERE id = :id", {
      id: '00000000-0000-4000-8000-0000000000f4',
    });
  });

  it('names the document after a gap in chainSeq', async () => {
    await sql('UPDATE invoices SET "chainSeq" = 7 WHERE id = :id', { id: docs[2].id });
    expect(await verify()).toEqual(broken(3, docs[2].number));
    await sql('UPDATE invoices SET "chainSeq" = 3 WHERE id = :id', { id: docs[2].id });
  });

  it('names the document after a gap in its number series', async () => {
    await sql('UPDATE invoices SET seq = 5 WHERE id = :id', { id: docs[1].id });
    expect(await verify()).toEqual(broken(2, docs[1].number));
    await sql('UPDATE invoices SET seq = 2 WHERE id = :id', { id: docs[1].id });
  });

  it('names the number missing when the last document is taken out of the chain', async () => {
    await sql(`UPDATE invoices SET status = 'draft', "chainSeq" = NULL WHERE id = :id`, {
      id: docs[2].id,
    });
    expect(await verify()).toEqual(broken(2, docs[2].number));
    await sql(`UPDATE invoices SET status = 'issued', "chainSeq" = 3 WHERE id = :id`, {
      id: docs[2].id,
    });
  });
});
