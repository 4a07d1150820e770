import {
  exemptionsOf,
  LINE_VAT_EXEMPTIONS,
  operationCategory,
  regimeExemption,
  VAT_EXEMPTION_CODES,
  vatExemption,
} from './vat-exemptions';

describe('VAT exemptions', () => {
  it('gives each reason a VATEX code, an EN 16931 category and its words', () => {
    for (const code of VAT_EXEMPTION_CODES) {
      const found = vatExemption(code);
      expect(found.vatex).toMatch(/^VATEX-(EU|FR)-[A-Z0-9-]+$/);
      expect(['E', 'AE', 'K', 'G', 'O']).toContain(found.category);
      expect(found.reason).toMatch(/art\. .* CGI/);
    }
  });

  it.each([
    ['training', 'VATEX-EU-132-1I', 'E'],
    ['export_goods', 'VATEX-EU-G', 'G'],
    ['reverse_charge', 'VATEX-EU-AE', 'AE'],
    ['franchise', 'VATEX-FR-FRANCHISE', 'E'],
    ['intra_eu_goods', 'VATEX-EU-IC', 'K'],
  ] as const)('%s is %s in category %s', (code, vatex, category) => {
    expect(vatExemption(code)).toMatchObject({ vatex, category });
  });

  it('leaves the franchise to the regime, not to a line', () => {
    expect(LINE_VAT_EXEMPTIONS).not.toContain('franchise');
    expect(regimeExemption('franchise')).toBe('franchise');
    expect(regimeExemption('reverse_charge')).toBe('reverse_charge');
    expect(regimeExemption('export')).toBe('outside_scope');
    expect(regimeExemption('standard')).toBeNull();
  });

  it('lists the exemptions of the lines once each, in reading order', () => {
    const lines = [
      { vatExemption: null },
      { vatExemption: 'training' },
      {},
      { vatExemption: 'export_goods' },
      { vatExemption: 'training' },
    ];
    expect(exemptionsOf(lines)).toEqual(['training', 'export_goods']);
  });
});

describe('operationCategory', () => {
  it.each([
    [[], 'services'],
    [[{}, { supply: 'services' }], 'services'],
    [[{ supply: 'goods' }, { supply: 'goods' }], 'goods'],
    [[{ supply: 'goods' }, {}], 'mixed'],
  ] as const)('%j → %s', (lines, expected) => {
    expect(operationCategory(lines)).toBe(expected);
  });
});
