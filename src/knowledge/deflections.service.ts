import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { dayBounds } from '../calendar';
import { invalid, notFound } from '../common/domain-error';
import { Page } from '../common/pagination';
import { assertVisibleTo, Viewer } from '../common/tenant';
import { Contract } from '../contracts/contract.entity';
import { PracticeService } from '../practice/practice.service';
import { Article } from './article.entity';
import { isVisibleToClient } from './article-text';
import { Deflection } from './deflection.entity';
import { CreateDeflectionDto, DeflectionQuery } from './dto/deflection.dto';
import { Clock } from '../common/clock';

@Injectable()
export class DeflectionsService {
  constructor(
    @InjectRepository(Deflection) private readonly deflections: Repository<Deflection>,
    @InjectRepository(Article) private readonly articles: Repository<Article>,
    @InjectRepository(Contract) private readonly contracts: Repository<Contract>,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records that an article answered a client's question, so no request was filed. The article
   * must be one the contract's client may read: a deflection is that client's, whoever records it.
   */
  async record(viewer: Viewer, dto: CreateDeflectionDto): Promise<Deflection> {
    const contract = await this.contracts.findOne({ where: { id: dto.contractId } });
    if (!contract) throw notFound('contract');
    assertVisibleTo(viewer, contract.clientId, 'contract');
    const article = await this.articles.findOne({
      where: { id: dto.articleId },
      select: { id: true, published: true, clientIds: true },
    });
    if (!article || !isVisibleToClient(article, contract.clientId)) throw notFound('article');
    return this.deflections.save(
      this.deflections.create({
        contractId: contract.id,
        clientId: contract.clientId,
        articleId: article.id,
        userId: viewer.id,
        query: dto.query,
        createdAt: this.clock.now(),
      }),
    );
  }

  /** Deflections, newest first; from/to are local days of the practice, both included. */
  async list(query: DeflectionQuery): Promise<Page<Deflection>> {
    if (query.from && query.to && query.to < query.from) {
      throw invalid('to', 'must not be before from', { from: query.from, to: query.to });
    }
    const { timezone } = await this.practice.calendar();
    const qb = this.deflections.createQueryBuilder('d');
    if (query.clientId) qb.andWhere('d.clientId = :clientId', { clientId: query.clientId });
    if (query.contractId)
      qb.andWhere('d.contractId = :contractId', { contractId: query.contractId });
    if (query.from) {
      qb.andWhere('d.createdAt >= :start', {
        start: dayBounds(query.from, timezone).start.toISOString(),
      });
    }
    if (query.to) {
      qb.andWhere('d.createdAt < :end', { end: dayBounds(query.to, timezone).end.toISOString() });
    }
    const [items, total] = await qb
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** How many requests a client did not need to file between two instants (end excluded). */
  countDeflections(clientId: string, from: Date, to: Date): Promise<number> {
    return this.deflections
      .createQueryBuilder('d')
      .where('d.clientId = :clientId', { clientId })
      .andWhere('d.createdAt >= :from', { from: from.toISOString() })
      .andWhere('d.createdAt < :to', { to: to.toISOString() })
      .getCount();
  }
}
