import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { KeyObject } from 'node:crypto';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AppConfigService } from '../common/app-config.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import { PracticeService } from '../practice/practice.service';
import { NEXT_TOKEN_VERSION, toPublicUser, User } from '../users/user.entity';
import { readCaller } from '../users/caller-read';
import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth.decorators';
import {
  AcceptInviteDto,
  ChangePasswordDto,
  LoginDto,
  SessionView,
  SetupDto,
} from './dto/auth.dto';
import { JwtSecret } from './jwt-secret.service';
import { VerifiedTokens } from './verified-tokens';
import { LockOut } from './lock-out.service';
import { passwordWeakness, weaknessAdvice } from './password-strength';
import { decoyHash, hashPassword, tokenDigest, verifyPassword } from './passwords';

interface TokenClaims {
  sub: string;
  role: string;
  /** The user's tokenVersion when the token was signed. */
  ver: number;
  /** When it expires, in seconds since 1970 (set by the signing). */
  exp?: number;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly verified = new VerifiedTokens<TokenClaims>();

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly accounts: UsersService,
    private readonly lockOut: LockOut,
    private readonly jwt: JwtService,
    private readonly jwtSecret: JwtSecret,
    private readonly config: AppConfigService,
    private readonly practice: PracticeService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Creates the first consultant and the practice, only while no user exists. */
  async setup(dto: SetupDto): Promise<SessionView> {
    assertStrongPassword('password', dto.password, [dto.email, dto.displayName, dto.practice.name]);
    const passwordHash = await hashPassword(dto.password);
    const user = await this.transactions.run(
      async (manager) => {
        if ((await manager.getRepository(User).count()) > 0) {
          throw new DomainError(
            'conflict.setup_done',
            'Gardefou is already set up; sign in instead',
          );
        }
        await this.practice.create(manager, dto.practice);
        return manager.getRepository(User).save(
          manager.create(User, {
            email: dto.email.toLowerCase(),
            displayName: dto.displayName,
            role: 'consultant',
            clientId: null,
            passwordHash,
            active: true,
            createdAt: this.clock.now(),
          }),
        );
      },
      ['setup'],
    );
    this.logger.log({ userId: user.id }, 'practice set up');
    return this.session(user);
  }

  /** Only attempts the lock-out lets through reach the password hash (see LockOut). */
  async login(dto: LoginDto): Promise<SessionView> {
    const email = dto.email.toLowerCase();
    await this.lockOut.begin(email);
    const user = await this.users.findOne({ where: { email } });
    const ok = user?.passwordHash
      ? await verifyPassword(user.passwordHash, dto.password)
      : await verifyPassword(await decoyHash(), dto.password).then(() => false);
    if (!user || !ok || !user.active) {
      throw new DomainError('unauthenticated.credentials', 'Wrong email or password');
    }
    await this.lockOut.succeeded(email);
    return this.session(user);
  }

  /**
   * Changes the signed-in user's password and ends every token issued before, this one
   * included. A wrong current password counts as a failed sign-in, so a stolen token cannot
   * try passwords faster than the sign-in form.
   */
  async changePassword(viewer: AuthUser, dto: ChangePasswordDto): Promise<void> {
    await this.lockOut.begin(viewer.email);
    const user = await this.users.findOne({ where: { id: viewer.id } });
    const ok = user?.passwordHash
      ? await verifyPassword(user.passwordHash, dto.currentPassword)
      : false;
    if (!user || !ok) {
      throw new DomainError('unauthenticated.password', 'The current password is wrong', [
        { field: 'currentPassword', message: 'the current password is wrong' },
      ]);
    }
    await this.lockOut.succeeded(viewer.email);
    if (dto.newPassword === dto.currentPassword) {
      throw new DomainError('invalid.newPassword', 'Invalid input: newPassword', [
        {
          field: 'newPassword',
          message: 'newPassword must differ from the current password',
          reason: 'same',
        },
      ]);
    }
    assertStrongPassword('newPassword', dto.newPassword, [user.email, user.displayName]);
    const passwordHash = await hashPassword(dto.newPassword);
    await this.transactions.run((manager) =>
      manager.getRepository(User).update({ id: user.id }, { passwordHash, ...NEXT_TOKEN_VERSION }),
    );
    this.logger.log({ userId: user.id }, 'password changed');
  }

