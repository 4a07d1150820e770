import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { localDate } from '../calendar';
import { Clock } from '../common/clock';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_LIMITS } from '../common/domain';
import type { CalendarSettings } from '../common/domain';
import { DomainError } from '../common/domain-error';
import type { ErrorDetail } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import { vatNumberMatchesSiren } from '../common/validators';
import { PracticeDto, UpdatePracticeDto } from './dto/practice.dto';
import {
  defaultVatRateProblems,
  latePenaltyFloor,
  latePenaltyProblems,
  registrationProblems,
  type LatePenaltyFloor,
} from './legal-mentions';
import { numberFormatProblems } from './number-formats';
import { readPracticeZone } from './practice-zone';
import { PracticeChanges } from './practice-changes';
import { DEFAULT_ACCOUNTS, Practice } from './practice.entity';

/**
 * The late-payment penalty rate when none is set: the usual contractual rate, the ECB's main
 * refinancing rate plus 10 points (C. com. L441-10), with the ECB rate of 2.15 % in force since
 * 11 June 2025 (the rate of 1 July 2025 for the second half of 2025). The law's floor is 3 ×
 * the legal interest rate; the figure is to be updated when the ECB rate moves.
 */
export const DEFAULT_LATE_PENALTY_RATE_PERCENT = 12.15;
/** The days after the due date an unpaid invoice is reminded on, unless the practice sets others. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [1, 15, 30];

/** Defaults of PRODUCT.md for everything setup does not ask for. */
function withDefaults(dto: PracticeDto): Omit<Practice, 'id' | 'assignId'> {
  return {
    name: dto.name,
    legalForm: dto.legalForm.trim(),
    tradeRegistry: dto.tradeRegistry ?? null,
    tradeRegistryCity: dto.tradeRegistryCity?.trim() || null,
    shareCapitalCents: dto.shareCapitalCents ?? null,
    vatOnDebits: dto.vatOnDebits ?? false,
    siren: dto.siren,
    siret: dto.siret ?? null,
    vatNumber: dto.vatNumber ? dto.vatNumber.toUpperCase() : null,
    vatRegime: dto.vatRegime ?? 'franchise',
    defaultVatRateBp: dto.defaultVatRateBp ?? 2000,
    address: { ...dto.address },
    email: dto.email,
    phone: dto.phone ?? null,
    iban: dto.iban ? dto.iban.replace(/\s+/g, '').toUpperCase() : null,
    bic: dto.bic ?? null,
    timezone: dto.timezone ?? 'Europe/Paris',
    businessHours: dto.businessHours ?? DEFAULT_BUSINESS_HOURS,
    holidayCalendar: dto.holidayCalendar ?? 'FR',
    closures: dto.closures ?? [],
    paymentTermsDays: dto.paymentTermsDays ?? 30,
    latePenaltyRatePercent: dto.latePenaltyRatePercent ?? DEFAULT_LATE_PENALTY_RATE_PERCENT,
    invoiceNumberFormat: dto.invoiceNumberFormat ?? 'F{YYYY}-{SEQ:5}',
    creditNoteNumberFormat: dto.creditNoteNumberFormat ?? 'AV{YYYY}-{SEQ:5}',
    locale: dto.locale ?? 'fr',
    limits: { ...DEFAULT_LIMITS, ...definedOnly(dto.limits ?? {}) },
    accounts: { ...DEFAULT_ACCOUNTS, ...definedOnly(dto.accounts ?? {}) },
    logoPath: null,
    digestTime: dto.digestTime ?? null,
    reminderDays: dto.reminderDays ?? [...DEFAULT_REMINDER_DAYS],
  };
}

/** What a change touches among the law's inputs, checked only when given (see below). */
export interface LegalChecks {
  /** The legal form or registration: a company names its registry and share capital. */
  registration: boolean;
  /** The late-payment penalty rate: not below the legal floor. */
  latePenalty: boolean;
  /** The VAT regime or default rate: generated lines are taxed under the standard regime. */
  defaultVatRate: boolean;
}

const CHECK_ALL: LegalChecks = { registration: true, latePenalty: true, defaultVatRate: true };

/**
 * Checks that span several fields; single fields are checked by the DTO. The law's inputs are
 * checked on setup and when a change gives them: a practice stored before the checks existed
 * (a penalty rate below today's floor, a company without its registry) keeps working until
 * that field is next saved. `today`: the practice's day, whose legal interest rate sets the
 * penalty floor.
 */
