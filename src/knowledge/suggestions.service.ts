import { Injectable } from '@nestjs/common';
import { Viewer } from '../common/tenant';
import { excerpt } from './article-text';
import { SuggestionList } from './dto/suggestion.dto';
import { SearchIndexService } from './search-index.service';

const SUGGESTIONS = 5;

@Injectable()
export class SuggestionsService {
  constructor(private readonly searchIndex: SearchIndexService) {}

  /**
   * The published articles that best answer what a client is about to ask, best first: BM25
   * over the articles the viewer may read, typos, word forms and synonyms read (search.ts).
   */
  async suggest(viewer: Viewer, q: string): Promise<SuggestionList> {
    const { index, articles } = await this.searchIndex.readableBy(viewer);
    const { matches, total } = index.search(q, SUGGESTIONS);
    const items = matches.flatMap((match) => {
      const article = articles.get(match.id);
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
    return { items, total };
  }
}
