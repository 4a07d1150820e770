import { startTestApp, TestApp } from './app';
import { bearer, createClient, createUser, setupConsultant } from './factories';
import { createArticle } from './factories/knowledge';
import {
  FixtureClient,
  KNOWLEDGE_ARTICLES,
  KNOWLEDGE_SYNONYMS,
  LABELLED_QUERIES,
  rankingQuality,
} from './fixtures/knowledge-queries';

type Suggestion = { id: string; title: string; score: number; matchedIn: string[] };

/**
 * GET /api/requests/suggestions over the labelled set's articles (test/fixtures): what staff
 * type, typos and synonyms included, finds the article that answers it; a company's staff never
 * get another company's article; the answers follow the articles and synonyms as they change,
 * in this server and in another one on the same database.
 */
describe('suggestions that find the answer', () => {
  let t: TestApp;
  let consultant: string;
  const staff = {} as Record<FixtureClient, string>;
  const clientIds = {} as Record<FixtureClient, string>;
  /** Article id → fixture key, and back. */
  const keyOf = new Map<string, string>();
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    consultant = await setupConsultant(t);
    for (const name of ['acme', 'globex'] as const) {
      clientIds[name] = (await createClient(t, consultant, { name })).id;
      staff[name] = (await createUser(t, consultant, 'client', clientIds[name])).token;
    }
    for (const article of KNOWLEDGE_ARTICLES) {
      const created = await createArticle(t, consultant, {
        title: article.title,
        tags: article.tags,
        bodyMarkdown: article.bodyMarkdown,
        clientIds: (article.clients ?? []).map((name) => clientIds[name]),
      });
      keyOf.set(created.id, article.key);
      idOf.set(article.key, created.id);
    }
    await t
      .http()
      .put('/api/knowledge/synonyms')
      .set(...bearer(consultant))
      .send({ groups: KNOWLEDGE_SYNONYMS.map((expressions) => ({ expressions })) })
      .expect(200);
  });
  afterAll(() => t.close());

  async function suggest(q: string, token: string, app: TestApp = t): Promise<Suggestion[]> {
    const res = await app
      .http()
      .get(`/api/requests/suggestions?q=${encodeURIComponent(q)}`)
      .set(...bearer(token))
      .expect(200);
    return res.body.items as Suggestion[];
  }
  const keys = (items: Suggestion[]) => items.map((item) => keyOf.get(item.id) ?? item.title);

  it('answers the labelled queries as the ranking does: recall@3 ≥ 0.97, MRR ≥ 0.95', async () => {
    const answers = new Map<string, string[]>();
    for (const { q } of LABELLED_QUERIES) answers.set(q, keys(await suggest(q, staff.acme)));
    const quality = rankingQuality((q) => answers.get(q) ?? []);
    expect(quality.recallAt3).toBeGreaterThanOrEqual(0.97);
    expect(quality.mrr).toBeGreaterThanOrEqual(0.95);
    // Globex's own articles never reach Acme's staff, whatever they type.
    const shown = new Set([...answers.values()].flat());
    expect([...shown].filter((key) => key.startsWith('globex-'))).toEqual([]);
  });

  it.each([
    ['a typo', 'imprimente', 'printer-offline'],
    ['a verb for the printer', "j'arrive pas a imprimer", 'printer-offline'],
    ['the noun of the act', 'impression bloquee dans la file', 'printer-offline'],
    ['a synonym of several words', 'reseau sans fil', 'wifi-connect'],
    ['a synonym of the label printer', 'zebra imprime rien', 'label-printer-blank'],
    ['a synonym and a typo', 'exel accents', 'erp-export-accents'],
    ['an abbreviation', 'mdp oublie', 'password-reset'],
  ])('finds the answer first from %s (%j)', async (_case, q, expected) => {
    const [first] = await suggest(q, staff.acme);
    expect(keyOf.get(first.id)).toBe(expected);
    expect(first.score).toBeGreaterThan(0);
  });

  it("gives each company its own articles and never another's", async () => {
    const acme = keys(await suggest('etiqueteuse imprime blanc', staff.acme));
    expect(acme[0]).toBe('label-printer-blank');
    expect(acme).not.toContain('globex-label-printer');

    const globex = keys(await suggest('etiqueteuse imprime blanc', staff.globex));
    expect(globex.slice(0, 2).sort()).toEqual(['globex-label-printer', 'label-printer-blank']);
    expect(keys(await suggest('paie a distance', staff.globex))).not.toContain(
      'acme-payroll-remote',
    );
    expect(keys(await suggest('paie a distance', staff.acme))[0]).toBe('acme-payroll-remote');

    const practice = keys(await suggest('etiqueteuse imprime blanc', consultant));
    expect(practice).toEqual(
      expect.arrayContaining(['globex-label-printer', 'label-printer-blank']),
    );
  });

  it('follows the synonyms as the consultant changes them', async () => {
    const put = (groups: string[][]) =>
      t
        .http()
        .put('/api/knowledge/synonyms')
        .set(...bearer(consultant))
        .send({ groups: groups.map((expressions) => ({ expressions })) })
        .expect(200);
    // No readable article says "tableur": only the synonym of Excel finds the export.
    expect(keys(await suggest('tableur', staff.acme))[0]).toBe('erp-export-accents');
    // The clock stands still: the change is seen because this server made it.
    await put(KNOWLEDGE_SYNONYMS.filter((group) => group[0] !== 'excel'));
    expect(await suggest('tableur', staff.acme)).toEqual([]);
    await put(KNOWLEDGE_SYNONYMS);
    expect(keys(await suggest('tableur', staff.acme))[0]).toBe('erp-export-accents');
  });

  it('drops an article once unpublished, and finds a new one at once', async () => {
    const id = idOf.get('second-screen')!;
    const patch = (published: boolean) =>
      t
        .http()
        .patch(`/api/articles/${id}`)
        .set(...bearer(consultant))
        .send({ published })
        .expect(200);
    await patch(false);
    expect(keys(await suggest('deuxieme ecran noir', staff.acme))).not.toContain('second-screen');
    await patch(true);
    expect(keys(await suggest('deuxieme ecran noir', staff.acme))[0]).toBe('second-screen');

    const created = await createArticle(t, consultant, {
      title: 'Photocopieuse : changer le toner',
      bodyMarkdown: 'Ouvrez la trappe avant et remplacez la cartouche.',
      tags: ['toner'],
    });
    const [first] = await suggest('tonner photocopieuse', staff.acme);
    expect(first.id).toBe(created.id);
    await t
      .http()
      .delete(`/api/articles/${created.id}`)
      .set(...bearer(consultant))
      .expect(204);
    expect(await suggest('photocopieuse', staff.acme)).toEqual([]);
  });

  describe('beside another server on the same database', () => {
    let other: TestApp;

    beforeAll(async () => {
      other = await startTestApp({}, { database: t.db });
    });
    afterAll(() => other.close());

    it("sees the other server's changes at its next search", async () => {
      // Each server has built its index before the changes.
      expect(keys(await suggest('tableur', staff.acme, other))[0]).toBe('erp-export-accents');
      expect(await suggest('badge', staff.acme, other)).toEqual([]);

      t.clock.advance({ minutes: 5 });
      const created = await createArticle(t, consultant, {
        title: 'Le lecteur de badge refuse la carte',
        bodyMarkdown: 'Passez la carte lentement, puce vers le haut.',
        tags: ['badge'],
      });
      expect(keys(await suggest('badge', staff.acme, other))[0]).toBe(created.title);

      t.clock.advance({ minutes: 5 });
      await t
        .http()
        .put('/api/knowledge/synonyms')
        .set(...bearer(consultant))
        .send({ groups: [{ expressions: ['badge', 'carte d’accès'] }] })
        .expect(200);
      expect(keys(await suggest('tableur', staff.acme, other))).not.toContain('erp-export-accents');
      const [badge] = await suggest('carte d’accès', staff.acme, other);
      expect(badge.id).toBe(created.id);

      t.clock.advance({ minutes: 5 });
      await t
        .http()
        .put('/api/knowledge/synonyms')
        .set(...bearer(consultant))
        .send({ groups: KNOWLEDGE_SYNONYMS.map((expressions) => ({ expressions })) })
        .expect(200);
      expect(keys(await suggest('tableur', staff.acme, other))[0]).toBe('erp-export-accents');
    });
  });
});
