import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfigService } from '../common/app-config.service';
import { ServerSecret } from './server-secret.entity';
import { Clock } from '../common/clock';

export const JWT_SECRET_NAME = 'jwt';

/**
 * The secret that signs access tokens: JWT_SECRET, or else one generated on first start and kept
 * where the data lives. On the embedded SQLite database that is the data folder, in a file of
 * mode 0600 beside the database file. On PostgreSQL it is the database itself
 * (`server_secrets`), so every server process on it accepts the tokens of the others.
 * Resolved once (at start, after migrations) and kept in memory from then on: requests never
 * query it again, so a lost database connection cannot fail or outlive a request through it.
 */
@Injectable()
export class JwtSecret {
  private readonly logger = new Logger(JwtSecret.name);
  private secret?: string;
  /** The key object of the secret, made once: the JWT library would make one at every verify. */
  private keyOf?: { secret: string; key: KeyObject };
  /** The attempt in flight, shared by every caller meanwhile; cleared when it settles. */
  private attempt?: Promise<string>;

  constructor(
    private readonly config: AppConfigService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The secret when it is already known (set, or resolved once), without waiting. */
  known(): string | undefined {
    return this.config.values.JWT_SECRET ?? this.secret;
  }

  get(): Promise<string> {
    const known = this.config.values.JWT_SECRET ?? this.secret;
    if (known !== undefined) return Promise.resolve(known);
    // Every caller awaits this very promise, which settles the attempt's bookkeeping in both
    // outcomes: a failed attempt (database down) is forgotten and the next call tries again.
    this.attempt ??= this.resolve().then(
      (secret) => {
        this.secret = secret;
        this.attempt = undefined;
        return secret;
      },
      (error: unknown) => {
        this.attempt = undefined;
        throw error;
      },
    );
    return this.attempt;
  }

  /** The secret as the key object that signs and verifies, made once per secret. */
  async key(): Promise<KeyObject> {
    const secret = await this.get();
    if (this.keyOf?.secret !== secret) {
      this.keyOf = { secret, key: createSecretKey(Buffer.from(secret, 'utf8')) };
    }
    return this.keyOf.key;
  }

  private async resolve(): Promise<string> {
    return this.dataSource.options.type === 'postgres' ? this.fromDatabase() : this.fromFile();
  }

  private async fromDatabase(): Promise<string> {
    const legacy = this.legacyFile();
    const stored = await this.read();
    if (stored !== null) {
      if (legacy) rmSync(legacy.file, { force: true });
      return stored;
    }
    const candidate = legacy?.secret ?? randomBytes(48).toString('base64url');
    // Insert-if-absent: when processes start together, the first insert wins and all read it.
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ServerSecret)
      .values({ name: JWT_SECRET_NAME, value: candidate, createdAt: this.clock.now() })
      .orIgnore()
      .execute();
    const secret = await this.read();
    if (secret === null) throw new Error('The JWT secret could not be stored in the database');
    if (secret === candidate) {
      this.logger.warn(
        legacy
          ? `JWT_SECRET is not set: moved the secret of ${legacy.file} into the database`
          : 'JWT_SECRET is not set: generated one and stored it in the database',
      );
    }
    if (legacy) rmSync(legacy.file, { force: true });
    return secret;
  }

  /** The data folder's secret file, created with mode 0600 by the first process to need it. */
  private fromFile(): Promise<string> {
    const existing = this.legacyFile();
    if (existing) return Promise.resolve(existing.secret);
    const { file } = this.secretFile();
    mkdirSync(this.config.values.DATA_DIR, { recursive: true });
    try {
      // 'wx': only one process creates it; a process that loses the race reads the winner's.
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
      this.logger.warn(`JWT_SECRET is not set: generated one and stored it in ${file} (mode 0600)`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return Promise.resolve(readFileSync(file, 'utf8').trim());
  }

  private secretFile(): { file: string } {
    return { file: join(this.config.values.DATA_DIR, 'jwt-secret') };
  }

  private async read(): Promise<string | null> {
    const row = await this.dataSource
      .getRepository(ServerSecret)
      .findOne({ where: { name: JWT_SECRET_NAME } });
    return row?.value ?? null;
  }

  /**
   * The data folder's secret file. Moving from SQLite to PostgreSQL, its secret is moved into the
   * database once, so tokens signed before the move stay valid.
   */
  private legacyFile(): { file: string; secret: string } | null {
    const { file } = this.secretFile();
    if (!existsSync(file)) return null;
    const secret = readFileSync(file, 'utf8').trim();
    return secret ? { file, secret } : null;
  }
}
