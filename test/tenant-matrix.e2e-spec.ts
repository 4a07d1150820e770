import { randomUUID } from 'node:crypto';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { startTestApp, TestApp } from './app';
import { bearer, clientInput, PASSWORD } from './factories';
import { contractInput } from './factories/contracts';
import { tenantWorld, type Company, type TenantWorld } from './factories/tenants';
import type { OpenApiDocument, Schema } from './support/openapi-conformance';
import { binary } from './support/pdf-text';
import {
  changedTables,
  databaseState,
  fillPath,
  isWrite,
  markersIn,
  operationsOf,
  registeredRoutes,
  resourceOf,
  type Operation,
  type RegisteredRoute,
} from './support/route-matrix';
import { WebSession } from './support/web';

/**
 * Tenant isolation, route by route: every operation of the OpenAPI document and every page
 * route the server registers is called by each kind of caller — nobody signed in, the
 * consultant, the accountant, and a staff member of each of two client companies — on the
 * other company's objects, and the answers are held to what PRODUCT.md grants each role.
 */

const NOW = '2026-11-25T10:00:00+01:00';

type Role = 'consultant' | 'accountant' | 'client';
/** `public`: anyone, signed in or not. `self`: any signed-in user, on its own account. */
type Grant = Role | 'public' | 'self';

const C = 'consultant' as const;
const ACC = 'accountant' as const;
const CL = 'client' as const;

/**
 * Who may call each operation, as PRODUCT.md and API.md grant it. `client` means a client user
 * on its own company's objects; another company's object answers 404, as if it did not exist.
 * The accountant reads clients, invoices, credit notes and payments, downloads PDFs and runs the
 * exports (and reads the practice, API.md); nothing else. An operation the document has and
 * this table lacks fails the matrix: a new route takes its place here on purpose.
 */
const ACCESS: Record<string, readonly Grant[]> = {
  'GET /api/health': ['public'],
  'POST /api/auth/setup': ['public'],
  'POST /api/auth/login': ['public'],
  'POST /api/auth/accept-invite': ['public'],
  'GET /api/auth/me': ['self'],
  'POST /api/auth/password': ['self'],
  'POST /api/auth/logout': ['self'],
  'POST /api/auth/password-reset': ['public'],
  'POST /api/auth/password-reset/confirm': ['public'],
  'GET /api/me/notifications': ['self'],
  'PUT /api/me/notifications': ['self'],
  'GET /api/practice': [C, ACC],
  'PATCH /api/practice': [C],
  'PUT /api/practice/logo': [C],
  'DELETE /api/practice/logo': [C],
  'POST /api/users': [C],
  'GET /api/users': [C],
  'POST /api/users/{id}/invite': [C],
  'POST /api/users/{id}/activate': [C],
  'PATCH /api/users/{id}': [C],
  'DELETE /api/users/{id}': [C],
  'POST /api/clients': [C],
  'GET /api/clients': [C, ACC, CL],
  'GET /api/clients/{id}': [C, ACC, CL],
  'PATCH /api/clients/{id}': [C],
  'DELETE /api/clients/{id}': [C],
  'POST /api/clients/{id}/restore': [C],
  'POST /api/activities': [C],
  'GET /api/activities': [C],
  'GET /api/activities/{id}': [C],
  'PATCH /api/activities/{id}': [C],
  'DELETE /api/activities/{id}': [C],
  'POST /api/activities/{id}/restore': [C],
  'POST /api/contracts': [C],
  'GET /api/contracts': [C, CL],
  'GET /api/contracts/{id}': [C, CL],
  'PATCH /api/contracts/{id}': [C],
  'DELETE /api/contracts/{id}': [C],
  'POST /api/contracts/{id}/restore': [C],
  'GET /api/contracts/{id}/usage': [C, CL],
  'POST /api/requests': [C, CL],
  'GET /api/requests': [C, CL],
  'GET /api/requests/{id}': [C, CL],
  'PATCH /api/requests/{id}': [C],
  'POST /api/requests/{id}/comments': [C, CL],
  'POST /api/requests/{id}/cancel': [C, CL],
  'GET /api/requests/suggestions': [C, CL],
  'POST /api/requests/deflections': [C, CL],
  'GET /api/interventions/timer': [C],
  'POST /api/interventions/timer/start': [C],
  'POST /api/interventions/timer/stop': [C],
  'POST /api/interventions/import': [C],
  'POST /api/interventions': [C],
  'GET /api/interventions': [C],
  'GET /api/interventions/{id}': [C],
  'PATCH /api/interventions/{id}': [C],
  'DELETE /api/interventions/{id}': [C],
  'POST /api/articles': [C],
  'GET /api/articles': [C, CL],
  'GET /api/articles/{id}': [C, CL],
  'PATCH /api/articles/{id}': [C],
  'DELETE /api/articles/{id}': [C],
  'GET /api/knowledge/deflections': [C],
  'GET /api/outbox': [C],
  'GET /api/outbox/{id}': [C],
  'POST /api/outbox/{id}/retry': [C],
  'POST /api/outbox/{id}/cancel': [C],
  'GET /api/knowledge/synonyms': [C],
  'PUT /api/knowledge/synonyms': [C],
  'GET /api/coaching/topics': [C],
  'POST /api/coaching/articles': [C],
  'POST /api/trainings': [C],
  'GET /api/trainings': [C, CL],
  'GET /api/clients/{id}/autonomy': [C, CL],
  'POST /api/invoices/drafts': [C],
  'GET /api/invoices': [C, ACC, CL],
  'GET /api/invoices/verify-chain': [C, ACC],
  'GET /api/invoices/{id}': [C, ACC, CL],
  'PATCH /api/invoices/{id}': [C],
  'DELETE /api/invoices/{id}': [C],
  'POST /api/invoices/{id}/rebuild': [C],
  'POST /api/invoices/{id}/issue': [C],
  'POST /api/invoices/{id}/payments': [C],
  'GET /api/invoices/{id}/payments': [C, ACC, CL],
  'POST /api/invoices/{id}/credit-notes': [C],
  'POST /api/invoices/send': [C],
  'POST /api/invoices/{id}/send': [C],
  'POST /api/invoices/{id}/reminders/stop': [C],
  'GET /api/invoices/{id}/pdf': [C, ACC, CL],
  'GET /api/invoices/{id}/facturx.xml': [C, ACC, CL],
  'GET /api/reports/workload': [C],
  'GET /api/reports/clients/{clientId}': [C, CL],
  'GET /api/exports/invoices.csv': [C, ACC],
  'GET /api/exports/fec': [C, ACC],
  'GET /api/exports/invoices.zip': [C, ACC],
  'GET /api/alerts': [C, CL],
  'POST /api/alerts/{id}/acknowledge': [C, CL],
};

