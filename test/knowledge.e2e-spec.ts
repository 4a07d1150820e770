import { Controller, Get, Param } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DateTime } from 'luxon';
import request from 'supertest';
import { DeflectionsService } from '../src/knowledge/deflections.service';
import { SuggestionsController } from '../src/knowledge/suggestions.controller';
import { SuggestionsService } from '../src/knowledge/suggestions.service';
import { startTestApp, TestApp } from './app';
import { bearer, createClient, createUser, setupConsultant } from './factories';
import { articleInput, createArticle, CreatedArticle, insertContract } from './factories/knowledge';

type Detail = { field: string };
const fieldsOf = (body: { details?: Detail[] }): string[] =>
  (body.details ?? []).map((d) => d.field);
const idsOf = (body: { items: { id: string }[] }): string[] => body.items.map((a) => a.id);

/** Stands for the requests controller: its `:id` route is declared before the suggestions. */
@Controller('requests')
class RequestByIdProbe {
  @Get(':id')
  read(@Param('id') id: string): { request: string } {
    return { request: id };
  }
}

describe('routes under /requests', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [RequestByIdProbe, SuggestionsController],
      providers: [
        { provide: SuggestionsService, useValue: { suggest: () => ({ items: [], total: 0 }) } },
        { provide: DeflectionsService, useValue: {} },
      ],
    }).compile();
    app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('serves /requests/suggestions from the knowledge base even beside /requests/:id', async () => {
    const server = app.getHttpServer();
    await request(server).get('/requests/suggestions?q=vpn').expect(200, { items: [], total: 0 });
    const id = '6f1c2a9e-0b7d-4f3a-9c1e-2d4b5a6c7e8f';
    await request(server).get(`/requests/${id}`).expect(200, { request: id });
  });
});

