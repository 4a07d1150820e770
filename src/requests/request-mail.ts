import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Client } from '../clients/client.entity';
import { AppConfigService } from '../common/app-config.service';
import type { Urgency } from '../common/domain';
import { messageValues } from '../common/error-text';
import { outcome } from '../common/outcome';
import { outcomeText } from '../common/outcome-text';
import { Contract } from '../contracts/contract.entity';
import { ConsultantDigest, localMinute } from '../digest/consultant-digest.service';
import { catalogue, type Locale, type MessageValues } from '../i18n/catalogue';
import { renderMail } from '../mail/mail-templates';
import type { MailKind } from '../mail/outbox-message.entity';
import { Outbox } from '../mail/outbox.service';
import { Practice } from '../practice/practice.entity';
import { toCalendarSettings } from '../practice/practice.service';
import { MailPreferences } from '../users/mail-preferences';
import { User } from '../users/user.entity';
import type { RequestComment } from './request-comment.entity';
import { consultantNotice } from './request-notices';
import { deadlineClock } from './request-rules';
import type { SupportRequest } from './request.entity';
import type { PolicyReason, QuotaUse } from './urgency-policy';

/** A comment's first words, as a digest line or a message quotes it. */
const EXCERPT_CHARS = 280;

/** What one message to the requester says, in the reader's language. */
interface RequesterMessage {
  kind: MailKind;
  template: string;
  subjectKey: string;
  dedupeKey: string;
  values: (locale: Locale) => Record<string, unknown>;
}

/**
 * The messages a request causes, each written in the transaction of its event. To the client's
 * requester: received (its deadline and what the contract says of its level), answered,
 * resolved, reclassified (why), sent at once: the client's staff are not the consultant, and
 * their evenings are theirs to guard (each message can be turned off). To the consultants: a
 * critical request by a message of its own (`consultantNotice` says when), anything else by
 * the digest.
 */
@Injectable()
export class RequestMail {
  constructor(
    private readonly outbox: Outbox,
    private readonly preferences: MailPreferences,
    private readonly digest: ConsultantDigest,
    private readonly config: AppConfigService,
  ) {}

  /**
   * A request filed: received to its requester, and the consultants told. `read`: the practice
   * and the request's contract as the filing read them, not read again.
   */
  async filed(
    m: EntityManager,
    request: SupportRequest,
    quota: QuotaUse,
    read?: { practice: Practice; contract: Contract },
  ): Promise<void> {
    const { practice, contract, client } = await this.context(m, request, read);
    const level = contract.urgencyPolicy.levels[request.urgencyApplied];
    await this.toRequester(
      m,
      request,
      {
        kind: 'request_received',
        template: 'request-received',
        subjectKey: 'mail-requests.received.subject',
        dedupeKey: `request-received:${request.id}`,
        values: (locale) => ({
          ...this.requestValues(locale, request, practice, contract),
          ...messageValues(locale, { responseMinutes: level.responseMinutes }),
          clock: deadlineClock(request.urgencyApplied, contract.urgencyPolicy),
          terms: termsOf(locale, request, quota, level.surchargePercent),
        }),
      },
      practice,
    );
    await this.toConsultants(m, request, practice, contract, client);
  }

  /** The consultant's comment: an answer, to the requester. */
  async answered(
    m: EntityManager,
    request: SupportRequest,
    comment: RequestComment,
    authorName: string,
  ): Promise<void> {
    const { practice, contract } = await this.context(m, request);
    await this.toRequester(
      m,
      request,
      {
        kind: 'request_answered',
        template: 'request-answered',
        subjectKey: 'mail-requests.answered.subject',
        dedupeKey: `request-answered:${comment.id}`,
        values: (locale) => ({
          ...this.requestValues(locale, request, practice, contract),
          authorName,
          body: comment.body,
        }),
      },
      practice,
    );
  }

  /** A comment of the client's staff: a line of the consultants' digest. */
  async clientCommented(
    m: EntityManager,
    request: SupportRequest,
    comment: RequestComment,
    authorName: string,
  ): Promise<void> {
    const client = await m.getRepository(Client).findOneByOrFail({ id: request.clientId });
    await this.digest.add(m, {
      kind: 'comment',
      ref: `comment:${comment.id}`,
      clientId: request.clientId,
      figures: {
        code: 'comment',
        clientName: client.name,
        path: `/console/requests/${request.id}`,
        title: request.title,
        authorName,
        excerpt: excerpt(comment.body),
      },
    });
  }

  async resolved(m: EntityManager, request: SupportRequest): Promise<void> {
    const { practice, contract } = await this.context(m, request);
    await this.toRequester(
      m,
      request,
      {
        kind: 'request_resolved',
        template: 'request-resolved',
        subjectKey: 'mail-requests.resolved.subject',
        dedupeKey: `request-resolved:${request.id}:${request.resolvedAt?.toISOString() ?? ''}`,
        values: (locale) => this.requestValues(locale, request, practice, contract),
      },
      practice,
    );
  }

  /** The consultant changed the request's level: the requester learns to what, and why. */
  async reclassified(m: EntityManager, request: SupportRequest, at: Date): Promise<void> {
    const { practice, contract } = await this.context(m, request);
    await this.toRequester(
      m,
      request,
      {
        kind: 'request_reclassified',
        template: 'request-reclassified',
        subjectKey: 'mail-requests.reclassified.subject',
        dedupeKey: `request-reclassified:${request.id}:${at.toISOString()}`,
        values: (locale) => ({
          ...this.requestValues(locale, request, practice, contract),
          ...messageValues(locale, {
            fromLevel: request.reclassifiedFrom ?? request.urgencyApplied,
          }),
          reason: request.reclassificationReason ?? '',
        }),
      },
      practice,
    );
  }

