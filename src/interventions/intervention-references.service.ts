import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { invalid } from '../common/domain-error';
import { Contract } from '../contracts/contract.entity';
import { SupportRequest } from '../requests/request.entity';

/** What an intervention points to, loaded and checked. */
export interface InterventionReferences {
  contract: Contract;
  activity: Activity;
  request: SupportRequest | null;
}

export interface ReferenceIds {
  contractId: string;
  activityId: string;
  requestId: string | null;
}

/**
 * Loads the contract, activity and request an intervention names, and refuses unknown ones
 * (400 naming the field). Archived ones are refused for new work only: an intervention already
 * on an archived contract or activity may still be corrected.
 */
@Injectable()
export class InterventionReferenceLoader {
  async load(
    manager: EntityManager,
    ids: ReferenceIds,
    current: ReferenceIds | null = null,
  ): Promise<InterventionReferences> {
    const contract = await manager
      .getRepository(Contract)
      .findOne({ where: { id: ids.contractId } });
    if (!contract) throw invalid('contractId', 'no such contract', { reason: 'unknown' });
    if (contract.archivedAt && current?.contractId !== contract.id) {
      throw invalid('contractId', `the contract ${contract.reference} is archived`, {
        reason: 'archived',
        reference: contract.reference,
      });
    }
    const activity = await manager
      .getRepository(Activity)
      .findOne({ where: { id: ids.activityId } });
    if (!activity) throw invalid('activityId', 'no such activity', { reason: 'unknown' });
    if (activity.archivedAt && current?.activityId !== activity.id) {
      throw invalid('activityId', `the activity ${activity.name} is archived`, {
        reason: 'archived',
        name: activity.name,
      });
    }
    return { contract, activity, request: await this.request(manager, ids, contract) };
  }

  private async request(
    manager: EntityManager,
    ids: ReferenceIds,
    contract: Contract,
  ): Promise<SupportRequest | null> {
    if (ids.requestId === null) return null;
    const request = await manager
      .getRepository(SupportRequest)
      .findOne({ where: { id: ids.requestId } });
    if (!request) throw invalid('requestId', 'no such request', { reason: 'unknown' });
    if (request.contractId !== contract.id) {
      throw invalid(
        'requestId',
        `the request "${request.title}" belongs to another contract than ${contract.reference}`,
        { reason: 'other_contract', title: request.title, reference: contract.reference },
      );
    }
    return request;
  }
}
