import type { ErrorDetail } from '../common/domain-error';
import type { Problem } from './math';

/** The rules' reasons as the `details` of an error body, each naming its field, with its figures. */
export function details(problems: Problem[]): ErrorDetail[] {
  return problems.map((p) => ({ ...p }));
}
