import { crashedServerProcesses } from './support/server-process';

/**
 * An unhandled promise rejection fails the test file, wherever it happens. In this process,
 * Jest already fails the test (or the file, between tests) during which one surfaces. In a
 * server process of test/support/server-process.ts, one ends the process, as it would end
 * `npm start` without its handlers: a process that exits while no test stopped or killed it
 * fails the file here, with what it wrote on stderr, even if no later request needed it.
 */
afterAll(() => {
  const crashed = crashedServerProcesses();
  if (crashed.length === 0) return;
  const accounts = crashed.map(
    (c) =>
      `server process on port ${c.port} exited on its own (${c.signal ?? `code ${c.code}`}):\n${c.stderr.slice(-4000)}`,
  );
  throw new Error(accounts.join('\n\n'));
});
