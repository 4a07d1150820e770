import { uniqueViolation } from './error.filter';

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
