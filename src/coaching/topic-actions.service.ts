import { Injectable } from '@nestjs/common';
import { notFound } from '../common/domain-error';
import type { Viewer } from '../common/tenant';
import { catalogue, type Locale } from '../i18n';
import { ArticlesService } from '../knowledge/articles.service';
import type { ArticleView } from '../knowledge/dto/article.dto';
import { PracticeService } from '../practice/practice.service';
import type { RequestNote, RequestRow } from './coaching-queries';
import type { TopicArticleDto } from './dto/topic.dto';
import type { Topic } from './topic-figures';
import { TopicsService } from './topics.service';

/** At most this many questions and answers go into a draft. */
const DRAFT_LINES = 12;

/**
 * From a topic to the article that would answer it: a draft (unpublished) prefilled with what
 * staff asked and what the consultant answered, for the consultant to rewrite and publish.
 */
@Injectable()
export class TopicActionsService {
  constructor(
    private readonly topics: TopicsService,
    private readonly articles: ArticlesService,
    private readonly practice: PracticeService,
  ) {}

  async draftArticle(author: Viewer, dto: TopicArticleDto): Promise<ArticleView> {
    const { from, to, clientId, key } = dto;
    const { topics, rows, notes } = await this.topics.read(author, { from, to, clientId });
    const topic = topics.find((t) => t.key === key);
    if (!topic) throw notFound('topic');
    const { locale } = await this.practice.get();
    return this.articles.create(author, {
      title: topic.label,
      bodyMarkdown: draftMarkdown(locale, topic, rows, notes),
      tags: topic.terms.slice(0, 3),
      published: false,
      clientIds: [],
    });
  }
}

/** The draft's Markdown: the questions as staff wrote them, then the answers given. */
export function draftMarkdown(
  locale: Locale,
  topic: Pick<Topic, 'requestIds' | 'terms'>,
  rows: readonly RequestRow[],
  notes: readonly RequestNote[],
): string {
  const members = new Set(topic.requestIds);
  const questions = [
    ...new Set(rows.filter((r) => members.has(r.id)).map((r) => oneLine(r.title))),
  ].slice(0, DRAFT_LINES);
  const answers = [
    ...new Set(
      notes
        .filter((n) => members.has(n.requestId) && n.kind === 'answer' && n.text.trim())
        .map((n) => oneLine(n.text)),
    ),
  ].slice(0, DRAFT_LINES);
  const t = (key: string, values?: Record<string, string | number>) =>
    catalogue().format(locale, key, values);
  return [
    `## ${t('coaching.draft.questions')}`,
    '',
    ...questions.map((q) => `- ${q}`),
    '',
    `## ${t('coaching.draft.answers')}`,
    '',
    ...(answers.length ? answers.map((a) => `- ${a}`) : [`- ${t('coaching.draft.noAnswer')}`]),
    '',
    `_${t('coaching.draft.words', { words: topic.terms.join(', ') })}_`,
  ].join('\n');
}

function oneLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[-#>*]+\s*/, '');
}
