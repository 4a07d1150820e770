import { clientScope, Viewer } from '../common/tenant';
import type { Article } from './article.entity';
import type { ArticleView } from './dto/article.dto';

/** An article as answered: client staff do not learn which other companies may read it. */
export function articleView(article: Article, viewer: Viewer): ArticleView {
  const view: ArticleView = {
    id: article.id,
    title: article.title,
    bodyMarkdown: article.bodyMarkdown,
    bodyHtml: article.bodyHtml,
    tags: article.tags,
    published: article.published,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
  };
  if (clientScope(viewer) !== null) return view;
  return { ...view, clientIds: article.clientIds, authorId: article.authorId };
}
