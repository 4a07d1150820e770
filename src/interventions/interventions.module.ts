import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractsModule } from '../contracts/contracts.module';
import { RequestsModule } from '../requests/requests.module';
import { InterventionDay } from './intervention-day.entity';
import { Intervention } from './intervention.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Intervention, InterventionDay]),
    ContractsModule,
    RequestsModule,
  ],
  controllers: [],
  providers: [],
  exports: [TypeOrmModule],
})
export class InterventionsModule {}
