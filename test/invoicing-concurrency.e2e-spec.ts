import type { Contract } from '../src/contracts/contract.entity';
import { startTestApp, TestApp } from './app';
import { bearer, createClient, setupConsultant } from './factories';
import { insertContract, insertManualDrafts } from './factories/invoicing';
import { startServerProcess, type ServerProcess } from './support/server-process';

interface Row {
  id: string;
  status: string;
  number: string | null;
  seq: number | null;
  chainSeq: number | null;
  hash: string | null;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k + 1);

describe('invoice numbering under load', () => {
  let t: TestApp;
  let token: string;
  let contract: Contract;
  let year: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await setupConsultant(t);
    const client = await createClient(t, token);
    contract = await insertContract(t, client.id);
  });
  afterAll(() => t.close());

  async function rows(): Promise<Row[]> {
    const all: Row[] = await t.dataSource.query(
      'SELECT id, status, number, seq, "chainSeq", hash FROM invoices',
    );
    return all.map((r) => ({
      ...r,
      seq: r.seq === null ? null : Number(r.seq),
      chainSeq: r.chainSeq === null ? null : Number(r.chainSeq),
    }));
  }

  /**
   * The invariant: issued documents numbered 1..n in their series with no gap or twin, the
   * chain 1..n, every row either a clean draft or fully issued, and the chain intact.
   */
  async function expectGapless(issuedCount: number): Promise<void> {
    const all = await rows();
    const issued = all.filter((r) => r.status === 'issued');
    expect(issued).toHaveLength(issuedCount);
    expect(issued.map((r) => r.seq).sort((a, b) => a! - b!)).toEqual(range(issuedCount));
    expect(issued.map((r) => r.chainSeq).sort((a, b) => a! - b!)).toEqual(range(issuedCount));
    const numbers = issued.map((r) => r.number).sort();
    expect(numbers).toEqual(
      range(issuedCount).map((k) => `F${year}-${String(k).padStart(5, '0')}`),
    );
    expect(issued.every((r) => r.hash && /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    const drafts = all.filter((r) => r.status === 'draft');
    expect(drafts.every((r) => r.number === null && r.hash === null && r.chainSeq === null)).toBe(
      true,
    );
    const [counter] = await t.dataSource.query('SELECT "lastSeq" FROM document_counters');
    expect(Number((counter as { lastSeq: number }).lastSeq)).toBe(issuedCount);
    const chain = await t
      .http()
      .get('/api/invoices/verify-chain')
      .set(...bearer(token))
      .expect(200);
    expect(chain.body).toMatchObject({ ok: true, checked: issuedCount });
  }

  it('gives 150 concurrent issue calls in one process contiguous, unique numbers', async () => {
    const ids = await insertManualDrafts(t, contract, 150);
    const statuses = await Promise.all(
      ids.map(async (id) => {
        const res = await t
          .http()
          .post(`/api/invoices/${id}/issue`)
          .set(...bearer(token));
        return res.status;
      }),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    const [first] = await rows();
    year = first.number!.slice(1, 5);
    await expectGapless(150);
  });

  // Several processes sharing one database is what PostgreSQL is for (PRODUCT.md, Storage);
  // the SQLite file serves one process, so this block runs in the PostgreSQL suite only.
  const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

  onPostgres('two server processes on one PostgreSQL', () => {
    let a: ServerProcess;
    let b: ServerProcess;

    beforeAll(async () => {
      // Both processes' clocks stand where the test's does, so all numbers share one year.
      const env = { TEST_NOW: t.clock.iso() };
      [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    }, 60_000);
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    const issueVia = async (server: ServerProcess, id: string): Promise<number> => {
      try {
        const res = await fetch(`${server.url}/api/invoices/${id}/issue`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        });
        await res.arrayBuffer();
        return res.status;
      } catch {
        return 0; // the process died before answering
      }
    };

    it('numbers 200 issue calls spread across both without gap or duplicate', async () => {
      const ids = await insertManualDrafts(t, contract, 200);
      const statuses = await Promise.all(ids.map((id, k) => issueVia(k % 2 ? b : a, id)));
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      await expectGapless(350);
    });

    it('loses no number and half-issues nothing when a process is killed mid-issue', async () => {
      const ids = await insertManualDrafts(t, contract, 60);
      const calls = ids.map((id) => issueVia(b, id));
      // Kill the process once some of its calls are through and others are in flight.
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const [row] = await t.dataSource.query(
          `SELECT COUNT(*) AS n FROM invoices WHERE status = 'issued'`,
        );
        if (Number((row as { n: string }).n) >= 350 + 10) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      await b.kill();
      const statuses = await Promise.all(calls);
      expect(statuses.filter((s) => s === 0).length).toBeGreaterThan(0); // cut off by the kill
      // Some issues committed before the kill, the ones in flight rolled back with it.
      const issuedAfterKill = (await rows()).filter((r) => r.status === 'issued').length;
      expect(issuedAfterKill).toBeGreaterThanOrEqual(350 + 10);
      expect(issuedAfterKill).toBeLessThan(350 + 60);
      await expectGapless(issuedAfterKill);
      // The survivor issues the drafts left behind; numbers carry on from the last one.
      const left = (await rows()).filter((r) => r.status === 'draft' && ids.includes(r.id));
      expect(left.length).toBe(350 + 60 - issuedAfterKill);
      const rest = await Promise.all(left.map((r) => issueVia(a, r.id)));
      expect(rest.filter((s) => s !== 200)).toEqual([]);
      await expectGapless(350 + 60);
    });
  });
});
