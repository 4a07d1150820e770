import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PracticeModule } from '../practice/practice.module';
import { Contract } from './contract.entity';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';

@Module({
  imports: [TypeOrmModule.forFeature([Contract]), PracticeModule],
  controllers: [ContractsController],
  providers: [ContractsService],
  exports: [TypeOrmModule, ContractsService],
})
export class ContractsModule {}
