// Where a value is refused and why: one shape for every pure rule (see common/problem.ts).
export type { Problem } from '../../common/problem';
