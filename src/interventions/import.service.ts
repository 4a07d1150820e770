import { WorkWritten } from '../common/work-written';
import { Injectable } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import type { AuthUser } from '../auth/auth.decorators';
import { BusinessClock, localDate } from '../calendar';
import { Client } from '../clients/client.entity';
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
import { unreadableFile, type ImportUpload } from './import-upload';
import { Intervention } from './intervention.entity';
import { TIMER_LIMIT_MINUTES } from './work-times';

/** Recorded interventions read per query when an import is checked for overlaps. */
const RECORDED_PAGE = 5_000;

/** An intervention as the overlap check reads it: instants as stored (ISO text). */
interface RecordedRow {
  id: string;
  startedAt: string;
  endedAt: string | null;
}

/**
 * Imports a time tracker's CSV export. Rows are read, mapped to contracts, checked and priced
 * like manual entries, and checked for overlaps with recorded work and with each other. A dry
 * run only reports; a real run writes every valid row in one transaction, or none when a row is
 * refused unless the bad rows are to be skipped. Guardrails are not checked row by row.
 * Rows are handled a slice at a time (`inTurns`), so a long import leaves the server answering.
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
    const { plan, refused } = await this.plan(user, query, upload, practice);
    const report = query.dryRun
      ? this.report(
          plan,
          refused,
          await this.overlaps(this.interventions.manager, user, plan, practice),
          query,
        )
      : await this.write(user, query, plan, refused, practice);
    return { ...report, refused: await withReasons(report.refused, upload.locale) };
  }

  /** Writes the valid rows in one transaction when they may be written; the report, coded. */
  private async write(
    user: AuthUser,
    query: ImportQuery,
    plan: ImportPlan,
    refused: ImportError[],
    practice: Practice,
  ): Promise<CodedReport> {
    const locks = [
      Locks.consultantWork(user.id),
      ...importQuotaLocks(plan.planned, practice.timezone),
    ];
    return this.transactions.run(async (manager) => {
      const overlaps = await this.overlaps(manager, user, plan, practice);
      const report = this.report(plan, refused, overlaps, query);
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
      if (this.transactions.isPostgres) {
        // The transaction has a connection of its own: other requests go on between slices.
        for await (const slice of inTurns(valid, ROWS_PER_WRITE)) {
          await writeImport(manager, slice, by, this.ledger);
        }
      } else {
        // SQLite has one connection: a request let in between two slices would write inside
        // this transaction, and be lost with it if the import rolled back. Its statements run
        // synchronously, so without a turn of the event loop no other request comes in.
        await writeImport(manager, valid, by, this.ledger);
      }
      await this.written.notify(
        manager,
        valid.map((p) => p.contract.id),
      );
      return { ...report, created: valid.length };
    }, locks);
  }

  /** Everything but the overlap check, which needs the consultant's recorded work. */
  private async plan(
    user: AuthUser,
    query: ImportQuery,
    upload: ImportUpload,
    practice: Practice,
  ): Promise<{ plan: ImportPlan; refused: ImportError[] }> {
    const timezone = practice.timezone;
    const parsed = await parseTimesheetCsv(query.source, upload.table, {
      timezone,
      dateFormat: query.dateFormat,
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
    return { plan, refused };
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

  /** Overlaps with the consultant's recorded work and within the file. */
  private async overlaps(
    manager: EntityManager,
    user: AuthUser,
    plan: ImportPlan,
    practice: Practice,
  ): Promise<ImportError[]> {
    const span = workSpan(plan.planned);
    if (span === null) return [];
    const existing = await this.recordedWork(manager, user.id, span);
    return findOverlaps(plan.planned, existing, practice.timezone);
  }

  /**
   * The consultant's work that may touch the span (a running timer counts up to its limit),
   * read a page at a time in start order, the event loop running between pages: a file imported
   * again meets as much recorded work as it holds rows.
   */
  private async recordedWork(
    manager: EntityManager,
    consultantId: string,
    { first, last }: { first: number; last: number },
  ): Promise<{ start: Date; end: Date }[]> {
    const limit = TIMER_LIMIT_MINUTES * 60_000;
    const work: { start: Date; end: Date }[] = [];
    let after: RecordedRow | null = null;
    for (;;) {
      const query = manager
        .getRepository(Intervention)
        .createQueryBuilder('i')
        .select('i.id', 'id')
        .addSelect('i.startedAt', 'startedAt')
        .addSelect('i.endedAt', 'endedAt')
        .where('i.consultantId = :consultantId', { consultantId })
        .andWhere('i.startedAt < :last', { last: new Date(last).toISOString() })
        .andWhere('(i.endedAt > :first OR (i.endedAt IS NULL AND i.startedAt > :runningSince))', {
          first: new Date(first).toISOString(),
          runningSince: new Date(first - limit).toISOString(),
        })
        .orderBy('i.startedAt')
        .addOrderBy('i.id')
        .limit(RECORDED_PAGE);
      if (after) {
        query.andWhere(
          '(i.startedAt > :afterStart OR (i.startedAt = :afterStart AND i.id > :afterId))',
          {
            afterStart: after.startedAt,
            afterId: after.id,
          },
        );
      }
      const page = await query.getRawMany<RecordedRow>();
      for (const row of page) {
        const start = new Date(row.startedAt);
        work.push({
          start,
          end: row.endedAt ? new Date(row.endedAt) : new Date(start.getTime() + limit),
        });
      }
      if (page.length < RECORDED_PAGE) return work;
      after = page[page.length - 1];
      await nextTurn();
    }
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
    };
  }
}

/** The report before its refused rows are worded for the reader. */
type CodedReport = Omit<ImportReportResponse, 'refused'> & { refused: ImportError[] };
