import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { ClientsService } from '../clients/clients.service';
import { ContractsService } from '../contracts/contracts.service';
import { CreditNotesService } from '../invoicing/credit-notes.service';
import { DraftsService } from '../invoicing/drafts.service';
import { CreateDraftDto, CreditNoteDto, PaymentDto } from '../invoicing/dto/invoice.dto';
import { SendPeriodDto } from '../invoicing/dto/invoice.dto';
import { InvoiceMail, type PeriodSend } from '../invoicing/invoice-mail.service';
import { IssuingService } from '../invoicing/issuing.service';
import { PaymentsService } from '../invoicing/payments.service';
import type { InvoiceDetail } from '../invoicing/invoice-detail';
import { InvoicePdfService } from '../invoicing/invoice-pdf.service';
import { InvoicesService } from '../invoicing/invoices.service';
import { PAYMENT_METHODS } from '../invoicing/payment.entity';
import { PracticeService } from '../practice/practice.service';
import {
  checkDto,
  DraftForm,
  given,
  parseAmountCents,
  PaymentForm,
  unreadable,
} from './console-forms';
import { notFound } from '../common/domain-error';
import {
  creditLineField,
  creditPlain,
  type CreditNoteForm,
  draftLinePlain,
  draftLineValues,
  manualLinesOf,
  ownLineField,
  type DraftLineForm,
} from './console-corrections-forms';
import { ManualLineDto } from '../invoicing/dto/invoice.dto';
import type { FormProblem } from './form-problems';
import { attempt } from './form-problems';
import type { WebLocale } from './i18n';

const ALL = { limit: 500, offset: 0 };

