import { clientCoherence } from './client-coherence';

const client = (country: string, vatNumber: string | null, siren: string | null = null) => ({
  siren,
  vatNumber,
  address: { country },
});

describe('clientCoherence', () => {
  it.each([
    ['a French client with its own VAT number', client('FR', 'FR44732829320', '732829320')],
    ['a French client without SIREN', client('FR', 'FR44732829320')],
    ['a French client without VAT number', client('FR', null, '732829320')],
    ['a German business', client('DE', 'DE123456789')],
    ['a Greek business (EL)', client('GR', 'EL123456789')],
    ['a Swiss business', client('CH', 'CHE-123.456.789')],
    ['an American business', client('US', '12-3456789')],
  ])('accepts %s', (_what, c) => {
    expect(clientCoherence(c)).toEqual([]);
  });

  it.each([
    [
      'a French VAT number of another SIREN',
      client('FR', 'FR64443061841', '732829320'),
      "vatNumber does not match the client's SIREN 732829320",
      'vat_number_siren',
    ],
    [
      'a foreign number for a French client',
      client('FR', 'CHE-123.456.789'),
      'a client in France has a French VAT number: FR + key + SIREN',
      'vat_number_french',
    ],
    [
      'another member state’s number for a German client',
      client('DE', 'BE0123456789'),
      'a client in DE has a VAT number of that member state (DE…)',
      'vat_number_country',
    ],
  ])('refuses %s, naming vatNumber', (_what, c, message, code) => {
    expect(clientCoherence(c)).toEqual([
      expect.objectContaining({ field: 'vatNumber', code, message }),
    ]);
  });
});
