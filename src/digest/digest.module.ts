import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { ConsultantDigest } from './consultant-digest.service';
import { DigestItem } from './digest-item.entity';

/**
 * The consultants' digest: what need not interrupt them waits here, written with its event,
 * and leaves as one message at the next business day's opening (a mail job).
 */
@Module({
  imports: [TypeOrmModule.forFeature([DigestItem]), UsersModule],
  providers: [ConsultantDigest],
  exports: [ConsultantDigest],
})
export class DigestModule {}
