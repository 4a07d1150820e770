import { Worker } from 'node:worker_threads';

/**
 * Copies the pages an import wrote to SQLite's write-ahead log back into the database file (a
 * passive checkpoint), in a worker thread on a connection of its own: for 46,000 rows it takes a
 * few hundred milliseconds, which the committing connection would otherwise spend on the
 * server's thread right after its commit (its automatic checkpoint, turned off on the import's
 * connection). Passive: it waits for no reader or writer, and copies what it can; what it leaves
 * is copied by the next automatic checkpoint of the server's connection. Never fails: a
 * checkpoint that cannot run leaves the log as it is, which SQLite reads as well.
 */
export function checkpointApart(file: string): Promise<void> {
  return new Promise<void>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_CODE, {
        eval: true,
        workerData: { file, driver: require.resolve('better-sqlite3') },
      });
    } catch {
      resolve();
      return;
    }
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
}

const WORKER_CODE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
try {
  db.pragma('wal_checkpoint(PASSIVE)');
} finally {
  db.close();
}
`;
