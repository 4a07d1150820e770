/** The roll-over rules live with the allowance ledger, below invoicing; drafts apply them. */
export {
  addMonths,
  consumeRetainer,
  monthNumber,
  usableRollover,
  type RetainerConsumption,
  type RetainerMonth,
} from '../../allowance/rollover';
