import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import type { Page } from '../common/pagination';
import { assertVisibleTo, clientScope, type Viewer } from '../common/tenant';
import { User } from '../users/user.entity';
import { RequestQuery } from './dto/request.dto';
import { RequestComment } from './request-comment.entity';
import { RequestWorkLog, type LoggedWork } from './request-work-log';
import { toRequestView, type RequestView } from './request-view';
import { SupportRequest } from './request.entity';

export interface CommentView {
  id: string;
  requestId: string;
  authorId: string;
  authorRole: string;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

export type RequestDetail = RequestView & { interventions: LoggedWork[]; comments: CommentView[] };

/** Reading requests, always within the viewer's tenant. */
@Injectable()
export class RequestsService {
  constructor(
    @InjectRepository(SupportRequest) private readonly requests: Repository<SupportRequest>,
    @InjectRepository(RequestComment) private readonly comments: Repository<RequestComment>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly workLog: RequestWorkLog,
    private readonly clock: Clock,
  ) {}

  async list(viewer: Viewer, query: RequestQuery): Promise<Page<RequestView>> {
    const qb = this.requests.createQueryBuilder('r');
    const own = clientScope(viewer);
    if (own !== null) qb.andWhere('r.clientId = :own', { own });
    if (query.clientId) qb.andWhere('r.clientId = :clientId', { clientId: query.clientId });
    if (query.contractId)
      qb.andWhere('r.contractId = :contractId', { contractId: query.contractId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.urgency) qb.andWhere('r.urgencyApplied = :urgency', { urgency: query.urgency });
    if (query.active) qb.andWhere('r.status IN (:...active)', { active: ['open', 'in_progress'] });
    if (query.sort === 'deadline') {
      qb.orderBy('r.responseDueAt', 'ASC').addOrderBy('r.createdAt', 'ASC');
    } else {
      qb.orderBy('r.createdAt', 'DESC');
    }
    const [rows, total] = await qb
      .addOrderBy('r.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    const now = this.clock.now();
    return { items: rows.map((r) => toRequestView(r, now)), total };
  }

  /** The request if the viewer may see it; 404 for another tenant's, as for an unknown one. */
  async get(viewer: Viewer, id: string, manager?: EntityManager): Promise<SupportRequest> {
    const repo = manager ? manager.getRepository(SupportRequest) : this.requests;
    const request = await repo.findOne({ where: { id } });
    if (!request) throw notFound('request');
    assertVisibleTo(viewer, request.clientId, 'request');
    return request;
  }

  async detail(viewer: Viewer, id: string): Promise<RequestDetail> {
    const request = await this.get(viewer, id);
    const [interventions, comments] = await Promise.all([this.workLog.of(id), this.commentsOf(id)]);
    return { ...toRequestView(request, this.clock.now()), interventions, comments };
  }

  async commentsOf(requestId: string): Promise<CommentView[]> {
    const rows = await this.comments.find({ where: { requestId }, order: { createdAt: 'ASC' } });
    const authorIds = [...new Set(rows.map((c) => c.authorId))];
    const authors = authorIds.length
      ? await this.users.find({
          select: { id: true, displayName: true },
          where: { id: In(authorIds) },
        })
      : [];
    const names = new Map(authors.map((u) => [u.id, u.displayName]));
    return rows.map((c) => commentView(c, names.get(c.authorId) ?? null));
  }
}

export function commentView(c: RequestComment, authorName: string | null): CommentView {
  return {
    id: c.id,
    requestId: c.requestId,
    authorId: c.authorId,
    authorRole: c.authorRole,
    authorName,
    body: c.body,
    createdAt: c.createdAt,
  };
}
