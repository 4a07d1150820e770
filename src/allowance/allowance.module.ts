import { Module } from '@nestjs/common';
import { AllowanceWork } from './allowance-work';

/** The allowance ledger and its loader: below invoicing, read by usage, alerts, drafts, reports. */
@Module({ providers: [AllowanceWork], exports: [AllowanceWork] })
export class AllowanceModule {}
