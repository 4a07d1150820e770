import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOLIDAY_CALENDARS } from '../../common/domain';
import { ApiDay, ApiUuid } from '../../common/openapi';

/** A postal address as answered (practice, clients, invoice snapshots). */
export class AddressView {
  @ApiProperty({ example: '12 rue des Lilas' }) line1!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) line2?: string | null;
  @ApiProperty({ example: '69003' }) postalCode!: string;
  @ApiProperty({ example: 'Lyon' }) city!: string;
  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' }) country!: string;
}

const INTERVALS = {
  type: 'array',
  items: { type: 'array', items: { type: 'string', example: '09:00' }, minItems: 2, maxItems: 2 },
  example: [['09:00', '18:00']],
} as const;

/** Per weekday, the [start, end) intervals of business hours in local "HH:MM". */
export class WeeklyHoursView {
  @ApiProperty(INTERVALS) mon!: [string, string][];
  @ApiProperty(INTERVALS) tue!: [string, string][];
  @ApiProperty(INTERVALS) wed!: [string, string][];
  @ApiProperty(INTERVALS) thu!: [string, string][];
  @ApiProperty(INTERVALS) fri!: [string, string][];
  @ApiProperty(INTERVALS) sat!: [string, string][];
  @ApiProperty(INTERVALS) sun!: [string, string][];
}

/** The consultant's burnout limits, in minutes or counts. */
export class LimitsView {
  @ApiProperty({ example: 2880 }) maxWeeklyMinutes!: number;
  @ApiProperty({ example: 2400 }) alertWeeklyMinutes!: number;
  @ApiProperty({ example: 600 }) maxDailyMinutes!: number;
  @ApiProperty({ example: 660 }) minDailyRestMinutes!: number;
  @ApiProperty({ example: 1 }) minWeeklyDaysOff!: number;
  @ApiProperty({ example: 480 }) maxAfterHoursMinutesPerWeek!: number;
  @ApiProperty({ example: 3 }) maxUrgentInterruptionsPerDay!: number;
  @ApiProperty({ example: 2100 }) minWeeklyRestMinutes!: number;
  @ApiProperty({ example: 2640 }) maxAverageWeeklyMinutes!: number;
  @ApiProperty({ example: 12 }) averageWeeks!: number;
  @ApiProperty({ example: 360 }) maxNightMinutesPerWeek!: number;
  @ApiProperty({ example: 6 }) maxConsecutiveWorkDays!: number;
}

/** The accounts and journal of the FEC and the sales journal. */
export class AccountsView {
  @ApiProperty({ example: '411' }) receivable!: string;
  @ApiProperty({ example: '706' }) sales!: string;
  @ApiProperty({ example: '44571' }) vatCollected!: string;
  @ApiProperty({ example: 'VT' }) journalCode!: string;
  @ApiProperty({ example: 'Ventes' }) journalLabel!: string;
  @ApiProperty({ example: '7062', description: 'services to EU businesses, reverse charge' })
  revenueReverseCharge!: string;
  @ApiProperty({ example: '7063', description: 'goods delivered to EU businesses' })
  revenueIntraEu!: string;
  @ApiProperty({ example: '7064', description: 'sales outside the EU' }) revenueExport!: string;
  @ApiProperty({ example: '512' }) bank!: string;
  @ApiProperty({ example: 'BQ' }) bankJournalCode!: string;
  @ApiProperty({ example: 'Banque' }) bankJournalLabel!: string;
}

/** The practice as answered by GET and PATCH /api/practice. */
export class PracticeView {
  @ApiUuid() id!: string;
  @ApiProperty({ example: 'Camille Martin Conseil' }) name!: string;
  @ApiProperty({ example: 'SASU' }) legalForm!: string;
  @ApiProperty({ enum: ['RCS', 'RM'], nullable: true }) tradeRegistry!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Lyon' }) tradeRegistryCity!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 100000, description: 'cents' })
  shareCapitalCents!: number | null;
  @ApiProperty({ example: false, description: 'option for paying VAT on debits' })
  vatOnDebits!: boolean;
  @ApiProperty({ example: '732829320' }) siren!: string;
  @ApiProperty({ type: String, nullable: true, example: '73282932000074' }) siret!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'FR44732829320' })
  vatNumber!: string | null;
  @ApiProperty({ enum: ['franchise', 'standard'] }) vatRegime!: string;
  @ApiProperty({ example: 2000, description: 'basis points' }) defaultVatRateBp!: number;
  @ApiProperty({ type: AddressView }) address!: AddressView;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) iban!: string | null;
  @ApiProperty({ type: String, nullable: true }) bic!: string | null;
  @ApiProperty({ example: 'Europe/Paris' }) timezone!: string;
  @ApiProperty({ type: WeeklyHoursView }) businessHours!: WeeklyHoursView;
  @ApiProperty({ enum: HOLIDAY_CALENDARS }) holidayCalendar!: string;
  @ApiDay({ isArray: true, example: ['2026-08-10'], description: 'closure days' })
  closures!: string[];
  @ApiProperty({ example: 30 }) paymentTermsDays!: number;
  @ApiProperty({ example: 12.15, description: 'percent a year, up to 2 decimals' })
  latePenaltyRatePercent!: number;
  @ApiProperty({ example: 'F{YYYY}-{SEQ:5}' }) invoiceNumberFormat!: string;
  @ApiProperty({ example: 'AV{YYYY}-{SEQ:5}' }) creditNoteNumberFormat!: string;
  @ApiProperty({ enum: ['fr', 'en'] }) locale!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '08:30',
    description: 'local time of the consultant’s digest; null: the opening of business hours',
  })
  digestTime!: string | null;
  @ApiProperty({
    type: [Number],
    example: [1, 15, 30],
    description: 'the days after the due date an unpaid invoice is reminded on',
  })
  reminderDays!: number[];
  @ApiProperty({ type: LimitsView }) limits!: LimitsView;
  @ApiProperty({ type: AccountsView }) accounts!: AccountsView;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the logo printed on invoices, relative to the data folder',
  })
  logoPath!: string | null;
}
