import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { AppConfigService } from '../common/app-config.service';
import { Clock } from '../common/clock';
import { messageValues } from '../common/error-text';
import { outcome } from '../common/outcome';
import { outcomeText } from '../common/outcome-text';
import { Transactions } from '../common/transactions';
import { catalogue, type Locale } from '../i18n/catalogue';
import { isUniqueViolation, MailJobs } from '../mail/mail-jobs';
import { renderMail } from '../mail/mail-templates';
import { Outbox } from '../mail/outbox.service';
import { Practice } from '../practice/practice.entity';
import { toCalendarSettings } from '../practice/practice.service';
import { MailPreferences } from '../users/mail-preferences';
import { User } from '../users/user.entity';
import { DigestItem, type DigestFigures, type DigestItemKind } from './digest-item.entity';
import { digestDueAt, nextDigestAt, type DigestSchedule } from './digest-schedule';

/** A line for the consultants' digest, as its event writes it. */
export interface DigestLine {
  kind: DigestItemKind;
  /** What it is about, once per consultant: `request:<id>`, `comment:<id>`… */
  ref: string;
  clientId: string | null;
  figures: DigestFigures;
}

/** The sections of a digest, in the order they are shown. */
const SECTIONS: DigestItemKind[] = ['request', 'comment', 'alert'];

/**
 * The consultants' digest: what need not interrupt them (requests other than critical ones,
 * clients' comments, alerts) waits in `mail_digest_items`, written with its event, and leaves
 * as one message per consultant at the next business day's opening (or the practice's digest
 * time): never at night, on a weekend, a holiday or a closure day.
 */
@Injectable()
export class ConsultantDigest implements OnModuleInit {
  private readonly logger = new Logger(ConsultantDigest.name);

  constructor(
    @InjectRepository(DigestItem) private readonly items: Repository<DigestItem>,
    private readonly outbox: Outbox,
    private readonly preferences: MailPreferences,
    private readonly jobs: MailJobs,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly config: AppConfigService,
  ) {}

  onModuleInit(): void {
    this.jobs.register('consultant-digest', (now) => this.compose(now));
  }

  /** The active consultants, but `except` (who caused the event needs no word of it). */
  async consultants(m: EntityManager, except?: string | null): Promise<User[]> {
    const all = await m.getRepository(User).find({
      where: { role: 'consultant', active: true },
      order: { createdAt: 'ASC' },
    });
    return all.filter((u) => u.id !== except);
  }

  /**
   * Writes the line for every active consultant but `except`, in the event's transaction.
   * `practice`: the practice as the event read it, whose schedule is not read again.
   */
  async add(
    m: EntityManager,
    line: DigestLine,
    except?: string | null,
    practice?: Practice,
  ): Promise<void> {
    const consultants = await this.consultants(m, except);
    if (consultants.length === 0) return;
    const now = this.clock.now();
    const dueAt = nextDigestAt(now, practice ? scheduleOf(practice) : await scheduleIn(m));
    await m
      .createQueryBuilder()
      .insert()
      .into(DigestItem)
      .values(
        consultants.map((u) => ({
          id: randomUUID(),
          userId: u.id,
          kind: line.kind,
          ref: line.ref,
          clientId: line.clientId,
          figures: line.figures,
          createdAt: now,
          dueAt,
          digestedAt: null,
        })),
      )
      .orIgnore()
      .execute();
  }

  /**
   * The mail job: inside a digest's window (see `digestDueAt`), one message per consultant
   * with lines due, each in a transaction that marks its lines.
   */
  async compose(now: Date): Promise<void> {
    const practice = await practiceOf(this.items.manager);
    if (practice === null) return;
    const slot = digestDueAt(now, scheduleOf(practice));
    if (slot === null) return;
    const waiting = await this.items
      .createQueryBuilder('d')
      .select('DISTINCT d.userId', 'userId')
      .where('d.digestedAt IS NULL AND d.dueAt <= :now', { now: now.toISOString() })
      .getRawMany<{ userId: string }>();
    for (const { userId } of waiting) {
      try {
        await this.transactions.run((tm) => this.composeFor(tm, userId, slot, now));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        this.logger.debug(`digest of ${userId} at ${slot.toISOString()}: composed elsewhere`);
      }
    }
  }

