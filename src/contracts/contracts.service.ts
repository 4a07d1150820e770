import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { localDate } from '../calendar';
import { Client } from '../clients/client.entity';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/domain-error';
import { Page } from '../common/pagination';
import { assertVisibleTo, clientScope, isForeignKeyViolation, Viewer } from '../common/tenant';
import { Transactions } from '../common/transactions';
import { PracticeService } from '../practice/practice.service';
import {
  billingForMode,
  contractProblems,
  contractStanding,
  ContractStanding,
} from './contract-rules';
import { BillingTerms, Contract } from './contract.entity';
import type { PolicyProblem } from './urgency-policy-rules';
import { readContract } from './contract-read';
import { ContractQuery, CreateContractDto, UpdateContractDto } from './dto/contract.dto';

/** A contract as the API answers it: the stored terms plus where it stands today. */
export type ContractView = Contract & { standing: ContractStanding; active: boolean };

@Injectable()
export class ContractsService {
  constructor(
    @InjectRepository(Contract) private readonly contracts: Repository<Contract>,
    private readonly transactions: Transactions,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
  ) {}

  create(dto: CreateContractDto): Promise<ContractView> {
    return this.transactions.run(async (manager) => {
      if (!(await manager.getRepository(Client).existsBy({ id: dto.clientId }))) {
        throw invalidContract([
          { field: 'clientId', code: 'unknown_client', message: `no client ${dto.clientId}` },
        ]);
      }
      const values = {
        ...dto,
        endDate: dto.endDate ?? null,
        billing: billingForMode(dto.billing),
        paymentTermsDays: dto.paymentTermsDays ?? null,
      };
      await this.assertCoherent(manager, values);
      await this.assertReferenceFree(manager, dto.reference);
      const repo = manager.getRepository(Contract);
      const saved = await repo.save(
        repo.create({ ...values, createdAt: this.clock.now(), archivedAt: null }),
      );
      return this.view(saved);
    });
  }

  async list(viewer: Viewer, query: ContractQuery): Promise<Page<ContractView>> {
    const qb = this.contracts.createQueryBuilder('c');
    const own = clientScope(viewer);
    if (own !== null) qb.andWhere('c.clientId = :own', { own });
    if (query.clientId) qb.andWhere('c.clientId = :clientId', { clientId: query.clientId });
    if (query.active !== undefined) {
      const today = await this.today();
      qb.andWhere(
        query.active
          ? 'c.archivedAt IS NULL AND (c.endDate IS NULL OR c.endDate >= :today)'
          : '(c.archivedAt IS NOT NULL OR c.endDate < :today)',
        { today },
      );
    }
    const [rows, total] = await qb
      .orderBy('c.startDate', 'DESC')
      .addOrderBy('c.reference', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    const today = await this.today();
    return { items: rows.map((c) => withStanding(c, today)), total };
  }

  /** The contract if the viewer may see it; 404 for another tenant's, as for an unknown one. */
  async get(viewer: Viewer, id: string, manager?: EntityManager): Promise<Contract> {
    const contract = manager
      ? await manager.getRepository(Contract).findOne({ where: { id } })
      : await readContract(this.contracts.manager.connection, id);
    if (!contract) throw notFound('contract');
    assertVisibleTo(viewer, contract.clientId, 'contract');
    return contract;
  }

  async read(viewer: Viewer, id: string): Promise<ContractView> {
    return this.view(await this.get(viewer, id));
  }

  update(id: string, dto: UpdateContractDto): Promise<ContractView> {
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(Contract);
      const contract = await repo.findOne({ where: { id } });
      if (!contract) throw notFound('contract');
      const next: Contract = Object.assign(contract, {
        ...definedOnly(dto),
        billing: dto.billing ? billingForMode(dto.billing as BillingTerms) : contract.billing,
      });
      await this.assertCoherent(manager, next);
      if (dto.reference !== undefined) await this.assertReferenceFree(manager, dto.reference, id);
      return this.view(await repo.save(next));
    });
  }

  /** Deletes an unused contract; one that requests, work or invoices refer to is archived. */
  async remove(id: string): Promise<{ archived: boolean }> {
    if (!(await this.contracts.existsBy({ id }))) throw notFound('contract');
    try {
      await this.contracts.delete({ id });
      return { archived: false };
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      await this.contracts.update({ id, archivedAt: IsNull() }, { archivedAt: this.clock.now() });
      return { archived: true };
    }
  }

  async restore(id: string): Promise<ContractView> {
    const contract = await this.contracts.findOne({ where: { id, archivedAt: Not(IsNull()) } });
    if (!contract) throw notFound('contract');
    contract.archivedAt = null;
    return this.view(await this.contracts.save(contract));
  }

  /** Today's date in the practice's zone: contracts start and end on local days. */
  async today(): Promise<string> {
    const { timezone } = await this.practice.get();
    return localDate(this.clock.now(), timezone);
  }

  private async view(contract: Contract): Promise<ContractView> {
    return withStanding(contract, await this.today());
  }

  private async assertCoherent(
    manager: EntityManager,
    terms: Parameters<typeof contractProblems>[0],
  ): Promise<void> {
    const ids = (terms.billing.activityRates ?? []).map((r) => r.activityId);
    const known = ids.length
      ? await manager.getRepository(Activity).find({ select: { id: true }, where: { id: In(ids) } })
      : [];
    const problems = contractProblems(terms, new Set(known.map((a) => a.id)));
    if (problems.length) throw invalidContract(problems);
  }

  private async assertReferenceFree(manager: EntityManager, reference: string, selfId?: string) {
    const other = await manager.getRepository(Contract).findOne({ where: { reference } });
    if (other && other.id !== selfId) {
      throw new DomainError(
        'conflict.contract_reference',
        `Contract reference ${reference} is already used`,
        [{ field: 'reference', message: `already used by another contract`, reference }],
      );
    }
  }
}

function withStanding(contract: Contract, today: string): ContractView {
  const standing = contractStanding(contract, today);
  return Object.assign(contract, {
    standing,
    active: standing === 'active' || standing === 'upcoming',
  });
}

/** The fields a PATCH actually sent: DTO instances also carry the absent ones as undefined. */
function definedOnly<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function invalidContract(problems: PolicyProblem[]): DomainError {
  const fields = [...new Set(problems.map((p) => p.field))];
  return new DomainError('invalid.contract', `Invalid input: ${fields.join(', ')}`, problems);
}
