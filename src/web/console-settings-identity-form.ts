/**
 * The practice's identity on the settings page as a browser posts it (every field a string), the
 * values it first shows, and its part of the API's UpdatePracticeDto (the share capital typed in
 * euros, as cents); the logo's form beside it.
 */
import type { Practice } from '../practice/practice.entity';
import { type FormValues, given, parseAmountCents, Text } from './console-forms';

export class IdentityForm {
  @Text(200) readonly name?: string;
  @Text(60) readonly legalForm?: string;
  @Text(5) readonly tradeRegistry?: string;
  @Text(100) readonly tradeRegistryCity?: string;
  @Text(30) readonly shareCapital?: string;
  @Text(40) readonly siren?: string;
  @Text(40) readonly siret?: string;
  @Text(40) readonly vatNumber?: string;
  @Text(200) readonly line1?: string;
  @Text(200) readonly line2?: string;
  @Text(20) readonly postalCode?: string;
  @Text(100) readonly city?: string;
  @Text(10) readonly country?: string;
  @Text(254) readonly email?: string;
  @Text(40) readonly phone?: string;
  @Text(60) readonly iban?: string;
  @Text(20) readonly bic?: string;
}

/** The logo's form: its one file input, read from the multipart body by its handler. */
export class LogoForm {
  @Text(0) readonly logo?: string;
}

export const IDENTITY_PATHS = {
  line1: 'address.line1',
  line2: 'address.line2',
  postalCode: 'address.postalCode',
  city: 'address.city',
  country: 'address.country',
  shareCapital: 'shareCapitalCents',
};

/** Cents as the form shows them: "1000" when whole, "1000,50" (or "1000.50") otherwise. */
function eurosText(cents: number | null, locale: string): string {
  if (cents === null) return '';
  const text = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

export function identityValues(p: Practice, locale = 'fr'): FormValues {
  return {
    name: p.name,
    legalForm: p.legalForm,
    tradeRegistry: p.tradeRegistry ?? '',
    tradeRegistryCity: p.tradeRegistryCity ?? '',
    shareCapital: eurosText(p.shareCapitalCents, locale),
    siren: p.siren,
    siret: p.siret ?? '',
    vatNumber: p.vatNumber ?? '',
    line1: p.address.line1,
    line2: p.address.line2 ?? '',
    postalCode: p.address.postalCode,
    city: p.address.city,
    country: p.address.country,
    email: p.email,
    phone: p.phone ?? '',
    iban: p.iban ?? '',
    bic: p.bic ?? '',
  };
}

/** The identity's part of UpdatePracticeDto; an emptied optional field is cleared (null). */
export function identityPlain(form: IdentityForm): Record<string, unknown> {
  return {
    name: form.name?.trim() ?? '',
    legalForm: form.legalForm?.trim() ?? '',
    tradeRegistry: given(form.tradeRegistry) ?? null,
    tradeRegistryCity: given(form.tradeRegistryCity) ?? null,
    shareCapitalCents: shareCapitalOf(form.shareCapital),
    siren: form.siren ?? '',
    siret: given(form.siret) ?? null,
    vatNumber: given(form.vatNumber) ?? null,
    address: {
      line1: form.line1?.trim() ?? '',
      line2: given(form.line2),
      postalCode: form.postalCode?.trim() ?? '',
      city: form.city?.trim() ?? '',
      country: (given(form.country) ?? '').toUpperCase(),
    },
    email: form.email?.trim() ?? '',
    phone: given(form.phone) ?? null,
    iban: given(form.iban) ?? null,
    bic: given(form.bic)?.replace(/\s+/g, '').toUpperCase() ?? null,
  };
}

/** The share capital typed in euros, as cents; as typed when it is no amount, for the DTO to name. */
export function shareCapitalOf(text: string | undefined): number | string | null {
  const value = given(text);
  if (value === undefined) return null;
  return parseAmountCents(value) ?? value;
}
