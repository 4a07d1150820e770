/**
 * A contract's finished work summed per month in one scan, for the allowance ledger (its one
 * loader is `allowance/allowance-work.ts`): a hand-written prepared statement, one text per
 * number of months, instead of TypeORM's query building on every read.
 */
import type { EntityManager } from 'typeorm';
import { preparedSql, queryPreparedIn, type PreparedSql } from '../common/prepared-sql';
import { BillingClaims } from './billing-claims';

/** `i.column` → `i."column"`: the statement is written as TypeORM's builder took it. */
const quoted = (sql: string): string => sql.replace(/\bi\.([A-Za-z]+)/g, 'i."$1"');

const STATEMENTS = new Map<number, PreparedSql>();

/**
 * Parameters: the contract, the first month's start and the last one's end, then each month's
 * start and end. Columns: `a<k>` the billable minutes started in month k, `b<k>` those of them
 * claimed by an invoice, `afterHours` the after-hours minutes of the last month.
 */
function statementFor(count: number): PreparedSql {
  let statement = STATEMENTS.get(count);
  if (statement) return statement;
  const billed = BillingClaims.claimedWhere('i', true);
  const sums = Array.from({ length: count }, (_, k) => {
    const inMonth = `i.billable = TRUE AND i.startedAt >= $${4 + 2 * k} AND i.startedAt < $${5 + 2 * k}`;
    return (
      `SUM(CASE WHEN ${inMonth} THEN i.billableMinutes ELSE 0 END) AS "a${k}", ` +
      `SUM(CASE WHEN ${inMonth} AND ${billed} THEN i.billableMinutes ELSE 0 END) AS "b${k}"`
    );
  });
  const lastStart = `$${4 + 2 * (count - 1)}`;
  statement = preparedSql(
    `contract_work_${count}`,
    quoted(
      `SELECT COUNT(*) AS "n", ${sums.join(', ')}, ` +
        `SUM(CASE WHEN i.startedAt >= ${lastStart} THEN i.afterHoursMinutes ELSE 0 END) AS "afterHours" ` +
        `FROM interventions i WHERE i.contractId = $1 AND i.endedAt IS NOT NULL ` +
        `AND i.startedAt >= $2 AND i.startedAt < $3`,
    ),
  );
  STATEMENTS.set(count, statement);
  return statement;
}

/** The sums of `months` (ISO instants, in order), one column pair per month. */
export async function contractWorkByMonth(
  m: EntityManager,
  contractId: string,
  months: ReadonlyArray<{ start: string; end: string }>,
): Promise<Record<string, string | number | null>> {
  const params: string[] = [contractId, months[0].start, months[months.length - 1].end];
  for (const b of months) params.push(b.start, b.end);
  const [row] = await queryPreparedIn<Record<string, string | number | null>>(
    m,
    statementFor(months.length),
    params,
  );
  return row ?? {};
}
