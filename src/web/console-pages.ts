import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { DomainError } from '../common/domain-error';
import { formatQuantity } from '../common/format';
import { statusOfKind } from '../common/error.filter';
import type { FieldProblem } from '../common/validation';
import { PageRequest, WebPages } from './web-pages';

export const CONSOLE_NAV = [
  { href: '/console/inbox', label: 'console.nav.inbox' },
  { href: '/console/week', label: 'console.nav.week' },
  { href: '/console/clients', label: 'console.nav.clients' },
  { href: '/console/contracts', label: 'console.nav.contracts' },
  { href: '/console/invoices', label: 'console.nav.invoices' },
  { href: '/console/reports', label: 'console.nav.reports' },
  { href: '/console/kb', label: 'console.nav.kb' },
  { href: '/accounting', label: 'accounting.nav.title' },
];

/** A form that failed: the status to answer and what to say beside the form. */
export interface FormFailure {
  status: number;
  problems: FieldProblem[];
}

/**
 * A refusal from a service, shown on the form that caused it: field problems when the
 * service names fields, else its message. Anything else is not the user's doing: rethrown.
 */
export function formFailure(error: unknown): FormFailure {
  if (!(error instanceof DomainError) || error.kind === 'unauthenticated') throw error;
  const details = Array.isArray(error.details) ? error.details : [];
  const named = details.filter((d) => typeof d.field === 'string');
  return {
    status: statusOfKind(error.kind),
    problems: named.length
      ? named.map((d) => ({ field: d.field!, message: d.message }))
      : [{ field: '', message: error.message }],
  };
}

/**
 * Runs a form's action: its outcome with 200 (or 400 when the form's own checks found
 * problems), or the service's refusal as problems to show beside the form.
 */
export async function attempt<T extends { problems: FieldProblem[] }>(
  action: () => Promise<T>,
): Promise<(T & { status: number }) | FormFailure> {
  try {
    const outcome = await action();
    return { ...outcome, status: outcome.problems.length ? 400 : 200 };
  } catch (error) {
    return formFailure(error);
  }
}

/** What a form's submission comes to: where to go once done, or its page again, with problems. */
export type FormOutcome = { redirect: string } | { page: Record<string, unknown>; status: number };

/** Console pages: the console's navigation on every page. */
@Injectable()
export class ConsolePages {
  constructor(private readonly pages: WebPages) {}

  render(
    req: PageRequest,
    reply: FastifyReply,
    template: string,
    data: Record<string, unknown> = {},
    status = 200,
  ): FastifyReply {
    const locale = this.pages.locale(req);
    const num = { quantity: (n: number) => formatQuantity(n, locale) };
    return this.pages.render(req, reply, template, { nav: CONSOLE_NAV, num, ...data }, status);
  }

  redirect(reply: FastifyReply, to: string): FastifyReply {
    return this.pages.redirect(reply, to);
  }

  /** Answers a form's submission: on to the next page, or its page again with the problems. */
  answer(
    req: PageRequest,
    reply: FastifyReply,
    template: string,
    outcome: FormOutcome,
  ): FastifyReply {
    if ('redirect' in outcome) return this.redirect(reply, outcome.redirect);
    return this.render(req, reply, template, outcome.page, outcome.status);
  }

  download(reply: FastifyReply, file: DownloadFile): FastifyReply {
    return sendFile(reply, file);
  }
}

export interface DownloadFile {
  fileName: string;
  contentType: string;
  body: Buffer | Readable;
}

/** A file to download: a PDF, a CSV, a FEC, an archive streamed as it is made. */
export function sendFile(reply: FastifyReply, file: DownloadFile): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}
