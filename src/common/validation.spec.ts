import { plainToInstance, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  validate,
} from 'class-validator';
import { catalogue, LOCALES } from '../i18n';
import { IsLocalDate } from './validators';
import {
  flattenValidationErrors,
  inputProblem,
  MAX_INPUT_DEPTH,
  Nested,
  Omittable,
  VALIDATION_CODES,
  validationException,
} from './validation';

class FeeDto {
  @IsInt() @Min(0) @Max(100_000_000) readonly monthlyFeeCents!: number;
  @IsInt() @Min(1) @Max(240) readonly roundingMinutes!: number;
  @Omittable() @IsInt() @Min(0) @Max(500) readonly surchargePercent?: number;
}

class ClientDto {
  @IsString() @Length(1, 200) readonly name!: string;
  @IsEmail() readonly billingEmail!: string;
  @Omittable() @IsIn(['fr', 'en']) readonly locale?: string;
  @Omittable() @IsString() @IsNotEmpty() @MaxLength(20) readonly postalCode?: string;
  @Omittable() @IsLocalDate() readonly startDate?: string;
  @Nested(() => FeeDto) @Type(() => FeeDto) readonly billing!: FeeDto;
}

const good = {
  name: 'Garage Morel',
  billingEmail: 'compta@garage.example',
  billing: { monthlyFeeCents: 60000, roundingMinutes: 15 },
};

async function problems(plain: Record<string, unknown>) {
  const errors = await validate(plainToInstance(ClientDto, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return flattenValidationErrors(errors);
}

describe('flattenValidationErrors', () => {
  it('finds nothing wrong with a good input', async () => {
    expect(await problems(good)).toEqual([]);
  });

  it.each([
    [
      'a negative fee: one problem, its bound and its unit',
      { billing: { ...good.billing, monthlyFeeCents: -50 } },
      { field: 'billing.monthlyFeeCents', code: 'min', min: 0, unit: 'cents' },
    ],
    [
      'a fee that is not a number: its type, not its range',
      { billing: { ...good.billing, monthlyFeeCents: 'lots' } },
      { field: 'billing.monthlyFeeCents', code: 'isInt' },
    ],
    [
      'a rounding too long, in minutes',
      { billing: { ...good.billing, roundingMinutes: 300 } },
      { field: 'billing.roundingMinutes', code: 'max', max: 240, unit: 'minutes' },
    ],
    [
      'a surcharge over its percent',
      { billing: { ...good.billing, surchargePercent: 501 } },
      { field: 'billing.surchargePercent', code: 'max', max: 500, unit: 'percent' },
    ],
    ['a missing name', { name: undefined }, { field: 'name', code: 'isDefined' }],
    ['a null name', { name: null }, { field: 'name', code: 'isDefined' }],
    ['an empty name', { name: '' }, { field: 'name', code: 'isNotEmpty' }],
    ['an empty postal code', { postalCode: '' }, { field: 'postalCode', code: 'isNotEmpty' }],
    [
      'a name too long',
      { name: 'x'.repeat(201) },
      { field: 'name', code: 'isLength', minLength: 1, maxLength: 200 },
    ],
    [
      'a postal code too long',
      { postalCode: '1'.repeat(21) },
      { field: 'postalCode', code: 'maxLength', maxLength: 20 },
    ],
    ['a number for a name', { name: 12 }, { field: 'name', code: 'isString' }],
    [
      'a language not offered',
      { locale: 'de' },
      { field: 'locale', code: 'isIn', values: 'fr, en' },
    ],
    [
      'a day that does not exist',
      { startDate: '2026-02-30' },
      { field: 'startDate', code: 'isLocalDate', minYear: 1900, maxYear: 2199 },
    ],
    ['an unknown field', { colour: 'red' }, { field: 'colour', code: 'whitelistValidation' }],
    ['a bad email', { billingEmail: 'nobody' }, { field: 'billingEmail', code: 'isEmail' }],
    ['a list for the billing', { billing: [] }, { field: 'billing', code: 'isObject' }],
  ])('%s', async (_case, change, expected) => {
    const found = await problems({ ...good, ...change });
    expect(found).toEqual([{ ...expected, message: expect.any(String) }]);
  });

  it('gives one problem per field, the most basic first, and never the value or the object', async () => {
    const found = await problems({
      name: 'x'.repeat(300),
      billingEmail: 'compta@garage.example',
      locale: 'de',
      billing: { roundingMinutes: 'often' },
      unknown: 1,
    });
    expect(found.map((p) => [p.field, p.code])).toEqual([
      ['unknown', 'whitelistValidation'],
      ['billing.monthlyFeeCents', 'isDefined'],
      ['billing.roundingMinutes', 'isInt'],
      ['locale', 'isIn'],
      ['name', 'isLength'],
    ]);
    for (const p of found) {
      expect(Object.keys(p)).not.toContain('value');
      expect(Object.keys(p)).not.toContain('target');
      expect(JSON.stringify(p)).not.toContain('often');
    }
  });

  it('refuses the whole input with the code invalid.input and every problem', async () => {
    const details = await problems({ ...good, name: '', locale: 'de' });
    const error = validationException(details);
    expect(error.code).toBe('invalid.input');
    expect(error.kind).toBe('invalid');
    expect(error.details).toEqual(details);
    expect(error.message).toBe('Some fields are not valid: name, locale');
  });
});

describe('inputProblem', () => {
  it('codes a nesting too deep, with its limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i <= MAX_INPUT_DEPTH; i++) deep = [deep];
    expect(inputProblem({ a: deep })).toMatchObject({
      field: expect.stringMatching(/^a/),
      code: 'maxDepth',
      maxDepth: MAX_INPUT_DEPTH,
    });
  });

  it('codes text and keys that are not well-formed Unicode', () => {
    expect(inputProblem({ email: 'a\udc00' })).toMatchObject({
      field: 'email',
      code: 'wellFormedText',
    });
    expect(inputProblem({ '\ud800': 1 })).toMatchObject({ field: 'body', code: 'wellFormedKey' });
  });
});

describe('the words of every validation code', () => {
  it('has problem.<code> in every language, and the refusal of the whole input', () => {
    const missing = LOCALES.flatMap((locale) =>
      [...VALIDATION_CODES.map((code) => `problem.${code}`), 'error.invalid.input']
        .filter((key) => !catalogue().has(key, locale))
        .map((key) => `${locale} ${key}`),
    );
    expect(missing).toEqual([]);
    expect(VALIDATION_CODES).toEqual(expect.arrayContaining(['isDefined', 'min', 'isSiren']));
  });
});
