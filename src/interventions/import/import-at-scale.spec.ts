import { DateTime } from 'luxon';
import { findOverlaps } from './find-overlaps';
import { mapRowsToContracts } from './map-rows-to-contracts';
import { parseTimesheetCsv } from './parse-timesheet-csv';

const HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';
const CLIENTS = Array.from({ length: 20 }, (_, i) => `Société Éloïse ${i}`);

/**
 * A year of work: 10,000 entries of 45 minutes, one an hour from 08:00 to 17:00 (ten a day),
 * every day of 1,000 days from 2025-01-01, across every clock change.
 */
function yearOfEntries(): string {
  const lines = [HEADER];
  const first = DateTime.fromISO('2025-01-01');
  const days = Array.from({ length: 1000 }, (_, n) => first.plus({ days: n }).toISODate());
  for (let i = 0; i < 10_000; i++) {
    const day = days[Math.floor(i / 10)];
    const hour = String(8 + (i % 10)).padStart(2, '0');
    const client = CLIENTS[i % CLIENTS.length];
    const billable = i % 7 === 0 ? 'No' : 'Yes';
    lines.push(
      `Ana,ana@exemple.fr,${client},Parc,Support,"Entrée ${i}, poste",${billable},${day},${hour}:00:00,${day},${hour}:45:00,00:45:00,,63.75`,
    );
  }
  return lines.join('\n');
}

describe('an import of 10,000 entries', () => {
  it('parses, maps and checks overlaps of every entry', async () => {
    const csv = yearOfEntries();
    const { rows, errors } = await parseTimesheetCsv('toggl', csv, { timezone: 'Europe/Paris' });
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(10_000);
    expect(rows.every((row) => row.end.getTime() - row.start.getTime() === 45 * 60000)).toBe(true);

    const contracts = CLIENTS.map((clientName, i) => ({
      id: `c${i}`,
      clientName: clientName.toUpperCase(),
      reference: `R${i}`,
      title: 'Maintenance',
    }));
    const { mapped, errors: unmapped } = mapRowsToContracts(rows, contracts, []);
    expect(unmapped).toEqual([]);
    expect(mapped[41].contractId).toBe('c1');

    // Two interventions already recorded: entries 0 (08:00) and 9,999 (17:00) clash with them.
    const existing = [
      { start: rows[0].start, end: new Date(rows[0].start.getTime() + 10 * 60000) },
      { start: new Date(rows[9_999].end.getTime() - 60000), end: rows[9_999].end },
    ];
    const overlaps = await findOverlaps(mapped, existing, 'Europe/Paris');
    expect(overlaps.map((overlap) => overlap.row)).toEqual([2, 10_001]);
  });
});
