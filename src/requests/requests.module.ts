import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractsModule } from '../contracts/contracts.module';
import { QuotaLedger } from './quota-ledger.service';
import { QuotaUnit } from './quota-unit.entity';
import { SupportRequest } from './request.entity';

@Module({
  imports: [TypeOrmModule.forFeature([SupportRequest, QuotaUnit]), ContractsModule],
  controllers: [],
  providers: [QuotaLedger],
  exports: [QuotaLedger, TypeOrmModule],
})
export class RequestsModule {}
