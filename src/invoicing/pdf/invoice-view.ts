import type { InvoiceVatRegime, LineUnit, RateTotal, Supply, VatExemption } from '../math';

/**
 * Everything an invoice or credit note prints, already decided by the domain: the renderer only
 * lays it out. Money in integer cents, days as "YYYY-MM-DD", VAT rates in basis points.
 */
export interface InvoiceView {
  kind: 'invoice' | 'credit_note';
  /** A draft prints a watermark and no number. */
  draft: boolean;
  number: string | null;
  issueDate: string | null;
  dueDate: string | null;
  periodStart: string;
  periodEnd: string;
  locale: 'fr' | 'en';
  currency: 'EUR';
  seller: InvoiceSeller;
  buyer: InvoiceBuyer;
  lines: InvoiceViewLine[];
  totals: InvoiceViewTotals;
  vatRegime: InvoiceVatRegime;
  /** Annual rate of late-payment penalties, e.g. 12.15. */
  latePenaltyRatePercent: number;
  paymentTermsDays: number;
  /** The invoice a credit note corrects. */
  creditedInvoice?: { number: string; issueDate: string };
  notes?: string;
}

export interface InvoiceAddress {
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
}

export interface InvoiceSeller {
  name: string;
  /** "EI" prints the entrepreneur individuel mention; anything else prints as given. */
  legalForm: string;
  siren: string;
  siret?: string | null;
  vatNumber?: string | null;
  address: InvoiceAddress;
  email: string;
  phone?: string | null;
  iban?: string | null;
  bic?: string | null;
  /** A PNG or JPEG file; skipped when missing or unreadable. */
  logoPath?: string | null;
  /** A company's registry (RCS, RM) and its city: "RCS Lyon 912 345 678". */
  tradeRegistry?: 'RCS' | 'RM' | null;
  tradeRegistryCity?: string | null;
  /** A company's share capital, printed beside its legal form. */
  shareCapitalCents?: number | null;
  /** Prints "Option pour le paiement de la taxe d'après les débits". */
  vatOnDebits?: boolean;
}

export interface InvoiceBuyer {
  name: string;
  siren?: string | null;
  vatNumber?: string | null;
  address: InvoiceAddress;
}

export interface InvoiceViewLine {
  description: string;
  quantity: number;
  unit: LineUnit;
  unitPriceCents: number;
  vatRateBp: number;
  amountCents: number;
  /** Interventions listed under a time line, e.g. "2026-11-03 09:00–10:30 · Serveur mail HS · 1,50 h". */
  details?: string[];
  /** Goods; services when absent. */
  supply?: Supply;
  /** Why a 0 % line of an invoice with VAT bears none. */
  vatExemption?: VatExemption | null;
}

export interface InvoiceViewTotals {
  netCents: number;
  vatCents: number;
  grossCents: number;
  byRate: RateTotal[];
}
