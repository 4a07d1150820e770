import { foldText, stem } from '../knowledge/text-analysis';
import type { ArticleRow, RequestNote, RequestRow } from './coaching-queries';
import {
  suggestionFor,
  trendDirection,
  type Suggestion,
  type TopicClientFigures,
  type TrendDirection,
} from './coaching-rules';
import { cosine, vectorOf, type Corpus, type TopicGroup, type TopicText } from './topic-grouping';

/**
 * A topic's figures from its requests: counts, work, clients and staff, the articles that answer
 * it, deflections, trend and suggestion. Pure: the rows come from coaching-queries.
 */

/** An article answers a topic when its text is at least this close to the topic's centroid. */
export const ARTICLE_MATCH = 0.2;

export interface Topic {
  key: string;
  label: string;
  terms: string[];
  requests: number;
  urgentRequests: number;
  falseUrgencies: number;
  minutes: number;
  amountCents: number;
  clients: Array<TopicClientFigures & { amountCents: number; staffIds: string[] }>;
  requestIds: string[];
  articleIds: string[];
  deflections: number;
  trend: { direction: TrendDirection; months: Array<{ month: string; requests: number }> };
  suggestion: Suggestion;
}

export interface TopicInputs {
  rows: readonly RequestRow[];
  work: ReadonlyMap<string, { minutes: number; amountCents: number }>;
  articles: readonly ArticleRow[];
  deflections: ReadonlyArray<{ articleId: string; clientId: string; deflections: number }>;
  /** The local month of each request. */
  monthOf: (instant: string) => string;
  months: readonly string[];
}

/** The text of each request: title, and body of description, comments and work. */
export function topicTexts(
  rows: readonly RequestRow[],
  notes: readonly RequestNote[],
): TopicText[] {
  const extra = new Map<string, string[]>();
  for (const note of notes) {
    const list = extra.get(note.requestId) ?? [];
    list.push(note.text);
    extra.set(note.requestId, list);
  }
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    body: [row.description, ...(extra.get(row.id) ?? [])].join('\n'),
  }));
}

export function articleText(article: ArticleRow): TopicText {
  return {
    id: article.id,
    title: article.title,
    body: `${article.tags.join(' ')}\n${article.bodyText}`,
  };
}

/** A key for words given by hand: their stems, sorted, as a topic's key is made. */
export function topicKeyOf(words: readonly string[]): string {
  return [...new Set(words.map((w) => stem(foldText(w))))]
    .filter(Boolean)
    .slice(0, 3)
    .sort()
    .join('-');
}

/** The label people read: the first three words of the topic, the first capitalised. */
export function labelOf(group: TopicGroup): string {
  const words = group.terms.slice(0, 3).map((t) => t.word);
  const text = words.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function topicOf(group: TopicGroup, corpus: Corpus, inputs: TopicInputs): Topic {
  const members = new Set(group.ids);
  const rows = inputs.rows.filter((row) => members.has(row.id));
  const perClient = new Map<
    string,
    { requests: number; staff: Set<string>; minutes: number; amountCents: number }
  >();
  let minutes = 0;
  let amountCents = 0;
  for (const row of rows) {
    const work = inputs.work.get(row.id) ?? { minutes: 0, amountCents: 0 };
    minutes += work.minutes;
    amountCents += work.amountCents;
    const entry = perClient.get(row.clientId) ?? {
      requests: 0,
      staff: new Set<string>(),
      minutes: 0,
      amountCents: 0,
    };
    entry.requests++;
    entry.staff.add(row.createdById);
    entry.minutes += work.minutes;
    entry.amountCents += work.amountCents;
    perClient.set(row.clientId, entry);
  }
  const clients = [...perClient]
    .map(([clientId, c]) => ({
      clientId,
      requests: c.requests,
      staff: c.staff.size,
      staffIds: [...c.staff].sort(),
      minutes: c.minutes,
      amountCents: c.amountCents,
    }))
    .sort((a, b) => b.requests - a.requests || (a.clientId < b.clientId ? -1 : 1));
  const clientIds = new Set(clients.map((c) => c.clientId));
  const articleIds = answeringArticles(group, corpus, inputs.articles, clientIds);
  const answering = new Set(articleIds);
  const deflections = inputs.deflections
    .filter((d) => answering.has(d.articleId) && clientIds.has(d.clientId))
    .reduce((sum, d) => sum + d.deflections, 0);
  const counts = new Map(inputs.months.map((m) => [m, 0]));
  for (const row of rows) {
    const month = inputs.monthOf(row.createdAt);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  const months = inputs.months.map((month) => ({ month, requests: counts.get(month) ?? 0 }));
  const topic = {
    key: group.key,
    label: labelOf(group),
    terms: group.terms.map((t) => t.word),
    requests: rows.length,
    urgentRequests: rows.filter((r) => r.urgent).length,
    falseUrgencies: rows.filter((r) => r.falseUrgency).length,
    minutes,
    amountCents,
    clients,
    requestIds: rows.map((r) => r.id),
    articleIds,
    deflections,
    trend: { direction: trendDirection(months.map((m) => m.requests)), months },
  };
  return { ...topic, suggestion: suggestionFor(topic) };
}

/** Published articles readable by one of the topic's clients, closest first. */
function answeringArticles(
  group: TopicGroup,
  corpus: Corpus,
  articles: readonly ArticleRow[],
  clientIds: ReadonlySet<string>,
): string[] {
  return articles
    .filter((a) => a.clientIds.length === 0 || a.clientIds.some((id) => clientIds.has(id)))
    .map((a) => ({ id: a.id, sim: cosine(vectorOf(articleText(a), corpus), group.centroid) }))
    .filter((a) => a.sim >= ARTICLE_MATCH)
    .sort((a, b) => b.sim - a.sim || (a.id < b.id ? -1 : 1))
    .map((a) => a.id);
}
