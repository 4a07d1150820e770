import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainError } from './domain-error';
import {
  databaseFailure,
  databaseUnavailable,
  statusOfKind,
  uniqueViolation,
} from './error.filter';

describe('uniqueViolation', () => {
  it.each([
    [
      'PostgreSQL, one column',
      { driverError: { code: '23505', detail: 'Key (reference)=(CT-1) already exists.' } },
      ['reference'],
    ],
    [
      'PostgreSQL, two columns',
      {
        driverError: { code: '23505', detail: 'Key ("seriesKey", seq)=(F2026, 3) already exists.' },
      },
      ['seriesKey', 'seq'],
    ],
    ['PostgreSQL without detail', { code: '23505' }, []],
    [
      'SQLite unique index',
      {
        driverError: {
          code: 'SQLITE_CONSTRAINT_UNIQUE',
          message: 'UNIQUE constraint failed: contracts.reference',
        },
      },
      ['reference'],
    ],
    [
      'SQLite primary key',
      {
        driverError: {
          code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
          message: 'UNIQUE constraint failed: invoice_lines.invoiceId, invoice_lines.position',
        },
      },
      ['invoiceId', 'position'],
    ],
  ])('reads the columns of %s', (_, error, columns) => {
    expect(uniqueViolation(error)).toEqual({ columns });
  });

  it.each([
    ['a foreign key violation', { driverError: { code: '23503' } }],
    ['a SQLite foreign key violation', { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }],
    ['a plain error', new Error('boom')],
    ['nothing', null],
  ])('is null for %s', (_, error) => {
    expect(uniqueViolation(error)).toBeNull();
  });
});

describe('databaseFailure', () => {
  const pg = (code: string, message = 'error'): unknown => ({
    message,
    driverError: { code, message },
  });
  it.each([
    [
      'a terminated session (57P01)',
      pg('57P01', 'terminating connection due to administrator command'),
      'unreachable',
    ],
    [
      'a server starting up (57P03)',
      pg('57P03', 'the database system is starting up'),
      'unreachable',
    ],
    ['a connection exception (08006)', pg('08006', 'connection failure'), 'unreachable'],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      'unreachable',
    ],
    [
      'a refused connection on every address',
      new AggregateError([
        Object.assign(new Error('connect ECONNREFUSED ::1:1'), { code: 'ECONNREFUSED' }),
      ]),
      'unreachable',
    ],
    [
      'a connection lost mid-query',
      { message: 'Connection terminated unexpectedly' },
      'unreachable',
    ],
    [
      'no pooled connection in time',
      new Error('timeout exceeded when trying to connect'),
      'unreachable',
    ],
    [
      'a connection that took too long to open',
      new Error('Connection terminated due to connection timeout', { cause: new Error('x') }),
      'unreachable',
    ],
    ['too many connections (53300)', pg('53300'), 'unreachable'],
    [
      'a lock timeout (55P03)',
      pg('55P03', 'canceling statement due to lock timeout'),
      'lock_timeout',
    ],
    [
      'a statement timeout (57014)',
      pg('57014', 'canceling statement due to statement timeout'),
      'statement_timeout',
    ],
    [
      'a statement after TypeORM released the failed connection',
      new QueryRunnerAlreadyReleasedError(),
      'unreachable',
    ],
    [
      'a transaction on a connection TypeORM released',
      new QueryRunnerProviderAlreadyReleasedError(),
      'unreachable',
    ],
    ['a busy SQLite file', { code: 'SQLITE_BUSY', message: 'database is locked' }, 'lock_timeout'],
    ['a full disk under SQLite', { code: 'SQLITE_FULL' }, 'unreachable'],
  ])('sees %s', (_, error, failure) => {
    expect(databaseFailure(error)).toBe(failure);
  });

  it.each([
    ['a unique violation', pg('23505')],
    ['a foreign key violation', pg('23503')],
    ['a syntax error in a query', pg('42601')],
    ['a plain error', new Error('boom')],
    ['nothing', null],
  ])('is null for %s (a bug or a refusal, not an outage)', (_, error) => {
    expect(databaseFailure(error)).toBeNull();
  });

  it('gives a coded 503 error, and none for errors the application raised itself', () => {
    expect(databaseUnavailable(pg('57P01'))).toMatchObject({ code: 'unavailable.database' });
    expect(databaseUnavailable(pg('55P03'))).toMatchObject({ code: 'unavailable.lock_timeout' });
    expect(databaseUnavailable(new DomainError('invalid.x', 'x'))).toBeNull();
    expect(statusOfKind(databaseUnavailable(pg('57014'))!.kind)).toBe(503);
  });
});
