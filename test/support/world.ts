import { startTestApp, type TestApp, type TestAppOptions } from '../app';
import {
  bearer,
  createActivity,
  createClient,
  createUser,
  PASSWORD,
  setupConsultant,
} from '../factories';
import { createContract, type CreatedContract, type Overrides } from '../factories/contracts';
import { WebSession } from './web';

/** The consultant `setupConsultant` creates signs in with this address. */
export const CONSULTANT_EMAIL = 'camille@example.fr';

export interface Practice {
  t: TestApp;
  /** The first consultant's bearer token. */
  consultant: string;
}

export interface ClientUser {
  token: string;
  id: string;
  email: string;
}

export interface ClientScene {
  client: { id: string; name: string };
  contract: CreatedContract;
  /** A user of the client's company. */
  clientUser: ClientUser;
}

export interface World extends Practice, ClientScene {
  activityId: string;
}

export interface ClientOptions {
  /** The client company's name. */
  clientName?: string;
  /** Overrides of the client's contract (contractInput's). */
  contract?: Overrides;
}

export interface WorldOptions extends TestAppOptions, ClientOptions {
  /** Overrides of the activity (createActivity's). */
  activity?: Record<string, unknown>;
}

/** The whole application on a fresh database, its practice set up by its first consultant. */
export async function startPractice(options: TestAppOptions = {}): Promise<Practice> {
  const t = await startTestApp({}, options);
  return { t, consultant: await setupConsultant(t) };
}

/**
 * The usual scene: the practice and its consultant, a client under contract with one of its
 * users, and an activity to log work under.
 */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const { clientName, contract, activity, ...appOptions } = options;
  const practice = await startPractice(appOptions);
  const scene = await addClient(practice, { clientName, contract });
  const activityId = (await createActivity(practice.t, practice.consultant, activity ?? {})).id;
  return { ...practice, ...scene, activityId };
}

/** A client company of the practice with its contract and one of its users. */
export async function addClient(
  { t, consultant }: Practice,
  options: ClientOptions = {},
): Promise<ClientScene> {
  const client = await createClient(
    t,
    consultant,
    options.clientName ? { name: options.clientName } : {},
  );
  const contract = await createContract(t, consultant, client.id, options.contract ?? {});
  const clientUser = await createUser(t, consultant, 'client', client.id);
  return { client, contract, clientUser };
}

/** A page session signed in (the sign-in answered by its redirect); the consultant's by default. */
export async function signedIn(
  t: TestApp,
  email = CONSULTANT_EMAIL,
  password = PASSWORD,
): Promise<WebSession> {
  const web = new WebSession(t);
  const res = await web.signIn(email, password);
  if (res.status !== 303) throw new Error(`sign-in of ${email} answered ${res.status}`);
  return web;
}

/** API calls carrying a user's bearer token. */
export function apiAs(t: TestApp, token: string) {
  const call = (method: 'get' | 'post' | 'patch' | 'delete', url: string) =>
    t
      .http()
      [method](url)
      .set(...bearer(token));
  return {
    get: (url: string) => call('get', url),
    delete: (url: string) => call('delete', url),
    post: (url: string, body: object = {}) => call('post', url).send(body),
    patch: (url: string, body: object) => call('patch', url).send(body),
  };
}
