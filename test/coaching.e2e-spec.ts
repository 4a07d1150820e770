import { DateTime } from 'luxon';
import { createActivity, createUser } from './factories';
import {
  CALENDAR,
  EXPORT,
  LABELS,
  NOISE,
  type ScenarioRequest,
} from './fixtures/coaching-requests';
import { addClient, apiAs, startPractice, type ClientScene, type Practice } from './support/world';

/**
 * Autonomy coaching on a seeded practice. January to June 2026: three client companies file
 * requests as staff write them, three recurring problems among noise (a calendar that will not
 * share, a label printer that prints blank, an ERP export that drops accents), and the
 * consultant answers them. The topics come out, an article is drafted from one and published,
 * a training is given on another; from July, the trend shows the difference.
 */

const ZONE = 'Europe/Paris';
const at = (day: string, time: string) =>
  DateTime.fromISO(`${day}T${time}`, { zone: ZONE }).toUTC().toISO()!;

/** Every third weekday from Monday 5 January 2026. */
function scheduleDays(count: number): string[] {
  const days: string[] = [];
  let day = DateTime.fromISO('2026-01-05', { zone: ZONE });
  let weekday = 0;
  while (days.length < count) {
    if (day.weekday <= 5) {
      if (weekday % 3 === 0) days.push(day.toISODate()!);
      weekday++;
    }
    day = day.plus({ days: 1 });
  }
  return days;
}

const MINUTES: Record<string, number> = { calendar: 20, labels: 30, export: 25, noise: 15 };

interface TopicBody {
  key: string;
  label: string;
  terms: string[];
  requests: number;
  urgentRequests: number;
  falseUrgencies: number;
  minutes: number;
  amountCents: number;
  clients: Array<{ clientId: string; requests: number; staff: number; staffIds: string[] }>;
  requestIds: string[];
  articleIds: string[];
  trend: { direction: string; months: Array<{ month: string; requests: number }> };
  suggestion: Record<string, unknown>;
}

interface Detail {
  field: string;
}

interface Staff {
  token: string;
  id: string;
}

