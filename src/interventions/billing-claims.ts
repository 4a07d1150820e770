import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, Not, type FindOperator } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { QuotaUnit } from '../requests/quota-unit.entity';
import { Intervention } from './intervention.entity';

/** The work one claim bills: interventions, and over-quota units for their fees. */
export interface ClaimedWork {
  interventionIds: string[];
  quotaUnitIds: string[];
}

/** Why claimed work cannot change, in the words of whoever holds the claim. */
export interface ClaimRefusal {
  message: string;
  details: Record<string, unknown>;
}

/**
 * Whoever bills the work: it words the refusal to change work under one of its claims (and
 * how to free it), given the claim's id.
 */
export interface ClaimHolder {
  refusal(manager: EntityManager, claimId: string): Promise<ClaimRefusal>;
}

const ID_CHUNK = 500;

/**
 * The port through which work is billed. A biller claims interventions and over-quota units
 * under an opaque claim id and releases them; claimed work is frozen. The work's side knows
 * neither what the id names nor what billing is: the holder that registers itself words the
 * refusal. Claims and changes to the work are serialised by `Locks.billing(contractId)`.
 */
@Injectable()
export class BillingClaims {
  private holder: ClaimHolder | null = null;

  /**
   * The query condition for work (interventions or quota units under `alias`) claimed or not,
   * for those who select work by its claim: the claim's column stays this port's affair. The
   * column keeps the name `invoiceId` because API.md shows an intervention's claim under that
   * name; what it holds is the opaque claim id.
   */
  static claimedWhere(alias: string, claimed: boolean): string {
    return `${alias}.invoiceId ${claimed ? 'IS NOT NULL' : 'IS NULL'}`;
  }

  /** The same condition for a find's `where` on interventions or quota units: spread it in. */
  static claimedFind(claimed: boolean): { invoiceId: FindOperator<string> } {
    const unclaimed = IsNull() as FindOperator<string>;
    return { invoiceId: claimed ? Not(unclaimed) : unclaimed };
  }

  /** Registers the one holder of claims (at start). */
  heldBy(holder: ClaimHolder): void {
    this.holder = holder;
  }

  async claim(manager: EntityManager, claimId: string, work: ClaimedWork): Promise<void> {
    await this.mark(manager, Intervention, work.interventionIds, claimId);
    await this.mark(manager, QuotaUnit, work.quotaUnitIds, claimId);
  }

  /** Gives back the claim's work: all of it, or only these interventions. */
  async release(
    manager: EntityManager,
    claimId: string,
    interventionIds?: string[],
  ): Promise<void> {
    if (interventionIds === undefined) {
      await manager.update(Intervention, { invoiceId: claimId }, { invoiceId: null });
      await manager.update(QuotaUnit, { invoiceId: claimId }, { invoiceId: null });
      return;
    }
    for (let k = 0; k < interventionIds.length; k += ID_CHUNK) {
      const ids = In(interventionIds.slice(k, k + ID_CHUNK));
      await manager.update(Intervention, { invoiceId: claimId, id: ids }, { invoiceId: null });
    }
  }

  /** Refuses (409 conflict.invoiced) a change to claimed work, worded by the claim's holder. */
  async assertUnclaimed(
    manager: EntityManager,
    intervention: Pick<Intervention, 'id' | 'invoiceId'>,
  ): Promise<void> {
    const claimId = intervention.invoiceId;
    if (!claimId) return;
    const refusal = this.holder
      ? await this.holder.refusal(manager, claimId)
      : {
          message: `This intervention is billed (${claimId}) and can no longer change`,
          details: { invoiceStatus: null, number: null },
        };
    throw new DomainError('conflict.invoiced', refusal.message, [
      { message: refusal.message, interventionId: intervention.id, ...refusal.details },
    ]);
  }

  private async mark(
    manager: EntityManager,
    entity: typeof Intervention | typeof QuotaUnit,
    ids: string[],
    claimId: string,
  ): Promise<void> {
    for (let k = 0; k < ids.length; k += ID_CHUNK) {
      await manager.update(entity, { id: In(ids.slice(k, k + ID_CHUNK)) }, { invoiceId: claimId });
    }
  }
}
