import { randomUUID } from 'node:crypto';
import type { TestApp } from '../app';
import { Contract } from '../../src/contracts/contract.entity';
import { SupportRequest } from '../../src/requests/request.entity';
import { contractInput, deepMerge, type Overrides } from './contracts';
import { bearer, createActivity, createClient } from './index';

/**
 * A contract written straight through its repository, with the complete billing and urgency
 * policy of `contractInput` (overrides merge deeply), so interventions can be tested on their own.
 */
export async function insertContract(
  t: TestApp,
  clientId: string,
  overrides: Overrides = {},
): Promise<Contract> {
  const input = contractInput(clientId, overrides) as unknown as Contract;
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

/** An open request under a contract, written through its repository. */
export async function insertRequest(
  t: TestApp,
  contract: Contract,
  createdById: string,
  overrides: Partial<SupportRequest> = {},
): Promise<SupportRequest> {
  const repo = t.dataSource.getRepository(SupportRequest);
  const now = new Date();
  return repo.save(
    repo.create({
      contractId: contract.id,
      clientId: contract.clientId,
      createdById,
      title: 'The accounting software no longer starts',
      description: 'Since this morning',
      urgencyRequested: 'high',
      urgencyApplied: 'high',
      policyOutcome: 'accepted',
      reason: null,
      status: 'open',
      createdAt: now,
      responseDueAt: new Date(now.getTime() + 2 * 3600_000),
      respondedAt: null,
      resolvedAt: null,
      closedAt: null,
      falseUrgency: false,
      reclassifiedFrom: null,
      reclassificationReason: null,
      ...overrides,
    }),
  );
}

/** A client, a support activity and a contract at 90.00 EUR/h (15-minute increments, 30 minimum). */
export async function supportSetup(
  t: TestApp,
  token: string,
  contractOverrides: Overrides = {},
): Promise<{ clientId: string; clientName: string; activityId: string; contract: Contract }> {
  const client = await createClient(t, token);
  const activity = await createActivity(t, token, { name: `Support ${randomUUID().slice(0, 8)}` });
  const contract = await insertContract(
    t,
    client.id,
    deepMerge(
      { billing: { hourlyRateCents: 9000, roundingMinutes: 15, minimumBillableMinutes: 30 } },
      contractOverrides,
    ),
  );
  return { clientId: client.id, clientName: client.name, activityId: activity.id, contract };
}

export function interventionInput(
  contractId: string,
  activityId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    contractId,
    activityId,
    startedAt: '2026-11-02T10:00:00+01:00',
    endedAt: '2026-11-02T10:50:00+01:00',
    urgency: 'normal',
    location: 'remote',
    description: 'Printer queue stuck; restarted the spooler',
    billable: true,
    ...overrides,
  };
}

export function logIntervention(
  t: TestApp,
  token: string,
  body: Record<string, unknown>,
): ReturnType<ReturnType<TestApp['http']>['post']> {
  return t
    .http()
    .post('/api/interventions')
    .set(...bearer(token))
    .send(body);
}
