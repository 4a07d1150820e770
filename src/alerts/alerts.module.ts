import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractsModule } from '../contracts/contracts.module';
import { DigestModule } from '../digest/digest.module';
import { PracticeModule } from '../practice/practice.module';
import { UsageModule } from '../usage/usage.module';
import { UsersModule } from '../users/users.module';
import { AlertMail } from './alert-mail';
import { Alert } from './alert.entity';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Alert]),
    ContractsModule,
    PracticeModule,
    UsageModule,
    UsersModule,
    DigestModule,
  ],
  controllers: [AlertsController],
  providers: [AlertsService, AlertMail],
  exports: [AlertsService],
})
export class AlertsModule {}
