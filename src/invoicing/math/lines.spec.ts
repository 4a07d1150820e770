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
    // Only the French rates.
    [{ vatRateBp: 1234 }, ['line.vatRateBp:vat_rate']],
    [{ vatRateBp: 1960 }, ['line.vatRateBp:vat_rate']],
    [{ vatRateBp: 550 }, []],
    [{ vatRateBp: 210 }, []],
    // A 0 % line of a taxed invoice says why; a taxed line has no exemption.
    [{ vatRateBp: 0 }, ['line.vatExemption:vat_exemption_required']],
    [{ vatRateBp: 0, vatExemption: 'training' }, []],
    [{ vatRateBp: 0, vatExemption: 'franchise' }, ['line.vatExemption:vat_exemption_unknown']],
    [{ vatRateBp: 2000, vatExemption: 'training' }, ['line.vatExemption:vat_exemption_taxed']],
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

describe('manualLine under a regime without VAT', () => {
  it('takes a 0 % line without exemption, and keeps goods', () => {
    const input = {
      description: 'Câble',
      quantity: 2,
      unit: 'unit' as const,
      unitPriceCents: 1500,
      vatRateBp: 0,
      supply: 'goods' as const,
    };
    expect(validateManualLine(input, 'line', false)).toEqual([]);
    expect(manualLine(input, false)).toMatchObject({ supply: 'goods', amountCents: 3000 });
    expect(manualLine(input, false)).not.toHaveProperty('vatExemption');
  });

  it('keeps an exemption on a 0 % line of a taxed invoice, and leaves services unsaid', () => {
    const line = manualLine({
      description: 'Formation',
      quantity: 7,
      unit: 'hour',
      unitPriceCents: 10000,
      vatRateBp: 0,
      vatExemption: 'training',
    });
    expect(line.vatExemption).toBe('training');
    expect(line).not.toHaveProperty('supply');
  });
});