export function practiceCoherence(
  p: Omit<Practice, 'id' | 'assignId'>,
  today: string,
  checks: LegalChecks = CHECK_ALL,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (checks.registration) problems.push(...registrationProblems(p));
  if (checks.latePenalty) problems.push(...latePenaltyProblems(p.latePenaltyRatePercent, today));
  if (checks.defaultVatRate) problems.push(...defaultVatRateProblems(p));
  if (p.siret && !p.siret.startsWith(p.siren)) {
    problems.push({
      field: 'siret',
      code: 'siret_siren',
      message: 'siret must start with the practice SIREN',
      siren: p.siren,
    });
  }
  if (p.vatNumber && !p.vatNumber.startsWith('FR')) {
    problems.push({
      field: 'vatNumber',
      code: 'vat_number_french',
      message: 'the practice has a French VAT number (FR…)',
    });
  } else if (p.vatNumber && !vatNumberMatchesSiren(p.vatNumber, p.siren)) {
    problems.push({
      field: 'vatNumber',
      code: 'vat_number_siren',
      message: 'vatNumber does not match the practice SIREN',
      siren: p.siren,
    });
  }
  if (p.vatRegime === 'standard' && !p.vatNumber) {
    problems.push({
      field: 'vatNumber',
      code: 'vat_number_required',
      message: 'a practice charging VAT needs its VAT number',
    });
  }
  problems.push(...numberFormatProblems(p));
  if (p.limits.alertWeeklyMinutes > p.limits.maxWeeklyMinutes) {
    problems.push({
      field: 'limits.alertWeeklyMinutes',
      code: 'weekly_alert_above_limit',
      message: 'the weekly alert must not exceed the weekly maximum',
      alertWeeklyMinutes: p.limits.alertWeeklyMinutes,
      maxWeeklyMinutes: p.limits.maxWeeklyMinutes,
    });
  }
  return problems;
}

@Injectable()
export class PracticeService {
  constructor(
    @InjectRepository(Practice) private readonly practices: Repository<Practice>,
    private readonly transactions: Transactions,
    private readonly changes: PracticeChanges,
    private readonly clock: Clock,
  ) {}

  async get(manager?: EntityManager): Promise<Practice> {
    const repo = manager ? manager.getRepository(Practice) : this.practices;
    const [practice] = await repo.find({ take: 1 });
    if (!practice) throw new DomainError('not_found.practice', 'The practice is not set up yet');
    return practice;
  }

  /**
   * The practice's time zone, read from the database at every call like the rest of the
   * settings (another process may have changed it), by a one-column prepared statement: a
   * request that needs the zone alone (usage, the month's bounds) is spared the whole row's
   * reading and hydration.
   */
  async timezone(): Promise<string> {
    const zone = await readPracticeZone(this.practices.manager.connection);
    if (!zone) throw new DomainError('not_found.practice', 'The practice is not set up yet');
    return zone;
  }

  /** The late-payment penalty floor of the practice's today. */
  latePenaltyFloor(p: Pick<Practice, 'timezone'>): LatePenaltyFloor {
    return latePenaltyFloor(this.today(p));
  }

  /** The practice's calendar day now. */
  private today(p: Pick<Practice, 'timezone'>): string {
    return localDate(this.clock.now(), p.timezone);
  }

  async calendar(): Promise<CalendarSettings> {
    const p = await this.get();
    return toCalendarSettings(p);
  }

  /** Called by the first-consultant setup, inside its transaction. */
  async create(manager: EntityManager, dto: PracticeDto): Promise<Practice> {
    const values = withDefaults(dto);
    assertCoherent(values, this.today(values));
    return manager.getRepository(Practice).save(manager.create(Practice, values));
  }

  update(dto: UpdatePracticeDto): Promise<Practice> {
    return this.transactions.run(async (manager) => {
      const current = await this.get(manager);
      const next = { ...current, ...definedOnly(dto) } as Practice;
      // A PATCH may send some of the limits only: the others stay as they are.
      if (dto.limits) next.limits = { ...current.limits, ...definedOnly(dto.limits) };
      next.accounts = {
        ...DEFAULT_ACCOUNTS,
        ...current.accounts,
        ...definedOnly(dto.accounts ?? {}),
      };
      if (dto.legalForm) next.legalForm = dto.legalForm.trim();
      if (dto.tradeRegistryCity) next.tradeRegistryCity = dto.tradeRegistryCity.trim();
      if (dto.vatNumber) next.vatNumber = dto.vatNumber.toUpperCase();
      if (dto.iban) next.iban = dto.iban.replace(/\s+/g, '').toUpperCase();
      assertCoherent(next, this.today(next), {
        registration: [
          dto.legalForm,
          dto.tradeRegistry,
          dto.tradeRegistryCity,
          dto.shareCapitalCents,
        ].some((v) => v !== undefined),
        latePenalty: dto.latePenaltyRatePercent !== undefined,
        defaultVatRate: dto.vatRegime !== undefined || dto.defaultVatRateBp !== undefined,
      });
      const saved = await manager.getRepository(Practice).save(next);
      // Work already logged is cut again at the new zone's midnights, in this transaction.
      if (saved.timezone !== current.timezone) {
        await this.changes.timezoneChanged(manager, toCalendarSettings(saved), current.timezone);
      }
      return saved;
    });
  }
}

function assertCoherent(
  p: Omit<Practice, 'id' | 'assignId'>,
  today: string,
  checks?: LegalChecks,
): void {
  const problems = practiceCoherence(p, today, checks);
  if (problems.length) {
    throw new DomainError(
      `invalid.practice`,
      `Invalid input: ${problems.map((x) => x.field).join(', ')}`,
      problems,
    );
  }
}

/** The fields a PATCH actually sent: DTO instances also carry the absent ones as undefined. */
function definedOnly<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function toCalendarSettings(p: Practice): CalendarSettings {
  return {
    timezone: p.timezone,
    businessHours: p.businessHours,
    holidayCalendar: p.holidayCalendar,
    closures: p.closures,
  };
}
