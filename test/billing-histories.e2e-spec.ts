import fc from 'fast-check';
import { Intervention } from '../src/interventions/intervention.entity';
import { InvoiceLine } from '../src/invoicing/invoice-line.entity';
import { Invoice } from '../src/invoicing/invoice.entity';
import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './factories';
import { createContract } from './factories/contracts';

type Mode = 'retainer' | 'prepaid' | 'time_and_materials';

type Step =
  | { kind: 'work'; month: number; day: number; quarters: number }
  | { kind: 'draft'; month: number }
  | { kind: 'issue' }
  | { kind: 'delete' }
  | { kind: 'pay'; which: number; share: number }
  | { kind: 'credit'; which: number; full: boolean; release: boolean; share: number };

interface Doc {
  id: string;
  kind: string;
  status: string;
  totals: { grossCents: number };
  paidCents: number;
  creditedCents: number;
  balanceCents: number;
  lines: { amountCents: number; interventionIds: string[] }[];
}

/** November 2026 to February 2027: the histories cross the year. */
const MONTHS = ['2026-11', '2026-12', '2027-01', '2027-02'];
const LAST_DAY: Record<string, string> = {
  '2026-11': '30',
  '2026-12': '31',
  '2027-01': '31',
  '2027-02': '28',
};

const settlement: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('pay' as const), which: fc.nat(5), share: fc.nat(100) }),
  fc.record({
    kind: fc.constant('credit' as const),
    which: fc.nat(5),
    full: fc.boolean(),
    release: fc.boolean(),
    share: fc.integer({ min: 1, max: 100 }),
  }),
  fc.constant({ kind: 'delete' as const }),
);

/** A round: work logged in a month (any, so late work too), a draft of it, maybe issued, then settled. */
const round: fc.Arbitrary<Step[]> = fc
  .record({
    month: fc.nat(3),
    work: fc.array(
      fc.record({
        day: fc.integer({ min: 2, max: 27 }),
        quarters: fc.integer({ min: 1, max: 32 }),
      }),
      { maxLength: 3 },
    ),
    issue: fc.boolean(),
    after: fc.array(settlement, { maxLength: 3 }),
  })
  .map(({ month, work, issue, after }) => [
    ...work.map((w) => ({ kind: 'work' as const, month, ...w })),
    { kind: 'draft' as const, month },
    ...(issue ? [{ kind: 'issue' as const }] : []),
    ...after,
  ]);

/**
 * Random histories of a contract — retainer with or without roll-over, prepaid block, time and
 * materials — over months crossing the year: work logged, drafts made, issued and deleted,
 * payments, full and partial credit notes with and without giving the work back. After each:
 * every billable minute is billed once or still unbilled; an invoice's balance is its gross less
 * its credit notes and payments, below zero only when a credit note came after a payment (the
 * money owed back, by design, never more than was paid); the owed total is the same through the
 * API list, the client's own list and the client report. The clock stands on Saturday 20 March 2027, after every month worked.
 */
