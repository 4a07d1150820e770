import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Client } from '../clients/client.entity';
import { AppConfigService } from '../common/app-config.service';
import { outcome } from '../common/outcome';
import { outcomeText } from '../common/outcome-text';
import type { Contract } from '../contracts/contract.entity';
import { ConsultantDigest } from '../digest/consultant-digest.service';
import type { Locale } from '../i18n/catalogue';
import { renderMail } from '../mail/mail-templates';
import { Outbox } from '../mail/outbox.service';
import { Practice } from '../practice/practice.entity';
import { MailPreferences } from '../users/mail-preferences';
import { User } from '../users/user.entity';
import type { AlertFigures } from './alert-rules';
import type { AlertKind } from './alert.entity';

/** An alert just written, with its contract. */
export interface RaisedAlert {
  contract: Contract;
  kind: AlertKind;
  period: string;
  figures: AlertFigures;
}

/** The threshold a usage alert names, in percent; null for an alert of another kind. */
const THRESHOLD: Record<AlertKind, number | null> = {
  usage_80: 80,
  usage_100: 100,
  contract_ending: null,
};

/**
 * The messages an alert causes, in the transaction that raises it: a line of the consultants'
 * digest for every alert, and for the usage thresholds (80 % and 100 %) a message to each of
 * the client's active staff who wants it, once per contract, period and threshold.
 */
@Injectable()
export class AlertMail {
  constructor(
    private readonly outbox: Outbox,
    private readonly preferences: MailPreferences,
    private readonly digest: ConsultantDigest,
    private readonly config: AppConfigService,
  ) {}

  async raised(m: EntityManager, alerts: RaisedAlert[]): Promise<void> {
    for (const alert of alerts) {
      const client = await m.getRepository(Client).findOneByOrFail({ id: alert.contract.clientId });
      const { contract, kind, period, figures } = alert;
      await this.digest.add(m, {
        kind: 'alert',
        ref: `alert:${contract.id}:${kind}:${period}`,
        clientId: client.id,
        figures: {
          ...definedOnly(figures),
          code: kind,
          clientName: client.name,
          path: '/console/inbox',
        },
      });
      const threshold = THRESHOLD[kind];
      if (threshold !== null) await this.toClientStaff(m, alert, client, threshold);
    }
  }

  private async toClientStaff(
    m: EntityManager,
    alert: RaisedAlert,
    client: Client,
    threshold: number,
  ): Promise<void> {
    const staff = await m.getRepository(User).find({
      where: { clientId: client.id, role: 'client', active: true },
      order: { createdAt: 'ASC' },
    });
    const [practice] = await m.getRepository(Practice).find({ take: 1 });
    const url = `${this.config.values.publicUrl}/portal`;
    for (const user of staff) {
      if (!(await this.preferences.wants(m, user.id, 'quota_alert'))) continue;
      const locale = await this.preferences.localeOf(m, user.id);
      const unsubscribeUrl = this.preferences.unsubscribeUrl(user.id, 'quota_alert');
      const content = renderMail('quota-alert', locale, 'mail-requests.quota.subject', {
        reference: alert.contract.reference,
        threshold,
        clientName: client.name,
        alert: alertText(locale, alert),
        practiceName: practice?.name,
        url,
        unsubscribeUrl,
      });
      await this.outbox.enqueue(m, {
        kind: 'quota_alert',
        to: { address: user.email, name: user.displayName, userId: user.id, locale },
        clientId: client.id,
        content,
        essential: false,
        unsubscribeUrl,
        links: [{ labelKey: 'mail-requests.quota.open', url }],
        dedupeKey: `quota-alert:${alert.contract.id}:${alert.period}:${threshold}:${user.id}`,
      });
    }
  }
}

/** The alert in its own words (`alert.<kind>`), as the portal shows it. */
function alertText(locale: Locale, alert: RaisedAlert): string {
  return outcomeText(locale, outcome('alert', alert.kind, definedOnly(alert.figures)));
}

function definedOnly(figures: AlertFigures): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(figures).filter(([, v]) => v !== undefined && v !== null),
  );
}
