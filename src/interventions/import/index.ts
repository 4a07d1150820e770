export * from './import-row';
export { parseTimesheetCsv } from './parse-timesheet-csv';
export { mapRowsToContracts } from './map-rows-to-contracts';
export type {
  ImportMapping,
  ImportableContract,
  MappedImport,
  MappedImportRow,
} from './map-rows-to-contracts';
export { findOverlaps, workSpan } from './find-overlaps';
export { refusalText, withReasons } from './refusal-text';