describe('billing histories', () => {
  let t: TestApp;
  let owner: string;
  /** Each history is written by a consultant of its own: the per-user rate limit is per minute. */
  let consultant: string;
  let activityId: string;

  const call = (method: 'get' | 'post' | 'delete', url: string, token: string, body?: object) => {
    const req = t
      .http()
      [method](url)
      .set(...bearer(token));
    return body ? req.send(body) : req;
  };

  beforeAll(async () => {
    // Two users a history accept their invitation: more than the default 30 a minute.
    t = await startTestApp(
      { SIGN_IN_ATTEMPTS_PER_MINUTE: '1000' },
      { now: '2027-03-20T10:00:00+01:00' },
    );
    owner = await setupConsultant(t);
    consultant = owner;
    activityId = (await createActivity(t, owner)).id;
  });
  afterAll(() => t.close());

  async function contractFor(clientId: string, mode: Mode, rolloverMonths: number) {
    const billing =
      mode === 'retainer'
        ? { includedMinutesPerMonth: 480, rolloverMonths }
        : mode === 'prepaid'
          ? {
              mode,
              prepaidMinutes: 1200,
              monthlyFeeCents: undefined,
              includedMinutesPerMonth: undefined,
            }
          : {
              mode,
              monthlyFeeCents: undefined,
              includedMinutesPerMonth: undefined,
              overageRateCents: undefined,
            };
    return createContract(t, consultant, clientId, { startDate: '2026-10-01', billing });
  }

  async function docs(contractId: string): Promise<Doc[]> {
    const list = await call('get', `/api/invoices?contractId=${contractId}&limit=500`, consultant);
    return Promise.all(
      (list.body.items as { id: string }[]).map(
        async (d) => (await call('get', `/api/invoices/${d.id}`, consultant)).body as Doc,
      ),
    );
  }

  /** Histories that put the claims to the test: a credit note issued, work given back. */
  const seen = { credited: 0, givenBack: 0 };

  async function run(contractId: string, s: Step): Promise<void> {
    const all = await docs(contractId);
    const issued = all.filter((d) => d.kind === 'invoice' && d.status !== 'draft');
    const drafts = all.filter((d) => d.status === 'draft');
    const pick = (which: number) => issued[which % Math.max(1, issued.length)];
    switch (s.kind) {
      case 'work': {
        const month = MONTHS[s.month];
        const start = new Date(`${month}-${String(s.day).padStart(2, '0')}T09:00:00+01:00`);
        const res = await call('post', '/api/interventions', consultant, {
          contractId,
          activityId,
          startedAt: start.toISOString(),
          endedAt: new Date(start.getTime() + s.quarters * 15 * 60_000).toISOString(),
          urgency: 'normal',
          location: 'remote',
          description: 'Work',
          billable: true,
        });
        expect([201, 409]).toContain(res.status);
        return;
      }
      case 'draft': {
        const month = MONTHS[s.month];
        const res = await call('post', '/api/invoices/drafts', consultant, {
          contractId,
          periodStart: `${month}-01`,
          periodEnd: `${month}-${LAST_DAY[month]}`,
        });
        expect([201, 409]).toContain(res.status);
        return;
      }
      case 'issue':
        if (drafts.length === 0) return;
        expect([200, 422]).toContain(
          (await call('post', `/api/invoices/${drafts[0].id}/issue`, consultant)).status,
        );
        return;
      case 'delete':
        if (drafts.length > 0) {
          await call('delete', `/api/invoices/${drafts[0].id}`, consultant).expect(204);
        }
        return;
      case 'pay': {
        const doc = pick(s.which);
        if (!doc || doc.balanceCents <= 0) return;
        const amountCents = Math.max(1, Math.floor((doc.balanceCents * s.share) / 100));
        await call('post', `/api/invoices/${doc.id}/payments`, consultant, {
          amountCents,
          paidOn: '2027-03-20',
          method: 'transfer',
        }).expect(201);
        return;
      }
      case 'credit': {
        const doc = pick(s.which);
        if (!doc || doc.status === 'cancelled') return;
        const line = doc.lines.findIndex((l) => l.amountCents > 0);
        const body = s.full
          ? { releaseInterventions: s.release }
          : {
              releaseInterventions: s.release,
              lines:
                line < 0
                  ? []
                  : [
                      {
                        lineIndex: line,
                        amountCents: Math.max(
                          1,
                          Math.floor((doc.lines[line].amountCents * s.share) / 100),
                        ),
                      },
                    ],
            };
        const res = await call('post', `/api/invoices/${doc.id}/credit-notes`, consultant, body);
        expect([201, 422]).toContain(res.status);
        if (res.status === 201 && s.release) seen.givenBack += 1;
      }
    }
  }

  async function check(contractId: string, clientId: string, clientToken: string) {
    const all = await docs(contractId);
    const byId = new Map(all.map((d) => [d.id, d]));
    const work = await t.dataSource
      .getRepository(Intervention)
      .findBy({ contractId, billable: true });
    const rows = await t.dataSource.getRepository(InvoiceLine).find();
    const notes = await t.dataSource
      .getRepository(Invoice)
      .findBy({ contractId, kind: 'credit_note' });
    // What the credit notes took from each invoice line: `${invoiceId}#${position}` → cents.
    const credited = new Map<string, number>();
    for (const note of notes) {
      for (const row of rows.filter(
        (r) => r.invoiceId === note.id && r.creditedPosition !== null,
      )) {
        const key = `${note.creditedInvoiceId}#${row.creditedPosition}`;
        credited.set(key, (credited.get(key) ?? 0) + Math.abs(row.amountCents));
      }
    }
    const billing = (d: Doc) => d.kind === 'invoice' && d.status !== 'cancelled';
    if (notes.length > 0) seen.credited += 1;
    if (
      work.some((w) => w.invoiceId === null && rows.some((r) => r.interventionIds.includes(w.id)))
    )
      seen.givenBack += 1;
    for (const w of work) {
      if (w.invoiceId !== null) {
        // Billed by the one document it points to, which lists it.
        const holder = byId.get(w.invoiceId);
        expect(holder?.kind).toBe('invoice');
        expect(holder?.lines.some((l) => l.interventionIds.includes(w.id))).toBe(true);
      }
      // Any other document still listing it no longer bills it: every such line is credited.
      for (const row of rows.filter((r) => r.interventionIds.includes(w.id))) {
        const doc = byId.get(row.invoiceId);
        if (!doc || !billing(doc) || row.invoiceId === w.invoiceId) continue;
        const left = row.amountCents - (credited.get(`${row.invoiceId}#${row.position}`) ?? 0);
        expect(left).toBeLessThanOrEqual(0);
      }
    }
    // No balance below what was paid back: a credit after a payment owes money back, by design.
    for (const d of all.filter((x) => x.kind === 'invoice' && x.status !== 'draft')) {
      expect(d.balanceCents).toBe(d.totals.grossCents - Math.abs(d.creditedCents) - d.paidCents);
      expect(d.balanceCents).toBeGreaterThanOrEqual(-d.paidCents);
      // Below zero only when a credit note came after a payment: what is owed back.
      if (d.balanceCents < 0) expect(Math.abs(d.creditedCents)).toBeGreaterThan(0);
    }
    for (const d of all.filter((x) => x.kind === 'credit_note' || x.status === 'draft')) {
      expect(d.balanceCents).toBe(0);
    }
    const owed = all.reduce((sum, d) => sum + d.balanceCents, 0);
    const list = await call('get', `/api/invoices?clientId=${clientId}&limit=500`, consultant);
    expect(list.body.totals.balanceCents).toBe(owed);
    const own = await call('get', '/api/invoices?limit=500', clientToken);
    expect(own.body.totals.balanceCents).toBe(owed);
    const report = await call(
      'get',
      `/api/reports/clients/${clientId}?from=2026-11&to=2027-03`,
      consultant,
    ).expect(200);
    expect(report.body.balanceCents).toBe(owed);
  }

  it('bills every minute once or leaves it unbilled, and owes one total everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Mode>('retainer', 'prepaid', 'time_and_materials'),
        fc.integer({ min: 0, max: 2 }),
        fc.array(round, { minLength: 2, maxLength: 6 }),
        async (mode, rolloverMonths, rounds) => {
          const steps = rounds.flat();
          consultant = (await createUser(t, owner, 'consultant')).token;
          const client = await createClient(t, consultant);
          const contract = await contractFor(client.id, mode, rolloverMonths);
          const user = await createUser(t, consultant, 'client', client.id);
          for (const s of steps) await run(contract.id, s);
          await check(contract.id, client.id, user.token);
        },
      ),
      { numRuns: 25 },
    );
    expect(seen.credited).toBeGreaterThan(0);
    expect(seen.givenBack).toBeGreaterThan(0);
    // 25 whole histories through the API, each some hundred requests: on PostgreSQL, on a
    // machine busy with other suites, this can take minutes; the limit only stops a hang.
  }, 900_000);
});
