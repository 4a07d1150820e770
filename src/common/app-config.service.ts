import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig, loadConfig } from './config';

/** The validated configuration, typed. ConfigModule has already merged any .env file into the environment. */
@Injectable()
export class AppConfigService {
  readonly values: AppConfig;

  constructor(_config: ConfigService) {
    this.values = loadConfig(process.env);
  }
}
