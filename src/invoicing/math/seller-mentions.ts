import { formatMoney } from '../../common/format';
import type { Locale, Translate } from '../../i18n';

/** What a seller's legal mentions are made of, as its snapshot keeps them. */
export interface SellerIdentity {
  legalForm: string;
  siren: string;
  tradeRegistry?: 'RCS' | 'RM' | null;
  tradeRegistryCity?: string | null;
  shareCapitalCents?: number | null;
}

/** The seller's legal mentions, worded once for the PDF and the Factur-X XML. */
export interface SellerMentions {
  /** "SASU au capital de 1 000 €", "SASU" without a capital, the EI mention, or '' (no form). */
  legalForm: string;
  /** "RCS Lyon 912 345 678": the registry, its city and the SIREN in groups of three; else null. */
  registration: string | null;
  /** Both in one line ("SASU au capital de 1 000 €, RCS Lyon 912 345 678"); null when neither. */
  line: string | null;
}

export function isEntrepreneurIndividuel(legalForm: string): boolean {
  return legalForm.trim().toUpperCase() === 'EI';
}

/**
 * What the law asks a seller to state of itself (art. R123-237 C. com., and an EI's mention):
 * printed beside its name and at the foot of the PDF's pages, and the XML's
 * legal information (BT-33). The capital drops its cents when whole ("1 000 €").
 */
export function sellerMentions(s: SellerIdentity, locale: Locale, t: Translate): SellerMentions {
  const legalForm = legalFormMention(s, locale, t);
  const city = s.tradeRegistryCity?.trim();
  const registration =
    s.tradeRegistry && city
      ? t('legal.registration', {
          registry: s.tradeRegistry,
          city,
          siren: s.siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3'),
        })
      : null;
  const parts = [legalForm, registration ?? ''].filter((part) => part !== '');
  return { legalForm, registration, line: parts.length > 0 ? parts.join(', ') : null };
}

function legalFormMention(s: SellerIdentity, locale: Locale, t: Translate): string {
  if (isEntrepreneurIndividuel(s.legalForm)) return t('invoice.legalFormEI');
  const legalForm = s.legalForm.trim();
  if (typeof s.shareCapitalCents !== 'number' || !legalForm) return legalForm;
  const capital = formatMoney(s.shareCapitalCents, locale).replace(/[,.]00(?=\D*$)/, '');
  return t('legal.shareCapital', { legalForm, capital });
}
