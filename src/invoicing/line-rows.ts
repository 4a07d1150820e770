import type { InvoiceLine } from './invoice-line.entity';
import type { DraftLine } from './math';

/**
 * A stored line read back as the rules see it (quantity from hundredths, exactly). Its supply
 * and exemption only when they say something: a line of services without exemption reads as
 * it did before they existed, so the hash of a document issued then is unchanged.
 */
export function draftLineOf(row: InvoiceLine): DraftLine {
  return {
    kind: row.kind,
    description: row.description,
    quantity: row.quantityHundredths / 100,
    unit: row.unit,
    unitPriceCents: row.unitPriceCents,
    vatRateBp: row.vatRateBp,
    amountCents: row.amountCents,
    interventionIds: [...row.interventionIds],
    ...(row.supply === 'goods' ? { supply: 'goods' as const } : {}),
    ...(row.vatExemption ? { vatExemption: row.vatExemption } : {}),
  };
}

export type LineRowValues = Omit<InvoiceLine, 'id' | 'assignId'>;

/** The columns of a line to store; quantities have at most 2 decimals by construction. */
export function lineRowValues(
  invoiceId: string,
  position: number,
  line: DraftLine,
  details: string[] = [],
  creditedPosition: number | null = null,
): LineRowValues {
  return {
    invoiceId,
    position,
    kind: line.kind,
    description: line.description,
    quantityHundredths: Math.round(line.quantity * 100),
    unit: line.unit,
    unitPriceCents: line.unitPriceCents,
    vatRateBp: line.vatRateBp,
    amountCents: line.amountCents,
    interventionIds: [...line.interventionIds],
    details,
    creditedPosition,
    supply: line.supply ?? 'services',
    vatExemption: line.vatExemption ?? null,
  };
}
