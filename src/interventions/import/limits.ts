/**
 * The most one import may hold: a consultant's years of work, or a team's export over a year,
 * fit well within it. A larger file is refused (413) as soon as it passes either limit, before
 * the rest of it is read.
 */
export const IMPORT_LIMITS = { bytes: 32 * 1024 * 1024, rows: 100_000 } as const;

/**
 * Rows handled between two turns of the event loop, so that other requests are answered while
 * a long import is read, checked and written.
 */
export const ROWS_PER_TURN = 250;

/**
 * Rows written between two turns: writing a row (with its day pieces and stored figures) costs
 * more than reading it; 100 keeps each turn to a few milliseconds (250 left the health check
 * of the import bench at p99 195–325 ms, 100 at 108–152 ms, the import no slower).
 */
export const ROWS_PER_WRITE = 100;

/** "32 MB", "100,000 entries": the limits as the refusal states them. */
export const IMPORT_LIMITS_TEXT = {
  bytes: `${IMPORT_LIMITS.bytes / (1024 * 1024)} MB`,
  rows: `${IMPORT_LIMITS.rows.toLocaleString('en-US')} entries`,
} as const;
