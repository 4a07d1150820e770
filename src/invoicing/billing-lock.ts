/**
 * The lock that serialises everything that bills one contract's work: building, rebuilding,
 * issuing and crediting its invoices, and changing or deleting its interventions. Its own file,
 * free of imports, so that the interventions feature can take it without importing invoicing.
 */
export const billingLock = (contractId: string): string => `contract-billing:${contractId}`;