  private async context(
    m: EntityManager,
    request: SupportRequest,
    read?: { practice: Practice; contract: Contract },
  ) {
    const practice = read?.practice ?? (await m.getRepository(Practice).find({ take: 1 }))[0];
    const contract =
      read?.contract.id === request.contractId
        ? read.contract
        : await m.getRepository(Contract).findOneByOrFail({ id: request.contractId });
    const client = await m.getRepository(Client).findOneByOrFail({ id: request.clientId });
    return { practice, contract, client };
  }

  /** What every message about a request states: its title, contract, level and deadline. */
  private requestValues(
    locale: Locale,
    request: SupportRequest,
    practice: Practice,
    contract: Contract,
  ): Record<string, unknown> {
    return {
      title: request.title,
      ...messageValues(locale, {
        reference: contract.reference,
        level: request.urgencyApplied,
        deadline: localMinute(request.responseDueAt, practice.timezone),
      }),
      practiceName: practice.name,
      url: this.portalUrl(request),
    };
  }

  private portalUrl(request: SupportRequest): string {
    return `${this.config.values.publicUrl}/portal/requests/${request.id}`;
  }

  /**
   * To whoever filed the request, when they are the client's staff and want it (the user read
   * once, for their role, address, preferences and language).
   */
  private async toRequester(
    m: EntityManager,
    request: SupportRequest,
    message: RequesterMessage,
    practice: Practice,
  ): Promise<void> {
    const userId = request.createdById;
    const reader = await this.preferences.reader(m, userId, message.kind, practice);
    if (reader === null || reader.user.role !== 'client') return;
    const { user, locale } = reader;
    const unsubscribeUrl = this.preferences.unsubscribeUrl(userId, message.kind);
    const values = { ...message.values(locale), unsubscribeUrl };
    await this.outbox.enqueue(m, {
      kind: message.kind,
      to: { address: user.email, name: user.displayName, userId, locale },
      clientId: request.clientId,
      content: renderMail(message.template, locale, message.subjectKey, values),
      essential: false,
      unsubscribeUrl,
      links: [{ labelKey: 'mail-requests.open', url: this.portalUrl(request) }],
      dedupeKey: message.dedupeKey,
    });
  }

  /** A critical request interrupts the consultants (at its hour); any other waits for the digest. */
  private async toConsultants(
    m: EntityManager,
    request: SupportRequest,
    practice: Practice,
    contract: Contract,
    client: Client,
  ): Promise<void> {
    const level = request.urgencyApplied;
    const notice = consultantNotice(
      level,
      contract.urgencyPolicy,
      request.createdAt,
      toCalendarSettings(practice),
    );
    const path = `/console/requests/${request.id}`;
    if (notice.by === 'digest') {
      await this.digest.add(
        m,
        {
          kind: 'request',
          ref: `request:${request.id}`,
          clientId: request.clientId,
          figures: {
            code: 'request',
            clientName: client.name,
            path,
            title: request.title,
            level,
            responseDueAt: request.responseDueAt.toISOString(),
          },
        },
        request.createdById,
        practice,
      );
      return;
    }
    const requester = await m.getRepository(User).findOneBy({ id: request.createdById });
    for (const consultant of await this.digest.consultants(m, request.createdById)) {
      const reader = await this.preferences.reader(m, consultant.id, 'request_critical', practice);
      if (reader === null) continue;
      const { locale } = reader;
      const unsubscribeUrl = this.preferences.unsubscribeUrl(consultant.id, 'request_critical');
      const url = `${this.config.values.publicUrl}${path}`;
      const content = renderMail('request-critical', locale, 'mail-requests.critical.subject', {
        ...this.requestValues(locale, request, practice, contract),
        clientName: client.name,
        requesterName: requester?.displayName ?? '',
        description: excerpt(request.description, 2000),
        url,
        unsubscribeUrl,
      });
      await this.outbox.enqueue(m, {
        kind: 'request_critical',
        to: {
          address: consultant.email,
          name: consultant.displayName,
          userId: consultant.id,
          locale,
        },
        clientId: request.clientId,
        content,
        essential: false,
        unsubscribeUrl,
        links: [{ labelKey: 'mail-requests.open', url }],
        notBefore: notice.at,
        dedupeKey: `request-critical:${request.id}:${consultant.id}`,
      });
    }
  }
}

/**
 * What the contract says of the request's level, in sentences: within its quota (or without
 * one), downgraded or billed as overage by the policy (the policy's own words), and the
 * surcharge its work carries.
 */
function termsOf(
  locale: Locale,
  request: SupportRequest,
  quota: QuotaUse,
  surchargePercent: number,
): string[] {
  const t = catalogue();
  const level = request.urgencyApplied;
  const terms: string[] = [];
  const reason = request.reason;
  if (reason !== null && reason.code !== 'as_written') {
    const { code, ...figures } = reason as PolicyReason & { message?: string };
    delete figures.message;
    terms.push(outcomeText(locale, outcome('quota', code, figures)));
  } else if (quota.quota === null) {
    terms.push(
      t.format(locale, 'mail-requests.received.terms.unlimited', levelValues(locale, level)),
    );
  } else {
    terms.push(
      t.format(locale, 'mail-requests.received.terms.included', {
        ...levelValues(locale, level),
        used: quota.used,
        quota: quota.quota,
      }),
    );
  }
  if (surchargePercent > 0) {
    terms.push(
      t.format(locale, 'mail-requests.received.terms.surcharge', {
        ...levelValues(locale, level),
        surchargePercent,
      }),
    );
  }
  return terms;
}

function levelValues(locale: Locale, level: Urgency): MessageValues {
  return messageValues(locale, { level });
}

function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
