import type { Client } from '../clients/client.entity';
import { latePenaltyFloor, type TradeRegistry } from '../practice/legal-mentions';
import type { Practice, PostalAddress } from '../practice/practice.entity';

/**
 * The identities printed on an issued document, copied at issue so that a later change of
 * address or VAT number never rewrites an invoice already sent. Hashed with the document.
 */
export interface SellerSnapshot {
  name: string;
  legalForm: string;
  siren: string;
  siret: string | null;
  vatNumber: string | null;
  address: PostalAddress;
  email: string;
  phone: string | null;
  iban: string | null;
  bic: string | null;
  /** The late-payment penalty rate printed in the terms, percent per year (up to 2 decimals). */
  latePenaltyRatePercent: number;
  /**
   * The registration a company prints (RCS or RM, its city) and its share capital in cents,
   * and the option for VAT on debits. Absent from documents issued before they existed.
   */
  tradeRegistry?: TradeRegistry | null;
  tradeRegistryCity?: string | null;
  shareCapitalCents?: number | null;
  vatOnDebits?: boolean;
}

export interface BuyerSnapshot {
  name: string;
  siren: string | null;
  vatNumber: string | null;
  address: PostalAddress;
  billingEmail: string;
  /**
   * The client's sub-account in the accounts (FEC CompAuxNum after the receivable prefix),
   * frozen with the document so a later rename or recode never moves it. Absent from
   * documents issued before clients had one.
   */
  accountCode?: string;
}

/** The seller as of `day` ('YYYY-MM-DD', the practice's today), whose penalty floor applies. */
export function sellerSnapshot(p: Practice, day: string): SellerSnapshot {
  return {
    name: p.name,
    legalForm: p.legalForm,
    siren: p.siren,
    siret: p.siret,
    vatNumber: p.vatNumber,
    address: { ...p.address },
    email: p.email,
    phone: p.phone,
    iban: p.iban,
    bic: p.bic,
    // A rate below the day's floor (stored before the floor was checked, or under an older,
    // lower legal interest rate) is printed at the floor: below it, the contractual rate is
    // void and the law's applies (art. L441-10 C. com.).
    latePenaltyRatePercent: Math.max(p.latePenaltyRatePercent, latePenaltyFloor(day).percent),
    tradeRegistry: p.tradeRegistry,
    tradeRegistryCity: p.tradeRegistryCity,
    shareCapitalCents: p.shareCapitalCents,
    vatOnDebits: p.vatOnDebits,
  };
}

export function buyerSnapshot(c: Client): BuyerSnapshot {
  return {
    name: c.name,
    siren: c.siren,
    vatNumber: c.vatNumber,
    address: { ...c.address },
    billingEmail: c.billingEmail,
    accountCode: c.accountCode,
  };
}
