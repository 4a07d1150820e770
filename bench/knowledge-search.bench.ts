/**
 * The knowledge base's search (GET /api/requests/suggestions) on the labelled set of
 * test/fixtures/knowledge-queries.ts: what client staff type before filing, and the articles
 * that answer it.
 *
 * 1. Quality, as Acme's staff see it: recall@3 (share of the queries with an answering article
 *    among the first three) and MRR (mean of 1 / the first answer's rank among the five shown)
 *    of today's ranking (BM25 over the text library, src/knowledge/search.ts) beside the one it
 *    replaced (bench/knowledge-search-before.ts), with what each part of today's adds, and per
 *    kind of query.
 * 2. Latency in process: building an audience's index and answering a query, for the fixture's
 *    28 articles Acme reads and for ten and a hundred times as many, beside the former ranking.
 * 3. Through the server, on SQLite and, when BENCH_DATABASE_URL names a PostgreSQL server, on a
 *    database made there (dropped after): a suggestion with the index kept (the signature read
 *    on each request) and rebuilt on each request, beside the signature query alone.
 *
 *   npm run bench -- knowledge
 *   npx ts-node --transpile-only bench/knowledge-search.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPgDatabase } from './support/pg-database';
import { KnowledgeIndex, type KnowledgeIndexOptions } from '../src/knowledge/search';
import {
  articlesReadBy,
  KNOWLEDGE_SYNONYMS,
  LABELLED_QUERIES,
  type LabelledQuery,
  rankingQuality,
} from '../test/fixtures/knowledge-queries';
import { rankArticles as rankBefore, type SearchableArticle } from './knowledge-search-before';

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const fmt = (n: number, digits = 3): string => n.toFixed(digits);
const timing = (values: number[]): string =>
  `median ${fmt(percentile(values, 50))} ms, p95 ${fmt(percentile(values, 95))} ms`;

const acmeArticles: SearchableArticle[] = articlesReadBy('acme').map((a) => ({
  id: a.key,
  title: a.title,
  tags: a.tags,
  body: a.bodyMarkdown,
}));

function nowRanking(options: KnowledgeIndexOptions = {}, synonyms = KNOWLEDGE_SYNONYMS) {
  const index = new KnowledgeIndex(acmeArticles, synonyms, options);
  return (q: string) => index.search(q).matches.map((m) => m.id);
}
const beforeRanking = (q: string) => rankBefore(q, acmeArticles, 5).map((m) => m.id);

function quality(): void {
  const rows: Array<[string, (q: string) => readonly string[]]> = [
    ['before: weighted word and prefix matches', beforeRanking],
    ['now: BM25 + text library + synonyms', nowRanking()],
    ['now, without the synonyms', nowRanking({}, [])],
    ['now, without the typo reading', nowRanking({ typoReading: false })],
    ['now, with minisearch fuzzy as well', nowRanking({ fuzzy: true })],
  ];
  console.log(
    `Quality on ${LABELLED_QUERIES.length} labelled queries over ${acmeArticles.length} readable articles`,
  );
  console.log('ranking'.padEnd(44), 'recall@3', '  MRR ', ' misses');
  for (const [name, rank] of rows) {
    const q = rankingQuality(rank);
    console.log(
      name.padEnd(44),
      fmt(q.recallAt3).padStart(8),
      fmt(q.mrr).padStart(6),
      String(q.misses.length).padStart(7),
    );
  }
  const kinds = [...new Set(LABELLED_QUERIES.map((q) => q.kind))];
  console.log('\nper kind of query'.padEnd(20), 'n', 'recall@3 before → now', '  MRR before → now');
  const now = nowRanking();
  for (const kind of kinds) {
    const queries: LabelledQuery[] = LABELLED_QUERIES.filter((q) => q.kind === kind);
    const b = rankingQuality(beforeRanking, queries);
    const a = rankingQuality(now, queries);
    console.log(
      kind.padEnd(19),
      String(queries.length).padStart(2),
      `${fmt(b.recallAt3)} → ${fmt(a.recallAt3)}`.padStart(21),
      `${fmt(b.mrr)} → ${fmt(a.mrr)}`.padStart(19),
    );
  }
  for (const miss of rankingQuality(now).misses) {
    console.log(`missed now: ${JSON.stringify(miss.q)} (${miss.kind}) → ${miss.got.join(', ')}`);
  }
}

/** The fixture's articles `times` over, each copy's words a little apart. */
function scaled(times: number): SearchableArticle[] {
  return Array.from({ length: times }, (_, copy) =>
    acmeArticles.map((a) => ({
      ...a,
      id: `${a.id}-${copy}`,
      title: copy === 0 ? a.title : `${a.title} (site ${copy})`,
      body: `${a.body} Référence interne ${copy}.`,
    })),
  ).flat();
}

