import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { AppConfigService } from '../common/app-config.service';
import { Transactions } from '../common/transactions';
import { LOGO_MEDIA_TYPES, logoTypeOf, readLogoImage } from './logo-image';
import { Practice } from './practice.entity';
import { PracticeService } from './practice.service';

/** The folder of uploaded logos, inside the data folder. */
export const LOGO_FOLDER = 'logos';

/** A logo as the page shows it: its bytes and their media type. */
export interface LogoFile {
  bytes: Buffer;
  mediaType: string;
}

/**
 * The practice's logo, printed on its invoices: an uploaded PNG or JPEG is checked, written in
 * the data folder's `logos/` under a name drawn from its content (temp file, then rename), and
 * becomes `logoPath`; the file it replaces is removed once the practice names the new one. A
 * path set by hand elsewhere in the data folder is left on disk: it is no upload of ours.
 */
@Injectable()
export class PracticeLogo {
  private readonly logger = new Logger(PracticeLogo.name);

  constructor(
    private readonly practice: PracticeService,
    private readonly transactions: Transactions,
    private readonly config: AppConfigService,
  ) {}

  /** Checks the bytes, stores them and names them as the practice's logo. */
  async set(bytes: Buffer): Promise<Practice> {
    const image = readLogoImage(bytes);
    const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const name = `${LOGO_FOLDER}/logo-${digest}.${image.type === 'png' ? 'png' : 'jpg'}`;
    await this.writeAtomically(name, bytes);
    const { saved, previous } = await this.name(name);
    if (previous && previous !== name) await this.removeFile(previous);
    return saved;
  }

  /** The practice without a logo; the uploaded file it had is removed. */
  async remove(): Promise<Practice> {
    const { saved, previous } = await this.name(null);
    if (previous) await this.removeFile(previous);
    return saved;
  }

  /** The current logo's bytes, or null when there is none or its file cannot be read. */
  async current(): Promise<LogoFile | null> {
    const path = (await this.practice.get()).logoPath;
    if (!path) return null;
    try {
      const bytes = await readFile(this.absolute(path));
      const type = logoTypeOf(bytes);
      return type ? { bytes, mediaType: LOGO_MEDIA_TYPES[type] } : null;
    } catch {
      return null;
    }
  }

  /** Sets logoPath, returning the practice saved and the path it replaces. */
  private name(logoPath: string | null): Promise<{ saved: Practice; previous: string | null }> {
    return this.transactions.run(async (manager) => {
      const current = await this.practice.get(manager);
      const saved = await manager.getRepository(Practice).save({ ...current, logoPath });
      return { saved, previous: current.logoPath };
    });
  }

  private async writeAtomically(name: string, bytes: Buffer): Promise<void> {
    const folder = this.absolute(LOGO_FOLDER);
    await mkdir(folder, { recursive: true });
    const temp = join(folder, `.upload-${randomUUID()}`);
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, this.absolute(name));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** Removes a replaced logo if it is one of ours (in `logos/`); a failure is only logged. */
  private async removeFile(path: string): Promise<void> {
    if (isAbsolute(path) || !path.startsWith(`${LOGO_FOLDER}/`) || path.includes('..')) return;
    try {
      await rm(this.absolute(path), { force: true });
    } catch (error) {
      this.logger.warn(`The replaced logo ${path} could not be removed: ${String(error)}`);
    }
  }

  /** A path of the data folder, as the invoice PDF reads it. */
  private absolute(path: string): string {
    return isAbsolute(path) ? path : join(this.config.values.DATA_DIR, path);
  }
}
