import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { localMonth } from '../calendar';
import { SynonymsService } from '../knowledge/synonyms.service';
import { monthsBetween } from '../usage/usage-figures';
import {
  deflectionsByArticle,
  publishedArticles,
  requestNotes,
  requestRows,
  requestWork,
  type RequestNote,
  type RequestRow,
  type Window,
} from './coaching-queries';
import { topicOf, topicTexts, type Topic } from './topic-figures';
import { groupTopics } from './topic-grouping';

export interface TopicsOfWindow {
  topics: Topic[];
  rows: RequestRow[];
  notes: RequestNote[];
}

/**
 * The recurring topics of a window of requests, each with its figures: what the topics
 * endpoint lists, what autonomy counts repeats by and what trainings are measured against.
 */
@Injectable()
export class TopicsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly synonyms: SynonymsService,
  ) {}

  /**
   * Topics are always found among every client's requests of the window, so a client's topics
   * are the practice's, seen from that client (and a small client's few requests are weighed
   * against everyone's words); with a client, only its requests are counted.
   */
  async read(window: Window, timezone: string): Promise<TopicsOfWindow> {
    const everyone = { start: window.start, end: window.end };
    const [allRows, allNotes, work, articles, deflections, synonyms] = await Promise.all([
      requestRows(this.dataSource, everyone),
      requestNotes(this.dataSource, everyone),
      requestWork(this.dataSource, window),
      publishedArticles(this.dataSource),
      deflectionsByArticle(this.dataSource, window),
      this.synonyms.table(),
    ]);
    const found = groupTopics(topicTexts(allRows, allNotes), { synonyms });
    const rows = window.clientId
      ? allRows.filter((row) => row.clientId === window.clientId)
      : allRows;
    const kept = new Set(rows.map((row) => row.id));
    const notes = allNotes.filter((note) => kept.has(note.requestId));
    const corpus = found.corpus;
    const groups = found.groups
      .map((group) => ({ ...group, ids: group.ids.filter((id) => kept.has(id)) }))
      .filter((group) => group.ids.length >= 2);
    const last = new Date(window.end.getTime() - 1);
    const months = monthsBetween(localMonth(window.start, timezone), localMonth(last, timezone));
    const monthOf = (instant: string) => localMonth(new Date(instant), timezone);
    const inputs = { rows, work, articles, deflections, monthOf, months };
    const topics = groups
      .map((group) => topicOf(group, corpus, inputs))
      .sort((a, b) => b.requests - a.requests || b.minutes - a.minutes || (a.key < b.key ? -1 : 1));
    return { topics, rows, notes };
  }
}
