import { Foundation1764400000000 } from './1764400000000-Foundation';

/** Every migration, in order. A new migration file is added here too. */
export const ALL_MIGRATIONS = [Foundation1764400000000];
