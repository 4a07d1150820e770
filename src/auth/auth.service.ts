import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { AppConfigService } from '../common/app-config.service';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import { PracticeService } from '../practice/practice.service';
import { toPublicUser, User } from '../users/user.entity';
import type { AuthUser } from './auth.decorators';
import {
  AcceptInviteDto,
  ChangePasswordDto,
  LoginDto,
  SessionView,
  SetupDto,
} from './dto/auth.dto';
import { JwtSecret } from './jwt-secret.service';
import { LoginFailure } from './login-attempt.entity';
import { decoyHash, hashPassword, tokenDigest, verifyPassword } from './passwords';
import { Clock } from '../common/clock';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;

interface TokenClaims {
  sub: string;
  role: string;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>,
    private readonly jwt: JwtService,
    private readonly jwtSecret: JwtSecret,
    private readonly config: AppConfigService,
    private readonly practice: PracticeService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Creates the first consultant and the practice, only while no user exists. */
  async setup(dto: SetupDto): Promise<SessionView> {
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

  async login(dto: LoginDto): Promise<SessionView> {
    const email = dto.email.toLowerCase();
    await this.assertNotLockedOut(email);
    const user = await this.users.findOne({ where: { email } });
    const ok = user?.passwordHash
      ? await verifyPassword(user.passwordHash, dto.password)
      : await verifyPassword(await decoyHash(), dto.password).then(() => false);
    if (!user || !ok || !user.active) {
      await this.failures.save(this.failures.create({ email, at: this.clock.now() }));
      throw new DomainError('unauthenticated.credentials', 'Wrong email or password');
    }
    await this.failures.delete({ email });
    return this.session(user);
  }

  /**
   * Changes the signed-in user's password. A wrong current password counts as a failed
   * sign-in, so a stolen token cannot try passwords faster than the sign-in form.
   */
  async changePassword(viewer: AuthUser, dto: ChangePasswordDto): Promise<void> {
    await this.assertNotLockedOut(viewer.email);
    const user = await this.users.findOne({ where: { id: viewer.id } });
    const ok = user?.passwordHash
      ? await verifyPassword(user.passwordHash, dto.currentPassword)
      : false;
    if (!user || !ok) {
      await this.failures.save(this.failures.create({ email: viewer.email, at: this.clock.now() }));
      throw new DomainError('unauthenticated.password', 'The current password is wrong', [
        { field: 'currentPassword', message: 'the current password is wrong' },
      ]);
    }
    if (dto.newPassword === dto.currentPassword) {
      throw new DomainError('invalid.newPassword', 'Invalid input: newPassword', [
        { field: 'newPassword', message: 'newPassword must differ from the current password' },
      ]);
    }
    user.passwordHash = await hashPassword(dto.newPassword);
    await this.users.save(user);
    await this.failures.delete({ email: viewer.email });
    this.logger.log({ userId: user.id }, 'password changed');
  }

  async acceptInvite(dto: AcceptInviteDto): Promise<SessionView> {
    const passwordHash = await hashPassword(dto.password);
    const user = await this.transactions.run(async (manager) => {
      const repo = manager.getRepository(User);
      const found = await repo.findOne({ where: { inviteTokenHash: tokenDigest(dto.token) } });
      if (!found || !found.active || !found.inviteExpiresAt || found.inviteExpiresAt < this.clock.now()) {
        throw new DomainError(
          'unauthenticated.invite',
          'This invitation is invalid or has expired',
        );
      }
      found.passwordHash = passwordHash;
      found.inviteTokenHash = null;
      found.inviteExpiresAt = null;
      return repo.save(found);
    });
    return this.session(user);
  }

  private async assertNotLockedOut(email: string): Promise<void> {
    const since = new Date(this.clock.now().getTime() - FAILURE_WINDOW_MINUTES * 60_000);
    const recent = await this.failures.count({ where: { email, at: MoreThan(since) } });
    if (recent >= MAX_FAILURES) {
      throw new DomainError(
        'too_many.login',
        `Too many failed sign-ins for this email; try again in ${FAILURE_WINDOW_MINUTES} minutes`,
      );
    }
  }

  /** Resolves a bearer token to the current, active user; null when it no longer holds. */
  async authenticate(token: string): Promise<AuthUser | null> {
    // Outside the try: a database that cannot give the secret is an error, not a bad token.
    const secret = await this.jwtSecret.get();
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { secret });
    } catch {
      return null;
    }
    const user = await this.users.findOne({ where: { id: claims.sub } });
    if (!user || !user.active) return null;
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
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, role: user.role },
      { expiresIn, secret: await this.jwtSecret.get() },
    );
    return { accessToken, expiresIn, user: toPublicUser(user) };
  }
}
