import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { formatQuantity } from '../common/format';
import { PageRequest, WebPages } from './web-pages';

export const CONSOLE_NAV = [
  { href: '/console/inbox', label: 'console.nav.inbox' },
  { href: '/console/week', label: 'console.nav.week' },
  { href: '/console/import', label: 'corrections.nav.import' },
  { href: '/console/clients', label: 'console.nav.clients' },
  { href: '/console/contracts', label: 'console.nav.contracts' },
  { href: '/console/invoices', label: 'console.nav.invoices' },
  { href: '/console/reports', label: 'console.nav.reports' },
  { href: '/console/kb', label: 'console.nav.kb' },
  { href: '/console/coaching', label: 'coaching.nav' },
  // The activities and the people given access are settings too.
  {
    href: '/console/settings',
    label: 'settings.nav',
    within: ['/console/activities', '/console/users', '/console/outbox'],
  },
  { href: '/accounting', label: 'accounting.nav.title' },
];

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
