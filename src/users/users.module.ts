import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from '../clients/client.entity';
import { MailPreferences } from './mail-preferences';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Client])],
  controllers: [UsersController],
  providers: [UsersService, MailPreferences],
  exports: [UsersService, MailPreferences, TypeOrmModule],
})
export class UsersModule {}
