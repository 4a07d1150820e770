import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { clientScope, Viewer } from '../common/tenant';
import { Article } from './article.entity';
import { readableBy } from './article-visibility';
import { KnowledgeIndex } from './search';
import { SynonymGroup } from './synonym-group.entity';

export type IndexedArticle = Pick<Article, 'id' | 'title' | 'tags' | 'bodyText'>;

/** The published articles one audience may read, indexed for searching. */
export interface ReadableIndex {
  index: KnowledgeIndex;
  articles: ReadonlyMap<string, IndexedArticle>;
}

interface Cache {
  signature: string;
  /** Per audience: '*' for practice staff, else the client company's id. */
  indexes: Map<string, Promise<ReadableIndex>>;
}

/**
 * The search index of each audience, built once and kept while the articles and the synonyms
 * stay as they were. Every search first reads their signature (how many rows, the latest
 * change: one cheap query), so a change made by another process is seen at its next
 * search; a change made here is seen at once, whatever the clock says. Each audience has its
 * own index over what it may read, so no score owes anything to an article it may not.
 */
@Injectable()
export class SearchIndexService {
  private generation = 0;
  private cache: Cache | null = null;

  constructor(
    @InjectRepository(Article) private readonly articles: Repository<Article>,
    @InjectRepository(SynonymGroup) private readonly synonyms: Repository<SynonymGroup>,
  ) {}

  /** Called by the writers of articles and synonyms once their change is stored. */
  changed(): void {
    this.generation++;
  }

  async readableBy(viewer: Viewer): Promise<ReadableIndex> {
    const scope = clientScope(viewer);
    const signature = await this.signature();
    if (this.cache?.signature !== signature) this.cache = { signature, indexes: new Map() };
    const cache = this.cache;
    const key = scope ?? '*';
    let built = cache.indexes.get(key);
    if (!built) {
      built = this.build(viewer);
      cache.indexes.set(key, built);
      // A failed build is not kept: the next search tries again.
      built.catch(() => {
        if (cache.indexes.get(key) === built) cache.indexes.delete(key);
      });
    }
    return built;
  }

  /**
   * What the indexes depend on: this process's writes, then every process's (how many articles
   * and synonym groups, and their latest change), read in one round trip.
   */
  async signature(): Promise<string> {
    const { driver } = this.articles.manager.connection;
    const articles = driver.escape(this.articles.metadata.tableName);
    const synonyms = driver.escape(this.synonyms.metadata.tableName);
    const [row] = await this.articles.query<Array<Record<string, string | number | null>>>(
      `SELECT (SELECT COUNT(*) FROM ${articles}) AS a, ` +
        `(SELECT MAX(${driver.escape('updatedAt')}) FROM ${articles}) AS b, ` +
        `(SELECT COUNT(*) FROM ${synonyms}) AS c, ` +
        `(SELECT MAX(${driver.escape('createdAt')}) FROM ${synonyms}) AS d`,
    );
    return [this.generation, row?.a, row?.b, row?.c, row?.d].join('|');
  }

  private async build(viewer: Viewer): Promise<ReadableIndex> {
    const qb = this.articles
      .createQueryBuilder('a')
      .select(['a.id', 'a.title', 'a.tags', 'a.bodyText'])
      .where('a.published = :published', { published: true })
      .orderBy('a.id', 'ASC');
    const articles = await readableBy(qb, viewer).getMany();
    const groups = await this.synonyms.find({ order: { createdAt: 'ASC', id: 'ASC' } });
    const index = new KnowledgeIndex(
      articles.map((a) => ({ id: a.id, title: a.title, tags: a.tags, body: a.bodyText })),
      groups.map((group) => group.expressions),
    );
    return { index, articles: new Map(articles.map((article) => [article.id, article])) };
  }
}
