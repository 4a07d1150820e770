import type { TestApp } from '../app';
import { createContract } from './contracts';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './index';
import { createArticle } from './knowledge';
import { paris } from './reports';
import { Training } from '../../src/coaching/training.entity';

/**
 * Two client companies served by one practice, each with the full range of what a company owns:
 * for tests that check one tenant never reaches the other's data.
 */

/** Everything one client company owns, by kind; every id, name and number is its own. */
export interface Company {
  /** The letter the scenario knows it by: 'A' or 'B'. */
  key: string;
  /** The word every name of the company carries: 'Alizarine', 'Bergamote'. */
  word: string;
  client: { id: string; name: string };
  contract: { id: string; reference: string; title: string };
  /** Its staff member: a client user of this company. */
  user: { id: string; email: string; token: string };
  requests: { id: string; title: string }[];
  comments: { id: string; body: string }[];
  /** Logged work: the first is on the issued invoice, the last is not invoiced. */
  interventions: { id: string; description: string }[];
  invoice: { id: string; number: string };
  payment: { id: string };
  creditNote: { id: string; number: string };
  draft: { id: string };
  quotaUnits: string[];
  /** Published for this company only. */
  article: { id: string; title: string };
  deflection: { id: string; query: string };
  alerts: string[];
}

export interface TenantWorld {
  consultant: { token: string; id: string; email: string };
  accountant: { token: string; id: string; email: string };
  /** Practice-wide things that belong to no client. */
  activityId: string;
  sharedArticle: { id: string; title: string };
  a: Company;
  b: Company;
}

/** What differs between the two companies: names, and hours of work that do not overlap. */
interface Plan {
  key: string;
  name: string;
  word: string;
  /** Paris hour the company's work starts at, each day it is logged. */
  hour: number;
}

const PLANS: [Plan, Plan] = [
  { key: 'A', name: 'Transports Alizarine', word: 'Alizarine', hour: 9 },
  { key: 'B', name: 'Boulangerie Bergamote', word: 'Bergamote', hour: 14 },
];

/** A POST with a bearer token. */
const post = (t: TestApp, token: string, path: string, body: object = {}) =>
  t
    .http()
    .post(path)
    .set(...bearer(token))
    .send(body);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The body of an answer that must have the expected status; anything else stops the setup. */
