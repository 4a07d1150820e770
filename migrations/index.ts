import { Foundation1764400000000 } from './1764400000000-Foundation';
import { ContractsRequestsInterventions1764500000000 } from './1764500000000-ContractsRequestsInterventions';
import { Knowledge1764610000000 } from './1764610000000-Knowledge';

/** Every migration, in order. A new migration file is added here too. */
export const ALL_MIGRATIONS = [
  Foundation1764400000000,
  ContractsRequestsInterventions1764500000000,
  Knowledge1764610000000,
];
