import { Global, Module } from '@nestjs/common';
import { AppConfigService } from './app-config.service';
import { Clock } from './clock';
import { Transactions } from './transactions';
import { WorkWritten } from './work-written';

@Global()
@Module({
  providers: [AppConfigService, Transactions, Clock, WorkWritten],
  exports: [AppConfigService, Transactions, Clock, WorkWritten],
})
export class CommonModule {}
