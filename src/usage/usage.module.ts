import { Module } from '@nestjs/common';
import { AllowanceModule } from '../allowance/allowance.module';
import { ContractsModule } from '../contracts/contracts.module';
import { InterventionsModule } from '../interventions/interventions.module';
import { PracticeModule } from '../practice/practice.module';
import { RequestsModule } from '../requests/requests.module';
import { UsageController } from './usage.controller';
import { UsageService } from './usage.service';

/** Consumption of contracts: it reads contracts, requests and work, and sits above all three. */
@Module({
  imports: [AllowanceModule, ContractsModule, RequestsModule, InterventionsModule, PracticeModule],
  controllers: [UsageController],
  providers: [UsageService],
  exports: [UsageService, AllowanceModule],
})
export class UsageModule {}