/** The invoices of the console: drafts built, reviewed, issued, paid, credited; PDFs. */
@Injectable()
export class ConsoleInvoices {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly pdfs: InvoicePdfService,
    private readonly clients: ClientsService,
    private readonly contracts: ContractsService,
    private readonly drafts: DraftsService,
    private readonly issuing: IssuingService,
    private readonly payments: PaymentsService,
    private readonly creditNotes: CreditNotesService,
    private readonly mail: InvoiceMail,
    private readonly practice: PracticeService,
  ) {}

  async list(user: AuthUser, period: { from?: string; to?: string }) {
    const [page, clients, contracts, today] = await Promise.all([
      this.invoices.list(user, { ...ALL, ...period }),
      this.clients.list(user, ALL),
      this.contracts.list(user, ALL),
      this.invoices.today(),
    ]);
    const names = new Map(clients.items.map((c) => [c.id, c.name]));
    return {
      ...page,
      clientNames: Object.fromEntries(names),
      contracts: contracts.items
        .filter((c) => c.standing !== 'archived')
        .map((c) => ({ ...c, clientName: names.get(c.clientId) ?? '' })),
      today,
      period,
    };
  }

  async createDraft(form: DraftForm): Promise<{ problems: FormProblem[]; draft?: InvoiceDetail }> {
    const checked = await checkDto(CreateDraftDto, {
      contractId: given(form.contractId),
      periodStart: given(form.periodStart),
      periodEnd: given(form.periodEnd),
    });
    if (!checked.value) return checked;
    return { problems: [], draft: await this.drafts.create(checked.value) };
  }

  async detail(user: AuthUser, id: string) {
    const [doc, today] = await Promise.all([this.invoices.get(user, id), this.invoices.today()]);
    const [client, payments] = await Promise.all([
      this.clients.get(user, doc.clientId),
      doc.kind === 'invoice' && doc.status !== 'draft'
        ? this.payments.list(user, id)
        : Promise.resolve([]),
    ]);
    const { reminderDays } = await this.practice.get();
    return {
      doc,
      clientName: client.name,
      billingEmail: client.billingEmail,
      reminderDays,
      payments,
      today,
      methods: PAYMENT_METHODS,
    };
  }

  /**
   * A draft's page with its line form: the `line`-th manual line to change when asked (404 when
   * the draft has no such line), else an empty one to add.
   */
  async draftDetail(user: AuthUser, id: string, line: string | undefined, locale: WebLocale) {
    const data = await this.detail(user, id);
    if (line === undefined) return { ...data, lineForm: { unit: 'unit' } };
    const manual = manualLinesOf(data.doc.lines)[Number(line)];
    if (!manual || data.doc.status !== 'draft') throw notFound('draft_line');
    return { ...data, lineForm: draftLineValues(manual, Number(line), locale) };
  }

  /**
   * Adds a manual line to the draft, or changes its `line`-th: the draft's manual lines are sent
   * back whole with the one changed, as the API's PATCH takes them; a refusal of that line is
   * said beside the form's field.
   */
  async saveLine(user: AuthUser, id: string, form: DraftLineForm) {
    const outcome = await attempt(async () => {
      const { plain, unread } = draftLinePlain(form);
      const checked = await checkDto(ManualLineDto, plain, unread);
      if (!checked.value) return checked;
      const lines: ManualLineDto[] = manualLinesOf((await this.invoices.get(user, id)).lines);
      const rank = given(form.line);
      const at = rank === undefined ? lines.length : Number(rank);
      if (rank !== undefined && !(/^\d+$/.test(rank) && at < lines.length)) {
        throw notFound('draft_line');
      }
      lines.splice(at, rank === undefined ? 0 : 1, checked.value);
      await this.drafts.update(id, { lines });
      return { problems: [] };
    });
    return { ...outcome, problems: outcome.problems.map(ownLineField) };
  }

  /** Takes the `line`-th manual line off the draft. */
  async removeLine(user: AuthUser, id: string, line: string | undefined): Promise<void> {
    const lines = manualLinesOf((await this.invoices.get(user, id)).lines);
    const at = Number(given(line) ?? NaN);
    if (!Number.isInteger(at) || at < 0 || at >= lines.length) throw notFound('draft_line');
    lines.splice(at, 1);
    await this.drafts.update(id, { lines });
  }

  send(user: AuthUser, id: string): Promise<InvoiceDetail> {
    return this.mail.send(user, id);
  }

  stopReminders(user: AuthUser, id: string): Promise<InvoiceDetail> {
    return this.mail.stopReminders(user, id);
  }

  /** Every unsent document of the period by mail; a refused period is said beside its inputs. */
  async sendPeriod(
    user: AuthUser,
    form: { from?: string; to?: string },
  ): Promise<{ problems: FormProblem[]; sent?: PeriodSend }> {
    const checked = await checkDto(SendPeriodDto, { from: given(form.from), to: given(form.to) });
    if (!checked.value) return checked;
    return { problems: [], sent: await this.mail.sendPeriod(user, checked.value) };
  }

  issue(id: string): Promise<InvoiceDetail> {
    return this.issuing.issue(id);
  }

  rebuild(id: string): Promise<InvoiceDetail> {
    return this.drafts.rebuild(id);
  }

  removeDraft(id: string): Promise<void> {
    return this.drafts.remove(id);
  }

  async pay(id: string, form: PaymentForm): Promise<{ problems: FormProblem[] }> {
    const amount = given(form.amount);
    const cents = amount === undefined ? null : parseAmountCents(amount);
    const unread =
      amount !== undefined && cents === null ? [unreadable('amountCents', 'form.amount')] : [];
    const checked = await checkDto(
      PaymentDto,
      { amountCents: cents ?? amount, paidOn: given(form.paidOn), method: given(form.method) },
      unread,
    );
    if (!checked.value) return checked;
    await this.payments.record(id, checked.value);
    return { problems: [] };
  }

  /**
   * A credit note for the whole invoice, or for the net amounts typed against some of its lines,
   * giving its work back when the box is ticked; a refusal of a line's amount is said beside it.
   */
  async credit(user: AuthUser, id: string, form: CreditNoteForm) {
    let indexes: number[] = [];
    const outcome = await attempt(async () => {
      const invoice = await this.invoices.get(user, id);
      const built = creditPlain(form, invoice.lines.length);
      indexes = built.indexes;
      const checked = await checkDto(CreditNoteDto, built.plain, built.unread);
      if (!checked.value) return checked;
      return { problems: [], note: await this.creditNotes.create(id, checked.value) };
    });
    return { ...outcome, problems: outcome.problems.map((p) => creditLineField(p, indexes)) };
  }

  async pdf(user: AuthUser, id: string) {
    const { fileName, pdf } = await this.pdfs.render(user, id);
    return { fileName, contentType: 'application/pdf', body: pdf };
  }
}
