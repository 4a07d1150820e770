import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull, Not, Repository } from 'typeorm';
import { DomainError, notFound } from '../common/domain-error';
import { Page } from '../common/pagination';
import { assertVisibleTo, isForeignKeyViolation, scoped, Viewer } from '../common/tenant';
import { accountCodeFor } from './account-code';
import { Client } from './client.entity';
import { clientCoherence, type ClientIdentity } from './client-coherence';
import { ClientQuery, CreateClientDto, UpdateClientDto } from './dto/client.dto';
import { Clock } from '../common/clock';
import { Locks } from '../common/locks';
import { Transactions } from '../common/transactions';

/** Codes tried before giving up: two clients share a first code once in 65 536 namesakes. */
const ACCOUNT_CODE_ATTEMPTS = 20;

function assertCoherent(client: ClientIdentity): void {
  const problems = clientCoherence(client);
  if (problems.length > 0) {
    throw new DomainError(
      'invalid.client',
      `Invalid input: ${problems.map((p) => p.field).join(', ')}`,
      problems,
    );
  }
}

@Injectable()
export class ClientsService {
  constructor(
    @InjectRepository(Client) private readonly clients: Repository<Client>,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async create(dto: CreateClientDto): Promise<Client> {
    const id = randomUUID();
    const client = this.clients.create({
      ...dto,
      id,
      siren: dto.siren ?? null,
      vatNumber: dto.vatNumber?.toUpperCase() ?? null,
      locale: dto.locale ?? null,
      createdAt: this.clock.now(),
      archivedAt: null,
    });
    assertCoherent(client);
    // Checked and written under one lock, so two clients made at once cannot share a SIREN.
    return this.transactions.run(
      async (m) => {
        await this.assertSirenFree(m, client.siren, id);
        if (dto.accountCode) await this.assertAccountCodeFree(dto.accountCode, id);
        client.accountCode = dto.accountCode ?? (await this.newAccountCode(dto.name, id));
        return m.save(client);
      },
      [Locks.clientIdentities],
    );
  }

  async list(viewer: Viewer, query: ClientQuery): Promise<Page<Client>> {
    const qb = this.clients.createQueryBuilder('c');
    const where: { clientId?: string } = scoped(viewer, {});
    if (where.clientId) qb.andWhere('c.id = :own', { own: where.clientId });
    if (query.q) qb.andWhere('LOWER(c.name) LIKE :q', { q: `%${query.q.toLowerCase()}%` });
    qb.andWhere(query.archived ? 'c.archivedAt IS NOT NULL' : 'c.archivedAt IS NULL');
    const [items, total] = await qb
      .orderBy('c.name', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total };
  }

  async get(viewer: Viewer, id: string): Promise<Client> {
    const client = await this.clients.findOne({ where: { id } });
    if (!client) throw notFound('client');
    assertVisibleTo(viewer, client.id, 'client');
    return client;
  }

  async update(id: string, dto: UpdateClientDto): Promise<Client> {
    const client = await this.clients.findOne({ where: { id } });
    if (!client) throw notFound('client');
    Object.assign(client, dto);
    if (dto.vatNumber) client.vatNumber = dto.vatNumber.toUpperCase();
    assertCoherent(client);
    return this.transactions.run(
      async (m) => {
        if (dto.siren) await this.assertSirenFree(m, dto.siren, id);
        if (dto.accountCode) await this.assertAccountCodeFree(dto.accountCode, id);
        return m.save(client);
      },
      [Locks.clientIdentities],
    );
  }

  /**
   * A SIREN names one company, so one client: a second client with it (even beside an archived
   * one, which is restored rather than made again) is refused, naming the client that has it.
   */
  private async assertSirenFree(
    m: EntityManager,
    siren: string | null,
    ownId: string,
  ): Promise<void> {
    if (!siren) return;
    const holder = await m.findOne(Client, { where: { siren } });
    if (holder && holder.id !== ownId) {
      throw new DomainError(
        'conflict.duplicate_siren',
        `The SIREN ${siren} is already ${holder.name}'s`,
        [
          {
            field: 'siren',
            code: 'duplicateSiren',
            message: `already ${holder.name}'s`,
            siren,
            client: holder.name,
          },
        ],
      );
    }
  }

  /** The client's first free code; the unique index settles a race with a 409. */
  private async newAccountCode(name: string, id: string): Promise<string> {
    for (let attempt = 0; attempt < ACCOUNT_CODE_ATTEMPTS; attempt++) {
      const code = accountCodeFor(name, id, attempt);
      if (!(await this.clients.exists({ where: { accountCode: code } }))) return code;
    }
    throw new DomainError('conflict.account_code', 'No free account code: give one', [
      { field: 'accountCode', message: 'every code tried is taken', reason: 'exhausted' },
    ]);
  }

  private async assertAccountCodeFree(code: string, ownId: string): Promise<void> {
    const holder = await this.clients.findOne({ where: { accountCode: code } });
    if (holder && holder.id !== ownId) {
      throw new DomainError(
        'conflict.account_code',
        `The account code ${code} is already ${holder.name}'s`,
        [
          {
            field: 'accountCode',
            message: 'already used by another client',
            reason: 'taken',
            accountCode: code,
            client: holder.name,
          },
        ],
      );
    }
  }

  /** Deletes an unreferenced client; one that contracts, users or invoices refer to is archived. */
  async remove(id: string): Promise<{ archived: boolean }> {
    const client = await this.clients.findOne({ where: { id } });
    if (!client) throw notFound('client');
    try {
      await this.clients.delete({ id });
      return { archived: false };
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      await this.clients.update({ id, archivedAt: IsNull() }, { archivedAt: this.clock.now() });
      return { archived: true };
    }
  }

  async restore(id: string): Promise<Client> {
    const client = await this.clients.findOne({ where: { id, archivedAt: Not(IsNull()) } });
    if (!client) throw notFound('client');
    client.archivedAt = null;
    return this.clients.save(client);
  }
}
