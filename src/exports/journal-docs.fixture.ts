/** Test data for the export specs: one month of issued documents under every VAT regime. */
import { accountCodeFor } from '../clients/account-code';
import type { JournalDoc } from './invoice-journal';

type DocFacts = Pick<JournalDoc, 'number' | 'issueDate' | 'clientName' | 'clientId'> &
  Partial<JournalDoc> & { rates: [rateBp: number, netCents: number, vatCents: number][] };

export function journalDoc(facts: DocFacts): JournalDoc {
  const vatByRate = facts.rates.map(([vatRateBp, netCents, vatCents]) => ({
    vatRateBp,
    netCents,
    vatCents,
  }));
  const netCents = vatByRate.reduce((sum, r) => sum + r.netCents, 0);
  const grossCents = netCents + vatByRate.reduce((sum, r) => sum + r.vatCents, 0);
  const { rates: _rates, ...rest } = facts;
  return {
    kind: 'invoice',
    dueDate: facts.issueDate,
    chainSeq: 1,
    clientAccountCode: accountCodeFor(facts.clientName, facts.clientId),
    clientSiren: '552100554',
    netCents,
    vatByRate,
    grossCents,
    paidCents: 0,
    balanceCents: grossCents,
    status: 'issued',
    vatRegime: 'standard',
    ...rest,
  };
}

const etudes = { clientName: "Société Générale d'Études", clientId: 'client-etudes' };

/**
 * Two VAT rates, a franchise invoice, a credit note and a reverse-charge invoice. The credit
 * note was issued after F2026-00003 on the same day, though its number sorts before it.
 */
export const MARCH_2026: JournalDoc[] = [
  journalDoc({
    number: 'F2026-00001',
    chainSeq: 1,
    issueDate: '2026-03-02',
    dueDate: '2026-04-01',
    ...etudes,
    rates: [
      [2000, 100_000, 20_000],
      [550, 20_000, 1_100],
    ],
    paidCents: 50_000,
    balanceCents: 79_100,
    status: 'partially_paid',
  }),
  journalDoc({
    number: 'F2026-00002',
    chainSeq: 2,
    issueDate: '2026-03-05',
    clientName: 'Œuvre & Cie',
    clientId: 'client-oeuvre',
    clientSiren: null,
    rates: [[0, 50_000, 0]],
    vatRegime: 'franchise',
    paidCents: 50_000,
    balanceCents: 0,
    status: 'paid',
  }),
  journalDoc({
    number: 'AV2026-00001',
    chainSeq: 4,
    kind: 'credit_note',
    issueDate: '2026-03-10',
    ...etudes,
    rates: [[2000, -10_000, -2_000]],
  }),
  journalDoc({
    number: 'F2026-00003',
    chainSeq: 3,
    issueDate: '2026-03-10',
    clientName: 'Acme',
    clientId: 'client-acme',
    rates: [[2000, 30_000, 6_000]],
  }),
  journalDoc({
    number: 'F2026-00004',
    chainSeq: 5,
    issueDate: '2026-03-12',
    clientName: 'Berlin Software GmbH',
    clientId: 'client-berlin',
    clientSiren: null,
    rates: [[0, 80_000, 0]],
    vatRegime: 'reverse_charge',
    status: 'overdue',
  }),
];
