import { Global, Module } from '@nestjs/common';
import { AppConfigService } from './app-config.service';
import { Transactions } from './transactions';

@Global()
@Module({
  providers: [AppConfigService, Transactions],
  exports: [AppConfigService, Transactions],
})
export class CommonModule {}