/**
 * Every page route (outside /api), with who may open it. The test compares this list with the
 * routes the server registered: a page route added without a line here fails it.
 */
const PAGES: Record<string, readonly Grant[]> = {
  'GET /': [C, ACC, CL],
  'GET /login': ['public'],
  'POST /login': ['public'],
  'POST /logout': ['public'],
  'GET /invite': ['public'],
  'POST /invite': ['public'],
  'GET /lang/:code': ['public'],
  'GET /setup': ['public'],
  'POST /setup': ['public'],
  'GET /portal': [CL],
  'POST /portal/alerts/:id/acknowledge': [CL],
  'GET /portal/requests': [CL],
  'POST /portal/requests': [CL],
  'GET /portal/requests/new': [CL],
  'GET /portal/requests/:id': [CL],
  'GET /portal/requests/:id/filed': [CL],
  'POST /portal/requests/:id/comments': [CL],
  'POST /portal/requests/:id/cancel': [CL],
  'POST /portal/deflections': [CL],
  'GET /portal/invoices': [CL],
  'GET /portal/invoices/:id/pdf': [CL],
  'GET /portal/kb': [CL],
  'GET /portal/kb/:id': [CL],
  'GET /console': [C],
  'GET /console/inbox': [C],
  'POST /console/interventions': [C],
  'GET /console/invoices': [C],
  'POST /console/invoices/drafts': [C],
  'GET /console/invoices/:id': [C],
  'GET /console/invoices/:id/pdf': [C],
  'POST /console/invoices/:id/payments': [C],
  'POST /console/invoices/:id/issue': [C],
  'POST /console/invoices/:id/rebuild': [C],
  'POST /console/invoices/:id/delete': [C],
  'POST /console/invoices/:id/credit': [C],
  'POST /console/invoices/:id/lines': [C],
  'POST /console/invoices/:id/lines/delete': [C],
  'POST /console/invoices/send': [C],
  'POST /console/invoices/:id/send': [C],
  'POST /console/invoices/:id/reminders/stop': [C],
  'POST /console/timer/start': [C],
  'POST /console/timer/stop': [C],
  'POST /console/interventions/:id/restart': [C],
  'POST /console/alerts/:id/acknowledge': [C],
  'GET /console/requests/:id': [C],
  'POST /console/requests/:id/comments': [C],
  'POST /console/requests/:id/status': [C],
  'POST /console/requests/:id/urgency': [C],
  'POST /console/requests/:id/timer': [C],
  'POST /console/requests/:id/article': [C],
  'GET /console/clients': [C],
  'POST /console/clients': [C],
  'GET /console/clients/:id': [C],
  'POST /console/clients/:id': [C],
  'POST /console/clients/:id/archive': [C],
  'GET /console/contracts': [C],
  'POST /console/contracts': [C],
  'GET /console/contracts/:id': [C],
  'GET /console/contracts/:id/edit': [C],
  'POST /console/contracts/:id': [C],
  'POST /console/contracts/:id/archive': [C],
  'GET /console/kb': [C],
  'POST /console/kb': [C],
  'GET /console/kb/new': [C],
  'GET /console/kb/:id': [C],
  'POST /console/kb/:id': [C],
  'POST /console/kb/:id/delete': [C],
  'GET /console/coaching': [C],
  'POST /console/coaching/articles': [C],
  'POST /console/coaching/synonyms': [C],
  'GET /console/coaching/trainings/new': [C],
  'POST /console/coaching/trainings': [C],
  'GET /console/reports': [C],
  'GET /console/activities': [C],
  'POST /console/activities': [C],
  'GET /console/activities/:id': [C],
  'POST /console/activities/:id': [C],
  'POST /console/activities/:id/archive': [C],
  'POST /console/activities/:id/restore': [C],
  'GET /console/users': [C],
  'GET /console/outbox': [C],
  'POST /console/outbox/:id/retry': [C],
  'POST /console/outbox/:id/cancel': [C],
  'POST /console/users': [C],
  'POST /console/users/:id/invite': [C],
  'POST /console/users/:id/deactivate': [C],
  'POST /console/users/:id/role': [C],
  'POST /console/users/:id/activate': [C],
  'GET /console/settings': [C],
  'GET /console/settings/identity': [C],
  'POST /console/settings/identity': [C],
  'GET /console/settings/identity/logo': [C],
  'POST /console/settings/identity/logo': [C],
  'POST /console/settings/identity/logo/remove': [C],
  'GET /console/settings/calendar': [C],
  'POST /console/settings/calendar': [C],
  'POST /console/settings/calendar/closures': [C],
  'POST /console/settings/calendar/closures/remove': [C],
  'GET /console/settings/invoicing': [C],
  'POST /console/settings/invoicing': [C],
  'GET /console/settings/limits': [C],
  'POST /console/settings/limits': [C],
  'GET /account/password': ['self'],
  'POST /account/password': ['self'],
  'GET /account/notifications': ['self'],
  'POST /account/notifications': ['self'],
  'GET /forgot-password': ['public'],
  'POST /forgot-password': ['public'],
  'GET /forgot-password/sent': ['public'],
  'GET /reset-password': ['public'],
  'POST /reset-password': ['public'],
  'GET /unsubscribe': ['public'],
  'POST /unsubscribe': ['public'],
  'GET /console/week': [C],
  'GET /console/week/interventions/:id': [C],
  'POST /console/week/interventions/:id': [C],
  'POST /console/week/interventions/:id/move': [C],
  'GET /console/week/interventions/:id/delete': [C],
  'POST /console/week/interventions/:id/delete': [C],
  'GET /console/import': [C],
  'POST /console/import': [C],
  'POST /console/import/confirm': [C],
  'GET /accounting': [C, ACC],
  'GET /accounting/chain': [C, ACC],
  'GET /accounting/exports/invoices.csv': [C, ACC],
  'GET /accounting/exports/invoices.zip': [C, ACC],
  'GET /accounting/exports/fec': [C, ACC],
  'GET /accounting/invoices/:id/pdf': [C, ACC],
};

