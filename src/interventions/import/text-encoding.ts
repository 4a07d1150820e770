/**
 * The text of an export, whatever encoding it was saved in: UTF-8 with or without its
 * byte-order mark, UTF-16 (little or big endian, told by its mark or its zero bytes), or the
 * single-byte Western encoding a spreadsheet saves CSV in (Windows-1252, ISO-8859-1), chosen by
 * chardet from the file's bytes. Read slice by slice as the file arrives, turned into UTF-8.
 */
import type * as Chardet from 'chardet';
import type * as IconvLite from 'iconv-lite';
import type { DecoderStream } from 'iconv-lite';
import { onFirstUse } from '../../common/on-first-use';

const chardet = onFirstUse<typeof Chardet>('chardet');
const iconvLite = onFirstUse<typeof IconvLite>('iconv-lite');

export const TEXT_ENCODINGS = [
  'UTF-8',
  'UTF-16LE',
  'UTF-16BE',
  'windows-1252',
  'ISO-8859-1',
] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/**
 * What a file that is not UTF-8 is taken as, in chardet's order of likelihood; when chardet names
 * none of them, Windows-1252 (what Excel saves "CSV" in, in Western Europe). Both are read as
 * Windows-1252, which reads every letter of ISO-8859-1 the same and gives its unused bytes
 * 0x80-0x9F the letters spreadsheets put there (’ € –); a file holding one is Windows-1252.
 */
const SINGLE_BYTE = ['windows-1252', 'ISO-8859-1'] as const;

/** Bytes read before the encoding of a file without a byte-order mark is judged. */
const SNIFF_BYTES = 512;
/**
 * What chardet judges a file that is not UTF-8 on: the bytes from its first letter beyond ASCII
 * on, and the text just before it; the same bytes however the file arrives.
 */
const JUDGED_BYTES = 4096;
const CONTEXT_BYTES = 1024;

/**
 * A file read as UTF-8 (a letter of it proved so) that stops being UTF-8 at `line`: two files
 * pasted together, saved in two encodings. Its names would not match anything.
 */
export class NotUtf8 extends Error {
  /** `offset`: where in the slice being read the text stops being UTF-8. */
  constructor(
    readonly line: number,
    readonly offset = 0,
  ) {
    super(`line ${line} is not UTF-8 text as the lines before it are: save the export again`);
    this.name = 'NotUtf8';
  }
}

/** A file holding zero bytes outside UTF-16: a workbook or another binary file, not CSV text. */
export class NotText extends Error {
  constructor(readonly line: number) {
    super(`the file is not text (line ${line}): export the time entries as CSV`);
    this.name = 'NotText';
  }
}

/**
 * Turns a file's bytes into UTF-8 slice by slice. Until a letter beyond ASCII shows, the file is
 * taken as UTF-8 (plain ASCII reads the same in every encoding this reads); the first letter
 * decides: valid UTF-8 settles it, anything else is a single-byte file and is read so from its
 * start. `encoding` says, once the file is read, what it was read as.
 */
export class FileText {
  encoding: TextEncoding = 'UTF-8';
  private mode: 'start' | 'utf8' | 'judging' | 'decoder' = 'start';
  /** The last bytes given on while only ASCII was read: context for chardet. */
  private recent: Buffer = Buffer.alloc(0);
  /** Bytes read but not given on: the start of the file, or a letter not finished yet. */
  private held: Buffer = Buffer.alloc(0);
  /** A letter beyond ASCII was read as UTF-8: the encoding can no longer change. */
  private settled = false;
  private utf8 = new Utf8Check();
  private decoder: DecoderStream | null = null;
  private lines = 1;

  /** The next bytes of the file; the UTF-8 text they complete. */
  push(bytes: Buffer): Buffer {
    if (this.mode === 'start') {
      this.held = Buffer.concat([this.held, bytes]);
      if (this.held.length < SNIFF_BYTES) return Buffer.alloc(0);
      return this.begin();
    }
    if (this.mode === 'judging') return this.judge(bytes, false);
    return this.mode === 'utf8' ? this.utf8Slice(bytes) : this.decoded(bytes);
  }

  /** The end of the file: what was held back. */
  end(): Buffer {
    let rest = this.mode === 'start' ? this.begin() : Buffer.alloc(0);
    if (this.mode === 'judging') rest = Buffer.concat([rest, this.judge(Buffer.alloc(0), true)]);
    if (this.mode === 'decoder') return Buffer.concat([rest, this.text(this.decoder!.end() ?? '')]);
    if (!this.settled && this.held.length > 0) {
      // The file ends within what would be a letter of UTF-8: it is a single-byte file.
      this.mode = 'judging';
      return Buffer.concat([rest, this.judge(Buffer.alloc(0), true)]);
    }
    this.utf8.end();
    return rest;
  }

