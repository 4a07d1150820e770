import { randomUUID } from 'node:crypto';
import type { Urgency } from '../../src/common/domain';
import { Contract } from '../../src/contracts/contract.entity';
import { Intervention } from '../../src/interventions/intervention.entity';
import { priceIntervention, resolveHourlyRate } from '../../src/interventions/pricing';
import { InvoiceLine } from '../../src/invoicing/invoice-line.entity';
import { Invoice } from '../../src/invoicing/invoice.entity';
import { QuotaUnit } from '../../src/requests/quota-unit.entity';
import type { TestApp } from '../app';
import { contractInput, type Overrides } from './contracts';
import { bearer } from './index';

/**
 * Invoicing test data written through the repositories, priced by the same pure rules the
 * interventions feature uses, so drafts read exactly what the product would have stored.
 */

/** A contract from the shared contract factory's defaults (600 min retainer, 90 €/h). */
export async function insertContract(
  t: TestApp,
  clientId: string,
  overrides: Overrides = {},
): Promise<Contract> {
  const input = contractInput(clientId, overrides) as unknown as Partial<Contract>;
  const repo = t.dataSource.getRepository(Contract);
  return repo.save(
    repo.create({
      ...input,
      endDate: input.endDate ?? null,
      paymentTermsDays: input.paymentTermsDays ?? null,
      createdAt: new Date(),
      archivedAt: null,
    }),
  );
}

export async function consultantId(t: TestApp, token: string): Promise<string> {
  const me = await t
    .http()
    .get('/api/auth/me')
    .set(...bearer(token))
    .expect(200);
  return (me.body.user?.id ?? me.body.id) as string;
}

export interface WorkInput {
  contract: Contract;
  activityId: string;
  consultantId: string;
  /** ISO instants. */
  startedAt: string;
  endedAt: string;
  urgency?: Urgency;
  /** Minutes of the interval outside business hours (as the calendar rules would compute). */
  afterHoursMinutes?: number;
  billable?: boolean;
  description?: string;
}

/** An ended intervention with its derived figures computed by priceIntervention. */
export async function insertIntervention(t: TestApp, input: WorkInput): Promise<Intervention> {
  const { contract } = input;
  const urgency = input.urgency ?? 'normal';
  const startedAt = new Date(input.startedAt);
  const endedAt = new Date(input.endedAt);
  const durationMinutes = Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000);
  const afterHoursMinutes = input.afterHoursMinutes ?? 0;
  const hourlyRateCents = resolveHourlyRate(
    contract.billing.hourlyRateCents,
    contract.billing.activityRates,
    input.activityId,
  );
  const urgencySurchargePercent = contract.urgencyPolicy.levels[urgency].surchargePercent;
  const afterHoursSurchargePercent =
    afterHoursMinutes > 0 ? contract.urgencyPolicy.afterHoursSurchargePercent : 0;
  const price = priceIntervention({
    durationMinutes,
    afterHoursMinutes,
    billable: input.billable ?? true,
    roundingMinutes: contract.billing.roundingMinutes,
    minimumBillableMinutes: contract.billing.minimumBillableMinutes,
    hourlyRateCents,
    urgencySurchargePercent,
    afterHoursSurchargePercent,
  });
  const repo = t.dataSource.getRepository(Intervention);
  return repo.save(
    repo.create({
      consultantId: input.consultantId,
      contractId: contract.id,
      clientId: contract.clientId,
      requestId: null,
      activityId: input.activityId,
      startedAt,
      endedAt,
      urgency,
      location: 'remote',
      description: input.description ?? 'Support',
      billable: input.billable ?? true,
      durationMinutes,
      afterHoursMinutes,
      billableMinutes: price.billableMinutes,
      afterHoursBillableMinutes: price.afterHoursBillableMinutes,
      hourlyRateCents,
      baseAmountCents: price.baseAmountCents,
      urgencySurchargePercent,
      urgencySurchargeCents: price.urgencySurchargeCents,
      afterHoursSurchargePercent,
      afterHoursSurchargeCents: price.afterHoursSurchargeCents,
      amountCents: price.amountCents,
      invoiceId: null,
      source: 'manual',
      autoStopped: false,
      createdAt: new Date(),
      updatedAt: new Date(),
    }),
  );
}

/** An over-quota unit of a contract's month carrying a fee to bill. */
export async function insertOverageUnit(
  t: TestApp,
  contract: Contract,
  month: string,
  level: Urgency,
  feeCents: number,
  interventionId: string | null = null,
): Promise<QuotaUnit> {
  const repo = t.dataSource.getRepository(QuotaUnit);
  return repo.save(
    repo.create({
      contractId: contract.id,
      month,
      level,
      requestId: null,
      interventionId,
      overage: true,
      feeCents,
      released: false,
      invoiceId: null,
      createdAt: new Date(),
    }),
  );
}

/**
 * `count` drafts of one manual line each (100.00 € HT), written straight to the tables: the
 * numbering tests issue them by the hundred without building each from work.
 */
export async function insertManualDrafts(
  t: TestApp,
  contract: Contract,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  await t.dataSource.transaction(async (m) => {
    for (let k = 0; k < count; k++) {
      const id = randomUUID();
      ids.push(id);
      await m.insert(Invoice, {
        id,
        kind: 'invoice',
        status: 'draft',
        clientId: contract.clientId,
        contractId: contract.id,
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
        locale: 'fr',
        vatRegime: 'franchise',
        netCents: 10000,
        vatCents: 0,
        grossCents: 10000,
        byRate: [{ vatRateBp: 0, netCents: 10000, vatCents: 0 }],
        createdAt: new Date(),
      });
      await m.insert(InvoiceLine, {
        id: randomUUID(),
        invoiceId: id,
        position: 0,
        kind: 'manual',
        description: `Prestation ${k + 1}`,
        quantityHundredths: 100,
        unit: 'unit',
        unitPriceCents: 10000,
        vatRateBp: 0,
        amountCents: 10000,
        interventionIds: [],
        details: [],
        creditedPosition: null,
      });
    }
  });
  return ids;
}
