import { Repository } from 'typeorm';
import { Training } from '../src/coaching/training.entity';
import { createActivity, createUser } from './factories';
import { apiAs, startWorld, type World } from './support/world';

/**
 * A training and its work are one write: when the session's row cannot be kept, the work logged
 * for it is not kept either, and the consultant sees neither.
 */
describe('trainings: the session and its work, all or nothing', () => {
  let w: World;
  let attendees: string[];

  beforeAll(async () => {
    w = await startWorld({ now: '2026-07-03T10:00:00+02:00' });
    await createActivity(w.t, w.consultant, {
      name: 'Formation',
      kind: 'training',
      defaultRateCents: 12000,
    });
    const second = await createUser(w.t, w.consultant, 'client', w.client.id);
    attendees = [w.clientUser.id, second.id];
  });

  afterAll(() => w.t.close());

  const training = {
    topic: 'Étiquettes blanches sur la Zebra',
    startedAt: '2026-07-01T14:00:00+02:00',
    durationMinutes: 90,
  };

  it('keeps no work when the session cannot be written', async () => {
    const original = Repository.prototype.save;
    const save = jest.spyOn(Repository.prototype, 'save').mockImplementation(function (
      this: Repository<object>,
      ...args: unknown[]
    ) {
      if (this.metadata.target === Training) throw new Error('disk full');
      return (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    } as never);
    try {
      await apiAs(w.t, w.consultant)
        .post('/api/trainings', {
          ...training,
          contractId: w.contract.id,
          attendeeIds: attendees,
        })
        .expect(500);
    } finally {
      save.mockRestore();
    }
    const work = await apiAs(w.t, w.consultant).get('/api/interventions').expect(200);
    expect(work.body.total).toBe(0);
    const sessions = await apiAs(w.t, w.consultant).get('/api/trainings').expect(200);
    expect(sessions.body).toEqual({ items: [], total: 0 });
  });

  it('keeps both when it can, the session pointing at its work', async () => {
    const created = await apiAs(w.t, w.consultant)
      .post('/api/trainings', { ...training, contractId: w.contract.id, attendeeIds: attendees })
      .expect(201);
    const work = await apiAs(w.t, w.consultant).get('/api/interventions').expect(200);
    expect(work.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.interventionId]);
    expect(work.body.items[0].description).toBe('Formation : Étiquettes blanches sur la Zebra');
    const sessions = await apiAs(w.t, w.consultant).get('/api/trainings').expect(200);
    expect(sessions.body.items.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
  });
});
