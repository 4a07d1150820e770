import { catalogue } from '../../i18n';
import { sellerMentions, type SellerIdentity } from './seller-mentions';

const fr = catalogue().translator('fr');
const en = catalogue().translator('en');
const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, ' ') ?? null;

const company: SellerIdentity = {
  legalForm: 'SASU',
  siren: '732829320',
  tradeRegistry: 'RCS',
  tradeRegistryCity: ' Lyon ',
  shareCapitalCents: 100000,
};

describe('sellerMentions', () => {
  it.each<[string, SellerIdentity, string, string | null, string | null]>([
    [
      'a company with its capital and registration',
      company,
      'SASU au capital de 1 000 €',
      'RCS Lyon 732 829 320',
      'SASU au capital de 1 000 €, RCS Lyon 732 829 320',
    ],
    [
      'a capital with cents',
      { ...company, shareCapitalCents: 100050 },
      'SASU au capital de 1 000,50 €',
      'RCS Lyon 732 829 320',
      'SASU au capital de 1 000,50 €, RCS Lyon 732 829 320',
    ],
    [
      'a company stored without its capital or registration',
      { legalForm: 'SARL', siren: '732829320' },
      'SARL',
      null,
      'SARL',
    ],
    [
      'a registry without its city',
      { ...company, tradeRegistryCity: ' ' },
      'SASU au capital de 1 000 €',
      null,
      'SASU au capital de 1 000 €',
    ],
    [
      'an EI craftsman in the trades register',
      { legalForm: 'ei', siren: '732829320', tradeRegistry: 'RM', tradeRegistryCity: 'Lyon' },
      'Entrepreneur individuel (EI)',
      'RM Lyon 732 829 320',
      'Entrepreneur individuel (EI), RM Lyon 732 829 320',
    ],
    ['no legal form', { legalForm: ' ', siren: '732829320' }, '', null, null],
  ])('%s', (_case, seller, legalForm, registration, line) => {
    const said = sellerMentions(seller, 'fr', fr);
    expect(plain(said.legalForm)).toBe(legalForm);
    expect(plain(said.registration)).toBe(registration);
    expect(plain(said.line)).toBe(line);
  });

  it('is worded in the reader’s language', () => {
    expect(plain(sellerMentions(company, 'en', en).line)).toBe(
      'SASU with a share capital of €1,000, RCS Lyon 732 829 320',
    );
  });
});
