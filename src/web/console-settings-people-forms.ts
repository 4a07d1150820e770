/** The forms of a person's row on the settings' people page: its buttons, and a new role. */
import { given, Text } from './console-forms';

/** A person's row's buttons (a new link, deactivate): their refusals concern the whole row. */
export class UserActionForm {}

/** A person's new role, and their company for the client role. */
export class UserRoleForm {
  @Text(20) readonly role?: string;
  @Text(40) readonly clientId?: string;
}

/** The body of ChangeRoleDto: the company goes with the client role only. */
export function userRolePlain(form: UserRoleForm): Record<string, unknown> {
  const role = given(form.role) ?? '';
  return role === 'client' ? { role, clientId: given(form.clientId) } : { role };
}
