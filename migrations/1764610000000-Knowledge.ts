import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, id, instant, json, longText, ref, text } from './columns';

const fk = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
});

export class Knowledge1764610000000 implements MigrationInterface {
  name = 'Knowledge1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'articles',
        columns: [
          id(),
          text('title', 200),
          longText('bodyMarkdown'),
          longText('bodyHtml'),
          longText('bodyText'),
          json('tags'),
          bool('published', false),
          json('clientIds'),
          longText('searchText'),
          instant('createdAt'),
          instant('updatedAt'),
          ref('authorId'),
        ],
        indices: [{ columnNames: ['published'] }],
        foreignKeys: [fk('authorId', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'deflections',
        columns: [
          id(),
          ref('contractId'),
          ref('clientId'),
          ref('articleId', true),
          ref('userId'),
          text('query', 300),
          instant('createdAt'),
        ],
        indices: [{ columnNames: ['clientId', 'createdAt'] }, { columnNames: ['articleId'] }],
        foreignKeys: [
          fk('contractId', 'contracts'),
          fk('clientId', 'clients'),
          // Deleting an article keeps the deflections it earned.
          { ...fk('articleId', 'articles'), onDelete: 'SET NULL' },
          fk('userId', 'users'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('deflections');
    await q.dropTable('articles');
  }
}
