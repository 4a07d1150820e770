import { Injectable } from '@nestjs/common';
import { AlertsService } from '../alerts/alerts.service';
import { URGENCY_LEVELS } from '../common/domain';
import type { Urgency, UrgencyLevelPolicy } from '../common/domain';
import { DomainError } from '../common/domain-error';
import type { Viewer } from '../common/tenant';
import type { ContractView } from '../contracts/contracts.service';
import { ContractsService } from '../contracts/contracts.service';
import { InvoicePdfService } from '../invoicing/invoice-pdf.service';
import { InvoicesService } from '../invoicing/invoices.service';
import { ArticlesService } from '../knowledge/articles.service';
import { DeflectionsService } from '../knowledge/deflections.service';
import type { CreateDeflectionDto } from '../knowledge/dto/deflection.dto';
import { SuggestionsService } from '../knowledge/suggestions.service';
import { FileRequestDto } from '../requests/dto/request.dto';
import { REQUEST_STATUSES, type RequestStatus } from '../requests/request.entity';
import { CommentDto } from '../requests/dto/request.dto';
import { RequestCancellation } from '../requests/request-cancellation.service';
import { RequestChangesService } from '../requests/request-changes.service';
import { RequestFilingService } from '../requests/request-filing.service';
import { canCancel } from '../requests/request-rules';
import { RequestsService } from '../requests/requests.service';
import { ContractUsage, UsageService } from '../usage/usage.service';
import { localMonth } from '../calendar';
import { PracticeService } from '../practice/practice.service';
import type { AuthUser } from '../auth/auth.decorators';
import { checkDto, given, type RequestFileForm } from './console-forms';
import type { FormOutcome } from './console-pages';
import { formFailure, type FormProblem } from './form-problems';
import type { CommentForm } from './request-desk-forms';
import { AutonomyPanel } from './autonomy-panel';

/** What a request's page says was done, after its redirect (`?done=`). */
const REQUEST_DONE = ['commented', 'cancelled'];

/** What a client sees beside each urgency level before committing: cost, time, units left. */
export interface LevelOffer {
  level: Urgency;
  policy: UrgencyLevelPolicy;
  used: number;
  left: number | null;
  resetsOn: string;
}

export interface ContractOffer {
  contract: ContractView;
  usage: ContractUsage;
  levels: LevelOffer[];
}

/** The request form as typed (or as first offered). */
export interface RequestForm {
  contractId?: string;
  title?: string;
  description?: string;
  urgency?: string;
  solved?: boolean;
  [field: string]: unknown;
}

/** The refusals a client's request form shows: its own doing, not another company's objects. */
const FORM_REFUSALS = new Set(['invalid', 'rule', 'conflict']);

/**
 * The portal's pages, each gathered in one call from what the feature services already say:
 * the contracts and their usage, requests, articles, invoices and alerts. No rule lives here.
 */
@Injectable()
export class PortalService {
  constructor(
    private readonly contracts: ContractsService,
    private readonly usage: UsageService,
    private readonly alerts: AlertsService,
    private readonly requests: RequestsService,
    private readonly filing: RequestFilingService,
    private readonly changes: RequestChangesService,
    private readonly cancellation: RequestCancellation,
    private readonly suggestions: SuggestionsService,
    private readonly deflections: DeflectionsService,
    private readonly articles: ArticlesService,
    private readonly invoices: InvoicesService,
    private readonly pdfs: InvoicePdfService,
    private readonly practice: PracticeService,
    private readonly autonomy: AutonomyPanel,
  ) {}

  /** The home page: each active contract's levels, and the latest alerts. */
  async dashboard(viewer: Viewer) {
    const offers = await this.offers(viewer);
    const alerts = (await this.alerts.list(viewer, { limit: 20, offset: 0 })).items;
    const autonomy = viewer.clientId ? await this.autonomy.of(viewer, viewer.clientId) : null;
    return { offers, alerts, autonomy };
  }

  acknowledge(viewer: Viewer, alertId: string): Promise<unknown> {
    return this.alerts.acknowledge(viewer, alertId);
  }

  /** The company's requests, of one status when a known one is asked for, else all. */
  async requestList(viewer: Viewer, status?: string) {
    const page = await this.requests.list(viewer, {
      limit: 100,
      offset: 0,
      ...(isRequestStatus(status) ? { status } : {}),
    });
    return { requests: page.items, total: page.total, status };
  }

  /**
   * The request form, on the contract asked for (else the first), with articles that may help,
   * and the problems found when it was posted.
   */
  async requestForm(viewer: Viewer, form: RequestForm, problems: FormProblem[] = []) {
    const offers = await this.offers(viewer);
    const contractId = form.contractId ?? offers[0]?.contract.id;
    const offer = offers.find((o) => o.contract.id === contractId) ?? offers[0];
    const query = typeof form.title === 'string' ? form.title.trim() : '';
    const suggestions =
      query.length >= 2 ? (await this.suggestions.suggest(viewer, query)).items : [];
    return { offers, offer, form, query, suggestions, problems };
  }

