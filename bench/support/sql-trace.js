/**
 * Preloaded (node -r) into a server a bench starts: while on, appends every SQL statement the
 * process sends, with its parameters, as one JSON line to SQL_TRACE_FILE. A message 'sql-trace'
 * on the IPC channel turns it on and off, answered 'sql-trace' (off at start, so the measured
 * requests pay nothing for it). The HTTP benches record one request there, so their bare
 * baselines run the very same SQL.
 */
'use strict';
const { appendFileSync } = require('node:fs');

const file = process.env.SQL_TRACE_FILE;
if (file) {
  let on = false;
  process.on('message', (message) => {
    // Exiting on a message lets a --cpu-prof server write its profile (signals end it unwritten).
    if (message === 'exit') process.exit(0);
    if (message !== 'sql-trace') return;
    on = !on;
    appendFileSync(file, '');
    process.send('sql-trace');
  });
  process.channel?.unref();
  const log = (sql, params) => {
    if (on) appendFileSync(file, `${JSON.stringify({ sql, params: params ?? [] })}\n`);
  };
  const Database = require('better-sqlite3');
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (sql) {
    const statement = prepare.call(this, sql);
    for (const method of ['run', 'all', 'get', 'iterate']) {
      const original = statement[method];
      statement[method] = function (...params) {
        log(sql, params);
        return original.apply(this, params);
      };
    }
    return statement;
  };
  const pg = require('pg');
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, callback) {
    if (typeof config === 'string') log(config, Array.isArray(values) ? values : []);
    else if (config && typeof config.text === 'string') log(config.text, config.values ?? values);
    return query.call(this, config, values, callback);
  };
}
