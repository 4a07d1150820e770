import { firstContinuityBreak, type ChainRow } from './chain-continuity';

const KEY = 'F{YYYY}-{SEQ:5}#2026';
const NOTES = 'AV{YYYY}-{SEQ:5}#2026';

/** Issued rows: invoices F2026-00001… and credit notes AV2026-00001… in chain order. */
function issued(...numbers: string[]): ChainRow[] {
  return numbers.map((number, k) => ({
    id: `id-${number}`,
    number,
    status: 'issued',
    seriesKey: number.startsWith('AV') ? NOTES : KEY,
    seq: Number(number.slice(-5)),
    chainSeq: k + 1,
    issueDate: '2026-11-02',
  }));
}

const counters = (invoices: number, notes = 0) =>
  new Map([[KEY, invoices], ...(notes > 0 ? [[NOTES, notes] as [string, number]] : [])]);

describe('firstContinuityBreak', () => {
  it('passes a gapless chain of two series', () => {
    const rows = issued('F2026-00001', 'F2026-00002', 'AV2026-00001', 'F2026-00003');
    expect(firstContinuityBreak(rows, counters(3, 1))).toBeNull();
  });

  it.each<[string, (rows: ChainRow[]) => ChainRow[], number, { position: number; number: string }]>(
    [
      [
        'a document deleted from the middle',
        (rows) => rows.filter((r) => r.number !== 'F2026-00002'),
        3,
        { position: 2, number: 'F2026-00003' },
      ],
      [
        'a number skipped in the series',
        (rows) =>
          rows.map((r) =>
            r.number === 'F2026-00003' ? { ...r, seq: 4, number: 'F2026-00004' } : r,
          ),
        4,
        { position: 3, number: 'F2026-00004' },
      ],
      [
        'an issued row slipped in without a chainSeq',
        (rows) => [
          ...rows,
          { ...rows[0], id: 'x', number: 'F2026-00099', seq: 99, chainSeq: null },
        ],
        3,
        { position: 4, number: 'F2026-00099' },
      ],
      [
        'a chainSeq on a draft',
        (rows) => rows.map((r) => (r.chainSeq === 2 ? { ...r, status: 'draft' } : r)),
        3,
        { position: 2, number: 'F2026-00002' },
      ],
      [
        'the last document deleted: the counter names the missing number',
        (rows) => rows.filter((r) => r.number !== 'F2026-00003'),
        3,
        { position: 2, number: 'F2026-00003' },
      ],
    ],
  )('names the first bad number: %s', (_, change, drawn, expected) => {
    const rows = change(issued('F2026-00001', 'F2026-00002', 'F2026-00003'));
    expect(firstContinuityBreak(rows, counters(drawn))).toEqual(expected);
  });
});
