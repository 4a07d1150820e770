import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ActivitiesModule } from './activities/activities.module';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { ClientsModule } from './clients/clients.module';
import { ContractsModule } from './contracts/contracts.module';
import { ExportsModule } from './exports/exports.module';
import { InterventionsModule } from './interventions/interventions.module';
import { InvoicingModule } from './invoicing/invoicing.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { ReportsModule } from './reports/reports.module';
import { RequestsModule } from './requests/requests.module';
import { UsageModule } from './usage/usage.module';
import { AlertsModule } from './alerts/alerts.module';
import { CoachingModule } from './coaching/coaching.module';
import { AppConfigService } from './common/app-config.service';
import { CommonModule } from './common/common.module';
import { loadConfig } from './common/config';
import { dataSourceOptions } from './common/database';
import { ErrorFilter } from './common/error.filter';
import { throttlers, UserThrottlerGuard } from './common/throttle.guard';
import { ApiInterceptor } from './common/api.interceptor';
import { REDACTED, requestLogOptions } from './common/request-logging';
import { HealthController } from './health/health.controller';
import { PracticeModule } from './practice/practice.module';
import { UsersModule } from './users/users.module';
import { MailModule } from './mail/mail.module';
import { AccountingModule } from './web/accounting.module';
import { ConsoleModule } from './web/console.module';
import { PortalModule } from './web/portal.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: (env) => loadConfig(env) }),
    CommonModule,
    LoggerModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        // No route: each request is logged from a Fastify hook (common/request-logging.ts),
        // not by its middleware run through @fastify/middie.
        forRoutes: [],
        pinoHttp: {
          level: config.values.LOG_LEVEL,
          redact: REDACTED,
          ...requestLogOptions(),
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        ...dataSourceOptions(config.values, []),
        autoLoadEntities: true,
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => throttlers(config.values),
    }),
    MailModule,
    PracticeModule,
    UsersModule,
    AuthModule,
    ClientsModule,
    ActivitiesModule,
    ContractsModule,
    RequestsModule,
    InterventionsModule,
    KnowledgeModule,
    InvoicingModule,
    ReportsModule,
    ExportsModule,
    UsageModule,
    AlertsModule,
    CoachingModule,
    // (more feature modules are added above this line)
    WebModule,
    PortalModule,
    ConsoleModule,
    AccountingModule,
  ],
  controllers: [HealthController],
  providers: [
    // Order matters: authenticate first, so the throttler can count per user.
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: UserThrottlerGuard },
    { provide: APP_FILTER, useClass: ErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: ApiInterceptor },
  ],
})
export class AppModule {}
