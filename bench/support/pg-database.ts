import { Client } from 'pg';

/** A PostgreSQL database made for one bench run on the server of `BENCH_DATABASE_URL`. */
export interface BenchPgDatabase {
  /** The new database's connection string. */
  url: string;
  /** Drops it, closing the connections still open on it. */
  drop(): Promise<void>;
}

/** Runs one statement on the server's maintenance database, on a connection of its own. */
async function onServer(server: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates the database `name` (dropped first if an earlier run left it) on the server of
 * `server` (default `BENCH_DATABASE_URL`).
 */
export async function benchPgDatabase(
  name: string,
  server = process.env.BENCH_DATABASE_URL!,
): Promise<BenchPgDatabase> {
  await onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await onServer(server, `CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
