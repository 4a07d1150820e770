import {
  DEFAULT_CREDIT_NOTE_NUMBER_FORMAT,
  DEFAULT_INVOICE_NUMBER_FORMAT,
  formatDocumentNumber,
  seriesKey,
  validateNumberFormat,
} from './document-numbers';

describe('formatDocumentNumber', () => {
  it.each([
    [DEFAULT_INVOICE_NUMBER_FORMAT, { year: 2026, seq: 42 }, 'F2026-00042'],
    [DEFAULT_CREDIT_NOTE_NUMBER_FORMAT, { year: 2026, seq: 3 }, 'AV2026-00003'],
    ['F{YYYY}-{SEQ:5}', { year: 2026, seq: 123_456 }, 'F2026-123456'],
    ['{YY}{MM}-{SEQ:3}', { year: 2027, month: 3, seq: 7 }, '2703-007'],
    ['INV/{YYYY}/{SEQ}', { year: 2026, seq: 9 }, 'INV/2026/9'],
    ['{SEQ:6}', { year: 2026, seq: 1 }, '000001'],
    ['F{YY}-{SEQ:4}', { year: 2100, seq: 12 }, 'F00-0012'],
  ])('%s with %j → %s', (format, parts, expected) => {
    expect(formatDocumentNumber(format, parts)).toBe(expected);
  });

  it.each([
    ['{MM}-{SEQ}', { year: 2026, seq: 1 }],
    ['F{SEQ}', { year: 2026, seq: 0 }],
    ['F{SEQ}', { year: 2026, seq: 1.5 }],
    ['F{DD}{SEQ}', { year: 2026, seq: 1 }],
  ])('refuses %s with %j', (format, parts) => {
    expect(() => formatDocumentNumber(format, parts)).toThrow(RangeError);
  });
});

describe('seriesKey', () => {
  it('restarts the counter each year when the number shows the year', () => {
    expect(seriesKey('F{YYYY}-{SEQ:5}', 2026)).not.toBe(seriesKey('F{YYYY}-{SEQ:5}', 2027));
    expect(seriesKey('F{YY}-{SEQ:5}', 2026)).not.toBe(seriesKey('F{YY}-{SEQ:5}', 2027));
  });

  it('runs one counter for ever when the number does not show the year', () => {
    expect(seriesKey('F-{SEQ:6}', 2026)).toBe(seriesKey('F-{SEQ:6}', 2027));
  });

  it('keeps invoices and credit notes on separate counters', () => {
    expect(seriesKey(DEFAULT_INVOICE_NUMBER_FORMAT, 2026)).not.toBe(
      seriesKey(DEFAULT_CREDIT_NOTE_NUMBER_FORMAT, 2026),
    );
  });
});

describe('validateNumberFormat', () => {
  it.each([
    ['F{YYYY}-{SEQ:5}', []],
    ['AV{YY}{MM}{SEQ}', []],
    ['INV/{YYYY}/{SEQ:4}', []],
    ['F{YYYY}', ['seq_token']],
    ['F{SEQ}-{SEQ:3}', ['seq_token']],
    ['F{YEAR}-{SEQ}', ['unknown_token']],
    ['F{seq}', ['unknown_token', 'seq_token']],
    ['F{SEQ:0}', ['seq_width']],
    ['F{SEQ:13}', ['seq_width']],
    ['F{YYYY-{SEQ}', ['braces']],
    ['F}{SEQ}', ['braces']],
    ['F {SEQ}', ['whitespace']],
    ['INVOICE-NUMBER-{YYYY}-{SEQ:5}X', []],
    ['INVOICE-NUMBER-{YYYY}-{SEQ:5}XY', ['too_long']],
    ['', ['seq_token']],
  ])('%p → %j', (format, codes) => {
    expect(validateNumberFormat(format).map((p) => p.code)).toEqual(codes);
  });

  it('names the field it is given', () => {
    expect(validateNumberFormat('F', 'creditNoteNumberFormat')[0].field).toBe(
      'creditNoteNumberFormat',
    );
  });
});
