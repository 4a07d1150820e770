import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { notFound } from '../common/domain-error';
import { Page } from '../common/pagination';
import { assertVisibleTo, isForeignKeyViolation, scoped, Viewer } from '../common/tenant';
import { Client } from './client.entity';
import { ClientQuery, CreateClientDto, UpdateClientDto } from './dto/client.dto';

@Injectable()
export class ClientsService {
  constructor(@InjectRepository(Client) private readonly clients: Repository<Client>) {}

  create(dto: CreateClientDto): Promise<Client> {
    return this.clients.save(
      this.clients.create({
        ...dto,
        siren: dto.siren ?? null,
        vatNumber: dto.vatNumber?.toUpperCase() ?? null,
        locale: dto.locale ?? null,
        createdAt: new Date(),
        archivedAt: null,
      }),
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
    return this.clients.save(client);
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
      await this.clients.update({ id, archivedAt: IsNull() }, { archivedAt: new Date() });
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
