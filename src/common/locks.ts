/**
 * Every named lock, in one catalogue. `Transactions.run(work, locks)` takes them for the length
 * of a transaction (advisory transaction locks on PostgreSQL, shared by every process; SQLite
 * queues its writers anyway); the migrations lock is held by a session around the migrations.
 * Two writes that must not interleave name the same lock here, whatever module they sit in.
 */
export const Locks = {
  /** One consultant's interventions: no two saves, timers or imports overlap. */
  consultantWork: (consultantId: string): string => `interventions:${consultantId}`,
  /** One contract's urgency quota for one month: the last unit is taken once. */
  quota: (contractId: string, month: string): string => `quota:${contractId}:${month}`,
  /**
   * Everything that bills one contract's work (building, rebuilding, issuing and crediting its
   * invoices, which claim and release the work) and every change to that work.
   */
  billing: (contractId: string): string => `contract-billing:${contractId}`,
  /** The practice's clients' identities: no two clients made or renamed at once share a SIREN. */
  clientIdentities: 'client-identities',
  /** Users' roles: the practice keeps an active consultant whatever changes at once. */
  roles: 'user-roles',
  /** The invoice number series and the hash chain of issued documents. */
  invoiceChain: 'invoice-chain',
  /** One issued document's mail: its sends and its reminders, one change at a time. */
  invoiceMail: (invoiceId: string): string => `invoice-mail:${invoiceId}`,
  /** One email's sign-in attempts, counted before the password is checked. */
  signIn: (email: string): string => `sign-in:${email}`,
  /** The consultant's synonyms, replaced as a whole: two replacements do not mix. */
  synonyms: 'synonym-groups',
  /** The schema migrations at start, one server process at a time. */
  migrations: 'gardefou:migrations',
} as const;
