import { DataSource, type MigrationInterface } from 'typeorm';
import { ALL_MIGRATIONS } from '../migrations';
import { loadConfig } from '../src/common/config';
import { dataSourceOptions } from '../src/common/database';
import { createTestDatabase, TestDatabase } from './database';

const names = ALL_MIGRATIONS.map((M) => new M().name);

/**
 * A database stopped just before `migration`: the migrations before it are applied, so rows can
 * be written as the schema then had them; `rest()` applies the others, as a server start would.
 */
async function stoppedBefore(migration: string) {
  const at = names.indexOf(migration);
  if (at < 0) throw new Error(`No migration ${migration}`);
  const db: TestDatabase = await createTestDatabase();
  const options = dataSourceOptions(loadConfig({ ...db.env }), []);
  const open = async (migrations: (new () => MigrationInterface)[]) => {
    const ds = new DataSource({ ...options, migrations });
    await ds.initialize();
    return ds;
  };
  let ds = await open(ALL_MIGRATIONS.slice(0, at));
  await ds.runMigrations({ transaction: 'each' });
  return {
    ds: () => ds,
    p: (k: number) => (ds.options.type === 'postgres' ? `$${k}` : '?'),
    /** Applies the migrations left: `migration` and those after it. */
    async rest(): Promise<string[]> {
      await ds.destroy();
      ds = await open(ALL_MIGRATIONS);
      return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
    },
    async close(): Promise<void> {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    },
  };
}

type Stopped = Awaited<ReturnType<typeof stoppedBefore>>;

const CREATED = '2026-01-05T09:00:00.000Z';
const CLIENT = '6f1d2c3e-0000-4000-8000-0000000000c1';
const USER = '6f1d2c3e-0000-4000-8000-0000000000a1';
const ACTIVITY = '6f1d2c3e-0000-4000-8000-0000000000b1';
const INVOICE = '6f1d2c3e-0000-4000-8000-0000000000f1';

/** A client, a consultant, an activity: what contracts and work refer to. */
async function insertParties(s: Stopped): Promise<void> {
  const ds = s.ds();
  await ds.query(
    `INSERT INTO clients (id, name, address, "billingEmail", "createdAt", "accountCode")
     VALUES (${s.p(1)}, 'Cabinet Tournesol', '{}', 'compta@tournesol.fr', ${s.p(2)}, 'CABINETT1A2B')`,
    [CLIENT, CREATED],
  );
  await ds.query(
    `INSERT INTO users (id, email, "displayName", role, active, "createdAt")
     VALUES (${s.p(1)}, 'camille@example.fr', 'Camille', 'consultant', TRUE, ${s.p(2)})`,
    [USER, CREATED],
  );
  await ds.query(
    `INSERT INTO activities (id, name, kind, "defaultRateCents", billable, "createdAt")
     VALUES (${s.p(1)}, 'Support', 'support', 9000, TRUE, ${s.p(2)})`,
    [ACTIVITY, CREATED],
  );
}

async function insertContract(s: Stopped, id: string, reference: string, billing: object) {
  await s.ds().query(
    `INSERT INTO contracts (id, "clientId", reference, title, "startDate", billing, "urgencyPolicy", "createdAt")
       VALUES (${s.p(1)}, ${s.p(2)}, ${s.p(3)}, 'Support', '2026-01-01', ${s.p(4)}, '{}', ${s.p(5)})`,
    [id, CLIENT, reference, JSON.stringify(billing), CREATED],
  );
}