function latencyInProcess(): void {
  console.log(
    `\nLatency in process (a query: each of the ${LABELLED_QUERIES.length} labelled ones, 5 rounds; 1 round at the largest size)`,
  );
  for (const times of [1, 10, 100]) {
    const articles = scaled(times);
    const builds: number[] = [];
    let index = new KnowledgeIndex(articles, KNOWLEDGE_SYNONYMS);
    for (let round = 0; round < 5; round++) {
      const start = process.hrtime.bigint();
      index = new KnowledgeIndex(articles, KNOWLEDGE_SYNONYMS);
      builds.push(ms(start));
    }
    const now: number[] = [];
    const before: number[] = [];
    for (let round = 0; round < (times >= 100 ? 1 : 5); round++) {
      for (const { q } of LABELLED_QUERIES) {
        let start = process.hrtime.bigint();
        index.search(q);
        now.push(ms(start));
        start = process.hrtime.bigint();
        rankBefore(q, articles, 5);
        before.push(ms(start));
      }
    }
    console.log(`${String(articles.length).padStart(5)} articles: build ${timing(builds)}`);
    console.log(`       query now    ${timing(now)}`);
    console.log(
      `       query before ${timing(before)} (over every article; its SQL prefilter not counted)`,
    );
  }
}

type Kind = 'sqlite' | 'postgres';

async function throughServer(kind: Kind, times: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gardefou-kb-bench-'));
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    DATA_DIR: dir,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    LOG_LEVEL: 'silent',
    // Every labelled query three times over, twice: well past the signed-in limit of a minute.
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  let dropPg: (() => Promise<void>) | null = null;
  delete process.env.DATABASE_URL;
  delete process.env.SQLITE_FILE;
  if (kind === 'sqlite') env.SQLITE_FILE = join(dir, 'bench.sqlite');
  else {
    const db = await benchPgDatabase(`gardefou_kb_bench_${process.pid}`);
    env.DATABASE_URL = db.url;
    dropPg = db.drop;
  }
  Object.assign(process.env, env);
  const { createApp, migrate } = await import('../src/bootstrap');
  const { SearchIndexService } = await import('../src/knowledge/search-index.service');
  const app = await createApp();
  await app.init();
  await migrate(app);
  try {
    const fastify = app.getHttpAdapter().getInstance();
    const call = async (
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      token?: string,
      payload?: object,
    ) => {
      const res = await fastify.inject({
        method,
        url,
        payload,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json<Record<string, unknown>>();
    };
    const setup = await call('POST', '/api/auth/setup', undefined, {
      email: 'bench@example.fr',
      password: 'correct horse battery staple',
      displayName: 'Bench',
      practice: {
        name: 'Bench EI',
        legalForm: 'EI',
        siren: '732829320',
        address: { line1: '1 rue', postalCode: '69003', city: 'Lyon', country: 'FR' },
        email: 'bench@example.fr',
      },
    });
    const token = setup.accessToken as string;
    for (const article of scaled(times)) {
      await call('POST', '/api/articles', token, {
        title: article.title,
        tags: article.tags,
        bodyMarkdown: article.body,
        published: true,
      });
    }
    await call('PUT', '/api/knowledge/synonyms', token, {
      groups: KNOWLEDGE_SYNONYMS.map((expressions) => ({ expressions })),
    });
    const searchIndex = app.get(SearchIndexService);
    const suggest = (q: string) =>
      call('GET', `/api/requests/suggestions?q=${encodeURIComponent(q)}`, token);
    await suggest('imprimante');

    const kept: number[] = [];
    const rebuilt: number[] = [];
    const signature: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const { q } of LABELLED_QUERIES) {
        let start = process.hrtime.bigint();
        await suggest(q);
        kept.push(ms(start));
        searchIndex.changed();
        start = process.hrtime.bigint();
        await suggest(q);
        rebuilt.push(ms(start));
        start = process.hrtime.bigint();
        await searchIndex.signature();
        signature.push(ms(start));
      }
    }
    const count = acmeArticles.length * times;
    console.log(`${kind}, ${count} articles: suggestion, index kept      ${timing(kept)}`);
    console.log(`${kind}, ${count} articles: suggestion, index rebuilt   ${timing(rebuilt)}`);
    console.log(`${kind}, ${count} articles: the signature query alone  ${timing(signature)}`);
  } finally {
    await app.close();
    await dropPg?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  quality();
  latencyInProcess();
  console.log('\nThrough the server (GET /api/requests/suggestions, in process, 3 rounds)');
  const kinds: Kind[] = process.env.BENCH_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const kind of kinds) {
    for (const times of [1, 10]) await throughServer(kind, times);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
