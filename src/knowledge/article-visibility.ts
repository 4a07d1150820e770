import { Brackets, SelectQueryBuilder } from 'typeorm';
import { clientScope, Viewer } from '../common/tenant';
import type { Article } from './article.entity';
import { LIKE_ESCAPE, likeContaining } from './article-text';

/**
 * Confines a query over articles (alias `a`) to what the viewer may read: everything for
 * practice staff; for client staff, published articles for all clients or naming their company.
 * SQL twin of isVisibleToClient.
 */
export function readableBy(
  qb: SelectQueryBuilder<Article>,
  viewer: Viewer,
): SelectQueryBuilder<Article> {
  const scope = clientScope(viewer);
  if (scope === null) return qb;
  return qb.andWhere('a.published = :readablePublished', { readablePublished: true }).andWhere(
    new Brackets((w) =>
      w
        .where(`a.clientIds = '[]'`)
        .orWhere(`a.clientIds LIKE :readableClient ESCAPE '${LIKE_ESCAPE}'`, {
          readableClient: likeContaining(JSON.stringify(scope)),
        }),
    ),
  );
}
