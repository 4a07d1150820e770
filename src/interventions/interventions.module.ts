import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Activity } from '../activities/activity.entity';
import { Client } from '../clients/client.entity';
import { ContractsModule } from '../contracts/contracts.module';
import { PracticeModule } from '../practice/practice.module';
import { RequestsModule } from '../requests/requests.module';
import { BillingClaims } from './billing-claims';
import { DayPieces } from './day-pieces.service';
import { GuardrailCheck } from './guardrail-check.service';
import { InterventionDay } from './intervention-day.entity';
import { InterventionRecorder } from './intervention-recorder.service';
import { InterventionReferenceLoader } from './intervention-references.service';
import { InterventionWriter } from './intervention-writer.service';
import { Intervention } from './intervention.entity';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';
import { ImportConnection } from './import-connection';
import { InterventionsController } from './interventions.controller';
import { InterventionsService } from './interventions.service';
import { QuotaAccounting } from './quota-accounting.service';
import { RequestWork } from './request-work';
import { TimerController } from './timer.controller';
import { TimerService } from './timer.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Intervention, InterventionDay, Activity, Client]),
    ContractsModule,
    RequestsModule,
    PracticeModule,
  ],
  controllers: [TimerController, ImportController, InterventionsController],
  providers: [
    BillingClaims,
    DayPieces,
    InterventionReferenceLoader,
    QuotaAccounting,
    InterventionRecorder,
    GuardrailCheck,
    InterventionsService,
    InterventionWriter,
    TimerService,
    ImportService,
    ImportConnection,
    RequestWork,
  ],
  exports: [
    TypeOrmModule,
    BillingClaims,
    InterventionsService,
    InterventionWriter,
    GuardrailCheck,
    TimerService,
    ImportService,
  ],
})
export class InterventionsModule {}