  /** Decides from the first bytes: a byte-order mark, zero bytes of UTF-16, or UTF-8 for now. */
  private begin(): Buffer {
    const first = this.held;
    this.held = Buffer.alloc(0);
    if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) {
      this.mode = 'utf8';
      this.settled = true;
      return this.utf8Slice(first.subarray(3));
    }
    const utf16 = utf16Of(first);
    if (utf16) return this.startDecoder(utf16, first);
    this.mode = 'utf8';
    return this.utf8Slice(first);
  }

  private utf8Slice(bytes: Buffer): Buffer {
    const all = this.held.length > 0 ? Buffer.concat([this.held, bytes]) : bytes;
    let text: string;
    try {
      text = this.utf8.check(bytes);
    } catch (error) {
      if (!(error instanceof NotUtf8) || this.settled) throw error;
      // A letter read as UTF-8 before the byte that is not settles the file as UTF-8 all the same.
      if (beyondAscii(Buffer.concat([this.held, bytes.subarray(0, error.offset)]))) throw error;
      this.mode = 'judging';
      return this.judge(bytes, false);
    }
    this.checkZeroBytes(text);
    this.held = Buffer.alloc(0);
    if (this.settled || /[\u0080-\uffff]/.test(text)) {
      this.settled = true;
      return all;
    }
    // Only ASCII so far: bytes of a letter not finished wait for the next slice.
    let cut = all.length;
    while (cut > 0 && all[cut - 1] >= 0x80) cut--;
    this.held = all.subarray(cut);
    const given = all.subarray(0, cut);
    this.recent = Buffer.concat([this.recent, given]).subarray(-CONTEXT_BYTES);
    return given;
  }

  /**
   * The file is no UTF-8: once JUDGED_BYTES are held from its first letter beyond ASCII (or the
   * file ends), chardet judges them, and the file is read from there as it says.
   */
  private judge(bytes: Buffer, ended: boolean): Buffer {
    this.held = Buffer.concat([this.held, bytes]);
    if (!ended && this.held.length < JUDGED_BYTES) return Buffer.alloc(0);
    const sample = Buffer.concat([this.recent, this.held.subarray(0, JUDGED_BYTES)]);
    const judged = chardet()
      .analyse(sample)
      .find((match) => (SINGLE_BYTE as readonly string[]).includes(match.name));
    const held = this.held;
    this.held = Buffer.alloc(0);
    return this.startDecoder((judged?.name as TextEncoding | undefined) ?? SINGLE_BYTE[0], held);
  }

  private startDecoder(encoding: TextEncoding, bytes: Buffer): Buffer {
    this.mode = 'decoder';
    this.encoding = encoding;
    const singleByte = (SINGLE_BYTE as readonly string[]).includes(encoding);
    this.decoder = iconvLite().getDecoder(singleByte ? 'windows-1252' : encoding);
    return this.decoded(bytes);
  }

  private decoded(bytes: Buffer): Buffer {
    if (this.encoding === 'ISO-8859-1' && bytes.some((byte) => byte >= 0x80 && byte < 0xa0)) {
      this.encoding = 'windows-1252';
    }
    return this.text(this.decoder!.write(bytes));
  }

  private text(text: string): Buffer {
    this.checkZeroBytes(text);
    this.lines += newlines(text);
    return Buffer.from(text, 'utf8');
  }

  private checkZeroBytes(text: string): void {
    const zero = text.indexOf('\u0000');
    if (zero === -1) return;
    const before = this.mode === 'utf8' ? this.utf8.linesBefore(text) : this.lines;
    throw new NotText(before + newlines(text.slice(0, zero)));
  }
}

/**
 * UTF-16 without its mark shows by its zero bytes: one byte in two of the first ones, on the
 * odd side for little endian. A byte-order mark settles it first.
 */
function utf16Of(first: Buffer): TextEncoding | null {
  if (first[0] === 0xff && first[1] === 0xfe) return 'UTF-16LE';
  if (first[0] === 0xfe && first[1] === 0xff) return 'UTF-16BE';
  const pairs = Math.floor(Math.min(first.length, SNIFF_BYTES) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (first[2 * i] === 0) evenZeros++;
    if (first[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.6 && evenZeros === 0) return 'UTF-16LE';
  if (evenZeros > pairs * 0.6 && oddZeros === 0) return 'UTF-16BE';
  return null;
}

/** True when the bytes, read as UTF-8, hold a whole letter beyond ASCII. */
function beyondAscii(bytes: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return /[\u0080-\uffff]/.test(text);
  } catch {
    return false;
  }
}

/** The whole text of a file held in memory, and the encoding it was read in. */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  const reading = new FileText();
  const text = Buffer.concat([reading.push(bytes), reading.end()]).toString('utf8');
  return { text, encoding: reading.encoding };
}

/** Checks slices of a file as UTF-8, counting lines so as to say where it is not. */
class Utf8Check {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private lines = 1;
  private previous: Buffer = Buffer.alloc(0);

  /** The slice's text (a letter begun at its end comes with the next one). */
  check(slice: Buffer): string {
    let text: string;
    try {
      text = this.decoder.decode(slice, { stream: true });
    } catch {
      const bad = this.firstBadByte(slice);
      throw new NotUtf8(this.lines + countNewlines(slice.subarray(0, bad)), bad);
    }
    this.lines += countNewlines(slice);
    this.previous = slice;
    return text;
  }

  /** The line a text just checked starts on. */
  linesBefore(text: string): number {
    return this.lines - newlines(text);
  }

  /** A file cut within a letter. */
  end(): void {
    try {
      this.decoder.decode();
    } catch {
      throw new NotUtf8(this.lines);
    }
  }

  /**
   * Where in `slice` the text stops being UTF-8: the longest prefix a fresh decoder reads, the
   * letter begun at the end of the previous slice included (found by halving; only on refusal).
   */
  private firstBadByte(slice: Buffer): number {
    const tail = this.previous.subarray(Math.max(0, this.previous.length - 3));
    const lead = tail.findLastIndex((byte) => (byte & 0xc0) !== 0x80);
    const carried = lead < 0 ? Buffer.alloc(0) : tail.subarray(lead);
    const bytes = Buffer.concat([carried, slice]);
    const reads = (length: number): boolean => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), {
          stream: true,
        });
        return true;
      } catch {
        return false;
      }
    };
    let low = 0;
    let high = bytes.length;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (reads(middle)) low = middle;
      else high = middle - 1;
    }
    return Math.max(0, low - carried.length);
  }
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
}

function newlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
