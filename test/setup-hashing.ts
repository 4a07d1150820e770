/**
 * Passwords are hashed with argon2id as in production, but at argon2's lowest cost (1 MiB, one
 * pass, one lane) instead of its memory-hard default (64 MiB, t=3, p=4): the suites set up,
 * invite and sign in people thousands of times, and each default hash takes a tenth of a second
 * to half a second of a core on a two-core machine. Hashes stay argon2id hashes, verified by
 * argon2 from the parameters they carry; src/auth/passwords.ts keeps the production cost.
 */
jest.mock('argon2', () => {
  const real = jest.requireActual<typeof import('argon2')>('argon2');
  const cheap = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
  return {
    ...real,
    hash: (password: string, options?: object) => real.hash(password, { ...options, ...cheap }),
  };
});
