/** The form that changes one's own password: the current one, and the new one typed twice. */
import type { FieldProblem } from '../common/validation';
import { Text } from './console-forms';

export class PasswordForm {
  @Text(200) readonly currentPassword?: string;
  @Text(200) readonly newPassword?: string;
  @Text(200) readonly newPasswordAgain?: string;
}

/** The second typing of the new password differs from the first: said beside it. */
export function passwordMismatch(form: PasswordForm): FieldProblem[] {
  return (form.newPassword ?? '') === (form.newPasswordAgain ?? '')
    ? []
    : [
        {
          field: 'newPasswordAgain',
          code: 'settings.passwordMismatch',
          message: 'newPasswordAgain must repeat newPassword',
        },
      ];
}
