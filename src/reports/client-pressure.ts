/** The clients who cause the pressure: urgent requests, false urgencies and after-hours work. */

export interface ClientPressureInput {
  clientId: string;
  clientName: string;
  urgentRequests: number;
  falseUrgencies: number;
  afterHoursMinutes: number;
  urgentInterventions: number;
}

export interface ClientPressure extends ClientPressureInput {
  score: number;
}

/** Weights of the pressure score; false urgencies weigh most (they were not needed at all). */
export const PRESSURE_WEIGHTS = {
  urgentRequest: 3,
  falseUrgency: 4,
  afterHoursHour: 2,
  urgentIntervention: 2,
} as const;

/**
 * The clients who cause the pressure, highest score first (ties by name). Clients with a
 * score of 0 cause none and are left out. The score is rounded to one decimal.
 */
export function rankPressureClients(rows: readonly ClientPressureInput[]): ClientPressure[] {
  const w = PRESSURE_WEIGHTS;
  return rows
    .map((row) => ({
      ...row,
      score:
        Math.round(
          (row.urgentRequests * w.urgentRequest +
            row.falseUrgencies * w.falseUrgency +
            (row.afterHoursMinutes / 60) * w.afterHoursHour +
            row.urgentInterventions * w.urgentIntervention) *
            10,
        ) / 10,
    }))
    .filter((row) => row.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.clientName.localeCompare(b.clientName, 'fr') ||
        a.clientId.localeCompare(b.clientId),
    );
}
