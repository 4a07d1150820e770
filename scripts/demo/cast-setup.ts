import type { INestApplicationContext, Type } from '@nestjs/common';
import { ActivitiesService } from '../../src/activities/activities.service';
import { CreateActivityDto } from '../../src/activities/dto/activity.dto';
import type { AuthUser } from '../../src/auth/auth.decorators';
import { AuthService } from '../../src/auth/auth.service';
import { AcceptInviteDto, SetupDto } from '../../src/auth/dto/auth.dto';
import { ClientsService } from '../../src/clients/clients.service';
import { CreateClientDto } from '../../src/clients/dto/client.dto';
import { createValidationPipe } from '../../src/common/validation';
import { ContractsService } from '../../src/contracts/contracts.service';
import { CreateContractDto } from '../../src/contracts/dto/contract.dto';
import { ArticlesService } from '../../src/knowledge/articles.service';
import { CreateArticleDto } from '../../src/knowledge/dto/article.dto';
import { CreateUserDto } from '../../src/users/dto/users.dto';
import type { PublicUser } from '../../src/users/user.entity';
import { UsersService } from '../../src/users/users.service';
import { ARTICLES } from './articles';
import * as C from './cast';

export interface DemoCast {
  consultant: AuthUser;
  accountant: AuthUser;
  clientUsers: Record<C.ClientKey, AuthUser>;
  clientIds: Record<C.ClientKey, string>;
  contractIds: Record<C.ClientKey, string>;
  activityIds: Record<C.ActivityKey, string>;
}

const pipe = createValidationPipe();

/** The body as the API would have validated and transformed it: the DTO's rules apply here too. */
function input<T>(type: Type<T>, value: object): Promise<T> {
  return pipe.transform(value, { type: 'body', metatype: type }) as Promise<T>;
}

const asViewer = (user: PublicUser): AuthUser => ({
  id: user.id,
  email: user.email,
  role: user.role,
  clientId: user.clientId,
  displayName: user.displayName,
});

const keyed = async <K extends string, V>(
  keys: readonly K[],
  make: (key: K) => Promise<V>,
): Promise<Record<K, V>> => {
  const out = {} as Record<K, V>;
  for (const key of keys) out[key] = await make(key);
  return out;
};

/**
 * The practice and everyone in it, created as a consultant would through the API: set-up, the
 * activities, the three client companies with their contracts, invited users, the articles.
 */
export async function createCast(
  app: INestApplicationContext,
  terms: { startDate: string; prepaidEndDate: string; closures: string[] },
): Promise<DemoCast> {
  const auth = app.get(AuthService, { strict: false });
  const session = await auth.setup(
    await input(SetupDto, {
      ...C.CONSULTANT,
      password: C.DEMO_PASSWORD,
      practice: { ...C.PRACTICE, closures: terms.closures },
    }),
  );
  const consultant = asViewer(session.user as PublicUser);
  const activities = app.get(ActivitiesService, { strict: false });
  const activityIds = await keyed(['support', 'consulting', 'training'] as const, async (key) => {
    const a = C.ACTIVITIES[key];
    const body = { name: a.name, kind: a.kind, defaultRateCents: a.rate, billable: true };
    return (await activities.create(await input(CreateActivityDto, body))).id;
  });
  const clients = app.get(ClientsService, { strict: false });
  const clientIds = await keyed(['acme', 'boreal', 'tilleuls'] as const, async (key) => {
    const { name, siren, vatNumber, address, billingEmail } = C.CLIENTS.find((c) => c.key === key)!;
    const body = { name, siren, vatNumber, address, billingEmail };
    return (await clients.create(await input(CreateClientDto, body))).id;
  });
  const clientUsers = await keyed(['acme', 'boreal', 'tilleuls'] as const, (key) =>
    invite(app, {
      ...C.CLIENTS.find((c) => c.key === key)!.user,
      role: 'client',
      clientId: clientIds[key],
    }),
  );
  const accountant = await invite(app, { ...C.ACCOUNTANT, role: 'accountant' });
  const contractIds = await createContracts(app, clientIds, activityIds, terms);
  await createArticles(app, consultant, clientIds);
  return { consultant, accountant, clientUsers, clientIds, contractIds, activityIds };
}

async function invite(
  app: INestApplicationContext,
  body: Record<string, unknown>,
): Promise<AuthUser> {
  const invited = await app
    .get(UsersService, { strict: false })
    .invite(await input(CreateUserDto, body));
  const auth = app.get(AuthService, { strict: false });
  const accepted = { token: invited.inviteToken, password: C.DEMO_PASSWORD };
  const session = await auth.acceptInvite(await input(AcceptInviteDto, accepted));
  return asViewer(session.user as PublicUser);
}

async function createContracts(
  app: INestApplicationContext,
  clientIds: Record<C.ClientKey, string>,
  activityIds: Record<C.ActivityKey, string>,
  terms: { startDate: string; prepaidEndDate: string },
): Promise<Record<C.ClientKey, string>> {
  const service = app.get(ContractsService, { strict: false });
  const bodies = C.contractInputs(clientIds, activityIds, terms.startDate, terms.prepaidEndDate);
  return keyed(
    ['acme', 'boreal', 'tilleuls'] as const,
    async (key) => (await service.create(await input(CreateContractDto, bodies[key]))).id,
  );
}

async function createArticles(
  app: INestApplicationContext,
  author: AuthUser,
  clientIds: Record<C.ClientKey, string>,
): Promise<void> {
  const service = app.get(ArticlesService, { strict: false });
  for (const article of ARTICLES) {
    const body = {
      title: article.title,
      bodyMarkdown: article.body,
      tags: article.tags,
      published: article.published,
      clientIds: article.onlyFor.map((key) => clientIds[key]),
    };
    await service.create(author, await input(CreateArticleDto, body));
  }
}