type Body = Record<string, unknown>;
type Recipe = (c: Company, w: TenantWorld) => Body;

/**
 * Public sign-in routes and the caller's own password take credentials, and address no
 * company's object: the matrix sends them an empty body (a valid one would sign in or change a
 * password, which is not what it checks).
 */
const CREDENTIALS: Recipe = () => ({});

/** A minimal valid body for each operation that takes one, naming the target company's objects. */
const BODIES: Record<string, Recipe> = {
  'POST /api/auth/setup': CREDENTIALS,
  'POST /api/auth/login': CREDENTIALS,
  'POST /api/auth/accept-invite': CREDENTIALS,
  'POST /api/auth/password': CREDENTIALS,
  'POST /api/auth/password-reset': CREDENTIALS,
  'POST /api/auth/password-reset/confirm': CREDENTIALS,
  'PUT /api/me/notifications': () => ({}),
  'PATCH /api/practice': () => ({ phone: '+33 4 72 00 00 00' }),
  // The logo is a multipart file: sent as JSON, it is refused (400 naming logo) after the role.
  'PUT /api/practice/logo': () => ({}),
  'POST /api/users': (c) => ({
    email: `staff-${c.key.toLowerCase()}@example.org`,
    role: 'client',
    clientId: c.client.id,
    displayName: `Staff ${c.word}`,
  }),
  // The company's staff member kept in the client role, of the company named.
  'PATCH /api/users/{id}': (c) => ({ role: 'client', clientId: c.client.id }),
  'POST /api/clients': () => clientInput({ name: 'Imprimerie Nouvelle' }),
  'PATCH /api/clients/{id}': () => ({ billingEmail: 'factures@client.example' }),
  'POST /api/activities': () => ({ name: 'Formation', kind: 'training', defaultRateCents: 12000 }),
  'PATCH /api/activities/{id}': () => ({ billable: true }),
  'POST /api/contracts': (c) => contractInput(c.client.id),
  'PATCH /api/contracts/{id}': () => ({ title: 'Infogérance renouvelée' }),
  'POST /api/requests': (c) => ({
    contractId: c.contract.id,
    title: 'Écran noir au poste 3',
    description: 'Depuis ce matin',
    urgency: 'normal',
  }),
  'PATCH /api/requests/{id}': () => ({ status: 'in_progress' }),
  'POST /api/requests/{id}/comments': () => ({ body: 'Toujours en panne ce matin.' }),
  'POST /api/requests/deflections': (c) => ({
    contractId: c.contract.id,
    articleId: c.article.id,
    query: 'imprimante',
  }),
  'POST /api/interventions/timer/start': (c, w) => ({
    contractId: c.contract.id,
    activityId: w.activityId,
    urgency: 'normal',
    location: 'remote',
  }),
  'POST /api/interventions/import': (c, w) => ({
    csv: [
      'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration',
      `Camille Martin,camille@example.fr,${c.client.name},Parc,Support,Mise à jour,Yes,2026-11-12,09:00:00,2026-11-12,10:00:00,01:00:00`,
    ].join('\n'),
    mapping: [{ client: c.client.name, contractId: c.contract.id }],
    activityId: w.activityId,
  }),
  'POST /api/interventions': (c, w) => ({
    contractId: c.contract.id,
    activityId: w.activityId,
    startedAt: '2026-11-16T08:00:00.000Z',
    endedAt: '2026-11-16T09:00:00.000Z',
    urgency: 'normal',
    location: 'remote',
    description: 'Mise à jour du pare-feu',
    billable: true,
  }),
  'PATCH /api/interventions/{id}': () => ({ description: 'Sauvegarde vérifiée' }),
  'POST /api/articles': (c) => ({
    title: 'Vérifier les sauvegardes',
    bodyMarkdown: 'Ouvrez le NAS.',
    tags: [],
    published: true,
    clientIds: [c.client.id],
  }),
  'PATCH /api/articles/{id}': () => ({ tags: ['réseau'] }),
  'PUT /api/knowledge/synonyms': () => ({ groups: [{ expressions: ['wifi', 'wi-fi'] }] }),
  'POST /api/coaching/articles': () => ({ from: '2026-09-01', to: '2026-11-30', key: 'sauvegard' }),
  'POST /api/trainings': (c) => ({
    contractId: c.contract.id,
    topic: 'Sauvegardes',
    startedAt: '2026-11-20T14:00:00+01:00',
    durationMinutes: 60,
    attendeeIds: [c.user.id],
  }),
  'POST /api/invoices/drafts': (c) => ({
    contractId: c.contract.id,
    periodStart: '2026-09-01',
    periodEnd: '2026-09-30',
  }),
  'PATCH /api/invoices/{id}': () => ({ notes: 'Merci de votre confiance' }),
  'POST /api/invoices/{id}/payments': () => ({
    amountCents: 1000,
    paidOn: '2026-11-25',
    method: 'transfer',
  }),
  'POST /api/invoices/{id}/credit-notes': () => ({ lines: [{ lineIndex: 0, amountCents: 500 }] }),
  'POST /api/invoices/send': () => ({ from: '2026-09-01', to: '2026-09-30' }),
};

