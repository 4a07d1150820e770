import fc from 'fast-check';
import { ACCOUNT_CODE_PATTERN, accountCodeFor } from './account-code';

describe('accountCodeFor', () => {
  it.each([
    ['Société Générale', /^SOCIETEG[0-9A-F]{4}$/],
    ['A&B', /^AB[0-9A-F]{4}$/],
    ['Œuvre & Cie', /^OEUVRECI[0-9A-F]{4}$/],
    ['Straße Æsir', /^STRASSEA[0-9A-F]{4}$/],
    ['Ōsaka 株式会社', /^OSAKA[0-9A-F]{4}$/],
  ])('%s → readable and upper case', (name, pattern) => {
    expect(accountCodeFor(name, 'c1')).toMatch(pattern);
  });

  it('is stable for a client and tells apart clients whose names start alike', () => {
    expect(accountCodeFor('Dupont SA', 'id-1')).toBe(accountCodeFor('Dupont SA', 'id-1'));
    expect(accountCodeFor('Dupont SARL', 'id-2')).not.toBe(accountCodeFor('Dupont SA', 'id-1'));
  });

  it('gives another code on another attempt, for a client whose first code is taken', () => {
    expect(accountCodeFor('Dupont SA', 'id-1', 1)).not.toBe(accountCodeFor('Dupont SA', 'id-1'));
    expect(accountCodeFor('Dupont SA', 'id-1', 1).slice(0, 8)).toBe('DUPONTSA');
  });

  it('always gives a code the API accepts back, whatever the name', () => {
    fc.assert(
      fc.property(fc.string(), fc.uuid(), fc.nat(50), (name, id, attempt) => {
        expect(accountCodeFor(name, id, attempt)).toMatch(ACCOUNT_CODE_PATTERN);
      }),
    );
  });
});
