import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { User } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { AccountMailController } from './account-mail.controller';
import { AccountMailPages } from './account-mail.service';
import { AccountPasswordController } from './account-password.controller';
import { AccountPassword } from './account-password.service';
import { WebAuthController } from './web-auth.controller';
import { WebErrorFilter } from './web-error.filter';
import { PageNotFoundFilter } from './page-not-found.filter';
import { WebPages } from './web-pages';
import { WebSetupPageController } from './web-setup-page.controller';
import { SetupPage } from './web-setup-page.service';

/**
 * What every server-rendered page shares: rendering, the error page, sign-in, one's own
 * password and the first start. The portal, the console and the accounting page are modules of their own that import
 * this one.
 */
@Module({
  imports: [AuthModule, UsersModule, TypeOrmModule.forFeature([User])],
  controllers: [
    WebAuthController,
    WebSetupPageController,
    AccountPasswordController,
    AccountMailController,
  ],
  providers: [
    WebPages,
    WebErrorFilter,
    SetupPage,
    AccountPassword,
    AccountMailPages,
    // An address no route serves: a page outside /api, JSON under it.
    { provide: APP_FILTER, useClass: PageNotFoundFilter },
  ],
  exports: [WebPages, WebErrorFilter, SetupPage],
})
export class WebModule {}
