import type { InterventionResponse, SavedInterventionResponse } from './dto/intervention.response';
import type { Warning } from './guardrails';
import type { Intervention } from './intervention.entity';
import type { Recorded } from './intervention-recorder.service';

/** The stored row plus the names the API promises (surchargePercent, running). */
export function toView(intervention: Intervention): InterventionResponse {
  return {
    id: intervention.id,
    consultantId: intervention.consultantId,
    contractId: intervention.contractId,
    clientId: intervention.clientId,
    requestId: intervention.requestId,
    activityId: intervention.activityId,
    startedAt: intervention.startedAt,
    endedAt: intervention.endedAt,
    urgency: intervention.urgency,
    location: intervention.location,
    description: intervention.description,
    billable: intervention.billable,
    durationMinutes: intervention.durationMinutes,
    afterHoursMinutes: intervention.afterHoursMinutes,
    billableMinutes: intervention.billableMinutes,
    afterHoursBillableMinutes: intervention.afterHoursBillableMinutes,
    hourlyRateCents: intervention.hourlyRateCents,
    baseAmountCents: intervention.baseAmountCents,
    surchargePercent: intervention.urgencySurchargePercent,
    urgencySurchargePercent: intervention.urgencySurchargePercent,
    urgencySurchargeCents: intervention.urgencySurchargeCents,
    afterHoursSurchargePercent: intervention.afterHoursSurchargePercent,
    afterHoursSurchargeCents: intervention.afterHoursSurchargeCents,
    amountCents: intervention.amountCents,
    invoiceId: intervention.invoiceId,
    source: intervention.source,
    autoStopped: intervention.autoStopped,
    running: intervention.endedAt === null,
    createdAt: intervention.createdAt,
    updatedAt: intervention.updatedAt,
  };
}

/** The answer to a save: the intervention, the limits it breaks, and its quota standing. */
export function toSavedView(recorded: Recorded, warnings: Warning[]): SavedInterventionResponse {
  return {
    ...toView(recorded.intervention),
    warnings: [...recorded.notes, ...warnings],
    ...(recorded.quota ? { quota: recorded.quota } : {}),
  };
}
