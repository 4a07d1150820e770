import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfigService } from '../common/app-config.service';
import { ServerSecret } from './server-secret.entity';

export const JWT_SECRET_NAME = 'jwt';

/**
 * The secret that signs access tokens: JWT_SECRET, or else one generated once and kept in the
 * database (`server_secrets`), so every server process on the same database accepts the tokens
 * of the others. Resolved on first use, after migrations, and kept in memory from then on.
 */
@Injectable()
export class JwtSecret {
  private readonly logger = new Logger(JwtSecret.name);
  private resolved?: Promise<string>;

  constructor(
    private readonly config: AppConfigService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get(): Promise<string> {
    const configured = this.config.values.JWT_SECRET;
    if (configured) return Promise.resolve(configured);
    // A failed attempt (database down) is not kept: the next request tries again.
    this.resolved ??= this.fromDatabase().catch((error: unknown) => {
      this.resolved = undefined;
      throw error;
    });
    return this.resolved;
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
      .values({ name: JWT_SECRET_NAME, value: candidate, createdAt: new Date() })
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

  private async read(): Promise<string | null> {
    const row = await this.dataSource
      .getRepository(ServerSecret)
      .findOne({ where: { name: JWT_SECRET_NAME } });
    return row?.value ?? null;
  }

  /**
   * Earlier versions kept the generated secret in DATA_DIR/jwt-secret: it is moved into the
   * database once, so tokens signed before the upgrade stay valid.
   */
  private legacyFile(): { file: string; secret: string } | null {
    const file = join(this.config.values.DATA_DIR, 'jwt-secret');
    if (!existsSync(file)) return null;
    const secret = readFileSync(file, 'utf8').trim();
    return secret ? { file, secret } : null;
  }
}
