import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractsModule } from '../contracts/contracts.module';
import { DigestModule } from '../digest/digest.module';
import { PracticeModule } from '../practice/practice.module';
import { UsersModule } from '../users/users.module';
import { User } from '../users/user.entity';
import { QuotaLedger } from './quota-ledger.service';
import { QuotaUnit } from './quota-unit.entity';
import { RequestCancellation } from './request-cancellation.service';
import { RequestChangesService } from './request-changes.service';
import { RequestComment } from './request-comment.entity';
import { RequestFilingService } from './request-filing.service';
import { RequestMail } from './request-mail';
import { RequestWorkLog } from './request-work-log';
import { SupportRequest } from './request.entity';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([SupportRequest, QuotaUnit, RequestComment, User]),
    ContractsModule,
    PracticeModule,
    UsersModule,
    DigestModule,
  ],
  controllers: [RequestsController],
  providers: [
    QuotaLedger,
    RequestsService,
    RequestFilingService,
    RequestChangesService,
    RequestCancellation,
    RequestWorkLog,
    RequestMail,
  ],
  exports: [
    QuotaLedger,
    TypeOrmModule,
    RequestsService,
    RequestFilingService,
    RequestChangesService,
    RequestCancellation,
    RequestWorkLog,
  ],
})
export class RequestsModule {}
