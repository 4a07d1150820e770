import type { TestApp } from '../app';
import { Contract } from '../../src/contracts/contract.entity';
import { contractInput } from './contracts';
import { bearer } from './index';

export function articleInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Redémarrer la box',
    bodyMarkdown: 'Débranchez la box **dix secondes**, puis rebranchez-la.',
    tags: ['internet'],
    published: true,
    ...overrides,
  };
}

export interface CreatedArticle {
  id: string;
  title: string;
  bodyHtml: string;
  tags: string[];
  published: boolean;
  clientIds: string[];
  [key: string]: unknown;
}

/** Writes an article as the consultant (201 expected); published for every client by default. */
export async function createArticle(
  t: TestApp,
  consultantToken: string,
  overrides: Record<string, unknown> = {},
): Promise<CreatedArticle> {
  const res = await t
    .http()
    .post('/api/articles')
    .set(...bearer(consultantToken))
    .send(articleInput(overrides))
    .expect(201);
  return res.body as CreatedArticle;
}

/** A contract straight into the database, for tests that only need one to exist. */
export async function insertContract(t: TestApp, clientId: string): Promise<Contract> {
  const repository = t.dataSource.getRepository(Contract);
  const input = contractInput(clientId) as unknown as Partial<Contract>;
  return repository.save(
    repository.create({
      ...input,
      endDate: null,
      paymentTermsDays: null,
      createdAt: new Date(),
      archivedAt: null,
    }),
  );
}