/**
 * Bodies that name the caller's own contract beside one object of the other company: the other
 * company's object must still answer 404.
 */
const MIXED: Record<string, (own: Company, other: Company) => Body> = {
  'POST /api/requests/deflections': (own, other) => ({
    contractId: own.contract.id,
    articleId: other.article.id,
    query: 'imprimante',
  }),
  'POST /portal/deflections': (own, other) => ({
    contractId: own.contract.id,
    articleId: other.article.id,
    query: 'imprimante',
  }),
};

/** Forms of the page routes a client user may post, naming the target company's objects. */
const PAGE_FORMS: Record<string, Recipe> = {
  'POST /portal/requests': (c) => ({
    contractId: c.contract.id,
    title: 'Écran noir au poste 3',
    description: 'Depuis ce matin',
    urgency: 'normal',
  }),
  'POST /portal/deflections': (c) => ({
    contractId: c.contract.id,
    articleId: c.article.id,
    query: 'imprimante',
  }),
  'POST /portal/requests/:id/comments': () => ({ body: 'Toujours en panne ce matin.' }),
};

/** Query values beside the documented examples: periods holding the scenario's data. */
const QUERY: Record<string, Record<string, string>> = {
  'GET /api/requests/suggestions': { q: 'imprimante' },
  'GET /api/reports/workload': { from: '2026-10-01', to: '2026-11-30' },
  'GET /api/reports/clients/{clientId}': { from: '2026-09', to: '2026-11' },
  'GET /api/coaching/topics': { from: '2026-09-01', to: '2026-11-30' },
  'GET /api/clients/{id}/autonomy': { from: '2026-09', to: '2026-11' },
  'GET /api/contracts/{id}/usage': { month: '2026-11' },
  'POST /api/interventions/import': { source: 'toggl', dryRun: 'true' },
  'GET /api/exports/invoices.csv': { from: '2026-11-01', to: '2026-11-30' },
  'GET /api/exports/fec': { from: '2026-11-01', to: '2026-11-30' },
  'GET /api/exports/invoices.zip': { from: '2026-11-01', to: '2026-11-30' },
  'GET /portal/kb': { q: 'imprimante' },
  'GET /accounting': { from: '2026-11-01', to: '2026-11-30' },
  'GET /accounting/exports/invoices.csv': { from: '2026-11-01', to: '2026-11-30' },
  'GET /accounting/exports/invoices.zip': { from: '2026-11-01', to: '2026-11-30' },
  'GET /accounting/exports/fec': { from: '2026-11-01', to: '2026-11-30' },
  'GET /console/reports': { from: '2026-11-01', to: '2026-11-30' },
  'GET /console/week': { date: '2026-11-04' },
};

/** Query parameters that name a company's objects: lists are also asked for the target's. */
const FILTERS: Record<string, (c: Company) => string> = {
  clientId: (c) => c.client.id,
  contractId: (c) => c.contract.id,
  requestId: (c) => c.requests[0].id,
};

/**
 * Signing out ends every token of the caller: refused to a caller not signed in, and called by
 * the consultant as the very last call of the matrix.
 */
const ENDS_SESSION = new Set(['POST /api/auth/logout']);

/** Answers that stand for success until a feature lands (404 with their code): none now. */
const NOT_YET: Record<string, string> = {};

/**
 * Refusals by the object's state, once it was found visible: the request the matrix names is in
 * progress (answered), and only an open request can be cancelled; a draft has no Factur-X XML.
 */
const REFUSED_BY_STATE: Record<string, string> = {
  'POST /api/requests/{id}/cancel': 'conflict.request_not_open',
  // The matrix's message waits (no SMTP server): there is nothing to retry, and once cancelled
  // it cannot be cancelled again.
  'POST /api/outbox/{id}/retry': 'conflict.outbox_not_failed',
  'POST /api/outbox/{id}/cancel': 'conflict.outbox_not_pending',
  // The matrix's requests make no recurring topic, and its practice has no training activity.
  'POST /api/coaching/articles': 'not_found.topic',
  'POST /api/trainings': 'rule.no_training_activity',
  'GET /api/invoices/{id}/facturx.xml': 'conflict.facturx_draft',
};

/**
 * Pages of a file the practice the matrix builds does not have: 404 once the role let the caller
 * through (the logo's image; the page says there is no logo).
 */
const ABSENT_FILES = new Set(['GET /console/settings/identity/logo']);

/** Path parameters that name no object. */
const LITERALS: Record<string, string> = { 'lang/:code': 'fr' };

/** Resource words of page paths that differ from the API's. */
const ALIASES: Record<string, string> = { kb: 'articles' };

interface Target {
  what: string;
  id: string;
}

/** A company's objects by the resource word of the paths that name them. */
function objectsOf(c: Company, w: TenantWorld): Record<string, Target[]> {
  const its = (what: string, id: string): Target => ({ what: `${c.key}'s ${what}`, id });
  return {
    users: [its('staff member', c.user.id)],
    clients: [its('company', c.client.id)],
    contracts: [its('contract', c.contract.id)],
    requests: [its('request', c.requests[0].id)],
    interventions: [
      its('invoiced work', c.interventions[0].id),
      its('work on a draft', c.interventions[2].id),
    ],
    invoices: [
      its('invoice', c.invoice.id),
      its('credit note', c.creditNote.id),
      its('draft', c.draft.id),
    ],
    articles: [its('article', c.article.id)],
    alerts: [its('alert', c.alerts[0])],
    // Kinds of work belong to the practice, not to a company.
    activities: [{ what: "the practice's activity", id: w.activityId }],
    // The outbox is the practice's: its messages are the consultant's to see.
    outbox: [{ what: "the practice's message", id: OUTBOX_MESSAGE_ID }],
  };
}
/** A message waiting in the outbox, for the routes that name one. */
const OUTBOX_MESSAGE_ID = '0d5f3a9e-7c1b-4e2a-9f6d-3b8c1a2e4f70';
async function queueMessage(t: TestApp): Promise<void> {
  const repo = t.dataSource.getRepository(OutboxMessage);
  const now = t.clock.now();
  await repo.save(
    repo.create({
      id: OUTBOX_MESSAGE_ID,
      kind: 'digest',
      recipient: 'camille@example.fr',
      recipientName: null,
      userId: null,
      clientId: null,
      locale: 'fr',
      subject: 'Récapitulatif',
      textBody: 'Récapitulatif\n',
      htmlBody: '<p>Récapitulatif</p>',
      headers: {},
      attachments: [],
      links: [],
      essential: false,
      dedupeKey: null,
      status: 'pending',
      notBefore: now,
      nextAttemptAt: now,
      attempts: 0,
      lastError: null,
      claimedBy: null,
      claimedUntil: null,
      sentAt: null,
      createdAt: now,
    }),
  );
}
const PRACTICE_WIDE = new Set(['activities', 'outbox']);

