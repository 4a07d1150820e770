import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailAttachments } from './mail-attachments';
import { MailJobs, MailRunner } from './mail-jobs';
import { OutboxAdmin } from './outbox-admin.service';
import { OutboxAttempt } from './outbox-attempt.entity';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxSender } from './outbox-sender';
import { OutboxController } from './outbox.controller';
import { Outbox } from './outbox.service';

/**
 * Mail: the outbox that other modules write to in their own transactions, the jobs that write
 * messages at their hour (MailJobs), and the runner that runs them and delivers the outbox.
 * Global, like the clock: any module may cause a message.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage, OutboxAttempt])],
  controllers: [OutboxController],
  providers: [Outbox, MailAttachments, MailJobs, MailRunner, OutboxSender, OutboxAdmin],
  exports: [Outbox, MailAttachments, MailJobs, MailRunner, OutboxSender, OutboxAdmin],
})
export class MailModule {}
