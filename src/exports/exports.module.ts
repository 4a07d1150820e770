import { Module } from '@nestjs/common';
import { InvoicingModule } from '../invoicing/invoicing.module';
import { PracticeModule } from '../practice/practice.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** The accountant's exports; they read invoicing, which knows nothing of them. */
@Module({
  imports: [InvoicingModule, PracticeModule],
  controllers: [ExportsController],
  providers: [ExportsService],
  exports: [ExportsService],
})
export class ExportsModule {}
