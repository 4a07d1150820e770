import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailAttachments } from './mail-attachments';
import { OutboxMessage } from './outbox-message.entity';
import { Outbox } from './outbox.service';

/**
 * Mail: the outbox that other modules write to in their own transactions, and the sender
 * that delivers it. Global, like the clock: any module may cause a message.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [Outbox, MailAttachments],
  exports: [Outbox, MailAttachments],
})
export class MailModule {}
