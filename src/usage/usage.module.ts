import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { InterventionsModule } from '../interventions/interventions.module';
import { PracticeModule } from '../practice/practice.module';
import { RequestsModule } from '../requests/requests.module';
import { ContractWork } from './contract-work';
import { UsageController } from './usage.controller';
import { UsageService } from './usage.service';

/** Consumption of contracts: it reads contracts, requests and work, and sits above all three. */
@Module({
  imports: [ContractsModule, RequestsModule, InterventionsModule, PracticeModule],
  controllers: [UsageController],
  providers: [UsageService, ContractWork],
  exports: [UsageService, ContractWork],
})
export class UsageModule {}
