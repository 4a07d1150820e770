/**
 * The bare baseline of the HTTP benches: a node:http server that runs, for every request, the
 * SQL statements one request of the application ran (recorded by sql-trace.js), with the same
 * parameters, through the same driver, and answers their rows as JSON.
 *
 * Writes replay the recorded request as a new one, so that each replay does the work the
 * application does for a new request (new rows, same statements, same transaction):
 * - every id the recorded request created (the first parameter of each INSERT) is replaced by a
 *   new one wherever it appears, inside strings (keys such as `request-received:<id>`, JSON,
 *   paths) and inside the arrays of multi-row inserts;
 * - when the recorded request's body was given (BARE_STATEMENTS holds `{ statements, body }`),
 *   every string field of it that the new body changes (a title) is replaced by the new value
 *   wherever it appears, and when it has a `startedAt`, the work moves to the new body's slot:
 *   the instants within a day of the recorded start (the slot's bounds, the overlap window) move
 *   by the same amount, and the local days of the recorded slot (in the practice's zone) move by
 *   as many days, so replays do not pile onto one slot;
 * - a replay that fails is rolled back (the next one starts clean), its first error printed.
 *
 *   BARE_STATEMENTS=statements.json BARE_SQLITE=file.sqlite | BARE_DATABASE_URL=postgres://…
 *   PORT=… node bench/support/bare-server.js
 */
'use strict';
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');

const stored = JSON.parse(readFileSync(process.env.BARE_STATEMENTS, 'utf8'));
const statements = Array.isArray(stored) ? stored : stored.statements;
const recordedBody = Array.isArray(stored) ? null : (stored.body ?? null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** Every string inside a value (arrays of multi-row inserts included). */
const stringsOf = (value) =>
  Array.isArray(value) ? value.flatMap(stringsOf) : typeof value === 'string' ? [value] : [];
/**
 * The ids the recorded request created: the first parameter of an INSERT (or of its first row)
 * that no earlier statement named (an INSERT keyed by an existing row, such as a consultant's
 * day, creates no id).
 */
const created = new Set();
{
  const seen = new Set();
  for (const s of statements) {
    const first = Array.isArray(s.params[0]) ? s.params[0][0] : s.params[0];
    if (/^\s*INSERT/i.test(s.sql) && typeof first === 'string' && UUID.test(first)) {
      if (!seen.has(first)) created.add(first);
    }
    for (const text of stringsOf(s.params)) seen.add(text);
  }
}

let zone = 'UTC';
/** The local day of an instant in the practice's zone, as days since 1970-01-01. */
const localDay = (ms) => {
  const text = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(ms));
  return Date.parse(`${text}T00:00:00Z`) / DAY_MS;
};

/** The substitutions that turn the recorded request into the one `body` asks for. */
function substitutions(body) {
  const swaps = new Map([...created].map((id) => [id, randomUUID()]));
  let move = null;
  if (recordedBody && body) {
    for (const [key, was] of Object.entries(recordedBody)) {
      const now = body[key];
      if (
        typeof was === 'string' &&
        typeof now === 'string' &&
        was !== now &&
        key !== 'startedAt' &&
        key !== 'endedAt'
      ) {
        swaps.set(was, now);
      }
    }
    if (typeof recordedBody.startedAt === 'string' && typeof body.startedAt === 'string') {
      const from = Date.parse(recordedBody.startedAt);
      const to = Date.parse(body.startedAt);
      const fromDay = localDay(from);
      const toEnd = recordedBody.endedAt ? Date.parse(recordedBody.endedAt) : from;
      move = {
        from,
        to,
        shift: to - from,
        fromDay,
        toEndDay: localDay(toEnd),
        days: localDay(to) - fromDay,
      };
    }
  }
  return { swaps, move };
}

function rewrite(value, subs) {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, subs));
  if (typeof value !== 'string') return value;
  const { swaps, move } = subs;
  if (move && move.shift !== 0) {
    if (INSTANT.test(value)) {
      const t = Date.parse(value);
      if (Math.abs(t - move.from) <= DAY_MS) return new Date(t + move.shift).toISOString();
    } else if (DAY.test(value)) {
      const d = Date.parse(`${value}T00:00:00Z`) / DAY_MS;
      if (d >= move.fromDay && d <= move.toEndDay) {
        return new Date((d + move.days) * DAY_MS).toISOString().slice(0, 10);
      }
    }
  }
  let out = value;
  for (const [old, now] of swaps) if (out.includes(old)) out = out.split(old).join(now);
  // Instants as milliseconds in text (a day's stretches of work): moved with the slot too.
  if (move && move.shift !== 0 && /\d{13}/.test(out)) {
    out = out.replace(/\b\d{13}\b/g, (ms) =>
      Math.abs(Number(ms) - move.from) <= DAY_MS ? String(Number(ms) + move.shift) : ms,
    );
  }
  return out;
}

function replay(body) {
  const subs = substitutions(body);
  return statements.map((s) => ({ sql: s.sql, params: s.params.map((p) => rewrite(p, subs)) }));
}

let reported = false;
function failed(error, index) {
  if (reported) return;
  reported = true;
  const sql =
    index === undefined ? '' : ` at statement ${index}: ${statements[index].sql.slice(0, 160)}`;
  console.error(`bare-server: first failed replay: ${error && error.message}${sql}`);
}

function sqliteRunner(file) {
  const Database = require('better-sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  zone = db.prepare('SELECT timezone FROM practice LIMIT 1').pluck().get() ?? 'UTC';
  const prepared = new Map();
  const prepare = (sql) => {
    if (!prepared.has(sql)) prepared.set(sql, db.prepare(sql));
    return prepared.get(sql);
  };
  return async (list) => {
    const results = [];
    for (let i = 0; i < list.length; i++) {
      const { sql, params } = list[i];
      try {
        const statement = prepare(sql);
        results.push(statement.reader ? statement.all(...params) : statement.run(...params));
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        failed(error, i);
        throw error;
      }
    }
    return results;
  };
}

function postgresRunner(url) {
  const { Pool } = require('pg');
  const pool = new Pool({ connectionString: url, max: 10 });
  const ready = pool.query('SELECT timezone FROM practice LIMIT 1').then((r) => {
    zone = r.rows[0]?.timezone ?? 'UTC';
  });
  return async (list) => {
    await ready;
    const client = await pool.connect();
    let i = 0;
    try {
      const results = [];
      for (; i < list.length; i++)
        results.push((await client.query(list[i].sql, list[i].params)).rows);
      return results;
    } catch (error) {
      failed(error, i);
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
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
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null;
      run(replay(body)).then(
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
