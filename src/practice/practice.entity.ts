import { Column, Entity } from 'typeorm';
import { Identified, JsonColumn } from '../common/columns';
import type { GuardrailLimits, HolidayCalendar, WeeklyHours } from '../common/domain';
import type { TradeRegistry } from './legal-mentions';

export interface PostalAddress {
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
}

export interface AccountingAccounts {
  /** Client receivables; each client gets a sub-account with this prefix. */
  receivable: string;
  sales: string;
  vatCollected: string;
  journalCode: string;
  journalLabel: string;
  /** Revenue of services to a business in another EU country, VAT reverse-charged. */
  revenueReverseCharge: string;
  /** Revenue of goods delivered to a business in another EU country. */
  revenueIntraEu: string;
  /** Revenue of sales outside the EU. */
  revenueExport: string;
  /** The bank account payments are received on, and its journal. */
  bank: string;
  bankJournalCode: string;
  bankJournalLabel: string;
}

export const DEFAULT_ACCOUNTS: AccountingAccounts = {
  receivable: '411',
  sales: '706',
  vatCollected: '44571',
  journalCode: 'VT',
  journalLabel: 'Ventes',
  revenueReverseCharge: '7062',
  revenueIntraEu: '7063',
  revenueExport: '7064',
  bank: '512',
  bankJournalCode: 'BQ',
  bankJournalLabel: 'Banque',
};

export type VatRegime = 'franchise' | 'standard';
export type Locale = 'fr' | 'en';

/** The consultant's practice: identity, calendar, invoicing settings and burnout limits. One row. */
@Entity('practice')
export class Practice extends Identified {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 60 })
  legalForm!: string;

  /** The registry a company (RCS) or a craftsman (RM) is registered in; null for none. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  tradeRegistry!: TradeRegistry | null;

  /** The city of the registry's court, printed after it: "RCS Lyon". */
  @Column({ type: 'varchar', length: 100, nullable: true })
  tradeRegistryCity!: string | null;

  /** A company's share capital, in cents; null for an individual entrepreneur. */
  @Column({ type: 'integer', nullable: true })
  shareCapitalCents!: number | null;

  /**
   * The option for paying VAT on debits (art. 269-2 c CGI): the invoices print "Option pour le
   * paiement de la taxe d'après les débits". Off: VAT on services is due on receipt.
   */
  @Column({ type: 'boolean', default: false })
  vatOnDebits!: boolean;

  @Column({ type: 'varchar', length: 9 })
  siren!: string;

  @Column({ type: 'varchar', length: 14, nullable: true })
  siret!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  vatNumber!: string | null;

  @Column({ type: 'varchar', length: 20 })
  vatRegime!: VatRegime;

  @Column({ type: 'integer' })
  defaultVatRateBp!: number;

  @JsonColumn()
  address!: PostalAddress;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 34, nullable: true })
  iban!: string | null;

  @Column({ type: 'varchar', length: 11, nullable: true })
  bic!: string | null;

  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @JsonColumn()
  businessHours!: WeeklyHours;

  @Column({ type: 'varchar', length: 10 })
  holidayCalendar!: HolidayCalendar;

  @JsonColumn()
  closures!: string[];

  @Column({ type: 'integer' })
  paymentTermsDays!: number;

  /**
   * Late-payment penalty rate, percent per year with up to 2 decimals (12.15), stored exactly
   * as an integer count of hundredths of a percent (1215).
   */
  @Column({
    name: 'latePenaltyRateHundredths',
    type: 'integer',
    transformer: {
      to: (percent: number | null | undefined) =>
        typeof percent === 'number' ? Math.round(percent * 100) : percent,
      from: (hundredths: number | string | null) =>
        hundredths === null ? hundredths : Number(hundredths) / 100,
    },
  })
  latePenaltyRatePercent!: number;

  @Column({ type: 'varchar', length: 40 })
  invoiceNumberFormat!: string;

  @Column({ type: 'varchar', length: 40 })
  creditNoteNumberFormat!: string;

  @Column({ type: 'varchar', length: 2 })
  locale!: Locale;

  @JsonColumn()
  limits!: GuardrailLimits;

  @JsonColumn()
  accounts!: AccountingAccounts;

  /** Path of a PNG or JPEG logo printed on invoices, relative to the data folder. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  logoPath!: string | null;

  /** The local hour ('HH:mm') the consultant's digest leaves at; null: the opening of business hours. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  digestTime!: string | null;

  /** The days after an invoice's due date its payment reminders are sent on, ascending. */
  @JsonColumn()
  reminderDays!: number[];
}
