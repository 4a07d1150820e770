/** The invoicing rules, pure and framework-free; they live in ./math, one concern per file. */
export * from './math';