/** Everything of a company a caller from elsewhere must never be shown: ids, names, numbers. */
function markersOf(c: Company): Map<string, string> {
  const markers = new Map<string, string>();
  const add = (what: string, ...values: string[]) => {
    for (const v of values) markers.set(v, `${c.key}'s ${what}`);
  };
  add('name', c.client.name, c.word);
  add('contract', c.contract.id, c.contract.reference, c.contract.title);
  add('client id', c.client.id);
  add('staff member', c.user.id, c.user.email);
  add('request', ...c.requests.flatMap((r) => [r.id, r.title]));
  add('comment', ...c.comments.flatMap((r) => [r.id, r.body]));
  add('work', ...c.interventions.flatMap((r) => [r.id, r.description]));
  add('invoice', c.invoice.id, c.invoice.number, c.payment.id, c.draft.id);
  add('credit note', c.creditNote.id, c.creditNote.number);
  add('quota unit', ...c.quotaUnits);
  add('article', c.article.id, c.article.title);
  add('deflection', c.deflection.id, c.deflection.query);
  add('alert', ...c.alerts);
  return markers;
}

/** What the accountant is never shown (PRODUCT.md: no requests): titles and comments. */
function requestMarkersOf(c: Company): Map<string, string> {
  const markers = new Map<string, string>();
  for (const r of c.requests) markers.set(r.title, `${c.key}'s request title`);
  for (const r of c.comments) markers.set(r.body, `${c.key}'s comment`);
  return markers;
}

interface Caller {
  name: string;
  role: Role | null;
  token: string | null;
  /** The company a client user belongs to. */
  company: Company | null;
  /** What must never appear in an answer to this caller. */
  forbidden: Map<string, string>;
  web?: WebSession;
  email?: string;
}

interface Call {
  phase: string;
  caller: Caller;
  label: string;
  method: string;
  url: string;
  body?: Body;
  target: Company;
  what: string;
  /** The path or the body names one of the target company's objects. */
  addressed: boolean;
  page: boolean;
}

interface Answer {
  status: number;
  /** Headers and body, as text. */
  text: string;
  /** An error body's code and message. */
  code?: string;
  message?: string;
}

interface Verdict {
  call: Call;
  status: number;
  /** The answer shows something of the caller's own company. */
  showsOwn: boolean;
  problem: string | null;
  leak: string | null;
}

/** The page each caller lands on, whose forms carry a token for the next post. */
const HOME: Record<Role | 'anonymous', string> = {
  anonymous: '/login',
  client: '/portal',
  accountant: '/accounting',
  consultant: '/console',
};

const isSuccess = (status: number) => status >= 200 && status < 300;

