import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RequestWorkLog, type LoggedWork, type WorkLogSource } from '../requests/request-work-log';
import { Intervention } from './intervention.entity';

/** The interventions logged against a request, as the request's detail lists them. */
@Injectable()
export class RequestWork implements WorkLogSource, OnModuleInit {
  constructor(
    @InjectRepository(Intervention) private readonly interventions: Repository<Intervention>,
    private readonly workLog: RequestWorkLog,
  ) {}

  onModuleInit(): void {
    this.workLog.readFrom(this);
  }

  async loggedAgainst(requestId: string): Promise<LoggedWork[]> {
    const rows = await this.interventions.find({
      select: {
        id: true,
        startedAt: true,
        endedAt: true,
        durationMinutes: true,
        billableMinutes: true,
        urgency: true,
        description: true,
      },
      where: { requestId },
      order: { startedAt: 'ASC', id: 'ASC' },
    });
    return rows.map((i) => ({
      id: i.id,
      startedAt: i.startedAt.toISOString(),
      endedAt: i.endedAt ? i.endedAt.toISOString() : null,
      durationMinutes: i.durationMinutes,
      billableMinutes: i.billableMinutes,
      urgency: i.urgency,
      description: i.description,
    }));
  }
}
