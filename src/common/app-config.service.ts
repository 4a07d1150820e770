import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, loadConfig } from './config';

/** The validated configuration, typed. ConfigModule has already merged any .env file into the environment. */
@Injectable()
export class AppConfigService {
  private readonly logger = new Logger(AppConfigService.name);
  readonly values: AppConfig;
  private secret?: string;

  constructor(_config: ConfigService) {
    this.values = loadConfig(process.env);
  }

  /**
   * JWT_SECRET, or a secret generated on first start and kept in the data folder (mode 0600),
   * so a fresh clone starts with nothing to configure and tokens survive restarts.
   */
  jwtSecret(): string {
    if (this.secret) return this.secret;
    if (this.values.JWT_SECRET) return (this.secret = this.values.JWT_SECRET);
    const file = join(this.values.DATA_DIR, 'jwt-secret');
    if (existsSync(file)) {
      this.secret = readFileSync(file, 'utf8').trim();
    } else {
      mkdirSync(this.values.DATA_DIR, { recursive: true });
      this.secret = randomBytes(48).toString('base64url');
      writeFileSync(file, this.secret, { mode: 0o600 });
      chmodSync(file, 0o600);
      this.logger.warn(`JWT_SECRET is not set: generated one and stored it in ${file} (mode 0600)`);
    }
    return this.secret;
  }
}