async function ok(call: Promise<{ status: number; body: Json }>, expected: number): Promise<Json> {
  const res = await call;
  if (res.status !== expected) {
    throw new Error(`expected ${expected}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/**
 * Builds the world at the instant the app's clock stands at (late November 2026): requests filed
 * in October and November, work logged on both months, October invoiced, issued, paid in part and
 * credited in part, November left as a draft, an article and a deflection per company, and the
 * alerts of the contracts, which end within the month, raised.
 */
export async function tenantWorld(t: TestApp): Promise<TenantWorld> {
  const token = await setupConsultant(t);
  const me = await ok(
    t
      .http()
      .get('/api/auth/me')
      .set(...bearer(token)),
    200,
  );
  const user = (me.user ?? me) as { id: string; email: string };
  const consultant = { token, id: user.id, email: user.email };
  const activity = await createActivity(t, token, { name: 'Assistance', kind: 'support' });
  const accountant = await createUser(t, token, 'accountant');
  const sharedArticle = await createArticle(t, token, {
    title: 'Redémarrer une imprimante réseau',
    tags: ['impression'],
  });
  const [a, b] = [
    await company(t, token, activity.id, PLANS[0]),
    await company(t, token, activity.id, PLANS[1]),
  ];
  for (const c of [a, b]) await issueOctober(t, token, c);
  for (const c of [a, b]) {
    const draft = await ok(
      post(t, token, '/api/invoices/drafts', {
        contractId: c.contract.id,
        periodStart: '2026-11-01',
        periodEnd: '2026-11-30',
      }),
      201,
    );
    c.draft = { id: draft.id as string };
  }
  const alerts = await ok(
    t
      .http()
      .get('/api/alerts')
      .set(...bearer(token)),
    200,
  );
  for (const c of [a, b]) {
    c.alerts = (alerts.items as { id: string; clientId: string }[])
      .filter((alert) => alert.clientId === c.client.id)
      .map((alert) => alert.id);
    const units = await t.dataSource.query(
      t.db.kind === 'postgres'
        ? 'SELECT id FROM quota_units WHERE "contractId" = $1'
        : 'SELECT id FROM quota_units WHERE "contractId" = ?',
      [c.contract.id],
    );
    c.quotaUnits = (units as { id: string }[]).map((u) => u.id);
    if (c.alerts.length === 0 || c.quotaUnits.length === 0) {
      throw new Error(`company ${c.key} has no alert or no quota unit: the world is incomplete`);
    }
  }
  // A training session per company, which the trainings list shows its staff.
  const trainings = t.dataSource.getRepository(Training);
  for (const c of [a, b]) {
    await trainings.save(
      trainings.create({
        clientId: c.client.id,
        contractId: c.contract.id,
        interventionId: null,
        topicKey: 'sauvegard',
        topic: `Sauvegardes ${c.word}`,
        terms: ['sauvegardes'],
        attendeeIds: [c.user.id],
        startedAt: new Date(paris('2026-11-10', '14:00')),
        durationMinutes: 60,
        createdById: consultant.id,
        createdAt: t.clock.now(),
      }),
    );
  }
  return {
    consultant,
    accountant: { token: accountant.token, id: accountant.id, email: accountant.email },
    activityId: activity.id,
    sharedArticle: { id: sharedArticle.id, title: sharedArticle.title },
    a,
    b,
  };
}

async function company(
  t: TestApp,
  token: string,
  activityId: string,
  plan: Plan,
): Promise<Company> {
  const client = await createClient(t, token, { name: plan.name });
  const contract = await createContract(t, token, client.id, {
    reference: `CT-${plan.word.toUpperCase()}`,
    title: `Infogérance ${plan.word}`,
    endDate: '2026-12-15',
  });
  const user = await createUser(t, token, 'client', client.id);
  const file = async (title: string, urgency: string) =>
    ok(
      post(t, user.token, '/api/requests', {
        contractId: contract.id,
        title,
        description: `Signalé par le personnel de ${plan.word}`,
        urgency,
      }),
      201,
    );
  const now = t.clock.iso();
  t.clock.set(paris('2026-10-05', '10:00'));
  const october = await file(`${plan.word} : serveur de fichiers lent`, 'high');
  t.clock.set(now);
  const november = await file(`${plan.word} : imprimante du hangar muette`, 'normal');
  const comments = [];
  for (const [who, body] of [
    [token, `Je regarde le serveur de ${plan.word}.`],
    [user.token, `Merci, le serveur de ${plan.word} répond mieux.`],
  ]) {
    comments.push(await ok(post(t, who, `/api/requests/${october.id}/comments`, { body }), 201));
  }
  const at = (day: string, hours: number) =>
    paris(day, `${String(plan.hour + hours).padStart(2, '0')}:00`);
  const work = [
    { day: '2026-10-06', requestId: october.id, urgency: 'high', what: 'Disque du serveur' },
    { day: '2026-11-03', urgency: 'critical', what: 'Appel: messagerie coupée' },
    { day: '2026-11-04', requestId: october.id, urgency: 'normal', what: 'Suivi du serveur' },
  ];
  const interventions = [];
  for (const w of work) {
    const description = `${w.what} ${plan.word}`;
    const logged = await ok(
      post(t, token, '/api/interventions', {
        contractId: contract.id,
        activityId,
        startedAt: at(w.day, 0),
        endedAt: at(w.day, 2),
        urgency: w.urgency,
        location: 'remote',
        description,
        billable: true,
        ...(w.requestId ? { requestId: w.requestId } : {}),
      }),
      201,
    );
    interventions.push({ id: logged.id as string, description });
  }
  const article = await createArticle(t, token, {
    title: `${plan.word} : imprimante du hangar`,
    bodyMarkdown: `Pour l'imprimante de ${plan.word}, relancez le **spouleur**.`,
    tags: [plan.word.toLowerCase()],
    clientIds: [client.id],
  });
  const deflection = await ok(
    post(t, user.token, '/api/requests/deflections', {
      contractId: contract.id,
      articleId: article.id,
      query: `imprimante ${plan.word}`,
    }),
    201,
  );
  return {
    key: plan.key,
    word: plan.word,
    client: { id: client.id, name: client.name },
    contract: { id: contract.id, reference: contract.reference, title: `Infogérance ${plan.word}` },
    user: { id: user.id, email: user.email, token: user.token },
    requests: [
      { id: october.id, title: `${plan.word} : serveur de fichiers lent` },
      { id: november.id, title: `${plan.word} : imprimante du hangar muette` },
    ],
    comments: comments.map((c) => ({ id: c.id, body: c.body })),
    interventions,
    invoice: { id: '', number: '' },
    payment: { id: '' },
    creditNote: { id: '', number: '' },
    draft: { id: '' },
    quotaUnits: [],
    article: { id: article.id, title: article.title },
    deflection: { id: deflection.id, query: deflection.query },
    alerts: [],
  };
}

/** October's invoice: drafted, issued, paid in part (50.00 €), credited in part (10.00 € HT). */
async function issueOctober(t: TestApp, token: string, c: Company): Promise<void> {
  const draft = await ok(
    post(t, token, '/api/invoices/drafts', {
      contractId: c.contract.id,
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
    }),
    201,
  );
  const issued = await ok(post(t, token, `/api/invoices/${draft.id}/issue`), 200);
  c.invoice = { id: issued.id, number: issued.number };
  const payment = await ok(
    post(t, token, `/api/invoices/${issued.id}/payments`, {
      amountCents: 5000,
      paidOn: t.clock.today(),
      method: 'transfer',
    }),
    201,
  );
  c.payment = { id: payment.id };
  const credit = await ok(
    post(t, token, `/api/invoices/${issued.id}/credit-notes`, {
      lines: [{ lineIndex: 0, amountCents: 1000 }],
      reason: `Geste commercial ${c.client.name}`,
    }),
    201,
  );
  c.creditNote = { id: credit.id, number: credit.number };
}