  /**
   * Files a request, checked as the API checks it; one refused (a field missing, the urgency
   * policy's quota spent) comes back as the form as typed, with its problems and the status.
   */
  async file(viewer: Viewer, form: RequestFileForm) {
    const checked = await checkDto(FileRequestDto, {
      contractId: given(form.contractId),
      title: form.title ?? '',
      description: form.description ?? '',
      urgency: given(form.urgency),
    });
    if (!checked.value) {
      return {
        refused: await this.requestForm(viewer, { ...form }, checked.problems),
        status: 400,
      };
    }
    try {
      const filed = await this.filing.file(viewer, checked.value);
      return { redirect: `/portal/requests/${filed.id}/filed` };
    } catch (error) {
      if (!(error instanceof DomainError) || !FORM_REFUSALS.has(error.kind)) throw error;
      const { problems, status } = formFailure(error);
      return { refused: await this.requestForm(viewer, { ...form }, problems), status };
    }
  }

  /**
   * What the urgency policy made of a filed request, read back from the stored request: its
   * outcome, the reason and the level applied; with the applied level's quota use while the
   * month it was filed in is still the current one.
   */
  async filed(viewer: Viewer, id: string) {
    const request = await this.requests.detail(viewer, id);
    const [usage, { timezone }] = await Promise.all([
      this.usage.usage(viewer, request.contractId),
      this.practice.get(),
    ]);
    const sameMonth = usage.month === localMonth(request.createdAt, timezone);
    const { used, quota } = usage.quotas[request.urgencyApplied];
    return {
      filed: {
        ...request,
        quota: sameMonth ? { level: request.urgencyApplied, used, quota } : null,
      },
    };
  }

  /** A request with its thread and work; cancelling is offered while the rules allow it. */
  async request(
    viewer: Viewer,
    id: string,
    extra: { done?: string; commentForm?: CommentForm } = {},
  ) {
    const request = await this.requests.detail(viewer, id);
    const done = REQUEST_DONE.includes(extra.done ?? '') ? extra.done : null;
    return {
      request,
      cancellable: canCancel(request.status),
      commentForm: {},
      commentProblems: [],
      cancelProblems: [],
      ...extra,
      done,
    };
  }

  /** A comment by the company's staff; back to the request once sent. */
  async comment(viewer: AuthUser, id: string, form: CommentForm): Promise<FormOutcome> {
    const checked = await checkDto(CommentDto, { body: form.body ?? '' });
    if (!checked.value) {
      const page = await this.request(viewer, id, { commentForm: form });
      return { page: { ...page, commentProblems: checked.problems }, status: 400 };
    }
    return this.requestAction(
      viewer,
      id,
      'commented',
      'commentProblems',
      { commentForm: form },
      () => this.changes.comment(viewer, id, checked.value),
    );
  }

  /** Withdraws the request while it is open; its quota unit is given back. */
  cancel(viewer: Viewer, id: string): Promise<FormOutcome> {
    return this.requestAction(viewer, id, 'cancelled', 'cancelProblems', {}, () =>
      this.cancellation.cancel(viewer, id),
    );
  }

  private async requestAction(
    viewer: Viewer,
    id: string,
    done: string,
    problemsKey: 'commentProblems' | 'cancelProblems',
    typed: { commentForm?: CommentForm },
    action: () => Promise<unknown>,
  ): Promise<FormOutcome> {
    try {
      await action();
      return { redirect: `/portal/requests/${id}?done=${done}` };
    } catch (error) {
      const { problems, status } = formFailure(error);
      // Another company's request or an unknown one: a 404 page, as on reading it.
      if (status === 404) throw error;
      const page = await this.request(viewer, id, typed);
      return { page: { ...page, [problemsKey]: problems }, status };
    }
  }

  /** Records that an article solved the problem before any request was filed. */
  deflect(viewer: Viewer, dto: CreateDeflectionDto): Promise<unknown> {
    return this.deflections.record(viewer, dto);
  }

  async invoiceList(viewer: Viewer) {
    const page = await this.invoices.list(viewer, { limit: 200, offset: 0 });
    return { invoices: page.items };
  }

  invoicePdf(viewer: Viewer, id: string) {
    return this.pdfs.render(viewer, id);
  }

  async kb(viewer: Viewer, q?: string) {
    const page = await this.articles.list(viewer, { limit: 100, offset: 0, ...(q ? { q } : {}) });
    return { articles: page.items, q: q ?? '' };
  }

  async article(viewer: Viewer, id: string) {
    return { article: await this.articles.get(viewer, id) };
  }

  async offers(viewer: Viewer): Promise<ContractOffer[]> {
    const page = await this.contracts.list(viewer, {
      limit: 100,
      offset: 0,
      active: true,
    });
    return Promise.all(
      page.items.map(async (contract) => {
        const usage = await this.usage.usage(viewer, contract.id);
        const levels = URGENCY_LEVELS.map((level) => {
          const { used, quota, resetsOn } = usage.quotas[level];
          const left = quota === null ? null : Math.max(0, quota - used);
          return { level, policy: contract.urgencyPolicy.levels[level], used, left, resetsOn };
        });
        return { contract, usage, levels };
      }),
    );
  }
}

function isRequestStatus(s: string | undefined): s is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(s ?? '');
}
