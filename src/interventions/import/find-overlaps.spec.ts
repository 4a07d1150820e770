import fc from 'fast-check';
import { findOverlaps, workSpan } from './find-overlaps';

const PARIS = 'Europe/Paris';

/** Local Paris times on 2 November 2026 (UTC+1). */
function at(time: string, day = '2026-11-02'): Date {
  return new Date(`${day}T${time}:00+01:00`);
}

function entry(row: number, from: string, to: string) {
  return { row, start: at(from), end: at(to) };
}

describe('findOverlaps', () => {
  const existing = [
    { start: at('09:00'), end: at('10:00') },
    { start: at('14:00'), end: at('17:30') },
  ];

  it.each([
    ['inside an existing intervention', entry(2, '09:15', '09:45'), ['09:00', '10:00']],
    ['across its start', entry(2, '08:30', '09:01'), ['09:00', '10:00']],
    ['around it', entry(2, '13:00', '18:00'), ['14:00', '17:30']],
  ])('refuses a row %s, naming the recorded work in local time', async (_case, row, [from, to]) => {
    expect(await findOverlaps([row], existing, PARIS)).toEqual([
      {
        row: 2,
        code: 'overlaps_recorded',
        start: `2026-11-02T${from}`,
        end: `2026-11-02T${to}`,
      },
    ]);
  });

  it.each([
    ['just before', entry(2, '08:00', '09:00')],
    ['just after', entry(2, '10:00', '11:00')],
    ['between two', entry(2, '10:00', '14:00')],
  ])('accepts a row ending or starting exactly at a boundary: %s', async (_case, row) => {
    expect(await findOverlaps([row], existing, PARIS)).toEqual([]);
  });

  it('refuses the later of two overlapping rows of the file, whatever their order', async () => {
    const rows = [
      entry(5, '11:30', '12:00'),
      entry(3, '11:00', '11:45'),
      entry(4, '12:00', '13:00'),
    ];
    expect(await findOverlaps(rows, existing, PARIS)).toEqual([
      {
        row: 5,
        code: 'overlaps_row',
        otherRow: 3,
        start: '2026-11-02T11:00',
        end: '2026-11-02T11:45',
      },
    ]);
  });

  it('sees an overlap with a long row that started earlier', async () => {
    const rows = [
      entry(2, '10:00', '13:00'),
      entry(3, '10:30', '11:00'),
      entry(4, '12:00', '12:30'),
    ];
    expect((await findOverlaps(rows, [], PARIS)).map((error) => error.row)).toEqual([3, 4]);
  });

  it('names the days of an existing intervention past midnight', async () => {
    const night = [{ start: at('23:00', '2026-11-01'), end: at('01:00') }];
    expect(await findOverlaps([entry(2, '00:30', '02:00')], night, PARIS)).toEqual([
      { row: 2, code: 'overlaps_recorded', start: '2026-11-01T23:00', end: '2026-11-02T01:00' },
    ]);
  });

  it('flags exactly the rows a pairwise comparison flags', async () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 30 }))
      .map(([start, length]) => ({
        start: new Date(start * 60000),
        end: new Date((start + length) * 60000),
      }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(interval, { maxLength: 25 }),
        fc.array(interval, { maxLength: 10 }),
        async (found, recorded) => {
          const rows = found.map((slot, i) => ({ ...slot, row: i + 2 }));
          const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) =>
            a.start < b.end && b.start < a.end;
          const earlier = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
            a.start.getTime() < b.start.getTime() ||
            (a.start.getTime() === b.start.getTime() && a.row < b.row);
          const expected = rows
            .filter(
              (row) =>
                recorded.some((slot) => overlaps(row, slot)) ||
                rows.some((other) => earlier(other, row) && overlaps(other, row)),
            )
            .map((row) => row.row);
          const flagged = await findOverlaps(rows, recorded, 'UTC');
          expect(flagged.map((error) => error.row)).toEqual(expected);
        },
      ),
    );
  });
  it('lets other work run while it lists 20,000 overlaps (a file imported twice)', async () => {
    const base = at('08:00').getTime();
    const rows = Array.from({ length: 20_000 }, (_, n) => ({
      row: n + 2,
      start: new Date(base + n * 3_600_000),
      end: new Date(base + n * 3_600_000 + 2_700_000),
    }));
    const events: string[] = [];
    const worded = findOverlaps(rows, rows, PARIS).then((errors) => {
      events.push('worded');
      return errors;
    });
    setImmediate(() => events.push('another turn of the event loop'));
    const errors = await worded;
    expect(events).toEqual(['another turn of the event loop', 'worded']);
    expect(errors).toHaveLength(20_000);
    expect(errors[0]).toEqual({
      row: 2,
      code: 'overlaps_recorded',
      start: '2026-11-02T08:00',
      end: '2026-11-02T08:45',
    });
  });
});

describe('workSpan', () => {
  it('is null for no entries', () => {
    expect(workSpan([])).toBeNull();
  });

  it('spans from the earliest start to the latest end, whatever the order', () => {
    const rows = [
      entry(2, '10:00', '11:00'),
      entry(3, '08:30', '09:00'),
      entry(4, '09:00', '12:15'),
    ];
    expect(workSpan(rows)).toEqual({ first: at('08:30').getTime(), last: at('12:15').getTime() });
  });

  it('spans 500,000 entries (more than a call takes as arguments)', () => {
    const minute = 60_000;
    const base = at('00:00').getTime();
    const rows = Array.from({ length: 500_000 }, (_, n) => ({
      start: new Date(base + ((n * 7919) % 500_000) * minute),
      end: new Date(base + (((n * 7919) % 500_000) + 1) * minute),
    }));
    expect(workSpan(rows)).toEqual({ first: base, last: base + 500_000 * minute });
  });
});