describe('migrations that rewrite stored rows', () => {
  describe('OnePrice: the work on no invoice priced as an invoice bills it', () => {
    let s: Stopped;
    const CONTRACT = '6f1d2c3e-0000-4000-8000-0000000000d1';
    const FIGURES =
      '"billableMinutes", "hourlyRateCents", "baseAmountCents", "urgencySurchargePercent", "urgencySurchargeCents", "afterHoursSurchargeCents", "amountCents"';

    /** Work as it was stored before: its amounts from the exact minutes. */
    async function insertWork(id: string, figures: number[], invoiceId: string | null) {
      await s.ds().query(
        `INSERT INTO interventions (id, "consultantId", "contractId", "clientId", "activityId",
           "startedAt", "endedAt", urgency, location, description, billable, ${FIGURES},
           "invoiceId", "createdAt", "updatedAt")
         VALUES (${s.p(1)}, ${s.p(2)}, ${s.p(3)}, ${s.p(4)}, ${s.p(5)}, ${s.p(6)}, ${s.p(7)},
           'high', 'remote', 'Serveur mail HS', TRUE,
           ${figures.map((_, k) => s.p(k + 8)).join(', ')}, ${s.p(15)}, ${s.p(16)}, ${s.p(17)})`,
        [
          id,
          USER,
          CONTRACT,
          CLIENT,
          ACTIVITY,
          '2026-01-06T08:00:00.000Z',
          '2026-01-06T09:40:00.000Z',
          ...figures,
          invoiceId,
          CREATED,
          CREATED,
        ],
      );
    }

    beforeAll(async () => {
      s = await stoppedBefore('OnePrice1765400000000');
      await insertParties(s);
      await insertContract(s, CONTRACT, 'TOURNESOL-TM', {
        mode: 'time_and_materials',
        hourlyRateCents: 9000,
        roundingMinutes: 1,
        minimumBillableMinutes: 1,
        rolloverMonths: 0,
      });
      await s.ds().query(
        `INSERT INTO invoices (id, kind, status, number, "clientId", "contractId", "periodStart",
           "periodEnd", locale, "vatRegime", "netCents", "grossCents", "byRate", "createdAt")
         VALUES (${s.p(1)}, 'invoice', 'issued', 'F2026-00001', ${s.p(2)}, ${s.p(3)},
           '2026-01-01', '2026-01-31', 'fr', 'franchise', 23734, 23734, '[]', ${s.p(4)})`,
        [INVOICE, CLIENT, CONTRACT, '2026-02-01T09:00:00.000Z'],
      );
      // minutes, rate, base, urgency %, urgency, after hours, amount: 100 min at 90.00 €/h, +50 %.
      await insertWork('w-unbilled', [100, 9000, 15_000, 50, 7500, 1234, 23_734], null);
      await insertWork('w-whole', [45, 8000, 6000, 0, 0, 0, 6000], null);
      await insertWork('w-invoiced', [100, 9000, 15_000, 50, 7500, 1234, 23_734], INVOICE);
      expect(await s.rest()).toEqual(names.slice(names.indexOf('OnePrice1765400000000')));
    });
    afterAll(() => s.close());

    const figures = async (id: string) => {
      const [row] = await s
        .ds()
        .query<Record<string, number | string>[]>(
          `SELECT "baseAmountCents" AS base, "urgencySurchargeCents" AS urgency, "amountCents" AS amount FROM interventions WHERE id = ${s.p(1)}`,
          [id],
        );
      return { base: Number(row.base), urgency: Number(row.urgency), amount: Number(row.amount) };
    };

    it('prices unbilled work from its hours to the hundredth: 100 min at 90.00 € = 1.67 h = 150.30 €', async () => {
      // 150.30 €, +50 % = 75.15 €, and the after-hours surcharge kept: 237.79 €.
      expect(await figures('w-unbilled')).toEqual({ base: 15_030, urgency: 7515, amount: 23_779 });
    });

    it('leaves a price that was already whole hundredths as it was', async () => {
      expect(await figures('w-whole')).toEqual({ base: 6000, urgency: 0, amount: 6000 });
    });

    it('keeps the figures of work an invoice bills', async () => {
      expect(await figures('w-invoiced')).toEqual({ base: 15_000, urgency: 7500, amount: 23_734 });
    });
  });

  describe('FeeTiming: every stored contract bills its fee in arrears', () => {
    let s: Stopped;
    const retainer = {
      mode: 'retainer',
      monthlyFeeCents: 60_000,
      includedMinutesPerMonth: 600,
      hourlyRateCents: 9000,
      overageRateCents: 11_000,
      activityRates: [{ activityId: ACTIVITY, hourlyRateCents: 12_000 }],
      roundingMinutes: 15,
      minimumBillableMinutes: 30,
      rolloverMonths: 2,
    };
    const timeAndMaterials = {
      mode: 'time_and_materials',
      hourlyRateCents: 9000,
      roundingMinutes: 15,
      minimumBillableMinutes: 15,
      rolloverMonths: 0,
    };
    const ids = ['6f1d2c3e-0000-4000-8000-0000000000e1', '6f1d2c3e-0000-4000-8000-0000000000e2'];

    const billings = async () =>
      (await s.ds().query<{ billing: string }[]>('SELECT billing FROM contracts ORDER BY id')).map(
        (r) => JSON.parse(r.billing) as Record<string, unknown>,
      );

    beforeAll(async () => {
      s = await stoppedBefore('FeeTiming1765500000000');
      await insertParties(s);
      await insertContract(s, ids[0], 'TOURNESOL-RET', retainer);
      await insertContract(s, ids[1], 'TOURNESOL-TM', timeAndMaterials);
      expect(await s.rest()).toEqual(names.slice(names.indexOf('FeeTiming1765500000000')));
    });
    afterAll(() => s.close());

    it('writes feeTiming arrears into each contract, every other term kept', async () => {
      expect(await billings()).toEqual([
        { ...retainer, feeTiming: 'arrears' },
        { ...timeAndMaterials, feeTiming: 'arrears' },
      ]);
    });

    it('takes it out again when reverted', async () => {
      const applied = async () =>
        (await s.ds().query<{ name: string }[]>('SELECT name FROM migrations')).map((r) => r.name);
      while ((await applied()).includes('FeeTiming1765500000000')) {
        await s.ds().undoLastMigration({ transaction: 'each' });
      }
      expect(await billings()).toEqual([retainer, timeAndMaterials]);
    });
  });
});
