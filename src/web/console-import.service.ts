import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth.decorators';
import { ActivitiesService } from '../activities/activities.service';
import { DomainError } from '../common/domain-error';
import { URGENCY_LEVELS } from '../common/domain';
import { ImportQuery } from '../interventions/dto/import.dto';
import type { ImportReportResponse } from '../interventions/dto/intervention.response';
import { TIMESHEET_SOURCES } from '../interventions/import';
import { readTable, uploadedText } from '../interventions/import-upload';
import type { Locale } from '../i18n';
import { ImportService } from '../interventions/import.service';
import { checkDto } from './console-forms';
import type { FormOutcome } from './console-pages';
import {
  importOptions,
  importQueryPlain,
  ImportPageForm,
  PAGE_IMPORT_BYTES,
} from './console-import-forms';
import { attempt, type FormProblem } from './form-problems';

const ALL = { limit: 500, offset: 0 };

/** The import page: a CSV export checked without writing, then imported once confirmed. */
@Injectable()
export class ConsoleImport {
  constructor(
    private readonly imports: ImportService,
    private readonly activities: ActivitiesService,
  ) {}

  /** The page: the upload form, and what the last step found (a report, or problems). */
  async page(
    form: Record<string, string | undefined> = {},
    problems: FormProblem[] = [],
    report: ImportReportResponse | null = null,
    created: number | null = null,
  ) {
    const activities = await this.activities.list(ALL);
    return {
      form,
      problems,
      report,
      created,
      csv: report && report.accepted > 0 ? (form.csv ?? '') : '',
      sources: TIMESHEET_SOURCES,
      urgencies: URGENCY_LEVELS,
      activities: activities.items.map((a) => ({ id: a.id, name: a.name })),
    };
  }

  /**
   * The uploaded export checked, nothing written: the page with its report (each refused line
   * said in the page's language), or the problems.
   */
  async check(user: AuthUser, request: FastifyRequest, locale: Locale): Promise<FormOutcome> {
    let form: Record<string, string | undefined> = {};
    const outcome = await attempt(async () => {
      const upload = await readPageUpload(request);
      form = { ...upload.fields, csv: upload.csv };
      // Checked from its bytes, so that the report says the encoding they were read in.
      return this.run(user, form, true, locale, upload.bytes);
    });
    const report = 'report' in outcome ? (outcome.report ?? null) : null;
    const page = await this.page(
      { ...importOptions(form), csv: form.csv },
      outcome.problems,
      report,
    );
    return { page, status: outcome.status };
  }

  /** The export sent back, imported: on to the page saying how many, or its report again. */
  async confirm(user: AuthUser, form: ImportPageForm, locale: Locale): Promise<FormOutcome> {
    const fields = form as Record<string, string>;
    const outcome = await attempt(() => this.run(user, fields, false, locale));
    const report = 'report' in outcome ? (outcome.report ?? null) : null;
    if (report && report.created > 0)
      return { redirect: `/console/import?created=${report.created}` };
    const page = await this.page(
      { ...importOptions(form), csv: form.csv, skipInvalid: form.skipInvalid },
      outcome.problems,
      report,
    );
    return { page, status: report ? 422 : outcome.status };
  }

  private async run(
    user: AuthUser,
    form: Record<string, string | undefined>,
    dryRun: boolean,
    locale: Locale,
    bytes?: Buffer,
  ): Promise<{ problems: FormProblem[]; report?: ImportReportResponse }> {
    const fields = form as ImportPageForm;
    const query = await checkDto(ImportQuery, importQueryPlain(fields, dryRun));
    if (!query.value) return query;
    const table = await readTable(bytes ?? form.csv ?? '', 'file');
    return {
      problems: [],
      report: await this.imports.run(user, query.value, { table, options: {}, locale }),
    };
  }
}

/**
 * The upload form as sent (multipart): its fields, and the file's bytes and text (in whatever
 * encoding it was saved), refused beyond what the page can send back to be imported, or when it
 * is no text.
 */
async function readPageUpload(
  request: FastifyRequest,
): Promise<{ fields: Record<string, string>; csv: string; bytes: Buffer }> {
  const fields: Record<string, string> = {};
  let csv: string | null = null;
  let bytes = Buffer.alloc(0);
  if (!request.isMultipart()) throw noFile();
  for await (const part of request.parts()) {
    if (part.type !== 'file') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file' || csv !== null) {
      part.file.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= PAGE_IMPORT_BYTES) chunks.push(chunk);
    }
    if (size > PAGE_IMPORT_BYTES) throw pageFileTooLarge();
    bytes = Buffer.concat(chunks);
    csv = uploadedText(bytes, 'file').text;
  }
  const checked = await checkDto(ImportPageForm, fields);
  if (!checked.value) throw new DomainError('invalid.input', 'Invalid input', checked.problems);
  if (!csv) throw noFile();
  return { fields, csv, bytes };
}

/** 400 beside the file input: no export chosen. */
function noFile(): DomainError {
  return new DomainError('invalid.input', 'choose the CSV export to import', [
    { field: 'file', message: 'choose the CSV export to import', code: 'isDefined' },
  ]);
}

/** 413: the page takes a smaller file than the API; the words say how to go on. */
function pageFileTooLarge(): DomainError {
  return new DomainError(
    'too_large.page_file',
    `The page takes files of ${PAGE_IMPORT_BYTES} bytes at most`,
    [
      {
        field: 'file',
        message:
          'the file is larger than the page takes: split the export by period, or use the API',
        maxKilobytes: PAGE_IMPORT_BYTES / 1024,
      },
    ],
  );
}
