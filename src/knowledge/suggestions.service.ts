import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { Viewer } from '../common/tenant';
import { Article } from './article.entity';
import { excerpt, suggestionPatterns } from './article-text';
import { readableBy } from './article-visibility';
import { SuggestionList } from './dto/suggestion.dto';
import { rankArticles } from './search';

const SUGGESTIONS = 5;

@Injectable()
export class SuggestionsService {
  constructor(@InjectRepository(Article) private readonly articles: Repository<Article>) {}

  /**
   * The published articles that best answer what a client is about to ask, best first.
   * SQL keeps the readable articles sharing a word start with the query; rankArticles decides.
   */
  async suggest(viewer: Viewer, q: string): Promise<SuggestionList> {
    const candidates = await this.candidates(viewer, q);
    const matches = rankArticles(
      q,
      candidates.map((a) => ({ id: a.id, title: a.title, tags: a.tags, body: a.bodyText })),
      candidates.length,
    );
    const byId = new Map(candidates.map((article) => [article.id, article]));
    const items = matches.slice(0, SUGGESTIONS).flatMap((match) => {
      const article = byId.get(match.id);
      if (!article) return [];
      const { id, title, tags, bodyText } = article;
      return [
        {
          id,
          title,
          tags,
          excerpt: excerpt(bodyText),
          score: match.score,
          matchedIn: match.matchedIn,
        },
      ];
    });
    return { items, total: matches.length };
  }

  private async candidates(viewer: Viewer, q: string): Promise<Article[]> {
    const patterns = suggestionPatterns(q);
    if (patterns.length === 0) return [];
    const qb = this.articles
      .createQueryBuilder('a')
      .select(['a.id', 'a.title', 'a.tags', 'a.bodyText'])
      .where('a.published = :published', { published: true })
      .andWhere(
        new Brackets((w) => {
          patterns.forEach((pattern, i) =>
            w.orWhere(`a.searchText LIKE :word${i}`, { [`word${i}`]: pattern }),
          );
        }),
      );
    return readableBy(qb, viewer).getMany();
  }
}
