import { computeTotals, type InvoiceVatRegime } from '../math';
import type { InvoiceView, InvoiceViewLine } from './invoice-view';

/** Invoice views for the renderer's specs, golden file and benchmark. */

const line = (
  description: string,
  quantity: number,
  unit: InvoiceViewLine['unit'],
  unitPriceCents: number,
  details?: string[],
  vatRateBp = 2000,
): InvoiceViewLine => ({
  description,
  quantity,
  unit,
  unitPriceCents,
  vatRateBp,
  amountCents: Math.round(quantity * unitPriceCents),
  ...(details ? { details } : {}),
});

/** Twelve lines as a month of retainer, support and extras gives: 3 043,60 € HT at 20 % and 5,5 %. */
export function typicalLines(): InvoiceViewLine[] {
  return [
    line('Forfait mensuel, novembre 2026 (10 h incluses, 8,5 h consommées)', 1, 'month', 85000),
    line('Support, urgence normale', 6.5, 'hour', 9000, [
      '2026-11-03 09:00–10:30 · Serveur mail HS · 1,50 h',
      '2026-11-05 14:00–16:00 · Migration des postes vers Windows 11 · 2,00 h',
      '2026-11-12 10:00–11:30 · Imprimante réseau de l’accueil · 1,50 h',
      '2026-11-20 16:00–17:30 · Droits d’accès au partage « Compta » · 1,50 h',
    ]),
    line('Support, urgence haute', 2.25, 'hour', 9000, [
      '2026-11-09 08:15–09:30 · Pare-feu bloqué après mise à jour · 1,25 h',
      '2026-11-17 18:30–19:30 · Sauvegarde nocturne en échec · 1,00 h',
    ]),
    line('Majoration urgence haute (+50 %)', 2.25, 'hour', 4500),
    line('Conseil, urgence normale', 3, 'hour', 11000, [
      '2026-11-24 09:00–12:00 · Plan de reprise d’activité : revue annuelle · 3,00 h',
    ]),
    line('Majoration hors horaires (+25 %, 1,5 h hors horaires)', 1.5, 'hour', 2250),
    line('Formation « Sauvegardes et PRA » (demi-journée)', 1, 'event', 60000),
    line('Dépassement de quota, urgence critique : Serveur mail HS', 1, 'event', 15000),
    line('Licence logiciel de sauvegarde (revente), 3 postes', 3, 'unit', 1290),
    line('Déplacement sur site — Villeurbanne', 1, 'unit', 4500),
    line('Ouvrage « Administration Linux par la pratique »', 1, 'unit', 3990, undefined, 550),
    line('Heures au-delà du forfait, novembre 2026', 0.75, 'hour', 9000),
  ];
}

/** The view with its totals recomputed from its lines and regime, as the domain does. */
export function withTotals(view: InvoiceView): InvoiceView {
  const draftLines = view.lines.map((l) => ({
    ...l,
    kind: 'manual' as const,
    interventionIds: [],
  }));
  return { ...view, totals: computeTotals(draftLines, view.vatRegime) };
}

/** A typical issued French invoice of an EI under the standard VAT regime. */
export function typicalInvoiceView(overrides: Partial<InvoiceView> = {}): InvoiceView {
  return withTotals({
    kind: 'invoice',
    draft: false,
    number: 'F2026-00042',
    issueDate: '2026-11-29',
    dueDate: '2026-12-29',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    locale: 'fr',
    currency: 'EUR',
    seller: {
      name: 'Camille Martin',
      legalForm: 'EI',
      siren: '123456782',
      siret: '12345678200015',
      vatNumber: 'FR11123456782',
      address: {
        line1: '12 rue des Lilas',
        line2: 'Bâtiment B',
        postalCode: '69003',
        city: 'Lyon',
        country: 'FR',
      },
      email: 'camille@martin-informatique.fr',
      phone: '06 12 34 56 78',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      logoPath: null,
    },
    buyer: {
      name: 'Boulangerie L’Épi d’Or SARL',
      siren: '552100554',
      vatNumber: 'FR40552100554',
      address: { line1: '5 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' },
    },
    lines: typicalLines(),
    totals: { netCents: 0, vatCents: 0, grossCents: 0, byRate: [] },
    vatRegime: 'standard',
    latePenaltyRatePercent: 12.15,
    paymentTermsDays: 30,
    notes: 'Merci pour votre confiance. Virement avec la référence « F2026-00042 ».',
    ...overrides,
  });
}

/** The typical invoice under another VAT regime, totals recomputed. */
export function invoiceUnder(
  regime: InvoiceVatRegime,
  overrides: Partial<InvoiceView> = {},
): InvoiceView {
  return withTotals({ ...typicalInvoiceView(overrides), vatRegime: regime });
}
