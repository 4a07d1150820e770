import {
  isAcceptableVatNumber,
  isPlausibleForeignTaxId,
  storedVatNumber,
  vatNumberMatchesSiren,
} from './validators';

describe('storedVatNumber', () => {
  it.each([
    ['fr 44 732.829.320', 'FR44732829320'],
    ['FR-44-732829320', 'FR44732829320'],
    ['NL 8047.28.082 B01', 'NL804728082B01'],
    ['el094014201', 'EL094014201'],
    [' CHE-123.456.789 MWST ', 'CHE-123.456.789 MWST'], // outside the EU: as its country writes it
    ['12-3456789', '12-3456789'],
  ])('stores %p as %p', (typed, stored) => {
    expect(storedVatNumber(typed)).toBe(stored);
  });
});

describe('isAcceptableVatNumber', () => {
  it.each([
    // France: key and SIREN checked in full.
    ['FR44732829320', true],
    ['FR 44 732 829 320', true],
    ['FR45732829320', false],
    // Another member state: its prefix and a plausible length.
    ['DE123456789', true],
    ['EL123456789', true],
    ['DE1', false],
    // Outside the EU: a tax identifier, loosely.
    ['CHE-123.456.789', true],
    ['CHE-123.456.789 MWST', true],
    ['GB123456789', true],
    ['12-3456789', true],
    ['NO123456789MVA', true],
    ['ABC', false],
    ['CH-ABC', false],
    ['<script>1234</script>', false],
    ['1234567890123456789012345678901', false],
  ])('%p → %p', (value, expected) => {
    expect(isAcceptableVatNumber(value)).toBe(expected);
  });
});

describe('isPlausibleForeignTaxId', () => {
  it('wants at least four digits, so a word is not taken for a number', () => {
    expect(isPlausibleForeignTaxId('UNKNOWN')).toBe(false);
    expect(isPlausibleForeignTaxId('CHE-123')).toBe(false);
    expect(isPlausibleForeignTaxId('CHE-1234')).toBe(true);
  });
});

describe('vatNumberMatchesSiren', () => {
  it.each([
    ['FR44732829320', '732829320', true],
    ['fr44 732829320', '732829320', true],
    ['FR64443061841', '732829320', false],
    ['FR44732829320', '73282932', false],
  ])('%s for SIREN %s → %p', (vat, siren, expected) => {
    expect(vatNumberMatchesSiren(vat, siren)).toBe(expected);
  });
});
