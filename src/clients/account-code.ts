import { createHash } from 'node:crypto';

/**
 * A client's sub-account in the accounts: the first 8 letters and digits of its name (accents
 * dropped, upper case) to be readable, and 4 characters of a hash of its id so two clients
 * whose names start alike stay apart. Given once, at creation: renaming the client later does
 * not move its entries to another account. The FEC writes it after the receivable account
 * (411DUPONTBO3F2A).
 */

/** Upper-case letters and digits, as accounting software takes in an account number. */
export const ACCOUNT_CODE_PATTERN = /^[A-Z0-9]{1,20}$/;

/** Letters that no accent-stripping splits. */
const LIGATURES: Record<string, string> = { Œ: 'OE', œ: 'oe', Æ: 'AE', æ: 'ae', ß: 'ss' };

function readablePart(name: string): string {
  return name
    .replace(/[ŒœÆæß]/g, (ligature) => LIGATURES[ligature])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 8);
}

/**
 * The code of a client, e.g. 'DUPONTBO3F2A'. `attempt` > 0 gives another suffix, for the rare
 * client whose first code another one already holds.
 */
export function accountCodeFor(name: string, clientId: string, attempt = 0): string {
  const seed = attempt === 0 ? clientId : `${clientId}#${attempt}`;
  const tag = createHash('sha256').update(seed).digest('hex').slice(0, 4).toUpperCase();
  return `${readablePart(name)}${tag}`;
}
