import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Reads the bytes of a file sent with a message, by the key written in the outbox. */
export type AttachmentReader = (key: string, m: EntityManager) => Promise<Buffer | null>;

/**
 * The port through which the sender reads attachments: the module that owns a kind of file
 * (invoicing owns the stored PDFs) registers a reader for its source at start, so the mail
 * module knows no other module's tables.
 */
@Injectable()
export class MailAttachments {
  private readonly readers = new Map<string, AttachmentReader>();

  register(source: string, reader: AttachmentReader): void {
    this.readers.set(source, reader);
  }

  async read(source: string, key: string, m: EntityManager): Promise<Buffer | null> {
    const reader = this.readers.get(source);
    return reader ? reader(key, m) : null;
  }
}