describe('tenant isolation matrix: every route, every caller', () => {
  let t: TestApp;
  let w: TenantWorld;
  let operations: Operation[];
  let pageRoutes: RegisteredRoute[];
  let callers: Record<'anonymous' | 'consultant' | 'accountant' | 'clientA' | 'clientB', Caller>;
  const verdicts: Verdict[] = [];
  let calls = 0;

  beforeAll(async () => {
    t = await startTestApp({}, { now: NOW });
    w = await tenantWorld(t);
    await queueMessage(t);
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    operations = operationsOf(doc);
    const printed = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
    pageRoutes = registeredRoutes(printed).filter((r) => isPagePath(r.path));
    const both = new Map([...markersOf(w.a), ...markersOf(w.b)]);
    callers = {
      anonymous: { name: 'anonymous', role: null, token: null, company: null, forbidden: both },
      consultant: {
        name: 'the consultant',
        role: C,
        token: w.consultant.token,
        company: null,
        forbidden: new Map(),
        email: w.consultant.email,
      },
      accountant: {
        name: 'the accountant',
        role: ACC,
        token: w.accountant.token,
        company: null,
        forbidden: new Map([...requestMarkersOf(w.a), ...requestMarkersOf(w.b)]),
        email: w.accountant.email,
      },
      clientA: staff(w.a, w.b),
      clientB: staff(w.b, w.a),
    };
    for (const caller of Object.values(callers)) {
      caller.web = new WebSession(t);
      if (caller.email) {
        const signedIn = await caller.web.signIn(caller.email, PASSWORD);
        expect(signedIn.status).toBe(303);
      } else await caller.web.get('/login');
    }
  });

  afterAll(async () => {
    const leaks = verdicts.filter((v) => v.leak).length;
    const problems = verdicts.filter((v) => v.problem).length;
    console.log(
      `tenant matrix: ${operations?.length ?? 0} API operations and ${pageRoutes?.length ?? 0} page routes, ` +
        `5 callers, ${calls} calls, ${leaks} leaks, ${problems} other departures`,
    );
    await t?.close();
  });

  const staff = (own: Company, other: Company): Caller => ({
    name: `client ${own.key}`,
    role: CL,
    token: own.user.token,
    company: own,
    forbidden: markersOf(other),
    email: own.user.email,
  });

  function isPagePath(path: string): boolean {
    // '*' routes are catch-alls (static files, not-found), not pages.
    return !path.startsWith('/api') && !path.startsWith('/assets') && !path.includes('*');
  }

  const grantsOf = (call: Call) => (call.page ? PAGES : ACCESS)[call.label];

  /** Required query values: the override, else the documented example. */
  function queryOf(op: Operation): Record<string, string> | null {
    const query: Record<string, string> = { ...QUERY[op.label] };
    for (const p of op.query.filter((q: Schema) => q.required)) {
      const example = p.example ?? p.schema?.example;
      if (query[p.name] === undefined && example === undefined) return null;
      query[p.name] ??= String(example);
    }
    return query;
  }

  /** Every way to fill a path's parameters with a company's objects, or null if one cannot be. */
  function fillings(
    path: string,
    params: string[],
    target: Company,
  ): { values: Record<string, string>; what: string }[] | null {
    const objects = objectsOf(target, w);
    let combos = [{ values: {} as Record<string, string>, what: '' }];
    for (const param of params) {
      const literal = Object.entries(LITERALS).find(([p]) => path.includes(p));
      if (literal) {
        combos = combos.map((c) => ({ ...c, values: { ...c.values, [param]: literal[1] } }));
        continue;
      }
      const word = resourceOf(path, param);
      const found = objects[ALIASES[word] ?? word];
      if (!found?.length) return null;
      combos = combos.flatMap((c) =>
        found.map((o) => ({
          values: { ...c.values, [param]: o.id },
          what: c.what ? `${c.what}, ${o.what}` : o.what,
        })),
      );
    }
    return combos.map((c) => ({ ...c, what: c.what || 'nothing in the path' }));
  }

  function tenantIdsOf(target: Company): string[] {
    return Object.entries(objectsOf(target, w))
      .filter(([word]) => !PRACTICE_WIDE.has(word))
      .flatMap(([, objects]) => objects.map((o) => o.id));
  }

  const withQuery = (path: string, query: Record<string, string>) => {
    const qs = new URLSearchParams(query).toString();
    return qs ? `${path}?${qs}` : path;
  };

  /** The calls of one operation by one caller on the target company's objects. */
  function apiCalls(phase: string, op: Operation, caller: Caller, target: Company): Call[] {
    const grants = ACCESS[op.label];
    // An operation missing from the table fails the first test; the others go on without it.
    if (!grants) return [];
    const allowed =
      grants.includes('public') || (caller.role !== null && grantsAllow(grants, caller.role));
    const query = queryOf(op) ?? {};
    const ids = tenantIdsOf(target);
    return (fillings(op.path, op.params, target) ?? []).flatMap(({ values, what }) => {
      const path = fillPath(op.path, values);
      const recipe = allowed ? BODIES[op.label] : undefined;
      const body = op.hasBody ? (recipe?.(target, w) ?? {}) : undefined;
      const sent = path + JSON.stringify(body ?? '');
      const base = {
        phase,
        caller,
        label: op.label,
        method: op.method,
        body,
        target,
        what,
        addressed: ids.some((id) => sent.includes(id)),
        page: false,
      };
      const calls: Call[] = [{ ...base, url: withQuery(path, query) }];
      const filters = op.query.filter((q: Schema) => FILTERS[q.name]);
      if (op.method === 'get' && op.params.length === 0 && filters.length > 0) {
        const named = Object.fromEntries(
          filters.map((q: Schema) => [q.name, FILTERS[q.name](target)]),
        );
        calls.push({
          ...base,
          what: `filtered by ${target.key}'s ${Object.keys(named).join(', ')}`,
          url: withQuery(path, { ...query, ...named }),
        });
      }
      return calls;
    });
  }

  function pageCalls(phase: string, label: string, caller: Caller, target: Company): Call[] {
    const [method, path] = label.split(' ');
    const grants = PAGES[label];
    const allowed = caller.role !== null && grantsAllow(grants, caller.role);
    const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const ids = tenantIdsOf(target);
    return (fillings(path, params, target) ?? []).map(({ values, what }) => {
      const filled = fillPath(path, values);
      const body =
        method === 'POST'
          ? allowed && PAGE_FORMS[label]
            ? PAGE_FORMS[label](target, w)
            : {}
          : undefined;
      const query =
        label === 'GET /portal/requests/new'
          ? { contractId: target.contract.id, q: 'imprimante' }
          : (QUERY[label] ?? {});
      // A query value is a hint (a contract preselected in a form), not an object asked for.
      const sent = filled + JSON.stringify(body ?? '');
      return {
        phase,
        caller,
        label,
        method: method.toLowerCase(),
        url: withQuery(filled, query),
        body,
        target,
        what,
        addressed: ids.some((id) => sent.includes(id)),
        page: true,
      };
    });
  }

  /** The MIXED bodies, posted by a client user with its own contract and the other's object. */
  function mixedCalls(caller: Caller, own: Company, other: Company): Call[] {
    return Object.entries(MIXED).map(([label, recipe]) => {
      const [method, path] = label.split(' ');
      return {
        phase: 'refusals',
        caller,
        label,
        method: method.toLowerCase(),
        url: path,
        body: recipe(own, other),
        target: other,
        what: `its own contract with ${other.key}'s article`,
        addressed: true,
        page: !path.startsWith('/api/'),
      };
    });
  }

  function grantsAllow(grants: readonly Grant[], role: Role): boolean {
    return grants.includes('self') || grants.includes(role);
  }

  async function send(call: Call): Promise<Answer> {
    if (call.page) return sendPage(call);
    let req = t.http()[call.method as 'get'](call.url);
    if (call.caller.token) req = req.set(...bearer(call.caller.token));
    if (call.body !== undefined) req = req.send(call.body);
    const res = await req.buffer(true).parse(binary);
    calls++;
    const body = Buffer.isBuffer(res.body) ? res.body.toString('utf8') : '';
    const error = /json/.test(String(res.headers['content-type'])) ? JSON.parse(body || '{}') : {};
    return {
      status: res.status,
      text: JSON.stringify(res.headers) + body,
      code: error.code,
      message: error.message,
    };
  }

  async function sendPage(call: Call): Promise<Answer> {
    const web = call.caller.web!;
    calls++;
    if (call.method === 'get') {
      const res = await web.get(call.url);
      return { status: res.status, text: JSON.stringify(res.headers) + (res.text ?? '') };
    }
    // A fresh form token from the caller's own home page, then the form.
    await web.get(HOME[call.caller.role ?? 'anonymous']);
    const form = Object.fromEntries(
      Object.entries(call.body ?? {}).map(([k, v]) => [k, String(v)]),
    );
    const res = await web.post(call.url, form);
    return { status: res.status, text: JSON.stringify(res.headers) + (res.text ?? '') };
  }

  /**
   * Holds an answer to PRODUCT.md: a leak is another company's data shown, or a success where a
   * refusal was due; a problem is any other departure (a 403 where a 404 is due, a 500…).
   */
  function judge(call: Call, answer: Answer, expectSuccess: boolean): Verdict {
    const { status } = answer;
    const { caller } = call;
    const grants = grantsOf(call);
    const own = caller.company ? markersOf(caller.company) : new Map<string, string>();
    const verdict: Verdict = {
      call,
      status,
      showsOwn: markersIn(answer.text, own, '').length > 0,
      problem: null,
      leak: null,
    };
    const seen = markersIn(
      answer.text,
      caller.forbidden,
      call.url + JSON.stringify(call.body ?? ''),
    );
    if (seen.length > 0) verdict.leak = `shows ${seen.join(', ')}`;
    const refuse = (due: number) => {
      if (isSuccess(status)) verdict.leak ??= `answers ${status} where ${due} is due`;
      else if (status !== due) verdict.problem = `answers ${status} where ${due} is due`;
    };
    const redirectsToLogin =
      (status === 302 || status === 303) && /"location":"\/login/.test(answer.text);
    if (status >= 500) verdict.problem = `answers ${status}`;
    else if (grants.includes('public')) return verdict;
    else if (caller.role === null) {
      if (call.page) {
        if (!redirectsToLogin)
          verdict.leak ??= `answers ${status} where a redirect to /login is due`;
      } else refuse(401);
    } else if (!grantsAllow(grants, caller.role)) refuse(403);
    else if (caller.role === CL && call.target !== caller.company && call.addressed) refuse(404);
    else if (HIDDEN(call)) refuse(404);
    else if (status === 404 && answer.code !== undefined && NOT_YET[call.label] === answer.code) {
      return verdict;
    } else if (answer.code !== undefined && REFUSED_BY_STATE[call.label] === answer.code) {
      return verdict;
    } else if (status === 404 && call.page && ABSENT_FILES.has(call.label)) {
      return verdict;
    } else if (caller.role === C && [401, 403, 404].includes(status)) {
      verdict.problem = `answers ${status} to the consultant, who may do everything`;
    } else if (expectSuccess && !isSuccess(status) && !(call.page && status === 303)) {
      verdict.problem = `answers ${status} where success is due`;
    }
    return verdict;
  }

  /** What a client user does not see even of its own company: drafts are not sent yet. */
  const HIDDEN = (call: Call) =>
    call.caller.role === CL &&
    call.target === call.caller.company &&
    call.url.includes(call.target.draft.id);

  async function run(calls: Call[], expectSuccess: (call: Call) => boolean): Promise<Verdict[]> {
    const out: Verdict[] = [];
    for (const call of calls) {
      const answer = await send(call);
      const verdict = judge(call, answer, expectSuccess(call));
      if (answer.status === 404 && !verdict.leak && isForeign(call)) {
        verdict.leak = await sameAsNowhere(call, answer);
      }
      out.push(verdict);
    }
    verdicts.push(...out);
    return out;
  }

  const isForeign = (call: Call) =>
    call.caller.role === CL && call.target !== call.caller.company && call.addressed;

  /**
   * Existence is not leaked: another company's object answers exactly as an id that exists
   * nowhere (same status, code and message). Null when it does, else what differs.
   */
  async function sameAsNowhere(call: Call, answer: Answer): Promise<string | null> {
    const fresh = new Map(tenantIdsOf(call.target).map((id) => [id, randomUUID()]));
    const swap = (text: string) => {
      let out = text;
      for (const [id, other] of fresh) out = out.split(id).join(other);
      return out;
    };
    const twin: Call = {
      ...call,
      url: swap(call.url),
      body: call.body === undefined ? undefined : JSON.parse(swap(JSON.stringify(call.body))),
    };
    const nowhere = await send(twin);
    const shape = (a: Answer) => `${a.status} ${a.code ?? ''} ${swap(a.message ?? '')}`;
    return shape(nowhere) === shape(answer)
      ? null
      : `answers "${shape(answer)}", but "${shape(nowhere)}" for an id that exists nowhere`;
  }

  const describeVerdict = (v: Verdict) =>
    `${v.call.label} (${v.call.what}) as ${v.call.caller.name}: ${v.leak ?? v.problem}`;

  it('finds every operation of the OpenAPI document in its access table, and fills every one', () => {
    const labels = operations.map((op) => op.label);
    expect(labels.length).toBeGreaterThan(60);
    expect(labels.filter((label) => !ACCESS[label])).toEqual([]);
    expect(Object.keys(ACCESS).filter((label) => !labels.includes(label))).toEqual([]);
    const unfilled = operations.flatMap((op) => {
      const why: string[] = [];
      if (!fillings(op.path, op.params, w.a)) why.push(`path ${op.params.join(', ')}`);
      if (!queryOf(op)) why.push('a required query value');
      if (op.hasBody && !BODIES[op.label]) why.push('a body');
      return why.length ? [`${op.label}: no ${why.join(', ')}`] : [];
    });
    expect(unfilled).toEqual([]);
  });

  it('lists every page route the server registers', () => {
    const registered = pageRoutes.map((r) => `${r.method} ${r.path}`).sort();
    expect(registered.length).toBeGreaterThan(30);
    expect(registered).toEqual(Object.keys(PAGES).sort());
    const unfilled = Object.keys(PAGES).filter((label) => {
      const path = label.split(' ')[1];
      const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      return !fillings(path, params, w.a);
    });
    expect(unfilled).toEqual([]);
  });

  describe('refusals and reads, which write nothing', () => {
    const refusals: Verdict[] = [];
    const changed: string[] = [];
    const of = (who: string) => refusals.filter((v) => v.call.caller.name === who);
    const departures = (list: Verdict[]) =>
      list.filter((v) => v.leak || v.problem).map(describeVerdict);

    beforeAll(async () => {
      const { anonymous, accountant, clientA, clientB } = callers;
      const plan: [Caller, Company, boolean][] = [
        [anonymous, w.a, true],
        [accountant, w.a, true],
        [clientB, w.a, true],
        [clientA, w.b, true],
        // A client user reading its own company: success, and nothing of the other.
        [clientA, w.a, false],
        [clientB, w.b, false],
      ];
      // The state is taken again after each caller's block, so a change names who made it.
      let state = await databaseState(t.dataSource);
      for (const [caller, target, all] of plan) {
        const calls: Call[] = [];
        for (const op of operations) {
          if (!all && isWrite(op.method)) continue;
          if (caller.role !== null && ENDS_SESSION.has(op.label)) continue;
          calls.push(...apiCalls('refusals', op, caller, target));
        }
        for (const label of Object.keys(PAGES)) {
          // Signing in, out and accepting invitations take credentials, not a company's objects.
          if (PAGES[label].includes('public') && label.startsWith('POST')) continue;
          if (!all && label.startsWith('POST')) continue;
          calls.push(...pageCalls('refusals', label, caller, target));
        }
        if (all && caller.company && caller.company !== target) {
          calls.push(...mixedCalls(caller, caller.company, target));
        }
        refusals.push(...(await run(calls, (call) => call.method === 'get')));
        const next = await databaseState(t.dataSource);
        const block = `${caller.name} on ${target.key}'s objects`;
        changed.push(...changedTables(state, next).map((change) => `${block}: ${change}`));
        state = next;
      }
    });

    it('answers 401 to a caller not signed in on every non-public operation, and sends pages to sign-in', () => {
      expect(of('anonymous').length).toBeGreaterThan(100);
      expect(departures(of('anonymous'))).toEqual([]);
    });

    it('gives the accountant only what PRODUCT.md grants it, and 403 elsewhere', () => {
      expect(departures(of('the accountant'))).toEqual([]);
      const read = of('the accountant').filter((v) => isSuccess(v.status));
      expect(read.map((v) => v.call.label)).toEqual(
        expect.arrayContaining([
          'GET /api/invoices/{id}',
          'GET /api/exports/fec',
          'GET /api/clients/{id}',
        ]),
      );
    });

    it("never lets client B reach company A's objects: 404 where its role may act, 403 elsewhere", () => {
      const foreign = of('client B').filter((v) => v.call.target === w.a);
      expect(foreign.length).toBeGreaterThan(100);
      expect(departures(foreign)).toEqual([]);
    });

    it("never lets client A reach company B's objects", () => {
      const foreign = of('client A').filter((v) => v.call.target === w.b);
      expect(departures(foreign)).toEqual([]);
    });

    it("shows each client user its own company's objects, and nothing of the other's", () => {
      const own = refusals.filter(
        (v) => v.call.caller.company !== null && v.call.target === v.call.caller.company,
      );
      expect(departures(own)).toEqual([]);
      // The lists a client reads do show its own data, so finding none of the other's means something.
      const lists = own.filter(
        (v) =>
          v.call.method === 'get' &&
          !v.call.addressed &&
          v.status === 200 &&
          !grantsOf(v.call).includes('public'),
      );
      expect(lists.length).toBeGreaterThan(20);
      expect(lists.filter((v) => !v.showsOwn).map((v) => `${v.call.label} ${v.call.url}`)).toEqual(
        [],
      );
    });

    it('leaves every table of the database as it was', () => {
      expect(changed).toEqual([]);
    });
  });

  it('lets a client user act on its own company with the same bodies the others were refused', async () => {
    const { clientA } = callers;
    const calls = [
      ...operations
        .filter((op) => isWrite(op.method) && ACCESS[op.label]?.includes(CL))
        .flatMap((op) => apiCalls('own writes', op, clientA, w.a)),
      ...Object.keys(PAGE_FORMS).flatMap((label) => pageCalls('own writes', label, clientA, w.a)),
      ...pageCalls('own writes', 'POST /portal/alerts/:id/acknowledge', clientA, w.a),
    ];
    const out = await run(calls, () => true);
    expect(out.length).toBeGreaterThan(5);
    expect(out.filter((v) => v.leak || v.problem).map(describeVerdict)).toEqual([]);
  });

  it("lets the consultant call every operation on company A's objects: no 401, 403 or 404", async () => {
    // Reads first, then writes, deletions, and bringing the deleted back; signing out last.
    const rank = (op: Operation) =>
      ENDS_SESSION.has(op.label)
        ? 4
        : op.path.endsWith('/restore')
          ? 3
          : op.method === 'get'
            ? 0
            : op.method === 'delete'
              ? 2
              : 1;
    const ordered = [...operations].sort((x, y) => rank(x) - rank(y));
    const calls = ordered.flatMap((op) => apiCalls('consultant', op, callers.consultant, w.a));
    const pages = Object.keys(PAGES)
      .filter((label) => label.startsWith('GET') && PAGES[label].includes(C))
      .flatMap((label) => pageCalls('consultant', label, callers.consultant, w.a));
    const out = await run(
      [...pages, ...calls],
      (call) => call.method === 'get' || ENDS_SESSION.has(call.label),
    );
    expect(out.length).toBeGreaterThan(100);
    expect(out.filter((v) => v.problem || v.leak).map(describeVerdict)).toEqual([]);
  });

  it('finds no leak in any call of the matrix', () => {
    expect(calls).toBeGreaterThan(900);
    expect(verdicts.filter((v) => v.leak).map(describeVerdict)).toEqual([]);
  });
});
