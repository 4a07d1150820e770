import {
  formatIban,
  frenchVatKey,
  isPlausibleEuVatNumber,
  isValidFrenchVatNumber,
  isValidIban,
  isValidSiren,
  isValidSiret,
  normalizeIban,
  normalizeIdentifier,
} from './identifiers';

describe('SIREN', () => {
  it.each([
    ['732829320', true], // L'Oréal
    ['443061841', true], // Google France
    ['356000000', true], // La Poste
    ['732829321', false], // wrong key
    ['443061814', false], // two digits swapped
    ['73282932', false],
    ['7328293200', false],
    ['732 829 320', false],
    ['73282932A', false],
    ['', false],
  ])('"%s" is a valid SIREN: %p', (siren, expected) => {
    expect(isValidSiren(siren)).toBe(expected);
  });
});

describe('SIREN and SIRET as typed', () => {
  it.each([
    ['732 829 320', '732829320'],
    ['732.829.320', '732829320'],
    ['732-829-320', '732829320'],
    ['\u00a0732\u202f829 320 ', '732829320'],
    ['732 829 320 00074', '73282932000074'],
    ['73282932A', '73282932A'], // a letter stays, for the check to refuse
  ])('"%s" is read as %s', (typed, digits) => {
    expect(normalizeIdentifier(typed)).toBe(digits);
  });

  it('reads a typed SIREN or SIRET as a valid one', () => {
    expect(isValidSiren(normalizeIdentifier('732 829 320'))).toBe(true);
    expect(isValidSiret(normalizeIdentifier('732.829.320-00074'))).toBe(true);
  });
});

describe('SIRET', () => {
  it.each([
    ['73282932000074', true], // L'Oréal head office
    ['44306184100047', true], // Google France head office
    ['35600000000048', true], // La Poste head office, Luhn
    ['35600000000010', true], // a La Poste office: digit sum 15, a multiple of 5
    ['35600000000011', false], // La Poste prefix, digit sum 16
    ['73282932000013', false], // digit sum 40 but not La Poste: Luhn applies
    ['73282932000075', false],
    ['7328293200007', false],
    ['732829320 00074', false],
  ])('"%s" is a valid SIRET: %p', (siret, expected) => {
    expect(isValidSiret(siret)).toBe(expected);
  });
});

describe('French VAT numbers', () => {
  it.each([
    ['732829320', '44'],
    ['443061841', '64'],
    ['000000000', '12'],
  ])('SIREN %s has VAT key %s', (siren, key) => {
    expect(frenchVatKey(siren)).toBe(key);
  });

  it('refuses to compute a key for something that is not a SIREN', () => {
    expect(() => frenchVatKey('7328293')).toThrow(RangeError);
  });

  it.each([
    ['FR44732829320', true],
    ['FR 44 732829320', true],
    ['fr44732829320', true],
    ['FR64443061841', true],
    ['FR45732829320', false], // wrong key
    ['FR44732829321', false], // SIREN with a wrong Luhn key
    ['FR4473282932', false],
    ['DE44732829320', false],
    ['732829320', false],
  ])('"%s" is a valid French VAT number: %p', (vat, expected) => {
    expect(isValidFrenchVatNumber(vat)).toBe(expected);
  });
});

describe('EU VAT numbers', () => {
  it.each([
    ['DE136695976', true],
    ['BE0403170701', true],
    ['ATU12345678', true],
    ['EL094014201', true],
    ['NL 8047.28.082 B01', true],
    ['FR44732829320', true],
    ['FR45732829320', false], // French numbers get the full check
    ['GR094014201', false], // Greece uses EL
    ['GB123456789', false], // no longer in the EU
    ['US123456789', false],
    ['DE1', false],
    ['DE12345678901234', false],
    ['DE13669597!', false],
  ])('"%s" is a plausible EU VAT number: %p', (vat, expected) => {
    expect(isPlausibleEuVatNumber(vat)).toBe(expected);
  });
});

describe('IBAN', () => {
  it.each([
    ['FR76 3000 6000 0112 3456 7890 189', true],
    ['FR7630006000011234567890189', true],
    ['fr76 3000 6000 0112 3456 7890 189', true],
    ['DE89 3704 0044 0532 0130 00', true],
    ['GB29 NWBK 6016 1331 9268 19', true],
    ['BE68 5390 0754 7034', true],
    ['FR76 3000 6000 0112 3456 7890 188', false], // wrong check
    ['FR67 3000 6000 0112 3456 7890 189', false], // swapped check digits
    ['DE89 3704 0044 0532 0130 0', false], // too short for Germany
    ['FR76 3000 6000 0112 3456 7890 1890', false], // too long for France
    ['XX89 3704 0044 0532 0130 00', false], // unknown country
    ['FR76-3000-6000-0112-3456-7890-189', true], // grouped with dashes, as some type it
    ['FR76_3000_6000_0112_3456_7890_189', false],
    ['', false],
  ])('"%s" is a valid IBAN: %p', (iban, expected) => {
    expect(isValidIban(iban)).toBe(expected);
  });

  it('normalizes and formats an IBAN for storage and for the invoice', () => {
    expect(normalizeIban(' fr76 3000 6000 0112 3456 7890 189 ')).toBe(
      'FR7630006000011234567890189',
    );
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
  });
});
