import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { localMonth } from '../calendar';
import { Locks } from '../common/locks';
import { QuotaLedger } from '../requests/quota-ledger.service';
import { QuotaUnit } from '../requests/quota-unit.entity';
import type { PlannedIntervention } from './import-plan';
import { InterventionDay } from './intervention-day.entity';
import { dayRowsOf, insertInChunks, refreshTouched, touchedBy } from './intervention-days';
import { Intervention } from './intervention.entity';

/**
 * Writes the planned interventions of an import, their local-day rows and the quota units of
 * urgent ones, a few hundred rows per statement, in the caller's transaction.
 */
export async function writeImport(
  manager: EntityManager,
  planned: readonly PlannedIntervention[],
  by: { consultantId: string; source: string; timezone: string; now: Date },
  ledger: QuotaLedger,
): Promise<number> {
  const rows = planned.map((p) => ({ id: randomUUID(), planned: p }));
  const interventions = rows.map(({ id, planned: p }) => ({
    ...p.priced,
    id,
    consultantId: by.consultantId,
    contractId: p.contract.id,
    clientId: p.contract.clientId,
    requestId: null,
    activityId: p.activityId,
    startedAt: p.start,
    endedAt: p.end,
    urgency: p.urgency,
    location: p.location,
    description: p.description,
    durationMinutes: p.measured.durationMinutes,
    afterHoursMinutes: p.measured.afterHoursMinutes,
    invoiceId: null,
    source: by.source,
    autoStopped: false,
    createdAt: by.now,
    updatedAt: by.now,
  }));
  await insertInChunks(manager, Intervention, interventions);
  const days = interventions.flatMap((row, i) => dayRowsOf(row, planned[i].measured.pieces));
  await insertInChunks(manager, InterventionDay, days);
  await refreshTouched(manager, touchedBy(days));
  await insertInChunks(manager, QuotaUnit, await quotaUnits(manager, rows, by, ledger));
  return interventions.length;
}

/**
 * One unit per imported intervention at a level with a monthly quota, in the order the work
 * happened, flagged over the quota past it (with the overage fee when the policy bills one).
 */
async function quotaUnits(
  manager: EntityManager,
  rows: readonly { id: string; planned: PlannedIntervention }[],
  by: { timezone: string; now: Date },
  ledger: QuotaLedger,
): Promise<Partial<QuotaUnit>[]> {
  const counted = rows
    .filter(({ planned }) => levelPolicy(planned).monthlyQuota != null)
    .sort((a, b) => a.planned.start.getTime() - b.planned.start.getTime());
  const used = new Map<string, number>();
  const units: Partial<QuotaUnit>[] = [];
  for (const { id, planned } of counted) {
    const month = localMonth(planned.start, by.timezone);
    const key = `${planned.contract.id}|${month}|${planned.urgency}`;
    if (!used.has(key)) {
      const usage = await ledger.usage(manager, planned.contract.id, month);
      used.set(key, usage[planned.urgency]);
    }
    const before = used.get(key)!;
    used.set(key, before + 1);
    const policy = levelPolicy(planned);
    const overage = before >= policy.monthlyQuota!;
    units.push({
      id: randomUUID(),
      contractId: planned.contract.id,
      month,
      level: planned.urgency,
      requestId: null,
      interventionId: id,
      overage,
      feeCents: overage && policy.overQuota === 'overage' ? (policy.overageFeeCents ?? 0) : 0,
      released: false,
      invoiceId: null,
      createdAt: by.now,
    });
  }
  return units;
}

function levelPolicy(planned: PlannedIntervention) {
  return planned.contract.urgencyPolicy.levels[planned.urgency];
}

/** The quota locks an import needs: one per contract and month holding counted work. */
export function importQuotaLocks(
  planned: readonly PlannedIntervention[],
  timezone: string,
): string[] {
  const keys = planned
    .filter((p) => levelPolicy(p).monthlyQuota != null)
    .map((p) => Locks.quota(p.contract.id, localMonth(p.start, timezone)));
  return [...new Set(keys)];
}
