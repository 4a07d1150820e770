import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from '../clients/client.entity';
import { InvitationMail } from './invitation-mail';
import { MailPreferences } from './mail-preferences';
import { MeController } from './me.controller';
import { NotificationSettings } from './notification-settings.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Client])],
  controllers: [UsersController, MeController],
  providers: [UsersService, MailPreferences, InvitationMail, NotificationSettings],
  exports: [UsersService, MailPreferences, NotificationSettings, TypeOrmModule],
})
export class UsersModule {}
