import { DomainError } from '../common/domain-error';

/** The largest logo taken, in bytes: a printed logo needs far less. */
export const LOGO_MAX_BYTES = 1024 * 1024;
/** The longest side of a logo taken, in pixels. */
export const LOGO_MAX_PIXELS = 4096;

export type LogoType = 'png' | 'jpeg';

/** A logo's kind and size in pixels, read from its own header. */
export interface LogoImage {
  type: LogoType;
  width: number;
  height: number;
}

export const LOGO_MEDIA_TYPES: Record<LogoType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The kind of image the bytes are, by their magic bytes alone; null for anything else. */
export function logoTypeOf(bytes: Buffer): LogoType | null {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'jpeg';
  }
  return null;
}

/** A PNG's size, from its first chunk (IHDR); null when the header is not there. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Start-of-frame markers (C0–CF but DHT C4, JPG C8 and DAC CC) carry the frame's size. */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** A JPEG's size, from its first start-of-frame segment; null when there is none. */
function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    // Fill bytes, and markers that stand alone (RSTn, TEM) have no length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return null;
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/**
 * The logo read from its bytes: a PNG or a JPEG (by magic bytes, whatever its name or declared
 * type), of at most LOGO_MAX_BYTES, whose header gives a size of 1 to LOGO_MAX_PIXELS a side.
 * Anything else is refused naming `logo`: 413 `too_large.logo`, else 400 `invalid.logo` with
 * the problem's code.
 */
export function readLogoImage(bytes: Buffer): LogoImage {
  if (bytes.length === 0) throw logoProblem('logo_missing', 'choose a PNG or JPEG image');
  if (bytes.length > LOGO_MAX_BYTES) throw logoTooLarge();
  const type = logoTypeOf(bytes);
  const size = type === 'png' ? pngSize(bytes) : type === 'jpeg' ? jpegSize(bytes) : null;
  if (!type || !size) throw logoProblem('logo_format', 'the logo must be a PNG or JPEG image');
  const { width, height } = size;
  if (width < 1 || height < 1 || width > LOGO_MAX_PIXELS || height > LOGO_MAX_PIXELS) {
    throw logoProblem('logo_dimensions', 'the logo is too large in pixels', {
      width,
      height,
      maxPixels: LOGO_MAX_PIXELS,
    });
  }
  return { type, width, height };
}

/** 400 `invalid.logo`, the problem's code and figures beside the field. */
export function logoProblem(
  code: 'logo_missing' | 'logo_format' | 'logo_dimensions',
  message: string,
  figures: Record<string, unknown> = {},
): DomainError {
  return new DomainError('invalid.logo', `logo: ${message}`, [
    { field: 'logo', code, message, ...figures },
  ]);
}

/** 413 `too_large.logo`: the file passes LOGO_MAX_BYTES. */
export function logoTooLarge(): DomainError {
  const message = `the logo is larger than ${LOGO_MAX_BYTES / 1024} kB`;
  return new DomainError('too_large.logo', `logo: ${message}`, [
    {
      field: 'logo',
      code: 'logo_too_large',
      message,
      maxBytes: LOGO_MAX_BYTES,
      maxKilobytes: LOGO_MAX_BYTES / 1024,
    },
  ]);
}
