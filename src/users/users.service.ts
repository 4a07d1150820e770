import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { newOpaqueToken, tokenDigest } from '../auth/passwords';
import { AppConfigService } from '../common/app-config.service';
import { DomainError, notFound } from '../common/domain-error';
import { Page, PageQuery } from '../common/pagination';
import { Locks } from '../common/locks';
import { Transactions } from '../common/transactions';
import { Client } from '../clients/client.entity';
import type { AuthUser } from '../auth/auth.decorators';
import { ChangeRoleDto, CreateUserDto, InvitedUserView } from './dto/users.dto';
import { NEXT_TOKEN_VERSION, PublicUser, toPublicUser, User } from './user.entity';
import { Clock } from '../common/clock';
import { InvitationMail } from './invitation-mail';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly transactions: Transactions,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
    private readonly invitationMail: InvitationMail,
  ) {}

  async me(viewer: AuthUser): Promise<PublicUser> {
    const user = await this.users.findOne({ where: { id: viewer.id } });
    if (!user) throw notFound('user');
    return toPublicUser(user);
  }

  /**
   * Creates the account and a one-time invite token; only its SHA-256 is stored. The invitation
   * mail, in the invited person's language (the one given, else their company's, else the
   * practice's), is written to the outbox in the same transaction.
   */
  invite(dto: CreateUserDto): Promise<InvitedUserView> {
    const { token, expiresAt } = this.newInvite();
    return this.transactions.run(async (manager) => {
      const email = dto.email.toLowerCase();
      if (await manager.getRepository(User).exists({ where: { email } })) {
        throw new DomainError('conflict.email_taken', 'A user with this email already exists', [
          { field: 'email', message: 'email is already used' },
        ]);
      }
      if (dto.role !== 'client' && dto.clientId) {
        throw new DomainError('invalid.clientId', 'Invalid input: clientId', [
          { field: 'clientId', message: 'only a client user belongs to a client', reason: 'role' },
        ]);
      }
      const client = dto.clientId
        ? await manager.getRepository(Client).findOne({ where: { id: dto.clientId } })
        : null;
      if (dto.clientId && !client) {
        throw new DomainError('invalid.clientId', 'Invalid input: clientId', [
          { field: 'clientId', message: 'clientId does not name a client', reason: 'unknown' },
        ]);
      }
      const user = await manager.getRepository(User).save(
        manager.create(User, {
          email,
          displayName: dto.displayName,
          role: dto.role,
          clientId: dto.role === 'client' ? (dto.clientId ?? null) : null,
          passwordHash: null,
          active: true,
          inviteTokenHash: tokenDigest(token),
          inviteExpiresAt: expiresAt,
          createdAt: this.clock.now(),
          locale: dto.locale ?? client?.locale ?? null,
        }),
      );
      await this.invitationMail.enqueue(manager, user, token, expiresAt);
      return {
        user: toPublicUser(user),
        inviteToken: token,
        inviteExpiresAt: expiresAt.toISOString(),
      };
    });
  }

  /**
   * A new one-time invite token for a user who has not set a password yet (the first one
   * expired or got lost); the previous token stops working.
   */
  reinvite(id: string): Promise<InvitedUserView> {
    const { token, expiresAt } = this.newInvite();
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.findOne({ where: { id } });
      if (!user) throw notFound('user');
      if (user.passwordHash) {
        throw new DomainError(
          'conflict.password_set',
          'This user has already set a password; they sign in with it, or ask for a password reset from the sign-in page',
        );
      }
      if (!user.active) {
        throw new DomainError(
          'conflict.user_inactive',
          'This user is deactivated; activate them before inviting them again',
        );
      }
      user.inviteTokenHash = tokenDigest(token);
      user.inviteExpiresAt = expiresAt;
      const saved = await repo.save(user);
      await this.invitationMail.enqueue(manager, saved, token, expiresAt);
      return {
        user: toPublicUser(saved),
        inviteToken: token,
        inviteExpiresAt: expiresAt.toISOString(),
      };
    });
  }

  /** Gives a deactivated user their access back; an invited one may need a new invitation. */
  activate(id: string): Promise<PublicUser> {
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(User);
      // Only the two columns: the token version stays where deactivation moved it.
      await repo.update({ id, active: false }, { active: true, deactivatedAt: null });
      const user = await repo.findOne({ where: { id } });
      if (!user) throw notFound('user');
      return toPublicUser(user);
    });
  }

  async list(query: PageQuery): Promise<Page<PublicUser>> {
    const [rows, total] = await this.users.findAndCount({
      order: { createdAt: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: rows.map(toPublicUser), total };
  }

  /**
   * Deactivation, not deletion: the account's history stays; its tokens stop working at once,
   * and for good: activating the user again does not bring them back.
   */
  async deactivate(viewer: AuthUser, id: string): Promise<void> {
    if (id === viewer.id) {
      throw new DomainError('conflict.self_deactivation', 'You cannot deactivate your own account');
    }
    const deactivatedAt = this.clock.now();
    await this.transactions.run(async (manager) => {
      const found = await manager
        .getRepository(User)
        .update(
          { id },
          { active: false, deactivatedAt, inviteTokenHash: null, ...NEXT_TOKEN_VERSION },
        );
      if (!found.affected) throw notFound('user');
    });
  }

  /**
   * A new role for someone else: a client user belongs to one existing, non-archived company;
   * any other role to none. The practice keeps at least one active consultant. Every token and
   * session of the user ends, so that the next one carries the new role.
   */
  changeRole(viewer: AuthUser, id: string, dto: ChangeRoleDto): Promise<PublicUser> {
    if (id === viewer.id) {
      throw new DomainError('conflict.own_role', 'You cannot change your own role', [
        { field: 'role', code: 'own_role', message: 'you cannot change your own role' },
      ]);
    }
    return this.transactions.run(
      async (manager) => {
        const repo = manager.getRepository(User);
        const user = await repo.findOne({ where: { id } });
        if (!user) throw notFound('user');
        const clientId = dto.role === 'client' ? await this.clientOf(manager, dto.clientId) : null;
        if (user.role === 'consultant' && user.active && dto.role !== 'consultant') {
          const consultants = await repo.count({ where: { role: 'consultant', active: true } });
          if (consultants <= 1) {
            throw new DomainError(
              'conflict.last_consultant',
              'The practice keeps at least one active consultant',
              [
                {
                  field: 'role',
                  code: 'last_consultant',
                  message: 'the last active consultant keeps the role',
                  activeConsultants: consultants,
                },
              ],
            );
          }
        }
        await repo.update({ id }, { role: dto.role, clientId, ...NEXT_TOKEN_VERSION });
        return toPublicUser(await repo.findOneOrFail({ where: { id } }));
        // One role change at a time: two consultants demoting each other at once cannot both
        // count the other as the consultant who stays.
      },
      [Locks.roles],
    );
  }

  /** The company a client user is moved to: named, existing and not archived. */
  private async clientOf(manager: EntityManager, clientId: string | null | undefined) {
    const refuse = (code: string, message: string): never => {
      throw new DomainError(`invalid.role_client`, `Invalid input: clientId (${message})`, [
        { field: 'clientId', code, message },
      ]);
    };
    if (!clientId) return refuse('client_required', 'a client user belongs to a client');
    const clients = manager.getRepository(Client);
    if (!(await clients.exists({ where: { id: clientId } }))) {
      return refuse('client_unknown', 'clientId does not name a client');
    }
    if (!(await clients.exists({ where: { id: clientId, archivedAt: IsNull() } }))) {
      return refuse('client_archived', 'the client is archived');
    }
    return clientId;
  }

  /** Ends every token and session cookie of the user issued so far, in every server process. */
  async endSessions(id: string, manager?: EntityManager): Promise<void> {
    const write = (m: EntityManager) => m.getRepository(User).update({ id }, NEXT_TOKEN_VERSION);
    await (manager ? write(manager) : this.transactions.run(write));
  }

  private newInvite(): { token: string; expiresAt: Date } {
    return {
      token: newOpaqueToken(),
      expiresAt: new Date(
        this.clock.now().getTime() + this.config.values.INVITE_TTL_HOURS * 3_600_000,
      ),
    };
  }
}
