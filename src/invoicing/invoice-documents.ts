import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredPdf {
  pdf: Buffer;
  sha256: string;
}

/** SHA-256 (hex) of a file. */
export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The PDF files of issued documents (table invoice_documents): written once, at issue, in the
 * issue's transaction, then refused any UPDATE or DELETE by triggers. Plain SQL rather than an
 * entity: the bytes are a BLOB on SQLite and a bytea on PostgreSQL, and both drivers hand them
 * back as a Buffer.
 */
@Injectable()
export class InvoiceDocuments {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the file of a document; `ifAbsent` leaves a file already there as it is. */
  async store(
    m: EntityManager,
    invoiceId: string,
    pdf: Buffer,
    createdAt: Date,
    ifAbsent = false,
  ): Promise<StoredPdf> {
    const sha256 = sha256Of(pdf);
    const p = placeholders(m, 4);
    await m.query(
      `INSERT INTO invoice_documents ("invoiceId", "pdf", "sha256", "createdAt") VALUES (${p})` +
        (ifAbsent ? ' ON CONFLICT ("invoiceId") DO NOTHING' : ''),
      [invoiceId, pdf, sha256, createdAt.toISOString()],
    );
    return { pdf, sha256 };
  }

  async read(
    invoiceId: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<StoredPdf | null> {
    const rows: unknown = await m.query(
      `SELECT "pdf", "sha256" FROM invoice_documents WHERE "invoiceId" = ${placeholders(m, 1)}`,
      [invoiceId],
    );
    const [row] = rows as { pdf: Buffer | Uint8Array; sha256: string }[];
    return row ? { pdf: Buffer.from(row.pdf), sha256: row.sha256 } : null;
  }
}

function placeholders(m: EntityManager, count: number): string {
  const postgres = m.connection.options.type === 'postgres';
  return Array.from({ length: count }, (_, k) => (postgres ? `$${k + 1}` : '?')).join(', ');
}
