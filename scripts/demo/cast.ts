/**
 * Who is in the demo practice: the consultant, three client companies with their contracts, the
 * accountant. Plain values; the seed turns them into records through the application's services.
 */
import type { Urgency } from '../../src/common/domain';

/** Every demo account's password: three words, easy to type, hard to guess. */
export const DEMO_PASSWORD = 'lavande tilleul granit';
export const DEMO_ZONE = 'Europe/Paris';

export type ClientKey = 'acme' | 'boreal' | 'tilleuls';
export type ActivityKey = 'support' | 'consulting' | 'training';

export const CONSULTANT = { email: 'camille@gardefou.demo', displayName: 'Camille Martin' };
export const ACCOUNTANT = {
  email: 'compta@cabinet.demo',
  displayName: 'Nadia Roussel (Cabinet Roussel)',
};

export const PRACTICE = {
  name: 'Camille Martin Conseil',
  legalForm: 'EI',
  siren: '732829320',
  siret: '73282932000017',
  vatNumber: 'FR44732829320',
  vatRegime: 'standard',
  defaultVatRateBp: 2000,
  address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
  email: CONSULTANT.email,
  phone: '+33 4 72 00 00 00',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
  timezone: DEMO_ZONE,
  holidayCalendar: 'FR',
  paymentTermsDays: 30,
  latePenaltyRatePercent: 10,
  locale: 'fr',
} as const;

export const ACTIVITIES: Record<ActivityKey, { name: string; kind: ActivityKey; rate: number }> = {
  support: { name: 'Support et dépannage', kind: 'support', rate: 8500 },
  consulting: { name: 'Conseil et projets', kind: 'consulting', rate: 10000 },
  training: { name: 'Formation', kind: 'training', rate: 12000 },
};

export interface DemoClient {
  key: ClientKey;
  name: string;
  siren: string;
  vatNumber: string;
  address: { line1: string; postalCode: string; city: string; country: string };
  billingEmail: string;
  user: { email: string; displayName: string };
  /** Share of the consultant's day-to-day work. */
  weight: number;
  /** Whether the contract offers work outside business hours. */
  afterHours: boolean;
  /** How this client's staff rate their problems when they file them. */
  asks: readonly (readonly [Urgency, number])[];
}

export const CLIENTS: readonly DemoClient[] = [
  {
    key: 'acme',
    name: 'Acme Logistique',
    siren: '512345679',
    vatNumber: 'FR75512345679',
    address: { line1: '45 avenue Jean Jaurès', postalCode: '69007', city: 'Lyon', country: 'FR' },
    billingEmail: 'factures@acme.demo',
    user: { email: 'sophie@acme.demo', displayName: 'Sophie Bernard' },
    weight: 42,
    afterHours: true,
    asks: [
      ['low', 15],
      ['normal', 63],
      ['high', 18],
      ['critical', 4],
    ],
  },
  {
    key: 'boreal',
    name: 'Atelier Boréal',
    siren: '812456739',
    vatNumber: 'FR13812456739',
    address: { line1: '3 quai Saint-Vincent', postalCode: '69001', city: 'Lyon', country: 'FR' },
    billingEmail: 'admin@boreal.demo',
    user: { email: 'marc@boreal.demo', displayName: 'Marc Lefèvre' },
    weight: 6,
    afterHours: false,
    asks: [
      ['low', 20],
      ['normal', 62],
      ['high', 15],
      ['critical', 3],
    ],
  },
  {
    key: 'tilleuls',
    name: 'Clinique des Tilleuls',
    siren: '398765438',
    vatNumber: 'FR79398765438',
    address: { line1: '8 chemin des Tilleuls', postalCode: '69130', city: 'Écully', country: 'FR' },
    billingEmail: 'comptabilite@tilleuls.demo',
    user: { email: 'julie@tilleuls.demo', displayName: 'Julie Moreau' },
    weight: 40,
    afterHours: true,
    asks: [
      ['low', 10],
      ['normal', 66],
      ['high', 18],
      ['critical', 6],
    ],
  },
];

const level = (
  responseMinutes: number,
  monthlyQuota: number | null,
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
  responseMinutes,
  clock: 'business',
  monthlyQuota,
  surchargePercent: 0,
  overQuota: 'reject',
  ...extra,
});

/** The contract of each client, as POST /api/contracts takes it (ids filled in by the seed). */
export function contractInputs(
  clientIds: Record<ClientKey, string>,
  activityIds: Record<ActivityKey, string>,
  startDate: string,
  prepaidEndDate: string,
): Record<ClientKey, Record<string, unknown>> {
  return {
    acme: {
      clientId: clientIds.acme,
      reference: 'ACME-INFOGERANCE',
      title: 'Infogérance mensuelle — 60 h incluses',
      startDate,
      billing: {
        mode: 'retainer',
        monthlyFeeCents: 480000,
        includedMinutesPerMonth: 3600,
        hourlyRateCents: 8500,
        overageRateCents: 9500,
        roundingMinutes: 15,
        minimumBillableMinutes: 15,
        rolloverMonths: 2,
      },
      urgencyPolicy: {
        levels: {
          low: level(2 * 480, null),
          normal: level(480, null),
          high: level(240, 4, { surchargePercent: 25, overQuota: 'downgrade' }),
          critical: level(60, 2, { surchargePercent: 50, overQuota: 'reject' }),
        },
        afterHoursAllowed: true,
        afterHoursSurchargePercent: 50,
      },
    },
    boreal: {
      clientId: clientIds.boreal,
      reference: 'BOREAL-BLOC-120H',
      title: 'Carnet de 120 heures de support (valable un an)',
      startDate,
      endDate: prepaidEndDate,
      billing: {
        mode: 'prepaid',
        prepaidMinutes: 7200,
        hourlyRateCents: 9000,
        roundingMinutes: 15,
        minimumBillableMinutes: 30,
        rolloverMonths: 0,
      },
      urgencyPolicy: {
        levels: {
          low: level(3 * 480, null),
          normal: level(2 * 480, null),
          high: level(480, 3, { surchargePercent: 20, overQuota: 'downgrade' }),
          critical: level(120, 1, { surchargePercent: 40, overQuota: 'downgrade' }),
        },
        afterHoursAllowed: false,
        afterHoursSurchargePercent: 0,
      },
      paymentTermsDays: 15,
    },
    tilleuls: {
      clientId: clientIds.tilleuls,
      reference: 'TILLEULS-REGIE',
      title: 'Régie informatique — astreinte 24/7 pour les urgences vitales',
      startDate,
      billing: {
        mode: 'time_and_materials',
        hourlyRateCents: 9000,
        activityRates: [
          { activityId: activityIds.consulting, hourlyRateCents: 11000 },
          { activityId: activityIds.training, hourlyRateCents: 13000 },
        ],
        roundingMinutes: 15,
        minimumBillableMinutes: 30,
        rolloverMonths: 0,
      },
      urgencyPolicy: {
        levels: {
          low: level(3 * 480, null),
          normal: level(480, null),
          high: level(120, 6, {
            surchargePercent: 25,
            overQuota: 'overage',
            overageFeeCents: 6000,
          }),
          critical: level(30, 2, {
            clock: '24x7',
            surchargePercent: 100,
            overQuota: 'overage',
            overageFeeCents: 15000,
          }),
        },
        afterHoursAllowed: true,
        afterHoursSurchargePercent: 75,
      },
      paymentTermsDays: 45,
    },
  };
}
