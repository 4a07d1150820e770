import { Foundation1764400000000 } from './1764400000000-Foundation';
import { ContractsRequestsInterventions1764500000000 } from './1764500000000-ContractsRequestsInterventions';

/** Every migration, in order. A new migration file is added here too. */
export const ALL_MIGRATIONS = [
  Foundation1764400000000,
  ContractsRequestsInterventions1764500000000,
];
