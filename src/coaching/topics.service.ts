import { Injectable } from '@nestjs/common';
import { dayBounds } from '../calendar';
import { ClientsService } from '../clients/clients.service';
import type { Viewer } from '../common/tenant';
import { PracticeService } from '../practice/practice.service';
import { assertDayPeriod } from '../reports/report-period';
import type { Window } from './coaching-queries';
import type { TopicList, TopicQuery } from './dto/topic.dto';
import { TopicsReader, type TopicsOfWindow } from './topics-reader.service';

/** The recurring topics of a period, for the consultant. */
@Injectable()
export class TopicsService {
  constructor(
    private readonly reader: TopicsReader,
    private readonly clients: ClientsService,
    private readonly practice: PracticeService,
  ) {}

  async list(viewer: Viewer, query: TopicQuery): Promise<TopicList> {
    const { topics } = await this.read(viewer, query);
    return { from: query.from, to: query.to, items: topics, total: topics.length };
  }

  /** The topics of a period with the rows they were made of. */
  async read(viewer: Viewer, query: TopicQuery): Promise<TopicsOfWindow> {
    assertDayPeriod(query);
    if (query.clientId) await this.clients.get(viewer, query.clientId);
    const { timezone } = await this.practice.calendar();
    const window: Window = {
      start: dayBounds(query.from, timezone).start,
      end: dayBounds(query.to, timezone).end,
      ...(query.clientId ? { clientId: query.clientId } : {}),
    };
    return this.reader.read(window, timezone);
  }
}
