import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Client } from '../clients/client.entity';
import { invalid, notFound } from '../common/domain-error';
import { Page } from '../common/pagination';
import { clientScope, Viewer } from '../common/tenant';
import { Article } from './article.entity';
import {
  articleContent,
  isVisibleToClient,
  LIKE_ESCAPE,
  likeContaining,
  listFilterPatterns,
} from './article-text';
import { articleView } from './article-view';
import { readableBy } from './article-visibility';
import { ArticleQuery, ArticleView, CreateArticleDto, UpdateArticleDto } from './dto/article.dto';
import { Clock } from '../common/clock';
import { SearchIndexService } from './search-index.service';

@Injectable()
export class ArticlesService {
  constructor(
    @InjectRepository(Article) private readonly articles: Repository<Article>,
    @InjectRepository(Client) private readonly clients: Repository<Client>,
    private readonly clock: Clock,
    private readonly searchIndex: SearchIndexService,
  ) {}

  async create(author: Viewer, dto: CreateArticleDto): Promise<ArticleView> {
    const clientIds = await this.knownClientIds(dto.clientIds ?? []);
    const now = this.clock.now();
    const article = this.articles.create({
      ...articleContent(dto.title, dto.bodyMarkdown, dto.tags ?? []),
      published: dto.published ?? false,
      clientIds,
      createdAt: now,
      updatedAt: now,
      authorId: author.id,
    });
    const saved = await this.articles.save(article);
    this.searchIndex.changed();
    return articleView(saved, author);
  }

  async list(viewer: Viewer, query: ArticleQuery): Promise<Page<ArticleView>> {
    const qb = readableBy(this.articles.createQueryBuilder('a'), viewer);
    if (query.published !== undefined) {
      qb.andWhere('a.published = :published', { published: query.published });
    }
    if (query.tag) {
      // Tags are stored as a JSON array: a quoted tag matches one whole element.
      qb.andWhere(`a.tags LIKE :tag ESCAPE '${LIKE_ESCAPE}'`, {
        tag: likeContaining(JSON.stringify(query.tag.toLowerCase())),
      });
    }
    listFilterPatterns(query.q ?? '').forEach((pattern, i) =>
      qb.andWhere(`a.searchText LIKE :q${i}`, { [`q${i}`]: pattern }),
    );
    const [items, total] = await qb
      .orderBy('a.updatedAt', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: items.map((article) => articleView(article, viewer)), total };
  }

  async get(viewer: Viewer, id: string): Promise<ArticleView> {
    const article = await this.articles.findOne({ where: { id } });
    const scope = clientScope(viewer);
    // 404 alike for a draft, another company's article and no article at all.
    if (!article || (scope !== null && !isVisibleToClient(article, scope))) {
      throw notFound('article');
    }
    return articleView(article, viewer);
  }

  async update(editor: Viewer, id: string, dto: UpdateArticleDto): Promise<ArticleView> {
    const article = await this.articles.findOne({ where: { id } });
    if (!article) throw notFound('article');
    const clientIds = dto.clientIds ? await this.knownClientIds(dto.clientIds) : article.clientIds;
    Object.assign(
      article,
      articleContent(
        dto.title ?? article.title,
        dto.bodyMarkdown ?? article.bodyMarkdown,
        dto.tags ?? article.tags,
      ),
      { published: dto.published ?? article.published, clientIds, updatedAt: this.clock.now() },
    );
    const saved = await this.articles.save(article);
    this.searchIndex.changed();
    return articleView(saved, editor);
  }

  /** Deflections the article earned stay, without it (the schema sets their articleId to null). */
  async remove(id: string): Promise<void> {
    const { affected } = await this.articles.delete({ id });
    if (!affected) throw notFound('article');
    this.searchIndex.changed();
  }

  /** The client ids, each once, once every one of them is known to name a client. */
  private async knownClientIds(ids: readonly string[]): Promise<string[]> {
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
    if (wanted.length === 0) return [];
    const found = await this.clients.find({ where: { id: In(wanted) }, select: { id: true } });
    const known = new Set(found.map((client) => client.id));
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw invalid('clientIds', `unknown client: ${unknown.join(', ')}`, {
        unknownCount: unknown.length,
      });
    }
    return wanted;
  }
}