describe('knowledge base: articles, suggestions, deflections', () => {
  let t: TestApp;
  let consultant: string;
  let acme: { id: string };
  let globex: { id: string };
  let acmeUser: { token: string; id: string };
  let globexUser: { token: string; id: string };

  beforeAll(async () => {
    t = await startTestApp();
    consultant = await setupConsultant(t);
    acme = await createClient(t, consultant, { name: 'Acme' });
    globex = await createClient(t, consultant, { name: 'Globex' });
    acmeUser = await createUser(t, consultant, 'client', acme.id);
    globexUser = await createUser(t, consultant, 'client', globex.id);
  });
  afterAll(() => t.close());

  const get = (path: string, token: string) =>
    t
      .http()
      .get(path)
      .set(...bearer(token));

  it('documents every route in the OpenAPI document', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    for (const path of [
      '/api/articles',
      '/api/articles/{id}',
      '/api/requests/suggestions',
      '/api/requests/deflections',
      '/api/knowledge/deflections',
    ]) {
      expect(doc.body.paths).toHaveProperty([path]);
    }
  });

  describe('articles', () => {
    it('creates, reads, changes, lists and deletes an article', async () => {
      const created = await createArticle(t, consultant, {
        title: '  Changer le mot de passe Wi-Fi  ',
        bodyMarkdown: '## Étapes\n\n1. Ouvrez la **console**',
        tags: [' Wi-Fi ', 'wi-fi', 'Réseau'],
        published: false,
      });
      expect(created).toMatchObject({
        title: 'Changer le mot de passe Wi-Fi',
        tags: ['wi-fi', 'réseau'],
        published: false,
        clientIds: [],
      });
      expect(created.bodyHtml).toContain('<h2>Étapes</h2>');
      expect(created.bodyHtml).toContain('<strong>console</strong>');

      await get(`/api/articles/${created.id}`, consultant)
        .expect(200)
        .expect((res) => expect(res.body).toMatchObject({ id: created.id, published: false }));

      const changed = await t
        .http()
        .patch(`/api/articles/${created.id}`)
        .set(...bearer(consultant))
        .send({ bodyMarkdown: 'Voir *la notice*', published: true })
        .expect(200);
      expect(changed.body).toMatchObject({
        title: 'Changer le mot de passe Wi-Fi',
        published: true,
        bodyHtml: '<p>Voir <em>la notice</em></p>\n',
      });
      expect(Date.parse(changed.body.updatedAt as string)).toBeGreaterThanOrEqual(
        Date.parse(created.createdAt as string),
      );

      const listed = await get('/api/articles?q=mot%20PASSE&tag=WI-FI&published=true', consultant);
      expect(listed.status).toBe(200);
      expect(idsOf(listed.body)).toEqual([created.id]);
      expect(listed.body.items[0].bodyHtml).toContain('<em>la notice</em>');
      const drafts = await get('/api/articles?q=mot%20passe&published=false', consultant);
      expect(drafts.body).toEqual({ items: [], total: 0 });

      await t
        .http()
        .delete(`/api/articles/${created.id}`)
        .set(...bearer(consultant))
        .expect(204);
      await get(`/api/articles/${created.id}`, consultant).expect(404);
      await t
        .http()
        .delete(`/api/articles/${created.id}`)
        .set(...bearer(consultant))
        .expect(404);
    });

    it('pages the list and filters by tag', async () => {
      for (const title of ['Pagination un', 'Pagination deux', 'Pagination trois']) {
        await createArticle(t, consultant, { title, tags: ['pagination'] });
      }
      await createArticle(t, consultant, { title: 'Pagination ailleurs', tags: ['pagin'] });
      const page = await get('/api/articles?tag=pagination&limit=2&offset=1', consultant).expect(
        200,
      );
      expect(page.body.total).toBe(3);
      expect(page.body.items).toHaveLength(2);
      const all = await get('/api/articles?tag=pagination', consultant);
      expect(all.body.items.map((a: CreatedArticle) => a.title).sort()).toEqual([
        'Pagination deux',
        'Pagination trois',
        'Pagination un',
      ]);
    });

    it.each([
      ['title', { title: '' }],
      ['title', { title: 'x'.repeat(201) }],
      ['title', { title: 42 }],
      ['bodyMarkdown', { bodyMarkdown: 'x'.repeat(100_001) }],
      ['bodyMarkdown', { bodyMarkdown: undefined }],
      ['tags', { tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }],
      ['tags', { tags: ['x'.repeat(41)] }],
      ['tags', { tags: ['  '] }],
      ['tags', { tags: 'vpn' }],
      ['published', { published: 'yes' }],
      ['clientIds', { clientIds: ['not-a-uuid'] }],
      ['clientIds', { clientIds: ['00000000-0000-4000-8000-000000000000'] }],
      ['colour', { colour: 'red' }],
    ])('refuses an article with a bad %s, naming it', async (field, overrides) => {
      const res = await t
        .http()
        .post('/api/articles')
        .set(...bearer(consultant))
        .send(articleInput({ title: 'Refusé', ...overrides }))
        .expect(400);
      expect(fieldsOf(res.body)).toContain(field);
      const stored = await get('/api/articles?q=refuse', consultant);
      expect(stored.body.total).toBe(0);
    });

    it('accepts a full-size body and twenty-odd tags that normalise to twenty', async () => {
      const tags = [
        ...Array.from({ length: 20 }, (_, i) => `Tag${i}`),
        ...['tag0 ', ' TAG1', 'tag2'],
      ];
      const res = await t
        .http()
        .post('/api/articles')
        .set(...bearer(consultant))
        .send(articleInput({ bodyMarkdown: 'a'.repeat(100_000), tags }))
        .expect(201);
      expect(res.body.tags).toHaveLength(20);
      expect(res.body.tags[0]).toBe('tag0');
    });

    it('refuses an unknown client in a change too, and keeps the article as it was', async () => {
      const article = await createArticle(t, consultant, { clientIds: [acme.id] });
      const res = await t
        .http()
        .patch(`/api/articles/${article.id}`)
        .set(...bearer(consultant))
        .send({
          title: 'Autre titre',
          clientIds: [globex.id, '11111111-1111-4111-8111-111111111111'],
        })
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['clientIds']);
      const after = await get(`/api/articles/${article.id}`, consultant).expect(200);
      expect(after.body).toMatchObject({ title: article.title, clientIds: [acme.id] });
    });

    it('lets only the consultant write', async () => {
      await t
        .http()
        .post('/api/articles')
        .set(...bearer(acmeUser.token))
        .send(articleInput())
        .expect(403);
      const article = await createArticle(t, consultant);
      await t
        .http()
        .patch(`/api/articles/${article.id}`)
        .set(...bearer(acmeUser.token))
        .send({ title: 'Piraté' })
        .expect(403);
      await t
        .http()
        .delete(`/api/articles/${article.id}`)
        .set(...bearer(acmeUser.token))
        .expect(403);
      await t.http().get('/api/articles').expect(401);
    });
  });

  it('stores and serves no script, event handler or javascript: link', async () => {
    const article = await createArticle(t, consultant, {
      title: 'Article piégé',
      bodyMarkdown: [
        'Avant <script>alert("xss")</script> après.',
        '',
        '<img src="https://example.org/x.png" onerror="alert(2)">',
        '',
        '[x](javascript:alert(1)) et <a href="JaVaScRiPt:alert(3)">y</a>',
        '',
        '<div onclick="alert(4)" style="color:red">texte</div>',
      ].join('\n'),
    });
    const [stored] = await t.dataSource.query<{ bodyHtml: string }[]>(
      `SELECT "bodyHtml" FROM articles WHERE id = '${article.id}'`,
    );
    const served = await get(`/api/articles/${article.id}`, acmeUser.token).expect(200);
    const listed = await get('/api/articles?q=piege', acmeUser.token).expect(200);
    for (const html of [
      article.bodyHtml,
      stored.bodyHtml,
      served.body.bodyHtml as string,
      listed.body.items[0].bodyHtml as string,
    ]) {
      expect(html).not.toMatch(/<script|onerror|onclick|javascript:|alert\(/i);
      expect(html).toContain('Avant');
      expect(html).toContain('texte');
    }
  });

  describe('what a client user reads', () => {
    let forAll: CreatedArticle;
    let forAcme: CreatedArticle;
    let forGlobex: CreatedArticle;
    let draftForAll: CreatedArticle;
    let draftForAcme: CreatedArticle;

    beforeAll(async () => {
      const tags = ['visibilite'];
      forAll = await createArticle(t, consultant, { title: 'Pour tous', tags });
      forAcme = await createArticle(t, consultant, {
        title: 'Pour Acme et Globex',
        tags,
        clientIds: [acme.id, globex.id],
      });
      forGlobex = await createArticle(t, consultant, {
        title: 'Pour Globex',
        tags,
        clientIds: [globex.id],
      });
      draftForAll = await createArticle(t, consultant, {
        title: 'Brouillon',
        tags,
        published: false,
      });
      draftForAcme = await createArticle(t, consultant, {
        title: 'Brouillon Acme',
        tags,
        published: false,
        clientIds: [acme.id],
      });
    });

    it('lists published articles for all clients and those naming its company, nothing else', async () => {
      const acmeList = await get('/api/articles?tag=visibilite', acmeUser.token).expect(200);
      expect(idsOf(acmeList.body).sort()).toEqual([forAll.id, forAcme.id].sort());
      expect(acmeList.body.total).toBe(2);
      const globexList = await get('/api/articles?tag=visibilite', globexUser.token).expect(200);
      expect(idsOf(globexList.body).sort()).toEqual([forAll.id, forAcme.id, forGlobex.id].sort());
      const drafts = await get('/api/articles?tag=visibilite&published=false', acmeUser.token);
      expect(drafts.body).toEqual({ items: [], total: 0 });
      const everything = await get('/api/articles?tag=visibilite', consultant);
      expect(everything.body.total).toBe(5);
    });

    it('answers 404 for a draft or another company’s article, and hides who else reads one', async () => {
      for (const hidden of [forGlobex, draftForAll, draftForAcme]) {
        const res = await get(`/api/articles/${hidden.id}`, acmeUser.token).expect(404);
        expect(res.body.message).not.toContain(hidden.title);
      }
      const shared = await get(`/api/articles/${forAcme.id}`, acmeUser.token).expect(200);
      expect(shared.body.title).toBe('Pour Acme et Globex');
      expect(shared.body).not.toHaveProperty('clientIds');
      expect(JSON.stringify(shared.body)).not.toContain(globex.id);
    });
  });

  describe('suggestions', () => {
    let titleMatch: CreatedArticle;
    let bodyMatch: CreatedArticle;
    let globexOnly: CreatedArticle;
    let draft: CreatedArticle;

    beforeAll(async () => {
      bodyMatch = await createArticle(t, consultant, {
        title: 'Le bureau ne répond plus',
        bodyMarkdown: `Vérifiez d'abord que l'imprimante est allumée. ${'Puis patientez. '.repeat(30)}`,
        tags: ['poste'],
      });
      titleMatch = await createArticle(t, consultant, {
        title: 'Imprimante réseau',
        bodyMarkdown: 'Relancez le **spouleur** depuis la console des services.',
        tags: ['impression'],
      });
      globexOnly = await createArticle(t, consultant, {
        title: 'Imprimante du siège Globex',
        clientIds: [globex.id],
      });
      draft = await createArticle(t, consultant, {
        title: 'Imprimante : brouillon',
        published: false,
      });
    });

    const suggest = (q: string, token: string) =>
      get(`/api/requests/suggestions?q=${encodeURIComponent(q)}`, token);

    it('ranks a title match above a body match, with an excerpt of plain text', async () => {
      const res = await suggest('imprimante', acmeUser.token).expect(200);
      expect(idsOf(res.body)).toEqual([titleMatch.id, bodyMatch.id]);
      const [first, second] = res.body.items as { score: number; excerpt: string }[];
      expect(first.score).toBeGreaterThan(second.score);
      expect(res.body.items[0]).toMatchObject({
        title: 'Imprimante réseau',
        tags: ['impression'],
        excerpt: 'Relancez le spouleur depuis la console des services.',
      });
      expect(second.excerpt.length).toBeLessThanOrEqual(201);
      expect(second.excerpt).toMatch(/^Vérifiez d'abord/);
      expect(second.excerpt.endsWith('…')).toBe(true);
    });

    it.each([['IMPRIMANTE'], ['reseau'], ['Réseau imprimantes'], ['mon imprimante est bloquée']])(
      'folds accents, case and plurals: %j finds "Imprimante réseau"',
      async (q) => {
        const res = await suggest(q, acmeUser.token).expect(200);
        expect(res.body.items[0].id).toBe(titleMatch.id);
      },
    );

    it('never suggests an article the caller may not read', async () => {
      const acme = await suggest('imprimante', acmeUser.token).expect(200);
      expect(idsOf(acme.body)).not.toContain(globexOnly.id);
      expect(idsOf(acme.body)).not.toContain(draft.id);
      const globexRes = await suggest('imprimante', globexUser.token).expect(200);
      expect(idsOf(globexRes.body)).toContain(globexOnly.id);
      expect(idsOf(globexRes.body)).not.toContain(draft.id);
      const staff = await suggest('imprimante', consultant).expect(200);
      expect(idsOf(staff.body)).toContain(globexOnly.id);
      expect(idsOf(staff.body)).not.toContain(draft.id);
    });

    it('suggests at most five, and says how many matched', async () => {
      for (let i = 1; i <= 6; i++) {
        await createArticle(t, consultant, { title: `Messagerie ${i}`, tags: ['messagerie'] });
      }
      const res = await suggest('messagerie', acmeUser.token).expect(200);
      expect(res.body.items).toHaveLength(5);
      expect(res.body.total).toBe(6);
    });

    it('answers nothing for a query with no telling word', async () => {
      const res = await suggest('comment le faire', acmeUser.token).expect(200);
      expect(res.body).toEqual({ items: [], total: 0 });
    });

    it.each([
      ['empty', ''],
      ['one character', 'x'],
      ['301 characters', 'x'.repeat(301)],
    ])('refuses a q that is %s, naming q', async (_, q) => {
      const res = await suggest(q, acmeUser.token).expect(400);
      expect(fieldsOf(res.body)).toContain('q');
    });

    it('requires q', async () => {
      const res = await get('/api/requests/suggestions', acmeUser.token).expect(400);
      expect(fieldsOf(res.body)).toContain('q');
    });

    it('is not taken for a request id by /api/requests/:id', async () => {
      // Static segments win over parameters: "suggestions" never reaches a request lookup.
      const res = await get('/api/requests/suggestions?q=imprimante', consultant).expect(200);
      expect(Array.isArray(res.body.items)).toBe(true);
      await get('/api/requests/suggestions?q=imprimante', globexUser.token).expect(200);
    });

    it('is not open to the accountant', async () => {
      const accountant = await createUser(t, consultant, 'accountant');
      await suggest('imprimante', accountant.token).expect(403);
    });
  });

  describe('deflections', () => {
    let acmeContract: { id: string };
    let globexContract: { id: string };
    let forAll: CreatedArticle;
    let forAcme: CreatedArticle;

    beforeAll(async () => {
      acmeContract = await insertContract(t, acme.id);
      globexContract = await insertContract(t, globex.id);
      forAll = await createArticle(t, consultant, { title: 'Vider le cache du navigateur' });
      forAcme = await createArticle(t, consultant, {
        title: 'VPN Acme',
        clientIds: [acme.id],
      });
    });

    const deflect = (token: string, body: Record<string, unknown>) =>
      t
        .http()
        .post('/api/requests/deflections')
        .set(...bearer(token))
        .send(body);

    it('records that an article solved it, for the client’s own contract', async () => {
      const res = await deflect(acmeUser.token, {
        contractId: acmeContract.id,
        articleId: forAcme.id,
        query: 'vpn ne se connecte pas',
      }).expect(201);
      expect(res.body).toMatchObject({
        contractId: acmeContract.id,
        clientId: acme.id,
        articleId: forAcme.id,
        userId: acmeUser.id,
        query: 'vpn ne se connecte pas',
      });
    });

    it('answers 404 for another company’s contract and records nothing', async () => {
      const res = await deflect(acmeUser.token, {
        contractId: globexContract.id,
        articleId: forAll.id,
        query: 'cache',
      }).expect(404);
      expect(res.body.code).toBe('not_found.contract');
      const list = await get(`/api/knowledge/deflections?clientId=${globex.id}`, consultant);
      expect(list.body.total).toBe(0);
    });

    it('answers 404 for an article the contract’s client may not read', async () => {
      await deflect(globexUser.token, {
        contractId: globexContract.id,
        articleId: forAcme.id,
        query: 'vpn',
      }).expect(404);
      await deflect(consultant, {
        contractId: globexContract.id,
        articleId: forAcme.id,
        query: 'vpn',
      }).expect(404);
      const draft = await createArticle(t, consultant, { published: false });
      await deflect(acmeUser.token, {
        contractId: acmeContract.id,
        articleId: draft.id,
        query: 'box',
      }).expect(404);
    });

    it('lets the consultant record one for any client', async () => {
      const res = await deflect(consultant, {
        contractId: globexContract.id,
        articleId: forAll.id,
        query: 'navigateur lent',
      }).expect(201);
      expect(res.body.clientId).toBe(globex.id);
    });

    it('refuses a malformed deflection, naming each field', async () => {
      const res = await deflect(acmeUser.token, { contractId: 'x', query: '' }).expect(400);
      expect(fieldsOf(res.body)).toEqual(
        expect.arrayContaining(['contractId', 'articleId', 'query']),
      );
    });

    it('lists deflections by client and period for the consultant, and counts them', async () => {
      const today = DateTime.fromJSDate(t.clock.now(), { zone: 'Europe/Paris' });
      const day = (d: DateTime) => d.toISODate() as string;
      const acmeToday = await get(
        `/api/knowledge/deflections?clientId=${acme.id}&from=${day(today)}&to=${day(today)}`,
        consultant,
      ).expect(200);
      expect(acmeToday.body.total).toBe(1);
      expect(acmeToday.body.items[0]).toMatchObject({ articleId: forAcme.id, clientId: acme.id });
      const yesterday = day(today.minus({ days: 1 }));
      const before = await get(`/api/knowledge/deflections?to=${yesterday}`, consultant);
      expect(before.body).toEqual({ items: [], total: 0 });
      const all = await get('/api/knowledge/deflections', consultant).expect(200);
      expect(all.body.total).toBe(2);

      const bad = await get(
        `/api/knowledge/deflections?from=${day(today)}&to=${yesterday}`,
        consultant,
      ).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['to']);
      await get('/api/knowledge/deflections', acmeUser.token).expect(403);

      const service = t.app.get(DeflectionsService);
      const from = new Date(t.clock.ago({ hours: 1 }));
      const to = new Date(t.clock.in({ hours: 1 }));
      expect(await service.countDeflections(acme.id, from, to)).toBe(1);
      expect(await service.countDeflections(acme.id, to, new Date(to.getTime() + 1000))).toBe(0);
    });

    it('keeps counting a deflection once its article is deleted', async () => {
      await t
        .http()
        .delete(`/api/articles/${forAcme.id}`)
        .set(...bearer(consultant))
        .expect(204);
      const list = await get(`/api/knowledge/deflections?clientId=${acme.id}`, consultant);
      expect(list.body.items).toEqual([expect.objectContaining({ articleId: null })]);
    });
  });
});
