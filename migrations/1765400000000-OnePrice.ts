import { MigrationInterface, QueryRunner } from 'typeorm';

/** Integer division rounded half away from zero, as the application rounds money. */
function roundHalfUp(numerator: number, denominator: number): number {
  const q = Math.floor(Math.abs(numerator) / denominator);
  const rest = Math.abs(numerator) % denominator;
  return Math.sign(numerator) * (2 * rest >= denominator ? q + 1 : q);
}

interface Row {
  id: string;
  billableMinutes: number | string;
  hourlyRateCents: number | string;
  urgencySurchargePercent: number | string;
  afterHoursSurchargeCents: number | string;
}

const CHUNK = 500;

/**
 * One price: an intervention's amount is what an invoice bills for it, its hours to the
 * hundredth × its rate, rounded half-up once (100 min at 90.00 € → 1.67 h → 150.30 €, no longer
 * the 150.00 € of the exact minutes). The work on no invoice yet is priced again by that rule,
 * so a draft's line is the sum of its interventions; work already invoiced keeps the figures
 * its invoice was issued beside. The after-hours surcharge was already billed as the sum of
 * the interventions' own and is kept.
 */
export class OnePrice1765400000000 implements MigrationInterface {
  name = 'OnePrice1765400000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const p = (k: number) => (pg ? `$${k}` : '?');
    const rows = (await q.query(
      'SELECT id, "billableMinutes", "hourlyRateCents", "urgencySurchargePercent", "afterHoursSurchargeCents" FROM interventions WHERE "invoiceId" IS NULL',
    )) as Row[];
    for (let k = 0; k < rows.length; k += CHUNK) {
      for (const row of rows.slice(k, k + CHUNK)) {
        const hundredths = roundHalfUp(Number(row.billableMinutes) * 100, 60);
        const base = roundHalfUp(hundredths * Number(row.hourlyRateCents), 100);
        const urgency = roundHalfUp(base * Number(row.urgencySurchargePercent), 100);
        const amount = base + urgency + Number(row.afterHoursSurchargeCents);
        await q.query(
          `UPDATE interventions SET "baseAmountCents" = ${p(1)}, "urgencySurchargeCents" = ${p(2)}, "amountCents" = ${p(3)} WHERE id = ${p(4)}`,
          [base, urgency, amount, row.id],
        );
      }
    }
  }

  /** The exact-minute prices cannot be told apart afterwards; nothing to undo in the schema. */
  async down(): Promise<void> {}
}
