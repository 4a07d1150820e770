import { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { Intervention } from './intervention.entity';

/**
 * An intervention on an invoice is frozen: the invoice says what was billed. Invoicing sits
 * above interventions, so the invoice's status is read by table name, only to word the refusal.
 */
export async function assertNotInvoiced(
  manager: EntityManager,
  intervention: Pick<Intervention, 'id' | 'invoiceId'>,
): Promise<void> {
  if (!intervention.invoiceId) return;
  const status = await invoiceStatus(manager, intervention.invoiceId);
  const message =
    status === 'draft'
      ? `This intervention is on draft invoice ${intervention.invoiceId}: delete the draft to free it`
      : `This intervention is on invoice ${intervention.invoiceId} and can no longer change; correct the invoice with a credit note`;
  throw new DomainError('conflict.invoiced', message, [
    {
      message,
      interventionId: intervention.id,
      invoiceId: intervention.invoiceId,
      invoiceStatus: status,
    },
  ]);
}

async function invoiceStatus(manager: EntityManager, invoiceId: string): Promise<string | null> {
  const invoices = manager.connection.entityMetadatas.find((m) => m.tableName === 'invoices');
  if (!invoices?.findColumnWithPropertyName('status')) return null;
  const row = await manager
    .createQueryBuilder()
    .select('invoice.status', 'status')
    .from(invoices.target, 'invoice')
    .where('invoice.id = :invoiceId', { invoiceId })
    .getRawOne<{ status: string }>();
  return row?.status ?? null;
}
