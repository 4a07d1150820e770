import { WorkWritten } from '../common/work-written';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import type { AuthUser } from '../auth/auth.decorators';
import { BusinessClock, localDate } from '../calendar';
import { Client } from '../clients/client.entity';
import { DEFAULT_LIMITS } from '../common/domain';
import { invalid } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import { Contract } from '../contracts/contract.entity';
import type { Practice } from '../practice/practice.entity';
import { PracticeService, toCalendarSettings } from '../practice/practice.service';
import { QuotaLedger } from '../requests/quota-ledger.service';
import { Locks } from '../common/locks';
import { Clock } from '../common/clock';
import { ImportQuery } from './dto/import.dto';
import type { ImportReportResponse } from './dto/intervention.response';
import {
  findOverlaps,
  mapRowsToContracts,
  parseTimesheetCsv,
  withReasons,
  workSpan,
  type ImportableContract,
  type ImportError,
  type ImportRow,
  type ParsedTimesheet,
} from './import';
import { ROWS_PER_WRITE } from './import/limits';
import { append, inTurns } from './import/turns';
import { importQuotaLocks, writeImport } from './import-batch';
import {
  keepOwnRows,
  planImport,
  type ImportContext,
  type ImportPlan,
  type PlannedContract,
} from './import-plan';
import { readRecordedWork, type RecordedWork } from './import-recorded-work';
import { unreadableFile, type ImportUpload } from './import-upload';
import { importWarnings, workWindow } from './import-warnings';
import { Intervention } from './intervention.entity';
import { dayStartOf } from './import-day-start';
import { ImportConnection } from './import-connection';

/**
 * Imports a time tracker's CSV export. Rows are read, mapped to contracts, checked and priced
 * like manual entries, and checked for overlaps with recorded work and with each other. A dry
 * run only reports; a real run writes every valid row in one transaction, or none when a row is
 * refused unless the bad rows are to be skipped. The report says how the file was read and the
 * guardrail warnings of the weeks the valid rows fall in (`importWarnings`), not row by row.
 * Rows are planned and written a slice at a time (`inTurns`), so a long import leaves the server
 * answering (see `write`).
 */
@Injectable()
export class ImportService {
  constructor(
    @InjectRepository(Contract) private readonly contracts: Repository<Contract>,
    @InjectRepository(Client) private readonly clients: Repository<Client>,
    @InjectRepository(Activity) private readonly activities: Repository<Activity>,
    @InjectRepository(Intervention) private readonly interventions: Repository<Intervention>,
    private readonly transactions: Transactions,
    private readonly practice: PracticeService,
    private readonly ledger: QuotaLedger,
    private readonly clock: Clock,
    private readonly written: WorkWritten,
    private readonly connection: ImportConnection,
  ) {}

  /**
   * The import's report: rows accepted, each refused one with its code, its figures and their
   * words in the uploader's language (`reason`), and the interventions written.
   */
  async run(
    user: AuthUser,
    query: ImportQuery,
    upload: ImportUpload,
  ): Promise<ImportReportResponse> {
    const practice = await this.practice.get();
    const { plan, refused, parsed } = await this.plan(user, query, upload, practice);
    const report = query.dryRun
      ? await this.check(this.interventions.manager, user, query, plan, refused, practice)
      : await this.write(user, query, plan, refused, practice);
    return {
      ...report,
      refused: await withReasons(report.refused, upload.locale),
      encoding: upload.table.encoding,
      separator: upload.table.separator,
      dateFormat: parsed.dateOrder ?? null,
    };
  }

  /**
   * The report of the plan against the consultant's recorded work: the rows overlapping it or
   * each other refused, and the warnings of the weeks the other rows fall in.
   */
  private async check(
    manager: EntityManager,
    user: AuthUser,
    query: ImportQuery,
    plan: ImportPlan,
    refused: ImportError[],
    practice: Practice,
  ): Promise<CodedReport> {
    const { timezone } = practice;
    // Limits stored before some of them existed take the defaults of those.
    const limits = { ...DEFAULT_LIMITS, ...practice.limits };
    const overlapSpan = workSpan(plan.planned);
    const window = workWindow(plan.planned, limits);
    const recorded: RecordedWork[] =
      overlapSpan && window
        ? await readRecordedWork(manager, user.id, {
            first: Math.min(overlapSpan.first, window.first),
            last: Math.max(overlapSpan.last, window.last),
          })
        : [];
    const overlaps = await findOverlaps(plan.planned, recorded, timezone);
    const report = this.report(plan, refused, overlaps, query);
    const refusedRows = new Set(report.refused.map((r) => r.row));
    const imported = plan.planned
      .filter((p) => !refusedRows.has(p.row))
      .map((p) => ({
        start: p.start,
        end: p.end,
        urgency: p.urgency,
        afterHoursMinutes: p.measured.afterHoursMinutes,
        hasRequest: false,
      }));
    const finished = recorded.filter((work) => !work.running);
    const warnings = await importWarnings({ timezone, limits, recorded: finished, imported });
    return { ...report, warnings };
  }

