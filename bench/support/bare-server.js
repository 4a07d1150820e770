/**
 * The bare baseline of the HTTP benches: a node:http server that runs, for every request, the
 * SQL statements one request of the application ran (recorded by sql-trace.js), with the same
 * parameters, through the same driver, and answers their rows as JSON. Writes replay their
 * statements with fresh ids (every UUID the recorded request inserted as a row's id is replaced
 * by a new one wherever it appears), so each request inserts new rows as the application does.
 *
 *   BARE_STATEMENTS=statements.json BARE_SQLITE=file.sqlite | BARE_DATABASE_URL=postgres://…
 *   PORT=… node bench/support/bare-server.js
 */
'use strict';
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');

const statements = JSON.parse(readFileSync(process.env.BARE_STATEMENTS, 'utf8'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The ids the recorded request created: the first parameter of each INSERT. */
const created = new Set(
  statements
    .filter((s) => /^\s*INSERT/i.test(s.sql) && typeof s.params[0] === 'string')
    .map((s) => s.params[0])
    .filter((id) => UUID.test(id)),
);

function withFreshIds() {
  if (created.size === 0) return statements;
  const fresh = new Map([...created].map((id) => [id, randomUUID()]));
  const swap = (value) => {
    if (typeof value !== 'string') return value;
    let out = value;
    for (const [old, now] of fresh) if (out.includes(old)) out = out.split(old).join(now);
    return out;
  };
  return statements.map((s) => ({ sql: s.sql, params: s.params.map(swap) }));
}

function sqliteRunner(file) {
  const Database = require('better-sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const prepared = new Map();
  const prepare = (sql) => {
    if (!prepared.has(sql)) prepared.set(sql, db.prepare(sql));
    return prepared.get(sql);
  };
  return async (list) =>
    list.map(({ sql, params }) => {
      const statement = prepare(sql);
      return statement.reader ? statement.all(...params) : statement.run(...params);
    });
}

function postgresRunner(url) {
  const { Pool } = require('pg');
  const pool = new Pool({ connectionString: url, max: 10 });
  return async (list) => {
    const client = await pool.connect();
    try {
      const results = [];
      for (const { sql, params } of list) results.push((await client.query(sql, params)).rows);
      return results;
    } finally {
      client.release();
    }
  };
}

const run = process.env.BARE_DATABASE_URL
  ? postgresRunner(process.env.BARE_DATABASE_URL)
  : sqliteRunner(process.env.BARE_SQLITE);

http
  .createServer((req, res) => {
    if (req.url === '/health') return res.end('{"status":"ok"}');
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (chunks.length) JSON.parse(Buffer.concat(chunks).toString('utf8'));
      run(withFreshIds()).then(
        (results) => {
          res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(results[results.length - 1]));
        },
        (error) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
