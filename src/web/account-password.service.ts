import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import { ChangePasswordDto, type SessionView } from '../auth/dto/auth.dto';
import { DomainError } from '../common/domain-error';
import { statusOfKind } from '../common/error.filter';
import { User } from '../users/user.entity';
import { checkDto } from './console-forms';
import { passwordMismatch, type PasswordForm } from './account-password-form';
import { formFailure, type FormFailure } from './form-problems';

/** A password change: the new session of this browser, or the problems to show. */
export type PasswordOutcome = { session: SessionView } | FormFailure;

/**
 * Changing one's own password from a page, as the API does it (the current password checked
 * under the sign-in lock-out, the new one's strength by the same rule, every earlier session
 * ended); the browser that changed it gets a new session, so only the others are signed out.
 */
@Injectable()
export class AccountPassword {
  constructor(
    private readonly auth: AuthService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async change(viewer: AuthUser, form: PasswordForm): Promise<PasswordOutcome> {
    const plain = {
      currentPassword: form.currentPassword ?? '',
      newPassword: form.newPassword ?? '',
    };
    const checked = await checkDto(ChangePasswordDto, plain, passwordMismatch(form));
    if (!checked.value) return { status: 400, problems: checked.problems };
    try {
      await this.auth.changePassword(viewer, checked.value);
    } catch (error) {
      return refusal(error);
    }
    const user = await this.users.findOneOrFail({ where: { id: viewer.id } });
    return { session: await this.auth.session(user) };
  }
}

/** A wrong current password is said beside it, not as a page signed out; the rest as any form's. */
function refusal(error: unknown): FormFailure {
  if (error instanceof DomainError && error.code === 'unauthenticated.password') {
    return {
      status: statusOfKind(error.kind),
      problems: (error.details ?? []).map((d) => ({
        ...d,
        field: typeof d.field === 'string' ? d.field : 'currentPassword',
        errorCode: error.code,
      })),
    };
  }
  return formFailure(error);
}
