import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WebAuthController } from './web-auth.controller';
import { WebErrorFilter } from './web-error.filter';
import { WebPages } from './web-pages';

/**
 * What every server-rendered page shares: rendering, the error page, sign-in. The portal, the
 * console and the accounting page are modules of their own that import this one.
 */
@Module({
  imports: [AuthModule],
  controllers: [WebAuthController],
  providers: [WebPages, WebErrorFilter],
  exports: [WebPages, WebErrorFilter],
})
export class WebModule {}
