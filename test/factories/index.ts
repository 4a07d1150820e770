import { randomBytes } from 'node:crypto';
import { isValidSiren } from '../../src/common/identifiers';
import type { TestApp } from '../app';

export const PASSWORD = 'correct horse battery staple';

export const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];

let counter = 0;
const unique = (): string =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

export function practiceInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Camille Martin Conseil',
    legalForm: 'EI',
    siren: '732829320',
    address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
    email: 'camille@example.fr',
    ...overrides,
  };
}

let sirens = 0;

/**
 * A valid SIREN of its own for each client made without one, as no two clients share one:
 * Google France's for the first of a test file, then 8 digits from 50000001 and their Luhn key.
 */
export function nextSiren(): string {
  const n = sirens++;
  if (n === 0) return '443061841';
  const digits = String(50_000_000 + n);
  for (let key = 0; ; key++) if (isValidSiren(`${digits}${key}`)) return `${digits}${key}`;
}

export function clientInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Client ${unique()}`,
    ...('siren' in overrides ? {} : { siren: nextSiren() }),
    address: { line1: '8 rue de Londres', postalCode: '75009', city: 'Paris', country: 'FR' },
    billingEmail: 'compta@client.example',
    ...overrides,
  };
}

/** Sets up the practice and its first consultant; returns the consultant's token. */
export async function setupConsultant(
  t: TestApp,
  practice: Record<string, unknown> = {},
): Promise<string> {
  const res = await t
    .http()
    .post('/api/auth/setup')
    .send({
      email: 'camille@example.fr',
      password: PASSWORD,
      displayName: 'Camille Martin',
      practice: practiceInput(practice),
    })
    .expect(201);
  return res.body.accessToken as string;
}

export async function createClient(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
  const res = await t
    .http()
    .post('/api/clients')
    .set(...bearer(token))
    .send(clientInput(overrides))
    .expect(201);
  return res.body;
}

export async function createActivity(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string }> {
  const res = await t
    .http()
    .post('/api/activities')
    .set(...bearer(token))
    .send({ name: 'Support', kind: 'support', defaultRateCents: 9000, ...overrides })
    .expect(201);
  return res.body;
}

/** Invites a user and accepts the invite; returns the new user's token and id. */
export async function createUser(
  t: TestApp,
  consultantToken: string,
  role: 'client' | 'accountant' | 'consultant',
  clientId?: string,
): Promise<{ token: string; id: string; email: string }> {
  const email = `${role}-${unique()}@example.org`;
  const invited = await t
    .http()
    .post('/api/users')
    .set(...bearer(consultantToken))
    .send({ email, role, displayName: `${role} user`, ...(clientId ? { clientId } : {}) })
    .expect(201);
  const accepted = await t
    .http()
    .post('/api/auth/accept-invite')
    .send({ token: invited.body.inviteToken, password: PASSWORD })
    .expect(200);
  return { token: accepted.body.accessToken, id: invited.body.user.id, email };
}
