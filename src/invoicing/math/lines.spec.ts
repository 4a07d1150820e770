import { manualLine, validateManualLine } from './lines';

describe('manualLine', () => {
  it.each([
    [{ quantity: 1.25, unitPriceCents: 8000 }, 10_000],
    [{ quantity: 3, unitPriceCents: 333 }, 999],
    // 0.33 × 12.35 € = 4.0755 € → 4.08 €, half-up once.
    [{ quantity: 0.33, unitPriceCents: 1235 }, 408],
    [{ quantity: 0.1, unitPriceCents: 5 }, 1],
    [{ quantity: 0, unitPriceCents: 5000 }, 0],
  ])('%j is billed %i cents', (values, amount) => {
    const line = manualLine({ description: 'Travel', unit: 'unit', vatRateBp: 2000, ...values });
    expect(line).toMatchObject({
      kind: 'manual',
      amountCents: amount,
      quantity: values.quantity,
      interventionIds: [],
    });
  });

  it.each([
    [{ description: '  ' }, ['line.description:required']],
    [{ quantity: 1.255 }, ['line.quantity:quantity']],
    [{ quantity: -1 }, ['line.quantity:quantity']],
    [{ unitPriceCents: -100 }, ['line.unitPriceCents:amount']],
    [{ unitPriceCents: 10.5 }, ['line.unitPriceCents:amount']],
    [{ vatRateBp: 20 * 1000 }, ['line.vatRateBp:vat_rate']],
    [{}, []],
  ])('refuses %j with %j', (values, expected) => {
    const input = {
      description: 'Travel',
      quantity: 2,
      unit: 'unit' as const,
      unitPriceCents: 5000,
      vatRateBp: 2000,
      ...values,
    };
    expect(validateManualLine(input).map((p) => `${p.field}:${p.code}`)).toEqual(expected);
    if (expected.length > 0) expect(() => manualLine(input)).toThrow(RangeError);
  });
});
