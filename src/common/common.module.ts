import { Global, Module } from '@nestjs/common';
import { AppConfigService } from './app-config.service';
import { Clock } from './clock';
import { Transactions } from './transactions';

@Global()
@Module({
  providers: [AppConfigService, Transactions, Clock],
  exports: [AppConfigService, Transactions, Clock],
})
export class CommonModule {}
