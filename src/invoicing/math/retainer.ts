/**
 * Month arithmetic lives with the allowance ledger, below invoicing, which also counts each
 * month's included, roll-over and overage minutes: drafts read its figures.
 */
export { addMonths, monthNumber } from '../../allowance/rollover';
