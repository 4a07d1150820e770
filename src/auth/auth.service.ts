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
import { AcceptInviteDto, LoginDto, SessionView, SetupDto } from './dto/auth.dto';
import { LoginFailure } from './login-attempt.entity';
import { decoyHash, hashPassword, tokenDigest, verifyPassword } from './passwords';

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
    private readonly config: AppConfigService,
    private readonly practice: PracticeService,
    private readonly transactions: Transactions,
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
            createdAt: new Date(),
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
    const since = new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000);
    const recent = await this.failures.count({ where: { email, at: MoreThan(since) } });
    if (recent >= MAX_FAILURES) {
      throw new DomainError(
        'too_many.login',
        `Too many failed sign-ins for this email; try again in ${FAILURE_WINDOW_MINUTES} minutes`,
      );
    }
    const user = await this.users.findOne({ where: { email } });
    const ok = user?.passwordHash
      ? await verifyPassword(user.passwordHash, dto.password)
      : await verifyPassword(await decoyHash(), dto.password).then(() => false);
    if (!user || !ok || !user.active) {
      await this.failures.save(this.failures.create({ email, at: new Date() }));
      throw new DomainError('unauthenticated.credentials', 'Wrong email or password');
    }
    await this.failures.delete({ email });
    return this.session(user);
  }

  async acceptInvite(dto: AcceptInviteDto): Promise<SessionView> {
    const passwordHash = await hashPassword(dto.password);
    const user = await this.transactions.run(async (manager) => {
      const repo = manager.getRepository(User);
      const found = await repo.findOne({ where: { inviteTokenHash: tokenDigest(dto.token) } });
      if (!found || !found.active || !found.inviteExpiresAt || found.inviteExpiresAt < new Date()) {
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

  /** Resolves a bearer token to the current, active user; null when it no longer holds. */
  async authenticate(token: string): Promise<AuthUser | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
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
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role }, { expiresIn });
    return { accessToken, expiresIn, user: toPublicUser(user) };
  }
}