  /** Sets the password of an invited user; any token issued before stops working. */
  async acceptInvite(dto: AcceptInviteDto): Promise<SessionView> {
    const digest = tokenDigest(dto.token);
    const invited = this.validInvite(
      await this.users.findOne({ where: { inviteTokenHash: digest } }),
    );
    assertStrongPassword('password', dto.password, [invited.email, invited.displayName]);
    const passwordHash = await hashPassword(dto.password);
    const user = await this.transactions.run(async (manager) => {
      const repo = manager.getRepository(User);
      const found = this.validInvite(await repo.findOne({ where: { id: invited.id } }));
      // The token in the WHERE clause: of two simultaneous uses of one invitation, one wins.
      const used = await repo.update(
        { id: found.id, inviteTokenHash: digest },
        { passwordHash, inviteTokenHash: null, inviteExpiresAt: null, ...NEXT_TOKEN_VERSION },
      );
      if (!used.affected) throw invalidInvite();
      return repo.findOneOrFail({ where: { id: found.id } });
    });
    return this.session(user);
  }

  /** Signs the user out everywhere: every token and session cookie issued so far stops working. */
  async signOut(viewer: AuthUser): Promise<void> {
    await this.accounts.endSessions(viewer.id);
    this.logger.log({ userId: viewer.id }, 'signed out');
  }

  /** Signs out the holder of a session cookie; an invalid or missing one has nothing to end. */
  async signOutToken(token: string | null): Promise<void> {
    const user = token ? await this.authenticate(token) : null;
    if (user) await this.signOut(user);
  }

  /** Resolves a bearer token to the current, active user; null when it no longer holds. */
  async authenticate(token: string): Promise<AuthUser | null> {
    // Outside the try: a database that cannot give the secret is an error, not a bad token.
    const secret = await this.jwtSecret.key();
    const claims = await this.verified.claims(token, secret, () =>
      this.jwt.verifyAsync<TokenClaims>(token, { secret: asSecret(secret) }),
    );
    if (!claims) return null;
    // Read on every request, so a revocation by any process holds at once everywhere.
    const user = await readCaller(this.dataSource, claims.sub);
    if (!user || !user.active || user.tokenVersion !== claims.ver) return null;
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      clientId: user.clientId,
      displayName: user.displayName,
    };
  }

  async session(user: User): Promise<SessionView> {
    const expiresIn = this.config.values.ACCESS_TOKEN_TTL_MINUTES * 60;
    const claims: TokenClaims = { sub: user.id, role: user.role, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn,
      secret: asSecret(await this.jwtSecret.key()),
    });
    return { accessToken, expiresIn, user: toPublicUser(user) };
  }

  private validInvite(user: User | null): User {
    if (!user?.active || !user.inviteExpiresAt || user.inviteExpiresAt < this.clock.now()) {
      throw invalidInvite();
    }
    return user;
  }
}

/**
 * @nestjs/jwt hands its `secret` to jsonwebtoken unchanged, which takes a KeyObject as it is
 * (and builds one from a string at every call); only the option's declared type lacks it.
 */
const asSecret = (key: KeyObject): string => key as unknown as string;

const invalidInvite = (): DomainError =>
  new DomainError('unauthenticated.invite', 'This invitation is invalid or has expired');

/**
 * 400 naming the field when the password is too easy to guess, with zxcvbn's reason and advice
 * (also as keys: score, warning, suggestions).
 */
export function assertStrongPassword(
  field: 'password' | 'newPassword',
  password: string,
  personal: string[],
): void {
  const weakness = passwordWeakness(password, personal);
  if (!weakness) return;
  const advice = weaknessAdvice(weakness, 'en');
  const message = `${field} is too easy to guess${advice ? `: ${advice}` : ''}`;
  const code = field === 'password' ? 'invalid.password' : 'invalid.newPassword';
  throw new DomainError(code, message, [{ field, message, reason: 'weak', ...weakness }]);
}
