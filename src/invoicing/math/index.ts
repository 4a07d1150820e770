/** Invoice arithmetic: pure rules for drafts, totals and VAT, credit notes, status, numbers and the hash chain. */
export * from './rounding';
export * from './problem';
export * from './lines';
export * from './labels';
export * from './draft-input';
export * from './retainer';
export * from './draft';
export * from './late-lines';
export * from './totals';
export * from './vat-regime';
export * from './vat-exemptions';
export * from './seller-mentions';
export * from './credit-notes';
export * from './payment-status';
export * from './late-penalty';
export * from '../../common/document-numbers';
export * from './hash-chain';