  private async composeFor(m: EntityManager, userId: string, slot: Date, now: Date) {
    const items = await m.getRepository(DigestItem).find({
      where: { userId, digestedAt: IsNull(), dueAt: LessThanOrEqual(now) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (items.length === 0) return;
    const ids = items.map((i) => i.id);
    const repo = m.getRepository(DigestItem);
    if (await this.preferences.wants(m, userId, 'digest')) {
      const sent = await this.enqueue(m, userId, items, slot);
      if (sent === null) {
        // This slot's digest already left (a line written just before it, committed after):
        // the line waits for the next one.
        await repo.update(ids, { dueAt: nextDigestAt(now, await scheduleIn(m)) });
        return;
      }
    }
    await repo.update(ids, { digestedAt: now });
  }

  private async enqueue(m: EntityManager, userId: string, items: DigestItem[], slot: Date) {
    const user = await m.getRepository(User).findOneByOrFail({ id: userId });
    const practice = await requirePractice(m);
    const locale = await this.preferences.localeOf(m, userId);
    const base = this.config.values.publicUrl;
    const unsubscribeUrl = this.preferences.unsubscribeUrl(userId, 'digest');
    const sections = SECTIONS.map((kind) => ({
      kind,
      lines: items
        .filter((i) => i.kind === kind)
        .map((i) => ({
          text: lineText(locale, i.figures, practice.timezone),
          url: base + i.figures.path,
        })),
    })).filter((s) => s.lines.length > 0);
    const content = renderMail('digest', locale, 'mail-requests.digest.subject', {
      count: items.length,
      practiceName: practice.name,
      sections,
      inboxUrl: `${base}/console/inbox`,
      unsubscribeUrl,
    });
    return this.outbox.enqueue(m, {
      kind: 'digest',
      to: { address: user.email, name: user.displayName, userId, locale },
      content,
      essential: false,
      unsubscribeUrl,
      links: [{ labelKey: 'mail-requests.digest.open', url: `${base}/console/inbox` }],
      dedupeKey: `digest:${userId}:${slot.toISOString()}`,
    });
  }
}

/** A line of the digest in the reader's language: an alert in the alert's own words. */
function lineText(locale: Locale, figures: DigestFigures, timezone: string): string {
  const { code, path: _path, clientName, ...rest } = figures;
  const local = Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [
      k,
      k.endsWith('At') && typeof v === 'string' ? localMinute(v, timezone) : v,
    ]),
  );
  const t = catalogue();
  if (code === 'request' || code === 'comment') {
    return t.format(
      locale,
      `mail-requests.digest.item.${code}`,
      messageValues(locale, { clientName, ...local }),
    );
  }
  const alert = outcomeText(locale, outcome('alert', code, local));
  return t.format(locale, 'mail-requests.digest.item.alert', { clientName, alert });
}

/** An instant as the wall-clock minute of the practice's zone, `YYYY-MM-DDTHH:mm`, as messages read it. */
export function localMinute(at: Date | string, timezone: string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return DateTime.fromJSDate(instant, { zone: timezone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The practice, or null before the first consultant set it up (no one to write to yet). */
async function practiceOf(m: EntityManager): Promise<Practice | null> {
  const [practice] = await m.getRepository(Practice).find({ take: 1 });
  return practice ?? null;
}

async function requirePractice(m: EntityManager): Promise<Practice> {
  const practice = await practiceOf(m);
  if (practice === null) throw new Error('The practice is not set up: no digest is scheduled');
  return practice;
}

async function scheduleIn(m: EntityManager): Promise<DigestSchedule> {
  return scheduleOf(await requirePractice(m));
}

/** The practice's calendar and digest time. */
export function scheduleOf(practice: Practice): DigestSchedule {
  return { ...toCalendarSettings(practice), digestTime: practice.digestTime };
}
