import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PracticeChanges } from './practice-changes';
import { PracticeLogo } from './practice-logo.service';
import { PracticeController } from './practice.controller';
import { Practice } from './practice.entity';
import { PracticeService } from './practice.service';

@Module({
  imports: [TypeOrmModule.forFeature([Practice])],
  controllers: [PracticeController],
  providers: [PracticeService, PracticeChanges, PracticeLogo],
  exports: [PracticeService, PracticeChanges, PracticeLogo],
})
export class PracticeModule {}
