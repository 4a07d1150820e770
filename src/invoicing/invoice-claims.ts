import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  BillingClaims,
  type ClaimHolder,
  type ClaimRefusal,
} from '../interventions/billing-claims';
import { Invoice } from './invoice.entity';

/**
 * Invoicing holds the billing claims on work, under its invoices' ids: it words the refusal to
 * change invoiced work, which says how to free it (delete the draft, or credit the invoice).
 */
@Injectable()
export class InvoiceClaims implements ClaimHolder, OnModuleInit {
  constructor(private readonly claims: BillingClaims) {}

  onModuleInit(): void {
    this.claims.heldBy(this);
  }

  async refusal(manager: EntityManager, invoiceId: string): Promise<ClaimRefusal> {
    const invoice = await manager.findOne(Invoice, {
      select: { id: true, status: true, number: true },
      where: { id: invoiceId },
    });
    const status = invoice?.status ?? null;
    const message =
      status === 'draft'
        ? `This intervention is on draft invoice ${invoiceId}: delete the draft to free it`
        : `This intervention is on invoice ${invoiceId} and can no longer change; correct the invoice with a credit note`;
    return {
      message,
      details: { invoiceId, invoiceStatus: status, number: invoice?.number ?? null },
    };
  }
}
