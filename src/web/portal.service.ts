import { Injectable } from '@nestjs/common';
import { URGENCY_LEVELS } from '../common/domain';
import type { Urgency, UrgencyLevelPolicy } from '../common/domain';
import type { Viewer } from '../common/tenant';
import type { ContractView } from '../contracts/contracts.service';
import { ContractsService } from '../contracts/contracts.service';
import { ContractUsage, UsageService } from '../usage/usage.service';

/** What a client sees beside each urgency level before committing: cost, time, units left. */
export interface LevelOffer {
  level: Urgency;
  policy: UrgencyLevelPolicy;
  used: number;
  left: number | null;
  resetsOn: string;
}

export interface ContractOffer {
  contract: ContractView;
  usage: ContractUsage;
  levels: LevelOffer[];
}

/** Gathers, for the portal, what the contracts and their usage already say; no rule lives here. */
@Injectable()
export class PortalService {
  constructor(
    private readonly contracts: ContractsService,
    private readonly usage: UsageService,
  ) {}

  async offers(viewer: Viewer): Promise<ContractOffer[]> {
    const page = await this.contracts.list(viewer, {
      limit: 100,
      offset: 0,
      active: true,
    });
    return Promise.all(
      page.items.map(async (contract) => {
        const usage = await this.usage.usage(viewer, contract.id);
        const levels = URGENCY_LEVELS.map((level) => {
          const { used, quota, resetsOn } = usage.quotas[level];
          const left = quota === null ? null : Math.max(0, quota - used);
          return { level, policy: contract.urgencyPolicy.levels[level], used, left, resetsOn };
        });
        return { contract, usage, levels };
      }),
    );
  }
}