  /**
   * Writes the valid rows in one transaction when they may be written, a slice at a time with
   * the event loop running between slices; the report, coded. On PostgreSQL the transaction has
   * a pooled connection of its own; on SQLite the import's own connection (`ImportConnection`),
   * so that no other request's write lands inside it.
   */
  private async write(
    user: AuthUser,
    query: ImportQuery,
    plan: ImportPlan,
    refused: ImportError[],
    practice: Practice,
  ): Promise<CodedReport> {
    const work = async (manager: EntityManager): Promise<CodedReport> => {
      const report = await this.check(manager, user, query, plan, refused, practice);
      const refusedRows = new Set(report.refused.map((r) => r.row));
      if (report.accepted === 0 || (refusedRows.size > 0 && !query.skipInvalid)) return report;
      // In the order the work happened, so each slice counts quota units after the previous one.
      const valid = plan.planned
        .filter((p) => !refusedRows.has(p.row))
        .sort((a, b) => a.start.getTime() - b.start.getTime());
      const by = {
        consultantId: user.id,
        source: `import:${query.source}`,
        timezone: practice.timezone,
        now: this.clock.now(),
      };
      for await (const slice of inTurns(valid, ROWS_PER_WRITE)) {
        await writeImport(manager, slice, by, this.ledger);
      }
      await this.written.notify(
        manager,
        valid.map((p) => p.contract.id),
      );
      return { ...report, created: valid.length };
    };
    if (this.connection.applies) return this.connection.transaction(work);
    const locks = [
      Locks.consultantWork(user.id),
      ...importQuotaLocks(plan.planned, practice.timezone),
    ];
    return this.transactions.run(work, locks);
  }

  /** Everything but the overlap check, which needs the consultant's recorded work. */
  private async plan(
    user: AuthUser,
    query: ImportQuery,
    upload: ImportUpload,
    practice: Practice,
  ): Promise<{ plan: ImportPlan; refused: ImportError[]; parsed: ParsedTimesheet }> {
    const timezone = practice.timezone;
    const parsed = await parseTimesheetCsv(query.source, upload.table, {
      timezone,
      dateFormat: query.dateFormat,
      dayStart: dayStartOf(practice.businessHours),
    });
    // A file that is not this tool's export is a wrong request, not a report of refused rows.
    if (parsed.unreadable) {
      const { field, reason, refusal } = parsed.unreadable;
      throw unreadableFile(field, reason, refusal);
    }
    const contracts = await this.usableContracts(timezone);
    const activities = await this.activities.find({ where: { archivedAt: IsNull() } });
    const defaultActivityId = upload.options.activityId ?? query.activityId ?? null;
    if (defaultActivityId && !activities.some((a) => a.id === defaultActivityId)) {
      throw invalid('activityId', 'no such activity, or it is archived', { reason: 'unusable' });
    }
    const context: ImportContext = {
      contracts: new Map([...contracts].map(([id, c]) => [id, c.planned])),
      activities,
      defaultActivityId,
      urgency: upload.options.urgency ?? query.urgency ?? 'normal',
      calendar: new BusinessClock(toCalendarSettings(practice)),
      now: this.clock.now(),
    };
    const plan: ImportPlan = { planned: [], refused: [] };
    const refused = parsed.errors;
    const steps = { email: query.email ?? user.email, contracts: [...contracts.values()] };
    for await (const rows of inTurns(parsed.rows)) {
      const slice = this.planSlice(rows, steps, upload.options.mapping ?? [], context);
      append(plan.planned, slice.plan.planned);
      append(refused, slice.refused);
    }
    return { plan, refused, parsed };
  }

  /** One slice of rows: the caller's own, mapped to their contracts, checked and priced. */
  private planSlice(
    rows: readonly ImportRow[],
    steps: { email: string; contracts: ImportableContract[] },
    mapping: NonNullable<ImportUpload['options']['mapping']>,
    context: ImportContext,
  ): { plan: ImportPlan; refused: ImportError[] } {
    const mine = keepOwnRows(rows, steps.email);
    const mapped = mapRowsToContracts(mine.own, steps.contracts, mapping);
    const plan = planImport(mapped.mapped, context);
    return { plan, refused: [...mine.refused, ...mapped.errors, ...plan.refused] };
  }

  /** Contracts not archived, with their client's name; ended ones are never picked by default. */
  private async usableContracts(
    timezone: string,
  ): Promise<Map<string, ImportableContract & { planned: PlannedContract }>> {
    const contracts = await this.contracts.find({ where: { archivedAt: IsNull() } });
    const clients = await this.clients.find({
      where: { id: In([...new Set(contracts.map((c) => c.clientId))]) },
    });
    const names = new Map(clients.map((c) => [c.id, c.name]));
    const today = localDate(this.clock.now(), timezone);
    return new Map(
      contracts.map((c) => [
        c.id,
        {
          id: c.id,
          clientName: names.get(c.clientId) ?? '',
          reference: c.reference,
          title: c.title,
          active: c.endDate === null || c.endDate >= today,
          planned: {
            id: c.id,
            clientId: c.clientId,
            reference: c.reference,
            startDate: c.startDate,
            endDate: c.endDate,
            billing: c.billing,
            urgencyPolicy: c.urgencyPolicy,
          },
        },
      ]),
    );
  }

  private report(
    plan: ImportPlan,
    refusedBefore: ImportError[],
    overlaps: ImportError[],
    query: ImportQuery,
  ): CodedReport {
    const refused = [...refusedBefore, ...overlaps].sort((a, b) => a.row - b.row);
    return {
      accepted: plan.planned.length - overlaps.length,
      refused,
      created: 0,
      dryRun: query.dryRun,
      warnings: [],
    };
  }
}

/** The report before its refused rows are worded for the reader, and how the file was read. */
type CodedReport = Omit<
  ImportReportResponse,
  'refused' | 'encoding' | 'separator' | 'dateFormat'
> & {
  refused: ImportError[];
};
