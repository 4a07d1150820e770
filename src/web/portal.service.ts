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
import { RequestFilingService } from '../requests/request-filing.service';
import { RequestsService } from '../requests/requests.service';
import { ContractUsage, UsageService } from '../usage/usage.service';
import { checkDto, given, type RequestFileForm } from './console-forms';
import { formFailure, type FormProblem } from './form-problems';

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
    private readonly suggestions: SuggestionsService,
    private readonly deflections: DeflectionsService,
    private readonly articles: ArticlesService,
    private readonly invoices: InvoicesService,
    private readonly pdfs: InvoicePdfService,
  ) {}

  /** The home page: each active contract's levels, and the latest alerts. */
  async dashboard(viewer: Viewer) {
    const offers = await this.offers(viewer);
    const alerts = (await this.alerts.list(viewer, { limit: 20, offset: 0 })).items;
    return { offers, alerts };
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
      return { filed: await this.filing.file(viewer, checked.value) };
    } catch (error) {
      if (!(error instanceof DomainError) || !FORM_REFUSALS.has(error.kind)) throw error;
      const { problems, status } = formFailure(error);
      return { refused: await this.requestForm(viewer, { ...form }, problems), status };
    }
  }

  async request(viewer: Viewer, id: string) {
    return { request: await this.requests.detail(viewer, id) };
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
