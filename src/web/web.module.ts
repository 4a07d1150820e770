import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AccountingModule } from './accounting.module';
import { ConsoleModule } from './console.module';
import { WebAuthController } from './web-auth.controller';
import { WebErrorFilter } from './web-error.filter';
import { WebPages } from './web-pages';

/** Server-rendered pages: the client portal, the consultant's console, the accountant's page. */
@Module({
  imports: [AuthModule, ConsoleModule, AccountingModule],
  controllers: [WebAuthController],
  providers: [WebPages, WebErrorFilter],
  exports: [WebPages, WebErrorFilter],
})
export class WebModule {}
