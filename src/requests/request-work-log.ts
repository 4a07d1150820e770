import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Urgency } from '../common/domain';

/** One piece of work logged against a request, as its detail page lists it. */
export interface LoggedWork {
  id: string;
  startedAt: string;
  endedAt: string | null;
  durationMinutes: number;
  billableMinutes: number;
  urgency: Urgency;
  description: string;
}

/**
 * The work logged against a request. Interventions sit above requests in the dependency arrow,
 * so this reads their table by name instead of importing their module: a deliberate, read-only
 * exception kept to this one query.
 */
@Injectable()
export class RequestWorkLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(requestId: string): Promise<LoggedWork[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select([
        'i.id AS "id"',
        'i."startedAt" AS "startedAt"',
        'i."endedAt" AS "endedAt"',
        'i."durationMinutes" AS "durationMinutes"',
        'i."billableMinutes" AS "billableMinutes"',
        'i.urgency AS "urgency"',
        'i.description AS "description"',
      ])
      .from('interventions', 'i')
      .where('i."requestId" = :requestId', { requestId })
      .orderBy('i."startedAt"', 'ASC')
      .getRawMany<LoggedWork>();
    return rows.map((r) => ({
      ...r,
      durationMinutes: Number(r.durationMinutes),
      billableMinutes: Number(r.billableMinutes),
    }));
  }
}