describe('coaching: recurring topics, articles, trainings and the autonomy trend', () => {
  let p: Practice;
  let alpha: ClientScene;
  let beta: ClientScene;
  let gamma: ClientScene;
  const staff: Record<string, Staff> = {};
  let supportId: string;
  let trainingActivityId: string;
  let exportArticleId: string;
  const filed: Record<string, string[]> = { calendar: [], labels: [], export: [], noise: [] };
  let topics: TopicBody[];
  const H1 = { from: '2026-01-01', to: '2026-06-30' };

  const contractOf = (who: string) =>
    (who.startsWith('a') ? alpha : who.startsWith('b') ? beta : gamma).contract.id;

  async function file(who: string, when: string, request: ScenarioRequest, urgency = 'normal') {
    p.t.clock.set(at(when, '09:00'));
    const res = await apiAs(p.t, staff[who].token)
      .post('/api/requests', {
        contractId: contractOf(who),
        title: request.title,
        description: request.description,
        urgency,
      })
      .expect(201);
    return res.body.id as string;
  }

  async function answer(requestId: string, who: string, when: string, request: ScenarioRequest) {
    if (!request.answer) return;
    p.t.clock.set(at(when, '12:00'));
    const start = DateTime.fromISO(at(when, '10:00'));
    await apiAs(p.t, p.consultant)
      .post('/api/interventions', {
        contractId: contractOf(who),
        requestId,
        activityId: supportId,
        startedAt: start.toISO(),
        endedAt: start.plus({ minutes: MINUTES[request.problem] }).toISO(),
        urgency: 'normal',
        location: 'remote',
        description: request.answer,
        billable: true,
      })
      .expect(201);
  }

  beforeAll(async () => {
    p = await startPractice({ now: '2025-12-15T10:00:00+01:00' });
    // Quotas without limits: the scenario is about topics, not about the urgency policy.
    const unlimited = { urgencyPolicy: { levels: { high: { monthlyQuota: null } } } };
    alpha = await addClient(p, { clientName: 'Alpha Logistique', contract: unlimited });
    beta = await addClient(p, { clientName: 'Beta Conseil', contract: unlimited });
    gamma = await addClient(p, { clientName: 'Gamma Santé', contract: unlimited });
    staff.a1 = alpha.clientUser;
    staff.b1 = beta.clientUser;
    staff.g1 = gamma.clientUser;
    for (const [key, scene] of [
      ['a2', alpha],
      ['a3', alpha],
      ['a4', alpha],
      ['b2', beta],
      ['g2', gamma],
    ] as const) {
      staff[key] = await createUser(p.t, p.consultant, 'client', scene.client.id);
    }
    supportId = (await createActivity(p.t, p.consultant)).id;
    trainingActivityId = (
      await createActivity(p.t, p.consultant, {
        name: 'Formation',
        kind: 'training',
        defaultRateCents: 12000,
      })
    ).id;
    // An article on the export already exists: people still file about it.
    exportArticleId = (
      await apiAs(p.t, p.consultant)
        .post('/api/articles', {
          title: 'Exporter de l’ERP vers Excel sans perdre les accents',
          bodyMarkdown:
            'Dans Excel, ouvrez l’export de l’ERP par **Données > À partir d’un fichier texte** et choisissez l’encodage UTF-8 : les accents restent.',
          tags: ['export', 'excel', 'erp'],
          published: true,
        })
        .expect(201)
    ).body.id;

    const who: Record<string, string[]> = {
      calendar: ['b1', 'g1', 'b2', 'g2', 'b1', 'g1', 'a1', 'b2'],
      labels: ['a1', 'a2', 'a3', 'a4', 'a1', 'a2', 'a3'],
      export: ['b1', 'g2', 'a2', 'b1', 'g2', 'a2'],
      noise: [
        'a4',
        'b2',
        'g1',
        'a3',
        'b1',
        'g2',
        'a1',
        'b2',
        'g1',
        'a4',
        'b1',
        'g2',
        'a2',
        'b2',
        'g1',
      ],
    };
    const sequence: Array<{ request: ScenarioRequest; who: string }> = [];
    for (let k = 0; k < 8; k++) {
      for (const list of [CALENDAR, LABELS, EXPORT]) {
        if (list[k]) sequence.push({ request: list[k], who: who[list[k].problem][k] });
      }
      for (const n of [2 * k, 2 * k + 1]) {
        if (NOISE[n]) sequence.push({ request: NOISE[n], who: who.noise[n] });
      }
    }
    const days = scheduleDays(sequence.length);
    for (const [k, { request, who: by }] of sequence.entries()) {
      // One label request is filed as urgent, and the consultant calls it a false urgency.
      const urgent = request === LABELS[5];
      const id = await file(by, days[k], request, urgent ? 'high' : 'normal');
      filed[request.problem].push(id);
      if (urgent) {
        await apiAs(p.t, p.consultant)
          .patch(`/api/requests/${id}`, {
            urgency: 'normal',
            reclassificationReason: 'Les expéditions partent à la main en attendant',
          })
          .expect(200);
      }
      await answer(id, by, days[k], request);
    }
    p.t.clock.set('2026-06-30T16:00:00+02:00');
    topics = (await apiAs(p.t, p.consultant).get('/api/coaching/topics').query(H1).expect(200)).body
      .items;
  });

  afterAll(() => p.t.close());

  it('finds the three recurring problems as the top topics, with their counts', () => {
    const top = topics.slice(0, 3);
    expect(top.map((topic) => topic.requests)).toEqual([8, 7, 6]);
    expect(top.map((topic) => [...topic.requestIds].sort())).toEqual([
      [...filed.calendar].sort(),
      [...filed.labels].sort(),
      [...filed.export].sort(),
    ]);
    expect(topics.slice(3).every((topic) => topic.requests < 3)).toBe(true);
    expect(top[0].terms).toEqual(expect.arrayContaining(['calendrier', 'partage']));
    expect(top[1].terms).toEqual(expect.arrayContaining(['etiquettes', 'zebra']));
    expect(top[2].terms).toEqual(expect.arrayContaining(['export', 'accents']));
  });

  it('says what to do with each: write an article, offer a training, improve the article', () => {
    const [calendar, labels, exported] = topics;
    expect(calendar.suggestion).toEqual({ kind: 'write_article' });
    expect(calendar.articleIds).toEqual([]);
    // Four of Alpha's staff filed seven times, half an hour each.
    expect(labels.suggestion).toEqual({
      kind: 'offer_training',
      clientId: alpha.client.id,
      minutesCost: 7 * 30,
      sessionMinutes: 120,
    });
    expect(exported.suggestion).toEqual({ kind: 'improve_article', articleId: exportArticleId });
    expect(exported.articleIds).toEqual([exportArticleId]);
  });

  it('counts the work, the cost, the clients, their staff, urgencies and the trend', () => {
    const [calendar, labels] = topics;
    expect(calendar.minutes).toBe(8 * 20);
    expect(calendar.clients.map((c) => [c.clientId, c.requests, c.staff])).toEqual(
      [
        [beta.client.id, 4, 2],
        [gamma.client.id, 3, 2],
        [alpha.client.id, 1, 1],
      ].sort(
        (x, y) => (y[1] as number) - (x[1] as number) || String(x[0]).localeCompare(String(y[0])),
      ),
    );
    expect(labels.urgentRequests).toBe(1);
    expect(labels.falseUrgencies).toBe(1);
    expect(labels.amountCents).toBeGreaterThan(0);
    expect(labels.trend.months.map((m: { month: string; requests: number }) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(
      labels.trend.months.reduce((s: number, m: { requests: number }) => s + m.requests, 0),
    ).toBe(7);
  });

  it('gives the same topics from one run to the next', async () => {
    const again = await apiAs(p.t, p.consultant).get('/api/coaching/topics').query(H1).expect(200);
    expect(again.body.items).toEqual(topics);
  });

  it("keeps to one client's requests when asked", async () => {
    const res = await apiAs(p.t, p.consultant)
      .get('/api/coaching/topics')
      .query({ ...H1, clientId: alpha.client.id })
      .expect(200);
    expect(res.body.items[0].requestIds.sort()).toEqual([...filed.labels].sort());
    expect(
      res.body.items.every((topic: TopicBody) =>
        topic.clients.every((c) => c.clientId === alpha.client.id),
      ),
    ).toBe(true);
  });

  it('refuses a bad period, naming the field, and an unknown client', async () => {
    const bad = await apiAs(p.t, p.consultant)
      .get('/api/coaching/topics')
      .query({ from: '2026-13-01', to: '2026-06-30' })
      .expect(400);
    expect(bad.body.details.map((d: Detail) => d.field)).toEqual(['from']);
    await apiAs(p.t, p.consultant)
      .get('/api/coaching/topics')
      .query({ ...H1, clientId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
  });

  describe('then an article and a training', () => {
    let articleId: string;
    let training: { id: string; clientId: string; interventionId: string; amountCents: number };

    beforeAll(async () => {
      const [calendar, labels] = topics;
      const draft = await apiAs(p.t, p.consultant)
        .post('/api/coaching/articles', { ...H1, key: calendar.key })
        .expect(201);
      articleId = draft.body.id;
      expect(draft.body.published).toBe(false);
      await apiAs(p.t, p.consultant)
        .patch(`/api/articles/${articleId}`, { published: true })
        .expect(200);

      p.t.clock.set('2026-07-01T17:00:00+02:00');
      training = (
        await apiAs(p.t, p.consultant)
          .post('/api/trainings', {
            contractId: alpha.contract.id,
            topic: labels.label,
            topicKey: labels.key,
            terms: labels.terms,
            startedAt: '2026-07-01T14:00:00+02:00',
            durationMinutes: 120,
            attendeeIds: labels.clients[0].staffIds,
          })
          .expect(201)
      ).body;

      // July to September: Beta and Gamma find the calendar article instead of filing; Alpha's
      // labels print; each company still files a few other things.
      const later: Array<[string, string, string]> = [
        ['b1', '2026-07-06', 'partage calendrier'],
        ['g1', '2026-07-15', 'calendrier partagé'],
        ['b2', '2026-08-04', 'partager mon calendrier'],
        ['b1', '2026-08-19', 'calendrier collegue'],
        ['g2', '2026-09-08', 'partage cal'],
        ['b2', '2026-09-22', 'calendrier outlook partage'],
      ];
      for (const [who, day, query] of later) {
        p.t.clock.set(at(day, '11:00'));
        await apiAs(p.t, staff[who].token)
          .post('/api/requests/deflections', { contractId: contractOf(who), articleId, query })
          .expect(201);
      }
      const other: Array<[string, string, ScenarioRequest]> = [
        [
          'b1',
          '2026-07-09',
          {
            problem: 'noise',
            title: 'commande de toner',
            description: 'plus de toner noir pour le copieur',
          },
        ],
        [
          'a1',
          '2026-07-21',
          {
            problem: 'noise',
            title: 'ecran externe scintille',
            description: 'le deuxieme ecran clignote',
          },
        ],
        [
          'b2',
          '2026-08-11',
          {
            problem: 'noise',
            title: 'acces extranet fournisseur',
            description: 'identifiant refusé sur l extranet',
          },
        ],
        [
          'g1',
          '2026-08-25',
          {
            problem: 'noise',
            title: 'cle usb non reconnue',
            description: 'la clé du client ne s ouvre pas',
          },
        ],
        [
          'a3',
          '2026-09-03',
          {
            problem: 'noise',
            title: 'raccourci disparu',
            description: 'l icone du logiciel de paie a disparu du bureau',
          },
        ],
        [
          'b1',
          '2026-09-15',
          {
            problem: 'noise',
            title: 'veille trop rapide',
            description: 'le pc se met en veille au bout de 2 minutes',
          },
        ],
      ];
      for (const [who, day, request] of other) await file(who, day, request);
      p.t.clock.set('2026-09-30T18:00:00+02:00');
    });

    it('drafts the article from what staff asked and what the consultant answered', async () => {
      const article = await apiAs(p.t, p.consultant).get(`/api/articles/${articleId}`).expect(200);
      expect(article.body.title).toBe(topics[0].label);
      expect(article.body.bodyMarkdown).toContain('- pb partage cal');
      expect(article.body.bodyMarkdown).toContain(
        '- Partage du calendrier refait depuis Outlook web',
      );
      expect(article.body.bodyMarkdown).toContain('## Ce qui a résolu le problème');
    });

    it('logs the training as billable work of the training activity, "Formation : <topic>"', async () => {
      expect(training.clientId).toBe(alpha.client.id);
      const work = await apiAs(p.t, p.consultant)
        .get(`/api/interventions/${training.interventionId}`)
        .expect(200);
      expect(work.body.activityId).toBe(trainingActivityId);
      expect(work.body.description).toBe(`Formation : ${topics[1].label}`);
      expect(work.body.billable).toBe(true);
      expect(work.body.durationMinutes).toBe(120);
      expect(work.body.amountCents).toBeGreaterThan(0);
      expect(training.amountCents).toBe(work.body.amountCents);
    });

    it("measures the topic's requests before and after the session", async () => {
      const res = await apiAs(p.t, p.consultant).get('/api/trainings').expect(200);
      expect(res.body.total).toBe(1);
      const { measure } = res.body.items[0];
      expect(measure.beforeRequests).toBeGreaterThan(0);
      expect(measure.afterRequests).toBe(0);
      expect(measure.after).toBeLessThan(measure.before);
    });

    it("shows Beta's deflection rate up and its repeat rate down", async () => {
      const trend = (months: { from: string; to: string }) =>
        apiAs(p.t, staff.b1.token)
          .get(`/api/clients/${beta.client.id}/autonomy`)
          .query(months)
          .expect(200)
          .then((res) => res.body);
      const before = await trend({ from: '2026-01', to: '2026-06' });
      const after = await trend({ from: '2026-07', to: '2026-09' });
      expect(before.totals.deflections).toBe(0);
      expect(after.totals.deflections).toBe(4);
      expect(after.totals.deflectionRate).toBeGreaterThan(before.totals.deflectionRate);
      expect(before.totals.repeats).toBeGreaterThan(0);
      expect(after.totals.repeatRate).toBeLessThan(before.totals.repeatRate);
      expect(after.totals.minutesSaved).toBeGreaterThan(0);
      expect(after.months.map((m: { month: string; requests: number }) => m.month)).toEqual([
        '2026-07',
        '2026-08',
        '2026-09',
      ]);
    });

    it("keeps each company's figures to itself (404)", async () => {
      await apiAs(p.t, staff.b1.token)
        .get(`/api/clients/${alpha.client.id}/autonomy`)
        .query({ from: '2026-01', to: '2026-09' })
        .expect(404);
      await apiAs(p.t, staff.b1.token).get('/api/coaching/topics').query(H1).expect(403);
      const theirs = await apiAs(p.t, staff.b1.token).get('/api/trainings').expect(200);
      expect(theirs.body).toEqual({ items: [], total: 0 });
      const asked = await apiAs(p.t, staff.b1.token)
        .get('/api/trainings')
        .query({ clientId: alpha.client.id })
        .expect(200);
      expect(asked.body.items).toEqual([]);
      const own = await apiAs(p.t, staff.a2.token).get('/api/trainings').expect(200);
      expect(own.body.items.map((t: { id: string }) => t.id)).toEqual([training.id]);
    });

    it('refuses a training for people who are not the client’s staff, and bad input', async () => {
      const strangers = await apiAs(p.t, p.consultant)
        .post('/api/trainings', {
          contractId: alpha.contract.id,
          topic: 'Étiquettes',
          startedAt: '2026-09-29T14:00:00+02:00',
          durationMinutes: 60,
          attendeeIds: [staff.b1.id],
        })
        .expect(400);
      expect(strangers.body.code).toBe('invalid.attendeeIds');
      const bad = await apiAs(p.t, p.consultant)
        .post('/api/trainings', { contractId: alpha.contract.id, durationMinutes: 5 })
        .expect(400);
      expect(bad.body.details.map((d: Detail) => d.field).sort()).toEqual(
        ['attendeeIds', 'durationMinutes', 'startedAt', 'topic'].sort(),
      );
    });
  });
});
