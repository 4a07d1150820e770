import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_LIMITS } from '../common/domain';
import type { CalendarSettings } from '../common/domain';
import { DomainError } from '../common/domain-error';
import type { ErrorDetail } from '../common/domain-error';
import { frenchVatKey } from '../common/identifiers';
import { Transactions } from '../common/transactions';
import { PracticeDto, UpdatePracticeDto } from './dto/practice.dto';
import { DEFAULT_ACCOUNTS, Practice } from './practice.entity';

/** Defaults of PRODUCT.md for everything setup does not ask for. */
function withDefaults(dto: PracticeDto): Omit<Practice, 'id' | 'assignId'> {
  return {
    name: dto.name,
    legalForm: dto.legalForm,
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
    latePenaltyRatePercent: dto.latePenaltyRatePercent ?? 10,
    invoiceNumberFormat: dto.invoiceNumberFormat ?? 'F{YYYY}-{SEQ:5}',
    creditNoteNumberFormat: dto.creditNoteNumberFormat ?? 'AV{YYYY}-{SEQ:5}',
    locale: dto.locale ?? 'fr',
    limits: dto.limits ? { ...dto.limits } : { ...DEFAULT_LIMITS },
    accounts: dto.accounts ? { ...dto.accounts } : { ...DEFAULT_ACCOUNTS },
    logoPath: null,
  };
}

/** Checks that span several fields; single fields are checked by the DTO. */
export function practiceCoherence(p: Omit<Practice, 'id' | 'assignId'>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (p.siret && !p.siret.startsWith(p.siren)) {
    problems.push({ field: 'siret', message: 'siret must start with the practice SIREN' });
  }
  if (p.vatNumber?.startsWith('FR') && p.vatNumber !== `FR${frenchVatKey(p.siren)}${p.siren}`) {
    problems.push({ field: 'vatNumber', message: 'vatNumber does not match the practice SIREN' });
  }
  if (p.limits.alertWeeklyMinutes > p.limits.maxWeeklyMinutes) {
    problems.push({
      field: 'limits.alertWeeklyMinutes',
      message: 'the weekly alert must not exceed the weekly maximum',
    });
  }
  return problems;
}

@Injectable()
export class PracticeService {
  constructor(
    @InjectRepository(Practice) private readonly practices: Repository<Practice>,
    private readonly transactions: Transactions,
  ) {}

  async get(manager?: EntityManager): Promise<Practice> {
    const repo = manager ? manager.getRepository(Practice) : this.practices;
    const [practice] = await repo.find({ take: 1 });
    if (!practice) throw new DomainError('not_found.practice', 'The practice is not set up yet');
    return practice;
  }

  async calendar(): Promise<CalendarSettings> {
    const p = await this.get();
    return toCalendarSettings(p);
  }

  /** Called by the first-consultant setup, inside its transaction. */
  async create(manager: EntityManager, dto: PracticeDto): Promise<Practice> {
    const values = withDefaults(dto);
    assertCoherent(values);
    return manager.getRepository(Practice).save(manager.create(Practice, values));
  }

  update(dto: UpdatePracticeDto): Promise<Practice> {
    return this.transactions.run(async (manager) => {
      const current = await this.get(manager);
      const next = { ...current, ...dto } as Practice;
      if (dto.vatNumber) next.vatNumber = dto.vatNumber.toUpperCase();
      if (dto.iban) next.iban = dto.iban.replace(/\s+/g, '').toUpperCase();
      assertCoherent(next);
      return manager.getRepository(Practice).save(next);
    });
  }
}

function assertCoherent(p: Omit<Practice, 'id' | 'assignId'>): void {
  const problems = practiceCoherence(p);
  if (problems.length) {
    throw new DomainError(
      `invalid.practice`,
      `Invalid input: ${problems.map((x) => x.field).join(', ')}`,
      problems,
    );
  }
}

export function toCalendarSettings(p: Practice): CalendarSettings {
  return {
    timezone: p.timezone,
    businessHours: p.businessHours,
    holidayCalendar: p.holidayCalendar,
    closures: p.closures,
  };
}
